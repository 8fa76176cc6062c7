//! ZIA cloud firewall: filtering, DNS and IPS rules and the objects they use (IP groups,
//! network services and applications, custom IPS signatures).

use super::common;
use crate::catalog::toolsets::ZIA_CLOUD_FIREWALL;
use crate::catalog::{Body, Filter, Param, Route, Special, ToolDeclaration};

/// Keys of a firewall rule's `advanced` object that hold references, sent as `[{"id": N}]`.
const FIREWALL_ID_LISTS: &[&str] = &[
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

const ADVANCED: Param = common::advanced("Extra camelCase fields; plain ids ok.");
const RULE_NAME: Param = Param::string("name", "Name, max 31 chars.").body("name");
const DNS_ACTION: Param = Param::string("action", "What matching DNS traffic gets.")
    .one_of(&[
        "ALLOW",
        "BLOCK",
        "REDIR_REQ",
        "REDIR_RES",
        "REDIR_ZPA",
        "REDIR_REQ_DOH",
        "REDIR_REQ_KEEP_SENDER",
        "REDIR_REQ_TCP",
        "REDIR_REQ_UDP",
        "BLOCK_WITH_RESPONSE",
    ])
    .body("action");
const IPS_ACTION: Param = Param::string("action", "What matching traffic gets.")
    .one_of(&["ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BYPASS_IPS"])
    .body("action");
const FILTERING_ACTION: Param = Param::string("action", "What matching traffic gets.")
    .one_of(&[
        "ALLOW",
        "BLOCK_DROP",
        "BLOCK_RESET",
        "BLOCK_ICMP",
        "EVAL_NWAPP",
    ])
    .body("action");

const DNS_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_cloud_firewall_dns_rules).").required();
const IPS_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_cloud_firewall_ips_rules).").required();
const FILTERING_RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_cloud_firewall_rules).").required();
const SIGNATURE_ID: Param =
    Param::string("rule_id", "Signature id (zia_list_ips_signature_rules).").required();
const DESTINATION_GROUP_ID: Param =
    Param::string("group_id", "Group id (zia_list_ip_destination_groups).").required();
const SOURCE_GROUP_ID: Param =
    Param::string("group_id", "Group id (zia_list_ip_source_groups).").required();
const APP_GROUP_ID: Param =
    Param::string("group_id", "Group id (zia_list_network_app_groups).").required();
const SERVICE_GROUP_ID: Param =
    Param::string("group_id", "Group id (zia_list_network_svc_groups).").required();
const SERVICE_ID: Param =
    Param::string("service_id", "Service id (zia_list_network_services).").required();

const DESTINATION_TYPE: Param = Param::string("type", "What it matches.")
    .required()
    .one_of(&["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"])
    .body("type");
const ADDRESSES: Param =
    Param::strings("addresses", "IPs, CIDRs, FQDNs or domains.").body("addresses");
const COUNTRIES: Param =
    Param::strings("countries", "DSTN_OTHER countries, e.g. COUNTRY_US.").body("countries");
const IP_CATEGORIES: Param = Param::strings(
    "ip_categories",
    "DSTN_OTHER URL categories, e.g. ANONYMIZER.",
)
.body("ipCategories");
const PORTS: Param = Param::string_lists("ports", "Entries [src|dest, tcp|udp, start, end?].")
    .to(Body::Build(&super::ports::BODY));

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_cloud_firewall_dns_rule",
            "Create cloud firewall DNS rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/firewallDnsRules",
            FIREWALL_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            RULE_NAME.required(),
            DNS_ACTION.required(),
            ADVANCED,
        )),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_cloud_firewall_ips_rule",
            "Create cloud firewall IPS rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/firewallIpsRules",
            FIREWALL_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            RULE_NAME.required(),
            IPS_ACTION.required(),
            ADVANCED,
        )),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_cloud_firewall_rule",
            "Create cloud firewall rule",
            "Filtering rule; order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/firewallFilteringRules",
            FIREWALL_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            RULE_NAME.required(),
            FILTERING_ACTION.required(),
            ADVANCED,
        )),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_ip_destination_group",
            "Create IP destination group",
            "Group of IPs, FQDNs, domains, or countries and categories; needs \
             zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/ipDestinationGroups")])
        .params(&[
            common::NAME_REQUIRED,
            DESTINATION_TYPE,
            common::DESCRIPTION,
            ADDRESSES,
            COUNTRIES,
            IP_CATEGORIES,
        ]),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_ip_source_group",
            "Create IP source group",
            "Group of IPs, ranges or CIDRs; needs zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/ipSourceGroups")])
        .params(&[
            common::NAME_REQUIRED,
            Param::strings("ip_addresses", "IPs, ranges or CIDRs.")
                .required()
                .body("ipAddresses"),
            common::DESCRIPTION,
        ]),
    // NOTE(model): the validate route sends the whole body (name, description too), not only
    // ruleText as the reference does; the API reads ruleText.
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_ips_signature_rule",
            "Create IPS signature rule",
            "Validate a custom Snort-style signature, then create it; needs \
             zia_activate_configuration.",
        )
        .special(Special::ZiaIpsSignatureCreate {
            validate: &Route::post("/zia/api/v1/ipsSignatureRules/validateRuleText"),
            create: &Route::post("/zia/api/v1/ipsSignatureRules"),
        })
        .params(&[
            common::NAME_REQUIRED,
            Param::string("rule_text", "Snort rule text.")
                .required()
                .body("ruleText"),
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_network_app_group",
            "Create network app group",
            "Group of network apps for firewall rules; needs zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/networkApplicationGroups")])
        .params(&[
            common::NAME_REQUIRED,
            Param::strings(
                "network_applications",
                "App ids, e.g. SLACK (zia_list_network_apps).",
            )
            .required()
            .body("networkApplications"),
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_network_service",
            "Create network service",
            "Custom service from TCP/UDP port ranges; needs zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/networkServices")])
        .params(&[common::NAME_REQUIRED, PORTS.required(), common::DESCRIPTION]),
    ZIA_CLOUD_FIREWALL
        .create(
            "zia_create_network_svc_group",
            "Create network service group",
            "Group of network services for firewall rules; needs zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/networkServiceGroups")])
        .params(&[
            common::NAME_REQUIRED,
            Param::strings("service_ids", "Service ids (zia_list_network_services).")
                .required()
                .ids("services"),
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_cloud_firewall_dns_rule",
            "Delete cloud firewall DNS rule",
            "Predefined rules cannot be deleted.",
        )
        .routes(&[Route::delete("/zia/api/v1/firewallDnsRules/{rule_id}")])
        .params(&[DNS_RULE_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_cloud_firewall_ips_rule",
            "Delete cloud firewall IPS rule",
            "The default rule cannot be deleted.",
        )
        .routes(&[Route::delete("/zia/api/v1/firewallIpsRules/{rule_id}")])
        .params(&[IPS_RULE_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_cloud_firewall_rule",
            "Delete cloud firewall rule",
            "The default rule cannot be deleted.",
        )
        .routes(&[Route::delete(
            "/zia/api/v1/firewallFilteringRules/{rule_id}",
        )])
        .params(&[FILTERING_RULE_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_ip_destination_group",
            "Delete IP destination group",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/ipDestinationGroups/{group_id}")])
        .params(&[DESTINATION_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_ip_source_group",
            "Delete IP source group",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/ipSourceGroups/{group_id}")])
        .params(&[SOURCE_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_ips_signature_rule",
            "Delete IPS signature rule",
            "Delete a custom signature; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/ipsSignatureRules/{rule_id}")])
        .params(&[SIGNATURE_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_network_app_group",
            "Delete network app group",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )])
        .params(&[APP_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_network_service",
            "Delete network service",
            "Predefined services cannot be deleted.",
        )
        .routes(&[Route::delete("/zia/api/v1/networkServices/{service_id}")])
        .params(&[SERVICE_ID]),
    ZIA_CLOUD_FIREWALL
        .delete(
            "zia_delete_network_svc_group",
            "Delete network service group",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/networkServiceGroups/{group_id}")])
        .params(&[SERVICE_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_cloud_firewall_dns_rule",
            "Get cloud firewall DNS rule",
            "One rule with criteria, action and state.",
        )
        .routes(&[Route::get("/zia/api/v1/firewallDnsRules/{rule_id}")])
        .params(&[DNS_RULE_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_cloud_firewall_ips_rule",
            "Get cloud firewall IPS rule",
            "One rule with criteria, action and state.",
        )
        .routes(&[Route::get("/zia/api/v1/firewallIpsRules/{rule_id}")])
        .params(&[IPS_RULE_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_cloud_firewall_rule",
            "Get cloud firewall rule",
            "One rule with criteria, action and state.",
        )
        .routes(&[Route::get("/zia/api/v1/firewallFilteringRules/{rule_id}")])
        .params(&[FILTERING_RULE_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_ip_destination_group",
            "Get IP destination group",
            "One group: type, addresses, countries, categories.",
        )
        .routes(&[Route::get("/zia/api/v1/ipDestinationGroups/{group_id}")])
        .params(&[DESTINATION_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_ip_source_group",
            "Get IP source group",
            "One group with its IP addresses.",
        )
        .routes(&[Route::get("/zia/api/v1/ipSourceGroups/{group_id}")])
        .params(&[SOURCE_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_ips_signature_rule",
            "Get IPS signature rule",
            "One custom signature with its Snort rule text.",
        )
        .routes(&[Route::get("/zia/api/v1/ipsSignatureRules/{rule_id}")])
        .params(&[SIGNATURE_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_network_app",
            "Get network app",
            "One predefined network application by id.",
        )
        .routes(&[Route::get("/zia/api/v1/networkApplications/{app_id}")])
        .params(&[
            Param::string("app_id", "App id, e.g. SLACK (zia_list_network_apps).").required(),
        ]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_network_app_group",
            "Get network app group",
            "One group with its application ids.",
        )
        .routes(&[Route::get(
            "/zia/api/v1/networkApplicationGroups/{group_id}",
        )])
        .params(&[APP_GROUP_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_network_service",
            "Get network service",
            "One service with source and destination port ranges.",
        )
        .routes(&[Route::get("/zia/api/v1/networkServices/{service_id}")])
        .params(&[SERVICE_ID]),
    ZIA_CLOUD_FIREWALL
        .get(
            "zia_get_network_svc_group",
            "Get network service group",
            "One group with the services it contains.",
        )
        .routes(&[Route::get("/zia/api/v1/networkServiceGroups/{group_id}")])
        .params(&[SERVICE_GROUP_ID]),
    // The reference sends no query here (the SDK filters by name); the API filters `search` by
    // name itself, so it is sent.
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_cloud_firewall_dns_rules",
            "List cloud firewall DNS rules",
            "Includes the predefined default and fallback rules.",
        )
        .routes(&[common::search_list("/zia/api/v1/firewallDnsRules")])
        .params(&[common::SEARCH]),
    // The reference sends no query here (the SDK filters by name); the API filters `search` by
    // name itself, so it is sent.
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_cloud_firewall_ips_rules",
            "List cloud firewall IPS rules",
            "Includes the predefined default rule.",
        )
        .routes(&[common::search_list("/zia/api/v1/firewallIpsRules")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_cloud_firewall_rules",
            "List cloud firewall rules",
            "In order, including the predefined default rule.",
        )
        .routes(&[common::search_list("/zia/api/v1/firewallFilteringRules")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_ip_destination_groups",
            "List IP destination groups",
            "Groups with type, addresses, countries and categories.",
        )
        .routes(&[common::search_list("/zia/api/v1/ipDestinationGroups")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_ip_source_groups",
            "List IP source groups",
            "Groups with their IP addresses.",
        )
        .routes(&[common::search_list("/zia/api/v1/ipSourceGroups")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_ips_signature_rules",
            "List IPS signature rules",
            "Custom signatures with their Snort rule text.",
        )
        .routes(&[common::search_list("/zia/api/v1/ipsSignatureRules")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_network_app_groups",
            "List network app groups",
            "Groups with their application ids.",
        )
        .routes(&[common::search_list("/zia/api/v1/networkApplicationGroups")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_network_apps",
            "List network apps",
            "Predefined apps that firewall rules and app groups match.",
        )
        .routes(&[Route::get("/zia/api/v1/networkApplications")
            .query(&[("search", "{search}"), ("locale", "{locale}")])
            .list()])
        .params(&[
            Param::string("search", "Description substring."),
            Param::string("locale", "Description language, e.g. en-US."),
        ]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_network_services",
            "List network services",
            "Predefined, standard and custom services with port ranges.",
        )
        .routes(&[Route::get("/zia/api/v1/networkServices")
            .query(&[("protocol", "{protocol}"), ("search", "{search}")])
            .list()
            .filters(&[Filter::equals("name", &["name"])])])
        .params(&[
            Param::string("name", "Exact name."),
            common::SEARCH,
            Param::string("protocol", "Only services using this protocol.")
                .one_of(&["TCP", "UDP", "ICMP", "GRE", "ESP", "OTHER"]),
        ]),
    ZIA_CLOUD_FIREWALL
        .list(
            "zia_list_network_svc_groups",
            "List network service groups",
            "Groups with the services each contains.",
        )
        .routes(&[common::search_list("/zia/api/v1/networkServiceGroups")])
        .params(&[common::SEARCH]),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_cloud_firewall_dns_rule",
            "Update cloud firewall DNS rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/firewallDnsRules/{rule_id}",
            FIREWALL_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            DNS_RULE_ID,
            common::NAME,
            DNS_ACTION,
            ADVANCED,
        )),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_cloud_firewall_ips_rule",
            "Update cloud firewall IPS rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/firewallIpsRules/{rule_id}",
            FIREWALL_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            IPS_RULE_ID,
            common::NAME,
            IPS_ACTION,
            ADVANCED,
        )),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_cloud_firewall_rule",
            "Update cloud firewall rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/firewallFilteringRules/{rule_id}",
            FIREWALL_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            FILTERING_RULE_ID,
            common::NAME,
            FILTERING_ACTION,
            ADVANCED,
        )),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_ip_destination_group",
            "Update IP destination group",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/ipDestinationGroups/{group_id}").merge_current()])
        .params(&[
            common::NAME_REQUIRED,
            DESTINATION_TYPE,
            common::DESCRIPTION,
            ADDRESSES,
            COUNTRIES,
            IP_CATEGORIES,
            DESTINATION_GROUP_ID,
        ]),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_ip_source_group",
            "Update IP source group",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/ipSourceGroups/{group_id}").merge_current()])
        .params(&[
            SOURCE_GROUP_ID,
            common::NAME_REQUIRED,
            Param::strings("ip_addresses", "All IPs, ranges or CIDRs.")
                .required()
                .body("ipAddresses"),
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_ips_signature_rule",
            "Update IPS signature rule",
            "Change name, rule text or description; others kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/ipsSignatureRules/{rule_id}").merge_current()])
        .params(&[
            SIGNATURE_ID,
            common::NAME,
            Param::string("rule_text", "Snort rule text.").body("ruleText"),
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_network_app_group",
            "Update network app group",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/networkApplicationGroups/{group_id}").merge_current()])
        .params(&[
            APP_GROUP_ID,
            common::NAME_REQUIRED,
            Param::strings("network_applications", "All app ids, e.g. SLACK.")
                .required()
                .body("networkApplications"),
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_network_service",
            "Update network service",
            "Given ports replace those of their direction and protocol; omitted fields kept; \
             needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/networkServices/{service_id}").merge_current()])
        .params(&[
            SERVICE_ID,
            common::NAME_REQUIRED,
            PORTS,
            common::DESCRIPTION,
        ]),
    ZIA_CLOUD_FIREWALL
        .update(
            "zia_update_network_svc_group",
            "Update network service group",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/networkServiceGroups/{group_id}").merge_current()])
        .params(&[
            SERVICE_GROUP_ID,
            common::NAME_REQUIRED,
            Param::strings("service_ids", "All service ids.")
                .required()
                .ids("services"),
            common::DESCRIPTION,
        ]),
];
