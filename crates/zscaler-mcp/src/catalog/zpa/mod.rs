//! ZPA tools, one module per toolset.

pub mod access_policies;
pub mod app_connector_groups;
pub mod app_segments;
pub mod application_servers;
pub mod ba_certificates;
pub mod common;
pub mod conditions;
pub mod connectors;
pub mod idp;
pub mod misc;
pub mod pra;
pub mod provisioning_keys;
pub mod segment_groups;
pub mod server_groups;
pub mod service_edge_groups;

use super::ToolDeclaration;
use super::conventions::{
    Conventions, Envelope, Ids, Search, ServicePaging, TenantId, TenantSource,
};
use crate::client::paging::Paging;

/// Every ZPA tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        misc::TOOLS,
        app_segments::TOOLS,
        provisioning_keys::TOOLS,
        idp::TOOLS,
        connectors::TOOLS,
        service_edge_groups::TOOLS,
        access_policies::TOOLS,
        app_connector_groups::TOOLS,
        application_servers::TOOLS,
        ba_certificates::TOOLS,
        pra::TOOLS,
        segment_groups::TOOLS,
        server_groups::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// Rows in one ZPA page when the server walks every page (the API's maximum).
pub const PAGE_SIZE: u32 = 500;

/// Operators a ZPA search expression may already carry.
const SEARCH_OPERATORS: &[&str] = &[
    "+EQ+",
    "+NE+",
    "+GT+",
    "+LT+",
    "+GE+",
    "+LE+",
    "+CONTAINS+",
    "+STARTSWITH+",
    "+ENDSWITH+",
];

/// ZPA's conventions: `name+EQ+` search expressions, `{"list", "totalPages", "totalCount"}`
/// pages of `page`/`pagesize`, microtenant scope, the customer id in every path.
pub static CONVENTIONS: Conventions = Conventions {
    ids: Ids::Text,
    search: Some(Search {
        prefix: "name+EQ+",
        operators: SEARCH_OPERATORS,
    }),
    envelope: Envelope {
        rows: Some("list"),
        total_pages: Some("totalPages"),
        total: Some("totalCount"),
    },
    paging: Some(ServicePaging {
        page: "page",
        size: "pagesize",
        paging: Paging::Zpa {
            page_size: PAGE_SIZE,
        },
    }),
    scope_keys: &["microtenantId"],
    tenant_id: Some(TenantId {
        placeholder: "customerId",
        source: TenantSource::CustomerId,
        missing: "ZPA calls need the tenant's customer id: set ZSCALER_CUSTOMER_ID.",
    }),
    staged_note: None,
    epoch_fields: &[],
};
