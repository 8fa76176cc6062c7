//! ZMS (Zscaler Microsegmentation) tools: GraphQL queries posted to `/zms/graphql`, one `zms`
//! toolset. Every root field takes the tenant's customer id (`ZSCALER_CUSTOMER_ID`), filled in
//! by the server; lists are connections (`nodes`, `pageInfo`) walked page by page unless the
//! caller asks for one page.

/// The page info every connection document selects.
macro_rules! page_info {
    () => {
        "pageInfo { pageNumber pageSize totalCount totalPages }"
    };
}

pub mod agents;
pub mod policies;
pub mod resources;
pub mod tags;

use super::conventions::{Conventions, TenantId, TenantSource};
use super::{GraphqlPages, Lit, Param, ToolDeclaration};

/// Every ZMS tool.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        agents::TOOLS,
        policies::TOOLS,
        resources::TOOLS,
        tags::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// The one ZMS endpoint.
pub const PATH: &str = "/zms/graphql";

/// Nodes per page when the server walks every page (the largest page the reference asks for).
pub const PAGE_SIZE: u32 = 100;

/// Connections paged by `pageNum`/`pageSize`, filled from `page_num`/`page_size`.
pub const PAGE_NUM: GraphqlPages = GraphqlPages {
    page_var: "pageNum",
    page_arg: "page_num",
    size_var: "pageSize",
    page_size: PAGE_SIZE,
};

/// Connections paged by `page`/`pageSize` (agents, agent groups, nonces).
pub const PAGE: GraphqlPages = GraphqlPages {
    page_var: "page",
    page_arg: "page",
    ..PAGE_NUM
};

/// The page arguments. Their defaults are the API's own, advertised but not applied: without a
/// page, every page is walked.
pub const PAGE_NUM_PARAM: Param = Param::integer("page_num", "1-based page; omit for every page.")
    .min(1)
    .api_default(Lit::Int(1));
pub const PAGE_PARAM: Param = Param::integer("page", "1-based page; omit for every page.")
    .min(1)
    .api_default(Lit::Int(1));
pub const PAGE_SIZE_PARAM: Param = Param::integer("page_size", "Rows per page.")
    .range(1, 100)
    .api_default(Lit::Int(20));

/// Sort directions (the API's `SortDirection` and `SortOrder` enums).
pub const DIRECTIONS: &[&str] = &["ASC", "DESC"];

/// ZMS conventions: the customer id every query carries.
pub static CONVENTIONS: Conventions = Conventions {
    tenant_id: Some(TenantId {
        placeholder: "customerId",
        source: TenantSource::CustomerId,
        missing: "ZMS calls need the tenant's customer id: set ZSCALER_CUSTOMER_ID.",
    }),
    ..Conventions::PLAIN
};
