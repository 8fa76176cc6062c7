//! ZPA server groups: the app connector groups (and servers) that serve application segments.

use super::common;
use crate::catalog::toolsets::ZPA_SERVER_GROUPS;
use crate::catalog::{Lit, Param, Route, ToolDeclaration};

const GROUPS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup";
const GROUP: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/serverGroup/{group_id}";

const GROUP_ID: Param =
    Param::string("group_id", "Server group id (zpa_list_server_groups).").required();
const IP_ANCHORED: Param =
    Param::boolean("ip_anchored", "Source IP anchoring via ZIA.").body("ipAnchored");

const DYNAMIC_DISCOVERY: Param = Param::boolean(
    "dynamic_discovery",
    "Connectors discover servers by domain.",
)
.body("dynamicDiscovery");

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_SERVER_GROUPS
        .create(
            "zpa_create_server_group",
            "Create server group",
            "Served by given connector groups; list servers only without dynamic discovery.",
        )
        .routes(&[Route::post(GROUPS).query(common::MICROTENANT)])
        .params(&[
            common::NAME_REQUIRED,
            Param::strings("app_connector_group_ids", common::CONNECTOR_GROUP_IDS)
                .required()
                .ids("appConnectorGroups"),
            common::DESCRIPTION,
            common::GROUP_ENABLED_DEFAULT,
            Param::strings("server_ids", "Server ids (zpa_list_application_servers).")
                .ids("servers"),
            IP_ANCHORED,
            DYNAMIC_DISCOVERY.default(Lit::Bool(true)),
            common::MICROTENANT_ID_BODY,
        ]),
    ZPA_SERVER_GROUPS
        .delete(
            "zpa_delete_server_group",
            "Delete server group",
            "Fails while application segments use it.",
        )
        .routes(&[Route::delete(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_SERVER_GROUPS
        .get(
            "zpa_get_server_group",
            "Get server group",
            "One group: connector groups, servers, application segments.",
        )
        .routes(&[Route::get(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_SERVER_GROUPS
        .list(
            "zpa_list_server_groups",
            "List server groups",
            "Groups with connector groups and servers; all pages unless page given.",
        )
        .routes(&[common::list(GROUPS)])
        .params(common::LIST_PARAMS),
    ZPA_SERVER_GROUPS
        .update(
            "zpa_update_server_group",
            "Update server group",
            "Change settings; omitted fields are kept.",
        )
        .routes(&[Route::put(GROUP).query(common::MICROTENANT).merge_current()])
        .params(&[
            GROUP_ID,
            common::NAME,
            common::DESCRIPTION,
            common::GROUP_ENABLED,
            Param::strings("app_connector_group_ids", "Replaces connector group ids.")
                .ids("appConnectorGroups"),
            Param::strings("server_ids", "Replaces server ids.").ids("servers"),
            IP_ANCHORED,
            DYNAMIC_DISCOVERY,
            common::MICROTENANT_ID_BODY,
        ]),
];
