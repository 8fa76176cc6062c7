//! ZIA traffic forwarding: locations, location groups, static IPs, GRE tunnels, VPN credentials.

use super::common;
use crate::catalog::toolsets::ZIA_LOCATIONS;
use crate::catalog::{GreTunnelRoutes, Param, Route, Rule, Special, ToolDeclaration, When};

const TUNNEL_ID: Param = Param::string("tunnel_id", "Tunnel id (zia_list_gre_tunnels).").required();
const LOCATION_ID: Param =
    Param::string("location_id", "Location id (zia_list_locations).").required();
const STATIC_IP_ID: Param =
    Param::string("static_ip_id", "Static IP id (zia_list_static_ips).").required();
const CREDENTIAL_ID: Param =
    Param::string("credential_id", "Credential id (zia_list_vpn_credentials).").required();
const COUNTRY: Param = Param::string("country", "Country, e.g. UNITED_STATES.").body("country");
const TZ: Param =
    Param::string("tz", "Time zone, e.g. UNITED_STATES_AMERICA_LOS_ANGELES.").body("tz");
const IP_ADDRESSES: Param =
    Param::strings("ip_addresses", "Static IPs (zia_list_static_ips).").body("ipAddresses");
const COMMENT: Param = Param::string("comment", "Comment.").body("comment");
const PRE_SHARED_KEY: Param =
    Param::string("pre_shared_key", "Pre-shared key.").body("preSharedKey");
const COMMENTS: Param = Param::string("comments", "Comments.").body("comments");

/// A static IP's parameters: `first` (the address on create, the id on update), then its
/// settings; `geo_override` says what it needs.
const fn static_ip_params(first: Param, geo_override: &'static str) -> [Param; 6] {
    [
        first,
        COMMENT,
        Param::boolean("geo_override", geo_override).body("geoOverride"),
        Param::boolean("routable_ip", "IP is routable.").body("routableIP"),
        Param::number("latitude", "Degrees; used only with geo_override true.").body("latitude"),
        Param::number("longitude", "Degrees; used only with geo_override true.").body("longitude"),
    ]
}

/// On create, a geo override needs both coordinates.
const GEO_OVERRIDE_NEEDS: &[Rule] = &[Rule::Needs(
    When::Is("geo_override", "true"),
    &["latitude", "longitude"],
)];

/// Keys of a location's `advanced` object whose scalar lists are sent as `[{"id": N}]`.
const LOCATION_ID_LISTS: &[&str] = &["vpnCredentials", "staticLocationGroups"];

pub static TOOLS: &[ToolDeclaration] = &[
    // The static IP is created first when it is not provisioned yet (`ipAddress` and `comment`),
    // then the tunnel is created from it.
    ZIA_LOCATIONS
        .create(
            "zia_create_gre_tunnel",
            "Create GRE tunnel",
            "Picks the recommended VIPs and a free internal range; needs \
             zia_activate_configuration.",
        )
        .special(Special::ZiaGreTunnelCreate(&GreTunnelRoutes {
            find_static_ip: Route::get("/zia/api/v1/staticIP")
                .query(&[("ipAddress", "{static_ip_address}")])
                .list(),
            create_static_ip: Route::post("/zia/api/v1/staticIP"),
            internal_ranges: Route::get("/zia/api/v1/greTunnels/availableInternalIpRanges")
                .query(&[("staticIp", "{static_ip_address}")])
                .list(),
            recommended_vips: Route::get("/zia/api/v1/vips/recommendedList")
                .query(&[("sourceIp", "{static_ip_address}")])
                .list(),
            create_tunnel: Route::post("/zia/api/v1/greTunnels"),
        }))
        .params(&[
            Param::string(
                "static_ip_address",
                "Provisioned static IP (zia_list_static_ips).",
            )
            .required()
            .body("sourceIp"),
            Param::boolean("ip_unnumbered", "No internal IP range.").body("ipUnnumbered"),
            Param::string("internal_ip_range", "/29 start; default first free.")
                .body("internalIpRange"),
            COMMENT,
        ]),
    ZIA_LOCATIONS
        .create(
            "zia_create_location",
            "Create location",
            "IPs must be provisioned static IPs unused elsewhere; needs \
             zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/locations").id_lists(LOCATION_ID_LISTS)])
        .params(&[
            common::NAME_REQUIRED,
            COUNTRY,
            TZ,
            IP_ADDRESSES,
            common::DESCRIPTION,
            common::ADVANCED,
        ]),
    ZIA_LOCATIONS
        .create(
            "zia_create_static_ip",
            "Create static IP",
            "Public static IP for GRE tunnels and locations; needs zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/staticIP")])
        .params(&static_ip_params(
            Param::string("ip_address", "Public IPv4 address.")
                .required()
                .body("ipAddress"),
            "Use latitude and longitude (both then required), not the IP's location.",
        ))
        .requires(GEO_OVERRIDE_NEEDS),
    ZIA_LOCATIONS
        .create(
            "zia_create_vpn_credential",
            "Create VPN credential",
            "IPsec credential by IP or user FQDN; needs zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/vpnCredentials")])
        .params(&[
            Param::string("credential_type", "IP needs ip_address; UFQDN needs fqdn.")
                .required()
                .one_of(&["IP", "UFQDN"])
                .body("type"),
            PRE_SHARED_KEY.required(),
            Param::string("ip_address", "Static IP; required with credential_type IP.")
                .body("ipAddress"),
            Param::string("fqdn", "user@domain; required with credential_type UFQDN.").body("fqdn"),
            COMMENTS,
        ])
        .requires(&[
            Rule::Needs(When::Is("credential_type", "IP"), &["ip_address"]),
            Rule::Needs(When::Is("credential_type", "UFQDN"), &["fqdn"]),
        ]),
    ZIA_LOCATIONS
        .delete(
            "zia_delete_gre_tunnel",
            "Delete GRE tunnel",
            "Deletes the tunnel, then its static IP; needs zia_activate_configuration.",
        )
        .special(Special::ZiaGreTunnelDelete {
            tunnel: &Route::delete("/zia/api/v1/greTunnels/{tunnel_id}"),
            static_ip: &Route::delete("/zia/api/v1/staticIP/{static_ip_id}"),
        })
        .params(&[
            TUNNEL_ID,
            Param::string("static_ip_id", "Its static IP id (zia_list_static_ips).").required(),
        ]),
    ZIA_LOCATIONS
        .delete(
            "zia_delete_location",
            "Delete location",
            "Also deletes its sub-locations; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/locations/{location_id}")])
        .params(&[LOCATION_ID]),
    ZIA_LOCATIONS
        .delete(
            "zia_delete_static_ip",
            "Delete static IP",
            "Fails while a GRE tunnel or location uses it.",
        )
        .routes(&[Route::delete("/zia/api/v1/staticIP/{static_ip_id}")])
        .params(&[STATIC_IP_ID]),
    ZIA_LOCATIONS
        .delete(
            "zia_delete_vpn_credential",
            "Delete VPN credential",
            "Fails while a location uses it.",
        )
        .routes(&[Route::delete("/zia/api/v1/vpnCredentials/{credential_id}")])
        .params(&[CREDENTIAL_ID]),
    ZIA_LOCATIONS
        .list(
            "zia_geo_search",
            "Geo search",
            "Regions by coordinates or IP, or cities by name prefix, per action.",
        )
        .routes(&[
            Route::get("/zia/api/v1/region/byGeoCoordinates")
                .when(When::Is("action", "geo_by_coordinates"))
                .query(&[("latitude", "{latitude}"), ("longitude", "{longitude}")]),
            Route::get("/zia/api/v1/region/byIPAddress/{ip}").when(When::Is("action", "geo_by_ip")),
            Route::get("/zia/api/v1/region/search")
                .when(When::Is("action", "city_prefix_search"))
                .query(&[("prefix", "{prefix}")])
                .list(),
        ])
        .params(&[
            Param::string(
                "action",
                "Lookup kind: geo_by_coordinates needs latitude and longitude, geo_by_ip \
                 needs ip, city_prefix_search needs prefix.",
            )
            .required()
            .one_of(&["geo_by_coordinates", "geo_by_ip", "city_prefix_search"]),
            Param::number(
                "latitude",
                "Degrees; required with action geo_by_coordinates.",
            ),
            Param::number(
                "longitude",
                "Degrees; required with action geo_by_coordinates.",
            ),
            Param::string("ip", "IPv4; required with action geo_by_ip."),
            Param::string(
                "prefix",
                "City name start; required with action city_prefix_search.",
            ),
        ])
        .requires(&[
            Rule::Needs(
                When::Is("action", "geo_by_coordinates"),
                &["latitude", "longitude"],
            ),
            Rule::Needs(When::Is("action", "geo_by_ip"), &["ip"]),
            Rule::Needs(When::Is("action", "city_prefix_search"), &["prefix"]),
        ]),
    ZIA_LOCATIONS
        .get(
            "zia_get_gre_tunnel",
            "Get GRE tunnel",
            "One tunnel: source IP, destination VIPs, internal range.",
        )
        .routes(&[Route::get("/zia/api/v1/greTunnels/{tunnel_id}")])
        .params(&[TUNNEL_ID]),
    ZIA_LOCATIONS
        .get(
            "zia_get_location",
            "Get location",
            "One location: IPs, VPN credentials, groups, policy settings.",
        )
        .routes(&[Route::get("/zia/api/v1/locations/{location_id}")])
        .params(&[LOCATION_ID]),
    ZIA_LOCATIONS
        .get(
            "zia_get_location_group",
            "Get location group",
            "One group: member locations or dynamic criteria.",
        )
        .routes(&[Route::get("/zia/api/v1/locations/groups/{group_id}")])
        .params(&[Param::string("group_id", "Group id (zia_list_location_groups).").required()]),
    ZIA_LOCATIONS
        .get(
            "zia_get_static_ip",
            "Get static IP",
            "One static IP: geolocation, routability, last modification.",
        )
        .routes(&[Route::get("/zia/api/v1/staticIP/{static_ip_id}")])
        .params(&[STATIC_IP_ID]),
    ZIA_LOCATIONS
        .get(
            "zia_get_vpn_credential",
            "Get VPN credential",
            "One credential: type, FQDN or IP, linked location.",
        )
        .routes(&[Route::get("/zia/api/v1/vpnCredentials/{credential_id}")])
        .params(&[CREDENTIAL_ID]),
    ZIA_LOCATIONS
        .list(
            "zia_list_gre_ranges",
            "List GRE internal ranges",
            "Free internal /29 ranges for new tunnels; one request, capped by limit.",
        )
        .routes(&[
            Route::get("/zia/api/v1/greTunnels/availableInternalIpRanges")
                .query(&[
                    ("internalIpRange", "{internal_ip_range}"),
                    ("staticIp", "{static_ip}"),
                    ("limit", "{limit}"),
                ])
                .list(),
        ])
        .params(&[
            Param::string("internal_ip_range", "Ranges from this address on."),
            Param::string("static_ip", "Tunnel source static IP."),
            Param::integer("limit", "Max ranges."),
        ]),
    ZIA_LOCATIONS
        .list(
            "zia_list_gre_tunnels",
            "List GRE tunnels",
            "All tunnels: source IPs, destination VIPs, internal ranges.",
        )
        .routes(&[Route::get("/zia/api/v1/greTunnels").list()]),
    ZIA_LOCATIONS
        .list(
            "zia_list_location_groups",
            "List location groups",
            "Static and dynamic location groups.",
        )
        .routes(&[Route::get("/zia/api/v1/locations/groups")
            .query(&[("search", "{search}"), ("name", "{name}")])
            .list()])
        .params(&[
            Param::string("search", "Name search text."),
            Param::string("name", "Name filter."),
        ]),
    ZIA_LOCATIONS
        .list(
            "zia_list_locations",
            "List locations",
            "All locations: IPs, VPN credentials, groups, policy settings.",
        )
        .routes(&[common::search_list("/zia/api/v1/locations")])
        .params(&[Param::string("search", "Name search text.")]),
    ZIA_LOCATIONS
        .list(
            "zia_list_static_ips",
            "List static IPs",
            "Static IPs with geolocation and routability.",
        )
        .routes(&[common::search_list("/zia/api/v1/staticIP")])
        .params(&[Param::string("search", "Text in IP or comment.")]),
    ZIA_LOCATIONS
        .list(
            "zia_list_vpn_credentials",
            "List VPN credentials",
            "Credentials (IP or user FQDN) with their locations.",
        )
        .routes(&[common::search_list("/zia/api/v1/vpnCredentials")])
        .params(&[Param::string("search", "Text in FQDN, IP or comments.")]),
    ZIA_LOCATIONS
        .update(
            "zia_update_location",
            "Update location",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/locations/{location_id}")
            .id_lists(LOCATION_ID_LISTS)
            .merge_current()])
        .params(&[
            common::NAME_REQUIRED,
            COUNTRY,
            TZ,
            IP_ADDRESSES,
            common::DESCRIPTION,
            common::ADVANCED,
            LOCATION_ID,
        ]),
    ZIA_LOCATIONS
        .update(
            "zia_update_static_ip",
            "Update static IP",
            "Change comment, geo override or routability; others kept; needs \
             zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/staticIP/{static_ip_id}").merge_current()])
        .params(&static_ip_params(
            STATIC_IP_ID,
            "Use latitude and longitude, not the IP's location.",
        )),
    ZIA_LOCATIONS
        .update(
            "zia_update_vpn_credential",
            "Update VPN credential",
            "Change only pre-shared key or comments; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/vpnCredentials/{credential_id}").merge_current()])
        .params(&[CREDENTIAL_ID, PRE_SHARED_KEY, COMMENTS]),
];
