//! TODO module doc: the `zpa_access_policies` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: param action_type: no body field matched (fields: ['action', 'appConnectorGroups', 'appConnectorGroups[].id', 'appServerGroups', 'appServerGroups[].id', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'customMsg', 'description', 'name', 'ruleOrder'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_access_policy_rule",
        "ZPA create access policy rule",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ACCESS_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action_type", "TODO").required(),
        Param::string("description", "TODO").body("description"),
        Param::strings("app_connector_group_ids", "TODO").ids("appConnectorGroups"),
        Param::strings("app_server_group_ids", "TODO").ids("appServerGroups"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'description', 'name', 'ruleOrder', 'zpnInspectionProfileId'])
    // CHECK: param microtenant_id: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'description', 'name', 'ruleOrder', 'zpnInspectionProfileId'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_app_protection_rule",
        "ZPA create app protection rule",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule").lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/INSPECTION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action_type", "TODO").required(),
        Param::string("zpn_inspection_profile_id", "TODO").body("zpnInspectionProfileId"),
        Param::string("description", "TODO").body("description"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'description', 'name', 'ruleOrder'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_forwarding_policy_rule",
        "ZPA create forwarding policy rule",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/CLIENT_FORWARDING_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action_type", "TODO").required(),
        Param::string("description", "TODO").body("description"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'conditions[].operator', 'description', 'name', 'ruleOrder', 'zpnIsolationProfileId'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_isolation_policy_rule",
        "ZPA create isolation policy rule",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ISOLATION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action_type", "TODO").required(),
        Param::string("zpn_isolation_profile_id", "TODO").body("zpnIsolationProfileId"),
        Param::string("description", "TODO").body("description"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'customMsg', 'description', 'name', 'reauthIdleTimeout', 'reauthTimeout'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Create,
        "zpa_create_timeout_policy_rule",
        "ZPA create timeout policy rule",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/TIMEOUT_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action_type", "TODO").default(Lit::Str("RE_AUTH")),
        Param::string("description", "TODO").body("description"),
        Param::string("custom_msg", "TODO").body("customMsg"),
        Param::string("reauth_timeout", "TODO").default(Lit::Str("172800")).body("reauthTimeout"),
        Param::string("reauth_idle_timeout", "TODO").default(Lit::Str("600")).body("reauthIdleTimeout"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_access_policy_rule",
        "ZPA delete access policy rule",
        "TODO",
        Handler::Routes(&[
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ACCESS_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_app_protection_rule",
        "ZPA delete app protection rule",
        "TODO",
        Handler::Routes(&[
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/INSPECTION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_forwarding_policy_rule",
        "ZPA delete forwarding policy rule",
        "TODO",
        Handler::Routes(&[
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/CLIENT_FORWARDING_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_isolation_policy_rule",
        "ZPA delete isolation policy rule",
        "TODO",
        Handler::Routes(&[
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ISOLATION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Delete,
        "zpa_delete_timeout_policy_rule",
        "ZPA delete timeout policy rule",
        "TODO",
        Handler::Routes(&[
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/TIMEOUT_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_access_policy_rule",
        "ZPA get access policy rule",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ACCESS_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_app_protection_rule",
        "ZPA get app protection rule",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/INSPECTION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_forwarding_policy_rule",
        "ZPA get forwarding policy rule",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/CLIENT_FORWARDING_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_isolation_policy_rule",
        "ZPA get isolation policy rule",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ISOLATION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_get_timeout_policy_rule",
        "ZPA get timeout policy rule",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/TIMEOUT_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_access_policy_rules",
        "ZPA list access policy rules",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/ACCESS_POLICY").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("microtenantId", "{microtenant_id}"), ("pagesize", "{page_size}")]).zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_app_protection_rules",
        "ZPA list app protection rules",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/INSPECTION_POLICY").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("microtenantId", "{microtenant_id}"), ("pagesize", "{page_size}")]).zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_forwarding_policy_rules",
        "ZPA list forwarding policy rules",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/CLIENT_FORWARDING_POLICY").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("microtenantId", "{microtenant_id}"), ("pagesize", "{page_size}")]).zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_isolation_policy_rules",
        "ZPA list isolation policy rules",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/ISOLATION_POLICY").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("microtenantId", "{microtenant_id}"), ("pagesize", "{page_size}")]).zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Read,
        "zpa_list_timeout_policy_rules",
        "ZPA list timeout policy rules",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/rules/policyType/TIMEOUT_POLICY").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("microtenantId", "{microtenant_id}"), ("pagesize", "{page_size}")]).zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    // CHECK: param action_type: no body field matched (fields: ['action', 'appConnectorGroups', 'appConnectorGroups[].id', 'appServerGroups', 'appServerGroups[].id', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'customMsg', 'description', 'name', 'ruleOrder'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_access_policy_rule",
        "ZPA update access policy rule",
        "TODO",
        Handler::Routes(&[
            Route::put("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ACCESS_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").body("name"),
        Param::string("action_type", "TODO"),
        Param::string("description", "TODO").body("description"),
        Param::strings("app_connector_group_ids", "TODO").ids("appConnectorGroups"),
        Param::strings("app_server_group_ids", "TODO").ids("appServerGroups"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
        Param::string("rule_id", "TODO").required(),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'description', 'name', 'ruleOrder', 'zpnInspectionProfileId'])
    // CHECK: param microtenant_id: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'description', 'name', 'ruleOrder', 'zpnInspectionProfileId'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_app_protection_rule",
        "ZPA update app protection rule",
        "TODO",
        Handler::Routes(&[
            Route::put("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/INSPECTION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").body("name"),
        Param::string("action_type", "TODO"),
        Param::string("zpn_inspection_profile_id", "TODO").body("zpnInspectionProfileId"),
        Param::string("description", "TODO").body("description"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
        Param::string("rule_id", "TODO").required(),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'description', 'name', 'ruleOrder'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_forwarding_policy_rule",
        "ZPA update forwarding policy rule",
        "TODO",
        Handler::Routes(&[
            Route::put("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/CLIENT_FORWARDING_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").body("name"),
        Param::string("action_type", "TODO"),
        Param::string("description", "TODO").body("description"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
        Param::string("rule_id", "TODO").required(),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'conditions[].operator', 'description', 'name', 'ruleOrder', 'zpnIsolationProfileId'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_isolation_policy_rule",
        "ZPA update isolation policy rule",
        "TODO",
        Handler::Routes(&[
            Route::put("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/ISOLATION_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").body("name"),
        Param::string("action_type", "TODO"),
        Param::string("zpn_isolation_profile_id", "TODO").body("zpnIsolationProfileId"),
        Param::string("description", "TODO").body("description"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
        Param::string("rule_id", "TODO").required(),
    ]),
    // CHECK: param action_type: no body field matched (fields: ['action', 'conditions', 'conditions[].operands', 'conditions[].operands[].objectType', 'conditions[].operands[].values', 'customMsg', 'description', 'name', 'reauthIdleTimeout', 'reauthTimeout'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_access_policies",
        Action::Update,
        "zpa_update_timeout_policy_rule",
        "ZPA update timeout policy rule",
        "TODO",
        Handler::Routes(&[
            Route::put("/zpa/mgmtconfig/v2/admin/customers/{customerId}/policySet/{policySetId}/rule/{rule_id}").query(&[("microtenantId", "{microtenant_id}")]).lookups(&[Lookup::id("policy set", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/policyType/TIMEOUT_POLICY", Target::Path("policySetId"))]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").body("name"),
        Param::string("action_type", "TODO"),
        Param::string("description", "TODO").body("description"),
        Param::string("custom_msg", "TODO").body("customMsg"),
        Param::string("reauth_timeout", "TODO").body("reauthTimeout"),
        Param::string("reauth_idle_timeout", "TODO").body("reauthIdleTimeout"),
        Param::any("conditions", "TODO").to(Body::ZpaConditions),
        Param::string("microtenant_id", "TODO"),
        Param::string("rule_id", "TODO").required(),
    ]),
];
