//! ZIA SSL inspection: SSL inspection rules and the cloud applications they can match.

use super::common;
use crate::catalog::toolsets::ZIA_SSL_INSPECTION;
use crate::catalog::{Param, Route, ToolDeclaration};

const RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_ssl_inspection_rules).").required();
const ACTION: Param = Param::string("action", "Action type; full object via advanced.")
    .one_of(&["DECRYPT", "DO_NOT_DECRYPT", "BLOCK"])
    .body("action");

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_SSL_INSPECTION
        .create(
            "zia_create_ssl_inspection_rule",
            "Create SSL inspection rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/sslInspectionRules",
            common::RULE_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            common::UNIQUE_NAME_REQUIRED,
            ACTION,
            common::ADVANCED_URL_CATEGORIES,
        )),
    ZIA_SSL_INSPECTION
        .delete(
            "zia_delete_ssl_inspection_rule",
            "Delete SSL inspection rule",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/sslInspectionRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_SSL_INSPECTION
        .get(
            "zia_get_ssl_inspection_rule",
            "Get SSL inspection rule",
            "One rule: conditions and decrypt or bypass action.",
        )
        .routes(&[Route::get("/zia/api/v1/sslInspectionRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_SSL_INSPECTION
        .list(
            "zia_list_cloud_app_ssl_policy",
            "List cloud apps for SSL policy",
            "App enums for SSL inspection rules; all pages unless page given.",
        )
        .routes(&[common::cloud_app_catalog(
            "/zia/api/v1/cloudApplications/sslPolicy",
        )])
        .params(common::CLOUD_APP_PARAMS),
    ZIA_SSL_INSPECTION
        .list(
            "zia_list_ssl_inspection_rules",
            "List SSL inspection rules",
            "All rules: order, state, conditions, action.",
        )
        .routes(&[Route::get("/zia/api/v1/sslInspectionRules").list()]),
    ZIA_SSL_INSPECTION
        .update(
            "zia_update_ssl_inspection_rule",
            "Update SSL inspection rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/sslInspectionRules/{rule_id}",
            common::RULE_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            RULE_ID,
            common::UNIQUE_NAME,
            ACTION,
            common::ADVANCED_URL_CATEGORIES,
        )),
];
