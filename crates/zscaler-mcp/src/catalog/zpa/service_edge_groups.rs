//! TODO module doc: the `zpa_service_edge_groups` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: param service_edge_ids: no body field matched (fields: ['ids'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_bulk_delete_service_edges",
        "ZPA bulk delete service edges",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/bulkDelete",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::strings("service_edge_ids", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    // CHECK: pre-lookup GET /zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert -> POST /zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup (body lookup?)
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Create,
        "zpa_create_service_edge_group",
        "ZPA create service edge group",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("latitude", "TODO")
            .required()
            .body("latitude"),
        Param::string("longitude", "TODO")
            .required()
            .body("longitude"),
        Param::string("location", "TODO")
            .required()
            .body("location"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("city_country", "TODO").body("cityCountry"),
        Param::string("country_code", "TODO").body("countryCode"),
        Param::boolean("is_public", "TODO").body("isPublic"),
        Param::boolean("override_version_profile", "TODO").body("overrideVersionProfile"),
        Param::string("version_profile_name", "TODO").body("versionProfileName"),
        Param::string("version_profile_id", "TODO").body("versionProfileId"),
        Param::strings("service_edge_ids", "TODO").ids("serviceEdges"),
        Param::strings("trusted_network_ids", "TODO").ids("trustedNetworks"),
        Param::boolean("grace_distance_enabled", "TODO").body("graceDistanceEnabled"),
        Param::integer("grace_distance_value", "TODO").body("graceDistanceValue"),
        Param::string("grace_distance_value_unit", "TODO").body("graceDistanceValueUnit"),
        Param::string("upgrade_day", "TODO").body("upgradeDay"),
        Param::string("upgrade_time_in_secs", "TODO").body("upgradeTimeInSecs"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_delete_service_edge",
        "ZPA delete service edge",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/{service_edge_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("service_edge_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Delete,
        "zpa_delete_service_edge_group",
        "ZPA delete service edge group",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_get_service_edge",
        "ZPA get service edge",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/{service_edge_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("service_edge_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_get_service_edge_group",
        "ZPA get service edge group",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_list_service_edge_groups",
        "ZPA list service edge groups",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup",
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
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Read,
        "zpa_list_service_edges",
        "ZPA list service edges",
        "TODO",
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
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Update,
        "zpa_update_service_edge",
        "ZPA update service edge",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdge/{service_edge_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("service_edge_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    // CHECK: pre-lookup GET /zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert -> PUT /zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup/{group_id} (body lookup?)
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_service_edge_groups",
        Action::Update,
        "zpa_update_service_edge_group",
        "ZPA update service edge group",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serviceEdgeGroup/{group_id}",
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
        Param::boolean("is_public", "TODO").body("isPublic"),
        Param::boolean("override_version_profile", "TODO").body("overrideVersionProfile"),
        Param::string("version_profile_name", "TODO").body("versionProfileName"),
        Param::string("version_profile_id", "TODO").body("versionProfileId"),
        Param::strings("service_edge_ids", "TODO").ids("serviceEdges"),
        Param::strings("trusted_network_ids", "TODO").ids("trustedNetworks"),
        Param::boolean("grace_distance_enabled", "TODO").body("graceDistanceEnabled"),
        Param::integer("grace_distance_value", "TODO").body("graceDistanceValue"),
        Param::string("grace_distance_value_unit", "TODO").body("graceDistanceValueUnit"),
        Param::string("upgrade_day", "TODO").body("upgradeDay"),
        Param::string("upgrade_time_in_secs", "TODO").body("upgradeTimeInSecs"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
