//! ZPA server groups: the app connector groups (and servers) that serve application segments.

use super::common;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration};
use crate::service::Service;

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
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Create,
        "zpa_create_server_group",
        "Create server group",
        "Served by given connector groups; list servers only without dynamic discovery.",
        Handler::Routes(&[Route::post(GROUPS).query(common::MICROTENANT)]),
    )
    .params(&[
        common::NAME_REQUIRED,
        Param::strings("app_connector_group_ids", common::CONNECTOR_GROUP_IDS)
            .required()
            .ids("appConnectorGroups"),
        common::DESCRIPTION,
        common::GROUP_ENABLED_DEFAULT,
        Param::strings("server_ids", "Server ids (zpa_list_application_servers).").ids("servers"),
        IP_ANCHORED,
        DYNAMIC_DISCOVERY.default(Lit::Bool(true)),
        common::MICROTENANT_ID_BODY,
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Delete,
        "zpa_delete_server_group",
        "Delete server group",
        "Fails while application segments use it.",
        Handler::Routes(&[Route::delete(GROUP).query(common::MICROTENANT)]),
    )
    .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Read,
        "zpa_get_server_group",
        "Get server group",
        "One group: connector groups, servers, application segments.",
        Handler::Routes(&[Route::get(GROUP).query(common::MICROTENANT)]),
    )
    .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Read,
        "zpa_list_server_groups",
        "List server groups",
        "Groups with connector groups and servers; all pages unless page given.",
        Handler::Routes(&[common::list(GROUPS)]),
    )
    .params(common::LIST_PARAMS)
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_server_groups",
        Action::Update,
        "zpa_update_server_group",
        "Update server group",
        "Change settings; omitted fields are kept.",
        Handler::Routes(&[Route::put(GROUP).query(common::MICROTENANT).merge_current()]),
    )
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
