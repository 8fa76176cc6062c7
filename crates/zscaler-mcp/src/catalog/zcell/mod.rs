//! ZCell (Zscaler Cellular) tools, one module per toolset. Every path carries ZCell's own
//! customer id (`ZCELL_CUSTOMER_ID`), filled in from the server's configuration.

pub mod anomaly_policy;
pub mod audit_data_handling;
pub mod customer_data_handling;
pub mod customer_region_handling;
pub mod network_events;
pub mod sim_analytics;
pub mod sim_handling;
pub mod sim_location_groups;
pub mod tag_handling;

use super::conventions::{Conventions, Envelope, ServicePaging, TenantId, TenantSource};
use super::{Lit, Param, ToolDeclaration, Window};
use crate::client::paging::Paging;

/// Every ZCell tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        anomaly_policy::TOOLS,
        audit_data_handling::TOOLS,
        customer_data_handling::TOOLS,
        customer_region_handling::TOOLS,
        network_events::TOOLS,
        sim_analytics::TOOLS,
        sim_handling::TOOLS,
        sim_location_groups::TOOLS,
        tag_handling::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// Rows in one ZCell page when the server walks every page (the API's maximum `size`).
pub const PAGE_SIZE: u32 = 100;

/// ZCell's conventions: the customer id in every path; pages 0-based `page` with `size` (at
/// most 100) answering `{"content", "totalPages", "totalElements", ...}`, in the query, or in
/// the body of the POST searches (routes declared `.paged_in_body()`); single records and
/// unpaged analytics come back bare.
pub static CONVENTIONS: Conventions = Conventions {
    envelope: Envelope {
        rows: Some("content"),
        total_pages: Some("totalPages"),
        total: Some("totalElements"),
    },
    paging: Some(ServicePaging {
        page: "page",
        size: "size",
        paging: Paging::Zcell {
            in_body: false,
            size: PAGE_SIZE,
        },
    }),
    tenant_id: Some(TenantId {
        placeholder: "zcellCustomerId",
        source: TenantSource::ZcellCustomerId,
        missing: "ZCell calls need ZCell's customer id: set ZCELL_CUSTOMER_ID.",
    }),
    ..Conventions::PLAIN
};

/// The customer prefix of most ZCell paths.
pub const CUSTOMER: &str = "/zcell/config/api/v1/customers/{zcellCustomerId}";

/// One asked page (0-based); without it every page is gathered.
pub const PAGE: Param = Param::integer("page", "0-based page; omit to gather every page.").min(0);
/// Rows per page.
pub const SIZE: Param = Param::integer("size", "Rows per page, 1-100.").range(1, 100);
/// The query of a paged GET.
pub const PAGING: &[(&str, &str)] = &[("page", "{page}"), ("size", "{size}")];

/// How many days back the window starts; it ends now.
pub const DAYS: Param = Param::integer("days", "Days back from now the window covers, 1-365.")
    .range(1, 365)
    .default(Lit::Int(7));
/// The reference's `days` window: from `days` ago to now, in epoch seconds, at most 365 days.
pub static WINDOW: Window = Window::days("days", 7).max_span(365);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Verb;

    #[test]
    fn the_post_searches_are_reads_and_may_be_retried() {
        let posts: Vec<&str> = tools()
            .filter(|t| t.declared_routes().iter().any(|r| r.verb == Verb::Post))
            .map(|t| t.name)
            .collect();
        assert_eq!(posts.len(), 4, "{posts:?}");
        for t in tools() {
            assert!(!t.action.is_write(), "{}", t.name);
            for r in t.declared_routes() {
                assert!(r.verb != Verb::Post || r.read_only, "{}", t.name);
            }
        }
    }

    #[test]
    fn every_path_carries_the_zcell_customer_id_or_says_how_to_set_it() {
        let id = CONVENTIONS.tenant_id.expect("ZCell declares its tenant id");
        assert_eq!(id.source, TenantSource::ZcellCustomerId);
        assert!(id.missing.contains("ZCELL_CUSTOMER_ID"), "{}", id.missing);
        let placeholder = format!("{{{}}}", id.placeholder);
        for t in tools() {
            for r in t.declared_routes() {
                // The audit metadata is the one path without a customer.
                assert!(
                    r.path.contains(&placeholder) || r.path.ends_with("/audit/metadata"),
                    "{}: {}",
                    t.name,
                    r.path
                );
            }
        }
    }
}
