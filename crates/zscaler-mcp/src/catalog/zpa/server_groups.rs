//! ZPA server groups: the app connector groups (and servers) that serve application segments.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration};

const MICROTENANT: &[(&str, &str)] = &[("microtenantId", "{microtenant_id}")];
const MICROTENANT_ID: &str = "Microtenant scope.";
const GROUP_ID: &str = "Server group id (zpa_list_server_groups).";
const CONNECTOR_GROUPS: &str = "Connector group ids (zpa_list_app_connector_groups).";
const SERVERS: &str = "Server ids (zpa_list_application_servers).";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Create,
        "zpa_create_server_group",
        "Create server group",
        "Served by given connector groups; list servers only without dynamic discovery.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::strings("app_connector_group_ids", CONNECTOR_GROUPS)
            .required()
            .ids("appConnectorGroups"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::strings("server_ids", SERVERS).ids("servers"),
        Param::boolean("ip_anchored", "Source IP anchoring via ZIA.").body("ipAnchored"),
        Param::boolean(
            "dynamic_discovery",
            "Connectors discover servers by domain.",
        )
        .default(Lit::Bool(true))
        .body("dynamicDiscovery"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Delete,
        "zpa_delete_server_group",
        "Delete server group",
        "Fails while application segments use it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Read,
        "zpa_get_server_group",
        "Get server group",
        "One group: connector groups, servers, application segments.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Read,
        "zpa_list_server_groups",
        "List server groups",
        "Groups with connector groups and servers; all pages unless page given.",
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
        Param::string("search", "Exact name or name+CONTAINS+x."),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::integer("page", "Page; omit for all.").min(1),
        Param::integer("page_size", "Page size.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Update,
        "zpa_update_server_group",
        "Update server group",
        "Change settings; omitted fields are kept.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(MICROTENANT)
        .merge_current()]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.").body("enabled"),
        Param::strings("app_connector_group_ids", "Replaces connector group ids.")
            .ids("appConnectorGroups"),
        Param::strings("server_ids", "Replaces server ids.").ids("servers"),
        Param::boolean("ip_anchored", "Source IP anchoring via ZIA.").body("ipAnchored"),
        Param::boolean(
            "dynamic_discovery",
            "Connectors discover servers by domain.",
        )
        .body("dynamicDiscovery"),
        Param::string("microtenant_id", MICROTENANT_ID).body("microtenantId"),
    ]),
];
