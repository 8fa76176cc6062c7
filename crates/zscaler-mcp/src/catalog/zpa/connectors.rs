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
        "Delete several enrolled app connectors in one request, by their ids.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/bulkDelete",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::strings("connector_ids", "Connector ids (zpa_list_app_connectors).")
            .required()
            .body("ids"),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Delete,
        "zpa_delete_app_connector",
        "Delete app connector",
        "Delete one enrolled app connector; bringing the instance back needs a new enrollment.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Read,
        "zpa_get_app_connector",
        "Get app connector",
        "Return one app connector with its group, status, versions, IPs and upgrade state.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Read,
        "zpa_list_app_connectors",
        "List app connectors",
        "List app connectors with group, control channel status and versions; all pages are gathered unless page is given.",
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
        Param::string("search", "Exact name, or an expression like name+CONTAINS+sjc."),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Update,
        "zpa_update_app_connector",
        "Update app connector",
        "Change an app connector's name, description or enabled state; fields not given keep their current values.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .merge_current()]),
    )
    .params(&[
        Param::string("connector_id", "Connector id (zpa_list_app_connectors).").required(),
        Param::string("name", "Connector name.").body("name"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the connector is enabled.").body("enabled"),
        Param::string("microtenant_id", "Microtenant id to scope the call.").body("microtenantId"),
    ]),
];
