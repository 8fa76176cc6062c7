//! TODO module doc: the `zia_cloud_firewall` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_cloud_firewall_dns_rule",
        "ZIA create cloud firewall dns rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/firewallDnsRules")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action", "TODO").required().body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_cloud_firewall_ips_rule",
        "ZIA create cloud firewall IPS rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/firewallIpsRules")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action", "TODO").required().body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_cloud_firewall_rule",
        "ZIA create cloud firewall rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/firewallFilteringRules")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action", "TODO").required().body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_ip_destination_group",
        "ZIA create IP destination group",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/ipDestinationGroups")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("type", "TODO")
            .required()
            .one_of(&["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"])
            .body("type"),
        Param::string("description", "TODO").body("description"),
        Param::strings("addresses", "TODO").body("addresses"),
        Param::strings("countries", "TODO").body("countries"),
        Param::strings("ip_categories", "TODO").body("ipCategories"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_ip_source_group",
        "ZIA create IP source group",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/ipSourceGroups")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::strings("ip_addresses", "TODO")
            .required()
            .body("ipAddresses"),
        Param::string("description", "TODO").body("description"),
    ]),
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_ips_signature_rule",
        "ZIA create IPS signature rule",
        "TODO",
        Handler::Routes(&[
            Route::post("/zia/api/v1/ipsSignatureRules/validateRuleText"),
            Route::post("/zia/api/v1/ipsSignatureRules"),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("rule_text", "TODO")
            .required()
            .body("ruleText"),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_network_app_group",
        "ZIA create network app group",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/networkApplicationGroups")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::strings("network_applications", "TODO")
            .required()
            .body("networkApplications"),
        Param::string("description", "TODO").body("description"),
    ]),
    // CHECK: param ports: no body field matched (fields: ['description', 'destTcpPorts', 'destTcpPorts[].start', 'name', 'srcUdpPorts', 'srcUdpPorts[].end', 'srcUdpPorts[].start'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_network_service",
        "ZIA create network service",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/networkServices")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string_lists("ports", "TODO").required(),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_network_svc_group",
        "ZIA create network service group",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/networkServiceGroups")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::strings("service_ids", "TODO")
            .required()
            .ids("services"),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_cloud_firewall_dns_rule",
        "ZIA delete cloud firewall dns rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/firewallDnsRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_cloud_firewall_ips_rule",
        "ZIA delete cloud firewall IPS rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/firewallIpsRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_cloud_firewall_rule",
        "ZIA delete cloud firewall rule",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/firewallFilteringRules/{rule_id}",
        )]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_ip_destination_group",
        "ZIA delete IP destination group",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/ipDestinationGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_ip_source_group",
        "ZIA delete IP source group",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/ipSourceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_ips_signature_rule",
        "ZIA delete IPS signature rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/ipsSignatureRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_network_app_group",
        "ZIA delete network app group",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_network_service",
        "ZIA delete network service",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/networkServices/{service_id}")]),
    )
    .params(&[Param::string("service_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_network_svc_group",
        "ZIA delete network service group",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/networkServiceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_cloud_firewall_dns_rule",
        "ZIA get cloud firewall dns rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallDnsRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_cloud_firewall_ips_rule",
        "ZIA get cloud firewall IPS rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallIpsRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_cloud_firewall_rule",
        "ZIA get cloud firewall rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_ip_destination_group",
        "ZIA get IP destination group",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ipDestinationGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_ip_source_group",
        "ZIA get IP source group",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ipSourceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_ips_signature_rule",
        "ZIA get IPS signature rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ipsSignatureRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_app",
        "ZIA get network app",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkApplications/{app_id}")]),
    )
    .params(&[Param::string("app_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_app_group",
        "ZIA get network app group",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_service",
        "ZIA get network service",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServices/{service_id}")]),
    )
    .params(&[Param::string("service_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_svc_group",
        "ZIA get network service group",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServiceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_cloud_firewall_dns_rules",
        "ZIA list cloud firewall dns rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallDnsRules").list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_cloud_firewall_ips_rules",
        "ZIA list cloud firewall IPS rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallIpsRules").list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_cloud_firewall_rules",
        "ZIA list cloud firewall rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallFilteringRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_ip_destination_groups",
        "ZIA list IP destination groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ipDestinationGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_ip_source_groups",
        "ZIA list IP source groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ipSourceGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_ips_signature_rules",
        "ZIA list IPS signature rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ipsSignatureRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_app_groups",
        "ZIA list network app groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkApplicationGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_apps",
        "ZIA list network apps",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkApplications")
            .query(&[("search", "{search}"), ("locale", "{locale}")])
            .list()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("locale", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_services",
        "ZIA list network services",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServices")
            .query(&[("protocol", "{protocol}"), ("search", "{search}")])
            .list()]),
    )
    .params(&[
        Param::string("name", "TODO"),
        Param::string("search", "TODO"),
        Param::string("protocol", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_svc_groups",
        "ZIA list network service groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServiceGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_cloud_firewall_dns_rule",
        "ZIA update cloud firewall dns rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/firewallDnsRules/{rule_id}")]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("action", "TODO").body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_cloud_firewall_ips_rule",
        "ZIA update cloud firewall IPS rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/firewallIpsRules/{rule_id}")]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("action", "TODO").body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_cloud_firewall_rule",
        "ZIA update cloud firewall rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/firewallFilteringRules/{rule_id}")]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("action", "TODO").body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_ip_destination_group",
        "ZIA update IP destination group",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/ipDestinationGroups/{group_id}")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("type", "TODO")
            .required()
            .one_of(&["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"])
            .body("type"),
        Param::string("description", "TODO").body("description"),
        Param::strings("addresses", "TODO").body("addresses"),
        Param::strings("countries", "TODO").body("countries"),
        Param::strings("ip_categories", "TODO").body("ipCategories"),
        Param::string("group_id", "TODO").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_ip_source_group",
        "ZIA update IP source group",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/ipSourceGroups/{group_id}")]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("name", "TODO").required().body("name"),
        Param::strings("ip_addresses", "TODO")
            .required()
            .body("ipAddresses"),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_ips_signature_rule",
        "ZIA update IPS signature rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/ipsSignatureRules/{rule_id}").merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("rule_text", "TODO").body("ruleText"),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_network_app_group",
        "ZIA update network app group",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("name", "TODO").required().body("name"),
        Param::strings("network_applications", "TODO")
            .required()
            .body("networkApplications"),
        Param::string("description", "TODO").body("description"),
    ]),
    // CHECK: param ports: no body field matched (fields: ['description', 'destTcpPorts', 'destTcpPorts[].start', 'name'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_network_service",
        "ZIA update network service",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/networkServices/{service_id}")]),
    )
    .params(&[
        Param::string("service_id", "TODO").required(),
        Param::string("name", "TODO").required().body("name"),
        Param::string_lists("ports", "TODO"),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_network_svc_group",
        "ZIA update network service group",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/networkServiceGroups/{group_id}")]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("name", "TODO").required().body("name"),
        Param::strings("service_ids", "TODO")
            .required()
            .ids("services"),
        Param::string("description", "TODO").body("description"),
    ]),
];
