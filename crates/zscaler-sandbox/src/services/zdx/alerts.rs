//! Alerts: ongoing, historical and the devices they affect.

use super::*;

pub(super) fn alert_times(alert: &Value, now: i64) -> (i64, Option<i64>) {
    let base = hour_of(now);
    let started = base - alert["_started_ago"].as_i64().unwrap_or_default();
    let ended = alert["_ended_ago"].as_i64().map(|e| base - e);
    (started, ended)
}

pub(super) fn alert_view(alert: &Value, now: i64) -> Value {
    let (started, ended) = alert_times(alert, now);
    let mut v = public(alert);
    if let Value::Object(m) = &mut v {
        m.insert("started_on".into(), json!(started));
        m.insert("ended_on".into(), json!(ended));
    }
    v
}

pub(super) fn alert_in_scope(alert: &Value, scope: &Scope) -> bool {
    let ids = |key: &str| -> Vec<i64> {
        alert[key]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["id"].as_i64()).collect())
            .unwrap_or_default()
    };
    let loc = ids("locations");
    let dept = ids("departments");
    let geos: Vec<String> = alert["geolocations"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|g| g["id"].as_str().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default();
    (scope.loc.is_empty() || scope.loc.iter().any(|l| loc.contains(l)))
        && (scope.dept.is_empty() || scope.dept.iter().any(|d| dept.contains(d)))
        && (scope.geo.is_empty()
            || scope
                .geo
                .iter()
                .any(|g| geos.iter().any(|x| x.starts_with(g.as_str()))))
}

pub(super) fn list_alerts(call: &Read<'_>, ongoing: bool) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let rows: Vec<Value> = engine::records(call.tenant, &ALERTS)
        .filter(|a| {
            let (started, ended) = alert_times(a, call.tenant.now());
            match (ongoing, ended) {
                (true, None) => started <= window.to,
                (false, Some(ended)) => started <= window.to && ended >= window.from,
                _ => false,
            }
        })
        .filter(|a| alert_in_scope(a, &scope))
        .map(|a| alert_view(a, call.tenant.now()))
        .collect();
    cursor("alerts", rows, call)
}

pub(super) fn list_ongoing_alerts(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_alerts(call, true)
}

pub(super) fn list_historical_alerts(call: &Read<'_>) -> Result<Reply, ApiError> {
    list_alerts(call, false)
}

pub(super) fn find_alert<'t>(tenant: &'t Tenant, id: &str) -> Result<&'t Value, ApiError> {
    engine::record(tenant, &ALERTS, id.trim()).ok_or_else(|| not_found("Alert", id))
}

pub(super) fn get_alert(call: &Read<'_>) -> Result<Reply, ApiError> {
    let alert = find_alert(call.tenant, param(call, "alertId"))?;
    Ok(Reply::ok(alert_view(alert, call.tenant.now())))
}

/// Devices an alert affects: at its location, using its application.
pub(super) fn affected<'t>(tenant: &'t Tenant, alert: &Value) -> Vec<&'t Value> {
    let loc = alert["_loc"].as_i64();
    let app = alert["_app"]
        .as_i64()
        .and_then(|a| engine::record(tenant, &APPS, &a.to_string()))
        .map(App::of);
    let Some(app) = app else {
        return Vec::new();
    };
    engine::records(tenant, &DEVICES)
        .filter(|d| d["_loc"].as_i64() == loc)
        .filter(|d| {
            d["id"]
                .as_i64()
                .and_then(|id| app.device_score(id))
                .is_some()
        })
        .collect()
}

pub(super) fn list_affected_devices(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let alert = find_alert(call.tenant, param(call, "alertId"))?;
    let rows: Vec<Value> = affected(call.tenant, alert)
        .into_iter()
        .filter(|d| scope.matches(d))
        .map(device_row)
        .collect();
    cursor("devices", rows, call)
}
