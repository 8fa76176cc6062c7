//! TODO module doc: the `zpa_server_groups` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Create,
        "zpa_create_server_group",
        "ZPA create server group",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::strings("app_connector_group_ids", "TODO")
            .required()
            .ids("appConnectorGroups"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::strings("server_ids", "TODO").ids("servers"),
        Param::boolean("ip_anchored", "TODO").body("ipAnchored"),
        Param::boolean("dynamic_discovery", "TODO")
            .default(Lit::Bool(true))
            .body("dynamicDiscovery"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Delete,
        "zpa_delete_server_group",
        "ZPA delete server group",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Read,
        "zpa_get_server_group",
        "ZPA get server group",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Read,
        "zpa_list_server_groups",
        "ZPA list server groups",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup",
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
        "zpa_server_groups",
        Action::Update,
        "zpa_update_server_group",
        "ZPA update server group",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .merge_current()]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::strings("app_connector_group_ids", "TODO").ids("appConnectorGroups"),
        Param::strings("server_ids", "TODO").ids("servers"),
        Param::boolean("ip_anchored", "TODO").body("ipAnchored"),
        Param::boolean("dynamic_discovery", "TODO").body("dynamicDiscovery"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
