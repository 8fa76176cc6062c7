//! ZIA traffic forwarding: locations, location groups, static IPs, GRE tunnels, VPN credentials.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Param, Route, Special, ToolDeclaration, When};

pub static TOOLS: &[ToolDeclaration] = &[
    // NOTE(model): `static_ip_address` goes to the body as `sourceIp`, which the tunnel POST
    // (route 3) needs; the static-IP POST (route 4, only when the IP is not provisioned yet)
    // needs it as `ipAddress`, and a parameter has one body field for every route. Route 4 thus
    // sends `{sourceIp, comment, ...}` without `ipAddress`, so creating the tunnel from an IP
    // that is not yet a static IP fails: add it first with zia_create_static_ip.
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_gre_tunnel",
        "Create GRE tunnel",
        "Create a GRE tunnel from a static IP, picking the recommended VIPs and a free internal \
         range; staged until zia_activate_configuration.",
        Handler::Special(
            Special::ZiaGreTunnelCreate,
            &[
                Route::get("/zia/api/v1/staticIP")
                    .query(&[("ipAddress", "{static_ip_address}")])
                    .list(),
                Route::get("/zia/api/v1/greTunnels/availableInternalIpRanges")
                    .query(&[("staticIp", "{static_ip_address}")])
                    .list(),
                Route::get("/zia/api/v1/vips/recommendedList")
                    .query(&[("sourceIp", "{static_ip_address}")])
                    .list(),
                Route::post("/zia/api/v1/greTunnels"),
                Route::post("/zia/api/v1/staticIP"),
            ],
        ),
    )
    .params(&[
        Param::string(
            "static_ip_address",
            "Tunnel source: a provisioned static IP (zia_list_static_ips).",
        )
        .required()
        .body("sourceIp"),
        Param::boolean(
            "ip_unnumbered",
            "Unnumbered tunnel, without internal IP range.",
        )
        .body("ipUnnumbered"),
        Param::string(
            "internal_ip_range",
            "Internal /29 start address; default the first free one.",
        )
        .body("internalIpRange"),
        Param::string("comment", "Free-text comment.").body("comment"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_location",
        "Create location",
        "Create a location; its IP addresses must be provisioned static IPs not used elsewhere. \
         Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/locations")
            .id_lists(&["vpnCredentials", "staticLocationGroups"])]),
    )
    .params(&[
        Param::string("name", "Location name.")
            .required()
            .body("name"),
        Param::string("country", "Country enum, e.g. UNITED_STATES.").body("country"),
        Param::string(
            "tz",
            "Time zone enum, e.g. UNITED_STATES_AMERICA_LOS_ANGELES.",
        )
        .body("tz"),
        Param::strings(
            "ip_addresses",
            "Static IPs of the location (zia_list_static_ips).",
        )
        .body("ipAddresses"),
        Param::string("description", "Free-text description.").body("description"),
        Param::object(
            "advanced",
            "Other location API fields (camelCase), merged into the body.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_static_ip",
        "Create static IP",
        "Provision a public static IP for GRE tunnels and locations; staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/staticIP")]),
    )
    .params(&[
        Param::string("ip_address", "Public IPv4 address.")
            .required()
            .body("ipAddress"),
        Param::string("comment", "Free-text comment.").body("comment"),
        Param::boolean(
            "geo_override",
            "Use latitude/longitude instead of IP geolocation.",
        )
        .body("geoOverride"),
        Param::boolean("routable_ip", "Whether the IP is routable.").body("routableIP"),
        Param::number("latitude", "Latitude; needs geo_override.").body("latitude"),
        Param::number("longitude", "Longitude; needs geo_override.").body("longitude"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_vpn_credential",
        "Create VPN credential",
        "Create an IPsec VPN credential (IP or user FQDN, with pre-shared key) for locations; \
         staged until zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/vpnCredentials")]),
    )
    .params(&[
        Param::string("credential_type", "IP needs ip_address; UFQDN needs fqdn.")
            .required()
            .one_of(&["IP", "UFQDN"])
            .body("type"),
        Param::string("pre_shared_key", "Pre-shared key.")
            .required()
            .body("preSharedKey"),
        Param::string("ip_address", "Static IP, for type IP.").body("ipAddress"),
        Param::string("fqdn", "User FQDN (user@domain), for type UFQDN.").body("fqdn"),
        Param::string("comments", "Free-text comments.").body("comments"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_gre_tunnel",
        "Delete GRE tunnel",
        "Delete a GRE tunnel, then the static IP it started from; staged until \
         zia_activate_configuration.",
        Handler::Special(
            Special::ZiaGreTunnelDelete,
            &[
                Route::delete("/zia/api/v1/greTunnels/{tunnel_id}"),
                Route::delete("/zia/api/v1/staticIP/{static_ip_id}"),
            ],
        ),
    )
    .params(&[
        Param::string("tunnel_id", "GRE tunnel id (zia_list_gre_tunnels).").required(),
        Param::string("static_ip_id", "Its static IP's id (zia_list_static_ips).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_location",
        "Delete location",
        "Delete a location with its sub-locations; staged until zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/locations/{location_id}")]),
    )
    .params(&[Param::string("location_id", "Location id (zia_list_locations).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_static_ip",
        "Delete static IP",
        "Delete a static IP; refused while a GRE tunnel or location uses it.",
        Handler::Routes(&[Route::delete("/zia/api/v1/staticIP/{static_ip_id}")]),
    )
    .params(&[Param::string("static_ip_id", "Static IP id (zia_list_static_ips).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_vpn_credential",
        "Delete VPN credential",
        "Delete a VPN credential; refused while a location uses it.",
        Handler::Routes(&[Route::delete("/zia/api/v1/vpnCredentials/{credential_id}")]),
    )
    .params(&[Param::string(
        "credential_id",
        "VPN credential id (zia_list_vpn_credentials).",
    )
    .required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_geo_search",
        "Geo search",
        "Find ZIA geographic regions by coordinates or IP address, or cities by name prefix, \
         as action selects.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/region/byGeoCoordinates")
                .when(When::Is("action", "geo_by_coordinates"))
                .query(&[("latitude", "{latitude}"), ("longitude", "{longitude}")]),
            Route::get("/zia/api/v1/region/byIPAddress/{ip}").when(When::Is("action", "geo_by_ip")),
            Route::get("/zia/api/v1/region/search")
                .when(When::Is("action", "city_prefix_search"))
                .query(&[("prefix", "{prefix}")])
                .list(),
        ]),
    )
    .params(&[
        Param::string("action", "Lookup kind; each takes its own arguments.")
            .required()
            .one_of(&["geo_by_coordinates", "geo_by_ip", "city_prefix_search"]),
        Param::number("latitude", "Latitude, for geo_by_coordinates."),
        Param::number("longitude", "Longitude, for geo_by_coordinates."),
        Param::string("ip", "IPv4 address, for geo_by_ip."),
        Param::string("prefix", "Start of a city name, for city_prefix_search."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_gre_tunnel",
        "Get GRE tunnel",
        "Get one GRE tunnel by id, with its source IP, destination VIPs and internal range.",
        Handler::Routes(&[Route::get("/zia/api/v1/greTunnels/{tunnel_id}")]),
    )
    .params(&[Param::string("tunnel_id", "GRE tunnel id (zia_list_gre_tunnels).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_location",
        "Get location",
        "Get one location by id, with its IPs, VPN credentials, groups and policy settings.",
        Handler::Routes(&[Route::get("/zia/api/v1/locations/{location_id}")]),
    )
    .params(&[Param::string("location_id", "Location id (zia_list_locations).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_location_group",
        "Get location group",
        "Get one location group by id, with its member locations or dynamic criteria.",
        Handler::Routes(&[Route::get("/zia/api/v1/locations/groups/{group_id}")]),
    )
    .params(&[
        Param::string("group_id", "Location group id (zia_list_location_groups).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_static_ip",
        "Get static IP",
        "Get one static IP by id, with its geolocation, routability and last modification.",
        Handler::Routes(&[Route::get("/zia/api/v1/staticIP/{static_ip_id}")]),
    )
    .params(&[Param::string("static_ip_id", "Static IP id (zia_list_static_ips).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_vpn_credential",
        "Get VPN credential",
        "Get one VPN credential by id, with its type, FQDN or IP and linked location.",
        Handler::Routes(&[Route::get("/zia/api/v1/vpnCredentials/{credential_id}")]),
    )
    .params(&[Param::string(
        "credential_id",
        "VPN credential id (zia_list_vpn_credentials).",
    )
    .required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_gre_ranges",
        "List GRE internal ranges",
        "List free internal /29 IP ranges for new GRE tunnels, in one request capped by limit.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/greTunnels/availableInternalIpRanges")
                .query(&[
                    ("internalIpRange", "{internal_ip_range}"),
                    ("staticIp", "{static_ip}"),
                    ("limit", "{limit}"),
                ])
                .list(),
        ]),
    )
    .params(&[
        Param::string(
            "internal_ip_range",
            "List ranges from this start address on.",
        ),
        Param::string("static_ip", "Static IP the tunnel would start from."),
        Param::integer("limit", "Most ranges to return."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_gre_tunnels",
        "List GRE tunnels",
        "List all GRE tunnels with their source IPs, destination VIPs and internal ranges.",
        Handler::Routes(&[Route::get("/zia/api/v1/greTunnels").list()]),
    )
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_location_groups",
        "List location groups",
        "List static and dynamic location groups, optionally filtered by search text or name.",
        Handler::Routes(&[Route::get("/zia/api/v1/locations/groups")
            .query(&[("search", "{search}"), ("name", "{name}")])
            .list()]),
    )
    .params(&[
        Param::string("search", "Text to search for in group names."),
        Param::string("name", "Group name filter."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_locations",
        "List locations",
        "List all locations with their IPs, VPN credentials, groups and policy settings.",
        Handler::Routes(&[Route::get("/zia/api/v1/locations")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string(
        "search",
        "Text to search for in location names.",
    )])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_static_ips",
        "List static IPs",
        "List provisioned static IPs with their geolocation and routability.",
        Handler::Routes(&[Route::get("/zia/api/v1/staticIP")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string(
        "search",
        "Text to search for in IPs and comments.",
    )])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_vpn_credentials",
        "List VPN credentials",
        "List VPN credentials (IP or user FQDN) with the locations they belong to.",
        Handler::Routes(&[Route::get("/zia/api/v1/vpnCredentials")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string(
        "search",
        "Text to search for in FQDN, IP or comments.",
    )])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Update,
        "zia_update_location",
        "Update location",
        "Change a location's settings; fields not given keep their current values. Staged until \
         zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/locations/{location_id}")
            .id_lists(&["vpnCredentials", "staticLocationGroups"])
            .merge_current()]),
    )
    .params(&[
        Param::string("name", "Location name.")
            .required()
            .body("name"),
        Param::string("country", "Country enum, e.g. UNITED_STATES.").body("country"),
        Param::string(
            "tz",
            "Time zone enum, e.g. UNITED_STATES_AMERICA_LOS_ANGELES.",
        )
        .body("tz"),
        Param::strings(
            "ip_addresses",
            "Static IPs of the location (zia_list_static_ips).",
        )
        .body("ipAddresses"),
        Param::string("description", "Free-text description.").body("description"),
        Param::object(
            "advanced",
            "Other location API fields (camelCase), merged into the body.",
        )
        .to(Body::Merge),
        Param::string("location_id", "Location id (zia_list_locations).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Update,
        "zia_update_static_ip",
        "Update static IP",
        "Change a static IP's comment, geolocation override or routability; other fields are kept. \
         Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/staticIP/{static_ip_id}").merge_current()]),
    )
    .params(&[
        Param::string("static_ip_id", "Static IP id (zia_list_static_ips).").required(),
        Param::string("comment", "Free-text comment.").body("comment"),
        Param::boolean(
            "geo_override",
            "Use latitude/longitude instead of IP geolocation.",
        )
        .body("geoOverride"),
        Param::boolean("routable_ip", "Whether the IP is routable.").body("routableIP"),
        Param::number("latitude", "Latitude; needs geo_override.").body("latitude"),
        Param::number("longitude", "Longitude; needs geo_override.").body("longitude"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Update,
        "zia_update_vpn_credential",
        "Update VPN credential",
        "Change a VPN credential's pre-shared key or comments; its type, FQDN and IP stay. \
         Staged until zia_activate_configuration.",
        Handler::Routes(
            &[Route::put("/zia/api/v1/vpnCredentials/{credential_id}").merge_current()],
        ),
    )
    .params(&[
        Param::string(
            "credential_id",
            "VPN credential id (zia_list_vpn_credentials).",
        )
        .required(),
        Param::string("pre_shared_key", "New pre-shared key.").body("preSharedKey"),
        Param::string("comments", "Free-text comments.").body("comments"),
    ]),
];
