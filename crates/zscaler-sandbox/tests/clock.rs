//! The injectable clock: with `SandboxConfig.clock` fixed, time-dependent answers (deep trace
//! start times, ZPA write stamps) are the same on every run.

mod common;

use serde_json::json;
use zscaler_sandbox::{Clock, SandboxConfig};

/// 2026-01-01T05:20:34Z: a fixed "now" a few hours after the pinned anchor.
const NOW: i64 = common::ANCHOR + 5 * 3600 + 1234;

async fn start_fixed() -> common::Client {
    common::start_with(SandboxConfig {
        clock: Clock::Fixed(NOW),
        ..common::pinned()
    })
    .await
}

#[tokio::test]
async fn a_fixed_clock_stamps_deep_traces() {
    let c = start_fixed().await;
    let devices = c.ok("/zdx/v1/devices?limit=3").await;
    let device = devices["devices"][2]["id"].as_i64().expect("id");
    let body = json!({
        "session_name": "Clock check", "app_id": 3, "web_probe_id": 301,
        "cloudpath_probe_id": 302, "session_length_minutes": 15, "probe_device": true
    });
    let create = format!("/zdx/v1/devices/{device}/deeptraces");
    let (status, started) = c.call("POST", &create, Some(body)).await;
    assert_eq!(status, 200, "{started}");
    assert_eq!(started["started_at"], NOW);
    // The clock does not move: the 15-minute session stays in progress.
    let id = started["trace_id"].as_i64().expect("trace id");
    let again = c.ok(&format!("{create}/{id}")).await;
    assert_eq!(again["status"], "in_progress");
    assert_eq!(again["started_at"], NOW);
}

#[tokio::test]
async fn a_fixed_clock_stamps_zpa_writes() {
    let c = start_fixed().await;
    let (status, group) = c
        .call(
            "POST",
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup",
            Some(json!({"name": "Clock group", "enabled": true})),
        )
        .await;
    assert_eq!(status, 200, "{group}");
    assert_eq!(group["creationTime"], NOW.to_string());
    assert_eq!(group["modifiedTime"], NOW.to_string());
}
