//! ZIdentity groups: static and dynamic user groups and their members.

use super::{LIMIT, OFFSET, WINDOW};
use crate::catalog::toolsets::ZID_GROUPS;
use crate::catalog::{Lookup, Param, Route, Target, ToolDeclaration};

const GROUPS: &str = "/ziam/admin/api/v1/groups";
const MEMBERS: &str = "/ziam/admin/api/v1/groups/{group_id}/users";

const GROUP_ID: Param = Param::string("group_id", "Group id (zid_list_groups).").required();

/// The group whose name equals `name` (case-insensitive), among the `name[like]` matches.
const GROUP_BY_NAME: Lookup = Lookup::row(
    "group",
    GROUPS,
    &[("name[like]", "{name}"), ("limit", "1000")],
    Some("name"),
    Target::Path("group_id"),
);

/// `GET /groups` with a name substring.
const SEARCH: &[(&str, &str)] = &[
    ("name[like]", "{name}"),
    ("offset", "{offset}"),
    ("limit", "{limit}"),
];

pub static TOOLS: &[ToolDeclaration] = &[
    ZID_GROUPS
        .get(
            "zid_get_group",
            "Get group",
            "One ZIdentity group with source, identity provider, dynamic rule and entitlements.",
        )
        .routes(&[Route::get("/ziam/admin/api/v1/groups/{group_id}")])
        .params(&[GROUP_ID]),
    ZID_GROUPS
        .list(
            "zid_get_group_users",
            "List group members",
            "Every user in a group, with login name, IdP, department and status.",
        )
        .routes(&[Route::get(MEMBERS).query(WINDOW).paged()])
        .params(&[GROUP_ID, OFFSET, LIMIT]),
    ZID_GROUPS
        .list(
            "zid_get_group_users_by_name",
            "List group members by group name",
            "Every user in the group whose name equals name (case-insensitive); fails when no \
             group has that exact name.",
        )
        .routes(&[Route::get(MEMBERS)
            .query(WINDOW)
            .lookups(&[GROUP_BY_NAME])
            .paged()])
        .params(&[
            Param::string("name", "Exact group name, case-insensitive.").required(),
            OFFSET,
            LIMIT,
        ]),
    ZID_GROUPS
        .list(
            "zid_list_groups",
            "List groups",
            "Every ZIdentity group with source, IdP and dynamic flag; optionally by name \
             substring or without dynamic groups.",
        )
        .routes(&[Route::get(GROUPS)
            .query(&[
                ("offset", "{offset}"),
                ("limit", "{limit}"),
                ("name[like]", "{name}"),
                ("excludeDynamicGroups", "{exclude_dynamic_groups}"),
            ])
            .paged()])
        .params(&[
            Param::string("name", "Substring of the group name, case-insensitive."),
            Param::boolean("exclude_dynamic_groups", "Leave out rule-based groups."),
            OFFSET,
            LIMIT,
        ]),
    ZID_GROUPS
        .list(
            "zid_search_groups",
            "Search groups",
            "Every ZIdentity group whose name contains name, case-insensitive.",
        )
        .routes(&[Route::get(GROUPS).query(SEARCH).paged()])
        .params(&[
            Param::string("name", "Substring of the group name.").required(),
            OFFSET,
            LIMIT,
        ]),
];
