//! ZTW administrators and admin roles.

use super::SEARCH;
use crate::catalog::toolsets::ZTW;
use crate::catalog::{Filter, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZTW.list(
        "ztw_list_admins",
        "List Cloud Connector admins",
        "Cloud & Branch Connector administrators with role, scope and status; every page unless \
         page is given.",
    )
    .routes(&[Route::get("/ztw/api/v1/adminUsers")
        .query(&[
            ("includeAuditorUsers", "{include_auditor_users}"),
            ("includeAdminUsers", "{include_admin_users}"),
            ("includeApiRoles", "{include_api_roles}"),
            ("search", "{search}"),
            ("page", "{page}"),
            ("pageSize", "{page_size}"),
            ("version", "{version}"),
        ])
        .pages("page", "pageSize", 1000)])
    .params(&[
        Param::boolean(
            "include_auditor_users",
            "Include auditors (API default: no).",
        ),
        Param::boolean(
            "include_admin_users",
            "Include non-auditor admins (API default: yes).",
        ),
        Param::boolean("include_api_roles", "Include admins holding API roles."),
        Param::string("search", "Substring of login name, user name or email."),
        Param::integer("page", "1-based page; omit for every page.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 1000),
        Param::integer("version", "Admin record version to read."),
    ]),
    ZTW.list(
        "ztw_list_roles",
        "List Cloud Connector admin roles",
        "Admin roles with access levels and permissions; auditor, partner and API roles only \
         when asked for.",
    )
    .routes(&[Route::get("/ztw/api/v1/adminRoles")
        .query(&[
            ("includeAuditorRole", "{include_auditor_role}"),
            ("includePartnerRole", "{include_partner_role}"),
            ("includeApiRoles", "{include_api_roles}"),
            ("id", "{role_ids}"),
        ])
        .list()
        .filters(&[Filter::contains("search", &["name"])])])
    .params(&[
        Param::boolean("include_auditor_role", "Include the auditor role."),
        Param::boolean("include_partner_role", "Include partner admin roles."),
        Param::boolean("include_api_roles", "Include API roles."),
        Param::strings("role_ids", "Only these role ids."),
        SEARCH,
    ]),
];
