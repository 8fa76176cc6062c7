//! ZPA policy rules: access, app protection (inspection), client forwarding, isolation, timeout.

use super::common;
use crate::catalog::toolsets::ZPA_ACCESS_POLICIES;
use crate::catalog::{Body, Lit, Lookup, Param, Route, Target, ToolDeclaration};

/// The policy set of each policy type: its `id` fills `{policySetId}` in the rule routes.
const ACCESS: Lookup = Lookup::id(
    "ACCESS_POLICY policy set",
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ACCESS_POLICY",
    Target::Path("policySetId"),
);
const INSPECTION: Lookup = Lookup::id(
    "INSPECTION_POLICY policy set",
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/INSPECTION_POLICY",
    Target::Path("policySetId"),
);
const FORWARDING: Lookup = Lookup::id(
    "CLIENT_FORWARDING_POLICY policy set",
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/CLIENT_FORWARDING_POLICY",
    Target::Path("policySetId"),
);
const ISOLATION: Lookup = Lookup::id(
    "ISOLATION_POLICY policy set",
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ISOLATION_POLICY",
    Target::Path("policySetId"),
);
const TIMEOUT: Lookup = Lookup::id(
    "TIMEOUT_POLICY policy set",
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/TIMEOUT_POLICY",
    Target::Path("policySetId"),
);

/// Rule reads and deletes send `microtenantId` on the policy-set lookup too (as the reference).
const fn scoped(lookup: Lookup) -> Lookup {
    Lookup {
        query: common::MICROTENANT,
        ..lookup
    }
}

const RULES_V2: &str =
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule";
const RULE_V2: &str =
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}";
const RULE_V1: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}";

const UNIQUE_NAME: Param = Param::string("name", "Unique name.")
    .required()
    .body("name");
const CONDITIONS: Param = Param::any(
    "conditions",
    "[{operator, operands: [{object_type, values | entry_values}]}].",
)
.to(Body::Build(&super::conditions::BODY));
const CONNECTOR_GROUPS: Param =
    Param::strings("app_connector_group_ids", common::CONNECTOR_GROUP_IDS)
        .ids("appConnectorGroups");
const SERVER_GROUPS: Param =
    Param::strings("app_server_group_ids", common::SERVER_GROUP_IDS).ids("appServerGroups");
const INSPECTION_PROFILE: Param = Param::string(
    "zpn_inspection_profile_id",
    "Profile id; needed for INSPECT.",
)
.body("zpnInspectionProfileId");
const ISOLATION_PROFILE: Param = Param::string(
    "zpn_isolation_profile_id",
    "Profile id; needed for ISOLATE.",
)
.body("zpnIsolationProfileId");
const CUSTOM_MSG: Param = Param::string("custom_msg", "Re-auth prompt message.").body("customMsg");
const ACCESS_ACTION: Param = Param::string("action_type", "Rule action.")
    .one_of(&["ALLOW", "DENY", "REQUIRE_APPROVAL"])
    .body("action");
const INSPECTION_ACTION: Param = Param::string("action_type", "Rule action.")
    .one_of(&["INSPECT", "BYPASS_INSPECT"])
    .body("action");
const FORWARDING_ACTION: Param = Param::string("action_type", "Rule action.")
    .one_of(&["BYPASS", "INTERCEPT", "INTERCEPT_ACCESSIBLE"])
    .body("action");
const ISOLATION_ACTION: Param = Param::string("action_type", "Rule action.")
    .one_of(&["ISOLATE", "BYPASS_ISOLATE"])
    .body("action");
/// The one action of a timeout rule.
const TIMEOUT_ACTIONS: &[&str] = &["RE_AUTH"];
const ACCESS_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zpa_list_access_policy_rules).").required();
const INSPECTION_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zpa_list_app_protection_rules).").required();
const FORWARDING_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zpa_list_forwarding_policy_rules).").required();
const ISOLATION_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zpa_list_isolation_policy_rules).").required();
const TIMEOUT_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zpa_list_timeout_policy_rules).").required();

const REAUTH_TIMEOUT: Param =
    Param::string("reauth_timeout", "Session timeout, seconds.").body("reauthTimeout");
const REAUTH_IDLE_TIMEOUT: Param =
    Param::string("reauth_idle_timeout", "Idle timeout, seconds.").body("reauthIdleTimeout");

/// Rules of the ACCESS_POLICY policy type, in order.
const ACCESS_POLICY_RULES: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/ACCESS_POLICY";
/// Rules of the INSPECTION_POLICY policy type, in order.
const INSPECTION_POLICY_RULES: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/INSPECTION_POLICY";
/// Rules of the CLIENT_FORWARDING_POLICY policy type, in order.
const CLIENT_FORWARDING_POLICY_RULES: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/CLIENT_FORWARDING_POLICY";
/// Rules of the ISOLATION_POLICY policy type, in order.
const ISOLATION_POLICY_RULES: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/ISOLATION_POLICY";
/// Rules of the TIMEOUT_POLICY policy type, in order.
const TIMEOUT_POLICY_RULES: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/TIMEOUT_POLICY";

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_ACCESS_POLICIES
        .create(
            "zpa_create_access_policy_rule",
            "Create access policy rule",
            "Access rule with conditions and connector or server groups.",
        )
        .routes(&[Route::post(RULES_V2)
            .query(common::MICROTENANT)
            .lookups(&[ACCESS])])
        .params(&[
            UNIQUE_NAME,
            ACCESS_ACTION.required(),
            common::DESCRIPTION,
            CONNECTOR_GROUPS,
            SERVER_GROUPS,
            CONDITIONS,
            common::MICROTENANT_ID,
        ]),
    // The reference drops microtenant_id here; it is sent as the query scope, as for the
    // other policy types.
    ZPA_ACCESS_POLICIES
        .create(
            "zpa_create_app_protection_rule",
            "Create app protection rule",
            "App protection (inspection) rule with conditions.",
        )
        .routes(&[Route::post(RULES_V2)
            .query(common::MICROTENANT)
            .lookups(&[INSPECTION])])
        .params(&[
            UNIQUE_NAME,
            INSPECTION_ACTION.required(),
            INSPECTION_PROFILE,
            common::DESCRIPTION,
            CONDITIONS,
            common::MICROTENANT_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .create(
            "zpa_create_forwarding_policy_rule",
            "Create forwarding policy rule",
            "Client forwarding rule with conditions.",
        )
        .routes(&[Route::post(RULES_V2)
            .query(common::MICROTENANT)
            .lookups(&[FORWARDING])])
        .params(&[
            UNIQUE_NAME,
            FORWARDING_ACTION.required(),
            common::DESCRIPTION,
            CONDITIONS,
            common::MICROTENANT_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .create(
            "zpa_create_isolation_policy_rule",
            "Create isolation policy rule",
            "Browser isolation rule with conditions.",
        )
        .routes(&[Route::post(RULES_V2)
            .query(common::MICROTENANT)
            .lookups(&[ISOLATION])])
        .params(&[
            UNIQUE_NAME,
            ISOLATION_ACTION.required(),
            ISOLATION_PROFILE,
            common::DESCRIPTION,
            CONDITIONS,
            common::MICROTENANT_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .create(
            "zpa_create_timeout_policy_rule",
            "Create timeout policy rule",
            "Re-authentication timeout rule with conditions.",
        )
        .routes(&[Route::post(RULES_V2)
            .query(common::MICROTENANT)
            .lookups(&[TIMEOUT])])
        .params(&[
            UNIQUE_NAME,
            Param::string("action_type", "Rule action.")
                .one_of(TIMEOUT_ACTIONS)
                .default(Lit::Str("RE_AUTH"))
                .body("action"),
            common::DESCRIPTION,
            CUSTOM_MSG,
            REAUTH_TIMEOUT.default(Lit::Str("172800")),
            REAUTH_IDLE_TIMEOUT.default(Lit::Str("600")),
            CONDITIONS,
            common::MICROTENANT_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .delete(
            "zpa_delete_access_policy_rule",
            "Delete access policy rule",
            "Delete one rule by id.",
        )
        .routes(&[Route::delete(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(ACCESS)])])
        .params(&[ACCESS_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .delete(
            "zpa_delete_app_protection_rule",
            "Delete app protection rule",
            "Delete one rule by id.",
        )
        .routes(&[Route::delete(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(INSPECTION)])])
        .params(&[INSPECTION_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .delete(
            "zpa_delete_forwarding_policy_rule",
            "Delete forwarding policy rule",
            "Delete one rule by id.",
        )
        .routes(&[Route::delete(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(FORWARDING)])])
        .params(&[FORWARDING_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .delete(
            "zpa_delete_isolation_policy_rule",
            "Delete isolation policy rule",
            "Delete one rule by id.",
        )
        .routes(&[Route::delete(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(ISOLATION)])])
        .params(&[ISOLATION_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .delete(
            "zpa_delete_timeout_policy_rule",
            "Delete timeout policy rule",
            "Delete one rule by id.",
        )
        .routes(&[Route::delete(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(TIMEOUT)])])
        .params(&[TIMEOUT_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .get(
            "zpa_get_access_policy_rule",
            "Get access policy rule",
            "One rule with its conditions.",
        )
        .routes(&[Route::get(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(ACCESS)])])
        .params(&[ACCESS_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .get(
            "zpa_get_app_protection_rule",
            "Get app protection rule",
            "One rule with its conditions.",
        )
        .routes(&[Route::get(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(INSPECTION)])])
        .params(&[INSPECTION_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .get(
            "zpa_get_forwarding_policy_rule",
            "Get forwarding policy rule",
            "One rule with its conditions.",
        )
        .routes(&[Route::get(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(FORWARDING)])])
        .params(&[FORWARDING_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .get(
            "zpa_get_isolation_policy_rule",
            "Get isolation policy rule",
            "One rule with its conditions.",
        )
        .routes(&[Route::get(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(ISOLATION)])])
        .params(&[ISOLATION_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .get(
            "zpa_get_timeout_policy_rule",
            "Get timeout policy rule",
            "One rule with its conditions.",
        )
        .routes(&[Route::get(RULE_V1)
            .query(common::MICROTENANT)
            .lookups(&[scoped(TIMEOUT)])])
        .params(&[TIMEOUT_RULE_ID, common::MICROTENANT_ID]),
    ZPA_ACCESS_POLICIES
        .list(
            "zpa_list_access_policy_rules",
            "List access policy rules",
            "Rules in order with conditions; all pages unless page given.",
        )
        .routes(&[common::paged_list(ACCESS_POLICY_RULES)])
        .params(common::PAGED_LIST_PARAMS),
    ZPA_ACCESS_POLICIES
        .list(
            "zpa_list_app_protection_rules",
            "List app protection rules",
            "Inspection rules in order; all pages unless page given.",
        )
        .routes(&[common::paged_list(INSPECTION_POLICY_RULES)])
        .params(common::PAGED_LIST_PARAMS),
    ZPA_ACCESS_POLICIES
        .list(
            "zpa_list_forwarding_policy_rules",
            "List forwarding policy rules",
            "Client forwarding rules in order; all pages unless page given.",
        )
        .routes(&[common::paged_list(CLIENT_FORWARDING_POLICY_RULES)])
        .params(common::PAGED_LIST_PARAMS),
    ZPA_ACCESS_POLICIES
        .list(
            "zpa_list_isolation_policy_rules",
            "List isolation policy rules",
            "Isolation rules in order; all pages unless page given.",
        )
        .routes(&[common::paged_list(ISOLATION_POLICY_RULES)])
        .params(common::PAGED_LIST_PARAMS),
    ZPA_ACCESS_POLICIES
        .list(
            "zpa_list_timeout_policy_rules",
            "List timeout policy rules",
            "Re-auth timeout rules in order; all pages unless page given.",
        )
        .routes(&[common::paged_list(TIMEOUT_POLICY_RULES)])
        .params(common::PAGED_LIST_PARAMS),
    ZPA_ACCESS_POLICIES
        .update(
            "zpa_update_access_policy_rule",
            "Update access policy rule",
            "Omitted fields, conditions included, keep their values.",
        )
        .routes(&[Route::put(RULE_V2)
            .merge_adapted(RULE_V1, &super::conditions::V1_RULE)
            .query(common::MICROTENANT)
            .lookups(&[ACCESS])])
        .params(&[
            common::NAME,
            ACCESS_ACTION,
            common::DESCRIPTION,
            CONNECTOR_GROUPS,
            SERVER_GROUPS,
            CONDITIONS,
            common::MICROTENANT_ID,
            ACCESS_RULE_ID,
        ]),
    // The reference drops microtenant_id here; it is sent as the query scope, as for the
    // other policy types.
    ZPA_ACCESS_POLICIES
        .update(
            "zpa_update_app_protection_rule",
            "Update app protection rule",
            "Omitted fields, conditions included, keep their values.",
        )
        .routes(&[Route::put(RULE_V2)
            .merge_adapted(RULE_V1, &super::conditions::V1_RULE)
            .query(common::MICROTENANT)
            .lookups(&[INSPECTION])])
        .params(&[
            common::NAME,
            INSPECTION_ACTION,
            INSPECTION_PROFILE,
            common::DESCRIPTION,
            CONDITIONS,
            common::MICROTENANT_ID,
            INSPECTION_RULE_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .update(
            "zpa_update_forwarding_policy_rule",
            "Update forwarding policy rule",
            "Omitted fields, conditions included, keep their values.",
        )
        .routes(&[Route::put(RULE_V2)
            .merge_adapted(RULE_V1, &super::conditions::V1_RULE)
            .query(common::MICROTENANT)
            .lookups(&[FORWARDING])])
        .params(&[
            common::NAME,
            FORWARDING_ACTION,
            common::DESCRIPTION,
            CONDITIONS,
            common::MICROTENANT_ID,
            FORWARDING_RULE_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .update(
            "zpa_update_isolation_policy_rule",
            "Update isolation policy rule",
            "Omitted fields, conditions included, keep their values.",
        )
        .routes(&[Route::put(RULE_V2)
            .merge_adapted(RULE_V1, &super::conditions::V1_RULE)
            .query(common::MICROTENANT)
            .lookups(&[ISOLATION])])
        .params(&[
            common::NAME,
            ISOLATION_ACTION,
            ISOLATION_PROFILE,
            common::DESCRIPTION,
            CONDITIONS,
            common::MICROTENANT_ID,
            ISOLATION_RULE_ID,
        ]),
    ZPA_ACCESS_POLICIES
        .update(
            "zpa_update_timeout_policy_rule",
            "Update timeout policy rule",
            "Omitted fields, conditions included, keep their values.",
        )
        .routes(&[Route::put(RULE_V2)
            .merge_adapted(RULE_V1, &super::conditions::V1_RULE)
            .query(common::MICROTENANT)
            .fixed(&[("action", Lit::Str("RE_AUTH"))])
            .lookups(&[TIMEOUT])])
        .params(&[
            common::NAME,
            Param::string("action_type", "Rule action; RE_AUTH if omitted.")
                .one_of(TIMEOUT_ACTIONS)
                .body("action"),
            common::DESCRIPTION,
            CUSTOM_MSG,
            REAUTH_TIMEOUT,
            REAUTH_IDLE_TIMEOUT,
            CONDITIONS,
            common::MICROTENANT_ID,
            TIMEOUT_RULE_ID,
        ]),
];
