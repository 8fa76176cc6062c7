//! ZCell contract: the 0-based `content` page (query paging, and body paging for POST
//! searches), customer-id checking, SIM search and details, analytics computed from the SIMs,
//! anomaly policies with logs and violations in date windows, regions, network events, audit
//! records, and the `{"msgId","detail","timestamp"}` error shape.

mod common;

use serde_json::{Value, json};

const C: &str = "/zcell/config/api/v1/customers/{zcellCustomerId}";
const DAY: i64 = 86_400;
/// The pinned anchor: "now" for the seeded data of [`common::start_pinned`].
const EPOCH: i64 = common::ANCHOR;

fn content(body: &Value) -> &Vec<Value> {
    body["content"].as_array().expect("content array")
}

fn assert_zcell_400(status: u16, body: &Value, needle: &str) {
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["msgId"], "invalid.input");
    assert!(
        body["detail"].as_str().expect("detail").contains(needle),
        "{body} lacks {needle}"
    );
    assert!(body["timestamp"].is_string());
}

#[tokio::test]
async fn customer_data_handling_and_customer_id_check() {
    let c = common::start().await;
    let body = c.ok(C).await;
    assert_eq!(body["customerId"], c.sandbox.zcell_customer_id.as_str());
    assert_eq!(body["dataRetentionDays"], 90);
    assert!(body.get("notes").is_some());
    let (status, err) = c.get("/zcell/config/api/v1/customers/999/tag").await;
    assert_eq!(status, 404, "{err}");
    assert_eq!(err["msgId"], "resource.not.found");
    assert!(err["detail"].as_str().expect("detail").contains("999"));
}

#[tokio::test]
async fn tags_page_zero_based_at_the_edges() {
    let c = common::start().await;
    let all = c.ok(&format!("{C}/tag")).await;
    assert_eq!(all["totalElements"], 8);
    assert_eq!(all["size"], 20);
    assert_eq!(all["number"], 0);
    assert_eq!(all["totalPages"], 1);
    assert_eq!(content(&all).len(), 8);
    let first = c.ok(&format!("{C}/tag?page=0&size=3")).await;
    assert_eq!(content(&first).len(), 3);
    assert_eq!(first["totalPages"], 3);
    assert_eq!(first["first"], true);
    assert_eq!(first["last"], false);
    assert_eq!(content(&first)[0]["name"], "fleet");
    let last = c.ok(&format!("{C}/tag?page=2&size=3")).await;
    assert_eq!(content(&last).len(), 2);
    assert_eq!(last["last"], true);
    assert_eq!(last["number"], 2);
    let past = c.ok(&format!("{C}/tag?page=9&size=3")).await;
    assert!(content(&past).is_empty());
    assert_eq!(past["empty"], true);
    assert_eq!(past["totalElements"], 8);
    for bad in ["size=0", "size=101", "page=-1", "page=x"] {
        let (status, body) = c.get(&format!("{C}/tag?{bad}")).await;
        assert_zcell_400(status, &body, "'");
    }
    let hits = c.ok(&format!("{C}/tag?name=COLD")).await;
    assert_eq!(hits["totalElements"], 1);
    assert_eq!(content(&hits)[0]["name"], "cold-chain");
}

#[tokio::test]
async fn sim_location_groups_list_get_and_404() {
    let c = common::start().await;
    let all = c.ok(&format!("{C}/sim-location-groups")).await;
    assert_eq!(all["totalElements"], 5);
    let hits = c.ok(&format!("{C}/sim-location-groups?name=europe")).await;
    assert_eq!(content(&hits).len(), 1);
    let group = content(&hits)[0].clone();
    assert_eq!(group["name"], "Western Europe");
    assert_eq!(group["countries"], json!(["DE", "NL", "FR"]));
    let id = group["id"].as_u64().expect("integer id");
    assert_eq!(c.ok(&format!("{C}/sim-location-groups/{id}")).await, group);
    let (status, body) = c.get(&format!("{C}/sim-location-groups/424242")).await;
    assert_eq!(status, 404);
    assert_eq!(body["msgId"], "resource.not.found");
}

#[tokio::test]
async fn sims_search_pages_in_the_body_and_filters() {
    let c = common::start().await;
    let search = format!("{C}/sims/search");
    let (status, page) = c
        .call("POST", &search, Some(json!({"page": 0, "size": 10})))
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["totalElements"], 50);
    assert_eq!(page["totalPages"], 5);
    assert_eq!(content(&page).len(), 10);
    let (_, last) = c
        .call("POST", &search, Some(json!({"page": 2, "size": 20})))
        .await;
    assert_eq!(content(&last).len(), 10);
    assert_eq!(last["last"], true);
    // No body: the first page of 20.
    let (status, default) = c.call("POST", &search, None).await;
    assert_eq!(status, 200);
    assert_eq!(content(&default).len(), 20);
    for (body, needle) in [
        (json!({"size": 101}), "'size'"),
        (json!({"size": 0}), "'size'"),
        (json!({"page": -1}), "'page'"),
        (json!({"iccid": 5}), "'iccid'"),
        (json!({"status": ["ACTIVATED"]}), "'status'"),
        (json!([1, 2]), "JSON object"),
    ] {
        let (status, err) = c.call("POST", &search, Some(body)).await;
        assert_zcell_400(status, &err, needle);
    }
    let sim = content(&page)[3].clone();
    for key in [
        "iccid",
        "imsi",
        "msisdn",
        "imei",
        "status",
        "networkStatus",
        "ipAddress",
        "locationCountry",
        "tags",
        "tagIds",
        "simLocationGroupIds",
        "brandName",
        "formFactor",
        "simLat",
        "usage",
        "usageVal",
        "assignedTo",
        "eid",
    ] {
        assert!(sim.get(key).is_some(), "SIM lacks {key}");
    }
    assert_eq!(sim["iccid"].as_str().expect("iccid").len(), 20);
    assert_eq!(sim["imsi"].as_str().expect("imsi").len(), 15);
    let iccid = sim["iccid"].as_str().expect("iccid");
    let (_, hits) = c
        .call(
            "POST",
            &search,
            Some(json!({"iccid": [iccid, "0000"], "page": 0, "size": 10})),
        )
        .await;
    assert_eq!(hits["totalElements"], 1);
    assert_eq!(content(&hits)[0], sim);
    let (_, active) = c
        .call(
            "POST",
            &search,
            Some(json!({"status": "activated", "size": 100})),
        )
        .await;
    let n_active = content(&active).len();
    assert!(n_active > 20 && n_active < 50, "{n_active}");
    assert!(content(&active).iter().all(|s| s["status"] == "ACTIVATED"));
    let (_, tagged) = c
        .call(
            "POST",
            &search,
            Some(json!({"tag": ["fleet"], "size": 100})),
        )
        .await;
    assert!(!content(&tagged).is_empty());
    assert!(content(&tagged).iter().all(|s| {
        s["tags"]
            .as_array()
            .expect("tags")
            .contains(&json!("fleet"))
    }));
    let (_, combined) = c
        .call(
            "POST",
            &search,
            Some(json!({"status": "ACTIVATED", "locationCountry": "DE", "imeiStatus": "LOCKED", "brandName": null, "size": 100})),
        )
        .await;
    assert!(content(&combined).iter().all(|s| {
        s["status"] == "ACTIVATED" && s["locationCountry"] == "DE" && s["dataAuthorizeImei"] == true
    }));
}

#[tokio::test]
async fn sim_details_by_iccid() {
    let c = common::start().await;
    let (_, page) = c
        .call(
            "POST",
            &format!("{C}/sims/search"),
            Some(json!({"size": 1})),
        )
        .await;
    let sim = content(&page)[0].clone();
    let iccid = sim["iccid"].as_str().expect("iccid");
    assert_eq!(c.ok(&format!("{C}/sims/details?iccId={iccid}")).await, sim);
    let (status, body) = c.get(&format!("{C}/sims/details")).await;
    assert_zcell_400(status, &body, "'iccId'");
    let (status, body) = c
        .get(&format!("{C}/sims/details?iccId=89000000000000000000"))
        .await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["msgId"], "resource.not.found");
}

#[tokio::test]
async fn analytics_are_computed_from_the_sims() {
    let c = common::start_pinned().await;
    let summary = c.ok(&format!("{C}/sim/analytics/summary")).await;
    let s = &summary.as_array().expect("array")[0];
    assert_eq!(s["total"], 50);
    let (active, inactive, used) = (
        s["active"].as_u64().expect("active"),
        s["inactive"].as_u64().expect("inactive"),
        s["used"].as_u64().expect("used"),
    );
    assert_eq!(active + inactive, 50);
    assert!(used >= active && used <= 50);
    let (_, page) = c
        .call(
            "POST",
            &format!("{C}/sims/search"),
            Some(json!({"status": "ACTIVATED", "size": 100})),
        )
        .await;
    assert_eq!(content(&page).len() as u64, active);

    // Map: markers group SIMs; iccIds narrows.
    let wanted: Vec<&str> = content(&page)
        .iter()
        .take(3)
        .map(|s| s["iccid"].as_str().expect("iccid"))
        .collect();
    let (status, map) = c
        .call(
            "POST",
            &format!("{C}/sim/analytics/map"),
            Some(json!({"iccIds": wanted})),
        )
        .await;
    assert_eq!(status, 200, "{map}");
    let listed: Vec<&str> = map
        .as_array()
        .expect("array")
        .iter()
        .flat_map(|p| p["iccid"].as_array().expect("iccids"))
        .map(|i| i.as_str().expect("iccid"))
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    let mut expected = wanted.clone();
    expected.sort();
    assert_eq!(sorted, expected);
    let (_, everything) = c
        .call("POST", &format!("{C}/sim/analytics/map"), Some(json!({})))
        .await;
    let total: usize = everything
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["iccid"].as_array().expect("iccids").len())
        .sum();
    assert_eq!(total as u64, active);

    // Usage windows: any window has data; daily totals add up to the per-SIM totals.
    let (start, end) = (EPOCH - 7 * DAY, EPOCH - 1);
    let by_sim = c
        .ok(&format!(
            "{C}/sim/analytics/usage/sims?startDate={start}&endDate={end}&limit=5"
        ))
        .await;
    let top = by_sim.as_array().expect("array");
    assert_eq!(top.len(), 5);
    assert!(
        top.windows(2)
            .all(|w| w[0]["usage"].as_u64() >= w[1]["usage"].as_u64())
    );
    let top_iccid = top[0]["iccid"].as_str().expect("iccid");
    let days = c
        .ok(&format!(
            "{C}/sim/analytics/usage/day?startDate={start}&endDate={end}&iccId={top_iccid}"
        ))
        .await;
    let days = days.as_array().expect("array");
    assert_eq!(days.len(), 7);
    assert_eq!(days[0]["creationTime"], (EPOCH - 7 * DAY) * 1000);
    let sum: u64 = days
        .iter()
        .map(|d| d["usage"].as_u64().expect("usage"))
        .sum();
    assert_eq!(Some(sum), top[0]["usage"].as_u64());
    let countries = c
        .ok(&format!(
            "{C}/sim/analytics/usage/countries?startDate={start}&endDate={end}"
        ))
        .await;
    let countries = countries.as_array().expect("array");
    assert!(!countries.is_empty() && countries.len() <= 10);
    let all_days = c
        .ok(&format!(
            "{C}/sim/analytics/usage/day?startDate={start}&endDate={end}"
        ))
        .await;
    let fleet: u64 = all_days
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["usage"].as_u64().expect("usage"))
        .sum();
    let by_country: u64 = countries
        .iter()
        .map(|c| c["usage"].as_u64().expect("usage"))
        .sum();
    assert_eq!(fleet, by_country);
    // A window today (relative to the real clock) has data too.
    let now = 1_795_311_046;
    let recent = c
        .ok(&format!(
            "{C}/sim/analytics/usage/sims?startDate={}&endDate={now}",
            now - 7 * DAY
        ))
        .await;
    assert!(!recent.as_array().expect("array").is_empty());
}

#[tokio::test]
async fn analytics_windows_and_limits_are_checked() {
    let c = common::start_pinned().await;
    let base = format!("{C}/sim/analytics/usage");
    for (path, needle) in [
        (format!("{base}/countries"), "'startDate'"),
        (format!("{base}/sims?startDate={EPOCH}"), "'endDate'"),
        (
            format!("{base}/day?startDate={EPOCH}&endDate={}", EPOCH - DAY),
            "'endDate'",
        ),
        (
            format!("{base}/day?startDate={}&endDate={EPOCH}", EPOCH - 400 * DAY),
            "365 days",
        ),
        (
            format!("{base}/day?startDate=yesterday&endDate={EPOCH}"),
            "epoch seconds",
        ),
        (
            format!(
                "{base}/countries?startDate={}&endDate={EPOCH}&limit=21",
                EPOCH - DAY
            ),
            "'limit'",
        ),
        (
            format!(
                "{base}/sims?startDate={}&endDate={EPOCH}&limit=0",
                EPOCH - DAY
            ),
            "'limit'",
        ),
    ] {
        let (status, body) = c.get(&path).await;
        assert_zcell_400(status, &body, needle);
    }
    let (status, body) = c
        .get(&format!(
            "{base}/day?startDate={}&endDate={EPOCH}&iccId=123",
            EPOCH - DAY
        ))
        .await;
    assert_eq!(status, 404, "{body}");
}

#[tokio::test]
async fn anomaly_policies_logs_and_violations() {
    let c = common::start_pinned().await;
    let (start, end) = (EPOCH - 90 * DAY, EPOCH);
    let window = format!("startDateTime={start}&endDateTime={end}");
    let list = c.ok(&format!("{C}/anomaly-policy?{window}")).await;
    assert_eq!(list["totalElements"], 6);
    let geo = c
        .ok(&format!("{C}/anomaly-policy?{window}&policyType=GEO_FENCE"))
        .await;
    assert_eq!(geo["totalElements"], 2);
    assert!(content(&geo).iter().all(|p| {
        p["policyType"] == "GEO_FENCE"
            && p["jsonData"]["configurations"]["geoFenceZones"]
                .as_array()
                .is_some_and(|z| z.len() == 1)
    }));
    let policy = content(&list)[0].clone();
    let id = policy["id"].as_u64().expect("id");
    let violations = c
        .ok(&format!(
            "{C}/anomaly-policy/{id}/violations?{window}&page=0&size=100"
        ))
        .await;
    // The list's count is the violations in the same window.
    assert_eq!(policy["violations"], violations["totalElements"]);
    assert!(policy["violations"].as_u64().expect("count") > 0);
    let times: Vec<i64> = content(&violations)
        .iter()
        .map(|v| v["timestamp"].as_i64().expect("timestamp"))
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(
        times
            .iter()
            .all(|t| *t >= start * 1000 && *t <= end * 1000 + 999)
    );
    // A narrower window counts fewer.
    let narrow = c
        .ok(&format!(
            "{C}/anomaly-policy?startDateTime={}&endDateTime={end}",
            EPOCH - 10 * DAY
        ))
        .await;
    let narrow_count = content(&narrow)[0]["violations"].as_u64().expect("count");
    assert!(narrow_count < policy["violations"].as_u64().expect("count"));
    // Per SIM: a bare array of that SIM's violations.
    let iccid = content(&violations)[0]["iccid"].as_str().expect("iccid");
    let mine = c
        .ok(&format!(
            "{C}/anomaly-policy/{id}/violations/{iccid}?{window}"
        ))
        .await;
    let mine = mine.as_array().expect("bare array");
    assert!(!mine.is_empty());
    assert!(
        mine.iter()
            .all(|v| v["iccid"] == iccid && v["policyId"] == id)
    );
    let logs = c
        .ok(&format!("{C}/anomaly-policy/{id}/logs?page=0&size=1"))
        .await;
    assert_eq!(content(&logs).len(), 1);
    assert!(logs["totalElements"].as_u64().expect("total") >= 2);
    assert!(content(&logs)[0]["action"].is_string());
    for path in [
        format!("{C}/anomaly-policy/999/logs"),
        format!("{C}/anomaly-policy/999/violations"),
        format!("{C}/anomaly-policy/{id}/violations/89000000000000000000"),
    ] {
        let (status, body) = c.get(&path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(body["msgId"], "resource.not.found");
    }
    let (status, body) = c
        .get(&format!(
            "{C}/anomaly-policy?startDateTime={end}&endDateTime={start}"
        ))
        .await;
    assert_zcell_400(status, &body, "'endDateTime'");
    let (status, body) = c
        .get(&format!("{C}/anomaly-policy/{id}/violations?size=500"))
        .await;
    assert_zcell_400(status, &body, "'size'");
}

#[tokio::test]
async fn regions_and_operational_status() {
    let c = common::start().await;
    let sku = c.ok(&format!("{C}/regions")).await;
    let sku = sku.as_array().expect("array");
    assert_eq!(sku.len(), 5);
    assert!(sku.iter().all(|r| r["region"] != "sa-east-1"));
    let all = c.ok(&format!("{C}/regions?skipSkuCheck=True")).await;
    assert_eq!(all.as_array().expect("array").len(), 6);
    assert!(all[0].get("configured").is_some());
    let (status, body) = c.get(&format!("{C}/regions?skipSkuCheck=yes")).await;
    assert_zcell_400(status, &body, "'skipSkuCheck'");
    let status_list = c.ok(&format!("{C}/regions/operational-status")).await;
    let status_list = status_list.as_array().expect("array");
    let configured = sku.iter().filter(|r| r["configured"] == true).count();
    assert_eq!(status_list.len(), configured);
    for r in status_list {
        assert_eq!(
            r["bc"]["operationalStatus"]
                .as_array()
                .expect("bc items")
                .len(),
            4
        );
        assert!(r["operationalStatus"].is_string() && r["mapACStatus"] == "MAPPED");
    }
    let small = c
        .ok(&format!("{C}/regions/operational-status?bcSize=2"))
        .await;
    assert_eq!(
        small[0]["bc"]["operationalStatus"]
            .as_array()
            .expect("bc")
            .len(),
        2
    );
}

#[tokio::test]
async fn network_events_search_window_filters_sort_and_page() {
    let c = common::start_pinned().await;
    let (start, end) = (EPOCH - 30 * DAY, EPOCH);
    let path = format!(
        "/zcell/config/api/v1/network-events/{{zcellCustomerId}}/search/startTime/{start}/endTime/{end}"
    );
    let (status, all) = c
        .call("POST", &path, Some(json!({"page": 0, "size": 100})))
        .await;
    assert_eq!(status, 200, "{all}");
    let total = all["totalElements"].as_u64().expect("total");
    assert!(total > 150 && total <= 200, "{total}");
    let times: Vec<i64> = content(&all)
        .iter()
        .map(|e| e["timestamp"].as_i64().expect("ts"))
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "default newest first"
    );
    let (_, asc) = c
        .call(
            "POST",
            &path,
            Some(json!({"sortBy": {"field": "timestamp", "order": "ASC"}, "size": 5, "filterBy": [{}]})),
        )
        .await;
    let asc_times: Vec<i64> = content(&asc)
        .iter()
        .map(|e| e["timestamp"].as_i64().expect("ts"))
        .collect();
    assert!(asc_times.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(asc["totalElements"].as_u64(), Some(total));
    let (_, no_apn) = c
        .call(
            "POST",
            &path,
            Some(json!({"excludeApnConfig": true, "size": 100, "page": 0})),
        )
        .await;
    let no_apn_total = no_apn["totalElements"].as_u64().expect("total");
    assert!(no_apn_total < total);
    let (_, attach) = c
        .call(
            "POST",
            &path,
            Some(json!({"filterBy": [{"field": "eventType", "value": "ATTACH"}], "size": 100})),
        )
        .await;
    assert!(!content(&attach).is_empty());
    assert!(content(&attach).iter().all(|e| e["eventType"] == "ATTACH"));
    // The window is in the path: a narrow window holds fewer events.
    let narrow = format!(
        "/zcell/config/api/v1/network-events/{{zcellCustomerId}}/search/startTime/{}/endTime/{end}",
        EPOCH - DAY
    );
    let (_, few) = c.call("POST", &narrow, Some(json!({}))).await;
    assert!(few["totalElements"].as_u64().expect("total") < total / 5);
    for (p, body, needle) in [
        (
            path.replace(&start.to_string(), "abc"),
            json!({}),
            "'startTime'",
        ),
        (
            format!(
                "/zcell/config/api/v1/network-events/{{zcellCustomerId}}/search/startTime/{end}/endTime/{start}"
            ),
            json!({}),
            "'endTime'",
        ),
        (path.clone(), json!({"size": 1000}), "'size'"),
        (path.clone(), json!({"filterBy": "eventType"}), "'filterBy'"),
        (
            path.clone(),
            json!({"excludeApnConfig": "yes"}),
            "'excludeApnConfig'",
        ),
    ] {
        let (status, err) = c.call("POST", &p, Some(body)).await;
        assert_zcell_400(status, &err, needle);
    }
}

#[tokio::test]
async fn audit_search_and_metadata() {
    let c = common::start_pinned().await;
    let path = "/zcell/config/api/v1/audit/customers/{zcellCustomerId}/search";
    let (start, end) = (EPOCH - 120 * DAY, EPOCH);
    let (status, all) = c
        .call(
            "POST",
            &format!("{path}?page=0&size=100"),
            Some(json!({"startDate": start, "endDate": end})),
        )
        .await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["totalElements"], 100);
    let (_, tags) = c
        .call(
            "POST",
            &format!("{path}?page=0&size=100"),
            Some(json!({"objectType": "TAG", "startDate": start, "endDate": end, "operationType": null})),
        )
        .await;
    assert!(!content(&tags).is_empty());
    assert!(content(&tags).iter().all(|r| r["objectType"] == "TAG"));
    let name = content(&tags)[0]["objectName"].as_str().expect("name");
    let (_, named) = c
        .call(
            "POST",
            &format!("{path}?size=100"),
            Some(json!({"objectName": name.to_uppercase()})),
        )
        .await;
    assert!(content(&named).iter().all(|r| r["objectName"] == name));
    let (_, paged) = c
        .call("POST", &format!("{path}?page=3&size=30"), Some(json!({})))
        .await;
    assert_eq!(content(&paged).len(), 10);
    assert_eq!(paged["number"], 3);
    let (status, err) = c
        .call("POST", &format!("{path}?size=101"), Some(json!({})))
        .await;
    assert_zcell_400(status, &err, "'size'");
    let (status, err) = c
        .call(
            "POST",
            path,
            Some(json!({"startDate": end, "endDate": start})),
        )
        .await;
    assert_zcell_400(status, &err, "'endDate'");
    let meta = c.ok("/zcell/config/api/v1/audit/metadata").await;
    let meta = meta.as_array().expect("array");
    assert!(meta.iter().any(|m| {
        m["objectType"] == "SIM"
            && m["operationTypes"]
                .as_array()
                .is_some_and(|o| o.contains(&json!("DEACTIVATE")))
    }));
}
