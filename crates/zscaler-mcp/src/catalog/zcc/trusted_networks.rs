//! ZCC trusted networks: the network conditions forwarding profiles treat as on-premises.

use super::PAGE_SIZE;
use crate::catalog::toolsets::ZCC_TRUSTED_NETWORKS;
use crate::catalog::{Param, Route, ToolDeclaration, When};

const PATH: &str = "/zcc/papi/public/v1/webTrustedNetwork/listByCompany";

// The answer wraps its rows (`trustedNetworkContracts`, next to `totalCount`), which the walk
// over every page does not read; so it is always read as one asked page: without `page`, page 1
// of the largest size (the `5000` below), whose answer says so explicitly when more rows follow.
const _: () = assert!(PAGE_SIZE == 5000);

pub static TOOLS: &[ToolDeclaration] = &[ZCC_TRUSTED_NETWORKS
    .list(
        "zcc_list_trusted_networks",
        "List trusted networks",
        "Trusted network definitions (DNS, gateways, subnets, egress IPs) used by forwarding \
         profiles.",
    )
    .routes(&[
        Route::get(PATH)
            .when(When::Has("page"))
            .query(&[
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
                ("search", "{search}"),
            ])
            .paged(),
        Route::get(PATH)
            .when(When::Has("page_size"))
            .query(&[
                ("page", "1"),
                ("pageSize", "{page_size}"),
                ("search", "{search}"),
            ])
            .paged(),
        Route::get(PATH)
            .query(&[("page", "1"), ("pageSize", "5000"), ("search", "{search}")])
            .paged(),
    ])
    .params(&[
        Param::string("search", "Substring of the network name."),
        Param::integer("page", "1-based page; omit for the first 5000 rows.").min(1),
        Param::integer("page_size", "Rows per page.").min(1),
    ])];
