//! Troubleshooting: deep traces and score analyses.

use super::*;

/// A trace as the API shows it (an in-progress session completes when its length has passed).
pub(super) fn trace_view(trace: &Value, now: i64) -> Value {
    let mut v = public(trace);
    let started = trace["started_at"].as_i64().unwrap_or_default();
    let minutes = trace["trace_details"]["session_length_minutes"]
        .as_i64()
        .unwrap_or(5);
    let end = started + minutes * 60;
    if trace["status"] == json!("in_progress")
        && now >= end
        && let Value::Object(m) = &mut v
    {
        m.insert("status".into(), json!("completed"));
        m.insert("ended_at".into(), json!(end));
    }
    v
}

pub(super) fn list_deeptraces(call: &Read<'_>) -> Result<Reply, ApiError> {
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    let id = device["id"].as_i64();
    let rows: Vec<Value> = engine::records(call.tenant, &DEEPTRACES)
        .filter(|t| t["_device"].as_i64() == id)
        .map(|t| trace_view(t, call.tenant.now()))
        .collect();
    Ok(Reply::ok(Value::Array(rows)))
}

pub(super) fn find_trace<'t>(call: &'t Read<'_>) -> Result<&'t Value, ApiError> {
    let device = find_device(call.tenant, param(call, "deviceId"))?;
    let trace_id = param(call, "traceId");
    engine::record(call.tenant, &DEEPTRACES, trace_id.trim())
        .filter(|t| t["_device"] == device["id"])
        .ok_or_else(|| not_found("Deep trace", trace_id))
}

pub(super) fn get_deeptrace(call: &Read<'_>) -> Result<Reply, ApiError> {
    find_trace(call).map(|t| Reply::ok(trace_view(t, call.tenant.now())))
}

pub(super) fn body_int(body: &Map<String, Value>, field: &str) -> Result<Option<i64>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => int_of(v)
            .map(Some)
            .ok_or_else(|| invalid(format!("Field '{field}' must be an integer"))),
    }
}

pub(super) fn required_int(body: &Map<String, Value>, field: &str) -> Result<i64, ApiError> {
    body_int(body, field)?.ok_or_else(|| invalid(format!("Missing required field '{field}'")))
}

pub(super) fn body_object<'a>(call: &'a Read<'_>) -> Result<&'a Map<String, Value>, ApiError> {
    match call.body {
        Some(Value::Object(m)) => Ok(m),
        _ => Err(invalid("Request body must be a JSON object")),
    }
}

/// `POST /devices/{id}/deeptraces`: starts a session (one running session per device).
pub(super) fn start_deeptrace(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_object(&call.as_read())?.clone();
    let device = find_device(call.tenant, param(&call.as_read(), "deviceId"))?.clone();
    let device_id = device["id"].as_i64().unwrap_or_default();
    let session_name = match body.get("session_name") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(invalid("Missing required field 'session_name'"));
        }
        Some(_) => return Err(invalid("Field 'session_name' must be a string")),
    };
    let app_id = required_int(&body, "app_id")?;
    let app = engine::record(call.tenant, &APPS, &app_id.to_string())
        .map(App::of)
        .ok_or_else(|| invalid(format!("Invalid 'app_id': no application with id {app_id}")))?;
    let web_probe = required_int(&body, "web_probe_id")?;
    let cloudpath = required_int(&body, "cloudpath_probe_id")?;
    let (web_id, web_name) = app.web_probe();
    let (cp_id, cp_name) = app.cloudpath_probe();
    if web_probe != web_id {
        return Err(invalid(format!(
            "Invalid 'web_probe_id': probe {web_probe} does not belong to application {app_id}"
        )));
    }
    if cloudpath != cp_id {
        return Err(invalid(format!(
            "Invalid 'cloudpath_probe_id': probe {cloudpath} does not belong to application {app_id}"
        )));
    }
    let minutes = body_int(&body, "session_length_minutes")?.unwrap_or(5);
    if ![5, 15, 30, 60].contains(&minutes) {
        return Err(invalid(
            "Invalid 'session_length_minutes': expected 5, 15, 30 or 60",
        ));
    }
    let probe_device = match body.get("probe_device") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(invalid("Field 'probe_device' must be a boolean")),
    };
    let running = engine::records(call.tenant, &DEEPTRACES)
        .filter(|t| t["_device"].as_i64() == Some(device_id))
        .any(|t| trace_view(t, call.tenant.now())["status"] == json!("in_progress"));
    if running {
        return Err(ApiError::new(
            Some(Product::Zdx),
            Kind::Duplicate,
            format!("A deep trace session is already running on device {device_id}"),
        ));
    }
    let started = call.tenant.now();
    let record = json!({
        "_device": device_id,
        "trace_details": {
            "session_name": session_name,
            "user_id": device["userid"],
            "username": device["user_email"],
            "device_id": device_id,
            "device_name": device["name"],
            "web_probe_id": web_id,
            "web_probe_name": web_name,
            "cloudpath_id": cp_id,
            "cloudpath_name": cp_name,
            "app_id": app.id,
            "app_name": app.name,
            "session_length_minutes": minutes,
            "probe_device": probe_device,
            "os": device["software"]["os_name"],
        },
        "status": "in_progress",
        "expected_time_minutes": minutes,
        "created_at": started,
        "started_at": started,
        "ended_at": null,
    });
    let id = call.tenant.insert(&DEEPTRACES, record);
    let stored = engine::record(call.tenant, &DEEPTRACES, &id)
        .map(|t| trace_view(t, call.tenant.now()))
        .unwrap_or(Value::Null);
    let mut answer = stored.clone();
    if let Value::Object(m) = &mut answer {
        m.insert("session_name".into(), json!(session_name));
        m.insert("expected_time".into(), json!(minutes * 60));
    }
    Ok(Reply::Json(axum::http::StatusCode::OK, answer))
}

/// The trace's sampling instants (one a minute over the session, up to now).
pub(super) fn trace_instants(trace: &Value, now: i64) -> Vec<i64> {
    let started = trace["started_at"].as_i64().unwrap_or_default();
    let minutes = trace["trace_details"]["session_length_minutes"]
        .as_i64()
        .unwrap_or(5);
    let end = (started + minutes * 60).min(now.max(started));
    (0..)
        .map(|k| started + k * 60)
        .take_while(|t| *t <= end)
        .collect()
}

pub(super) fn trace_context(call: &Read<'_>) -> Result<(Value, App, i64, u64), ApiError> {
    let trace = find_trace(call)?.clone();
    let app_id = trace["trace_details"]["app_id"].to_string();
    let app = find_app(call.tenant, &app_id)?;
    let device = trace["_device"].as_i64().unwrap_or_default();
    let score = app.device_score(device).unwrap_or(app.base);
    let salt = mix(trace["trace_id"].as_u64().unwrap_or_default(), app.salt);
    Ok((trace, app, score, salt))
}

pub(super) fn trace_id(trace: &Value) -> Value {
    trace["trace_id"].clone()
}

pub(super) fn trace_top_processes(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, _, salt) = trace_context(call)?;
    const PROCS: [&str; 8] = [
        "chrome.exe",
        "Teams.exe",
        "OUTLOOK.EXE",
        "MsMpEng.exe",
        "ZSATunnel.exe",
        "explorer.exe",
        "svchost.exe",
        "zoom.exe",
    ];
    let snapshots: Vec<Value> = trace_instants(&trace, call.tenant.now())
        .into_iter()
        .map(|t| {
            let pick = |category: &str, shift: u32| {
                let h = mix(salt ^ u64::from(shift), t as u64);
                let processes: Vec<Value> = (0..3)
                    .map(|k| {
                        let i = ((h >> (k * 8)) % PROCS.len() as u64) as usize;
                        json!({"name": PROCS[i], "id": 1000 + ((h >> (k * 12)) % 9000) as i64})
                    })
                    .collect();
                json!({"category": category, "processes": processes})
            };
            json!({"timestamp": t, "top_processes": [pick("cpu", 1), pick("memory", 2), pick("disk_io", 3), pick("network_io", 4)]})
        })
        .collect();
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "timestamp": trace["started_at"],
        "top_processes": snapshots,
    })))
}

pub(super) fn trace_series(trace: &Value, now: i64, f: impl Fn(i64) -> f64) -> Vec<Value> {
    trace_instants(trace, now)
        .into_iter()
        .map(|t| json!({"timestamp": t, "value": f(t)}))
        .collect()
}

pub(super) fn trace_webprobe_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, score, salt) = trace_context(call)?;
    let metrics: Vec<Value> = METRICS
        .iter()
        .map(|(m, unit)| {
            json!({"metric": m, "unit": unit, "datapoints": trace_series(&trace, call.tenant.now(), |t| metric_value(m, score, salt, t))})
        })
        .collect();
    let first = metrics.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "metric": first["metric"],
        "unit": first["unit"],
        "datapoints": first["datapoints"],
        "metrics": metrics,
    })))
}

pub(super) fn trace_cloudpath_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, score, salt) = trace_context(call)?;
    let all: Vec<Value> = legs(score, salt)
        .into_iter()
        .enumerate()
        .map(|(i, (src, dst, latency))| {
            let leg_salt = salt ^ (i as u64 + 1);
            json!({
                "leg_src": src,
                "leg_dst": dst,
                "stats": [
                    {"metric": "latency_avg", "unit": "ms", "datapoints": trace_series(&trace, call.tenant.now(), |t| round2(latency * (1.0 + 0.15 * wave(leg_salt, t))))},
                    {"metric": "packet_loss", "unit": "%", "datapoints": trace_series(&trace, call.tenant.now(), |t| round2(((100 - score) as f64 / 40.0 * wave(leg_salt ^ 9, t).abs()).max(0.0)))},
                    {"metric": "num_hops", "unit": "", "datapoints": trace_series(&trace, call.tenant.now(), |_| (3 + i * 2) as f64)},
                ],
            })
        })
        .collect();
    let first = all.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "leg_src": first["leg_src"],
        "leg_dst": first["leg_dst"],
        "stats": first["stats"],
        "legs": all,
    })))
}

pub(super) fn trace_cloudpath(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, app, score, salt) = trace_context(call)?;
    let host = app.name.to_lowercase().replace(' ', "-") + ".example.net";
    let paths: Vec<Value> = trace_instants(&trace, call.tenant.now())
        .into_iter()
        .map(|t| {
            let hops: Vec<Value> = (0..6)
                .map(|k| {
                    let h = mix(salt ^ k, t as u64);
                    let base = 1.0 + k as f64 * (2.0 + (100 - score) as f64 * 0.05);
                    let jitter = (h % 400) as f64 / 100.0;
                    json!({
                        "ip": format!("100.{}.{}.{}", 64 + k, (h >> 8) % 255, 1 + (h >> 16) % 253),
                        "gw_mac": if k == 0 { json!("00:1a:2b:3c:4d:5e") } else { Value::Null },
                        "gw_mac_vendor": if k == 0 { json!("Cisco Systems") } else { Value::Null },
                        "pkt_sent": 10,
                        "pkt_rcvd": if (h >> 24).is_multiple_of(17) { 9 } else { 10 },
                        "latency_min": round2(base),
                        "latency_max": round2(base + jitter),
                        "latency_avg": round2(base + jitter / 2.0),
                        "latency_diff": round2(jitter),
                    })
                })
                .collect();
            let latency = hops
                .last()
                .and_then(|h| h["latency_avg"].as_f64())
                .unwrap_or_default();
            json!({
                "timestamp": t,
                "cloudpath": {
                    "src": trace["trace_details"]["device_name"],
                    "dst": host,
                    "num_hops": hops.len(),
                    "latency": latency,
                    "loss": round2(((100 - score) as f64 / 50.0).max(0.0)),
                    "num_unresp_hops": 0,
                    "tunnel_type": "Z-Tunnel 2.0",
                    "hops": hops,
                },
            })
        })
        .collect();
    let first = paths.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "timestamp": first["timestamp"],
        "cloudpath": first["cloudpath"],
        "paths": paths,
    })))
}

pub(super) fn trace_health_metrics(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, _, salt) = trace_context(call)?;
    let metric = |name: &str, unit: &str, base: f64, spread: f64, k: u64| json!({"metric": name, "unit": unit, "datapoints": trace_series(&trace, call.tenant.now(), |t| round2((base + spread * wave(salt ^ k, t)).max(0.0)))});
    let categories = vec![
        json!({"category": "cpu", "instances": [{"name": "total", "metrics": [metric("pct_total", "%", 35.0, 20.0, 1)]}]}),
        json!({"category": "memory", "instances": [{"name": "total", "metrics": [metric("pct_used", "%", 62.0, 8.0, 2), metric("free_mb", "MB", 5200.0, 600.0, 3)]}]}),
        json!({"category": "disk", "instances": [{"name": "C:", "metrics": [metric("pct_used", "%", 71.0, 1.0, 4), metric("io_rate", "KB/s", 900.0, 700.0, 5)]}]}),
        json!({"category": "network", "instances": [{"name": "Wi-Fi", "metrics": [metric("bandwidth_in", "Mbps", 48.0, 30.0, 6), metric("bandwidth_out", "Mbps", 9.0, 6.0, 7), metric("wifi_signal", "%", 72.0, 15.0, 8)]}]}),
    ];
    let first = categories[0].clone();
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "category": first["category"],
        "instances": first["instances"],
        "metrics": categories,
    })))
}

pub(super) fn trace_events(call: &Read<'_>) -> Result<Reply, ApiError> {
    let (trace, _, _, salt) = trace_context(call)?;
    let instants = trace_instants(&trace, call.tenant.now());
    let mut timeline = Vec::new();
    for (k, t) in instants.iter().enumerate() {
        let h = mix(salt, *t as u64);
        let event = match (k, h % 5) {
            (0, _) => Some((
                "zscaler",
                "zcc_tunnel",
                "ZCC tunnel status",
                "Disconnected",
                "Connected",
            )),
            (_, 0) => Some((
                "network",
                "wifi_ssid",
                "Wi-Fi network changed",
                "CORP-WIFI",
                "CORP-WIFI-5G",
            )),
            (_, 1) if k % 3 == 0 => Some((
                "software",
                "os_update",
                "OS update installed",
                "10.0.22631.3880",
                "10.0.22631.4037",
            )),
            _ => None,
        };
        if let Some((category, name, display, prev, curr)) = event {
            timeline.push(json!({
                "timestamp": t,
                "events": [{"category": category, "name": name, "display_name": display, "prev": prev, "curr": curr, "type": "state_change"}],
            }));
        }
    }
    let first = timeline.first().cloned().unwrap_or(Value::Null);
    Ok(Reply::ok(json!({
        "trace_id": trace_id(&trace),
        "timestamp": first["timestamp"],
        "events": first["events"].as_array().cloned().unwrap_or_default(),
        "timeline": timeline,
    })))
}

/// `POST /analysis`: starts a score analysis for a device and app over `t0`..`t1`.
pub(super) fn start_analysis(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let body = body_object(&call.as_read())?.clone();
    let device_id = match body.get("device_id") {
        None | Some(Value::Null) => return Err(invalid("Missing required field 'device_id'")),
        Some(v) => int_of(v).ok_or_else(|| invalid("Field 'device_id' must be a device id"))?,
    };
    let app_id = required_int(&body, "app_id")?;
    find_device(call.tenant, &device_id.to_string())?;
    find_app(call.tenant, &app_id.to_string())?;
    let t1 = body_int(&body, "t1")?.unwrap_or_else(|| call.tenant.now());
    let t0 = body_int(&body, "t0")?.unwrap_or(t1 - DEFAULT_WINDOW);
    if t0 > t1 {
        return Err(invalid("'t0' must be earlier than 't1'"));
    }
    if t1 - t0 > MAX_WINDOW {
        return Err(invalid(
            "The time range between 't0' and 't1' cannot exceed 14 days",
        ));
    }
    let record = json!({
        "device_id": device_id.to_string(),
        "app_id": app_id,
        "t0": t0,
        "t1": t1,
        "status": "completed",
        "created_at": call.tenant.now(),
    });
    let id = call.tenant.insert(&ANALYSES, record);
    Ok(Reply::ok(json!({
        "analysis_id": id,
        "status": "started",
        "device_id": device_id.to_string(),
        "app_id": app_id,
        "t0": t0,
        "t1": t1,
    })))
}

pub(super) fn get_analysis(call: &Read<'_>) -> Result<Reply, ApiError> {
    let id = param(call, "analysisId");
    let analysis = engine::record(call.tenant, &ANALYSES, id.trim())
        .ok_or_else(|| not_found("Analysis", id))?;
    let app = analysis["app_id"]
        .as_i64()
        .and_then(|a| engine::record(call.tenant, &APPS, &a.to_string()))
        .map(App::of);
    let device_id = analysis["device_id"]
        .as_str()
        .and_then(|d| d.parse::<i64>().ok());
    let device = device_id.and_then(|d| engine::record(call.tenant, &DEVICES, &d.to_string()));
    let score = match (&app, device_id) {
        (Some(app), Some(d)) => app.device_score(d),
        _ => None,
    };
    let issues: Vec<Value> = match score {
        Some(s) if s <= 33 => vec![
            json!({"category": "network", "severity": "high", "metric": "latency_avg", "value": round2(40.0 + (100 - s) as f64 * 1.5), "description": "High latency between the Zscaler service edge and the application"}),
            json!({"category": "application", "severity": "medium", "metric": "server_response_time", "value": round2(140.0 + (100 - s) as f64 * 9.0), "description": "Slow server response time"}),
        ],
        Some(s) if s <= 66 => vec![
            json!({"category": "network", "severity": "medium", "metric": "dns", "value": round2(18.0 + (100 - s) as f64 * 1.3), "description": "Slow DNS resolution on the device network"}),
        ],
        _ => Vec::new(),
    };
    let summary = match (score, issues.is_empty()) {
        (None, _) => {
            "No data for this application on this device in the analysed window".to_string()
        }
        (Some(s), true) => format!("ZDX score {s} ({}): no issues found", bucket(s)),
        (Some(s), false) => format!(
            "ZDX score {s} ({}): {} likely cause(s) found",
            bucket(s),
            issues.len()
        ),
    };
    Ok(Reply::ok(json!({
        "analysis_id": analysis["analysis_id"],
        "status": analysis["status"],
        "device_id": analysis["device_id"],
        "app_id": analysis["app_id"],
        "t0": analysis["t0"],
        "t1": analysis["t1"],
        "data": {
            "app": app.as_ref().map(|a| json!({"id": a.id, "name": a.name})),
            "device": device.map(|d| json!({"id": d["id"], "name": d["name"]})),
            "score": score,
            "score_bucket": score.map(bucket),
            "issues": issues,
            "summary": summary,
        },
    })))
}
