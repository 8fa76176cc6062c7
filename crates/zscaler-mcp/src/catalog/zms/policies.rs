//! ZMS policy rules and the default rules.

use super::{PAGE_NUM, PAGE_NUM_PARAM, PAGE_SIZE_PARAM, PATH};
use crate::catalog::toolsets::ZMS;
use crate::catalog::{Graphql, Lit, Param, Route, ToolDeclaration};

const POLICY_RULES: Graphql = Graphql::query(
    "ListPolicyRules",
    concat!(
        "query ListPolicyRules($customerId: ID!, $pageNum: Int, $pageSize: Int, ",
        "$fetchAll: Boolean, $filter: PolicyRuleFilter) { policyRules(customerId: $customerId, ",
        "pageNum: $pageNum, pageSize: $pageSize, fetchAll: $fetchAll, filter: $filter) { ",
        "nodes { id name action priority description deleted sourceTargetType ",
        "destinationTargetType appZoneScopeTargetType creationTime modifiedTime lastHit ",
        "portAndProtocols { protocol portRanges { startPort endPort } } } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}",
        "fetchAll": "{fetch_all}",
        "filter": {"name": {"contains": "{name}"}, "action": {"equals": "{action}"}}}"#,
    &["policyRules"],
)
.rows("nodes")
.pages(PAGE_NUM);

const DEFAULT_RULES: Graphql = Graphql::query(
    "ListDefaultPolicyRules",
    concat!(
        "query ListDefaultPolicyRules($customerId: ID!, $pageNum: Int, $pageSize: Int) { ",
        "defaultPolicyRules(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize) { ",
        "nodes { id name action direction description scopeType modifiedTime } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}"}"#,
    &["defaultPolicyRules"],
)
.rows("nodes")
.pages(PAGE_NUM);

pub static TOOLS: &[ToolDeclaration] = &[
    ZMS.list(
        "zms_list_policy_rules",
        "List policy rules",
        "Microsegmentation policy rules with action, priority, targets, ports and last hit; \
         all pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &POLICY_RULES)])
    .params(&[
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::boolean(
            "fetch_all",
            "Ask the API for every rule in one page (page arguments ignored).",
        )
        .default(Lit::Bool(false)),
        Param::string("name", "Substring of the rule name (case-insensitive)."),
        Param::string(
            "action",
            "Only rules with this action (ALLOW, BLOCK, SIM_BLOCK).",
        ),
    ]),
    ZMS.list(
        "zms_list_default_policy_rules",
        "List default policy rules",
        "The default inbound and outbound rules applied to traffic no policy rule matches; all \
         pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &DEFAULT_RULES)])
    .params(&[PAGE_NUM_PARAM, PAGE_SIZE_PARAM]),
];
