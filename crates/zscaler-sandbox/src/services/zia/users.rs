//! ZIA `zia_users` endpoints: users, groups, departments.

use axum::http::Method;
use serde_json::{Value, json};

use super::zia;
use crate::engine::{Filter, Match, ResourceDef};
use crate::envelope::Envelope;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

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

pub static RESOURCES: &[&ResourceDef] = &[&USERS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(Method::GET, "/zia/api/v1/users", Op::List(&USERS)),
        Route::new(Method::GET, "/zia/api/v1/users/{userId}", Op::Get(&USERS)),
    ]
}

fn seed_users(s: &mut Seeder<'_>) -> Vec<Value> {
    const FIRST: [&str; 8] = [
        "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana",
    ];
    const DEPTS: [&str; 4] = ["Engineering", "Finance", "Sales", "IT"];
    let n = s.count(25);
    (0..n)
        .map(|i| {
            let first = s.pick(&FIRST).to_string();
            let dept = s.pick(&DEPTS).to_string();
            json!({
                "name": format!("{first} User{i:05}"),
                "email": format!("{}.user{i:05}@example.com", first.to_lowercase()),
                "department": {"id": 1000 + DEPTS.iter().position(|d| *d == dept).unwrap_or(0), "name": dept},
                "groups": [],
                "comments": s.text(""),
                "adminUser": false,
                "deleted": false,
            })
        })
        .collect()
}
