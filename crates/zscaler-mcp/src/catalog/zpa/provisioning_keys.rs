//! ZPA provisioning keys of app connector and service edge groups, and enrollment certificates.

use super::common;
use crate::catalog::toolsets::ZPA_PROVISIONING_KEYS;
use crate::catalog::{Param, Route, Rule, ToolDeclaration, When};

const KEY_TYPES: &[&str] = &["connector", "service_edge"];
/// The key type a route serves.
const CONNECTOR: When = When::Is("key_type", "connector");
const SERVICE_EDGE: When = When::Is("key_type", "service_edge");

const CONNECTOR_KEYS: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey";
const CONNECTOR_KEY: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/CONNECTOR_GRP/provisioningKey/{key_id}";
const EDGE_KEYS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey";
const EDGE_KEY: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/SERVICE_EDGE_GRP/provisioningKey/{key_id}";

const KEY_ID: Param = Param::string("key_id", "Key id (zpa_list_provisioning_keys).").required();
const KEY_TYPE: Param = Param::string("key_type", "Key kind.")
    .required()
    .one_of(KEY_TYPES);

const MAX_USAGE: Param = Param::integer("max_usage", "Max enrollments.")
    .min(1)
    .body("maxUsage");
const COMPONENT_ID: Param =
    Param::string("component_id", "Connector or service edge group id.").body("zcomponentId");

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_PROVISIONING_KEYS
        .list(
            "get_zpa_enrollment_certificate",
            "List enrollment certificates",
            "Exact name or certificate_id returns one; all pages unless page given.",
        )
        .routes(&[
            Route::get(common::ENROLLMENT_CERTS)
                .when(When::Has("name"))
                .query(&[("search", "name+EQ+{name}")])
                .paged(),
            Route::get(
                "/zpa/mgmtconfig/v1/admin/customers/{customerId}/enrollmentCert/{certificate_id}",
            )
            .when(When::Has("certificate_id")),
            Route::get(common::ENROLLMENT_CERTS)
                .query(common::SEARCH_QUERY)
                .paged(),
        ])
        .params(&[
            Param::string("certificate_id", "Certificate id; not with name."),
            Param::string(
                "name",
                "Exact name, e.g. Connector; not with certificate_id.",
            ),
            common::SEARCH,
            common::PAGE,
            common::PAGE_SIZE,
        ])
        .requires(&[Rule::AtMostOne(&["certificate_id", "name"])]),
    // NOTE(model): the reference sends the component id twice, as zcomponentId (the field the
    // API reads) and componentId; a parameter has one body field, so only zcomponentId is sent.
    ZPA_PROVISIONING_KEYS
        .create(
            "zpa_create_provisioning_key",
            "Create provisioning key",
            "Key enrolling app connectors or service edges into a group.",
        )
        .routes(&[
            Route::post(CONNECTOR_KEYS)
                .when(CONNECTOR)
                .query(common::MICROTENANT),
            Route::post(EDGE_KEYS)
                .when(SERVICE_EDGE)
                .query(common::MICROTENANT),
        ])
        .params(&[
            common::NAME_REQUIRED,
            KEY_TYPE,
            MAX_USAGE.required(),
            COMPONENT_ID.required(),
            common::ENROLLMENT_CERT_ID,
            common::DESCRIPTION,
            common::MICROTENANT_ID_BODY,
        ]),
    // The reference's GET of the key before the DELETE is its confirmation lookup, which
    // belongs to the confirmation gate.
    ZPA_PROVISIONING_KEYS
        .delete(
            "zpa_delete_provisioning_key",
            "Delete provisioning key",
            "The key can no longer enroll components.",
        )
        .routes(&[
            Route::delete(CONNECTOR_KEY)
                .when(CONNECTOR)
                .query(common::MICROTENANT),
            Route::delete(EDGE_KEY)
                .when(SERVICE_EDGE)
                .query(common::MICROTENANT),
        ])
        .params(&[KEY_ID, KEY_TYPE, common::MICROTENANT_ID]),
    ZPA_PROVISIONING_KEYS
        .get(
            "zpa_get_provisioning_key",
            "Get provisioning key",
            "One key: key text, usage, group, enrollment certificate.",
        )
        .routes(&[
            Route::get(CONNECTOR_KEY).when(CONNECTOR),
            Route::get(EDGE_KEY).when(SERVICE_EDGE),
        ])
        .params(&[KEY_ID, KEY_TYPE]),
    ZPA_PROVISIONING_KEYS
        .list(
            "zpa_list_provisioning_keys",
            "List provisioning keys",
            "Connector or service edge keys; all pages unless page given.",
        )
        .routes(&[
            common::paged_list(CONNECTOR_KEYS).when(CONNECTOR),
            common::paged_list(EDGE_KEYS).when(SERVICE_EDGE),
        ])
        .params(&[
            KEY_TYPE,
            common::SEARCH,
            common::PAGE,
            common::PAGE_SIZE,
            common::MICROTENANT_ID,
        ]),
    // The API replaces the whole key, so the key is read first and the changes laid over it.
    // component_id goes out as `zcomponentId`, the field the key is read back with: as
    // `componentId` it would lose to the `zcomponentId` of the current record.
    ZPA_PROVISIONING_KEYS
        .update(
            "zpa_update_provisioning_key",
            "Update provisioning key",
            "Change settings; omitted fields are kept.",
        )
        .routes(&[
            Route::put(CONNECTOR_KEY).when(CONNECTOR).merge_current(),
            Route::put(EDGE_KEY).when(SERVICE_EDGE).merge_current(),
        ])
        .params(&[
            KEY_ID,
            KEY_TYPE,
            common::NAME,
            common::DESCRIPTION,
            MAX_USAGE,
            COMPONENT_ID,
            common::ENROLLMENT_CERT_ID,
            common::MICROTENANT_ID_BODY,
        ]),
];
