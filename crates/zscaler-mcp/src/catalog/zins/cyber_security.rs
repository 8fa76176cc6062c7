//! Z-Insights cyber security: incidents grouped by threat, app, day or location.

use super::{END_DAYS_AGO, END_TIME, FORTNIGHT, LIMIT, PATH, START_16, START_TIME};
use crate::catalog::toolsets::ZINS_CYBER_SECURITY;
use crate::catalog::{Graphql, Lit, Param, Route, ToolDeclaration, When};

/// Incidents grouped by one or two dimensions (the second nests under the first).
const INCIDENTS: Graphql = Graphql::query(
    "CyberSecurityIncidents",
    "query CyberSecurityIncidents($startTime: Long!, $endTime: Long!, $categorizeBy: \
     [IncidentsGroupBy!]!, $limit: Int) { CYBER_SECURITY { incidents(categorize_by: \
     $categorizeBy, start_time: $startTime, end_time: $endTime) { obfuscated entries(limit: \
     $limit) { name total entries(limit: $limit) { name total } } } } }",
    window_vars!(r#", "categorizeBy": "{categorize_by}""#),
    &["CYBER_SECURITY", "incidents"],
)
.rows("entries")
.limit("limit");

/// By threat category, when the caller names no grouping (the reference's default).
const BY_THREAT: Graphql = Graphql {
    variables: window_vars!(r#", "categorizeBy": ["THREAT_CATEGORY_ID"]"#),
    ..INCIDENTS
};

const DAILY: Graphql = Graphql {
    variables: window_vars!(r#", "categorizeBy": ["TIME"]"#),
    ..INCIDENTS
};

const BY_THREAT_AND_APP: Graphql = Graphql {
    variables: window_vars!(r#", "categorizeBy": ["THREAT_CATEGORY_ID", "APP_ID"]"#),
    ..INCIDENTS
};

const BY_LOCATION: Graphql = Graphql::query(
    "CyberSecurityByLocation",
    "query CyberSecurityByLocation($startTime: Long!, $endTime: Long!, $categorizeBy: \
     IncidentsWithIdGroupBy!, $limit: Int) { CYBER_SECURITY { cyber_security_location(\
     categorize_by: $categorizeBy, start_time: $startTime, end_time: $endTime) { obfuscated \
     entries(limit: $limit) { id name total } } } }",
    window_vars!(r#", "categorizeBy": "{categorize_by}""#),
    &["CYBER_SECURITY", "cyber_security_location"],
)
.rows("entries")
.limit("limit");

const PARAMS: &[Param] = &[START_16, END_DAYS_AGO, START_TIME, END_TIME, LIMIT];

pub static TOOLS: &[ToolDeclaration] = &[
    ZINS_CYBER_SECURITY
        .list(
            "zins_get_cyber_incidents",
            "Cyber incidents",
            "Security incident totals in the window, grouped by the given dimensions (threat \
             category by default); a second dimension nests under the first.",
        )
        .routes(&[
            Route::graphql(PATH, &INCIDENTS)
                .when(When::Has("categorize_by"))
                .window(&FORTNIGHT),
            Route::graphql(PATH, &BY_THREAT).window(&FORTNIGHT),
        ])
        .params(&[
            START_16,
            END_DAYS_AGO,
            START_TIME,
            END_TIME,
            Param::strings(
                "categorize_by",
                "One or two groupings; default THREAT_CATEGORY_ID.",
            )
            .one_of(&[
                "THREAT_CATEGORY_ID",
                "APP_ID",
                "TIME",
                "USER_ID",
                "SRC_COUNTRY",
            ]),
            LIMIT,
        ]),
    ZINS_CYBER_SECURITY
        .list(
            "zins_get_cyber_incidents_by_location",
            "Cyber incidents by location",
            "Security incident totals in the window per location (or per app, user or \
             department), with ids.",
        )
        .routes(&[Route::graphql(PATH, &BY_LOCATION).window(&FORTNIGHT)])
        .params(&[
            START_16,
            END_DAYS_AGO,
            START_TIME,
            END_TIME,
            Param::string("categorize_by", "Grouping dimension.")
                .one_of(&["LOCATION_ID", "APP_ID", "USER_ID", "DEPARTMENT_ID"])
                .default(Lit::Str("LOCATION_ID")),
            LIMIT,
        ]),
    ZINS_CYBER_SECURITY
        .list(
            "zins_get_cyber_incidents_by_threat_and_app",
            "Cyber incidents by threat and app",
            "Security incident totals in the window per threat category, each with its \
             applications.",
        )
        .routes(&[Route::graphql(PATH, &BY_THREAT_AND_APP).window(&FORTNIGHT)])
        .params(PARAMS),
    ZINS_CYBER_SECURITY
        .list(
            "zins_get_cyber_incidents_daily",
            "Cyber incidents per day",
            "Security incident totals for each day of the window, oldest first.",
        )
        .routes(&[Route::graphql(PATH, &DAILY).window(&FORTNIGHT)])
        .params(PARAMS),
];
