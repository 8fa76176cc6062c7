//! ZPA policy rules: access, app protection (inspection), client forwarding, isolation, timeout.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Lookup, Param, Route, Target, ToolDeclaration};

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
        query: MICROTENANT,
        ..lookup
    }
}

const MICROTENANT: &[(&str, &str)] = &[("microtenantId", "{microtenant_id}")];
const LIST_QUERY: &[(&str, &str)] = &[
    ("search", "name+EQ+{search}"),
    ("page", "{page}"),
    ("microtenantId", "{microtenant_id}"),
    ("pagesize", "{page_size}"),
];
const RULES_V2: &str =
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule";
const RULE_V2: &str =
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}";
const RULE_V1: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}";

const CONDITIONS: &str = "[{operator, operands: [{object_type, values | entry_values}]}].";
const MICROTENANT_ID: &str = "Microtenant scope.";
const DESCRIPTION: &str = "Description.";
const SEARCH: &str = "Exact name or name+CONTAINS+x.";
const PAGE: &str = "Page; omit for all.";
const PAGE_SIZE: &str = "Page size.";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_access_policy_rule",
        "Create access policy rule",
        "Access rule with conditions and connector or server groups.",
        Handler::Routes(&[Route::post(RULES_V2)
            .query(MICROTENANT)
            .lookups(&[ACCESS])]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action_type", "ALLOW, DENY or REQUIRE_APPROVAL.")
            .required()
            .body("action"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::strings(
            "app_connector_group_ids",
            "Connector group ids (zpa_list_app_connector_groups).",
        )
        .ids("appConnectorGroups"),
        Param::strings(
            "app_server_group_ids",
            "Server group ids (zpa_list_server_groups).",
        )
        .ids("appServerGroups"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_app_protection_rule",
        "Create app protection rule",
        "App protection (inspection) rule with conditions.",
        // The reference drops microtenant_id here; it is sent as the query scope, as for the
        // other policy types.
        Handler::Routes(&[Route::post(RULES_V2)
            .query(MICROTENANT)
            .lookups(&[INSPECTION])]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action_type", "INSPECT or BYPASS_INSPECT.")
            .required()
            .body("action"),
        Param::string(
            "zpn_inspection_profile_id",
            "Profile id; needed for INSPECT.",
        )
        .body("zpnInspectionProfileId"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_forwarding_policy_rule",
        "Create forwarding policy rule",
        "Client forwarding rule with conditions.",
        Handler::Routes(&[Route::post(RULES_V2)
            .query(MICROTENANT)
            .lookups(&[FORWARDING])]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action_type", "BYPASS, INTERCEPT or INTERCEPT_ACCESSIBLE.")
            .required()
            .body("action"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_isolation_policy_rule",
        "Create isolation policy rule",
        "Browser isolation rule with conditions.",
        Handler::Routes(&[Route::post(RULES_V2)
            .query(MICROTENANT)
            .lookups(&[ISOLATION])]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action_type", "ISOLATE or BYPASS_ISOLATE.")
            .required()
            .body("action"),
        Param::string(
            "zpn_isolation_profile_id",
            "Profile id; needed for ISOLATE.",
        )
        .body("zpnIsolationProfileId"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_timeout_policy_rule",
        "Create timeout policy rule",
        "Re-authentication timeout rule with conditions.",
        Handler::Routes(&[Route::post(RULES_V2)
            .query(MICROTENANT)
            .lookups(&[TIMEOUT])]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action_type", "Only RE_AUTH.")
            .default(Lit::Str("RE_AUTH"))
            .body("action"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::string("custom_msg", "Re-auth prompt message.").body("customMsg"),
        Param::string("reauth_timeout", "Session timeout, seconds.")
            .default(Lit::Str("172800"))
            .body("reauthTimeout"),
        Param::string("reauth_idle_timeout", "Idle timeout, seconds.")
            .default(Lit::Str("600"))
            .body("reauthIdleTimeout"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_access_policy_rule",
        "Delete access policy rule",
        "Delete one rule by id.",
        Handler::Routes(&[Route::delete(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(ACCESS)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_access_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_app_protection_rule",
        "Delete app protection rule",
        "Delete one rule by id.",
        Handler::Routes(&[Route::delete(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(INSPECTION)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_app_protection_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_forwarding_policy_rule",
        "Delete forwarding policy rule",
        "Delete one rule by id.",
        Handler::Routes(&[Route::delete(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(FORWARDING)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_forwarding_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_isolation_policy_rule",
        "Delete isolation policy rule",
        "Delete one rule by id.",
        Handler::Routes(&[Route::delete(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(ISOLATION)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_isolation_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_timeout_policy_rule",
        "Delete timeout policy rule",
        "Delete one rule by id.",
        Handler::Routes(&[Route::delete(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(TIMEOUT)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_timeout_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_access_policy_rule",
        "Get access policy rule",
        "One rule with its conditions.",
        Handler::Routes(&[Route::get(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(ACCESS)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_access_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_app_protection_rule",
        "Get app protection rule",
        "One rule with its conditions.",
        Handler::Routes(&[Route::get(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(INSPECTION)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_app_protection_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_forwarding_policy_rule",
        "Get forwarding policy rule",
        "One rule with its conditions.",
        Handler::Routes(&[Route::get(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(FORWARDING)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_forwarding_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_isolation_policy_rule",
        "Get isolation policy rule",
        "One rule with its conditions.",
        Handler::Routes(&[Route::get(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(ISOLATION)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_isolation_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_timeout_policy_rule",
        "Get timeout policy rule",
        "One rule with its conditions.",
        Handler::Routes(&[Route::get(RULE_V1)
            .query(MICROTENANT)
            .lookups(&[scoped(TIMEOUT)])]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zpa_list_timeout_policy_rules).").required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_access_policy_rules",
        "List access policy rules",
        "Rules in order with conditions; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/ACCESS_POLICY",
        )
        .query(LIST_QUERY)
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT_ID),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_app_protection_rules",
        "List app protection rules",
        "Inspection rules in order; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/INSPECTION_POLICY",
        )
        .query(LIST_QUERY)
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT_ID),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_forwarding_policy_rules",
        "List forwarding policy rules",
        "Client forwarding rules in order; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/CLIENT_FORWARDING_POLICY",
        )
        .query(LIST_QUERY)
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT_ID),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_isolation_policy_rules",
        "List isolation policy rules",
        "Isolation rules in order; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/ISOLATION_POLICY",
        )
        .query(LIST_QUERY)
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT_ID),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_timeout_policy_rules",
        "List timeout policy rules",
        "Re-auth timeout rules in order; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/TIMEOUT_POLICY",
        )
        .query(LIST_QUERY)
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT_ID),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_access_policy_rule",
        "Update access policy rule",
        "Full replace: omitted fields are cleared; resend name and action_type.",
        Handler::Routes(&[Route::put(RULE_V2)
            .query(MICROTENANT)
            .lookups(&[ACCESS])]),
    )
    .params(&[
        Param::string("name", "Name.").body("name"),
        Param::string("action_type", "ALLOW, DENY or REQUIRE_APPROVAL.").body("action"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::strings(
            "app_connector_group_ids",
            "Connector group ids (zpa_list_app_connector_groups).",
        )
        .ids("appConnectorGroups"),
        Param::strings(
            "app_server_group_ids",
            "Server group ids (zpa_list_server_groups).",
        )
        .ids("appServerGroups"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::string("rule_id", "Rule id (zpa_list_access_policy_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_app_protection_rule",
        "Update app protection rule",
        "Full replace: omitted fields are cleared; resend name and action_type.",
        // The reference drops microtenant_id here; it is sent as the query scope, as for the
        // other policy types.
        Handler::Routes(&[Route::put(RULE_V2)
            .query(MICROTENANT)
            .lookups(&[INSPECTION])]),
    )
    .params(&[
        Param::string("name", "Name.").body("name"),
        Param::string("action_type", "INSPECT or BYPASS_INSPECT.").body("action"),
        Param::string(
            "zpn_inspection_profile_id",
            "Profile id; needed for INSPECT.",
        )
        .body("zpnInspectionProfileId"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::string("rule_id", "Rule id (zpa_list_app_protection_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_forwarding_policy_rule",
        "Update forwarding policy rule",
        "Full replace: omitted fields are cleared; resend name and action_type.",
        Handler::Routes(&[Route::put(RULE_V2)
            .query(MICROTENANT)
            .lookups(&[FORWARDING])]),
    )
    .params(&[
        Param::string("name", "Name.").body("name"),
        Param::string("action_type", "BYPASS, INTERCEPT or INTERCEPT_ACCESSIBLE.").body("action"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::string("rule_id", "Rule id (zpa_list_forwarding_policy_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_isolation_policy_rule",
        "Update isolation policy rule",
        "Full replace: omitted fields are cleared; resend name and action_type.",
        Handler::Routes(&[Route::put(RULE_V2)
            .query(MICROTENANT)
            .lookups(&[ISOLATION])]),
    )
    .params(&[
        Param::string("name", "Name.").body("name"),
        Param::string("action_type", "ISOLATE or BYPASS_ISOLATE.").body("action"),
        Param::string(
            "zpn_isolation_profile_id",
            "Profile id; needed for ISOLATE.",
        )
        .body("zpnIsolationProfileId"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::string("rule_id", "Rule id (zpa_list_isolation_policy_rules).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_timeout_policy_rule",
        "Update timeout policy rule",
        "Full replace: omitted fields are cleared; resend name and timeouts.",
        Handler::Routes(&[Route::put(RULE_V2)
            .query(MICROTENANT)
            .fixed(&[("action", Lit::Str("RE_AUTH"))])
            .lookups(&[TIMEOUT])]),
    )
    .params(&[
        Param::string("name", "Name.").body("name"),
        Param::string("action_type", "RE_AUTH if omitted.").body("action"),
        Param::string("description", DESCRIPTION).body("description"),
        Param::string("custom_msg", "Re-auth prompt message.").body("customMsg"),
        Param::string("reauth_timeout", "Session timeout, seconds.").body("reauthTimeout"),
        Param::string("reauth_idle_timeout", "Idle timeout, seconds.").body("reauthIdleTimeout"),
        Param::any("conditions", CONDITIONS).to(Body::ZpaConditions),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::string("rule_id", "Rule id (zpa_list_timeout_policy_rules).").required(),
    ]),
];
