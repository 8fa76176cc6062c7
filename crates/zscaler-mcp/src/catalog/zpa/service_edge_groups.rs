//! ZPA private service edges (list, read, update, delete) and the groups they enrol into.

use super::common;
use crate::catalog::toolsets::ZPA_SERVICE_EDGE_GROUPS;
use crate::catalog::{Lookup, Param, Route, Target, ToolDeclaration};

const GROUPS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup";
const GROUP: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup/{group_id}";
const EDGE: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/{service_edge_id}";

/// The reference attaches the tenant's "Service Edge" enrollment certificate on every group write.
const SERVICE_EDGE_CERT: &[Lookup] = &[Lookup::row(
    "\"Service Edge\" enrollment certificate",
    common::ENROLLMENT_CERTS,
    &[("search", "name+EQ+Service Edge")],
    None,
    Target::Body("enrollmentCertId"),
)];

const GROUP_ID: Param =
    Param::string("group_id", "Group id (zpa_list_service_edge_groups).").required();
const EDGE_ID: Param = Param::string(
    "service_edge_id",
    "Service edge id (zpa_list_service_edges).",
)
.required();
const LATITUDE: Param = Param::string("latitude", "Decimal latitude, as text.").body("latitude");
const LONGITUDE: Param =
    Param::string("longitude", "Decimal longitude, as text.").body("longitude");

/// The group settings a create sets and an update changes, after name, place, description
/// and enabled.
const GROUP_SETTINGS: [Param; 14] = [
    common::CITY_COUNTRY,
    common::COUNTRY_CODE,
    Param::boolean("is_public", "Allow public access.").body("isPublic"),
    Param::boolean(
        "override_version_profile",
        "Apply the given version profile.",
    )
    .body("overrideVersionProfile"),
    Param::string("version_profile_name", "Profile name, e.g. Default.").body("versionProfileName"),
    Param::string(
        "version_profile_id",
        "0 Default, 1 Previous Default, 2 New Release.",
    )
    .body("versionProfileId"),
    Param::strings("service_edge_ids", "Member service edge ids.").ids("serviceEdges"),
    Param::strings(
        "trusted_network_ids",
        "Trusted network ids (get_zpa_trusted_network).",
    )
    .ids("trustedNetworks"),
    Param::boolean(
        "grace_distance_enabled",
        "Allow clients within grace distance.",
    )
    .body("graceDistanceEnabled"),
    Param::integer(
        "grace_distance_value",
        "Distance in grace_distance_value_unit.",
    )
    .body("graceDistanceValue"),
    Param::string("grace_distance_value_unit", "Unit of grace_distance_value.")
        .one_of(&["MILES", "KMS"])
        .body("graceDistanceValueUnit"),
    common::UPGRADE_DAY,
    Param::string(
        "upgrade_time_in_secs",
        "Seconds after midnight, e.g. \"66600\".",
    )
    .body("upgradeTimeInSecs"),
    common::MICROTENANT_ID_BODY,
];
const CREATE_GROUP_PARAMS: [Param; 20] = common::concat(&[
    &[
        common::NAME_REQUIRED,
        LATITUDE.required(),
        LONGITUDE.required(),
        common::LOCATION.required(),
        common::DESCRIPTION,
        common::GROUP_ENABLED_DEFAULT,
    ],
    &GROUP_SETTINGS,
]);
const UPDATE_GROUP_PARAMS: [Param; 21] = common::concat(&[
    &[
        GROUP_ID,
        common::NAME,
        common::DESCRIPTION,
        common::GROUP_ENABLED,
        LATITUDE,
        LONGITUDE,
        common::LOCATION,
    ],
    &GROUP_SETTINGS,
]);

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_SERVICE_EDGE_GROUPS
        .delete(
            "zpa_bulk_delete_service_edges",
            "Bulk delete service edges",
            "Delete several edges in one request; every id must exist.",
        )
        .routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/bulkDelete",
        )
        .query(common::MICROTENANT)])
        .params(&[
            Param::strings(
                "service_edge_ids",
                "Service edge ids (zpa_list_service_edges).",
            )
            .required()
            .body("ids"),
            common::MICROTENANT_ID,
        ]),
    // NOTE(model): the reference normalizes country_code (country names, any case) to ISO alpha-2
    // and refuses what it cannot map; parameters have no transform or pattern, so it is sent as
    // given.
    ZPA_SERVICE_EDGE_GROUPS
        .create(
            "zpa_create_service_edge_group",
            "Create service edge group",
            "Attaches the tenant's \"Service Edge\" enrollment certificate.",
        )
        .routes(&[Route::post(GROUPS)
            .query(common::MICROTENANT)
            .lookups(SERVICE_EDGE_CERT)])
        .params(&CREATE_GROUP_PARAMS),
    ZPA_SERVICE_EDGE_GROUPS
        .delete(
            "zpa_delete_service_edge",
            "Delete service edge",
            "Delete one edge by id.",
        )
        .routes(&[Route::delete(EDGE).query(common::MICROTENANT)])
        .params(&[EDGE_ID, common::MICROTENANT_ID]),
    ZPA_SERVICE_EDGE_GROUPS
        .delete(
            "zpa_delete_service_edge_group",
            "Delete service edge group",
            "Remove its service edges first.",
        )
        .routes(&[Route::delete(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_SERVICE_EDGE_GROUPS
        .get(
            "zpa_get_service_edge",
            "Get service edge",
            "One edge: group, version, IPs, connection status.",
        )
        .routes(&[Route::get(EDGE).query(common::MICROTENANT)])
        .params(&[EDGE_ID, common::MICROTENANT_ID]),
    ZPA_SERVICE_EDGE_GROUPS
        .get(
            "zpa_get_service_edge_group",
            "Get service edge group",
            "One group with service edges and trusted networks.",
        )
        .routes(&[Route::get(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_SERVICE_EDGE_GROUPS
        .list(
            "zpa_list_service_edge_groups",
            "List service edge groups",
            "Groups with their service edges; all pages unless page given.",
        )
        .routes(&[common::list(GROUPS)])
        .params(common::LIST_PARAMS),
    ZPA_SERVICE_EDGE_GROUPS
        .list(
            "zpa_list_service_edges",
            "List service edges",
            "Edges with group, version, status; all pages unless page given.",
        )
        .routes(&[common::paged_list(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge",
        )])
        .params(common::LIST_PARAMS),
    ZPA_SERVICE_EDGE_GROUPS
        .update(
            "zpa_update_service_edge",
            "Update service edge",
            "Change name, description or enabled; omitted fields are kept.",
        )
        .routes(&[Route::put(EDGE).query(common::MICROTENANT).merge_current()])
        .params(&[
            EDGE_ID,
            common::NAME,
            common::DESCRIPTION,
            Param::boolean("enabled", "Enable the service edge.").body("enabled"),
            common::MICROTENANT_ID_BODY,
        ]),
    // NOTE(model): country_code is sent as given (see zpa_create_service_edge_group).
    ZPA_SERVICE_EDGE_GROUPS
        .update(
            "zpa_update_service_edge_group",
            "Update service edge group",
            "Re-attaches the \"Service Edge\" certificate; omitted fields are kept.",
        )
        .routes(&[Route::put(GROUP)
            .query(common::MICROTENANT)
            .lookups(SERVICE_EDGE_CERT)
            .merge_current()])
        .params(&UPDATE_GROUP_PARAMS),
];
