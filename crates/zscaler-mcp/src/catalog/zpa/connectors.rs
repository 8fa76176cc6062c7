//! ZPA app connectors: the enrolled connector instances, their state and versions.

use super::common;
use crate::catalog::toolsets::ZPA_CONNECTORS;
use crate::catalog::{Param, Route, ToolDeclaration};

const CONNECTORS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector";
const CONNECTOR: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}";

const CONNECTOR_ID: Param =
    Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_CONNECTORS
        .delete(
            "zpa_bulk_delete_app_connectors",
            "Bulk delete app connectors",
            "Delete several connectors in one request.",
        )
        .routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/bulkDelete",
        )
        .query(common::MICROTENANT)])
        .params(&[
            Param::strings("connector_ids", "Connector ids (zpa_list_app_connectors).")
                .required()
                .body("ids"),
            common::MICROTENANT_ID,
        ]),
    ZPA_CONNECTORS
        .delete(
            "zpa_delete_app_connector",
            "Delete app connector",
            "Restoring the instance needs a new enrollment.",
        )
        .routes(&[Route::delete(CONNECTOR).query(common::MICROTENANT)])
        .params(&[CONNECTOR_ID, common::MICROTENANT_ID]),
    ZPA_CONNECTORS
        .get(
            "zpa_get_app_connector",
            "Get app connector",
            "One connector: group, status, versions, IPs, upgrade state.",
        )
        .routes(&[Route::get(CONNECTOR).query(common::MICROTENANT)])
        .params(&[CONNECTOR_ID, common::MICROTENANT_ID]),
    ZPA_CONNECTORS
        .list(
            "zpa_list_app_connectors",
            "List app connectors",
            "Connectors with group, channel status, versions; all pages unless page given.",
        )
        .routes(&[common::list(CONNECTORS)])
        .params(common::LIST_PARAMS),
    ZPA_CONNECTORS
        .update(
            "zpa_update_app_connector",
            "Update app connector",
            "Change name, description or enabled; omitted fields are kept.",
        )
        .routes(&[Route::put(CONNECTOR)
            .query(common::MICROTENANT)
            .merge_current()])
        .params(&[
            CONNECTOR_ID,
            common::NAME,
            common::DESCRIPTION,
            Param::boolean("enabled", "Enable the connector.").body("enabled"),
            common::MICROTENANT_ID_BODY,
        ]),
];
