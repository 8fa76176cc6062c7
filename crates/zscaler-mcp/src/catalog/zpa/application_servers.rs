//! ZPA application servers: the hosts that server groups publish to connectors.

use super::common;
use crate::catalog::toolsets::ZPA_APPLICATION_SERVERS;
use crate::catalog::{Lit, Param, Route, ToolDeclaration};

const SERVERS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server";
const SERVER: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/server/{server_id}";

const SERVER_ID: Param =
    Param::string("server_id", "Server id (zpa_list_application_servers).").required();
const SERVER_GROUP_IDS: Param =
    Param::strings("app_server_group_ids", common::SERVER_GROUP_IDS).body("appServerGroupIds");

const ADDRESS: Param = Param::string("address", "IP or FQDN.").body("address");
const ENABLED: Param = Param::boolean("enabled", "Enable the server.").body("enabled");

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_APPLICATION_SERVERS
        .create(
            "zpa_create_application_server",
            "Create application server",
            "An address connectors reach, optionally in server groups.",
        )
        .routes(&[Route::post(SERVERS).query(common::MICROTENANT)])
        .params(&[
            common::NAME_REQUIRED,
            ADDRESS.required(),
            common::DESCRIPTION,
            ENABLED.default(Lit::Bool(true)),
            SERVER_GROUP_IDS,
            common::MICROTENANT_ID_BODY,
        ]),
    ZPA_APPLICATION_SERVERS
        .delete(
            "zpa_delete_application_server",
            "Delete application server",
            "Fails while a server group lists it.",
        )
        .routes(&[Route::delete(SERVER).query(common::MICROTENANT)])
        .params(&[SERVER_ID, common::MICROTENANT_ID]),
    ZPA_APPLICATION_SERVERS
        .get(
            "zpa_get_application_server",
            "Get application server",
            "One server: address, state, server groups.",
        )
        .routes(&[Route::get(SERVER).query(common::MICROTENANT)])
        .params(&[SERVER_ID, common::MICROTENANT_ID]),
    ZPA_APPLICATION_SERVERS
        .list(
            "zpa_list_application_servers",
            "List application servers",
            "Servers with address, state, server groups; all pages unless page given.",
        )
        .routes(&[common::list(SERVERS)])
        .params(common::LIST_PARAMS),
    ZPA_APPLICATION_SERVERS
        .update(
            "zpa_update_application_server",
            "Update application server",
            "Change settings; omitted fields are kept.",
        )
        .routes(&[Route::put(SERVER)
            .query(common::MICROTENANT)
            .merge_current()])
        .params(&[
            SERVER_ID,
            common::NAME,
            ADDRESS,
            common::DESCRIPTION,
            ENABLED,
            SERVER_GROUP_IDS,
            common::MICROTENANT_ID_BODY,
        ]),
];
