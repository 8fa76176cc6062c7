//! ZTW public cloud discovery: the workload discovery role, the discovered cloud accounts.

use super::SEARCH;
use crate::catalog::toolsets::ZTW;
use crate::catalog::{Param, Route, ToolDeclaration};

/// `page` of a numbered list; the reference accepts 0.
const PAGE: Param = Param::integer("page", "Page (first is 1); omit for every page.").min(0);
const PAGE_SIZE: Param = Param::integer("page_size", "Rows per page.").range(1, 1000);

pub static TOOLS: &[ToolDeclaration] = &[
    ZTW.get(
        "ztw_get_discovery_settings",
        "Get workload discovery settings",
        "The IAM role, external id and trusted account Zscaler uses to discover cloud workloads.",
    )
    .routes(&[Route::get(
        "/ztw/api/v1/discoveryService/workloadDiscoverySettings",
    )]),
    ZTW.list(
        "ztw_list_public_account_details",
        "List public cloud account details",
        "Discovered public cloud accounts with account id, cloud, status, regions and last sync; \
         every page unless page is given.",
    )
    .routes(&[Route::get("/ztw/api/v1/publicCloudAccountDetails")
        .query(&[("page", "{page}"), ("pageSize", "{page_size}")])
        .pages("page", "pageSize", 1000)])
    .params(&[PAGE, PAGE_SIZE]),
    ZTW.list(
        "ztw_list_public_cloud_info",
        "List public cloud accounts",
        "Onboarded public cloud accounts with permission status, account groups and region \
         status; every page unless page is given.",
    )
    .routes(&[Route::get("/ztw/api/v1/publicCloudInfo")
        .query(&[
            ("page", "{page}"),
            ("pageSize", "{page_size}"),
            ("search", "{search}"),
            ("cloudType", "{cloud_type}"),
        ])
        .pages("page", "pageSize", 1000)])
    .params(&[
        PAGE,
        PAGE_SIZE,
        SEARCH,
        Param::string("cloud_type", "Only this cloud.").one_of(&["AWS", "AZURE", "GCP"]),
    ]),
];
