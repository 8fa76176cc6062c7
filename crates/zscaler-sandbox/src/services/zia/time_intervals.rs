//! ZIA `zia_time_intervals` endpoints: named time windows referenced by rules.

use axum::http::Method;
use serde_json::{Value, json};

use super::zia;
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// Seeded intervals `(id, name)`; rules reference them by id.
pub const INTERVALS_TABLE: [(i64, &str); 5] = [
    (4_400_001, "Business Hours"),
    (4_400_002, "After Hours"),
    (4_400_003, "Weekend"),
    (4_400_004, "Lunch Break"),
    (4_400_005, "Maintenance Window"),
];

const DAYS: [&str; 8] = ["EVERYDAY", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

pub static TIME_INTERVALS: ResourceDef = ResourceDef {
    required: &["name", "startTime", "endTime", "daysOfWeek"],
    ..zia("zia.time_intervals", seed_intervals)
};

pub static RESOURCES: &[&ResourceDef] = &[&TIME_INTERVALS];

pub fn routes() -> Vec<Route> {
    const ONE: &str = "/zia/api/v1/timeIntervals/{intervalId}";
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/timeIntervals",
            Op::List(&TIME_INTERVALS),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/timeIntervals",
            Op::Custom(create),
        ),
        Route::new(Method::GET, ONE, Op::Get(&TIME_INTERVALS)),
        Route::new(Method::PUT, ONE, Op::Custom(replace)),
        Route::new(Method::DELETE, ONE, Op::Delete(&TIME_INTERVALS)),
    ]
}

/// Times are minutes after midnight (0..1439); days are `EVERYDAY` or `SUN`..`SAT`.
fn check(body: Option<&Value>) -> Result<(), ApiError> {
    let Some(Value::Object(map)) = body else {
        return Err(engine::invalid(
            Product::Zia,
            "Request body must be a JSON object",
        ));
    };
    for field in ["startTime", "endTime"] {
        if let Some(v) = map.get(field).filter(|v| !v.is_null())
            && v.as_i64().is_none_or(|m| !(0..=1439).contains(&m))
        {
            return Err(engine::invalid(
                Product::Zia,
                format!(
                    "Invalid value {v} for '{field}': expected minutes after midnight, 0 to 1439"
                ),
            ));
        }
    }
    if let Some(days) = map.get("daysOfWeek").filter(|v| !v.is_null()) {
        let ok = days.as_array().is_some_and(|d| {
            !d.is_empty()
                && d.iter()
                    .all(|x| x.as_str().is_some_and(|s| DAYS.contains(&s)))
        });
        if !ok {
            return Err(engine::invalid(
                Product::Zia,
                format!(
                    "Invalid value {days} for 'daysOfWeek': expected a non-empty list of {}",
                    DAYS.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

fn create(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check(call.body)?;
    engine::create(&TIME_INTERVALS, call)
}

fn replace(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check(call.body)?;
    engine::replace(&TIME_INTERVALS, call)
}

fn seed_intervals(_: &mut Seeder<'_>) -> Vec<Value> {
    let spec: [(i64, i64, &[&str]); 5] = [
        (480, 1080, &["MON", "TUE", "WED", "THU", "FRI"]),
        (1080, 1439, &["MON", "TUE", "WED", "THU", "FRI"]),
        (0, 1439, &["SAT", "SUN"]),
        (720, 780, &["EVERYDAY"]),
        (120, 240, &["SUN"]),
    ];
    INTERVALS_TABLE
        .iter()
        .zip(spec)
        .map(|((id, name), (start, end, days))| {
            json!({"id": id, "name": name, "startTime": start, "endTime": end, "daysOfWeek": days})
        })
        .collect()
}
