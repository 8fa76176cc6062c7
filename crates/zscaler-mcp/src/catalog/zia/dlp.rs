//! ZIA data loss prevention: DLP dictionaries and engines, and web DLP policy rules.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, ToolDeclaration, When};

/// Keys of `advanced` whose scalar id lists become `[{"id": N}]`.
const ID_LISTS: &[&str] = &["departments", "groups", "labels", "locations", "nwServices"];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "get_zia_dlp_dictionaries",
        "List DLP dictionaries",
        "Dictionaries with patterns and phrases; dict_id returns one.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpDictionaries/{dict_id}").when(When::Has("dict_id")),
            Route::get("/zia/api/v1/dlpDictionaries/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            Route::get("/zia/api/v1/dlpDictionaries")
                .query(&[("search", "{search}")])
                .list(),
        ]),
    )
    .params(&[
        Param::string("action", "read_lite: ids and names only.")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("dict_id", "Dictionary id."),
        Param::string("search", "Name substring (full list only)."),
    ])
    .list(),
    // NOTE(model): the reference sends no `search` query: the SDK filters engines locally, and no
    // client-side filter exists yet, so `search` is accepted and not applied.
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "get_zia_dlp_engines",
        "List DLP engines",
        "Engines with dictionary expressions; engine_id returns one.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpEngines/{engine_id}").when(When::Has("engine_id")),
            Route::get("/zia/api/v1/dlpEngines/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            Route::get("/zia/api/v1/dlpEngines").list(),
        ]),
    )
    .params(&[
        Param::string("action", "read_lite: ids and names only.")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("engine_id", "Engine id."),
        Param::string("search", "Name filter; not applied yet."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Create,
        "zia_create_web_dlp_rule",
        "Create web DLP rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/webDlpRules")
            .id_lists(ID_LISTS)
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("action", "E.g. ALLOW, BLOCK, ICAP_RESPONSE.").body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. dlpEngines; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Delete,
        "zia_delete_web_dlp_rule",
        "Delete web DLP rule",
        "Delete a rule; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_get_web_dlp_rule",
        "Get web DLP rule",
        "One rule: engines, protocols, criteria, action, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required()]),
    // NOTE(model): the reference sends no `search` query: the SDK filters rules locally, and no
    // client-side filter exists yet, so `search` is accepted and not applied.
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules",
        "List web DLP rules",
        "All rules in order: engines, protocols, criteria, action, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules").list()]),
    )
    .params(&[Param::string("search", "Name filter; not applied yet.")])
    .list(),
    // NOTE(model): the reference sends no `search` query: the SDK filters rules locally, and no
    // client-side filter exists yet, so `search` is accepted and not applied.
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules_lite",
        "List web DLP rules (lite)",
        "Id, name and order only; cheaper than zia_list_web_dlp_rules.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/lite").list()]),
    )
    .params(&[Param::string("search", "Name filter; not applied yet.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Update,
        "zia_update_web_dlp_rule",
        "Update web DLP rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/webDlpRules/{rule_id}")
            .id_lists(ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required(),
        Param::string("name", "Name.").body("name"),
        Param::string("action", "E.g. ALLOW, BLOCK, ICAP_RESPONSE.").body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.").to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. dlpEngines; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
];
