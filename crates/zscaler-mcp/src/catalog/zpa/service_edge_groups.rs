//! ZPA private service edges (list, read, update, delete) and the groups they enrol into.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Lookup, Param, Route, Target, ToolDeclaration};

const GROUPS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup";
const GROUP: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup/{group_id}";
const EDGE: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/{service_edge_id}";

/// The reference attaches the tenant's "Service Edge" enrollment certificate on every group write.
const SERVICE_EDGE_CERT: &[Lookup] = &[Lookup::row(
    "\"Service Edge\" enrollment certificate",
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert",
    &[("search", "name+EQ+Service Edge")],
    None,
    Target::Body("enrollmentCertId"),
)];

const MICROTENANT: &str = "Microtenant scope; omit for the default.";
const GROUP_ID: &str = "Service edge group id (zpa_list_service_edge_groups).";
const EDGE_ID: &str = "Service edge id (zpa_list_service_edges).";
const SEARCH: &str = "Exact name, or a ZPA search expression.";
const PAGE: &str = "Fetch only this page; omit to gather all.";
const PAGE_SIZE: &str = "Rows per request.";
const LATITUDE: &str = "Latitude in decimal degrees, as text.";
const LONGITUDE: &str = "Longitude in decimal degrees, as text.";
const LOCATION: &str = "Location label, e.g. \"San Jose, CA, USA\".";
const CITY_COUNTRY: &str = "City and country, e.g. \"San Jose, US\".";
const COUNTRY: &str = "ISO 3166 alpha-2 country code, e.g. US.";
const IS_PUBLIC: &str = "Whether the group allows public access.";
const OVERRIDE: &str = "Use the version profile given here.";
const PROFILE_NAME: &str = "Version profile name, e.g. Default.";
const PROFILE_ID: &str = "Version profile id: 0 Default, 1 Previous Default, 2 New Release.";
const EDGES: &str = "Service edge ids to place in the group.";
const TRUSTED: &str = "Trusted network ids (get_zpa_trusted_network).";
const GRACE: &str = "Let clients within the grace distance use the group.";
const GRACE_VALUE: &str = "Grace distance, in grace_distance_value_unit.";
const GRACE_UNIT: &str = "MILES or KMS.";
const UPGRADE_DAY: &str = "Weekday for software upgrades, e.g. SUNDAY.";
const UPGRADE_TIME: &str = "Upgrade start in seconds after midnight, e.g. \"66600\".";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_bulk_delete_service_edges",
        "Bulk delete service edges",
        "Delete several private service edges in one request; every id must exist.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/bulkDelete",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::strings(
            "service_edge_ids",
            "Service edge ids (zpa_list_service_edges).",
        )
        .required()
        .body("ids"),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    // NOTE(model): the reference normalizes country_code (country names, any case) to ISO alpha-2
    // and refuses what it cannot map; parameters have no transform or pattern, so it is sent as
    // given.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Create,
        "zpa_create_service_edge_group",
        "Create service edge group",
        "Create a private service edge group; the tenant's \"Service Edge\" enrollment certificate \
         is looked up and attached.",
        Handler::Routes(&[Route::post(GROUPS)
            .query(&[("microtenantId", "{microtenant_id}")])
            .lookups(SERVICE_EDGE_CERT)]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::string("latitude", LATITUDE)
            .required()
            .body("latitude"),
        Param::string("longitude", LONGITUDE)
            .required()
            .body("longitude"),
        Param::string("location", LOCATION)
            .required()
            .body("location"),
        Param::string("description", "Group description.").body("description"),
        Param::boolean("enabled", "Whether the group is active.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("city_country", CITY_COUNTRY).body("cityCountry"),
        Param::string("country_code", COUNTRY).body("countryCode"),
        Param::boolean("is_public", IS_PUBLIC).body("isPublic"),
        Param::boolean("override_version_profile", OVERRIDE).body("overrideVersionProfile"),
        Param::string("version_profile_name", PROFILE_NAME).body("versionProfileName"),
        Param::string("version_profile_id", PROFILE_ID).body("versionProfileId"),
        Param::strings("service_edge_ids", EDGES).ids("serviceEdges"),
        Param::strings("trusted_network_ids", TRUSTED).ids("trustedNetworks"),
        Param::boolean("grace_distance_enabled", GRACE).body("graceDistanceEnabled"),
        Param::integer("grace_distance_value", GRACE_VALUE).body("graceDistanceValue"),
        Param::string("grace_distance_value_unit", GRACE_UNIT).body("graceDistanceValueUnit"),
        Param::string("upgrade_day", UPGRADE_DAY).body("upgradeDay"),
        Param::string("upgrade_time_in_secs", UPGRADE_TIME).body("upgradeTimeInSecs"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_delete_service_edge",
        "Delete service edge",
        "Delete one private service edge from the tenant by id.",
        Handler::Routes(&[Route::delete(EDGE).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("service_edge_id", EDGE_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_delete_service_edge_group",
        "Delete service edge group",
        "Delete a private service edge group by id; remove its service edges first.",
        Handler::Routes(&[Route::delete(GROUP).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_get_service_edge",
        "Get service edge",
        "Get one private service edge by id, with its group, version, IPs and connection status.",
        Handler::Routes(&[Route::get(EDGE).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("service_edge_id", EDGE_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_get_service_edge_group",
        "Get service edge group",
        "Get one private service edge group by id, with its service edges and trusted networks.",
        Handler::Routes(&[Route::get(GROUP).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_list_service_edge_groups",
        "List service edge groups",
        "List private service edge groups with their service edges; all pages are gathered unless \
         page is given.",
        Handler::Routes(&[Route::get(GROUPS)
            .query(&[
                ("microtenantId", "{microtenant_id}"),
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::string("microtenant_id", MICROTENANT),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_list_service_edges",
        "List service edges",
        "List private service edges with their group, version and status; all pages are gathered \
         unless page is given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge",
        )
        .query(&[
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("microtenantId", "{microtenant_id}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::string("microtenant_id", MICROTENANT),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Update,
        "zpa_update_service_edge",
        "Update service edge",
        "Change a private service edge's name, description or enabled state; fields not given keep \
         their current values.",
        Handler::Routes(&[Route::put(EDGE)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("service_edge_id", EDGE_ID).required(),
        Param::string("name", "Service edge name.").body("name"),
        Param::string("description", "Service edge description.").body("description"),
        Param::boolean("enabled", "Whether the service edge is active.").body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    // NOTE(model): country_code is sent as given (see zpa_create_service_edge_group).
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Update,
        "zpa_update_service_edge_group",
        "Update service edge group",
        "Change a private service edge group, re-attaching the \"Service Edge\" enrollment \
         certificate; fields not given keep their current values.",
        Handler::Routes(&[Route::put(GROUP)
            .query(&[("microtenantId", "{microtenant_id}")])
            .lookups(SERVICE_EDGE_CERT)
            .merge_current()]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("name", "Group name.").body("name"),
        Param::string("description", "Group description.").body("description"),
        Param::boolean("enabled", "Whether the group is active.").body("enabled"),
        Param::string("latitude", LATITUDE).body("latitude"),
        Param::string("longitude", LONGITUDE).body("longitude"),
        Param::string("location", LOCATION).body("location"),
        Param::string("city_country", CITY_COUNTRY).body("cityCountry"),
        Param::string("country_code", COUNTRY).body("countryCode"),
        Param::boolean("is_public", IS_PUBLIC).body("isPublic"),
        Param::boolean("override_version_profile", OVERRIDE).body("overrideVersionProfile"),
        Param::string("version_profile_name", PROFILE_NAME).body("versionProfileName"),
        Param::string("version_profile_id", PROFILE_ID).body("versionProfileId"),
        Param::strings("service_edge_ids", EDGES).ids("serviceEdges"),
        Param::strings("trusted_network_ids", TRUSTED).ids("trustedNetworks"),
        Param::boolean("grace_distance_enabled", GRACE).body("graceDistanceEnabled"),
        Param::integer("grace_distance_value", GRACE_VALUE).body("graceDistanceValue"),
        Param::string("grace_distance_value_unit", GRACE_UNIT).body("graceDistanceValueUnit"),
        Param::string("upgrade_day", UPGRADE_DAY).body("upgradeDay"),
        Param::string("upgrade_time_in_secs", UPGRADE_TIME).body("upgradeTimeInSecs"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
];
