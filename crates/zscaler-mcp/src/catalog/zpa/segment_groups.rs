//! ZPA segment groups: the groups application segments belong to, used in access policy conditions.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration};

const MICROTENANT: &[(&str, &str)] = &[("microtenantId", "{microtenant_id}")];
const MICROTENANT_ID: &str = "Microtenant scope.";
const GROUP_ID: &str = "Segment group id (zpa_list_segment_groups).";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Create,
        "zpa_create_segment_group",
        "Create segment group",
        "Empty container for application segments.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::boolean("enabled", "Enable the group.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("description", "Description.").body("description"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Delete,
        "zpa_delete_segment_group",
        "Delete segment group",
        "Fails while application segments use it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Read,
        "zpa_get_segment_group",
        "Get segment group",
        "One group with its application segments.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("microtenant_id", MICROTENANT_ID),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Read,
        "zpa_list_segment_groups",
        "List segment groups",
        "Groups with their application segments; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup",
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
        "zpa_segment_groups",
        Action::Update,
        "zpa_update_segment_group",
        "Update segment group",
        "Change name, description or enabled; omitted fields are kept.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(MICROTENANT)
        .merge_from("/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}")]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the group.").body("enabled"),
        Param::string("microtenant_id", MICROTENANT_ID).body("microtenantId"),
    ]),
];
