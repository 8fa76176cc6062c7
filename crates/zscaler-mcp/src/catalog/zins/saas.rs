//! Z-Insights SaaS security: the CASB application report.

use super::{END_DAYS_AGO, END_TIME, LIMIT, PATH, START_9, START_TIME, WEEK};
use crate::catalog::toolsets::ZINS_SAAS;
use crate::catalog::{Graphql, Route, ToolDeclaration};

const CASB: Graphql = Graphql::query(
    "CasbAppReport",
    "query CasbAppReport($startTime: Long!, $endTime: Long!, $limit: Int) { SAAS_SECURITY { \
     casb_app(start_time: $startTime, end_time: $endTime) { obfuscated entries(limit: $limit) \
     { name total } } } }",
    window_vars!(),
    &["SAAS_SECURITY", "casb_app"],
)
.rows("entries")
.limit("limit");

pub static TOOLS: &[ToolDeclaration] = &[ZINS_SAAS
    .list(
        "zins_get_casb_app_report",
        "CASB app report",
        "SaaS applications seen by CASB in the window, with their event totals, largest first.",
    )
    .routes(&[Route::graphql(PATH, &CASB).window(&WEEK)])
    .params(&[START_9, END_DAYS_AGO, START_TIME, END_TIME, LIMIT])];
