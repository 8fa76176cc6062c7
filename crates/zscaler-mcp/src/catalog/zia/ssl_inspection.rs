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
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/sslInspectionRules")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string(
            "action",
            "DECRYPT, DO_NOT_DECRYPT or BLOCK; full object via advanced.",
        )
        .body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. urlCategories; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Delete,
        "zia_delete_ssl_inspection_rule",
        "Delete SSL inspection rule",
        "Delete by id; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_get_ssl_inspection_rule",
        "Get SSL inspection rule",
        "One rule: conditions and decrypt or bypass action.",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_cloud_app_ssl_policy",
        "List cloud apps for SSL policy",
        "App enums for SSL inspection rules; all pages unless page given.",
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
        Param::string("search", "Name substring."),
        Param::string("app_class", "App class, e.g. WEBMAIL."),
        Param::integer("page", "Page; omit for all."),
        Param::integer("page_size", "Page size."),
        Param::boolean("group_results", "One row per class with count."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_ssl_inspection_rules",
        "List SSL inspection rules",
        "All rules: order, state, conditions, action.",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules").list()]),
    )
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Update,
        "zia_update_ssl_inspection_rule",
        "Update SSL inspection rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/sslInspectionRules/{rule_id}")
            .id_lists(RULE_ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required(),
        Param::string("name", "Unique name.").body("name"),
        Param::string(
            "action",
            "DECRYPT, DO_NOT_DECRYPT or BLOCK; full object via advanced.",
        )
        .body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.").to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. urlCategories; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
];
