//! ZCell SIM analytics: map positions, the SIM summary, and data usage by country, day and
//! SIM within a window.

use super::{DAYS, WINDOW};
use crate::catalog::toolsets::ZCELL_SIM_ANALYTICS;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZCELL_SIM_ANALYTICS
        .list(
            "zcell_list_sim_analytics_map",
            "List SIM map positions",
            "Last known SIM positions, SIMs at the same point grouped with their ICCIDs, IMSIs \
             and tags.",
        )
        .routes(&[Route::post(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/map",
        )
        .read_only()
        .list()])
        .params(&[
            Param::strings("icc_ids", "ICCIDs to place; omit for every SIM.").body("iccIds"),
        ]),
    ZCELL_SIM_ANALYTICS
        .list(
            "zcell_list_sim_analytics_summary",
            "Get SIM summary",
            "SIM counts: total, ever used, active and inactive.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/summary",
        )
        .list()]),
    ZCELL_SIM_ANALYTICS
        .list(
            "zcell_list_sim_usage_by_country",
            "List data usage by country",
            "Countries with the most data used (bytes) within the window, largest first.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/usage/countries",
        )
        .query(&[
            ("startDate", "{@start}"),
            ("endDate", "{@end}"),
            ("limit", "{limit}"),
        ])
        .window(&WINDOW)
        .list()])
        .params(&[
            DAYS,
            Param::integer("limit", "Most countries answered, 1-20 (API default 10).").range(1, 20),
        ]),
    ZCELL_SIM_ANALYTICS
        .list(
            "zcell_list_sim_usage_by_day",
            "List data usage by day",
            "Data used (bytes) per UTC day within the window, by every SIM or one.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/usage/day",
        )
        .query(&[
            ("startDate", "{@start}"),
            ("endDate", "{@end}"),
            ("iccId", "{icc_id}"),
        ])
        .window(&WINDOW)
        .list()])
        .params(&[
            DAYS,
            Param::string("icc_id", "One SIM's ICCID; omit for every SIM."),
        ]),
    ZCELL_SIM_ANALYTICS
        .list(
            "zcell_list_sim_usage_by_sim",
            "List data usage by SIM",
            "SIMs with the most data used (bytes) within the window, largest first.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim/analytics/usage/sims",
        )
        .query(&[
            ("startDate", "{@start}"),
            ("endDate", "{@end}"),
            ("limit", "{limit}"),
        ])
        .window(&WINDOW)
        .list()])
        .params(&[
            DAYS,
            Param::integer("limit", "Most SIMs answered, 1-100 (API default 10).").range(1, 100),
        ]),
];
