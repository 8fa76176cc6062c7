//! ZIA data loss prevention: DLP dictionaries and engines, and web DLP policy rules.

use super::common;
use crate::catalog::{Action, Filter, Handler, Lit, Param, Route, ToolDeclaration, When};
use crate::service::Service;

const RULE_ID: Param = Param::string("rule_id", "Rule id (zia_list_web_dlp_rules).").required();
const ACTION: Param = Param::string("action", "E.g. ALLOW, BLOCK, ICAP_RESPONSE.").body("action");
const ADVANCED: Param = common::advanced("Extra camelCase fields, e.g. dlpEngines; plain ids ok.");

const READ_MODE: Param = Param::string("action", "read_lite: ids and names only.")
    .one_of(&["read", "read_lite"])
    .default(Lit::Str("read"));
/// `search` the API does not take: the server keeps the rows whose name contains it.
const SEARCH_BY_NAME: Param = Param::string("search", "Name substring.");
const BY_NAME: &[Filter] = &[Filter::contains("search", &["name"])];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "get_zia_dlp_dictionaries",
        "List DLP dictionaries",
        "Dictionaries with patterns and phrases; dict_id returns one.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpDictionaries/{dict_id}").when(When::Has("dict_id")),
            Route::get("/zia/api/v1/dlpDictionaries/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            common::search_list("/zia/api/v1/dlpDictionaries"),
        ]),
    )
    .params(&[
        READ_MODE,
        Param::string("dict_id", "Dictionary id."),
        Param::string("search", "Name substring (full list only)."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "get_zia_dlp_engines",
        "List DLP engines",
        "Engines with dictionary expressions; engine_id returns one.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpEngines/{engine_id}").when(When::Has("engine_id")),
            Route::get("/zia/api/v1/dlpEngines/lite")
                .when(When::Is("action", "read_lite"))
                .list()
                .filters(BY_NAME),
            Route::get("/zia/api/v1/dlpEngines").list().filters(BY_NAME),
        ]),
    )
    .params(&[
        READ_MODE,
        Param::string("engine_id", "Engine id."),
        SEARCH_BY_NAME,
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Create,
        "zia_create_web_dlp_rule",
        "Create web DLP rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[common::rule_create(
            "/zia/api/v1/webDlpRules",
            common::CRITERIA_ID_LISTS,
        )]),
    )
    .params(&common::rule_create_params(
        common::NAME_REQUIRED,
        ACTION,
        ADVANCED,
    )),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Delete,
        "zia_delete_web_dlp_rule",
        "Delete web DLP rule",
        "Delete a rule; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[RULE_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_get_web_dlp_rule",
        "Get web DLP rule",
        "One rule: engines, protocols, criteria, action, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[RULE_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules",
        "List web DLP rules",
        "All rules in order: engines, protocols, criteria, action, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules")
            .list()
            .filters(BY_NAME)]),
    )
    .params(&[SEARCH_BY_NAME])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules_lite",
        "List web DLP rules (lite)",
        "Id, name and order only; cheaper than zia_list_web_dlp_rules.",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/lite")
            .list()
            .filters(BY_NAME)]),
    )
    .params(&[SEARCH_BY_NAME])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Update,
        "zia_update_web_dlp_rule",
        "Update web DLP rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[common::rule_update(
            "/zia/api/v1/webDlpRules/{rule_id}",
            common::CRITERIA_ID_LISTS,
        )]),
    )
    .params(&common::rule_update_params(
        RULE_ID,
        common::NAME,
        ACTION,
        ADVANCED,
    )),
];
