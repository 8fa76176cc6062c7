//! ZIA workload groups: tag expressions selecting cloud workloads for policy (read-only).

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_workload_groups",
        Action::Read,
        "zia_get_workload_group",
        "Get workload group",
        "Get one workload group by id, with its tag expression and last modification.",
        Handler::Routes(&[Route::get("/zia/api/v1/workloadGroups/{group_id}")]),
    )
    .params(&[
        Param::string("group_id", "Workload group id (zia_list_workload_groups).").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_workload_groups",
        Action::Read,
        "zia_list_workload_groups",
        "List workload groups",
        "List workload groups with their tag expressions, all pages unless page is given.",
        Handler::Routes(&[Route::get("/zia/api/v1/workloadGroups")
            .query(&[("page", "{page}"), ("pageSize", "{page_size}")])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::integer("page", "Page number; returns that page only."),
        Param::integer("page_size", "Rows per page."),
    ])
    .list(),
];
