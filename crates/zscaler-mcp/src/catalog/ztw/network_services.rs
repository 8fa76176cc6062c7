//! ZTW network services and network service groups.

use super::SEARCH;
use crate::catalog::toolsets::ZTW;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZTW.list(
        "ztw_list_network_service_groups",
        "List network service groups",
        "Every network service group with its member services.",
    )
    .routes(&[Route::get("/ztw/api/v1/networkServiceGroups")
        .query(&[("search", "{search}")])
        .list()])
    .params(&[SEARCH]),
    ZTW.list(
        "ztw_list_network_services",
        "List network services",
        "Every network service with its TCP and UDP source and destination port ranges.",
    )
    .routes(&[Route::get("/ztw/api/v1/networkServices")
        .query(&[
            ("protocol", "{protocol}"),
            ("search", "{search}"),
            ("locale", "{locale}"),
        ])
        .list()])
    .params(&[
        Param::string("protocol", "Only services using this protocol.")
            .one_of(&["TCP", "UDP", "ICMP", "OTHER"]),
        SEARCH,
        Param::string("locale", "Language of descriptions, e.g. en-US."),
    ]),
];
