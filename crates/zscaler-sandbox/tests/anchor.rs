//! The seed anchor: seeded timestamps are relative to the start of the current UTC day (or to
//! `SandboxConfig::anchor`), so "last N days" queries find data; the data is the same for a
//! given (seed, anchor), moves with the anchor, and `/_sandbox/reset` keeps the anchor.

mod common;

use serde_json::{Value, json};
use zscaler_sandbox::SandboxConfig;
use zscaler_sandbox::seed::Seeder;
use zscaler_sandbox::services;
use zscaler_sandbox::tenant::{Identity, Tenant};

const C: &str = "/zcell/config/api/v1/customers/{zcellCustomerId}";
const EVENTS: &str = "/zcell/config/api/v1/network-events/{zcellCustomerId}/search";
const AUDIT: &str = "/zcell/config/api/v1/audit/customers/{zcellCustomerId}/search";
const DAY: i64 = 86_400;

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}

fn content(body: &Value) -> &Vec<Value> {
    body["content"].as_array().expect("content array")
}

/// Every network event in `[start, end]` (epoch seconds), newest first, read page by page.
async fn network_events(c: &common::Client, start: i64, end: i64) -> Vec<Value> {
    let path = format!("{EVENTS}/startTime/{start}/endTime/{end}");
    let mut out = Vec::new();
    for page in 0.. {
        let (status, body) = c
            .call("POST", &path, Some(json!({"page": page, "size": 100})))
            .await;
        assert_eq!(status, 200, "{body}");
        let rows = content(&body);
        out.extend(rows.iter().cloned());
        let total = body["totalElements"].as_u64().expect("totalElements");
        if rows.is_empty() || out.len() as u64 >= total {
            break;
        }
    }
    out
}

fn timestamps(rows: &[Value]) -> Vec<i64> {
    rows.iter()
        .map(|r| r["timestamp"].as_i64().expect("timestamp (ms)"))
        .collect()
}

#[tokio::test]
async fn default_anchor_is_midnight_utc_today() {
    let before = unix_now();
    let c = common::start().await;
    let end = unix_now();
    // The anchor is midnight UTC of the day the sandbox started.
    let anchor = c.sandbox.anchor;
    assert_eq!(anchor.rem_euclid(DAY), 0, "anchor {anchor} is a midnight");
    assert!(
        anchor == before - before.rem_euclid(DAY) || anchor == end - end.rem_euclid(DAY),
        "anchor {anchor} is today"
    );
}

#[tokio::test]
async fn default_anchor_puts_zcell_violations_in_the_last_7_days() {
    let c = common::start().await;
    let end = unix_now();
    let start = end - 7 * DAY;
    let in_window = |t: &i64| *t >= start * 1000 && *t <= end * 1000 + 999;
    // Violations: the policy list counts them per policy in the window; read them per policy.
    let window = format!("startDateTime={start}&endDateTime={end}");
    let policies = c.ok(&format!("{C}/anomaly-policy?{window}")).await;
    let mut violations = Vec::new();
    for policy in content(&policies) {
        let id = policy["id"].as_u64().expect("policy id");
        let page = c
            .ok(&format!(
                "{C}/anomaly-policy/{id}/violations?{window}&page=0&size=100"
            ))
            .await;
        assert_eq!(policy["violations"], page["totalElements"]);
        violations.extend(content(&page).iter().cloned());
    }
    assert!(!violations.is_empty(), "violations in the last 7 days");
    assert!(timestamps(&violations).iter().all(in_window));
}

#[tokio::test]
async fn default_anchor_puts_zcell_network_events_in_the_last_7_days() {
    let c = common::start().await;
    let end = unix_now();
    let start = end - 7 * DAY;
    let in_window = |t: &i64| *t >= start * 1000 && *t <= end * 1000 + 999;
    let events = network_events(&c, start, end).await;
    assert!(!events.is_empty(), "network events in the last 7 days");
    assert!(timestamps(&events).iter().all(in_window));
}

#[tokio::test]
async fn default_anchor_puts_zcell_audit_records_in_the_last_7_days() {
    let c = common::start().await;
    let end = unix_now();
    let start = end - 7 * DAY;
    let in_window = |t: &i64| *t >= start * 1000 && *t <= end * 1000 + 999;
    let (status, audit) = c
        .call(
            "POST",
            &format!("{AUDIT}?page=0&size=100"),
            Some(json!({"startDate": start, "endDate": end})),
        )
        .await;
    assert_eq!(status, 200, "{audit}");
    assert!(
        !content(&audit).is_empty(),
        "audit records in the last 7 days"
    );
    assert!(timestamps(content(&audit)).iter().all(in_window));
}

#[tokio::test]
async fn default_anchor_makes_zcc_devices_recent() {
    let c = common::start().await;
    let now = unix_now();
    // ZCC: every device was last seen within the day before the anchor, none in the future.
    let devices = c.ok("/zcc/papi/public/v1/getDevices").await;
    let devices = devices.as_array().expect("bare array");
    assert!(!devices.is_empty());
    for d in devices {
        for field in ["last_seen_time", "keepAliveTime", "registrationTime"] {
            let t: i64 = d[field]
                .as_str()
                .and_then(|t| t.parse().ok())
                .unwrap_or_else(|| panic!("{field} in {d}"));
            assert!(t <= now, "{field} {t} is not in the future");
        }
        let seen: i64 = d["last_seen_time"]
            .as_str()
            .and_then(|t| t.parse().ok())
            .expect("last_seen_time");
        assert!(seen >= now - 2 * DAY, "last seen {seen} is recent");
    }
}

#[tokio::test]
async fn default_anchor_makes_zdx_deep_traces_recent() {
    let c = common::start().await;
    let now = unix_now();
    // ZDX: deep traces started within the last 3 weeks.
    let zdx = c.ok("/zdx/v1/devices").await;
    let device = zdx["devices"][0]["id"].as_i64().expect("ZDX device id");
    let traces = c.ok(&format!("/zdx/v1/devices/{device}/deeptraces")).await;
    let traces = traces.as_array().expect("bare array");
    assert!(!traces.is_empty(), "deep traces of device {device}");
    for t in traces {
        let started = t["started_at"].as_i64().expect("started_at");
        assert!(started >= now - 21 * DAY && started <= now, "{t}");
    }
}

/// Every seeded collection as JSON text, in seeding order.
fn seeded_text(seed: u64, anchor: i64) -> Vec<(&'static str, String)> {
    let identity = Identity {
        customer_id: "216196257331200001".into(),
        zcell_customer_id: "7000001".into(),
    };
    let mut tenant = Tenant::new(identity, 101_000, anchor);
    let defs = services::resources();
    tenant.seed(&defs, seed, 0, false);
    defs.iter()
        .map(|def| {
            let records: Vec<(&String, &Value)> = tenant
                .collection(def.key)
                .map(|c| c.records.iter().collect())
                .unwrap_or_default();
            (
                def.key,
                serde_json::to_string(&records).expect("records serialize"),
            )
        })
        .collect()
}

#[test]
fn same_seed_and_anchor_give_a_byte_identical_tenant() {
    let a = seeded_text(7, common::ANCHOR);
    let b = seeded_text(7, common::ANCHOR);
    assert_eq!(a.len(), b.len());
    for ((key, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{key} differs between two seedings");
    }
    // The seeder's clock is the tenant's anchor.
    let tenant = Tenant::new(
        Identity {
            customer_id: "1".into(),
            zcell_customer_id: "2".into(),
        },
        1,
        common::ANCHOR,
    );
    let mut s = Seeder::new(7, "any", 0, false, &tenant);
    assert_eq!(s.now(), common::ANCHOR);
    let t = s.epoch_within(30);
    assert!((common::ANCHOR - 30 * DAY..=common::ANCHOR).contains(&t));
}

#[tokio::test]
async fn a_different_anchor_shifts_network_events_by_exactly_the_difference() {
    let shift = 40 * DAY + 3_600;
    let a = common::start_with(common::pinned()).await;
    let b = common::start_with(common::pinned()).await;
    let later = common::start_with(SandboxConfig {
        anchor: Some(common::ANCHOR + shift),
        ..SandboxConfig::default()
    })
    .await;
    assert_eq!(later.sandbox.anchor, common::ANCHOR + shift);
    let (start, end) = (common::ANCHOR - 60 * DAY, common::ANCHOR);
    let ours = network_events(&a, start, end).await;
    assert!(!ours.is_empty());
    assert_eq!(ours, network_events(&b, start, end).await, "same anchor");
    let moved = network_events(&later, start + shift, end + shift).await;
    assert_eq!(moved.len(), ours.len());
    for (x, y) in ours.iter().zip(&moved) {
        let (tx, ty) = (x["timestamp"].as_i64(), y["timestamp"].as_i64());
        assert_eq!(ty, tx.map(|t| t + shift * 1000), "{x} vs {y}");
        let mut y = y.clone();
        y["timestamp"] = x["timestamp"].clone();
        assert_eq!(*x, y, "only the timestamp moves");
    }
}

#[tokio::test]
async fn nothing_of_a_later_tenant_is_after_its_own_anchor() {
    let shift = 40 * DAY + 3_600;
    let later = common::start_with(SandboxConfig {
        anchor: Some(common::ANCHOR + shift),
        ..SandboxConfig::default()
    })
    .await;
    // Nothing of the later tenant is after its own anchor.
    let (status, body) = later
        .call(
            "POST",
            &format!(
                "{EVENTS}/startTime/{}/endTime/{}",
                common::ANCHOR + shift + 1,
                common::ANCHOR + shift + 300 * DAY
            ),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(content(&body).is_empty(), "{body}");
}

#[tokio::test]
async fn reset_keeps_the_anchor() {
    let c = common::start_pinned().await;
    assert_eq!(c.sandbox.anchor, common::ANCHOR);
    let (start, end) = (common::ANCHOR - 30 * DAY, common::ANCHOR);
    let before = network_events(&c, start, end).await;
    assert!(!before.is_empty());
    let before_audit = c
        .call(
            "POST",
            AUDIT,
            Some(json!({"startDate": start, "endDate": end})),
        )
        .await;
    assert_eq!(c.admin("POST", "/_sandbox/reset", None).await.status(), 204);
    // Re-seeded relative to the same anchor, not to today.
    assert_eq!(network_events(&c, start, end).await, before);
    assert_eq!(
        c.call(
            "POST",
            AUDIT,
            Some(json!({"startDate": start, "endDate": end}))
        )
        .await,
        before_audit
    );
}
