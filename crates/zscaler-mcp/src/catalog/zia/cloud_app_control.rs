//! ZIA cloud app control: web application rules per rule type, their actions and the app catalog.

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
        "zia_cloud_app_control",
        Action::Create,
        "zia_create_cloud_app_control_rule",
        "Create cloud app control rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/webApplicationRules/{rule_type}")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("rule_type", "App class, e.g. WEBMAIL, AI_ML.")
            .required(),
        Param::string("name", "Unique name.").required().body("name"),
        Param::string("action", "Action (zia_list_cloud_app_control_actions).")
            .body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. applications; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Delete,
        "zia_delete_cloud_app_control_rule",
        "Delete cloud app control rule",
        "Delete by rule type and id; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "Rule type, e.g. WEBMAIL.").required(),
        Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_get_cloud_app_control_rule",
        "Get cloud app control rule",
        "One rule with applications, actions and conditions.",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "Rule type, e.g. WEBMAIL.").required(),
        Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_control_actions",
        "List cloud app control actions",
        "Actions valid for a rule type and the given apps.",
        Handler::Routes(&[Route::post(
            "/zia/api/v1/webApplicationRules/{rule_type}/availableActions",
        )
        .read_only()
        .list()]),
    )
    .params(&[
        Param::string("rule_type", "App class, e.g. WEBMAIL, AI_ML.")
            .required(),
        Param::strings("cloud_apps", "App enums (zia_list_cloud_app_policy).")
            .body("cloudApps"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_control_rules",
        "List cloud app control rules",
        "All rules of one rule type: order, state, applications, actions.",
        Handler::Routes(&[Route::get("/zia/api/v1/webApplicationRules/{rule_type}").list()]),
    )
    .params(&[
        Param::string("rule_type", "App class, e.g. WEBMAIL, AI_ML.")
            .required(),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_policy",
        "List cloud apps for policy",
        "App enums for DLP, cloud app control and file type rules; all pages unless page given.",
        Handler::Routes(&[Route::get("/zia/api/v1/cloudApplications/policy")
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
        "zia_cloud_app_control",
        Action::Update,
        "zia_update_cloud_app_control_rule",
        "Update cloud app control rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )
        .id_lists(RULE_ID_LISTS)
        .merge_current()]),
    )
    .params(&[
        Param::string("rule_type", "Rule type, e.g. WEBMAIL.").required(),
        Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required(),
        Param::string("name", "Unique name.").body("name"),
        // NOTE(model): the rule's field is the list `actions`; `action` is sent as is and loses to
        // the current record's `actions`, so only advanced.actions changes them. Needs a body
        // target that wraps one value in a list.
        Param::string(
            "action",
            "Ignored; set advanced.actions instead.",
        )
        .body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.").to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. actions (zia_list_cloud_app_control_actions); plain ids ok.",
        )
        .to(Body::Merge),
    ]),
];
