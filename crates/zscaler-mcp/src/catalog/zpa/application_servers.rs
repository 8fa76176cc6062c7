//! TODO module doc: the `zpa_application_servers` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Create,
        "zpa_create_application_server",
        "ZPA create application server",
        "TODO",
        Handler::Routes(&[
            Route::post("/zpa/mgmtconfig/v1/admin/customers/{customerId}/server")
                .query(&[("microtenantId", "{microtenant_id}")]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("address", "TODO").required().body("address"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::strings("app_server_group_ids", "TODO").body("appServerGroupIds"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Delete,
        "zpa_delete_application_server",
        "ZPA delete application server",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Read,
        "zpa_get_application_server",
        "ZPA get application server",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Read,
        "zpa_list_application_servers",
        "ZPA list application servers",
        "TODO",
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
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_application_servers",
        Action::Update,
        "zpa_update_application_server",
        "ZPA update application server",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("server_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("address", "TODO").body("address"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::strings("app_server_group_ids", "TODO").body("appServerGroupIds"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
