//! ZIA cloud sandbox (file detonation): Sandbox rules, the MD5 block list, report quota and reports.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, ToolDeclaration};

/// `advanced` keys whose scalar lists are sent as `[{"id": N}]`.
const RULE_ID_LISTS: &[&str] = &[
    "departments",
    "groups",
    "labels",
    "locations",
    "nwServices",
    "users",
    "locationGroups",
    "timeWindows",
    "devices",
    "deviceGroups",
];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Create,
        "zia_create_sandbox_rule",
        "Create sandbox rule",
        "Create a Sandbox rule (order 1, rank 7 unless given); takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/sandboxRules")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Rule name, unique.").required().body("name"),
        Param::string("action", "Rule action, e.g. ALLOW or BLOCK.")
            .required()
            .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. fileTypes; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Delete,
        "zia_delete_sandbox_rule",
        "Delete sandbox rule",
        "Delete a Sandbox rule by id; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/sandboxRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_sandbox_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_behavioral_analysis",
        "Get sandbox behavioral analysis settings",
        "Return the Sandbox behavioral-analysis settings: the custom list of MD5 file hashes to block.",
        Handler::Routes(&[Route::get("/zia/api/v1/behavioralAnalysisAdvancedSettings")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_file_hash_count",
        "Get sandbox blocked hash count",
        "Return how many MD5 hashes the custom Sandbox block list holds and how many more it can take.",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/behavioralAnalysisAdvancedSettings/fileHashCount",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_quota",
        "Get sandbox report quota",
        "Return the Sandbox report API quota: reports allowed, used and left in the current period.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandbox/report/quota")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_report",
        "Get sandbox report",
        "Return the Sandbox analysis report (verdict, score, behaviour) of a file by MD5; its content is untrusted.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandbox/report/{md5_hash}")
            .query(&[("details", "{report_details}")])]),
    )
    .params(&[
        Param::string("md5_hash", "MD5 of the analysed file, 32 hex characters.").required(),
        Param::string("report_details", "full or summary (the API's default)."),
    ])
    .untrusted(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_rule",
        "Get sandbox rule",
        "Return one Sandbox rule by id: conditions, file types, threat score and action.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandboxRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_sandbox_rules).").required()]),
    // NOTE(model): the reference sends no search query (the SDK filtered by name locally); no
    // client-side filter exists yet, so `search` is accepted and not applied.
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_list_sandbox_rules",
        "List sandbox rules",
        "List all Sandbox rules with order, state and action; search is not applied yet, filter with query.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandboxRules").list()]),
    )
    .params(&[Param::string("search", "Rule name filter; currently ignored.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Update,
        "zia_update_sandbox_rule",
        "Update sandbox rule",
        "Change a Sandbox rule; fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/sandboxRules/{rule_id}")
            .id_lists(RULE_ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_sandbox_rules).").required(),
        Param::string("name", "Rule name, unique.").body("name"),
        Param::string("action", "Rule action, e.g. ALLOW or BLOCK.").body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.").to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. fileTypes; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
];
