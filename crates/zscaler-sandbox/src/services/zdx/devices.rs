//! Devices and probes (web and cloud path).

use super::*;

pub(super) fn device_row(d: &Value) -> Value {
    json!({
        "id": d["id"],
        "name": d["name"],
        "userid": d["userid"],
        "user_name": d["user_name"],
        "user_email": d["user_email"],
    })
}

/// `GET /devices`: `{"devices": [...], "next_offset"}` with scope, user, email, MAC and IP filters.
pub(super) fn list_devices(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    let scope = Scope::parse(call.query)?;
    let users = ints(call.query, &["userIds", "user_ids"])?;
    let emails: Vec<String> = values(call.query, &["emails"])
        .into_iter()
        .map(|e| e.to_lowercase())
        .collect();
    let mac = call
        .query
        .first("macAddress")
        .or_else(|| call.query.first("mac_address"))
        .map(|m| m.trim().to_lowercase().replace('-', ":"))
        .filter(|m| !m.is_empty());
    let ip = call
        .query
        .first("privateIpv4")
        .or_else(|| call.query.first("private_ipv4"))
        .map(str::trim)
        .filter(|i| !i.is_empty());
    // Filter by reference and shape only the page: devices grow with `--scale`.
    let rows: Vec<&Value> = engine::records(call.tenant, &DEVICES)
        .filter(|d| scope.matches(d))
        .filter(|d| users.is_empty() || d["userid"].as_i64().is_some_and(|u| users.contains(&u)))
        .filter(|d| {
            emails.is_empty()
                || d["user_email"]
                    .as_str()
                    .is_some_and(|e| emails.contains(&e.to_lowercase()))
        })
        .filter(|d| {
            mac.as_ref()
                .is_none_or(|m| d["network"][0]["mac"].as_str() == Some(m.as_str()))
        })
        .filter(|d| ip.is_none_or(|i| d["network"][0]["ipv4"].as_str() == Some(i)))
        .collect();
    let mut page = envelope::list_refs(
        Envelope::ZdxCursor { key: "devices" },
        Product::Zdx,
        rows,
        call.query,
        call.path,
    )?;
    if let Some(Value::Array(items)) = page.get_mut("devices") {
        for item in items.iter_mut() {
            *item = device_row(item);
        }
    }
    Ok(Reply::ok(page))
}

pub(super) fn get_device(call: &Read<'_>) -> Result<Reply, ApiError> {
    Window::parse(call.query, call.tenant.now())?;
    Scope::parse(call.query)?;
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    Ok(Reply::ok(json!({
        "id": device["id"],
        "name": device["name"],
        "hardware": device["hardware"],
        "network": device["network"],
        "software": device["software"],
    })))
}

pub(super) fn device_and_app(call: &Read<'_>) -> Result<(i64, App), ApiError> {
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    let app = find_app(call.tenant, param(call, "appId"))?;
    Ok((device["id"].as_i64().unwrap_or_default(), app))
}

pub(super) fn list_web_probes(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let (device, app) = device_and_app(call)?;
    let rows = match app.device_score(device) {
        None => Vec::new(),
        Some(score) => {
            let (id, name) = app.web_probe();
            let pft: Vec<f64> = window
                .instants()
                .iter()
                .map(|t| metric_value("pft", score, app.salt ^ device as u64, *t))
                .collect();
            let avg = if pft.is_empty() {
                Value::Null
            } else {
                json!(round2(pft.iter().sum::<f64>() / pft.len() as f64))
            };
            vec![json!({
                "id": id,
                "name": name,
                "num_probes": pft.len(),
                "avg_score": score,
                "avg_pft": avg,
            })]
        }
    };
    Ok(Reply::ok(Value::Array(rows)))
}

pub(super) fn legs(score: i64, salt: u64) -> Vec<(&'static str, &'static str, f64)> {
    let gap = (100 - score) as f64;
    let w = wave(salt, 0).abs();
    vec![
        ("client", "egress", round2(2.0 + gap * 0.1 + w * 2.0)),
        ("egress", "zen", round2(8.0 + gap * 0.5 + w * 5.0)),
        ("zen", "dest", round2(12.0 + gap * 0.8 + w * 8.0)),
    ]
}

pub(super) fn list_cloudpath_probes(call: &Read<'_>) -> Result<Reply, ApiError> {
    let window = Window::parse(call.query, call.tenant.now())?;
    let (device, app) = device_and_app(call)?;
    let rows = match app.device_score(device) {
        None => Vec::new(),
        Some(score) => {
            let (id, name) = app.cloudpath_probe();
            let latencies: Vec<Value> = legs(score, app.salt ^ device as u64)
                .into_iter()
                .map(|(src, dst, latency)| json!({"leg_src": src, "leg_dst": dst, "latency": latency}))
                .collect();
            vec![json!({
                "id": id,
                "name": name,
                "num_probes": window.instants().len(),
                "avg_latencies": latencies,
            })]
        }
    };
    Ok(Reply::ok(Value::Array(rows)))
}
