//! ZIA workload groups: tag expressions selecting cloud workloads for policy (read-only).

use super::common;
use crate::catalog::toolsets::ZIA_WORKLOAD_GROUPS;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_WORKLOAD_GROUPS
        .get(
            "zia_get_workload_group",
            "Get workload group",
            "One group: tag expression, last modification.",
        )
        .routes(&[Route::get("/zia/api/v1/workloadGroups/{group_id}")])
        .params(&[Param::string("group_id", "Group id (zia_list_workload_groups).").required()]),
    ZIA_WORKLOAD_GROUPS
        .list(
            "zia_list_workload_groups",
            "List workload groups",
            "Groups with tag expressions; all pages unless page given.",
        )
        .routes(&[Route::get("/zia/api/v1/workloadGroups")
            .query(&[("page", "{page}"), ("pageSize", "{page_size}")])
            .pages("page", "pageSize", 1000)])
        .params(&[common::PAGE, common::PAGE_SIZE]),
];
