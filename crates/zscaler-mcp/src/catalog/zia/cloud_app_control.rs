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
        "Create a cloud app control rule of a rule type (order 1, rank 7 unless given); needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/webApplicationRules/{rule_type}")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("rule_type", "Rule type (app class), e.g. STREAMING_MEDIA, WEBMAIL, AI_ML.")
            .required(),
        Param::string("name", "Rule name, unique.").required().body("name"),
        Param::string("action", "Action valid for the type (zia_list_cloud_app_control_actions).")
            .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. applications; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Delete,
        "zia_delete_cloud_app_control_rule",
        "Delete cloud app control rule",
        "Delete a cloud app control rule by type and id; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "Rule type of the rule, e.g. WEBMAIL.").required(),
        Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_get_cloud_app_control_rule",
        "Get cloud app control rule",
        "Return one cloud app control rule by rule type and id, with its applications, actions and conditions.",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "Rule type of the rule, e.g. WEBMAIL.").required(),
        Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_control_actions",
        "List cloud app control actions",
        "List the rule actions available for a rule type and the given cloud applications (a read-only POST).",
        Handler::Routes(&[Route::post(
            "/zia/api/v1/webApplicationRules/{rule_type}/availableActions",
        )
        .read_only()
        .list()]),
    )
    .params(&[
        Param::string("rule_type", "Rule type (app class), e.g. STREAMING_MEDIA, WEBMAIL, AI_ML.")
            .required(),
        Param::strings("cloud_apps", "Application enums of that type (zia_list_cloud_app_policy).")
            .body("cloudApps"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_control_rules",
        "List cloud app control rules",
        "List all cloud app control rules of one rule type, with order, state, applications and actions.",
        Handler::Routes(&[Route::get("/zia/api/v1/webApplicationRules/{rule_type}").list()]),
    )
    .params(&[
        Param::string("rule_type", "Rule type (app class), e.g. STREAMING_MEDIA, WEBMAIL, AI_ML.")
            .required(),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_policy",
        "List cloud apps for policy",
        "List cloud application enums usable in DLP, cloud app control and file type rules; all pages unless page is given.",
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
        Param::string("search", "Application name substring."),
        Param::string("app_class", "Application class, e.g. WEBMAIL or AI_ML."),
        Param::integer("page", "Page number, from 1; only that page."),
        Param::integer("page_size", "Rows per page."),
        Param::boolean("group_results", "One row per class with its app count."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Update,
        "zia_update_cloud_app_control_rule",
        "Update cloud app control rule",
        "Change a cloud app control rule; fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )
        .id_lists(RULE_ID_LISTS)
        .merge_current()]),
    )
    .params(&[
        Param::string("rule_type", "Rule type of the rule, e.g. WEBMAIL.").required(),
        Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required(),
        Param::string("name", "Rule name, unique.").body("name"),
        // NOTE(model): the rule's field is the list `actions`; `action` is sent as is and loses to
        // the current record's `actions`, so only advanced.actions changes them. Needs a body
        // target that wraps one value in a list.
        Param::string(
            "action",
            "Not applied: the rule keeps its actions; set advanced.actions instead.",
        )
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.").to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. actions (zia_list_cloud_app_control_actions), applications.",
        )
        .to(Body::Merge),
    ]),
];
