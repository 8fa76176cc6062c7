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
        "Uses the tenant's Connector enrollment certificate unless one is given.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .lookups(&[CERT_BY_NAME, DEFAULT_CERT])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("latitude", "Decimal latitude.").body("latitude"),
        Param::string("longitude", "Decimal longitude.").body("longitude"),
        Param::string("location", "E.g. San Jose, CA, USA.").body("location"),
        Param::string("city_country", "E.g. San Jose, US.").body("cityCountry"),
        Param::string("country_code", "ISO alpha-2, e.g. US.").body("countryCode"),
        Param::string("dns_query_type", "IPV4_IPV6, IPV4 or IPV6.").body("dnsQueryType"),
        Param::boolean("override_version_profile", "Apply version_profile.")
            .body("overrideVersionProfile"),
        Param::strings(
            "server_group_ids",
            "Server group ids (zpa_list_server_groups).",
        )
        .body("serverGroupIds"),
        Param::strings("connector_ids", "Connector ids (zpa_list_app_connectors).")
            .body("connectorIds"),
        Param::boolean("lss_app_connector_group", "Dedicated to LSS log streaming.")
            .body("lssAppConnectorGroup"),
        Param::string("upgrade_day", "Upgrade weekday, e.g. SUNDAY.").body("upgradeDay"),
        Param::string(
            "upgrade_time_in_secs",
            "Upgrade start, seconds after midnight.",
        )
        .body("upgradeTimeInSecs"),
        Param::string("version_profile", "Version profile id or name.").body("versionProfile"),
        Param::string(
            "enrollment_cert_id",
            "Certificate id (get_zpa_enrollment_certificate).",
        )
        .body("enrollmentCertId"),
        Param::string("enrollment_cert_name", "Certificate name, if no id."),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Delete,
        "zpa_delete_app_connector_group",
        "Delete app connector group",
        "Fails while connectors or server groups use it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "Group id (zpa_list_app_connector_groups).").required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Read,
        "zpa_get_app_connector_group",
        "Get app connector group",
        "One group: connectors, server groups, location, upgrade settings.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "Group id (zpa_list_app_connector_groups).").required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Read,
        "zpa_list_app_connector_groups",
        "List app connector groups",
        "Groups with connectors and server groups; all pages unless page given.",
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
        Param::string("search", "Exact name or name+CONTAINS+x."),
        Param::string("microtenant_id", "Microtenant scope."),
        Param::integer("page", "Page; omit for all.").min(1),
        Param::integer("page_size", "Page size.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Update,
        "zpa_update_app_connector_group",
        "Update app connector group",
        "Change settings; omitted fields are kept.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .lookups(&[CERT_BY_NAME])
        .merge_current()]),
    )
    .params(&[
        Param::string("group_id", "Group id (zpa_list_app_connector_groups).").required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.").body("enabled"),
        Param::string("latitude", "Decimal latitude.").body("latitude"),
        Param::string("longitude", "Decimal longitude.").body("longitude"),
        Param::string("location", "E.g. San Jose, CA, USA.").body("location"),
        Param::string("city_country", "E.g. San Jose, US.").body("cityCountry"),
        Param::string("country_code", "ISO alpha-2, e.g. US.").body("countryCode"),
        Param::string("dns_query_type", "IPV4_IPV6, IPV4 or IPV6.").body("dnsQueryType"),
        Param::boolean("override_version_profile", "Apply version_profile.")
            .body("overrideVersionProfile"),
        Param::strings(
            "server_group_ids",
            "Server group ids (zpa_list_server_groups).",
        )
        .body("serverGroupIds"),
        Param::strings("connector_ids", "Connector ids (zpa_list_app_connectors).")
            .body("connectorIds"),
        Param::boolean("lss_app_connector_group", "Dedicated to LSS log streaming.")
            .body("lssAppConnectorGroup"),
        Param::string("upgrade_day", "Upgrade weekday, e.g. SUNDAY.").body("upgradeDay"),
        Param::string(
            "upgrade_time_in_secs",
            "Upgrade start, seconds after midnight.",
        )
        .body("upgradeTimeInSecs"),
        Param::string("version_profile", "Version profile id or name.").body("versionProfile"),
        Param::string(
            "enrollment_cert_id",
            "Certificate id (get_zpa_enrollment_certificate).",
        )
        .body("enrollmentCertId"),
        Param::string("enrollment_cert_name", "Certificate name, if no id."),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
];
