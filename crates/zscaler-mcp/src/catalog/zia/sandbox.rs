//! ZIA cloud sandbox (file detonation): Sandbox rules, the MD5 block list, report quota and reports.

use super::common;
use crate::catalog::toolsets::ZIA_SANDBOX;
use crate::catalog::{Filter, Param, Route, ToolDeclaration};

const RULE_ID: Param = Param::string("rule_id", "Rule id (zia_list_sandbox_rules).").required();
const ACTION: Param = Param::string("action", "What matching files get.")
    .one_of(&["ALLOW", "BLOCK"])
    .body("action");

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_SANDBOX
        .create(
            "zia_create_sandbox_rule",
            "Create sandbox rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/sandboxRules",
            common::RULE_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            common::UNIQUE_NAME_REQUIRED,
            ACTION.required(),
            common::ADVANCED_FILE_TYPES,
        )),
    ZIA_SANDBOX
        .delete(
            "zia_delete_sandbox_rule",
            "Delete sandbox rule",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/sandboxRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_SANDBOX
        .get(
            "zia_get_sandbox_behavioral_analysis",
            "Get sandbox behavioral analysis settings",
            "The custom list of MD5 file hashes to block.",
        )
        .routes(&[Route::get("/zia/api/v1/behavioralAnalysisAdvancedSettings")]),
    ZIA_SANDBOX
        .get(
            "zia_get_sandbox_file_hash_count",
            "Get sandbox blocked hash count",
            "MD5 hashes in the custom block list and room left.",
        )
        .routes(&[Route::get(
            "/zia/api/v1/behavioralAnalysisAdvancedSettings/fileHashCount",
        )]),
    ZIA_SANDBOX
        .get(
            "zia_get_sandbox_quota",
            "Get sandbox report quota",
            "Report API quota: allowed, used and left this period.",
        )
        .routes(&[Route::get("/zia/api/v1/sandbox/report/quota")]),
    ZIA_SANDBOX
        .get(
            "zia_get_sandbox_report",
            "Get sandbox report",
            "Analysis report (verdict, score, behaviour) of a file by MD5; content untrusted.",
        )
        .routes(&[Route::get("/zia/api/v1/sandbox/report/{md5_hash}")
            .query(&[("details", "{report_details}")])])
        .params(&[
            Param::string("md5_hash", "File MD5.").required(),
            Param::string("report_details", "Detail level; summary when omitted.")
                .one_of(&["full", "summary"]),
        ])
        .untrusted(),
    ZIA_SANDBOX
        .get(
            "zia_get_sandbox_rule",
            "Get sandbox rule",
            "One rule: conditions, file types, threat score, action.",
        )
        .routes(&[Route::get("/zia/api/v1/sandboxRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_SANDBOX
        .list(
            "zia_list_sandbox_rules",
            "List sandbox rules",
            "All rules with order, state, action.",
        )
        .routes(&[Route::get("/zia/api/v1/sandboxRules")
            .list()
            .filters(&[Filter::contains("search", &["name"])])])
        .params(&[Param::string("search", "Name substring.")]),
    ZIA_SANDBOX
        .update(
            "zia_update_sandbox_rule",
            "Update sandbox rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/sandboxRules/{rule_id}",
            common::RULE_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            RULE_ID,
            common::UNIQUE_NAME,
            ACTION,
            common::ADVANCED_FILE_TYPES,
        )),
];
