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
        "List DLP dictionaries with their patterns and phrases; dict_id returns one dictionary, read_lite only ids and names.",
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
        Param::string("action", "read_lite answers ids and names only.")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("dict_id", "Dictionary id: return that one only."),
        Param::string("search", "Text the dictionary name contains (full list only)."),
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
        "List DLP engines with their dictionary expressions; engine_id returns one engine, read_lite only ids and names.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpEngines/{engine_id}").when(When::Has("engine_id")),
            Route::get("/zia/api/v1/dlpEngines/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            Route::get("/zia/api/v1/dlpEngines").list(),
        ]),
    )
    .params(&[
        Param::string("action", "read_lite answers ids and names only.")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("engine_id", "Engine id: return that one only."),
        Param::string("search", "Engine name filter (not applied yet)."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Create,
        "zia_create_web_dlp_rule",
        "Create web DLP rule",
        "Create a web DLP rule, by default enabled at order 1 and admin rank 7; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/webDlpRules")
            .id_lists(ID_LISTS)
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])]),
    )
    .params(&[
        Param::string("name", "Rule name.").required().body("name"),
        Param::string("action", "e.g. ALLOW, BLOCK, ICAP_RESPONSE.").body("action"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. dlpEngines, protocols.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Delete,
        "zia_delete_web_dlp_rule",
        "Delete web DLP rule",
        "Delete a web DLP rule; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_get_web_dlp_rule",
        "Get web DLP rule",
        "Return one web DLP rule with its engines, protocols, criteria, action and state.",
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
        "List all web DLP rules in evaluation order, with engines, protocols, criteria, action and state.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules").list()]),
    )
    .params(&[Param::string("search", "Rule name filter (not applied yet).")])
    .list(),
    // NOTE(model): the reference sends no `search` query: the SDK filters rules locally, and no
    // client-side filter exists yet, so `search` is accepted and not applied.
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules_lite",
        "List web DLP rules (lite)",
        "List all web DLP rules as id, name and order only; cheaper than zia_list_web_dlp_rules.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/lite").list()]),
    )
    .params(&[Param::string("search", "Rule name filter (not applied yet).")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Update,
        "zia_update_web_dlp_rule",
        "Update web DLP rule",
        "Change a web DLP rule; fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/webDlpRules/{rule_id}")
            .id_lists(ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required(),
        Param::string("name", "New rule name.").body("name"),
        Param::string("action", "e.g. ALLOW, BLOCK, ICAP_RESPONSE.").body("action"),
        Param::string("description", "New description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced.").to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. dlpEngines, protocols.",
        )
        .to(Body::Merge),
    ]),
];
