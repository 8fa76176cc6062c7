//! EASM (External Attack Surface Management) tools, one module per toolset.

pub mod findings;
pub mod lookalike_domains;
pub mod organizations;

use super::conventions::{Conventions, Envelope, ServicePaging};
use super::{Param, ToolDeclaration};
use crate::client::paging::Paging;

/// Every EASM tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        organizations::TOOLS,
        findings::TOOLS,
        lookalike_domains::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// EASM's conventions: snake_case records, lists as `{"results", "total_results"}` in one
/// answer (no paging parameters); a list shorter than its total is reported incomplete.
pub static CONVENTIONS: Conventions = Conventions {
    envelope: Envelope {
        rows: Some("results"),
        total_pages: None,
        total: Some("total_results"),
    },
    paging: Some(ServicePaging {
        page: "page",
        size: "page_size",
        paging: Paging::Easm,
    }),
    ..Conventions::PLAIN
};

/// The organization every finding and lookalike domain belongs to.
pub const ORG_ID: Param =
    Param::string("org_id", "Organization id (zeasm_list_organizations).").required();
