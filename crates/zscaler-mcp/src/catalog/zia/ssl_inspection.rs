//! ZIA SSL inspection: SSL inspection rules and the cloud applications they can match.

use super::common;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

const RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required();
const ACTION: Param = Param::string(
    "action",
    "DECRYPT, DO_NOT_DECRYPT or BLOCK; full object via advanced.",
)
.body("action");

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Create,
        "zia_create_ssl_inspection_rule",
        "Create SSL inspection rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[common::rule_create(
            "/zia/api/v1/sslInspectionRules",
            common::RULE_ID_LISTS,
        )]),
    )
    .params(&common::rule_create_params(
        common::UNIQUE_NAME_REQUIRED,
        ACTION,
        common::ADVANCED_URL_CATEGORIES,
    )),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Delete,
        "zia_delete_ssl_inspection_rule",
        "Delete SSL inspection rule",
        "Delete by id; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[RULE_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_get_ssl_inspection_rule",
        "Get SSL inspection rule",
        "One rule: conditions and decrypt or bypass action.",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[RULE_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_cloud_app_ssl_policy",
        "List cloud apps for SSL policy",
        "App enums for SSL inspection rules; all pages unless page given.",
        Handler::Routes(&[common::cloud_app_catalog(
            "/zia/api/v1/cloudApplications/sslPolicy",
        )]),
    )
    .params(common::CLOUD_APP_PARAMS)
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
        Handler::Routes(&[common::rule_update(
            "/zia/api/v1/sslInspectionRules/{rule_id}",
            common::RULE_ID_LISTS,
        )]),
    )
    .params(&common::rule_update_params(
        RULE_ID,
        common::UNIQUE_NAME,
        ACTION,
        common::ADVANCED_URL_CATEGORIES,
    )),
];
