//! ZDX reports: applications and their scores, metrics and users; devices; locations and
//! departments.

use super::{
    APP_ID, DEPARTMENT_ID, DEVICE_ID, GEO_ID, LOCATION_ID, OFFSET, SINCE, SINCE_WINDOW, USER_IDS,
    WINDOW, WINDOW_SCOPE, cursor,
};
use crate::catalog::toolsets::ZDX_REPORTS;
use crate::catalog::{Param, Route, ToolDeclaration};

const SEARCH: Param = Param::string("search", "Name substring; sent as q.");

pub static TOOLS: &[ToolDeclaration] = &[
    ZDX_REPORTS
        .get(
            "zdx_get_application",
            "Get application",
            "One application's ZDX score, most impacted region and user and device counts over \
             the window.",
        )
        .routes(&[Route::get("/zdx/v1/apps/{app_id}")
            .query(WINDOW_SCOPE)
            .window(&SINCE_WINDOW)])
        .params(&[APP_ID, LOCATION_ID, DEPARTMENT_ID, GEO_ID, SINCE]),
    ZDX_REPORTS
        .list(
            "zdx_get_application_metric",
            "Get application metrics",
            "Time series of an application's page fetch time, DNS time and availability over \
             the window.",
        )
        .routes(&[Route::get("/zdx/v1/apps/{app_id}/metrics")
            .query(&[
                ("metricName", "{metric_name}"),
                ("from", "{@start}"),
                ("to", "{@end}"),
                ("loc", "{location_id}"),
                ("dept", "{department_id}"),
                ("geo", "{geo_id}"),
            ])
            .window(&SINCE_WINDOW)
            .list()])
        .params(&[
            APP_ID,
            Param::string("metric_name", "Only this metric; default every metric.").one_of(&[
                "pft",
                "dns",
                "availability",
            ]),
            LOCATION_ID,
            DEPARTMENT_ID,
            GEO_ID,
            SINCE,
        ]),
    ZDX_REPORTS
        .get(
            "zdx_get_application_score_trend",
            "Get application score trend",
            "An application's ZDX score over the window, as timestamped data points.",
        )
        .routes(&[Route::get("/zdx/v1/apps/{app_id}/score")
            .query(WINDOW_SCOPE)
            .window(&SINCE_WINDOW)])
        .params(&[APP_ID, LOCATION_ID, DEPARTMENT_ID, GEO_ID, SINCE]),
    ZDX_REPORTS
        .get(
            "zdx_get_application_user",
            "Get application user",
            "One user's score for an application, with each of the user's devices and where \
             it is.",
        )
        .routes(&[Route::get("/zdx/v1/apps/{app_id}/users/{user_id}")
            .query(WINDOW)
            .window(&SINCE_WINDOW)])
        .params(&[
            APP_ID,
            Param::string("user_id", "User id (zdx_list_application_users).").required(),
            SINCE,
        ]),
    ZDX_REPORTS
        .get(
            "zdx_get_device",
            "Get device",
            "One device's hardware, network interfaces and software (OS, Client Connector and \
             ZDX versions).",
        )
        .routes(&[Route::get("/zdx/v1/devices/{device_id}")
            .query(WINDOW_SCOPE)
            .window(&SINCE_WINDOW)])
        .params(&[DEVICE_ID, LOCATION_ID, DEPARTMENT_ID, GEO_ID, SINCE]),
    ZDX_REPORTS
        .list(
            "zdx_list_application_users",
            "List application users",
            "Users of an application with their ZDX score over the window; every page.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/apps/{app_id}/users")
                .query(&[
                    ("scoreBucket", "{score_bucket}"),
                    ("from", "{@start}"),
                    ("to", "{@end}"),
                    ("loc", "{location_id}"),
                    ("dept", "{department_id}"),
                    ("geo", "{geo_id}"),
                ])
                .window(&SINCE_WINDOW),
            "users",
        )])
        .params(&[
            APP_ID,
            Param::string(
                "score_bucket",
                "Only users in this band (poor 0-33, okay 34-66, good 67-100).",
            )
            .one_of(&["poor", "okay", "good"]),
            LOCATION_ID,
            DEPARTMENT_ID,
            GEO_ID,
            SINCE,
        ]),
    ZDX_REPORTS
        .list(
            "zdx_list_applications",
            "List applications",
            "Applications with ZDX activity in the window, each with its score and most \
             impacted region.",
        )
        .routes(&[Route::get("/zdx/v1/apps")
            .query(WINDOW_SCOPE)
            .window(&SINCE_WINDOW)
            .list()])
        .params(&[LOCATION_ID, DEPARTMENT_ID, GEO_ID, SINCE]),
    ZDX_REPORTS
        .list(
            "zdx_list_departments",
            "List departments",
            "Departments ZDX knows, as id and name; the ids scope other ZDX tools.",
        )
        .routes(&[Route::get("/zdx/v1/administration/departments")
            .query(&[("from", "{@start}"), ("to", "{@end}"), ("q", "{search}")])
            .window(&SINCE_WINDOW)
            .list()])
        .params(&[SEARCH, SINCE]),
    ZDX_REPORTS
        .list(
            "zdx_list_devices",
            "List devices",
            "Devices reporting to ZDX with their user; every page unless offset is given.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/devices")
                .query(&[
                    ("emails", "{emails}"),
                    ("userIds", "{user_ids}"),
                    ("macAddress", "{mac_address}"),
                    ("privateIpv4", "{private_ipv4}"),
                    ("offset", "{offset}"),
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
            Param::strings("emails", "User emails, exact match."),
            USER_IDS,
            Param::string("mac_address", "MAC address, e.g. 00:1a:2b:3c:4d:5e."),
            Param::string("private_ipv4", "Private IPv4 address of the device."),
            LOCATION_ID,
            DEPARTMENT_ID,
            GEO_ID,
            SINCE,
            OFFSET,
        ]),
    ZDX_REPORTS
        .list(
            "zdx_list_locations",
            "List locations",
            "Locations ZDX knows, as id and name; the ids scope other ZDX tools.",
        )
        .routes(&[Route::get("/zdx/v1/administration/locations")
            .query(&[("from", "{@start}"), ("to", "{@end}"), ("q", "{search}")])
            .window(&SINCE_WINDOW)
            .list()])
        .params(&[SEARCH, SINCE]),
];
