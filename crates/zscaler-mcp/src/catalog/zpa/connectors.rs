//! ZPA app connectors: the enrolled connector instances, their state and versions.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Delete,
        "zpa_bulk_delete_app_connectors",
        "Bulk delete app connectors",
        "Delete several connectors in one request.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/bulkDelete",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::strings("connector_ids", "Connector ids (zpa_list_app_connectors).")
            .required()
            .body("ids"),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Delete,
        "zpa_delete_app_connector",
        "Delete app connector",
        "Restoring the instance needs a new enrollment.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Read,
        "zpa_get_app_connector",
        "Get app connector",
        "One connector: group, status, versions, IPs, upgrade state.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Read,
        "zpa_list_app_connectors",
        "List app connectors",
        "Connectors with group, channel status, versions; all pages unless page given.",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector")
                .query(&[
                    ("microtenantId", "{microtenant_id}"),
                    ("search", "name+EQ+{search}"),
                    ("page", "{page}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
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
        "zpa_connectors",
        Action::Update,
        "zpa_update_app_connector",
        "Update app connector",
        "Change name, description or enabled; omitted fields are kept.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .merge_current()]),
    )
    .params(&[
        Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the connector.").body("enabled"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
];
