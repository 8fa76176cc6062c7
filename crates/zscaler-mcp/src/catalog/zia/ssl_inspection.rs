//! ZIA SSL inspection: SSL inspection rules and the cloud applications they can match.

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
        "zia_ssl_inspection",
        Action::Create,
        "zia_create_ssl_inspection_rule",
        "Create SSL inspection rule",
        "Create an SSL inspection rule (order 1, rank 7 unless given); takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/sslInspectionRules")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Rule name, unique.").required().body("name"),
        Param::string(
            "action",
            "Action type: DECRYPT, DO_NOT_DECRYPT or BLOCK (full object via advanced).",
        )
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. urlCategories; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Delete,
        "zia_delete_ssl_inspection_rule",
        "Delete SSL inspection rule",
        "Delete an SSL inspection rule by id; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_get_ssl_inspection_rule",
        "Get SSL inspection rule",
        "Return one SSL inspection rule by id, with its conditions and decrypt or bypass action.",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_cloud_app_ssl_policy",
        "List cloud apps for SSL policy",
        "List cloud application enums usable in SSL inspection rules; all pages are gathered unless page is given.",
        Handler::Routes(&[Route::get("/zia/api/v1/cloudApplications/sslPolicy")
            .query(&[
                ("search", "{search}"),
                ("appClass", "{app_class}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
                ("groupResults", "{group_results}"),
            ])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::string("search", "Application name substring."),
        Param::string("app_class", "Application class, e.g. WEBMAIL or AI_ML."),
        Param::integer("page", "Page number, from 1; only that page."),
        Param::integer("page_size", "Rows per page."),
        Param::boolean("group_results", "One row per class with its app count."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_ssl_inspection_rules",
        "List SSL inspection rules",
        "List all SSL inspection rules with their order, state, conditions and action.",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules").list()]),
    )
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Update,
        "zia_update_ssl_inspection_rule",
        "Update SSL inspection rule",
        "Change an SSL inspection rule; fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/sslInspectionRules/{rule_id}")
                .id_lists(RULE_ID_LISTS)
                .merge_current()
        ]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required(),
        Param::string("name", "Rule name, unique.").body("name"),
        Param::string(
            "action",
            "Action type: DECRYPT, DO_NOT_DECRYPT or BLOCK (full object via advanced).",
        )
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.").to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. urlCategories; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
];
