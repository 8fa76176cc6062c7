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
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/sandboxRules")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action", "E.g. ALLOW or BLOCK.")
            .required()
            .body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. fileTypes; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Delete,
        "zia_delete_sandbox_rule",
        "Delete sandbox rule",
        "Delete by id; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/sandboxRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_sandbox_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_behavioral_analysis",
        "Get sandbox behavioral analysis settings",
        "The custom list of MD5 file hashes to block.",
        Handler::Routes(&[Route::get("/zia/api/v1/behavioralAnalysisAdvancedSettings")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_file_hash_count",
        "Get sandbox blocked hash count",
        "MD5 hashes in the custom block list and room left.",
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
        "Report API quota: allowed, used and left this period.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandbox/report/quota")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_report",
        "Get sandbox report",
        "Analysis report (verdict, score, behaviour) of a file by MD5; content untrusted.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandbox/report/{md5_hash}")
            .query(&[("details", "{report_details}")])]),
    )
    .params(&[
        Param::string("md5_hash", "File MD5.").required(),
        Param::string("report_details", "full, or summary (default)."),
    ])
    .untrusted(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_rule",
        "Get sandbox rule",
        "One rule: conditions, file types, threat score, action.",
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
        "All rules with order, state, action; search not applied, use query.",
        Handler::Routes(&[Route::get("/zia/api/v1/sandboxRules").list()]),
    )
    .params(&[Param::string("search", "Ignored; use query.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Update,
        "zia_update_sandbox_rule",
        "Update sandbox rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/sandboxRules/{rule_id}")
            .id_lists(RULE_ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_sandbox_rules).").required(),
        Param::string("name", "Unique name.").body("name"),
        Param::string("action", "E.g. ALLOW or BLOCK.").body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.").to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. fileTypes; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
];
