//! ZIA cloud app control: web application rules per rule type, their actions and the app catalog.

use super::common;
use crate::catalog::toolsets::ZIA_CLOUD_APP_CONTROL;
use crate::catalog::{Param, Route, ToolDeclaration};

const RULE: &str = "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}";

/// The rule types (application classes) the API takes in `webApplicationRules/{ruleType}`.
const RULE_TYPES: &[&str] = &[
    "AI_ML",
    "BUSINESS_PRODUCTIVITY",
    "CONSUMER",
    "CUSTOM_CAPP",
    "DNS_OVER_HTTPS",
    "ENTERPRISE_COLLABORATION",
    "FILE_SHARE",
    "FINANCE",
    "HEALTH_CARE",
    "HOSTING_PROVIDER",
    "HUMAN_RESOURCES",
    "INSTANT_MESSAGING",
    "IT_SERVICES",
    "LEGAL",
    "SALES_AND_MARKETING",
    "SOCIAL_NETWORKING",
    "STREAMING_MEDIA",
    "SYSTEM_AND_DEVELOPMENT",
    "WEBMAIL",
];
const RULE_CLASS: Param = Param::string("rule_type", "Rule type (app class).")
    .required()
    .one_of(RULE_TYPES);
const RULE_TYPE: Param = Param::string("rule_type", "The rule's type.")
    .required()
    .one_of(RULE_TYPES);
const RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_cloud_app_control_rules).").required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_CLOUD_APP_CONTROL
        .create(
            "zia_create_cloud_app_control_rule",
            "Create cloud app control rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/webApplicationRules/{rule_type}",
            common::RULE_ID_LISTS,
        )])
        .params(&[
            RULE_CLASS,
            common::UNIQUE_NAME_REQUIRED,
            Param::string("action", "Action (zia_list_cloud_app_control_actions).").body("action"),
            common::DESCRIPTION,
            common::RULE_ENABLED_DEFAULT,
            common::RULE_ORDER,
            common::RULE_RANK,
            common::advanced("Extra camelCase fields, e.g. applications; plain ids ok."),
        ]),
    ZIA_CLOUD_APP_CONTROL
        .delete(
            "zia_delete_cloud_app_control_rule",
            "Delete cloud app control rule",
            "Delete by rule type and id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete(RULE)])
        .params(&[RULE_TYPE, RULE_ID]),
    ZIA_CLOUD_APP_CONTROL
        .get(
            "zia_get_cloud_app_control_rule",
            "Get cloud app control rule",
            "One rule with applications, actions and conditions.",
        )
        .routes(&[Route::get(RULE)])
        .params(&[RULE_TYPE, RULE_ID]),
    ZIA_CLOUD_APP_CONTROL
        .list(
            "zia_list_cloud_app_control_actions",
            "List cloud app control actions",
            "Actions valid for a rule type and the given apps.",
        )
        .routes(&[
            Route::post("/zia/api/v1/webApplicationRules/{rule_type}/availableActions")
                .read_only()
                .list(),
        ])
        .params(&[
            RULE_CLASS,
            Param::strings("cloud_apps", "App enums (zia_list_cloud_app_policy).")
                .body("cloudApps"),
        ]),
    ZIA_CLOUD_APP_CONTROL
        .list(
            "zia_list_cloud_app_control_rules",
            "List cloud app control rules",
            "All rules of one rule type: order, state, applications, actions.",
        )
        .routes(&[Route::get("/zia/api/v1/webApplicationRules/{rule_type}").list()])
        .params(&[RULE_CLASS]),
    ZIA_CLOUD_APP_CONTROL
        .list(
            "zia_list_cloud_app_policy",
            "List cloud apps for policy",
            "App enums for DLP, cloud app control and file type rules; all pages unless page \
             given.",
        )
        .routes(&[common::cloud_app_catalog(
            "/zia/api/v1/cloudApplications/policy",
        )])
        .params(common::CLOUD_APP_PARAMS),
    ZIA_CLOUD_APP_CONTROL
        .update(
            "zia_update_cloud_app_control_rule",
            "Update cloud app control rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(RULE, common::RULE_ID_LISTS)])
        .params(&[
            RULE_TYPE,
            RULE_ID,
            common::UNIQUE_NAME,
            // NOTE(model): the rule's field is the list `actions`; `action` is sent as is and
            // loses to the current record's `actions`, so only advanced.actions changes them.
            // Needs a body target that wraps one value in a list.
            Param::string("action", "Ignored; set advanced.actions instead.").body("action"),
            common::DESCRIPTION,
            common::RULE_ENABLED,
            common::RULE_ORDER,
            common::RULE_RANK,
            common::advanced(
                "Extra camelCase fields, e.g. actions (zia_list_cloud_app_control_actions); \
             plain ids ok.",
            ),
        ]),
];
