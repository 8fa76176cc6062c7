//! ZIdentity users: accounts from the local directory and connected identity providers, and
//! the groups they belong to.

use super::{LIMIT, OFFSET, WINDOW};
use crate::catalog::toolsets::ZID_USERS;
use crate::catalog::{Lookup, Param, Route, Target, ToolDeclaration};

const USERS: &str = "/ziam/admin/api/v1/users";
const GROUPS_OF: &str = "/ziam/admin/api/v1/users/{user_id}/groups";

const USER_ID: Param = Param::string("user_id", "User id (zid_list_users).").required();

/// The first user whose login name contains `name`. User records carry no `name` field, so
/// the lookup cannot compare the whole login name: the description asks for the full one.
/// The user whose login name is `name`: the API's substring search, then the exact login name
/// among up to 100 candidates, else the only candidate; several and none exact is refused.
const USER_BY_LOGIN: Lookup = Lookup::row(
    "user",
    USERS,
    &[("loginName[like]", "{name}"), ("limit", "100")],
    None,
    Target::Path("user_id"),
)
.matching("name", "loginName");

pub static TOOLS: &[ToolDeclaration] = &[
    ZID_USERS
        .get(
            "zid_get_user",
            "Get user",
            "One ZIdentity user with login name, emails, status, IdP, department and custom \
             attributes.",
        )
        .routes(&[Route::get("/ziam/admin/api/v1/users/{user_id}")])
        .params(&[USER_ID]),
    ZID_USERS
        .list(
            "zid_get_user_groups",
            "List user's groups",
            "Every group a user belongs to, dynamic groups included.",
        )
        .routes(&[Route::get(GROUPS_OF).query(WINDOW).paged()])
        .params(&[USER_ID, OFFSET, LIMIT]),
    ZID_USERS
        .list(
            "zid_get_user_groups_by_name",
            "List user's groups by login name",
            "Every group of the user with this login name (or the only one containing it).",
        )
        .routes(&[Route::get(GROUPS_OF)
            .query(WINDOW)
            .lookups(&[USER_BY_LOGIN])
            .paged()])
        .params(&[
            Param::string("name", "Login name (email), ideally complete.").required(),
            OFFSET,
            LIMIT,
        ]),
    ZID_USERS
        .list(
            "zid_list_users",
            "List users",
            "Every ZIdentity user with login name, display name, status, IdP and department; \
             filters combine.",
        )
        .routes(&[Route::get(USERS)
            .query(&[
                ("offset", "{offset}"),
                ("limit", "{limit}"),
                ("loginName[like]", "{login_name}"),
                ("displayName[like]", "{display_name}"),
                ("primaryEmail[like]", "{primary_email}"),
                ("domainName", "{domain_name}"),
                ("idpName", "{idp_name}"),
            ])
            .paged()])
        .params(&[
            Param::string("login_name", "Substring of the login name."),
            Param::string("display_name", "Substring of the display name."),
            Param::string("primary_email", "Substring of the primary email."),
            Param::string("domain_name", "Exact login domain (example.com)."),
            Param::string("idp_name", "Exact identity provider name."),
            OFFSET,
            LIMIT,
        ]),
    ZID_USERS
        .list(
            "zid_search_users",
            "Search users",
            "Every ZIdentity user whose login name contains name, case-insensitive.",
        )
        .routes(&[Route::get(USERS)
            .query(&[
                ("loginName[like]", "{name}"),
                ("offset", "{offset}"),
                ("limit", "{limit}"),
            ])
            .paged()])
        .params(&[
            Param::string("name", "Substring of the login name.").required(),
            OFFSET,
            LIMIT,
        ]),
];
