//! ZPA server groups: the app connector groups (and servers) that serve application segments.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration};

const MICROTENANT: &[(&str, &str)] = &[("microtenantId", "{microtenant_id}")];
const MICROTENANT_ID: &str = "Microtenant id scoping the call.";
const GROUP_ID: &str = "Server group id (zpa_list_server_groups).";
const CONNECTOR_GROUPS: &str = "App connector group ids (zpa_list_app_connector_groups).";
const SERVERS: &str = "Application server ids (zpa_list_application_servers).";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Create,
        "zpa_create_server_group",
        "Create server group",
        "Create a ZPA server group served by the given app connector groups; list servers only when dynamic discovery is off.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("name", "Server group name.").required().body("name"),
        Param::strings("app_connector_group_ids", CONNECTOR_GROUPS)
            .required()
            .ids("appConnectorGroups"),
        Param::string("description", "Group description.").body("description"),
        Param::boolean("enabled", "Whether the group is enabled.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::strings("server_ids", SERVERS).ids("servers"),
        Param::boolean("ip_anchored", "Route traffic through ZIA (source IP anchoring).")
            .body("ipAnchored"),
        Param::boolean("dynamic_discovery", "Let connectors discover servers by application domain.")
            .default(Lit::Bool(true))
            .body("dynamicDiscovery"),
        Param::string("microtenant_id", "Microtenant id to create the group in.")
            .body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Delete,
        "zpa_delete_server_group",
        "Delete server group",
        "Delete a ZPA server group by id; the API refuses while application segments still use it.",
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
        "Get one ZPA server group by id with its app connector groups, servers and application segments.",
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
        "List ZPA server groups with their connector groups and servers; all pages are gathered unless page is given.",
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
        Param::string(
            "search",
            "Exact group name, or an expression like name+CONTAINS+x.",
        ),
        Param::string("microtenant_id", MICROTENANT_ID),
        Param::integer("page", "One page only; omit to gather all.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Update,
        "zpa_update_server_group",
        "Update server group",
        "Update a ZPA server group: the current record is read and sent back with only the given fields changed.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}",
        )
        .query(MICROTENANT)
        .merge_current()]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("name", "New name.").body("name"),
        Param::string("description", "New description.").body("description"),
        Param::boolean("enabled", "Enable or disable the group.").body("enabled"),
        Param::strings("app_connector_group_ids", "Replacement app connector group ids.")
            .ids("appConnectorGroups"),
        Param::strings("server_ids", "Replacement application server ids.").ids("servers"),
        Param::boolean("ip_anchored", "Route traffic through ZIA (source IP anchoring).")
            .body("ipAnchored"),
        Param::boolean("dynamic_discovery", "Let connectors discover servers by application domain.")
            .body("dynamicDiscovery"),
        Param::string("microtenant_id", MICROTENANT_ID).body("microtenantId"),
    ]),
];
