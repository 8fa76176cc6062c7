//! ZIA cloud firewall: filtering, DNS and IPS rules and the objects they use (IP groups,
//! network services and applications, custom IPS signatures).

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, Special, ToolDeclaration, When};

/// Keys of a rule's `advanced` object that hold references, sent as `[{"id": N}]`.
const RULE_ID_LISTS: &[&str] = &[
    "departments",
    "groups",
    "labels",
    "locations",
    "locationGroups",
    "users",
    "timeWindows",
    "devices",
    "deviceGroups",
    "nwServices",
    "nwServiceGroups",
    "nwApplicationGroups",
    "srcIpGroups",
    "destIpGroups",
    "applicationGroups",
];

/// Defaults of every rule create (the reference's `order=1`, `rank=7`).
const RULE_CREATE_DEFAULTS: &[(&str, Lit)] = &[("order", Lit::Int(1)), ("rank", Lit::Int(7))];

const ADVANCED: &str = "More camelCase API fields; reference lists take plain ids.";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_cloud_firewall_dns_rule",
        "Create cloud firewall DNS rule",
        "Create a cloud firewall DNS rule, enabled at order 1 and rank 7 unless given; staged \
         until zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/firewallDnsRules")
            .fixed(RULE_CREATE_DEFAULTS)
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Rule name, at most 31 characters.")
            .required()
            .body("name"),
        Param::string(
            "action",
            "E.g. ALLOW, BLOCK, REDIR_REQ, REDIR_RES, REDIR_ZPA.",
        )
        .required()
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced (state).")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position from 1; 1 if omitted.").body("order"),
        Param::integer("rank", "Admin rank 0-7; 7 if omitted.").body("rank"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_cloud_firewall_ips_rule",
        "Create cloud firewall IPS rule",
        "Create a cloud firewall IPS rule, enabled at order 1 and rank 7 unless given; staged \
         until zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/firewallIpsRules")
            .fixed(RULE_CREATE_DEFAULTS)
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Rule name, at most 31 characters.")
            .required()
            .body("name"),
        Param::string("action", "ALLOW, BLOCK_DROP, BLOCK_RESET or BYPASS_IPS.")
            .required()
            .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced (state).")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position from 1; 1 if omitted.").body("order"),
        Param::integer("rank", "Admin rank 0-7; 7 if omitted.").body("rank"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_cloud_firewall_rule",
        "Create cloud firewall rule",
        "Create a cloud firewall filtering rule, enabled at order 1 and rank 7 unless given; \
         staged until zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/firewallFilteringRules")
            .fixed(RULE_CREATE_DEFAULTS)
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Rule name, at most 31 characters.")
            .required()
            .body("name"),
        Param::string(
            "action",
            "E.g. ALLOW, BLOCK_DROP, BLOCK_RESET, BLOCK_ICMP, EVAL_NWAPP.",
        )
        .required()
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced (state).")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position from 1; 1 if omitted.").body("order"),
        Param::integer("rank", "Admin rank 0-7; 7 if omitted.").body("rank"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_ip_destination_group",
        "Create IP destination group",
        "Create an IP destination group of addresses, FQDNs, domains or countries and categories; \
         staged until zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/ipDestinationGroups")]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::string(
            "type",
            "What the group matches: IPs, FQDNs, domains, other.",
        )
        .required()
        .one_of(&["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"])
        .body("type"),
        Param::string("description", "Group description.").body("description"),
        Param::strings("addresses", "IPs, CIDRs, FQDNs or domains, per type.").body("addresses"),
        Param::strings("countries", "Countries for DSTN_OTHER, e.g. COUNTRY_US.").body("countries"),
        Param::strings(
            "ip_categories",
            "URL categories for DSTN_OTHER, e.g. ANONYMIZER.",
        )
        .body("ipCategories"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_ip_source_group",
        "Create IP source group",
        "Create an IP source group of addresses, ranges or CIDRs; staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/ipSourceGroups")]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::strings("ip_addresses", "IPs, ranges or CIDRs.")
            .required()
            .body("ipAddresses"),
        Param::string("description", "Group description.").body("description"),
    ]),
    // NOTE(model): the validate route sends the whole body (name, description too), not only
    // ruleText as the reference does; the API reads ruleText.
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_ips_signature_rule",
        "Create IPS signature rule",
        "Validate a custom Snort-style IPS signature, then create it; staged until \
         zia_activate_configuration.",
        Handler::Special(
            Special::ZiaIpsSignatureCreate,
            &[
                Route::post("/zia/api/v1/ipsSignatureRules/validateRuleText"),
                Route::post("/zia/api/v1/ipsSignatureRules"),
            ],
        ),
    )
    .params(&[
        Param::string("name", "Signature name.")
            .required()
            .body("name"),
        Param::string(
            "rule_text",
            "Snort rule, e.g. alert tcp any any -> any any (...).",
        )
        .required()
        .body("ruleText"),
        Param::string("description", "Signature description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_network_app_group",
        "Create network app group",
        "Create a network application group for firewall rules; staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/networkApplicationGroups")]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::strings(
            "network_applications",
            "App ids, e.g. SLACK (zia_list_network_apps).",
        )
        .required()
        .body("networkApplications"),
        Param::string("description", "Group description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_network_service",
        "Create network service",
        "Create a custom network service from TCP/UDP port ranges; staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/networkServices")]),
    )
    .params(&[
        Param::string("name", "Service name.")
            .required()
            .body("name"),
        Param::string_lists(
            "ports",
            "Port ranges: [direction src|dest, protocol tcp|udp, start, end?].",
        )
        .required()
        .to(Body::PortRanges),
        Param::string("description", "Service description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Create,
        "zia_create_network_svc_group",
        "Create network service group",
        "Create a group of network services for firewall rules; staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/networkServiceGroups")]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::strings(
            "service_ids",
            "Network service ids (zia_list_network_services).",
        )
        .required()
        .ids("services"),
        Param::string("description", "Group description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_cloud_firewall_dns_rule",
        "Delete cloud firewall DNS rule",
        "Delete a cloud firewall DNS rule; predefined rules cannot be deleted.",
        Handler::Routes(&[Route::delete("/zia/api/v1/firewallDnsRules/{rule_id}")]),
    )
    .params(&[Param::string(
        "rule_id",
        "DNS rule id (zia_list_cloud_firewall_dns_rules).",
    )
    .required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_cloud_firewall_ips_rule",
        "Delete cloud firewall IPS rule",
        "Delete a cloud firewall IPS rule; the default rule cannot be deleted.",
        Handler::Routes(&[Route::delete("/zia/api/v1/firewallIpsRules/{rule_id}")]),
    )
    .params(&[Param::string(
        "rule_id",
        "IPS rule id (zia_list_cloud_firewall_ips_rules).",
    )
    .required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_cloud_firewall_rule",
        "Delete cloud firewall rule",
        "Delete a cloud firewall filtering rule; the default rule cannot be deleted.",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/firewallFilteringRules/{rule_id}",
        )]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_cloud_firewall_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_ip_destination_group",
        "Delete IP destination group",
        "Delete an IP destination group by id; staged until zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/ipDestinationGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_ip_destination_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_ip_source_group",
        "Delete IP source group",
        "Delete an IP source group by id; staged until zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/ipSourceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_ip_source_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_ips_signature_rule",
        "Delete IPS signature rule",
        "Delete a custom IPS signature rule by id; staged until zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/ipsSignatureRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Signature id (zia_list_ips_signature_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_network_app_group",
        "Delete network app group",
        "Delete a network application group by id; staged until zia_activate_configuration.",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_network_app_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_network_service",
        "Delete network service",
        "Delete a custom network service; predefined services cannot be deleted.",
        Handler::Routes(&[Route::delete("/zia/api/v1/networkServices/{service_id}")]),
    )
    .params(&[Param::string("service_id", "Service id (zia_list_network_services).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Delete,
        "zia_delete_network_svc_group",
        "Delete network service group",
        "Delete a network service group by id; staged until zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/networkServiceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_network_svc_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_cloud_firewall_dns_rule",
        "Get cloud firewall DNS rule",
        "Return one cloud firewall DNS rule with its criteria, action and state.",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallDnsRules/{rule_id}")]),
    )
    .params(&[Param::string(
        "rule_id",
        "DNS rule id (zia_list_cloud_firewall_dns_rules).",
    )
    .required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_cloud_firewall_ips_rule",
        "Get cloud firewall IPS rule",
        "Return one cloud firewall IPS rule with its criteria, action and state.",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallIpsRules/{rule_id}")]),
    )
    .params(&[Param::string(
        "rule_id",
        "IPS rule id (zia_list_cloud_firewall_ips_rules).",
    )
    .required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_cloud_firewall_rule",
        "Get cloud firewall rule",
        "Return one cloud firewall filtering rule with its criteria, action and state.",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_cloud_firewall_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_ip_destination_group",
        "Get IP destination group",
        "Return one IP destination group with its type, addresses, countries and categories.",
        Handler::Routes(&[Route::get("/zia/api/v1/ipDestinationGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_ip_destination_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_ip_source_group",
        "Get IP source group",
        "Return one IP source group with its IP addresses.",
        Handler::Routes(&[Route::get("/zia/api/v1/ipSourceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_ip_source_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_ips_signature_rule",
        "Get IPS signature rule",
        "Return one custom IPS signature rule with its Snort rule text.",
        Handler::Routes(&[Route::get("/zia/api/v1/ipsSignatureRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Signature id (zia_list_ips_signature_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_app",
        "Get network app",
        "Return one predefined network application by its id, e.g. SLACK.",
        Handler::Routes(&[Route::get("/zia/api/v1/networkApplications/{app_id}")]),
    )
    .params(&[Param::string("app_id", "App id, e.g. SLACK (zia_list_network_apps).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_app_group",
        "Get network app group",
        "Return one network application group with its application ids.",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_network_app_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_service",
        "Get network service",
        "Return one network service with its source and destination TCP/UDP port ranges.",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServices/{service_id}")]),
    )
    .params(&[Param::string("service_id", "Service id (zia_list_network_services).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_get_network_svc_group",
        "Get network service group",
        "Return one network service group with the services it contains.",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServiceGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_network_svc_groups).").required()]),
    // The reference sends no query here (the SDK filters by name); the API filters `search` by
    // name itself, so it is sent.
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_cloud_firewall_dns_rules",
        "List cloud firewall DNS rules",
        "List cloud firewall DNS rules, including the predefined default and fallback rules.",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallDnsRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the rule name.")])
    .list(),
    // The reference sends no query here (the SDK filters by name); the API filters `search` by
    // name itself, so it is sent.
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_cloud_firewall_ips_rules",
        "List cloud firewall IPS rules",
        "List cloud firewall IPS rules, including the predefined default rule.",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallIpsRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the rule name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_cloud_firewall_rules",
        "List cloud firewall rules",
        "List cloud firewall filtering rules in order, including the predefined default rule.",
        Handler::Routes(&[Route::get("/zia/api/v1/firewallFilteringRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the rule name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_ip_destination_groups",
        "List IP destination groups",
        "List IP destination groups with their type, addresses, countries and categories.",
        Handler::Routes(&[Route::get("/zia/api/v1/ipDestinationGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the group name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_ip_source_groups",
        "List IP source groups",
        "List IP source groups with their IP addresses.",
        Handler::Routes(&[Route::get("/zia/api/v1/ipSourceGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the group name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_ips_signature_rules",
        "List IPS signature rules",
        "List custom IPS signature rules with their Snort rule text.",
        Handler::Routes(&[Route::get("/zia/api/v1/ipsSignatureRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the signature name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_app_groups",
        "List network app groups",
        "List network application groups with their application ids.",
        Handler::Routes(&[Route::get("/zia/api/v1/networkApplicationGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the group name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_apps",
        "List network apps",
        "List the predefined network applications firewall rules and app groups can match.",
        Handler::Routes(&[Route::get("/zia/api/v1/networkApplications")
            .query(&[("search", "{search}"), ("locale", "{locale}")])
            .list()]),
    )
    .params(&[
        Param::string("search", "Part of the app description."),
        Param::string("locale", "Description language, e.g. en-US, fr-FR."),
    ])
    .list(),
    // NOTE(model): the reference matches `name` exactly on the client; routes cannot filter
    // rows, so `name` is sent as the API's `search` (a substring match) and wins over `search`.
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_services",
        "List network services",
        "List predefined, standard and custom network services with their port ranges.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/networkServices")
                .when(When::Has("name"))
                .query(&[("protocol", "{protocol}"), ("search", "{name}")])
                .list(),
            Route::get("/zia/api/v1/networkServices")
                .query(&[("protocol", "{protocol}"), ("search", "{search}")])
                .list(),
        ]),
    )
    .params(&[
        Param::string("name", "Service name; used as search, overriding search."),
        Param::string("search", "Part of the service name."),
        Param::string("protocol", "TCP, UDP, ICMP, GRE, ESP or OTHER."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Read,
        "zia_list_network_svc_groups",
        "List network service groups",
        "List network service groups with the services each contains.",
        Handler::Routes(&[Route::get("/zia/api/v1/networkServiceGroups")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Part of the group name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_cloud_firewall_dns_rule",
        "Update cloud firewall DNS rule",
        "Change a cloud firewall DNS rule; fields not given keep their current values. Staged until \
         zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/firewallDnsRules/{rule_id}")
                .id_lists(RULE_ID_LISTS)
                .merge_current()
        ]),
    )
    .params(&[
        Param::string(
            "rule_id",
            "DNS rule id (zia_list_cloud_firewall_dns_rules).",
        )
        .required(),
        Param::string("name", "New rule name.").body("name"),
        Param::string(
            "action",
            "E.g. ALLOW, BLOCK, REDIR_REQ, REDIR_RES, REDIR_ZPA.",
        )
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced (state).").to(Body::State("state")),
        Param::integer("order", "Evaluation position from 1.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_cloud_firewall_ips_rule",
        "Update cloud firewall IPS rule",
        "Change a cloud firewall IPS rule; fields not given keep their current values. Staged until \
         zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/firewallIpsRules/{rule_id}")
                .id_lists(RULE_ID_LISTS)
                .merge_current()
        ]),
    )
    .params(&[
        Param::string(
            "rule_id",
            "IPS rule id (zia_list_cloud_firewall_ips_rules).",
        )
        .required(),
        Param::string("name", "New rule name.").body("name"),
        Param::string("action", "ALLOW, BLOCK_DROP, BLOCK_RESET or BYPASS_IPS.").body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced (state).").to(Body::State("state")),
        Param::integer("order", "Evaluation position from 1.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_cloud_firewall_rule",
        "Update cloud firewall rule",
        "Change a cloud firewall filtering rule; fields not given keep their current values. Staged \
         until zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/firewallFilteringRules/{rule_id}")
                .id_lists(RULE_ID_LISTS)
                .merge_current()
        ]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_cloud_firewall_rules).").required(),
        Param::string("name", "New rule name.").body("name"),
        Param::string(
            "action",
            "E.g. ALLOW, BLOCK_DROP, BLOCK_RESET, BLOCK_ICMP, EVAL_NWAPP.",
        )
        .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced (state).").to(Body::State("state")),
        Param::integer("order", "Evaluation position from 1.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_ip_destination_group",
        "Update IP destination group",
        "Change an IP destination group; fields not given keep their current values. Staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/ipDestinationGroups/{group_id}").merge_current()]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::string(
            "type",
            "What the group matches: IPs, FQDNs, domains, other.",
        )
        .required()
        .one_of(&["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"])
        .body("type"),
        Param::string("description", "Group description.").body("description"),
        Param::strings("addresses", "IPs, CIDRs, FQDNs or domains, per type.").body("addresses"),
        Param::strings("countries", "Countries for DSTN_OTHER, e.g. COUNTRY_US.").body("countries"),
        Param::strings(
            "ip_categories",
            "URL categories for DSTN_OTHER, e.g. ANONYMIZER.",
        )
        .body("ipCategories"),
        Param::string("group_id", "Group id (zia_list_ip_destination_groups).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_ip_source_group",
        "Update IP source group",
        "Change an IP source group; fields not given keep their current values. Staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/ipSourceGroups/{group_id}").merge_current()]),
    )
    .params(&[
        Param::string("group_id", "Group id (zia_list_ip_source_groups).").required(),
        Param::string("name", "Group name.").required().body("name"),
        Param::strings("ip_addresses", "All IPs, ranges or CIDRs of the group.")
            .required()
            .body("ipAddresses"),
        Param::string("description", "Group description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_ips_signature_rule",
        "Update IPS signature rule",
        "Change a custom IPS signature's name, rule text or description; other fields are kept; \
         staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/ipsSignatureRules/{rule_id}").merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Signature id (zia_list_ips_signature_rules).").required(),
        Param::string("name", "New name.").body("name"),
        Param::string("rule_text", "New Snort rule text.").body("ruleText"),
        Param::string("description", "New description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_network_app_group",
        "Update network app group",
        "Change a network application group; fields not given keep their current values. Staged \
         until zia_activate_configuration.",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )
        .merge_current()]),
    )
    .params(&[
        Param::string("group_id", "Group id (zia_list_network_app_groups).").required(),
        Param::string("name", "Group name.").required().body("name"),
        Param::strings(
            "network_applications",
            "All app ids of the group, e.g. SLACK.",
        )
        .required()
        .body("networkApplications"),
        Param::string("description", "Group description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_network_service",
        "Update network service",
        "Change a custom network service; ports replace those of their direction and protocol, other \
         fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/networkServices/{service_id}").merge_current()]),
    )
    .params(&[
        Param::string("service_id", "Service id (zia_list_network_services).").required(),
        Param::string("name", "Service name.")
            .required()
            .body("name"),
        Param::string_lists(
            "ports",
            "Port ranges: [direction src|dest, protocol tcp|udp, start, end?].",
        )
        .to(Body::PortRanges),
        Param::string("description", "Service description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_firewall",
        Action::Update,
        "zia_update_network_svc_group",
        "Update network service group",
        "Change a network service group; fields not given keep their current values. Staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/networkServiceGroups/{group_id}").merge_current()]),
    )
    .params(&[
        Param::string("group_id", "Group id (zia_list_network_svc_groups).").required(),
        Param::string("name", "Group name.").required().body("name"),
        Param::strings("service_ids", "All network service ids of the group.")
            .required()
            .ids("services"),
        Param::string("description", "Group description.").body("description"),
    ]),
];
