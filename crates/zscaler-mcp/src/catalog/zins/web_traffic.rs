//! Z-Insights web traffic: totals by location, protocol and threat, with optional trends.

use super::{END_DAYS_AGO, END_TIME, LIMIT, PATH, START_9, START_TIME, WEEK};
use crate::catalog::toolsets::ZINS_WEB_TRAFFIC;
use crate::catalog::{Graphql, Lit, Param, Route, ToolDeclaration};

const BY_LOCATION: Graphql = Graphql::query(
    "WebTrafficByLocation",
    "query WebTrafficByLocation($startTime: Long!, $endTime: Long!, $trafficUnit: \
     WebTrafficUnits!, $includeTrend: Boolean, $trendInterval: TrendInterval, $limit: Int) { \
     WEB_TRAFFIC { location(start_time: $startTime, end_time: $endTime, traffic_unit: \
     $trafficUnit, include_trend: $includeTrend, trend_interval: $trendInterval) { obfuscated \
     entries(limit: $limit) { id name total trend { trend_start_time trend_interval \
     trend_values } } } } }",
    window_vars!(
        r#", "trafficUnit": "{traffic_unit}", "includeTrend": "{include_trend}""#,
        r#", "trendInterval": "{trend_interval}""#
    ),
    &["WEB_TRAFFIC", "location"],
)
.rows("entries")
.limit("limit");

const NO_GROUPING: Graphql = Graphql::query(
    "WebTrafficNoGrouping",
    "query WebTrafficNoGrouping($startTime: Long!, $endTime: Long!, $trafficUnit: \
     WebTrafficUnits!, $dlpEngineFilter: DlpEngineFilter, $actionFilter: ActionStatus, \
     $includeTrend: Boolean, $trendInterval: TrendInterval, $limit: Int) { WEB_TRAFFIC { \
     no_grouping(start_time: $startTime, end_time: $endTime, traffic_unit: $trafficUnit, \
     dlp_engine_filter: $dlpEngineFilter, action_filter: $actionFilter, include_trend: \
     $includeTrend, trend_interval: $trendInterval) { obfuscated entries(limit: $limit) { name \
     total trend { trend_start_time trend_interval trend_values } } } } }",
    window_vars!(
        r#", "trafficUnit": "{traffic_unit}", "dlpEngineFilter": "{dlp_engine_filter}""#,
        r#", "actionFilter": "{action_filter}", "includeTrend": "{include_trend}""#,
        r#", "trendInterval": "{trend_interval}""#
    ),
    &["WEB_TRAFFIC", "no_grouping"],
)
.rows("entries")
.limit("limit");

/// A web traffic report grouped by one field (`$report`), named `$op`.
macro_rules! grouped {
    ($op:literal, $report:literal) => {
        Graphql::query(
            $op,
            concat!(
                "query ",
                $op,
                "($startTime: Long!, $endTime: Long!, $trafficUnit: WebTrafficUnits!, ",
                "$limit: Int) { WEB_TRAFFIC { ",
                $report,
                "(start_time: $startTime, end_time: $endTime, traffic_unit: $trafficUnit) { ",
                "obfuscated entries(limit: $limit) { name total } } } }"
            ),
            window_vars!(r#", "trafficUnit": "{traffic_unit}""#),
            &["WEB_TRAFFIC", $report],
        )
        .rows("entries")
        .limit("limit")
    };
}

const PROTOCOLS: Graphql = grouped!("WebProtocols", "protocols");
const THREAT_SUPER_CATEGORIES: Graphql =
    grouped!("WebThreatSuperCategories", "threat_super_categories");
const THREAT_CLASS: Graphql = grouped!("WebThreatClass", "threat_class");

const UNIT: Param = Param::string("traffic_unit", "Measure traffic in transactions or bytes.")
    .one_of(&["TRANSACTIONS", "BYTES"])
    .default(Lit::Str("TRANSACTIONS"));
const INCLUDE_TREND: Param =
    Param::boolean("include_trend", "Add each entry's trend over the window.")
        .default(Lit::Bool(false));
const TREND_INTERVAL: Param =
    Param::string("trend_interval", "Trend bucket (default DAY).").one_of(&["DAY", "HOUR"]);
const PARAMS: &[Param] = &[START_9, END_DAYS_AGO, START_TIME, END_TIME, UNIT, LIMIT];

pub static TOOLS: &[ToolDeclaration] = &[
    ZINS_WEB_TRAFFIC
        .list(
            "zins_get_web_traffic_by_location",
            "Web traffic by location",
            "Web traffic totals per location in the window, optionally with a daily or hourly \
             trend.",
        )
        .routes(&[Route::graphql(PATH, &BY_LOCATION).window(&WEEK)])
        .params(&[
            START_9,
            END_DAYS_AGO,
            START_TIME,
            END_TIME,
            UNIT,
            INCLUDE_TREND,
            TREND_INTERVAL,
            LIMIT,
        ]),
    ZINS_WEB_TRAFFIC
        .list(
            "zins_get_web_traffic_no_grouping",
            "Web traffic total",
            "The overall web traffic total in the window, optionally filtered by DLP engine or \
             action and with a trend.",
        )
        .routes(&[Route::graphql(PATH, &NO_GROUPING).window(&WEEK)])
        .params(&[
            START_9,
            END_DAYS_AGO,
            START_TIME,
            END_TIME,
            UNIT,
            Param::string(
                "dlp_engine_filter",
                "Only traffic matched by this DLP engine.",
            )
            .one_of(&[
                "ANY",
                "NONE",
                "HIPAA",
                "CYBER_BULLY_ENG",
                "GLBA",
                "PCI",
                "OFFENSIVE_LANGUAGE",
                "EXTERNAL",
            ]),
            Param::string("action_filter", "Only allowed or only blocked traffic.")
                .one_of(&["ALLOW", "BLOCK"]),
            INCLUDE_TREND,
            TREND_INTERVAL,
            LIMIT,
        ]),
    ZINS_WEB_TRAFFIC
        .list(
            "zins_get_web_protocols",
            "Web traffic by protocol",
            "Web traffic totals per protocol (HTTPS, HTTP, SSL, tunnels, ...) in the window.",
        )
        .routes(&[Route::graphql(PATH, &PROTOCOLS).window(&WEEK)])
        .params(PARAMS),
    ZINS_WEB_TRAFFIC
        .list(
            "zins_get_threat_super_categories",
            "Web threats by super category",
            "Web traffic totals per threat super category (malware, phishing, botnet, ...) in \
             the window.",
        )
        .routes(&[Route::graphql(PATH, &THREAT_SUPER_CATEGORIES).window(&WEEK)])
        .params(PARAMS),
    ZINS_WEB_TRAFFIC
        .list(
            "zins_get_threat_class",
            "Web threats by class",
            "Web traffic totals per threat class (virus/spyware, advanced, behavioral analysis) \
             in the window.",
        )
        .routes(&[Route::graphql(PATH, &THREAT_CLASS).window(&WEEK)])
        .params(PARAMS),
];
