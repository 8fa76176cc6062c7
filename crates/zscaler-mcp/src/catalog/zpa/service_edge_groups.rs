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

const MICROTENANT: &str = "Microtenant scope.";
const GROUP_ID: &str = "Group id (zpa_list_service_edge_groups).";
const EDGE_ID: &str = "Service edge id (zpa_list_service_edges).";
const SEARCH: &str = "Exact name or name+CONTAINS+x.";
const PAGE: &str = "Page; omit for all.";
const PAGE_SIZE: &str = "Page size.";
const LATITUDE: &str = "Decimal latitude, as text.";
const LONGITUDE: &str = "Decimal longitude, as text.";
const LOCATION: &str = "E.g. San Jose, CA, USA.";
const CITY_COUNTRY: &str = "E.g. San Jose, US.";
const COUNTRY: &str = "ISO alpha-2, e.g. US.";
const IS_PUBLIC: &str = "Allow public access.";
const OVERRIDE: &str = "Apply the given version profile.";
const PROFILE_NAME: &str = "Profile name, e.g. Default.";
const PROFILE_ID: &str = "0 Default, 1 Previous Default, 2 New Release.";
const EDGES: &str = "Member service edge ids.";
const TRUSTED: &str = "Trusted network ids (get_zpa_trusted_network).";
const GRACE: &str = "Allow clients within grace distance.";
const GRACE_VALUE: &str = "Distance in grace_distance_value_unit.";
const GRACE_UNIT: &str = "MILES or KMS.";
const UPGRADE_DAY: &str = "Upgrade weekday, e.g. SUNDAY.";
const UPGRADE_TIME: &str = "Seconds after midnight, e.g. \"66600\".";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_bulk_delete_service_edges",
        "Bulk delete service edges",
        "Delete several edges in one request; every id must exist.",
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
        "Attaches the tenant's \"Service Edge\" enrollment certificate.",
        Handler::Routes(&[Route::post(GROUPS)
            .query(&[("microtenantId", "{microtenant_id}")])
            .lookups(SERVICE_EDGE_CERT)]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("latitude", LATITUDE)
            .required()
            .body("latitude"),
        Param::string("longitude", LONGITUDE)
            .required()
            .body("longitude"),
        Param::string("location", LOCATION)
            .required()
            .body("location"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.")
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
        "Delete one edge by id.",
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
        "Remove its service edges first.",
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
        "One edge: group, version, IPs, connection status.",
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
        "One group with service edges and trusted networks.",
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
        "Groups with their service edges; all pages unless page given.",
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
        "Edges with group, version, status; all pages unless page given.",
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
        "Change name, description or enabled; omitted fields are kept.",
        Handler::Routes(&[Route::put(EDGE)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("service_edge_id", EDGE_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the service edge.").body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    // NOTE(model): country_code is sent as given (see zpa_create_service_edge_group).
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Update,
        "zpa_update_service_edge_group",
        "Update service edge group",
        "Re-attaches the \"Service Edge\" certificate; omitted fields are kept.",
        Handler::Routes(&[Route::put(GROUP)
            .query(&[("microtenantId", "{microtenant_id}")])
            .lookups(SERVICE_EDGE_CERT)
            .merge_current()]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.").body("enabled"),
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
