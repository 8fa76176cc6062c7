//! ZPA application servers: the hosts that server groups publish to connectors.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Create,
        "zpa_create_application_server",
        "Create application server",
        "Create an application server (an address connectors reach), optionally in server groups.",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v1/admin/customers/{customerId}/server")
                .query(&[("microtenantId", "{microtenant_id}")]),
        ]),
    )
    .params(&[
        Param::string("name", "Server name.").required().body("name"),
        Param::string("address", "IP address or FQDN.").required().body("address"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the server is enabled.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::strings("app_server_group_ids", "Server group ids (zpa_list_server_groups).")
            .body("appServerGroupIds"),
        Param::string("microtenant_id", "Microtenant id to scope the call.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Delete,
        "zpa_delete_application_server",
        "Delete application server",
        "Delete an application server; the API refuses while a server group still lists it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "Server id (zpa_list_application_servers).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Read,
        "zpa_get_application_server",
        "Get application server",
        "Return one application server with its address, state and server groups.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "Server id (zpa_list_application_servers).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Read,
        "zpa_list_application_servers",
        "List application servers",
        "List application servers with address, state and server groups; all pages are gathered unless page is given.",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/server")
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
        Param::string("search", "Exact name, or an expression like name+CONTAINS+web."),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Update,
        "zpa_update_application_server",
        "Update application server",
        "Change an application server's settings; fields not given keep their current values.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .merge_current()]),
    )
    .params(&[
        Param::string("server_id", "Server id (zpa_list_application_servers).").required(),
        Param::string("name", "Server name.").body("name"),
        Param::string("address", "IP address or FQDN.").body("address"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the server is enabled.").body("enabled"),
        Param::strings("app_server_group_ids", "Server group ids (zpa_list_server_groups).")
            .body("appServerGroupIds"),
        Param::string("microtenant_id", "Microtenant id to scope the call.").body("microtenantId"),
    ]),
];
