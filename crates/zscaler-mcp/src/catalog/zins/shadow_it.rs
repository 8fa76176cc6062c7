//! Z-Insights shadow IT: discovered applications and their summary.

use super::{END_DAYS_AGO, END_TIME, FORTNIGHT, LIMIT, PATH, START_9, START_16, START_TIME, WEEK};
use crate::catalog::toolsets::ZINS_SHADOW_IT;
use crate::catalog::{Graphql, Route, ToolDeclaration};

const APPS: Graphql = Graphql::query(
    "ShadowITApps",
    "query ShadowITApps($startTime: Long!, $endTime: Long!, $limit: Int) { SHADOW_IT { \
     apps(start_time: $startTime, end_time: $endTime) { obfuscated entries(limit: $limit) { \
     application application_category risk_index computed_risk_index sanctioned_state \
     integration data_consumed data_uploaded data_downloaded authenticated_users \
     unAuthenticated_location_count last_access_time vulnerability undiscovered \
     custom_risk_index } } } }",
    window_vars!(),
    &["SHADOW_IT", "apps"],
)
.rows("entries")
.limit("limit");

/// A grouping of the summary: categories with their applications.
macro_rules! by_category {
    ($field:literal) => {
        concat!(
            $field,
            " { obfuscated entries { name total entries { name total } } } "
        )
    };
}

const SUMMARY: Graphql = Graphql::query(
    "ShadowITSummary",
    concat!(
        "query ShadowITSummary($startTime: Long!, $endTime: Long!) { SHADOW_IT { ",
        "shadow_it_summary(start_time: $startTime, end_time: $endTime) { total_upload_bytes ",
        "total_download_bytes total_apps total_bytes ",
        by_category!("group_by_app_cat_for_app"),
        by_category!("group_by_app_cat_for_user_count"),
        by_category!("group_by_app_cat_for_upload_bytes"),
        by_category!("group_by_app_cat_for_download_bytes"),
        by_category!("group_by_app_cat_for_total_bytes"),
        "group_by_risk_index_for_app { obfuscated entries { name total } } ",
        "group_by_provisioning_status_for_app { obfuscated entries { name total } } ",
        "group_by_access_for_app { obfuscated entries { name total } } } } }"
    ),
    r#"{"startTime": "{@start}", "endTime": "{@end}"}"#,
    &["SHADOW_IT", "shadow_it_summary"],
);

pub static TOOLS: &[ToolDeclaration] = &[
    ZINS_SHADOW_IT
        .list(
            "zins_get_shadow_it_apps",
            "Shadow IT apps",
            "Discovered cloud applications with category, risk, sanction state, data volumes, \
             users and last access in the window.",
        )
        .routes(&[Route::graphql(PATH, &APPS).window(&WEEK)])
        .params(&[START_9, END_DAYS_AGO, START_TIME, END_TIME, LIMIT]),
    ZINS_SHADOW_IT
        .get(
            "zins_get_shadow_it_summary",
            "Shadow IT summary",
            "Shadow IT totals (apps, bytes up and down) and apps grouped by category, risk, \
             sanction state and access in the window.",
        )
        .routes(&[Route::graphql(PATH, &SUMMARY).window(&FORTNIGHT)])
        .params(&[START_16, END_DAYS_AGO, START_TIME, END_TIME]),
];
