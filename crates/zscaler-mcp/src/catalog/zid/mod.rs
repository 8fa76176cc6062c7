//! ZIdentity tools, one module per toolset.

pub mod groups;
pub mod users;

use super::conventions::{Conventions, Envelope, ServicePaging};
use super::{Param, ToolDeclaration};
use crate::client::paging::Paging;

/// Every ZIdentity tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [groups::TOOLS, users::TOOLS].into_iter().flatten()
}

/// Rows in one ZIdentity request when the server walks the list (the API's maximum `limit`).
pub const PAGE_SIZE: u32 = 1000;

/// ZIdentity's conventions: opaque string ids; lists as `{"records", "results_total",
/// "next_link", ...}` read by `offset`/`limit`.
///
/// ZIdentity has no page number, only a row offset: a given `offset` is where the walk
/// starts, and the walk goes on to the end of the list (or to the row/byte caps, whose
/// continuation is the `offset` to ask for next). The page key below is one ZIdentity never
/// sends, so no call is read as "one numbered page".
pub static CONVENTIONS: Conventions = Conventions {
    envelope: Envelope {
        rows: Some("records"),
        total_pages: None,
        total: Some("results_total"),
    },
    paging: Some(ServicePaging {
        page: "page",
        size: "limit",
        paging: Paging::ZidOffset { limit: PAGE_SIZE },
    }),
    ..Conventions::PLAIN
};

/// Where the walk over a list starts.
pub const OFFSET: Param = Param::integer(
    "offset",
    "First row to gather (0-based); earlier rows are left out.",
)
.min(0);
/// Rows per request while the list is walked.
pub const LIMIT: Param =
    Param::integer("limit", "Rows per request while gathering.").range(1, 1000);

/// The query of a list: the window (`offset`, `limit`), no filters.
pub const WINDOW: &[(&str, &str)] = &[("offset", "{offset}"), ("limit", "{limit}")];
