//! ZCC (Client Connector) tools, one module per toolset.

pub mod devices;
pub mod forwarding_profiles;
pub mod trusted_networks;

use super::ToolDeclaration;
use super::conventions::{Conventions, Envelope, ServicePaging};
use crate::client::paging::Paging;

/// Every ZCC tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        devices::TOOLS,
        forwarding_profiles::TOOLS,
        trusted_networks::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// Rows in one ZCC page when the server walks every page (the API's maximum).
pub const PAGE_SIZE: u32 = 5000;

/// ZCC's conventions: 1-based `page`/`pageSize` pages of bare arrays, except trusted networks,
/// whose rows sit under `trustedNetworkContracts` next to `totalCount`.
pub static CONVENTIONS: Conventions = Conventions {
    envelope: Envelope {
        rows: Some("trustedNetworkContracts"),
        total_pages: None,
        total: Some("totalCount"),
    },
    paging: Some(ServicePaging {
        page: "page",
        size: "pageSize",
        paging: Paging::PageArray {
            page: "page",
            size: "pageSize",
            page_size: PAGE_SIZE,
        },
    }),
    ..Conventions::PLAIN
};
