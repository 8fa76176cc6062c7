//! ZIA workload groups: tag expressions selecting cloud workloads for policy (read-only).

use super::common;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_workload_groups",
        Action::Read,
        "zia_get_workload_group",
        "Get workload group",
        "One group: tag expression, last modification.",
        Handler::Routes(&[Route::get("/zia/api/v1/workloadGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "Group id (zia_list_workload_groups).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_workload_groups",
        Action::Read,
        "zia_list_workload_groups",
        "List workload groups",
        "Groups with tag expressions; all pages unless page given.",
        Handler::Routes(&[Route::get("/zia/api/v1/workloadGroups")
            .query(&[("page", "{page}"), ("pageSize", "{page_size}")])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[common::PAGE, common::PAGE_SIZE])
    .list(),
];
