//! TODO module doc: the `zia_time_intervals` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Create,
        "zia_create_time_interval",
        "ZIA create time interval",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/timeIntervals")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::integer("start_time", "TODO")
            .required()
            .body("startTime"),
        Param::integer("end_time", "TODO")
            .required()
            .body("endTime"),
        Param::strings("days_of_week", "TODO")
            .required()
            .body("daysOfWeek"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Delete,
        "zia_delete_time_interval",
        "ZIA delete time interval",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/timeIntervals/{interval_id}")]),
    )
    .params(&[Param::string("interval_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Read,
        "zia_get_time_interval",
        "ZIA get time interval",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/timeIntervals/{interval_id}")]),
    )
    .params(&[Param::string("interval_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Read,
        "zia_list_time_intervals",
        "ZIA list time intervals",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/timeIntervals")
            .query(&[
                ("search", "{search}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
            ])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Update,
        "zia_update_time_interval",
        "ZIA update time interval",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/timeIntervals/{interval_id}").merge_current()]),
    )
    .params(&[
        Param::string("interval_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::integer("start_time", "TODO").body("startTime"),
        Param::integer("end_time", "TODO").body("endTime"),
        Param::strings("days_of_week", "TODO").body("daysOfWeek"),
    ]),
];
