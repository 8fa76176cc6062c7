//! ZDX (Digital Experience) tools, one module per toolset.
//!
//! What ZDX calls share is declared here once: the `since` window (hours back, sent as
//! `from`/`to` epoch seconds), the scope filters (`location_id`, `department_id`, `geo_id`,
//! sent as repeated `loc`, `dept`, `geo`), the cursor lists (rows under a key of each
//! endpoint, `offset`/`limit`, `next_offset`) and the epoch fields answered also as RFC 3339.

pub mod alerts;
pub mod reports;
pub mod software_inventory;
pub mod troubleshooting;

use super::conventions::{Conventions, Envelope};
use super::{Param, Route, ToolDeclaration, Window};
use crate::client::paging::Paging;

/// Every ZDX tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        alerts::TOOLS,
        reports::TOOLS,
        software_inventory::TOOLS,
        troubleshooting::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// Rows per request while the server walks a cursor list.
pub const PAGE_SIZE: u32 = 500;

/// Fields of ZDX answers holding epoch seconds: each also gets an RFC 3339 `<field>_iso`.
pub const EPOCH_FIELDS: &[&str] = &[
    "timestamp",
    "started_on",
    "ended_on",
    "created_at",
    "started_at",
    "ended_at",
    "start_time",
    "end_time",
    "last_seen",
    "install_date",
    "t0",
    "t1",
];

/// ZDX's conventions: snake_case both ways, string ids; the `get_results` lists answer a bare
/// array or `{"items": [...]}`; cursor lists declare their own rows key per route
/// ([`cursor`]); epoch seconds are also rendered as RFC 3339 ([`EPOCH_FIELDS`]).
pub static CONVENTIONS: Conventions = Conventions {
    envelope: Envelope {
        rows: Some("items"),
        total_pages: None,
        total: None,
    },
    epoch_fields: EPOCH_FIELDS,
    ..Conventions::PLAIN
};

/// The window of every call taking `since`: that many hours back (default 2) to now, at most
/// 14 days (the API refuses longer windows).
pub const SINCE_WINDOW: Window = Window::hours("since", 2).max_span(336);

/// A cursor list whose rows sit under `key`: every page is walked, unless the call gives an
/// `offset` (then that page and the `offset` of the next).
pub const fn cursor(route: Route, key: &'static str) -> Route {
    route.walk(
        Paging::ZdxCursor {
            key,
            limit: PAGE_SIZE,
        },
        Some("offset"),
    )
}

/// The window's bounds.
pub const WINDOW: &[(&str, &str)] = &[("from", "{@start}"), ("to", "{@end}")];
/// The window's bounds and the scope filters.
pub const WINDOW_SCOPE: &[(&str, &str)] = &[
    ("from", "{@start}"),
    ("to", "{@end}"),
    ("loc", "{location_id}"),
    ("dept", "{department_id}"),
    ("geo", "{geo_id}"),
];

/// Hours back from now.
pub const SINCE: Param =
    Param::integer("since", "Hours back from now; default 2, at most 336.").min(1);
/// Hours back from now, as the alert tools bound it.
pub const SINCE_336: Param =
    Param::integer("since", "Hours back from now; default 2.").range(1, 336);
pub const LOCATION_ID: Param = Param::strings(
    "location_id",
    "Location ids (zdx_list_locations); sent as loc.",
);
pub const DEPARTMENT_ID: Param = Param::strings(
    "department_id",
    "Department ids (zdx_list_departments); sent as dept.",
);
pub const GEO_ID: Param = Param::strings(
    "geo_id",
    "Geolocation ids, e.g. us.california.san_jose; sent as geo.",
);
pub const OFFSET: Param = Param::string(
    "offset",
    "Cursor (next.offset of an earlier answer): only that page is returned.",
);
pub const LIMIT: Param = Param::integer("limit", "Rows per request.").min(1);

pub const APP_ID: Param =
    Param::string("app_id", "Application id (zdx_list_applications).").required();
pub const DEVICE_ID: Param = Param::string("device_id", "Device id (zdx_list_devices).").required();
pub const TRACE_ID: Param =
    Param::string("trace_id", "Deep trace id (zdx_list_device_deep_traces).").required();
pub const USER_IDS: Param = Param::strings("user_ids", "User ids; sent as userIds.");
pub const DEVICE_IDS: Param = Param::strings("device_ids", "Device ids; sent as deviceIds.");
