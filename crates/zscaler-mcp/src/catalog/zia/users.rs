//! ZIA users, user groups and departments (read-only).

use super::common;
use crate::catalog::toolsets::ZIA_USERS;
use crate::catalog::{Filter, Lit, Param, Route, Rule, ToolDeclaration, When};

const SORT_ORDER: Param =
    Param::string("sort_order", "Sort direction.").one_of(&["asc", "desc", "rule_execution"]);

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_USERS
        .list(
            "get_zia_user_departments",
            "Get departments",
            "All pages unless page given; department_id returns one.",
        )
        .routes(&[
            Route::get("/zia/api/v1/departments/lite/{department_id}").when(When::Both(
                &When::Has("department_id"),
                &When::Is("action", "read_lite"),
            )),
            Route::get("/zia/api/v1/departments/{department_id}").when(When::Has("department_id")),
            Route::get("/zia/api/v1/departments")
                .when(When::Is("action", "read"))
                .query(&[
                    ("limitSearch", "{limit_search}"),
                    ("search", "{search}"),
                    ("page", "{page}"),
                    ("pageSize", "{page_size}"),
                    ("sortBy", "{sort_by}"),
                    ("sortOrder", "{sort_order}"),
                ])
                .pages("page", "pageSize", 1000),
        ])
        .params(&[
            Param::string("action", "read_lite: id and name; needs department_id.")
                .one_of(&["read", "read_lite"])
                .default(Lit::Str("read")),
            Param::string(
                "department_id",
                "Department id; required with action read_lite.",
            ),
            Param::boolean("limit_search", "Search names only."),
            Param::string("search", "Search text."),
            common::PAGE,
            common::PAGE_SIZE,
            Param::string("sort_by", "Sort field.").one_of(&[
                "id",
                "name",
                "expiry",
                "status",
                "external_id",
                "rank",
            ]),
            SORT_ORDER,
        ])
        .requires(&[Rule::Needs(
            When::Is("action", "read_lite"),
            &["department_id"],
        )]),
    ZIA_USERS
        .list(
            "get_zia_user_groups",
            "Get user groups",
            "All pages unless page given; group_id returns one.",
        )
        .routes(&[
            Route::get("/zia/api/v1/groups/{group_id}").when(When::Has("group_id")),
            Route::get("/zia/api/v1/groups")
                .query(&[
                    ("pageSize", "{page_size}"),
                    ("search", "{search}"),
                    ("definedBy", "{defined_by}"),
                    ("page", "{page}"),
                    ("sortBy", "{sort_by}"),
                    ("sortOrder", "{sort_order}"),
                ])
                .pages("page", "pageSize", 1000)
                .filters(&[Filter::contains("name", &["name"])]),
        ])
        .params(&[
            Param::string("group_id", "Group id."),
            Param::string("name", "Name substring."),
            Param::string("search", "Name search text."),
            Param::string("defined_by", "Source, e.g. SCIM, LDAP."),
            common::PAGE,
            common::PAGE_SIZE,
            Param::string("sort_by", "Sort field.").one_of(&[
                "id",
                "name",
                "expiry",
                "status",
                "external_id",
                "rank",
                "mod_time",
            ]),
            SORT_ORDER,
        ]),
    ZIA_USERS
        .list(
            "get_zia_users",
            "Get users",
            "With departments and groups; all pages unless page given; user_id returns one.",
        )
        .routes(&[
            Route::get("/zia/api/v1/users/{user_id}").when(When::Has("user_id")),
            Route::get("/zia/api/v1/users")
                .query(&[
                    ("name", "{name}"),
                    ("dept", "{dept}"),
                    ("group", "{group}"),
                    ("page", "{page}"),
                    ("pageSize", "{page_size}"),
                ])
                .pages("page", "pageSize", 1000),
        ])
        .params(&[
            Param::string("user_id", "User id."),
            Param::string("name", "Name search text."),
            Param::string("dept", "Department name."),
            Param::string("group", "Group name."),
            common::PAGE,
            common::PAGE_SIZE,
        ]),
];
