//! ZDX contract: time windows (`from`/`to` epoch seconds), cursor pagination (`offset` =
//! previous `next_offset`, `limit`), named arrays vs bare arrays per endpoint, scope filters,
//! computed scores and series, alerts, software inventory, deep traces and score analyses.

mod common;

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use zscaler_sandbox::SandboxConfig;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().expect("array")
}

#[tokio::test]
async fn time_window_is_validated() {
    let c = &common::start().await;
    let t = now();
    let (status, body) = c
        .get(&format!("/zdx/v1/apps?from={}&to={}", t, t - 60))
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "INVALID_INPUT_ARGUMENT");
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("'from'")
    );
    let (status, body) = c
        .get(&format!("/zdx/v1/devices?from={}&to={t}", t - 15 * 86_400))
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("14 days")
    );
    let (status, _) = c
        .get("/zdx/v1/administration/locations?from=yesterday")
        .await;
    assert_eq!(status, 400);
    // Milliseconds are refused (the API takes seconds).
    let (status, _) = c
        .get(&format!(
            "/zdx/v1/apps?from={}&to={}",
            (t - 60) * 1000,
            t * 1000
        ))
        .await;
    assert_eq!(status, 400);
    // Exactly 14 days is fine.
    let (status, _) = c
        .get(&format!("/zdx/v1/apps?from={}&to={t}", t - 14 * 86_400))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn administration_lists_are_bare_arrays_with_q() {
    let c = &common::start().await;
    let depts = c.ok("/zdx/v1/administration/departments").await;
    assert_eq!(arr(&depts).len(), 6);
    assert!(
        arr(&depts)
            .iter()
            .all(|d| d["id"].is_i64() && d["name"].is_string())
    );
    let locs = c.ok("/zdx/v1/administration/locations?q=office").await;
    let names: Vec<&str> = arr(&locs)
        .iter()
        .map(|l| l["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        vec!["New York Office", "London Office", "Tokyo Office"]
    );
    let none = c.ok("/zdx/v1/administration/departments?q=zzz").await;
    assert_eq!(none, json!([]));
}

#[tokio::test]
async fn apps_scores_and_series() {
    let c = &common::start().await;
    let apps = c.ok("/zdx/v1/apps").await;
    let apps = arr(&apps).clone();
    assert_eq!(apps.len(), 10);
    for a in &apps {
        let score = a["score"].as_i64().expect("score");
        assert!((0..=100).contains(&score), "{a}");
        assert!(a["total_users"].as_u64().expect("users") > 0);
        assert!(a["most_impacted_region"]["country"].is_string());
    }
    let id = apps[2]["id"].as_i64().expect("id");
    let app = c.ok(&format!("/zdx/v1/apps/{id}")).await;
    assert_eq!(app["score"], apps[2]["score"]);
    let stats = &app["stats"];
    let sum = stats["num_poor"].as_u64().expect("poor")
        + stats["num_okay"].as_u64().expect("okay")
        + stats["num_good"].as_u64().expect("good");
    assert_eq!(sum, stats["active_devices"].as_u64().expect("devices"));
    assert_eq!(stats["active_users"], app["total_users"]);

    // A location narrows the population.
    let scoped = c.ok(&format!("/zdx/v1/apps/{id}?loc=58103")).await;
    assert!(
        scoped["stats"]["active_devices"].as_u64().expect("n")
            < stats["active_devices"].as_u64().expect("n")
    );
    let (status, body) = c.get("/zdx/v1/apps?loc=london").await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = c.get("/zdx/v1/apps/999").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"], "RESOURCE_NOT_FOUND");

    // Score trend: 5-minute buckets inside a 2-hour window.
    let to = now() - now() % 300;
    let from = to - 7200;
    let trend = c
        .ok(&format!("/zdx/v1/apps/{id}/score?from={from}&to={to}"))
        .await;
    assert_eq!(trend["metric"], "score");
    let points = arr(&trend["datapoints"]);
    assert_eq!(points.len(), 25);
    assert_eq!(points[0]["timestamp"], from);
    assert_eq!(points[24]["timestamp"], to);
    assert!(
        points
            .iter()
            .all(|p| (0.0..=100.0).contains(&p["value"].as_f64().expect("v")))
    );
    // The same instant has the same value in an overlapping window.
    let shifted = c
        .ok(&format!(
            "/zdx/v1/apps/{id}/score?from={}&to={}",
            from + 600,
            to + 600
        ))
        .await;
    assert_eq!(shifted["datapoints"][0], points[2]);

    // Metrics: all four by default, one by name (camelCase on the wire).
    let metrics = c.ok(&format!("/zdx/v1/apps/{id}/metrics")).await;
    let names: Vec<&str> = arr(&metrics)
        .iter()
        .map(|m| m["metric"].as_str().expect("m"))
        .collect();
    assert_eq!(
        names,
        vec!["pft", "dns", "server_response_time", "availability"]
    );
    let dns = c
        .ok(&format!(
            "/zdx/v1/apps/{id}/metrics?metricName=dns&from={from}&to={to}"
        ))
        .await;
    assert_eq!(arr(&dns).len(), 1);
    assert_eq!(dns[0]["unit"], "ms");
    assert_eq!(arr(&dns[0]["datapoints"]).len(), 25);
    let (status, _) = c
        .get(&format!("/zdx/v1/apps/{id}/metrics?metricName=cpu"))
        .await;
    assert_eq!(status, 400);
    // A 3-day window switches to hourly buckets.
    let long = c
        .ok(&format!(
            "/zdx/v1/apps/{id}/score?from={}&to={to}",
            to - 3 * 86_400
        ))
        .await;
    let long = arr(&long["datapoints"]);
    assert!((72..=73).contains(&long.len()), "{}", long.len());
}

#[tokio::test]
async fn app_users_page_and_filter_by_score_bucket() {
    let c = &common::start().await;
    let all = c.ok("/zdx/v1/apps/3/users?limit=1000").await;
    assert_eq!(all["next_offset"], Value::Null);
    let users = arr(&all["users"]).clone();
    assert!(users.len() > 10);
    let first = c.ok("/zdx/v1/apps/3/users?limit=5").await;
    assert_eq!(arr(&first["users"]).len(), 5);
    assert_eq!(first["next_offset"], "5");
    let second = c.ok("/zdx/v1/apps/3/users?limit=5&offset=5").await;
    assert_eq!(second["users"][0], users[5]);
    for bucket in ["poor", "okay", "good"] {
        let hits = c
            .ok(&format!(
                "/zdx/v1/apps/3/users?scoreBucket={bucket}&limit=1000"
            ))
            .await;
        for u in arr(&hits["users"]) {
            let s = u["score"].as_i64().expect("score");
            let ok = match bucket {
                "poor" => s <= 33,
                "okay" => (34..=66).contains(&s),
                _ => s >= 67,
            };
            assert!(ok, "{bucket}: {u}");
        }
    }
    let (status, _) = c.get("/zdx/v1/apps/3/users?scoreBucket=meh").await;
    assert_eq!(status, 400);

    let user = &users[0];
    let detail = c.ok(&format!("/zdx/v1/apps/3/users/{}", user["id"])).await;
    assert_eq!(detail["email"], user["email"]);
    assert_eq!(detail["score"], user["score"]);
    let devices = arr(&detail["devices"]);
    assert!(!devices.is_empty());
    assert!(devices[0]["zs_loc"][0]["name"].is_string());
    let (status, _) = c.get("/zdx/v1/apps/3/users/1").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn devices_cursor_paging_and_filters() {
    let c = &common::start().await;
    let all = c.ok("/zdx/v1/devices?limit=10000").await;
    let devices = arr(&all["devices"]).clone();
    assert_eq!(devices.len(), 60);
    assert_eq!(all["next_offset"], Value::Null);
    for d in &devices {
        for key in ["id", "name", "userid", "user_name", "user_email"] {
            assert!(!d[key].is_null(), "{key} in {d}");
        }
    }
    // Default limit, first page, last partial page, past the end, bad cursor and size.
    let page = c.ok("/zdx/v1/devices?limit=25").await;
    assert_eq!(arr(&page["devices"]).len(), 25);
    assert_eq!(page["next_offset"], "25");
    let page = c.ok("/zdx/v1/devices?limit=25&offset=50").await;
    assert_eq!(arr(&page["devices"]).len(), 10);
    assert_eq!(page["devices"][9], devices[59]);
    assert_eq!(page["next_offset"], Value::Null);
    let past = c.ok("/zdx/v1/devices?offset=500").await;
    assert_eq!(past["devices"], json!([]));
    let (status, body) = c.get("/zdx/v1/devices?offset=abc").await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("next_offset")
    );
    let (status, _) = c.get("/zdx/v1/devices?limit=0").await;
    assert_eq!(status, 400);

    // Filters.
    let user = devices[3]["userid"].as_i64().expect("userid");
    let mine = c.ok(&format!("/zdx/v1/devices?userIds={user}")).await;
    assert!(arr(&mine["devices"]).iter().all(|d| d["userid"] == user));
    assert!(
        arr(&mine["devices"])
            .iter()
            .any(|d| d["id"] == devices[3]["id"])
    );
    let email = devices[3]["user_email"].as_str().expect("email");
    let by_email = c.ok(&format!("/zdx/v1/devices?emails={email}")).await;
    assert_eq!(by_email["devices"], mine["devices"]);
    let detail = c.ok(&format!("/zdx/v1/devices/{}", devices[3]["id"])).await;
    let mac = detail["network"][0]["mac"].as_str().expect("mac");
    let ip = detail["network"][0]["ipv4"].as_str().expect("ipv4");
    let by_mac = c.ok(&format!("/zdx/v1/devices?macAddress={mac}")).await;
    assert_eq!(arr(&by_mac["devices"]).len(), 1);
    assert_eq!(by_mac["devices"][0]["id"], devices[3]["id"]);
    let by_ip = c.ok(&format!("/zdx/v1/devices?privateIpv4={ip}")).await;
    assert_eq!(by_ip["devices"][0]["id"], devices[3]["id"]);
    let london = c.ok("/zdx/v1/devices?loc=58103&limit=1000").await;
    let uk = c.ok("/zdx/v1/devices?geo=gb&limit=1000").await;
    assert_eq!(london["devices"], uk["devices"]);
    let two = c.ok("/zdx/v1/devices?loc=58103&loc=58104&limit=1000").await;
    let emea = c.ok("/zdx/v1/devices?dept=47201&dept=47202&dept=47203&dept=47204&dept=47205&dept=47206&limit=1000").await;
    assert_eq!(arr(&emea["devices"]).len(), 60);
    assert!(arr(&two["devices"]).len() > arr(&london["devices"]).len());

    // Device details: hardware, network, software.
    assert_eq!(detail["id"], devices[3]["id"]);
    assert!(detail["hardware"]["hw_model"].is_string());
    assert!(detail["software"]["os_name"].is_string());
    let (status, _) = c.get("/zdx/v1/devices/12").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn device_probes() {
    let c = &common::start().await;
    let devices = c.ok("/zdx/v1/devices?limit=60").await;
    let apps = c.ok("/zdx/v1/apps").await;
    // Find a (device, app) pair where the device uses the app.
    let mut found = None;
    'outer: for d in arr(&devices["devices"]) {
        for a in arr(&apps) {
            let probes = c
                .ok(&format!(
                    "/zdx/v1/devices/{}/apps/{}/web-probes",
                    d["id"], a["id"]
                ))
                .await;
            if !arr(&probes).is_empty() {
                found = Some((d["id"].clone(), a["id"].as_i64().expect("id"), probes));
                break 'outer;
            }
        }
    }
    let (device, app, probes) = found.expect("a device using an app");
    assert_eq!(probes[0]["id"], app * 100 + 1);
    assert!((24..=25).contains(&probes[0]["num_probes"].as_u64().expect("n")));
    assert!((0..=100).contains(&probes[0]["avg_score"].as_i64().expect("score")));
    assert!(probes[0]["avg_pft"].as_f64().expect("pft") > 0.0);
    let cloud = c
        .ok(&format!(
            "/zdx/v1/devices/{device}/apps/{app}/cloudpath-probes"
        ))
        .await;
    assert_eq!(cloud[0]["id"], app * 100 + 2);
    assert_eq!(arr(&cloud[0]["avg_latencies"]).len(), 3);
    assert_eq!(cloud[0]["avg_latencies"][0]["leg_src"], "client");
    let (status, _) = c
        .get(&format!("/zdx/v1/devices/{device}/apps/999/web-probes"))
        .await;
    assert_eq!(status, 404);
    let (status, _) = c
        .get(&format!("/zdx/v1/devices/1/apps/{app}/cloudpath-probes"))
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn alerts_ongoing_historical_and_affected_devices() {
    let c = &common::start().await;
    let ongoing = c.ok("/zdx/v1/alerts/ongoing").await;
    let alerts = arr(&ongoing["alerts"]).clone();
    assert_eq!(alerts.len(), 8);
    assert_eq!(ongoing["next_offset"], Value::Null);
    for a in &alerts {
        assert_eq!(a["alert_status"], "Ongoing");
        assert_eq!(a["ended_on"], Value::Null);
        assert!(a["started_on"].as_i64().expect("started") <= now());
        assert!(a.get("_app").is_none(), "internal keys hidden");
        assert!(
            a["rule_name"]
                .as_str()
                .expect("rule")
                .contains(a["application"]["name"].as_str().expect("app"))
        );
    }
    let paged = c.ok("/zdx/v1/alerts/ongoing?limit=3").await;
    assert_eq!(arr(&paged["alerts"]).len(), 3);
    assert_eq!(paged["next_offset"], "3");

    // Historical: those that ended within the window (the last 2 hours by default).
    let recent = c.ok("/zdx/v1/alerts/historical").await;
    let recent = arr(&recent["alerts"]).clone();
    assert!(!recent.is_empty());
    let t = now();
    for a in &recent {
        assert_eq!(a["alert_status"], "Resolved");
        let ended = a["ended_on"].as_i64().expect("ended");
        assert!(ended >= t - 7200 - 5 && ended <= t, "{a}");
        assert!(a["started_on"].as_i64().expect("started") < ended);
    }
    let fortnight = c
        .ok(&format!(
            "/zdx/v1/alerts/historical?from={}&to={t}",
            t - 14 * 86_400
        ))
        .await;
    assert_eq!(arr(&fortnight["alerts"]).len(), 4);
    assert!(arr(&fortnight["alerts"]).len() > recent.len());

    // Scope filters on the alert's location.
    let loc = alerts[0]["locations"][0]["id"].as_i64().expect("loc");
    let at_loc = c.ok(&format!("/zdx/v1/alerts/ongoing?loc={loc}")).await;
    assert!(!arr(&at_loc["alerts"]).is_empty());
    assert!(
        arr(&at_loc["alerts"])
            .iter()
            .all(|a| a["locations"][0]["id"] == loc)
    );

    // One alert, and the devices it affects.
    let id = alerts[0]["id"].as_i64().expect("id");
    let one = c.ok(&format!("/zdx/v1/alerts/{id}")).await;
    assert_eq!(one["rule_name"], alerts[0]["rule_name"]);
    assert_eq!(one["severity"], alerts[0]["severity"]);
    let affected = c
        .ok(&format!("/zdx/v1/alerts/{id}/affected_devices?limit=1000"))
        .await;
    let affected_devices = arr(&affected["devices"]);
    assert_eq!(
        affected_devices.len() as u64,
        one["num_devices"].as_u64().expect("n")
    );
    let at_loc_devices = c.ok(&format!("/zdx/v1/devices?loc={loc}&limit=1000")).await;
    let ids: Vec<&Value> = arr(&at_loc_devices["devices"])
        .iter()
        .map(|d| &d["id"])
        .collect();
    assert!(affected_devices.iter().all(|d| ids.contains(&&d["id"])));
    let group = one["locations"][0]["groups"][0]["id"]
        .as_i64()
        .expect("group");
    let in_group = c
        .ok(&format!(
            "/zdx/v1/alerts/{id}/affected_devices?locationGroups={group}&limit=1000"
        ))
        .await;
    assert_eq!(in_group["devices"], affected["devices"]);
    let other_group = if group == 3001 { 3002 } else { 3001 };
    let none = c
        .ok(&format!(
            "/zdx/v1/alerts/{id}/affected_devices?locationGroups={other_group}"
        ))
        .await;
    assert_eq!(none["devices"], json!([]));
    let (status, body) = c.get("/zdx/v1/alerts/123").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"], "RESOURCE_NOT_FOUND");
}

#[tokio::test]
async fn software_inventory_and_details() {
    let c = &common::start().await;
    let list = c.ok("/zdx/v1/inventory/software").await;
    let titles = arr(&list["software"]).clone();
    assert_eq!(titles.len(), 14);
    assert_eq!(list["next_offset"], Value::Null);
    for t in &titles {
        for key in [
            "software_key",
            "software_name",
            "vendor",
            "software_group",
            "sw_install_type",
            "user_total",
            "device_total",
        ] {
            assert!(!t[key].is_null(), "{key} in {t}");
        }
        assert!(t.get("_share").is_none());
    }
    let chrome = titles
        .iter()
        .find(|t| t["software_name"] == "Google Chrome")
        .expect("chrome");
    let key = chrome["software_key"].as_str().expect("key");
    let encoded = key.replace('|', "%7C");
    let detail = c
        .ok(&format!("/zdx/v1/inventory/software/{encoded}?limit=1000"))
        .await;
    let rows = arr(&detail["software"]);
    assert_eq!(
        rows.len() as u64,
        chrome["device_total"].as_u64().expect("n")
    );
    assert!(
        rows.iter()
            .all(|r| r["software_key"] == key && r["software_version"].is_string())
    );
    // Narrow to one device.
    let device = rows[0]["device_id"].as_i64().expect("device");
    let one = c
        .ok(&format!(
            "/zdx/v1/inventory/software/{encoded}?deviceIds={device}"
        ))
        .await;
    assert_eq!(arr(&one["software"]).len(), 1);
    let on_device = c
        .ok(&format!("/zdx/v1/inventory/software?deviceIds={device}"))
        .await;
    let on_device = arr(&on_device["software"]);
    assert!(!on_device.is_empty() && on_device.len() < 14);
    assert!(
        on_device
            .iter()
            .all(|t| t["device_total"] == 1 && t["user_total"] == 1)
    );
    let paged = c.ok("/zdx/v1/inventory/software?limit=5").await;
    assert_eq!(paged["next_offset"], "5");
    let (status, _) = c.get("/zdx/v1/inventory/software/not-a-title").await;
    assert_eq!(status, 404);
    let (status, _) = c.get("/zdx/v1/inventory/software?userIds=abc").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn adversarial_software_names() {
    let c = common::start_with(SandboxConfig {
        adversarial: true,
        ..SandboxConfig::default()
    })
    .await;
    let list = c.ok("/zdx/v1/inventory/software").await;
    let planted = arr(&list["software"])
        .iter()
        .filter(|t| t["software_name"].as_str().expect("name").len() > 40)
        .count();
    assert!(planted > 0, "some software names carry payloads");
}

#[tokio::test]
async fn users_and_devices_grow_with_scale() {
    let c = common::start_with(SandboxConfig {
        scale: 90,
        ..SandboxConfig::default()
    })
    .await;
    let all = c.ok("/zdx/v1/devices?limit=10000").await;
    assert_eq!(arr(&all["devices"]).len(), 90);
    let page = c.ok("/zdx/v1/devices?offset=80&limit=100").await;
    assert_eq!(arr(&page["devices"]).len(), 10);
    // 90 users, one device each: every device belongs to a distinct user.
    let users: std::collections::BTreeSet<i64> = arr(&all["devices"])
        .iter()
        .map(|d| d["userid"].as_i64().expect("userid"))
        .collect();
    assert_eq!(users.len(), 90);
}

#[tokio::test]
async fn deep_trace_lifecycle() {
    let c = &common::start().await;
    let devices = c.ok("/zdx/v1/devices?limit=3").await;
    let seeded_device = devices["devices"][0]["id"].as_i64().expect("id");
    let traces = c
        .ok(&format!("/zdx/v1/devices/{seeded_device}/deeptraces"))
        .await;
    let traces = arr(&traces).clone();
    assert_eq!(traces.len(), 2);
    let trace = &traces[0];
    assert_eq!(trace["status"], "completed");
    assert_eq!(trace["trace_details"]["device_id"], seeded_device);
    assert!(trace.get("_device").is_none());
    let tid = trace["trace_id"].as_i64().expect("trace id");
    let base = format!("/zdx/v1/devices/{seeded_device}/deeptraces/{tid}");
    let one = c.ok(&base).await;
    assert_eq!(&one, trace);
    let minutes = trace["trace_details"]["session_length_minutes"]
        .as_i64()
        .expect("m");

    let top = c.ok(&format!("{base}/top-processes")).await;
    assert_eq!(arr(&top["top_processes"]).len() as i64, minutes + 1);
    assert_eq!(
        top["top_processes"][0]["top_processes"][0]["category"],
        "cpu"
    );
    let web = c.ok(&format!("{base}/webprobe-metrics")).await;
    assert_eq!(web["metric"], "pft");
    assert_eq!(arr(&web["datapoints"]).len() as i64, minutes + 1);
    assert_eq!(arr(&web["metrics"]).len(), 4);
    let cpm = c.ok(&format!("{base}/cloudpath-metrics")).await;
    assert_eq!(cpm["leg_src"], "client");
    assert_eq!(arr(&cpm["legs"]).len(), 3);
    let path = c.ok(&format!("{base}/cloudpath")).await;
    assert_eq!(path["cloudpath"]["num_hops"], 6);
    assert_eq!(arr(&path["cloudpath"]["hops"]).len(), 6);
    let health = c.ok(&format!("{base}/health-metrics")).await;
    assert_eq!(health["category"], "cpu");
    assert_eq!(arr(&health["metrics"]).len(), 4);
    let events = c.ok(&format!("{base}/events")).await;
    assert_eq!(events["events"][0]["name"], "zcc_tunnel");
    assert_eq!(events["timestamp"], trace["started_at"]);

    // Another device's path does not reach this trace.
    let other = devices["devices"][2]["id"].as_i64().expect("id");
    let (status, _) = c
        .get(&format!("/zdx/v1/devices/{other}/deeptraces/{tid}"))
        .await;
    assert_eq!(status, 404);

    // Start a session: validation first.
    let app = 3;
    let good = json!({
        "session_name": "Teams slowness", "app_id": app, "web_probe_id": app * 100 + 1,
        "cloudpath_probe_id": app * 100 + 2, "session_length_minutes": 15, "probe_device": true
    });
    let create = format!("/zdx/v1/devices/{other}/deeptraces");
    let mut missing = good.clone();
    missing.as_object_mut().expect("obj").remove("session_name");
    let (status, body) = c.call("POST", &create, Some(missing)).await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("m")
            .contains("'session_name'")
    );
    let mut wrong_probe = good.clone();
    wrong_probe["web_probe_id"] = json!(501);
    let (status, body) = c.call("POST", &create, Some(wrong_probe)).await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .expect("m")
            .contains("web_probe_id")
    );
    let mut bad_length = good.clone();
    bad_length["session_length_minutes"] = json!(7);
    let (status, _) = c.call("POST", &create, Some(bad_length)).await;
    assert_eq!(status, 400);
    let (status, _) = c
        .call("POST", "/zdx/v1/devices/5/deeptraces", Some(good.clone()))
        .await;
    assert_eq!(status, 404);

    let (status, started) = c.call("POST", &create, Some(good.clone())).await;
    assert_eq!(status, 200, "{started}");
    assert_eq!(started["status"], "in_progress");
    assert_eq!(started["session_name"], "Teams slowness");
    assert_eq!(started["trace_details"]["app_name"], "Microsoft Teams");
    let new_id = started["trace_id"].as_i64().expect("trace id");
    let listed = c.ok(&create).await;
    assert!(arr(&listed).iter().any(|t| t["trace_id"] == new_id));
    let (status, body) = c.call("POST", &create, Some(good)).await;
    assert_eq!(status, 409, "one running session per device: {body}");
    let top = c.ok(&format!("{create}/{new_id}/top-processes")).await;
    assert_eq!(arr(&top["top_processes"]).len(), 1);

    let (status, body) = c
        .call("DELETE", &format!("{create}/{new_id}"), Some(json!({})))
        .await;
    assert_eq!(status, 204);
    assert_eq!(body, Value::Null);
    let (status, _) = c.get(&format!("{create}/{new_id}")).await;
    assert_eq!(status, 404);
    let (status, _) = c.get(&format!("{create}/{new_id}/events")).await;
    assert_eq!(status, 404);
    let (status, _) = c.call("DELETE", &format!("{create}/{new_id}"), None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn score_analysis_lifecycle() {
    let c = &common::start().await;
    let devices = c.ok("/zdx/v1/devices?limit=1").await;
    let device = devices["devices"][0]["id"].as_i64().expect("id");
    let t = now();
    let (status, body) = c
        .call(
            "POST",
            "/zdx/v1/analysis",
            Some(json!({"device_id": device.to_string()})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(body["message"].as_str().expect("m").contains("'app_id'"));
    let (status, _) = c
        .call(
            "POST",
            "/zdx/v1/analysis",
            Some(json!({"device_id": device.to_string(), "app_id": 1, "t0": t, "t1": t - 60})),
        )
        .await;
    assert_eq!(status, 400);
    let (status, _) = c
        .call(
            "POST",
            "/zdx/v1/analysis",
            Some(json!({"device_id": "77", "app_id": 1})),
        )
        .await;
    assert_eq!(status, 404);

    let (status, started) = c
        .call(
            "POST",
            "/zdx/v1/analysis",
            Some(json!({"device_id": device.to_string(), "app_id": 1, "t0": t - 3600, "t1": t})),
        )
        .await;
    assert_eq!(status, 200, "{started}");
    let id = started["analysis_id"]
        .as_str()
        .expect("analysis id")
        .to_string();
    assert_eq!(started["status"], "started");
    assert_eq!(started["t0"], t - 3600);
    let got = c.ok(&format!("/zdx/v1/analysis/{id}")).await;
    assert_eq!(got["analysis_id"], id.as_str());
    assert_eq!(got["status"], "completed");
    assert_eq!(got["data"]["app"]["name"], "Microsoft Outlook Online");
    assert_eq!(got["data"]["device"]["id"], device);
    assert!(got["data"]["summary"].as_str().expect("summary").len() > 10);
    let (status, _) = c
        .call("DELETE", &format!("/zdx/v1/analysis/{id}"), Some(json!({})))
        .await;
    assert_eq!(status, 204);
    let (status, body) = c.get(&format!("/zdx/v1/analysis/{id}")).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"], "RESOURCE_NOT_FOUND");
}
