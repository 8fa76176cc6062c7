//! ZIA (`/zia/api/v1`): bare-array lists, integer ids, `search` substring on names, and writes
//! staged until `POST /status/activate` (`GET /status` reports `PENDING` meanwhile). One module
//! per toolset area; this module holds the service defaults and the activation endpoints.

pub mod admin;
pub mod advanced_settings;
pub mod atp_malware;
pub mod atp_policy;
pub mod authentication_settings;
pub mod cloud_app_control;
pub mod cloud_firewall;
mod common;
pub mod devices;
pub mod dlp;
pub mod file_type_control;
pub mod locations;
pub mod misc;
pub mod rule_labels;
pub mod sandbox;
pub mod shadow_it;
pub mod ssl_inspection;
pub mod time_intervals;
pub mod url_categories;
pub mod url_filtering;
pub mod users;
pub mod workload_groups;

use axum::http::Method;
use serde_json::{Value, json};

use crate::engine::{Call, Filter, IdKind, Match, Reply, ResourceDef, no_completion};
use crate::envelope::Envelope;
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// ZIA's list envelope: the whole collection as a bare array unless `page`/`pageSize` is given.
pub const LIST: Envelope = Envelope::BareArray {
    default_page_size: None,
    max_page_size: 10_000,
};

/// A ZIA resource with the service's defaults (integer ids, unique names, `search` on the
/// name, writes pending activation). Override fields with `..zia(key, seed)`.
pub const fn zia(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zia,
        id_kind: IdKind::Int,
        id_field: "id",
        name_field: Some("name"),
        unique_name: true,
        required: &["name"],
        parent: None,
        envelope: LIST,
        filters: &[Filter {
            param: "search",
            field: "name",
            how: Match::Contains,
        }],
        needs_activation: true,
        seed,
        complete: no_completion,
    }
}

pub fn resources() -> Vec<&'static ResourceDef> {
    [
        admin::RESOURCES,
        advanced_settings::RESOURCES,
        atp_malware::RESOURCES,
        atp_policy::RESOURCES,
        authentication_settings::RESOURCES,
        cloud_app_control::RESOURCES,
        cloud_firewall::RESOURCES,
        devices::RESOURCES,
        dlp::RESOURCES,
        file_type_control::RESOURCES,
        locations::RESOURCES,
        misc::RESOURCES,
        rule_labels::RESOURCES,
        sandbox::RESOURCES,
        shadow_it::RESOURCES,
        ssl_inspection::RESOURCES,
        time_intervals::RESOURCES,
        url_categories::RESOURCES,
        url_filtering::RESOURCES,
        users::RESOURCES,
        workload_groups::RESOURCES,
    ]
    .concat()
}

pub fn routes() -> Vec<Route> {
    let mut all = vec![
        Route::new(Method::GET, "/zia/api/v1/status", Op::Custom(status)),
        Route::new(
            Method::POST,
            "/zia/api/v1/status/activate",
            Op::Custom(activate),
        ),
    ];
    for part in [
        admin::routes(),
        advanced_settings::routes(),
        atp_malware::routes(),
        atp_policy::routes(),
        authentication_settings::routes(),
        cloud_app_control::routes(),
        cloud_firewall::routes(),
        devices::routes(),
        dlp::routes(),
        file_type_control::routes(),
        locations::routes(),
        misc::routes(),
        rule_labels::routes(),
        sandbox::routes(),
        shadow_it::routes(),
        ssl_inspection::routes(),
        time_intervals::routes(),
        url_categories::routes(),
        url_filtering::routes(),
        users::routes(),
        workload_groups::routes(),
    ] {
        all.extend(part);
    }
    all
}

/// `GET /status`: `ACTIVE`, or `PENDING` while changes wait for activation.
fn status(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let status = if call.tenant.zia_pending {
        "PENDING"
    } else {
        "ACTIVE"
    };
    Ok(Reply::ok(json!({"status": status})))
}

/// `POST /status/activate`: applies pending changes.
fn activate(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    call.tenant.zia_pending = false;
    Ok(Reply::ok(json!({"status": "ACTIVE"})))
}
