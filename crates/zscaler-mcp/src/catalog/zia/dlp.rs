//! ZIA data loss prevention: DLP dictionaries and engines, and web DLP policy rules.

use super::common;
use crate::catalog::toolsets::ZIA_DLP;
use crate::catalog::{Filter, Lit, Param, Route, ToolDeclaration, When};

const RULE_ID: Param = Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required();
const ACTION: Param = Param::string("action", "What matching traffic gets.")
    .one_of(&["ANY", "ALLOW", "BLOCK", "ICAP_RESPONSE"])
    .body("action");
const ADVANCED: Param = common::advanced("Extra camelCase fields, e.g. dlpEngines; plain ids ok.");

const READ_MODE: Param = Param::string("action", "read_lite: ids and names only.")
    .one_of(&["read", "read_lite"])
    .default(Lit::Str("read"));
/// `search` the API does not take: the server keeps the rows whose name contains it.
const SEARCH_BY_NAME: Param = Param::string("search", "Name substring.");
const BY_NAME: &[Filter] = &[Filter::contains("search", &["name"])];

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_DLP
        .list(
            "get_zia_dlp_dictionaries",
            "List DLP dictionaries",
            "Dictionaries with patterns and phrases; dict_id returns one.",
        )
        .routes(&[
            Route::get("/zia/api/v1/dlpDictionaries/{dict_id}").when(When::Has("dict_id")),
            Route::get("/zia/api/v1/dlpDictionaries/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            common::search_list("/zia/api/v1/dlpDictionaries"),
        ])
        .params(&[
            READ_MODE,
            Param::string("dict_id", "Dictionary id."),
            Param::string("search", "Name substring (full list only)."),
        ]),
    ZIA_DLP
        .list(
            "get_zia_dlp_engines",
            "List DLP engines",
            "Engines with dictionary expressions; engine_id returns one.",
        )
        .routes(&[
            Route::get("/zia/api/v1/dlpEngines/{engine_id}").when(When::Has("engine_id")),
            Route::get("/zia/api/v1/dlpEngines/lite")
                .when(When::Is("action", "read_lite"))
                .list()
                .filters(BY_NAME),
            Route::get("/zia/api/v1/dlpEngines").list().filters(BY_NAME),
        ])
        .params(&[
            READ_MODE,
            Param::string("engine_id", "Engine id."),
            SEARCH_BY_NAME,
        ]),
    ZIA_DLP
        .create(
            "zia_create_web_dlp_rule",
            "Create web DLP rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/webDlpRules",
            common::CRITERIA_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            common::NAME_REQUIRED,
            ACTION,
            ADVANCED,
        )),
    ZIA_DLP
        .delete(
            "zia_delete_web_dlp_rule",
            "Delete web DLP rule",
            "Delete a rule; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/webDlpRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_DLP
        .get(
            "zia_get_web_dlp_rule",
            "Get web DLP rule",
            "One rule: engines, protocols, criteria, action, state.",
        )
        .routes(&[Route::get("/zia/api/v1/webDlpRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_DLP
        .list(
            "zia_list_web_dlp_rules",
            "List web DLP rules",
            "All rules in order: engines, protocols, criteria, action, state.",
        )
        .routes(&[Route::get("/zia/api/v1/webDlpRules")
            .list()
            .filters(BY_NAME)])
        .params(&[SEARCH_BY_NAME]),
    ZIA_DLP
        .list(
            "zia_list_web_dlp_rules_lite",
            "List web DLP rules (lite)",
            "Id, name and order only; cheaper than zia_list_web_dlp_rules.",
        )
        .routes(&[Route::get("/zia/api/v1/webDlpRules/lite")
            .list()
            .filters(BY_NAME)])
        .params(&[SEARCH_BY_NAME]),
    ZIA_DLP
        .update(
            "zia_update_web_dlp_rule",
            "Update web DLP rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/webDlpRules/{rule_id}",
            common::CRITERIA_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            RULE_ID,
            common::NAME,
            ACTION,
            ADVANCED,
        )),
];
