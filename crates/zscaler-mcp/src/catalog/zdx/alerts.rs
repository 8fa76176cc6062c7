//! ZDX alerts: ongoing and historical alerts and the devices they affect.

use super::{DEPARTMENT_ID, GEO_ID, LIMIT, LOCATION_ID, OFFSET, SINCE_336, SINCE_WINDOW, cursor};
use crate::catalog::toolsets::ZDX_ALERTS;
use crate::catalog::{Param, Route, ToolDeclaration};

const ALERT_ID: Param = Param::string("alert_id", "Alert id (zdx_list_alerts).").required();

/// Cursor, page size, window and scope of the alert lists.
const LIST_QUERY: &[(&str, &str)] = &[
    ("offset", "{offset}"),
    ("limit", "{limit}"),
    ("from", "{@start}"),
    ("to", "{@end}"),
    ("loc", "{location_id}"),
    ("dept", "{department_id}"),
    ("geo", "{geo_id}"),
];

const LIST_PARAMS: &[Param] = &[LOCATION_ID, DEPARTMENT_ID, GEO_ID, SINCE_336, OFFSET, LIMIT];

pub static TOOLS: &[ToolDeclaration] = &[
    ZDX_ALERTS
        .get(
            "zdx_get_alert",
            "Get alert",
            "One alert: rule, severity, status, application, start and end, and the \
             geolocations, departments and locations it affects.",
        )
        .routes(&[Route::get("/zdx/v1/alerts/{alert_id}")])
        .params(&[ALERT_ID]),
    ZDX_ALERTS
        .list(
            "zdx_list_alert_affected_devices",
            "List alert affected devices",
            "Devices an alert affects, with their user; every page unless offset is given.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/alerts/{alert_id}/affected_devices")
                .query(&[
                    ("offset", "{offset}"),
                    ("limit", "{limit}"),
                    ("locationGroups", "{location_groups}"),
                    ("from", "{@start}"),
                    ("to", "{@end}"),
                    ("loc", "{location_id}"),
                    ("dept", "{department_id}"),
                    ("geo", "{geo_id}"),
                ])
                .window(&SINCE_WINDOW),
            "devices",
        )])
        .params(&[
            LOCATION_ID,
            DEPARTMENT_ID,
            GEO_ID,
            SINCE_336,
            OFFSET,
            LIMIT,
            ALERT_ID,
            Param::integers("location_groups", "Location group ids; sent as locationGroups."),
        ]),
    ZDX_ALERTS
        .list(
            "zdx_list_alerts",
            "List ongoing alerts",
            "Alerts still ongoing, with rule, severity and scope; every page unless offset is given.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/alerts/ongoing")
                .query(LIST_QUERY)
                .window(&SINCE_WINDOW),
            "alerts",
        )])
        .params(LIST_PARAMS),
    ZDX_ALERTS
        .list(
            "zdx_list_historical_alerts",
            "List historical alerts",
            "Resolved alerts that were active during the window; every page unless offset is given.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/alerts/historical")
                .query(LIST_QUERY)
                .window(&SINCE_WINDOW),
            "alerts",
        )])
        .params(LIST_PARAMS),
];
