//! ZIdentity (`/ziam/admin/api/v1`): users, groups and group membership. Lists answer
//! `{"records","results_total","pageOffset","pageSize","next_link","prev_link"}` paged by
//! `offset`/`limit` (limit ≤ 1000); filters use bracket names (`name[like]`, `loginName[like]`,
//! `displayName[like]`, `primaryEmail[like]`: substring, case-insensitive) plus exact
//! `domainName`, `idpName` and `excludeDynamicGroups`.

use axum::http::Method;
use serde_json::{Value, json};

use crate::engine::{
    self, Call, Filter, IdKind, Match, Reply, ResourceDef, no_completion, not_found,
};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;
use crate::tenant::Tenant;

const fn zid(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zid,
        id_kind: IdKind::Slug,
        id_field: "id",
        name_field: None,
        unique_name: false,
        required: &[],
        parent: None,
        envelope: Envelope::Zid,
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static USERS: ResourceDef = ResourceDef {
    name_field: Some("loginName"),
    unique_name: true,
    required: &["loginName", "primaryEmail"],
    filters: &[
        Filter {
            param: "loginName[like]",
            field: "loginName",
            how: Match::Contains,
        },
        Filter {
            param: "displayName[like]",
            field: "displayName",
            how: Match::Contains,
        },
        Filter {
            param: "primaryEmail[like]",
            field: "primaryEmail",
            how: Match::Contains,
        },
    ],
    ..zid("zid.users", seed_users)
};

pub static GROUPS: ResourceDef = ResourceDef {
    name_field: Some("name"),
    unique_name: true,
    required: &["name"],
    filters: &[Filter {
        param: "name[like]",
        field: "name",
        how: Match::Contains,
    }],
    ..zid("zid.groups", seed_groups)
};

/// Group membership, one record per (group, user) pair: `{"id","groupId","userId"}`. Not
/// served directly; read by the membership endpoints.
pub static MEMBERSHIPS: ResourceDef = zid("zid.memberships", seed_memberships);

pub static RESOURCES: &[&ResourceDef] = &[&USERS, &GROUPS, &MEMBERSHIPS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/ziam/admin/api/v1/users",
            Op::CustomRead(list_users),
        ),
        Route::new(
            Method::GET,
            "/ziam/admin/api/v1/users/{userId}",
            Op::Get(&USERS),
        ),
        Route::new(
            Method::GET,
            "/ziam/admin/api/v1/users/{userId}/groups",
            Op::Custom(user_groups),
        ),
        Route::new(
            Method::GET,
            "/ziam/admin/api/v1/groups",
            Op::Custom(list_groups),
        ),
        Route::new(
            Method::GET,
            "/ziam/admin/api/v1/groups/{groupId}",
            Op::Get(&GROUPS),
        ),
        Route::new(
            Method::GET,
            "/ziam/admin/api/v1/groups/{groupId}/users",
            Op::Custom(group_users),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// `true`/`false` in any case (the SDK sends Python's `True`/`False`).
fn flag(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
    match call.query.first(name) {
        None | Some("") => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(engine::invalid(
            Product::Zid,
            format!("Invalid value '{v}' for '{name}': expected true or false"),
        )),
    }
}

/// The domain part of a login name.
fn domain_of(user: &Value) -> Option<&str> {
    user.get("loginName")
        .and_then(Value::as_str)
        .and_then(|l| l.rsplit_once('@'))
        .map(|(_, d)| d)
}

/// `GET /users`: the `[like]` filters (engine) plus exact `domainName` and `idpName`.
/// Filters by reference and clones only the page: the collection grows with `--scale`.
fn list_users(call: &engine::Read<'_>) -> Result<Reply, ApiError> {
    let domain = call.query.first("domainName").filter(|d| !d.is_empty());
    let idp = call.query.first("idpName").filter(|d| !d.is_empty());
    let records: Vec<&Value> = engine::visible_refs(&USERS, call.params, call.query, call.tenant)
        .into_iter()
        .filter(|u| domain.is_none_or(|d| domain_of(u).is_some_and(|x| x.eq_ignore_ascii_case(d))))
        .filter(|u| {
            idp.is_none_or(|want| {
                u.pointer("/idp/name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.eq_ignore_ascii_case(want))
            })
        })
        .collect();
    envelope::list_refs(Envelope::Zid, Product::Zid, records, call.query, call.path).map(Reply::ok)
}

/// `GET /groups`: `name[like]` (engine) plus `excludeDynamicGroups`.
fn list_groups(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let exclude_dynamic = flag(call, "excludeDynamicGroups")?.unwrap_or(false);
    let records: Vec<Value> = engine::visible(&GROUPS, call.params, call.query, call.tenant)
        .into_iter()
        .filter(|g| !(exclude_dynamic && g["isDynamicGroup"].as_bool() == Some(true)))
        .collect();
    envelope::list(Envelope::Zid, Product::Zid, records, call.query, call.path).map(Reply::ok)
}

/// Ids on the other side of the membership relation.
fn related(tenant: &Tenant, key_field: &str, key: &str, other_field: &str) -> Vec<String> {
    engine::records(tenant, &MEMBERSHIPS)
        .filter(|m| m.get(key_field).and_then(Value::as_str) == Some(key))
        .filter_map(|m| {
            m.get(other_field)
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect()
}

/// `GET /groups/{groupId}/users`: the group's members, in the ZIdentity envelope.
fn group_users(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let group_id = call.params.get("groupId").unwrap_or_default();
    if engine::record(call.tenant, &GROUPS, group_id).is_none() {
        return Err(not_found(&GROUPS, group_id));
    }
    let users: Vec<Value> = related(call.tenant, "groupId", group_id, "userId")
        .iter()
        .filter_map(|id| engine::record(call.tenant, &USERS, id).cloned())
        .collect();
    envelope::list(Envelope::Zid, Product::Zid, users, call.query, call.path).map(Reply::ok)
}

/// `GET /users/{userId}/groups`: the groups a user belongs to, in the ZIdentity envelope.
fn user_groups(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let user_id = call.params.get("userId").unwrap_or_default();
    if engine::record(call.tenant, &USERS, user_id).is_none() {
        return Err(not_found(&USERS, user_id));
    }
    let groups: Vec<Value> = related(call.tenant, "userId", user_id, "groupId")
        .iter()
        .filter_map(|id| engine::record(call.tenant, &GROUPS, id).cloned())
        .collect();
    envelope::list(Envelope::Zid, Product::Zid, groups, call.query, call.path).map(Reply::ok)
}

// ---------------------------------------------------------------------------------------------
// Seeds

/// A ZIdentity-style opaque id (13 lower-case base-36 characters), unique per `(prefix, n)`.
fn zid_id(prefix: u64, n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    // A bijective mix of n so consecutive ids do not look sequential.
    let mut x = (n.wrapping_mul(0x9E37_79B9) ^ (prefix << 40)) % 36u64.pow(12);
    let mut out = vec![b'0'; 12];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(x % 36) as usize];
        x /= 36;
    }
    let lead = DIGITS[(10 + prefix % 26) as usize];
    let mut s = String::with_capacity(13);
    s.push(char::from(lead));
    s.push_str(&String::from_utf8_lossy(&out));
    s
}

/// The identity providers users come from: (id, name, display name).
const IDPS: [(&str, &str, &str); 3] = [
    ("idp9f2kq7c1xw3m", "ZIdentity", "ZIdentity (local)"),
    ("idp4t8vn2r6hb0e", "Okta", "Okta Workforce"),
    ("idp7m1pz5d9gk4s", "AzureAD", "Microsoft Entra ID"),
];
/// Login domains.
pub const DOMAINS: [&str; 2] = ["example.com", "emea.example.com"];
const DEPARTMENTS: [&str; 6] = [
    "Engineering",
    "Finance",
    "Sales",
    "IT",
    "Human Resources",
    "Legal",
];

fn idp(i: usize) -> Value {
    let (id, name, display) = IDPS[i % IDPS.len()];
    json!({"id": id, "name": name, "displayName": display})
}

fn seed_users(s: &mut Seeder<'_>) -> Vec<Value> {
    const FIRST: [&str; 12] = [
        "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi",
        "Lena",
    ];
    const LAST: [&str; 10] = [
        "Silva", "Okafor", "Nguyen", "Müller", "Kowalski", "Haddad", "Tanaka", "Smith", "Rossi",
        "Novak",
    ];
    let n = s.large(40);
    (0..n)
        .map(|i| {
            let first = s.pick(&FIRST).to_string();
            let last = s.pick(&LAST).to_string();
            let domain = DOMAINS[usize::from(s.chance(0.3))];
            let local = format!(
                "{}.{}{i:05}",
                first.to_lowercase(),
                last.to_lowercase().replace('ü', "u")
            );
            let login = format!("{local}@{domain}");
            let dept_index = s.int(0, DEPARTMENTS.len() as i64 - 1) as usize;
            // The local IdP holds the admins; most users come from the corporate IdPs.
            let idp_index = if i < 3 { 0 } else { s.int(0, 2) as usize };
            json!({
                "id": zid_id(20, i as u64),
                "loginName": login,
                "displayName": format!("{first} {last}"),
                "firstName": first,
                "lastName": last,
                "primaryEmail": login,
                "secondaryEmail": if s.chance(0.2) { Value::String(format!("{local}@personal.example.net")) } else { Value::Null },
                "status": s.chance(0.93),
                "source": if idp_index == 0 { "UI" } else { "SCIM" },
                "idp": idp(idp_index),
                "department": {
                    "id": zid_id(4, dept_index as u64),
                    "name": DEPARTMENTS[dept_index],
                    "displayName": DEPARTMENTS[dept_index],
                },
                "isDynamicGroup": null,
                "dynamicGroup": null,
                "adminEntitlementEnabled": i < 3,
                "serviceEntitlementEnabled": true,
                "customAttrsInfo": {"costCenter": format!("CC-{}", 1000 + dept_index * 10)},
            })
        })
        .collect()
}

fn seed_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    const NAMES: [&str; 12] = [
        "Engineering",
        "Finance",
        "Sales",
        "IT Admins",
        "Human Resources",
        "Legal",
        "Contractors",
        "Executives",
        "VPN Users",
        "All Employees (dynamic)",
        "EMEA Staff (dynamic)",
        "Security Operations",
    ];
    let n = NAMES.len().max(s.large(0) / 100);
    (0..n)
        .map(|i| {
            let name = match NAMES.get(i) {
                Some(name) => name.to_string(),
                None => format!("Project team {i:04}"),
            };
            let dynamic = name.ends_with("(dynamic)");
            let idp_index = if dynamic { 0 } else { s.int(0, 2) as usize };
            json!({
                "id": zid_id(6, i as u64),
                "name": name,
                "description": s.text(&format!("{name} group")),
                "source": if idp_index == 0 { "UI" } else { "SCIM" },
                "idp": idp(idp_index),
                "isDynamicGroup": dynamic,
                "dynamicGroup": if dynamic {
                    json!({"rule": if name.starts_with("EMEA") { "user.loginName ENDS_WITH \"@emea.example.com\"" } else { "user.status EQ true" }})
                } else {
                    Value::Null
                },
                "adminEntitlementEnabled": name == "IT Admins",
                "serviceEntitlementEnabled": true,
            })
        })
        .collect()
}

fn seed_memberships(s: &mut Seeder<'_>) -> Vec<Value> {
    let users: Vec<Value> = engine::records(s.tenant, &USERS).cloned().collect();
    let groups: Vec<Value> = engine::records(s.tenant, &GROUPS).cloned().collect();
    let static_groups: Vec<String> = groups
        .iter()
        .filter(|g| g["isDynamicGroup"].as_bool() != Some(true))
        .filter_map(|g| g["id"].as_str().map(str::to_string))
        .collect();
    let dynamic: Vec<(String, bool)> = groups
        .iter()
        .filter(|g| g["isDynamicGroup"].as_bool() == Some(true))
        .filter_map(|g| {
            let emea = g["name"].as_str().is_some_and(|n| n.starts_with("EMEA"));
            g["id"].as_str().map(|id| (id.to_string(), emea))
        })
        .collect();
    if static_groups.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for user in &users {
        let Some(uid) = user["id"].as_str() else {
            continue;
        };
        let mut mine = s.pick_some(&static_groups, 3);
        if mine.is_empty() {
            mine.push(s.pick(&static_groups).clone());
        }
        let emea = domain_of(user) == Some(DOMAINS[1]);
        for (gid, emea_only) in &dynamic {
            if !emea_only || emea {
                mine.push(gid.clone());
            }
        }
        for gid in mine {
            out.push(json!({"id": format!("{gid}:{uid}"), "groupId": gid, "userId": uid}));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{GROUPS, MEMBERSHIPS, RESOURCES, USERS, zid_id};
    use crate::engine;
    use crate::tenant::{Identity, Tenant};
    use serde_json::Value;

    #[test]
    fn ids_are_unique_and_shaped() {
        let ids: std::collections::HashSet<String> = (0..50_000).map(|n| zid_id(20, n)).collect();
        assert_eq!(ids.len(), 50_000);
        assert!(ids.iter().all(|i| i.len() == 13));
    }

    /// 2026-01-01T00:00:00Z: a fixed anchor, so the seeded data is the same on every run.
    const ANCHOR: i64 = 1_767_225_600;

    fn seeded(scale: usize, seed: u64) -> Tenant {
        let identity = Identity {
            customer_id: "216196257331200001".into(),
            zcell_customer_id: "7000001".into(),
        };
        let mut tenant = Tenant::new(identity, 100_000, ANCHOR);
        tenant.seed(RESOURCES, seed, scale, false);
        tenant
    }

    #[test]
    fn users_and_groups_grow_with_scale_and_seeds_are_deterministic() {
        let t = seeded(1300, 7);
        assert_eq!(engine::records(&t, &USERS).count(), 1300);
        assert_eq!(engine::records(&t, &GROUPS).count(), 13);
        let memberships: Vec<&Value> = engine::records(&t, &MEMBERSHIPS).collect();
        assert!(memberships.len() >= 1300 * 2);
        for m in &memberships {
            let (g, u) = (
                m["groupId"].as_str().expect("g"),
                m["userId"].as_str().expect("u"),
            );
            assert!(engine::record(&t, &GROUPS, g).is_some());
            assert!(engine::record(&t, &USERS, u).is_some());
        }
        let again = seeded(1300, 7);
        let a: Vec<&Value> = engine::records(&t, &USERS).collect();
        let b: Vec<&Value> = engine::records(&again, &USERS).collect();
        assert_eq!(a, b);
        let other = seeded(1300, 8);
        let c: Vec<&Value> = engine::records(&other, &USERS).collect();
        assert_ne!(a, c);
    }
}
