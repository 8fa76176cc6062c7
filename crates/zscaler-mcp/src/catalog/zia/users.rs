//! ZIA users, user groups and departments (read-only).

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Param, Route, ToolDeclaration, When};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_users",
        Action::Read,
        "get_zia_user_departments",
        "Get departments",
        "List departments, all pages unless page is given; department_id returns one department \
         instead (the short record with read_lite).",
        Handler::Routes(&[
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
        ]),
    )
    .params(&[
        Param::string(
            "action",
            "read_lite (id and name only) needs department_id.",
        )
        .one_of(&["read", "read_lite"])
        .default(Lit::Str("read")),
        Param::string(
            "department_id",
            "Department id; returns that department only.",
        ),
        Param::boolean(
            "limit_search",
            "Match search against department names only.",
        ),
        Param::string("search", "Text to search for in department names."),
        Param::integer("page", "Page number; returns that page only."),
        Param::integer("page_size", "Rows per page."),
        Param::string("sort_by", "Sort field.").one_of(&[
            "id",
            "name",
            "expiry",
            "status",
            "external_id",
            "rank",
        ]),
        Param::string("sort_order", "Sort direction.").one_of(&["asc", "desc", "rule_execution"]),
    ])
    .list(),
    // NOTE(model): upstream matches `name` client-side (case-insensitive substring of the group
    // name); routes cannot filter rows, so `name` is sent as the API's `search` (and wins over
    // `search` when both are given).
    ToolDeclaration::new(
        Service::Zia,
        "zia_users",
        Action::Read,
        "get_zia_user_groups",
        "Get user groups",
        "List user groups, all pages unless page is given; group_id returns one group instead.",
        Handler::Routes(&[
            Route::get("/zia/api/v1/groups/{group_id}").when(When::Has("group_id")),
            Route::get("/zia/api/v1/groups")
                .when(When::Has("name"))
                .query(&[
                    ("pageSize", "{page_size}"),
                    ("search", "{name}"),
                    ("definedBy", "{defined_by}"),
                    ("page", "{page}"),
                    ("sortBy", "{sort_by}"),
                    ("sortOrder", "{sort_order}"),
                ])
                .pages("page", "pageSize", 1000),
            Route::get("/zia/api/v1/groups")
                .query(&[
                    ("pageSize", "{page_size}"),
                    ("search", "{search}"),
                    ("definedBy", "{defined_by}"),
                    ("page", "{page}"),
                    ("sortBy", "{sort_by}"),
                    ("sortOrder", "{sort_order}"),
                ])
                .pages("page", "pageSize", 1000),
        ]),
    )
    .params(&[
        Param::string("group_id", "Group id; returns that group only."),
        Param::string("name", "Text to find in group names; replaces search."),
        Param::string("search", "Text to search for in group names."),
        Param::string("defined_by", "Group source, e.g. USER_DEFINED, SCIM, LDAP."),
        Param::integer("page", "Page number; returns that page only."),
        Param::integer("page_size", "Rows per page."),
        Param::string("sort_by", "Sort field.").one_of(&[
            "id",
            "name",
            "expiry",
            "status",
            "external_id",
            "rank",
            "mod_time",
        ]),
        Param::string("sort_order", "Sort direction.").one_of(&["asc", "desc", "rule_execution"]),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_users",
        Action::Read,
        "get_zia_users",
        "Get users",
        "List users with departments and groups, all pages unless page is given; user_id returns \
         one user instead.",
        Handler::Routes(&[
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
        ]),
    )
    .params(&[
        Param::string("user_id", "User id; returns that user only."),
        Param::string("name", "Text to find in user names."),
        Param::string("dept", "Department name filter."),
        Param::string("group", "Group name filter."),
        Param::integer("page", "Page number; returns that page only."),
        Param::integer("page_size", "Rows per page."),
    ])
    .list(),
];
