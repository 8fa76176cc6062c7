//! ZIA URL filtering policy: the rules that allow, caution or block URL categories.

use super::common;
use crate::catalog::toolsets::ZIA_URL_FILTERING;
use crate::catalog::{Param, Route, ToolDeclaration};

const RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required();
const ACTION: Param = Param::string("action", "What matching requests get.")
    .one_of(&["ALLOW", "CAUTION", "BLOCK", "ISOLATE", "ICAP_RESPONSE"])
    .body("action");

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_URL_FILTERING
        .create(
            "zia_create_url_filtering_rule",
            "Create URL filtering rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/urlFilteringRules",
            common::CRITERIA_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            common::NAME_REQUIRED,
            ACTION.required(),
            common::ADVANCED_URL_CATEGORIES,
        )),
    ZIA_URL_FILTERING
        .delete(
            "zia_delete_url_filtering_rule",
            "Delete URL filtering rule",
            "Delete a rule; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/urlFilteringRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_URL_FILTERING
        .get(
            "zia_get_url_filtering_rule",
            "Get URL filtering rule",
            "One rule: categories, action, criteria, state.",
        )
        .routes(&[Route::get("/zia/api/v1/urlFilteringRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_URL_FILTERING
        .list(
            "zia_list_url_filtering_rules",
            "List URL filtering rules",
            "All rules in order: categories, action, criteria, state.",
        )
        .routes(&[common::search_list("/zia/api/v1/urlFilteringRules")])
        .params(&[common::SEARCH]),
    ZIA_URL_FILTERING
        .update(
            "zia_update_url_filtering_rule",
            "Update URL filtering rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/urlFilteringRules/{rule_id}",
            common::CRITERIA_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            RULE_ID,
            common::NAME,
            ACTION,
            common::ADVANCED_URL_CATEGORIES,
        )),
];
