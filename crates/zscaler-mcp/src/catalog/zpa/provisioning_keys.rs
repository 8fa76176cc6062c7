//! ZPA provisioning keys of app connector and service edge groups, and enrollment certificates.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration, When};

const KEY_TYPES: &[&str] = &["connector", "service_edge"];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Read,
        "get_zpa_enrollment_certificate",
        "List enrollment certificates",
        "Exact name or certificate_id returns one (name wins); all pages unless page given.",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert")
                .when(When::Has("name"))
                .query(&[("search", "name+EQ+{name}")])
                .zpa_pages(),
            Route::get(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/enrollmentCert/{certificate_id}",
            )
            .when(When::Has("certificate_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert")
                .query(&[
                    ("search", "name+EQ+{search}"),
                    ("page", "{page}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string(
            "certificate_id",
            "Certificate id.",
        ),
        Param::string("name", "Exact name, e.g. Connector."),
        Param::string(
            "search",
            "Exact name or name+CONTAINS+x.",
        ),
        Param::integer("page", "Page; omit for all.").min(1),
        Param::integer("page_size", "Page size.").range(1, 500),
    ])
    .list(),
    // NOTE(model): the reference sends the component id twice, as zcomponentId (the field the
    // API reads) and componentId; a parameter has one body field, so only zcomponentId is sent.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Create,
        "zpa_create_provisioning_key",
        "Create provisioning key",
        "Key enrolling app connectors or service edges into a group.",
        Handler::Routes(&[
            Route::post(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey",
            )
            .when(When::Is("key_type", "connector"))
            .query(&[("microtenantId", "{microtenant_id}")]),
            Route::post(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey",
            )
            .when(When::Is("key_type", "service_edge"))
            .query(&[("microtenantId", "{microtenant_id}")]),
        ]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("key_type", "Key kind.")
            .required()
            .one_of(KEY_TYPES),
        Param::integer("max_usage", "Max enrollments.")
            .required()
            .min(1)
            .body("maxUsage"),
        Param::string(
            "component_id",
            "Connector or service edge group id.",
        )
        .required()
        .body("zcomponentId"),
        Param::string(
            "enrollment_cert_id",
            "Certificate id (get_zpa_enrollment_certificate).",
        )
        .body("enrollmentCertId"),
        Param::string("description", "Description.").body("description"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
    // The reference's GET of the key before the DELETE is its confirmation lookup, which
    // belongs to the confirmation gate.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Delete,
        "zpa_delete_provisioning_key",
        "Delete provisioning key",
        "The key can no longer enroll components.",
        Handler::Routes(&[
            Route::delete(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}",
            )
            .when(When::Is("key_type", "connector"))
            .query(&[("microtenantId", "{microtenant_id}")]),
            Route::delete(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}",
            )
            .when(When::Is("key_type", "service_edge"))
            .query(&[("microtenantId", "{microtenant_id}")]),
        ]),
    )
    .params(&[
        Param::string("key_id", "Key id (zpa_list_provisioning_keys).").required(),
        Param::string("key_type", "Key kind.")
            .required()
            .one_of(KEY_TYPES),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Read,
        "zpa_get_provisioning_key",
        "Get provisioning key",
        "One key: key text, usage, group, enrollment certificate.",
        Handler::Routes(&[
            Route::get(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}",
            )
            .when(When::Is("key_type", "connector")),
            Route::get(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}",
            )
            .when(When::Is("key_type", "service_edge")),
        ]),
    )
    .params(&[
        Param::string("key_id", "Key id (zpa_list_provisioning_keys).").required(),
        Param::string("key_type", "Key kind.")
            .required()
            .one_of(KEY_TYPES),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Read,
        "zpa_list_provisioning_keys",
        "List provisioning keys",
        "Connector or service edge keys; all pages unless page given.",
        Handler::Routes(&[
            Route::get(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey",
            )
            .when(When::Is("key_type", "connector"))
            .query(&[
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("microtenantId", "{microtenant_id}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages(),
            Route::get(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey",
            )
            .when(When::Is("key_type", "service_edge"))
            .query(&[
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("microtenantId", "{microtenant_id}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("key_type", "Key kind.")
            .required()
            .one_of(KEY_TYPES),
        Param::string(
            "search",
            "Exact name or name+CONTAINS+x.",
        ),
        Param::integer("page", "Page; omit for all.").min(1),
        Param::integer("page_size", "Page size.").range(1, 500),
        Param::string("microtenant_id", "Microtenant scope."),
    ])
    .list(),
    // The API replaces the whole key, so the key is read first and the changes laid over it.
    // component_id goes out as `zcomponentId`, the field the key is read back with: as
    // `componentId` it would lose to the `zcomponentId` of the current record.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_provisioning_keys",
        Action::Update,
        "zpa_update_provisioning_key",
        "Update provisioning key",
        "Change settings; omitted fields are kept.",
        Handler::Routes(&[
            Route::put(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}",
            )
            .when(When::Is("key_type", "connector"))
            .merge_current(),
            Route::put(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}",
            )
            .when(When::Is("key_type", "service_edge"))
            .merge_current(),
        ]),
    )
    .params(&[
        Param::string("key_id", "Key id (zpa_list_provisioning_keys).").required(),
        Param::string("key_type", "Key kind.")
            .required()
            .one_of(KEY_TYPES),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::integer("max_usage", "Max enrollments.")
            .min(1)
            .body("maxUsage"),
        Param::string(
            "component_id",
            "Connector or service edge group id.",
        )
        .body("zcomponentId"),
        Param::string(
            "enrollment_cert_id",
            "Certificate id (get_zpa_enrollment_certificate).",
        )
        .body("enrollmentCertId"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
];
