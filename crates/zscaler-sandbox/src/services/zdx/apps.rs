//! Applications: scores, metrics and the users of an app.

use super::*;

pub(super) fn app_summary(tenant: &Tenant, app: &App, scope: &Scope) -> Value {
    let scores = scoped_scores(tenant, app, scope);
    let score = average(scores.iter().map(|s| s.2));
    let users: std::collections::BTreeSet<i64> = scores.iter().map(|s| s.1).collect();
    let count = |b: &str| scores.iter().filter(|s| bucket(s.2) == b).count();
    json!({
        "id": app.id,
        "name": app.name,
        "score": score,
        "most_impacted_region": app.record["most_impacted_region"],
        "total_users": users.len(),
        "stats": {
            "active_users": users.len(),
            "active_devices": scores.len(),
            "num_poor": count("poor"),
            "num_okay": count("okay"),
            "num_good": count("good"),
        },
    })
}

/// `GET /apps`: the apps with activity in scope (bare array).
pub(super) fn list_apps(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let apps: Vec<App> = engine::records(call.tenant, &APPS).map(App::of).collect();
    let rows: Vec<Value> = apps
        .iter()
        .map(|a| app_summary(call.tenant, a, &scope))
        .filter(|v| !v["score"].is_null())
        .map(|mut v| {
            if let Value::Object(m) = &mut v {
                m.remove("stats");
            }
            v
        })
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

pub(super) fn get_app(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    Ok(Reply::ok(app_summary(call.tenant, &app, &scope)))
}

/// A metric's value at an instant, for a scope whose average score is `score`.
pub(super) fn metric_value(metric: &str, score: i64, salt: u64, t: i64) -> f64 {
    let gap = (100 - score) as f64;
    let w = wave(
        salt ^ mix(metric.len() as u64, metric.as_bytes()[0] as u64),
        t,
    );
    let v = match metric {
        "pft" => 650.0 + gap * 38.0 + 160.0 * w,
        "dns" => 18.0 + gap * 1.3 + 6.0 * w,
        "server_response_time" => 140.0 + gap * 9.0 + 45.0 * w,
        "availability" => 100.0 - (gap - 50.0).max(0.0) * 0.4 - w.abs() * 0.3,
        _ => (score as f64 + 6.0 * w).clamp(0.0, 100.0),
    };
    round2(v.max(0.0))
}

pub(super) fn series(window: &Window, f: impl Fn(i64) -> f64) -> Vec<Value> {
    window
        .instants()
        .into_iter()
        .map(|t| json!({"timestamp": t, "value": f(t)}))
        .collect()
}

pub(super) fn get_app_score(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let score = average(scoped_scores(call.tenant, &app, &scope).iter().map(|s| s.2));
    let datapoints = match score {
        Some(score) => series(&window, |t| {
            (score as f64 + 6.0 * wave(app.salt, t))
                .clamp(0.0, 100.0)
                .round()
        }),
        None => Vec::new(),
    };
    Ok(Reply::ok(
        json!({"metric": "score", "unit": "", "datapoints": datapoints}),
    ))
}

pub(super) fn get_app_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let wanted = values(call.query, &["metricName", "metric_name"]);
    if let Some(bad) = wanted
        .iter()
        .find(|w| !METRICS.iter().any(|(m, _)| m == &w.as_str()))
    {
        return Err(invalid(format!(
            "Invalid value '{bad}' for 'metric_name': expected one of pft, dns, server_response_time, availability"
        )));
    }
    let score = average(scoped_scores(call.tenant, &app, &scope).iter().map(|s| s.2));
    let rows: Vec<Value> = METRICS
        .iter()
        .filter(|(m, _)| wanted.is_empty() || wanted.iter().any(|w| w == m))
        .map(|(m, unit)| {
            let datapoints = match score {
                Some(score) => series(&window, |t| metric_value(m, score, app.salt, t)),
                None => Vec::new(),
            };
            json!({"metric": m, "unit": unit, "datapoints": datapoints})
        })
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

/// `GET /apps/{id}/users`: `{"users": [...], "next_offset"}`, `score_bucket` filter.
pub(super) fn list_app_users(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let wanted = values(call.query, &["scoreBucket", "score_bucket"])
        .into_iter()
        .map(|b| b.to_lowercase())
        .collect::<Vec<_>>();
    if let Some(bad) = wanted
        .iter()
        .find(|b| !["poor", "okay", "good"].contains(&b.as_str()))
    {
        return Err(invalid(format!(
            "Invalid value '{bad}' for 'score_bucket': expected poor, okay or good"
        )));
    }
    let mut per_user: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (_, user, score) in scoped_scores(call.tenant, &app, &scope) {
        per_user.entry(user).or_default().push(score);
    }
    let rows: Vec<Value> = per_user
        .into_iter()
        .filter_map(|(user, scores)| {
            let score = average(scores.into_iter())?;
            let record = engine::record(call.tenant, &USERS, &user.to_string())?;
            (wanted.is_empty() || wanted.iter().any(|b| b == bucket(score))).then(|| {
                json!({
                    "id": user,
                    "name": record["name"],
                    "email": record["email"],
                    "score": score,
                })
            })
        })
        .collect();
    cursor("users", rows, call)
}

pub(super) fn device_location(device: &Value) -> (Value, Value) {
    let loc = device["_loc"].as_i64().and_then(location);
    match loc {
        Some(l) => (
            json!([{"id": l.2, "city": l.5, "region": l.4, "country": l.3, "geo_type": "city"}]),
            json!([{"id": l.0, "name": l.1}]),
        ),
        None => (json!([]), json!([])),
    }
}

pub(super) fn get_app_user(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    let user_id = param(call, "userId");
    let user = engine::record(call.tenant, &USERS, user_id.trim())
        .ok_or_else(|| not_found("User", user_id))?;
    let uid = user["id"].as_i64().unwrap_or_default();
    let devices: Vec<Value> = engine::records(call.tenant, &DEVICES)
        .filter(|d| d["userid"].as_i64() == Some(uid))
        .filter_map(|d| {
            let id = d["id"].as_i64()?;
            let score = app.device_score(id)?;
            let (geo_loc, zs_loc) = device_location(d);
            Some(json!({
                "id": id,
                "name": d["name"],
                "score": score,
                "geo_loc": geo_loc,
                "zs_loc": zs_loc,
            }))
        })
        .collect();
    let score = average(devices.iter().filter_map(|d| d["score"].as_i64()));
    Ok(Reply::ok(json!({
        "id": uid,
        "name": user["name"],
        "email": user["email"],
        "score": score,
        "devices": devices,
    })))
}
