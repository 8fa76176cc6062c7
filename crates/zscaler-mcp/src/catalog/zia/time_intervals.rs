//! ZIA time intervals: the named weekly schedules that policy rules apply during.

use super::common;
use crate::catalog::toolsets::ZIA_TIME_INTERVALS;
use crate::catalog::{Param, Route, ToolDeclaration};

const INTERVAL_ID: Param =
    Param::string("interval_id", "Interval id (zia_list_time_intervals).").required();
const START_TIME: Param =
    Param::integer("start_time", "Start minute of day, 0-1439.").body("startTime");
const END_TIME: Param = Param::integer("end_time", "End minute of day, 0-1439.").body("endTime");
const DAYS_OF_WEEK: Param =
    Param::strings("days_of_week", "Days it applies; EVERYDAY or single days.")
        .one_of(&["EVERYDAY", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])
        .body("daysOfWeek");

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_TIME_INTERVALS
        .create(
            "zia_create_time_interval",
            "Create time interval",
            "Weekdays and a daily window for policy rules.",
        )
        .routes(&[Route::post("/zia/api/v1/timeIntervals")])
        .params(&[
            common::NAME_REQUIRED,
            START_TIME.required(),
            END_TIME.required(),
            DAYS_OF_WEEK.required(),
        ]),
    ZIA_TIME_INTERVALS
        .delete(
            "zia_delete_time_interval",
            "Delete time interval",
            "Rules referencing it may block deletion.",
        )
        .routes(&[Route::delete("/zia/api/v1/timeIntervals/{interval_id}")])
        .params(&[INTERVAL_ID]),
    ZIA_TIME_INTERVALS
        .get(
            "zia_get_time_interval",
            "Get time interval",
            "One interval: weekdays, daily start and end minutes.",
        )
        .routes(&[Route::get("/zia/api/v1/timeIntervals/{interval_id}")])
        .params(&[INTERVAL_ID]),
    ZIA_TIME_INTERVALS
        .list(
            "zia_list_time_intervals",
            "List time intervals",
            "Intervals with days and start and end minutes; all pages unless page given.",
        )
        .routes(&[Route::get("/zia/api/v1/timeIntervals")
            .query(&[
                ("search", "{search}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
            ])
            .pages("page", "pageSize", 1000)])
        .params(&[common::SEARCH, common::PAGE, common::PAGE_SIZE]),
    ZIA_TIME_INTERVALS
        .update(
            "zia_update_time_interval",
            "Update time interval",
            "Change an interval; omitted fields are kept.",
        )
        .routes(&[Route::put("/zia/api/v1/timeIntervals/{interval_id}").merge_current()])
        .params(&[
            INTERVAL_ID,
            common::NAME,
            START_TIME,
            END_TIME,
            DAYS_OF_WEEK,
        ]),
];
