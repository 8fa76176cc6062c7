//! TODO module doc: the `zia_locations` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: pre-lookup GET /zia/api/v1/vips/recommendedList -> POST /zia/api/v1/greTunnels (body lookup?)
    // CHECK: pre-lookup GET /zia/api/v1/staticIP -> POST /zia/api/v1/staticIP (body lookup?)
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_gre_tunnel",
        "ZIA create GRE tunnel",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/greTunnels/availableInternalIpRanges")
                .query(&[("staticIp", "{static_ip_address}")])
                .list(),
            Route::post("/zia/api/v1/greTunnels"),
            Route::post("/zia/api/v1/staticIP"),
        ]),
    )
    .params(&[
        Param::string("static_ip_address", "TODO").required(),
        Param::boolean("ip_unnumbered", "TODO").body("ipUnnumbered"),
        Param::string("internal_ip_range", "TODO").body("internalIpRange"),
        Param::string("comment", "TODO").body("comment"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_location",
        "ZIA create location",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/locations")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("country", "TODO").body("country"),
        Param::string("tz", "TODO").body("tz"),
        Param::strings("ip_addresses", "TODO").body("ipAddresses"),
        Param::string("description", "TODO").body("description"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    // CHECK: param routable_ip: no body field matched (fields: ['comment', 'geoOverride', 'ipAddress', 'latitude', 'longitude', 'routableIP'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_static_ip",
        "ZIA create static IP",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/staticIP")]),
    )
    .params(&[
        Param::string("ip_address", "TODO")
            .required()
            .body("ipAddress"),
        Param::string("comment", "TODO").body("comment"),
        Param::boolean("geo_override", "TODO").body("geoOverride"),
        Param::boolean("routable_ip", "TODO"),
        Param::number("latitude", "TODO").body("latitude"),
        Param::number("longitude", "TODO").body("longitude"),
    ]),
    // CHECK: param credential_type: no body field matched (fields: ['comments', 'fqdn', 'preSharedKey', 'type'])
    // CHECK: param ip_address: no body field matched (fields: ['comments', 'fqdn', 'preSharedKey', 'type'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Create,
        "zia_create_vpn_credential",
        "ZIA create VPN credential",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/vpnCredentials")]),
    )
    .params(&[
        Param::string("credential_type", "TODO")
            .required()
            .one_of(&["IP", "UFQDN"]),
        Param::string("pre_shared_key", "TODO")
            .required()
            .body("preSharedKey"),
        Param::string("ip_address", "TODO"),
        Param::string("fqdn", "TODO").body("fqdn"),
        Param::string("comments", "TODO").body("comments"),
    ]),
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_gre_tunnel",
        "ZIA delete GRE tunnel",
        "TODO",
        Handler::Routes(&[
            Route::delete("/zia/api/v1/greTunnels/{tunnel_id}"),
            Route::delete("/zia/api/v1/staticIP/{static_ip_id}"),
        ]),
    )
    .params(&[
        Param::string("tunnel_id", "TODO").required(),
        Param::string("static_ip_id", "TODO").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_location",
        "ZIA delete location",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/locations/{location_id}")]),
    )
    .params(&[Param::string("location_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_static_ip",
        "ZIA delete static IP",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/staticIP/{static_ip_id}")]),
    )
    .params(&[Param::string("static_ip_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Delete,
        "zia_delete_vpn_credential",
        "ZIA delete VPN credential",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/vpnCredentials/{credential_id}")]),
    )
    .params(&[Param::string("credential_id", "TODO").required()]),
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_geo_search",
        "ZIA geo search",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/region/byIPAddress/{ip}").when(When::Has("ip")),
            Route::get("/zia/api/v1/region/byGeoCoordinates")
                .query(&[("latitude", "{latitude}"), ("longitude", "{longitude}")]),
            Route::get("/zia/api/v1/region/search")
                .query(&[("prefix", "{prefix}")])
                .list(),
        ]),
    )
    .params(&[
        Param::string("action", "TODO").required().one_of(&[
            "geo_by_coordinates",
            "geo_by_ip",
            "city_prefix_search",
        ]),
        Param::number("latitude", "TODO"),
        Param::number("longitude", "TODO"),
        Param::string("ip", "TODO"),
        Param::string("prefix", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_gre_tunnel",
        "ZIA get GRE tunnel",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/greTunnels/{tunnel_id}")]),
    )
    .params(&[Param::string("tunnel_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_location",
        "ZIA get location",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/locations/{location_id}")]),
    )
    .params(&[Param::string("location_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_location_group",
        "ZIA get location group",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/locations/groups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_static_ip",
        "ZIA get static IP",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/staticIP/{static_ip_id}")]),
    )
    .params(&[Param::string("static_ip_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_get_vpn_credential",
        "ZIA get VPN credential",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/vpnCredentials/{credential_id}")]),
    )
    .params(&[Param::string("credential_id", "TODO").required()]),
    // CHECK: paging ['limit'] on GET /zia/api/v1/greTunnels/availableInternalIpRanges
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_gre_ranges",
        "ZIA list GRE ranges",
        "TODO",
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
        Param::string("internal_ip_range", "TODO"),
        Param::string("static_ip", "TODO"),
        Param::integer("limit", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_gre_tunnels",
        "ZIA list GRE tunnels",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/greTunnels").list()]),
    )
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_location_groups",
        "ZIA list location groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/locations/groups")
            .query(&[("search", "{search}"), ("name", "{name}")])
            .list()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("name", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_locations",
        "ZIA list locations",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/locations")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_static_ips",
        "ZIA list static IPS",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/staticIP")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Read,
        "zia_list_vpn_credentials",
        "ZIA list VPN credentials",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/vpnCredentials")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Update,
        "zia_update_location",
        "ZIA update location",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/locations/{location_id}")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("country", "TODO").body("country"),
        Param::string("tz", "TODO").body("tz"),
        Param::strings("ip_addresses", "TODO").body("ipAddresses"),
        Param::string("description", "TODO").body("description"),
        Param::object("advanced", "TODO").to(Body::Merge),
        Param::string("location_id", "TODO").required(),
    ]),
    // CHECK: param routable_ip: no body field matched (fields: ['comment', 'geoOverride', 'ipAddress', 'latitude', 'longitude', 'routableIP'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Update,
        "zia_update_static_ip",
        "ZIA update static IP",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/staticIP/{static_ip_id}").merge_current()]),
    )
    .params(&[
        Param::string("static_ip_id", "TODO").required(),
        Param::string("comment", "TODO").body("comment"),
        Param::boolean("geo_override", "TODO").body("geoOverride"),
        Param::boolean("routable_ip", "TODO"),
        Param::number("latitude", "TODO").body("latitude"),
        Param::number("longitude", "TODO").body("longitude"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_locations",
        Action::Update,
        "zia_update_vpn_credential",
        "ZIA update VPN credential",
        "TODO",
        Handler::Routes(
            &[Route::put("/zia/api/v1/vpnCredentials/{credential_id}").merge_current()],
        ),
    )
    .params(&[
        Param::string("credential_id", "TODO").required(),
        Param::string("pre_shared_key", "TODO").body("preSharedKey"),
        Param::string("comments", "TODO").body("comments"),
    ]),
];
