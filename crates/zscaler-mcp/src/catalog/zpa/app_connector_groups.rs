//! ZPA app connector groups: where connectors sit, their upgrade window and enrollment certificate.

use super::common;
use crate::catalog::toolsets::ZPA_APP_CONNECTOR_GROUPS;
use crate::catalog::{Lookup, Param, Route, Target, ToolDeclaration, When};

const GROUPS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup";
const GROUP: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}";

/// The certificate named by `enrollment_cert_name`, when no id is given.
const CERT_BY_NAME: Lookup = Lookup::row(
    "enrollment certificate",
    common::ENROLLMENT_CERTS,
    &[("search", "name+EQ+{enrollment_cert_name}")],
    Some("enrollment_cert_name"),
    Target::Body("enrollmentCertId"),
)
.when(When::Both(
    &When::Has("enrollment_cert_name"),
    &When::Lacks("enrollment_cert_id"),
));

/// On create without either argument, the reference uses the tenant's "Connector" certificate.
const DEFAULT_CERT: Lookup = Lookup::row(
    "enrollment certificate named 'Connector'",
    common::ENROLLMENT_CERTS,
    &[("search", "name+EQ+Connector")],
    None,
    Target::Body("enrollmentCertId"),
)
.when(When::Both(
    &When::Lacks("enrollment_cert_name"),
    &When::Lacks("enrollment_cert_id"),
));

const GROUP_ID: Param =
    Param::string("group_id", "Group id (zpa_list_app_connector_groups).").required();

/// The settings a create sets and an update changes, after name, description and enabled.
const SETTINGS: [Param; 16] = [
    Param::string("latitude", "Decimal latitude.").body("latitude"),
    Param::string("longitude", "Decimal longitude.").body("longitude"),
    common::LOCATION,
    common::CITY_COUNTRY,
    common::COUNTRY_CODE,
    Param::string("dns_query_type", "Address families resolved.")
        .one_of(&["IPV4_IPV6", "IPV4", "IPV6"])
        .body("dnsQueryType"),
    Param::boolean("override_version_profile", "Apply version_profile.")
        .body("overrideVersionProfile"),
    Param::strings("server_group_ids", common::SERVER_GROUP_IDS).body("serverGroupIds"),
    Param::strings("connector_ids", "Connector ids (zpa_list_app_connectors).")
        .body("connectorIds"),
    Param::boolean("lss_app_connector_group", "Dedicated to LSS log streaming.")
        .body("lssAppConnectorGroup"),
    common::UPGRADE_DAY,
    Param::string(
        "upgrade_time_in_secs",
        "Upgrade start, seconds after midnight.",
    )
    .body("upgradeTimeInSecs"),
    Param::string("version_profile", "Version profile id or name.").body("versionProfile"),
    common::ENROLLMENT_CERT_ID,
    Param::string("enrollment_cert_name", "Certificate name, if no id."),
    common::MICROTENANT_ID_BODY,
];
const CREATE_PARAMS: [Param; 19] = common::concat(&[
    &[
        common::NAME_REQUIRED,
        common::DESCRIPTION,
        common::GROUP_ENABLED_DEFAULT,
    ],
    &SETTINGS,
]);
const UPDATE_PARAMS: [Param; 20] = common::concat(&[
    &[
        GROUP_ID,
        common::NAME,
        common::DESCRIPTION,
        common::GROUP_ENABLED,
    ],
    &SETTINGS,
]);

pub static TOOLS: &[ToolDeclaration] = &[
    // NOTE(model): the reference also uppercases and checks country_code (ISO alpha-2) on create
    // and update before sending it; here the API judges the value.
    ZPA_APP_CONNECTOR_GROUPS
        .create(
            "zpa_create_app_connector_group",
            "Create app connector group",
            "Uses the tenant's Connector enrollment certificate unless one is given.",
        )
        .routes(&[Route::post(GROUPS)
            .query(common::MICROTENANT)
            .lookups(&[CERT_BY_NAME, DEFAULT_CERT])])
        .params(&CREATE_PARAMS),
    ZPA_APP_CONNECTOR_GROUPS
        .delete(
            "zpa_delete_app_connector_group",
            "Delete app connector group",
            "Fails while connectors or server groups use it.",
        )
        .routes(&[Route::delete(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_APP_CONNECTOR_GROUPS
        .get(
            "zpa_get_app_connector_group",
            "Get app connector group",
            "One group: connectors, server groups, location, upgrade settings.",
        )
        .routes(&[Route::get(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_APP_CONNECTOR_GROUPS
        .list(
            "zpa_list_app_connector_groups",
            "List app connector groups",
            "Groups with connectors and server groups; all pages unless page given.",
        )
        .routes(&[common::list(GROUPS)])
        .params(common::LIST_PARAMS),
    ZPA_APP_CONNECTOR_GROUPS
        .update(
            "zpa_update_app_connector_group",
            "Update app connector group",
            "Change settings; omitted fields are kept.",
        )
        .routes(&[Route::put(GROUP)
            .query(common::MICROTENANT)
            .lookups(&[CERT_BY_NAME])
            .merge_current()])
        .params(&UPDATE_PARAMS),
];
