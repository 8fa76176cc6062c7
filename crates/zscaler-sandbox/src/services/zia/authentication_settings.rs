//! ZIA `zia_authentication_settings` endpoints: the cookie-authentication exempt URL list,
//! read whole and edited with `POST ?action=ADD_TO_LIST|REMOVE_FROM_LIST`.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::advanced_settings::{settings, settle};
use super::atp_policy::edit_url_list;
use crate::engine::{Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static EXEMPTED_URLS: ResourceDef = settings(
    "zia.auth_exempted_urls",
    seed_exempted_urls,
    complete_exempted_urls,
);

pub static RESOURCES: &[&ResourceDef] = &[&EXEMPTED_URLS];

pub fn routes() -> Vec<Route> {
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/authSettings/exemptedUrls",
            Op::GetSingleton(&EXEMPTED_URLS),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/authSettings/exemptedUrls",
            Op::Custom(post_exempted_urls),
        ),
    ]
}

/// `POST ?action=ADD_TO_LIST|REMOVE_FROM_LIST {"urls": [...]}`: 204; read back with GET.
fn post_exempted_urls(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    edit_url_list(&EXEMPTED_URLS, "urls", true, call).map(|_| Reply::NoContent)
}

fn complete_exempted_urls(map: &mut Map<String, Value>, _: i64) {
    settle(map, json!({"urls": []}));
}

fn seed_exempted_urls(s: &mut Seeder<'_>) -> Vec<Value> {
    const URLS: [&str; 4] = [
        ".okta.com",
        "login.microsoftonline.com",
        "intranet.example.com",
        "printers.example.com",
    ];
    let n = s.int(2, 4);
    let urls: Vec<&str> = URLS
        .iter()
        .take(usize::try_from(n).unwrap_or(2))
        .copied()
        .collect();
    vec![json!({"urls": urls})]
}
