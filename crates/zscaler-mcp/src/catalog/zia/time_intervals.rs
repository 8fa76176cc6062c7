//! ZIA time intervals: the named weekly schedules that policy rules apply during.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Create,
        "zia_create_time_interval",
        "Create time interval",
        "Create a time interval (days of the week and a daily window) for policy rules; returns it with its id.",
        Handler::Routes(&[Route::post("/zia/api/v1/timeIntervals")]),
    )
    .params(&[
        Param::string("name", "Interval name.").required().body("name"),
        Param::integer("start_time", "Start, minutes after midnight (0-1439).")
            .required()
            .body("startTime"),
        Param::integer("end_time", "End, minutes after midnight (0-1439).")
            .required()
            .body("endTime"),
        Param::strings("days_of_week", "Days: EVERYDAY, or SUN, MON, ... SAT.")
            .required()
            .body("daysOfWeek"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Delete,
        "zia_delete_time_interval",
        "Delete time interval",
        "Delete a time interval; rules that reference it may block the deletion.",
        Handler::Routes(&[Route::delete("/zia/api/v1/timeIntervals/{interval_id}")]),
    )
    .params(&[Param::string("interval_id", "Interval id (zia_list_time_intervals).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Read,
        "zia_get_time_interval",
        "Get time interval",
        "Return one time interval: its days of the week and daily start and end minutes.",
        Handler::Routes(&[Route::get("/zia/api/v1/timeIntervals/{interval_id}")]),
    )
    .params(&[Param::string("interval_id", "Interval id (zia_list_time_intervals).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Read,
        "zia_list_time_intervals",
        "List time intervals",
        "List time intervals with days and start and end minutes; all pages are gathered unless page is given.",
        Handler::Routes(&[Route::get("/zia/api/v1/timeIntervals")
            .query(&[
                ("search", "{search}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
            ])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::string("search", "Text the interval name contains."),
        Param::integer("page", "Page number, 1 first: return that page only."),
        Param::integer("page_size", "Rows per page."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_time_intervals",
        Action::Update,
        "zia_update_time_interval",
        "Update time interval",
        "Change a time interval; omitted fields keep their current values.",
        Handler::Routes(&[Route::put("/zia/api/v1/timeIntervals/{interval_id}").merge_current()]),
    )
    .params(&[
        Param::string("interval_id", "Interval id (zia_list_time_intervals).").required(),
        Param::string("name", "New name.").body("name"),
        Param::integer("start_time", "Start, minutes after midnight (0-1439).").body("startTime"),
        Param::integer("end_time", "End, minutes after midnight (0-1439).").body("endTime"),
        Param::strings("days_of_week", "Days: EVERYDAY, or SUN, MON, ... SAT.").body("daysOfWeek"),
    ]),
];
