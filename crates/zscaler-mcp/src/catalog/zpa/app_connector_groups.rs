//! ZPA app connector groups: where connectors sit, their upgrade window and enrollment certificate.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Lookup, Param, Route, Target, ToolDeclaration, When};

const CERTS: &str = "/zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert";

/// The certificate named by `enrollment_cert_name`, when no id is given.
const CERT_BY_NAME: Lookup = Lookup::row(
    "enrollment certificate",
    CERTS,
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
    CERTS,
    &[("search", "name+EQ+Connector")],
    None,
    Target::Body("enrollmentCertId"),
)
.when(When::Both(
    &When::Lacks("enrollment_cert_name"),
    &When::Lacks("enrollment_cert_id"),
));

pub static TOOLS: &[ToolDeclaration] = &[
    // NOTE(model): the reference also uppercases and checks country_code (ISO alpha-2) on create
    // and update before sending it; here the API judges the value.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Create,
        "zpa_create_app_connector_group",
        "Create app connector group",
        "Create an app connector group; without an enrollment certificate argument the tenant's Connector certificate is used.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .lookups(&[CERT_BY_NAME, DEFAULT_CERT])]),
    )
    .params(&[
        Param::string("name", "Group name.").required().body("name"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the group is enabled.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("latitude", "Latitude in decimal degrees.").body("latitude"),
        Param::string("longitude", "Longitude in decimal degrees.").body("longitude"),
        Param::string("location", "Location text, e.g. San Jose, CA, USA.").body("location"),
        Param::string("city_country", "City and country, e.g. San Jose, US.").body("cityCountry"),
        Param::string("country_code", "ISO alpha-2 country code, uppercase (US).").body("countryCode"),
        Param::string("dns_query_type", "IPV4_IPV6, IPV4 or IPV6.").body("dnsQueryType"),
        Param::boolean("override_version_profile", "Use version_profile instead of the default.")
            .body("overrideVersionProfile"),
        Param::strings("server_group_ids", "Server group ids (zpa_list_server_groups).")
            .body("serverGroupIds"),
        Param::strings("connector_ids", "App connector ids (zpa_list_app_connectors).")
            .body("connectorIds"),
        Param::boolean("lss_app_connector_group", "Group dedicated to LSS log streaming.")
            .body("lssAppConnectorGroup"),
        Param::string("upgrade_day", "Weekday for upgrades, e.g. SUNDAY.").body("upgradeDay"),
        Param::string("upgrade_time_in_secs", "Upgrade start, seconds after midnight.")
            .body("upgradeTimeInSecs"),
        Param::string("version_profile", "Version profile id or name.").body("versionProfile"),
        Param::string(
            "enrollment_cert_id",
            "Enrollment certificate id (get_zpa_enrollment_certificate).",
        )
        .body("enrollmentCertId"),
        Param::string("enrollment_cert_name", "Enrollment certificate name, looked up when no id."),
        Param::string("microtenant_id", "Microtenant id to scope the call.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Delete,
        "zpa_delete_app_connector_group",
        "Delete app connector group",
        "Delete an app connector group; the API refuses while connectors or server groups still use it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "Connector group id (zpa_list_app_connector_groups).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Read,
        "zpa_get_app_connector_group",
        "Get app connector group",
        "Return one app connector group with its connectors, server groups, location and upgrade settings.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "Connector group id (zpa_list_app_connector_groups).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Read,
        "zpa_list_app_connector_groups",
        "List app connector groups",
        "List app connector groups with their connectors and server groups; all pages are gathered unless page is given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup",
        )
        .query(&[
            ("microtenantId", "{microtenant_id}"),
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", "Exact name, or an expression like name+CONTAINS+SJC."),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Update,
        "zpa_update_app_connector_group",
        "Update app connector group",
        "Change an app connector group's settings; fields not given keep their current values.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .lookups(&[CERT_BY_NAME])
        .merge_current()]),
    )
    .params(&[
        Param::string("group_id", "Connector group id (zpa_list_app_connector_groups).").required(),
        Param::string("name", "Group name.").body("name"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the group is enabled.").body("enabled"),
        Param::string("latitude", "Latitude in decimal degrees.").body("latitude"),
        Param::string("longitude", "Longitude in decimal degrees.").body("longitude"),
        Param::string("location", "Location text, e.g. San Jose, CA, USA.").body("location"),
        Param::string("city_country", "City and country, e.g. San Jose, US.").body("cityCountry"),
        Param::string("country_code", "ISO alpha-2 country code, uppercase (US).").body("countryCode"),
        Param::string("dns_query_type", "IPV4_IPV6, IPV4 or IPV6.").body("dnsQueryType"),
        Param::boolean("override_version_profile", "Use version_profile instead of the default.")
            .body("overrideVersionProfile"),
        Param::strings("server_group_ids", "Server group ids (zpa_list_server_groups).")
            .body("serverGroupIds"),
        Param::strings("connector_ids", "App connector ids (zpa_list_app_connectors).")
            .body("connectorIds"),
        Param::boolean("lss_app_connector_group", "Group dedicated to LSS log streaming.")
            .body("lssAppConnectorGroup"),
        Param::string("upgrade_day", "Weekday for upgrades, e.g. SUNDAY.").body("upgradeDay"),
        Param::string("upgrade_time_in_secs", "Upgrade start, seconds after midnight.")
            .body("upgradeTimeInSecs"),
        Param::string("version_profile", "Version profile id or name.").body("versionProfile"),
        Param::string(
            "enrollment_cert_id",
            "Enrollment certificate id (get_zpa_enrollment_certificate).",
        )
        .body("enrollmentCertId"),
        Param::string("enrollment_cert_name", "Enrollment certificate name, looked up when no id."),
        Param::string("microtenant_id", "Microtenant id to scope the call.").body("microtenantId"),
    ]),
];
