//! TODO module doc: the `zia_users` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_users",
        Action::Read,
        "get_zia_user_departments",
        "user departments",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/departments/{department_id}").when(When::Has("department_id")),
            Route::get("/zia/api/v1/departments/lite/{department_id}")
                .when(When::Has("department_id")),
            Route::get("/zia/api/v1/departments")
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
        Param::string("action", "TODO")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("department_id", "TODO"),
        Param::boolean("limit_search", "TODO"),
        Param::string("search", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
        Param::string("sort_by", "TODO").one_of(&[
            "id",
            "name",
            "expiry",
            "status",
            "external_id",
            "rank",
        ]),
        Param::string("sort_order", "TODO").one_of(&["asc", "desc", "rule_execution"]),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_users",
        Action::Read,
        "get_zia_user_groups",
        "user groups",
        "TODO",
        Handler::Routes(&[
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
                .pages("page", "pageSize", 1000),
        ]),
    )
    .params(&[
        Param::string("group_id", "TODO"),
        Param::string("name", "TODO"),
        Param::string("search", "TODO"),
        Param::string("defined_by", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
        Param::string("sort_by", "TODO").one_of(&[
            "id",
            "name",
            "expiry",
            "status",
            "external_id",
            "rank",
            "mod_time",
        ]),
        Param::string("sort_order", "TODO").one_of(&["asc", "desc", "rule_execution"]),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_users",
        Action::Read,
        "get_zia_users",
        "users",
        "TODO",
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
        Param::string("user_id", "TODO"),
        Param::string("name", "TODO"),
        Param::string("dept", "TODO"),
        Param::string("group", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
    ])
    .list(),
];
