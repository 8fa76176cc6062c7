//! TODO module doc: the `zia_workload_groups` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_workload_groups",
        Action::Read,
        "zia_get_workload_group",
        "ZIA get workload group",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/workloadGroups/{group_id}")]),
    )
    .params(&[Param::string("group_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_workload_groups",
        Action::Read,
        "zia_list_workload_groups",
        "ZIA list workload groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/workloadGroups")
            .query(&[("page", "{page}"), ("pageSize", "{page_size}")])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
    ])
    .list(),
];
