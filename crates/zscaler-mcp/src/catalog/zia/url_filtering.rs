//! ZIA URL filtering policy: the rules that allow, caution or block URL categories.

use super::common;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

const RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required();
const ACTION: Param = Param::string("action", "ALLOW, CAUTION, BLOCK or ISOLATE.").body("action");

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Create,
        "zia_create_url_filtering_rule",
        "Create URL filtering rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[common::rule_create(
            "/zia/api/v1/urlFilteringRules",
            common::CRITERIA_ID_LISTS,
        )]),
    )
    .params(&common::rule_create_params(
        common::NAME_REQUIRED,
        ACTION.required(),
        common::ADVANCED_URL_CATEGORIES,
    )),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Delete,
        "zia_delete_url_filtering_rule",
        "Delete URL filtering rule",
        "Delete a rule; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[RULE_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_get_url_filtering_rule",
        "Get URL filtering rule",
        "One rule: categories, action, criteria, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[RULE_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_list_url_filtering_rules",
        "List URL filtering rules",
        "All rules in order: categories, action, criteria, state.",
        Handler::Routes(&[common::search_list("/zia/api/v1/urlFilteringRules")]),
    )
    .params(&[common::SEARCH])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Update,
        "zia_update_url_filtering_rule",
        "Update URL filtering rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[common::rule_update(
            "/zia/api/v1/urlFilteringRules/{rule_id}",
            common::CRITERIA_ID_LISTS,
        )]),
    )
    .params(&common::rule_update_params(
        RULE_ID,
        common::NAME,
        ACTION,
        common::ADVANCED_URL_CATEGORIES,
    )),
];
