//! TODO module doc: the `zpa_provisioning_keys` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Read,
        "get_zpa_enrollment_certificate",
        "enrollment certificate",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/enrollmentCert/{certificate_id}").when(When::Has("certificate_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert").query(&[("search", "name+EQ+{name}"), ("page", "{page}"), ("pagesize", "{page_size}")]).zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("certificate_id", "TODO"),
        Param::string("name", "TODO"),
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    // CHECK: param key_type: no body field matched (fields: ['componentId', 'description', 'enrollmentCertId', 'maxUsage', 'microtenantId', 'name', 'zcomponentId'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Create,
        "zpa_create_provisioning_key",
        "ZPA create provisioning key",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey").when(When::Is("key_type", "connector")).query(&[("microtenantId", "{microtenant_id}")]),
            Route::post("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey").when(When::Is("key_type", "service_edge")),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("key_type", "TODO").required().one_of(&["connector", "service_edge"]),
        Param::integer("max_usage", "TODO").required().min(1).body("maxUsage"),
        Param::string("component_id", "TODO").required().body("componentId"),
        Param::string("enrollment_cert_id", "TODO").body("enrollmentCertId"),
        Param::string("description", "TODO").body("description"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Delete,
        "zpa_delete_provisioning_key",
        "ZPA delete provisioning key",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "connector")),
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "connector")).query(&[("microtenantId", "{microtenant_id}")]),
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "service_edge")),
            Route::delete("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "service_edge")),
        ]),
    )
    .params(&[
        Param::string("key_id", "TODO").required(),
        Param::string("key_type", "TODO").required().one_of(&["connector", "service_edge"]),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Read,
        "zpa_get_provisioning_key",
        "ZPA get provisioning key",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "connector")),
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "service_edge")),
        ]),
    )
    .params(&[
        Param::string("key_id", "TODO").required(),
        Param::string("key_type", "TODO").required().one_of(&["connector", "service_edge"]),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Read,
        "zpa_list_provisioning_keys",
        "ZPA list provisioning keys",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey").when(When::Is("key_type", "connector")).query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("microtenantId", "{microtenant_id}"), ("pagesize", "{page_size}")]).zpa_pages(),
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey").when(When::Is("key_type", "service_edge")).list(),
        ]),
    )
    .params(&[
        Param::string("key_type", "TODO").required().one_of(&["connector", "service_edge"]),
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    // CHECK: param key_type: no body field matched (fields: ['componentId', 'description', 'enrollmentCertId', 'maxUsage', 'microtenantId', 'name'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Update,
        "zpa_update_provisioning_key",
        "ZPA update provisioning key",
        "TODO",
        Handler::Routes(&[
            Route::put("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "connector")),
            Route::put("/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}").when(When::Is("key_type", "service_edge")),
        ]),
    )
    .params(&[
        Param::string("key_id", "TODO").required(),
        Param::string("key_type", "TODO").required().one_of(&["connector", "service_edge"]),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
        Param::integer("max_usage", "TODO").min(1).body("maxUsage"),
        Param::string("component_id", "TODO").body("componentId"),
        Param::string("enrollment_cert_id", "TODO").body("enrollmentCertId"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
