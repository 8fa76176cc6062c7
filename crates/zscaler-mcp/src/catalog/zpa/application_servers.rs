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
        "An address connectors reach, optionally in server groups.",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v1/admin/customers/{customerId}/server")
                .query(&[("microtenantId", "{microtenant_id}")]),
        ]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("address", "IP or FQDN.")
            .required()
            .body("address"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the server.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::strings(
            "app_server_group_ids",
            "Server group ids (zpa_list_server_groups).",
        )
        .body("appServerGroupIds"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Delete,
        "zpa_delete_application_server",
        "Delete application server",
        "Fails while a server group lists it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "Server id (zpa_list_application_servers).").required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Read,
        "zpa_get_application_server",
        "Get application server",
        "One server: address, state, server groups.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "Server id (zpa_list_application_servers).").required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Read,
        "zpa_list_application_servers",
        "List application servers",
        "Servers with address, state, server groups; all pages unless page given.",
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
        Param::string("search", "Exact name or name+CONTAINS+x."),
        Param::string("microtenant_id", "Microtenant scope."),
        Param::integer("page", "Page; omit for all.").min(1),
        Param::integer("page_size", "Page size.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Update,
        "zpa_update_application_server",
        "Update application server",
        "Change settings; omitted fields are kept.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .merge_current()]),
    )
    .params(&[
        Param::string("server_id", "Server id (zpa_list_application_servers).").required(),
        Param::string("name", "Name.").body("name"),
        Param::string("address", "IP or FQDN.").body("address"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the server.").body("enabled"),
        Param::strings(
            "app_server_group_ids",
            "Server group ids (zpa_list_server_groups).",
        )
        .body("appServerGroupIds"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
];
