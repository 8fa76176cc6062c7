//! ZPA segment groups: the groups application segments belong to, used in access policy conditions.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration};

const MICROTENANT: &[(&str, &str)] = &[("microtenantId", "{microtenant_id}")];
const MICROTENANT_ID: &str = "Microtenant id scoping the call.";
const GROUP_ID: &str = "Segment group id (zpa_list_segment_groups).";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Create,
        "zpa_create_segment_group",
        "Create segment group",
        "Create a ZPA segment group, an empty container that application segments are then assigned to.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup",
        )
        .query(MICROTENANT)]),
    )
    .params(&[
        Param::string("name", "Segment group name.").required().body("name"),
        Param::boolean("enabled", "Whether the group is enabled.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("description", "Group description.").body("description"),
        Param::string("microtenant_id", "Microtenant id to create the group in.")
            .body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Delete,
        "zpa_delete_segment_group",
        "Delete segment group",
        "Delete a ZPA segment group by id; the API refuses while application segments still use it.",
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
        "Get one ZPA segment group by id, including the application segments it holds.",
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
        "List ZPA segment groups with their application segments; all pages are gathered unless page is given.",
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
        "zpa_segment_groups",
        Action::Update,
        "zpa_update_segment_group",
        "Update segment group",
        "Change a ZPA segment group's name, description or enabled state; fields not given keep their current values.",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(MICROTENANT)
        .merge_from("/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}")]),
    )
    .params(&[
        Param::string("group_id", GROUP_ID).required(),
        Param::string("name", "New group name.").body("name"),
        Param::string("description", "Group description.").body("description"),
        Param::boolean("enabled", "Enable or disable the group.").body("enabled"),
        Param::string("microtenant_id", MICROTENANT_ID).body("microtenantId"),
    ]),
];
