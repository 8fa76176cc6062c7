//! ZCC forwarding profiles: how Client Connector forwards traffic per network type.

use crate::catalog::toolsets::ZCC_FORWARDING_PROFILES;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[ZCC_FORWARDING_PROFILES
    .list(
        "zcc_list_forwarding_profiles",
        "List forwarding profiles",
        "Forwarding profiles with their per-network ZIA and ZPA actions and trusted networks; \
         all pages unless page is given.",
    )
    .routes(&[
        Route::get("/zcc/papi/public/v1/webForwardingProfile/listByCompany")
            .query(&[
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
                ("search", "{search}"),
            ])
            .paged(),
    ])
    .params(&[
        Param::string("search", "Substring of the profile name."),
        Param::integer("page", "1-based page; omit for every page.").min(1),
        Param::integer("page_size", "Rows per page.").min(1),
    ])];
