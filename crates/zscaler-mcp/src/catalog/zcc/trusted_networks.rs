//! ZCC trusted networks: the network conditions forwarding profiles treat as on-premises.

use super::PAGE_SIZE;
use crate::catalog::toolsets::ZCC_TRUSTED_NETWORKS;
use crate::catalog::{Param, Route, ToolDeclaration};
use crate::client::paging::Paging;

const PATH: &str = "/zcc/papi/public/v1/webTrustedNetwork/listByCompany";

/// Numbered pages whose rows sit under `trustedNetworkContracts`, counted by `totalCount`.
const PAGING: Paging = Paging::PageObject {
    page: "page",
    size: "pageSize",
    page_size: PAGE_SIZE,
    rows: "trustedNetworkContracts",
    total: "totalCount",
};

pub static TOOLS: &[ToolDeclaration] = &[ZCC_TRUSTED_NETWORKS
    .list(
        "zcc_list_trusted_networks",
        "List trusted networks",
        "Trusted network definitions (DNS, gateways, subnets, egress IPs) used by forwarding \
         profiles; every page unless page is given.",
    )
    .routes(&[Route::get(PATH)
        .query(&[
            ("page", "{page}"),
            ("pageSize", "{page_size}"),
            ("search", "{search}"),
        ])
        .walk(PAGING, Some("page"))])
    .params(&[
        Param::string("search", "Substring of the network name."),
        Param::integer("page", "1-based page; omit for every page.").min(1),
        Param::integer("page_size", "Rows per page.").min(1),
    ])];
