//! Z-Insights (`zins`) tools: GraphQL analytics posted to `/zins/graphql`, one module per
//! toolset. Reports take a time window of exactly 7 or 14 days (epoch milliseconds), computed
//! from `start_days_ago`/`end_days_ago` or given as `start_time`/`end_time`, and answer
//! `{"data": {"<DOMAIN>": {"<report>": {"obfuscated", "entries": [...]}}}}`: the rows are the
//! entries, at most `limit` of them.

/// The variables of a windowed report: its bounds, `limit`, and the report's own.
macro_rules! window_vars {
    ($($more:literal),*) => {
        concat!(
            r#"{"startTime": "{@start}", "endTime": "{@end}", "limit": "{limit}""#,
            $($more,)*
            "}"
        )
    };
}

pub mod cyber_security;
pub mod firewall;
pub mod iot;
pub mod saas;
pub mod shadow_it;
pub mod web_traffic;

use super::{Lit, Param, ToolDeclaration, Window};

/// Every Z-Insights tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        cyber_security::TOOLS,
        firewall::TOOLS,
        iot::TOOLS,
        saas::TOOLS,
        shadow_it::TOOLS,
        web_traffic::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// The one Z-Insights endpoint.
pub const PATH: &str = "/zins/graphql";

/// The window of most reports: 9 to 2 days ago (7 days) unless the caller says otherwise.
pub const WEEK: Window = Window::days("start_days_ago", 9)
    .until("end_days_ago", 2)
    .explicit("start_time", "end_time")
    .millis()
    .spans(&[7, 14]);

/// The window of the incident and shadow-IT summary reports: 16 to 2 days ago (14 days).
pub const FORTNIGHT: Window = Window::days("start_days_ago", 16)
    .until("end_days_ago", 2)
    .explicit("start_time", "end_time")
    .millis()
    .spans(&[7, 14]);

const START_DAYS_AGO: Param = Param::integer(
    "start_days_ago",
    "Window start, in days ago; the window must span exactly 7 or 14 days.",
)
.min(1);
/// `start_days_ago` of a [`WEEK`] window.
pub const START_9: Param = START_DAYS_AGO.default(Lit::Int(9));
/// `start_days_ago` of a [`FORTNIGHT`] window.
pub const START_16: Param = START_DAYS_AGO.default(Lit::Int(16));
pub const END_DAYS_AGO: Param = Param::integer("end_days_ago", "Window end, in days ago.")
    .min(1)
    .default(Lit::Int(2));
pub const START_TIME: Param = Param::integer(
    "start_time",
    "Window start, epoch ms; with end_time, replaces the days-ago arguments.",
);
pub const END_TIME: Param = Param::integer(
    "end_time",
    "Window end, epoch ms (7 or 14 days after start_time).",
);

/// The `limit` argument of the reports.
pub const LIMIT: Param = Param::integer("limit", "Most entries to return, largest first.")
    .range(1, 1000)
    .default(Lit::Int(50));
