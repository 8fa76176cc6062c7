//! ZIA `zia_users` endpoints: users, groups, departments.

use axum::http::Method;
use serde_json::{Value, json};

use super::common::{contains, lite, param, respond_refs, sort};
use super::zia;
use crate::engine::{self, Call, Filter, Match, Reply, ResourceDef};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// Seeded departments `(id, name)`; other modules reference them by id.
pub const DEPARTMENTS_TABLE: [(i64, &str); 8] = [
    (81_000_001, "Engineering"),
    (81_000_002, "Finance"),
    (81_000_003, "Sales"),
    (81_000_004, "IT"),
    (81_000_005, "Human Resources"),
    (81_000_006, "Legal"),
    (81_000_007, "Marketing"),
    (81_000_008, "Service Admin"),
];

/// Seeded groups `(id, name)`; other modules reference them by id.
pub const GROUPS_TABLE: [(i64, &str); 10] = [
    (82_000_001, "Engineering Staff"),
    (82_000_002, "Finance Team"),
    (82_000_003, "Sales EMEA"),
    (82_000_004, "Sales Americas"),
    (82_000_005, "IT Admins"),
    (82_000_006, "Contractors"),
    (82_000_007, "Executives"),
    (82_000_008, "Remote Workers"),
    (82_000_009, "Interns"),
    (82_000_010, "Service Admin"),
];

/// Users get ids `USER_ID_BASE + i` so other resources (devices) can reference them.
pub const USER_ID_BASE: i64 = 70_000_001;

/// Built-in number of users (`--scale` grows it).
pub const USERS_BASE: usize = 25;

const SEARCH: &[Filter] = &[Filter {
    param: "search",
    field: "name",
    how: Match::Contains,
}];

pub static DEPARTMENTS: ResourceDef = ResourceDef {
    filters: SEARCH,
    ..zia("zia.departments", seed_departments)
};

pub static GROUPS: ResourceDef = ResourceDef {
    filters: SEARCH,
    ..zia("zia.groups", seed_groups)
};

pub static USERS: ResourceDef = ResourceDef {
    envelope: Envelope::BareArray {
        default_page_size: Some(100),
        max_page_size: 10_000,
    },
    filters: &[
        Filter {
            param: "name",
            field: "name",
            how: Match::Contains,
        },
        Filter {
            param: "search",
            field: "name",
            how: Match::Contains,
        },
    ],
    required: &["name", "email"],
    ..zia("zia.users", seed_users)
};

/// Devices (defined in `devices.rs`) follow the users they reference.
pub static RESOURCES: &[&ResourceDef] = &[&DEPARTMENTS, &GROUPS, &USERS, &super::devices::DEVICES];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(Method::GET, "/zia/api/v1/users", Op::CustomRead(list_users)),
        Route::new(Method::GET, "/zia/api/v1/users/{userId}", Op::Get(&USERS)),
        Route::new(
            Method::GET,
            "/zia/api/v1/departments",
            Op::Custom(list_departments),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/departments/{departmentId}",
            Op::Get(&DEPARTMENTS),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/departments/lite/{departmentId}",
            Op::Custom(get_department_lite),
        ),
        Route::new(Method::GET, "/zia/api/v1/groups", Op::Custom(list_groups)),
        Route::new(
            Method::GET,
            "/zia/api/v1/groups/{groupId}",
            Op::Get(&GROUPS),
        ),
    ]
}

/// Sort keys the API takes for departments and groups, mapped to record fields.
const SORT_FIELDS: [(&str, &str); 5] = [
    ("id", "id"),
    ("name", "name"),
    ("creationTime", "creationTime"),
    ("modTime", "modTime"),
    ("rank", "rank"),
];

/// `GET /users`: `name`/`search` (substring), `dept` and `group` (substring of a department or
/// group name), 100 per page by default.
/// A read: served under the shared lock, so pages of the (scaled) user list go in parallel.
fn list_users(call: &engine::Read<'_>) -> Result<Reply, ApiError> {
    let param = |name: &str| call.query.first(name).filter(|v| !v.trim().is_empty());
    let name = param("name").or_else(|| param("search"));
    let dept = param("dept");
    let group = param("group");
    let records: Vec<&Value> = engine::records(call.tenant, &USERS)
        .filter(|u| {
            name.is_none_or(|n| contains(u, "name", n))
                && dept.is_none_or(|d| u.get("department").is_some_and(|v| contains(v, "name", d)))
                && group.is_none_or(|g| {
                    u.get("groups")
                        .and_then(Value::as_array)
                        .is_some_and(|gs| gs.iter().any(|x| contains(x, "name", g)))
                })
        })
        .collect();
    envelope::list_refs(USERS.envelope, Product::Zia, records, call.query, call.path).map(Reply::ok)
}

/// `GET /departments`: `search` (substring of the name), `sortBy`/`sortOrder`, paging.
/// `limitSearch=true` restricts the search to the name (which is all it matches here anyway).
fn list_departments(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    super::common::bool_param(call, "limitSearch")?;
    let search = param(call, "search");
    let mut records = super::common::select(call, &DEPARTMENTS, |d| {
        search.is_none_or(|s| contains(d, "name", s))
    });
    sort(call, &mut records, &SORT_FIELDS)?;
    respond_refs(call, DEPARTMENTS.envelope, records)
}

/// `GET /departments/lite/{id}`: `{id, name}`.
fn get_department_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default();
    engine::record(call.tenant, &DEPARTMENTS, id)
        .map(|d| Reply::ok(lite(d)))
        .ok_or_else(|| engine::not_found(&DEPARTMENTS, id))
}

/// `GET /groups`: `search`, `definedBy` (`USER_DEFINED`, `SCIM`, `LDAP`...), sorting, paging.
fn list_groups(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let search = param(call, "search");
    let defined_by = param(call, "definedBy");
    let mut records = super::common::select(call, &GROUPS, |g| {
        search.is_none_or(|s| contains(g, "name", s))
            && defined_by.is_none_or(|d| {
                g.get("definedBy")
                    .and_then(Value::as_str)
                    .is_some_and(|v| v.eq_ignore_ascii_case(d))
            })
    });
    sort(call, &mut records, &SORT_FIELDS)?;
    respond_refs(call, GROUPS.envelope, records)
}

fn seed_departments(s: &mut Seeder<'_>) -> Vec<Value> {
    DEPARTMENTS_TABLE
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let created = s.epoch_within(900);
            json!({
                "id": id,
                "name": name,
                "idpId": if *name == "Service Admin" { 0 } else { 72_001 },
                "comments": s.text(&format!("{name} department")),
                "deleted": false,
                "creationTime": created,
                "modTime": (created + s.int(0, 86_400 * 30)).min(s.now()),
                "rank": i,
            })
        })
        .collect()
}

fn seed_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    GROUPS_TABLE
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let created = s.epoch_within(900);
            let system = *name == "Service Admin";
            json!({
                "id": id,
                "name": name,
                "idpId": if system { 0 } else { 72_001 },
                "comments": s.text(&format!("{name} group")),
                "isSystemDefined": system,
                "definedBy": if system { "SYSTEM" } else if i % 3 == 0 { "USER_DEFINED" } else { "SCIM" },
                "creationTime": created,
                "modTime": (created + s.int(0, 86_400 * 30)).min(s.now()),
                "rank": i,
            })
        })
        .collect()
}

fn seed_users(s: &mut Seeder<'_>) -> Vec<Value> {
    const FIRST: [&str; 12] = [
        "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jo", "Kofi",
        "Lena",
    ];
    const LAST: [&str; 10] = [
        "Silva", "Okafor", "Nguyen", "Schmidt", "Kowalski", "Haddad", "Tanaka", "Murphy", "Rossi",
        "Patel",
    ];
    let n = s.large(USERS_BASE);
    // Departments and groups used for ordinary users (not "Service Admin").
    let depts = &DEPARTMENTS_TABLE[..7];
    let groups = &GROUPS_TABLE[..9];
    (0..n)
        .map(|i| {
            let first = *s.pick(&FIRST);
            let last = *s.pick(&LAST);
            let (dept_id, dept) = *s.pick(depts);
            let member_of: Vec<Value> = s
                .pick_some(groups, 3)
                .into_iter()
                .map(|(id, name)| json!({"id": id, "name": name}))
                .collect();
            let admin = i % 40 == 0;
            json!({
                "id": USER_ID_BASE + i as i64,
                "name": format!("{first} {last} {i:05}"),
                "email": format!("{}.{}{i:05}@example.com", first.to_lowercase(), last.to_lowercase()),
                "department": {"id": dept_id, "name": dept},
                "groups": member_of,
                "comments": s.text(""),
                "tempAuthEmail": null,
                "authMethods": ["BASIC"],
                "adminUser": admin,
                "type": if admin { json!("ADMIN") } else { Value::Null },
                "isNonEditable": false,
                "disabled": false,
                "deleted": false,
            })
        })
        .collect()
}
