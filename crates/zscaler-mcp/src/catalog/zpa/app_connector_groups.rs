//! TODO module doc: the `zpa_app_connector_groups` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: pre-lookup GET /zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert -> POST /zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup (body lookup?)
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Create,
        "zpa_create_app_connector_group",
        "ZPA create app connector group",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("latitude", "TODO").body("latitude"),
        Param::string("longitude", "TODO").body("longitude"),
        Param::string("location", "TODO").body("location"),
        Param::string("city_country", "TODO").body("cityCountry"),
        Param::string("country_code", "TODO").body("countryCode"),
        Param::string("dns_query_type", "TODO").body("dnsQueryType"),
        Param::boolean("override_version_profile", "TODO").body("overrideVersionProfile"),
        Param::strings("server_group_ids", "TODO").body("serverGroupIds"),
        Param::strings("connector_ids", "TODO").body("connectorIds"),
        Param::boolean("lss_app_connector_group", "TODO").body("lssAppConnectorGroup"),
        Param::string("upgrade_day", "TODO").body("upgradeDay"),
        Param::string("upgrade_time_in_secs", "TODO").body("upgradeTimeInSecs"),
        Param::string("version_profile", "TODO").body("versionProfile"),
        Param::string("enrollment_cert_id", "TODO").body("enrollmentCertId"),
        Param::string("enrollment_cert_name", "TODO"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Delete,
        "zpa_delete_app_connector_group",
        "ZPA delete app connector group",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Read,
        "zpa_get_app_connector_group",
        "ZPA get app connector group",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Read,
        "zpa_list_app_connector_groups",
        "ZPA list app connector groups",
        "TODO",
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
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    // CHECK: pre-lookup GET /zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert -> PUT /zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id} (body lookup?)
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_connector_groups",
        Action::Update,
        "zpa_update_app_connector_group",
        "ZPA update app connector group",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/appConnectorGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("latitude", "TODO").body("latitude"),
        Param::string("longitude", "TODO").body("longitude"),
        Param::string("location", "TODO").body("location"),
        Param::string("city_country", "TODO").body("cityCountry"),
        Param::string("country_code", "TODO").body("countryCode"),
        Param::string("dns_query_type", "TODO").body("dnsQueryType"),
        Param::boolean("override_version_profile", "TODO").body("overrideVersionProfile"),
        Param::strings("server_group_ids", "TODO").body("serverGroupIds"),
        Param::strings("connector_ids", "TODO").body("connectorIds"),
        Param::boolean("lss_app_connector_group", "TODO").body("lssAppConnectorGroup"),
        Param::string("upgrade_day", "TODO").body("upgradeDay"),
        Param::string("upgrade_time_in_secs", "TODO").body("upgradeTimeInSecs"),
        Param::string("version_profile", "TODO").body("versionProfile"),
        Param::string("enrollment_cert_id", "TODO").body("enrollmentCertId"),
        Param::string("enrollment_cert_name", "TODO"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
