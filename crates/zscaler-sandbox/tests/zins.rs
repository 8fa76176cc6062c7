//! Z-Insights GraphQL: the SDK's own query documents, the 7/14-day window rule, `limit`,
//! field projection, grouping, trends and the GraphQL error shape (HTTP 200 + `errors`).

mod common;

use serde_json::{Value, json};

const DAY: i64 = 86_400_000;
const END: i64 = 1_795_138_251_870;

const WEB_BY_LOCATION: &str = r#"
    query WebTrafficByLocation(
        $startTime: Long!, $endTime: Long!, $trafficUnit: WebTrafficUnits!,
        $includeTrend: Boolean, $trendInterval: TrendInterval, $limit: Int,
        $filter_by: WebEntriesFilterBy, $order_by: [WebOrderBy]
    ) {
        WEB_TRAFFIC {
            location(
                start_time: $startTime,
                end_time: $endTime,
                traffic_unit: $trafficUnit,
                include_trend: $includeTrend,
                trend_interval: $trendInterval
            ) {
                obfuscated
                entries(limit: $limit, filter_by: $filter_by, order_by: $order_by) {
                    name
                    total
                    trend {
                        trend_start_time
                        trend_interval
                        trend_values
                    }
                }
            }
        }
    }
"#;

const WEB_NO_GROUPING: &str = r#"
    query WebTrafficNoGrouping(
        $startTime: Long!, $endTime: Long!, $trafficUnit: WebTrafficUnits!,
        $dlpEngineFilter: DlpEngineFilter, $actionFilter: ActionStatus,
        $includeTrend: Boolean, $trendInterval: TrendInterval, $limit: Int,
        $filter_by: WebEntriesFilterBy, $order_by: [WebOrderBy]
    ) {
        WEB_TRAFFIC {
            no_grouping(
                start_time: $startTime,
                end_time: $endTime,
                traffic_unit: $trafficUnit,
                dlp_engine_filter: $dlpEngineFilter,
                action_filter: $actionFilter,
                include_trend: $includeTrend,
                trend_interval: $trendInterval
            ) {
                obfuscated
                entries(limit: $limit, filter_by: $filter_by, order_by: $order_by) {
                    name
                    total
                    trend { trend_start_time trend_interval trend_values }
                }
            }
        }
    }
"#;

fn web_simple(op: &str, field: &str) -> String {
    format!(
        r#"query {op}(
            $startTime: Long!, $endTime: Long!, $trafficUnit: WebTrafficUnits!,
            $limit: Int, $filter_by: WebEntriesFilterBy, $order_by: [WebOrderBy]
        ) {{
            WEB_TRAFFIC {{
                {field}(start_time: $startTime, end_time: $endTime, traffic_unit: $trafficUnit) {{
                    obfuscated
                    entries(limit: $limit, filter_by: $filter_by, order_by: $order_by) {{
                        name
                        total
                    }}
                }}
            }}
        }}"#
    )
}

const CYBER_INCIDENTS: &str = r#"
    query CyberSecurityIncidents(
        $startTime: Long!, $endTime: Long!,
        $categorizeBy: [IncidentsGroupBy!]!, $limit: Int
    ) {
        CYBER_SECURITY {
            incidents(
                categorize_by: $categorizeBy,
                start_time: $startTime,
                end_time: $endTime
            ) {
                obfuscated
                entries(limit: $limit) {
                    name
                    total
                    entries(limit: $limit) {
                        name
                        total
                    }
                }
            }
        }
    }
"#;

const CYBER_BY_LOCATION: &str = r#"
    query CyberSecurityByLocation(
        $startTime: Long!, $endTime: Long!,
        $categorizeBy: IncidentsWithIdGroupBy!, $limit: Int
    ) {
        CYBER_SECURITY {
            cyber_security_location(
                categorize_by: $categorizeBy,
                start_time: $startTime,
                end_time: $endTime
            ) {
                obfuscated
                entries(limit: $limit) {
                    id
                    name
                    total
                }
            }
        }
    }
"#;

fn firewall(op: &str, field: &str, with_id: bool) -> String {
    let id = if with_id { "id" } else { "" };
    format!(
        r#"query {op}(
            $startTime: Long!, $endTime: Long!, $limit: Int,
            $filter_by: FirewallEntriesFilterBy, $order_by: [FirewallEntryOrderBy]
        ) {{
            ZERO_TRUST_FIREWALL {{
                {field}(start_time: $startTime, end_time: $endTime) {{
                    obfuscated
                    entries(limit: $limit, filter_by: $filter_by, order_by: $order_by) {{
                        {id}
                        name
                        total
                    }}
                }}
            }}
        }}"#
    )
}

const CASB: &str = r#"
    query CasbAppReport(
        $startTime: Long!, $endTime: Long!, $limit: Int,
        $filter_by: CasbEntriesFilterBy, $order_by: [CasbEntryOrderBy]
    ) {
        SAAS_SECURITY {
            casb_app(start_time: $startTime, end_time: $endTime) {
                obfuscated
                entries(limit: $limit, filter_by: $filter_by, order_by: $order_by) {
                    name
                    total
                }
            }
        }
    }
"#;

const SHADOW_APPS: &str = r#"
    query ShadowITApps(
        $startTime: Long!, $endTime: Long!, $limit: Int,
        $filterBy: shadowITAppsSearchFilterBy, $orderBy: [ShadowITAppsOrderBy]
    ) {
        SHADOW_IT {
            apps(start_time: $startTime, end_time: $endTime) {
                entries(limit: $limit, filter_by: $filterBy, order_by: $orderBy) {
                    application
                    application_category
                    risk_index
                    computed_risk_index
                    sanctioned_state
                    integration
                    data_consumed
                    data_uploaded
                    data_downloaded
                    authenticated_users
                    unAuthenticated_location_count
                    last_access_time
                    vulnerability
                    undiscovered
                    custom_risk_index
                }
            }
        }
    }
"#;

const SHADOW_SUMMARY: &str = r#"
    query ShadowITSummary($startTime: Long!, $endTime: Long!) {
        SHADOW_IT {
            shadow_it_summary(start_time: $startTime, end_time: $endTime) {
                total_upload_bytes
                total_download_bytes
                total_apps
                total_bytes
                group_by_app_cat_for_app {
                    obfuscated
                    entries { name total entries { name total } }
                }
                group_by_app_cat_for_user_count {
                    obfuscated
                    entries { name total entries { name total } }
                }
                group_by_risk_index_for_app { obfuscated entries { name total } }
                group_by_provisioning_status_for_app { obfuscated entries { name total } }
                group_by_access_for_app { obfuscated entries { name total } }
            }
        }
    }
"#;

const IOT: &str = r#"
    query IoTDeviceStats($limit: Int, $filter_by: IoTDeviceFilterBy, $order_by: [IoTDeviceOrderBy]) {
        IOT {
            device_stats {
                devices_count
                user_devices_count
                iot_devices_count
                server_devices_count
                un_classified_devices_count
                entries(limit: $limit, filter_by: $filter_by, order_by: $order_by) {
                    classifications
                    classification_uuid
                    category
                    total
                }
            }
        }
    }
"#;

async fn gql(c: &common::Client, query: &str, variables: Value, op: &str) -> Value {
    let (status, body) = c
        .call(
            "POST",
            "/zins/graphql",
            Some(json!({"query": query, "variables": variables, "operationName": op})),
        )
        .await;
    assert_eq!(status, 200, "{op}: {body}");
    body
}

fn week() -> Value {
    json!({"startTime": END - 7 * DAY, "endTime": END, "limit": 50})
}

fn fortnight() -> Value {
    json!({"startTime": END - 14 * DAY, "endTime": END, "limit": 50})
}

fn with(mut v: Value, extra: Value) -> Value {
    if let (Value::Object(m), Value::Object(e)) = (&mut v, extra) {
        m.extend(e);
    }
    v
}

fn entries<'a>(body: &'a Value, domain: &str, field: &str) -> &'a Vec<Value> {
    assert!(body.get("errors").is_none(), "{body}");
    body["data"][domain][field]["entries"]
        .as_array()
        .expect("entries array")
}

fn total(entries: &[Value]) -> i64 {
    entries
        .iter()
        .map(|e| e["total"].as_i64().expect("total"))
        .sum()
}

#[tokio::test]
async fn web_traffic_by_location_projects_limits_and_daily_trends() {
    let c = common::start().await;
    let vars = with(
        week(),
        json!({"trafficUnit": "TRANSACTIONS", "includeTrend": true, "trendInterval": "DAY", "limit": 3}),
    );
    let body = gql(&c, WEB_BY_LOCATION, vars, "WebTrafficByLocation").await;
    assert_eq!(body["data"]["WEB_TRAFFIC"]["location"]["obfuscated"], false);
    let rows = entries(&body, "WEB_TRAFFIC", "location");
    assert_eq!(rows.len(), 3, "limit honoured");
    // Only the selected keys come back (no `id`), largest first.
    let keys: Vec<&String> = rows[0].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["name", "total", "trend"]);
    assert!(rows[0]["total"].as_i64() >= rows[1]["total"].as_i64());
    let trend = &rows[0]["trend"];
    assert_eq!(trend["trend_interval"], "DAY");
    assert_eq!(trend["trend_start_time"], END - 7 * DAY);
    let values = trend["trend_values"].as_array().expect("values");
    assert_eq!(values.len(), 7);
    let sum: i64 = values.iter().map(|v| v.as_i64().expect("int")).sum();
    assert_eq!(sum, rows[0]["total"].as_i64().expect("total"));
}

#[tokio::test]
async fn web_traffic_hourly_trend_and_no_trend_unless_asked() {
    let c = common::start().await;
    // Hourly trend: 24 buckets per day; no trend unless asked.
    let vars = with(
        week(),
        json!({"trafficUnit": "BYTES", "includeTrend": true, "trendInterval": "HOUR", "limit": 1}),
    );
    let body = gql(&c, WEB_BY_LOCATION, vars, "WebTrafficByLocation").await;
    let rows = entries(&body, "WEB_TRAFFIC", "location");
    assert_eq!(
        rows[0]["trend"]["trend_values"]
            .as_array()
            .expect("values")
            .len(),
        7 * 24
    );
    let vars = with(week(), json!({"trafficUnit": "TRANSACTIONS"}));
    let body = gql(&c, WEB_BY_LOCATION, vars, "WebTrafficByLocation").await;
    assert!(entries(&body, "WEB_TRAFFIC", "location")[0]["trend"].is_null());
}

#[tokio::test]
async fn a_fourteen_day_window_sees_more_than_seven() {
    let c = common::start().await;
    let q = web_simple("WebProtocols", "protocols");
    let unit = json!({"trafficUnit": "TRANSACTIONS"});
    let w = gql(&c, &q, with(week(), unit.clone()), "WebProtocols").await;
    let f = gql(&c, &q, with(fortnight(), unit.clone()), "WebProtocols").await;
    let (w, f) = (
        total(entries(&w, "WEB_TRAFFIC", "protocols")),
        total(entries(&f, "WEB_TRAFFIC", "protocols")),
    );
    assert!(w > 0 && f > w, "7d={w} 14d={f}");
}

#[tokio::test]
async fn windows_other_than_7_or_14_days_are_refused() {
    let c = common::start().await;
    let q = web_simple("WebProtocols", "protocols");
    for days in [1, 6, 8, 30] {
        let vars =
            json!({"startTime": END - days * DAY, "endTime": END, "trafficUnit": "TRANSACTIONS"});
        let body = gql(&c, &q, vars, "WebProtocols").await;
        assert!(body["data"].is_null(), "{body}");
        let err = &body["errors"][0];
        assert!(
            err["message"]
                .as_str()
                .expect("message")
                .contains("exactly 7 or 14 days"),
            "{err}"
        );
        assert_eq!(err["path"], json!(["WEB_TRAFFIC", "protocols"]));
        assert_eq!(err["extensions"]["classification"], "DataFetchingException");
    }
}

#[tokio::test]
async fn web_no_grouping_totals_and_action_filter() {
    let c = common::start().await;
    let unit = json!({"trafficUnit": "TRANSACTIONS", "includeTrend": true, "trendInterval": "DAY"});
    let all = gql(
        &c,
        WEB_NO_GROUPING,
        with(week(), unit.clone()),
        "WebTrafficNoGrouping",
    )
    .await;
    let all = entries(&all, "WEB_TRAFFIC", "no_grouping");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["name"], "TOTAL");
    let blocked = gql(
        &c,
        WEB_NO_GROUPING,
        with(week(), with(unit.clone(), json!({"actionFilter": "BLOCK"}))),
        "WebTrafficNoGrouping",
    )
    .await;
    let blocked = entries(&blocked, "WEB_TRAFFIC", "no_grouping");
    assert!(blocked[0]["total"].as_i64() < all[0]["total"].as_i64());
    assert!(blocked[0]["total"].as_i64() > Some(0));
}

#[tokio::test]
async fn a_bad_enum_variable_is_a_validation_error() {
    let c = common::start().await;
    // Bad enum value in a variable: a validation error, not a 4xx.
    let body = gql(
        &c,
        WEB_NO_GROUPING,
        with(week(), json!({"trafficUnit": "PACKETS"})),
        "WebTrafficNoGrouping",
    )
    .await;
    assert!(body["data"].is_null());
    assert_eq!(
        body["errors"][0]["extensions"]["classification"],
        "ValidationError"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .expect("message")
            .contains("PACKETS")
    );
}

#[tokio::test]
async fn web_threat_super_categories_and_classes() {
    let c = common::start().await;
    let unit = json!({"trafficUnit": "TRANSACTIONS", "includeTrend": true, "trendInterval": "DAY"});
    for (op, field) in [
        ("WebThreatSuperCategories", "threat_super_categories"),
        ("WebThreatClass", "threat_class"),
    ] {
        let body = gql(
            &c,
            &web_simple(op, field),
            with(fortnight(), unit.clone()),
            op,
        )
        .await;
        let rows = entries(&body, "WEB_TRAFFIC", field);
        assert!(!rows.is_empty(), "{field}");
        if field == "threat_class" {
            assert!(rows.iter().all(|r| {
                ["VIRUS_SPYWARE", "ADVANCED", "BEHAVIORAL_ANALYSIS"]
                    .contains(&r["name"].as_str().expect("name"))
            }));
        }
    }
}

#[tokio::test]
async fn cyber_incidents_group_nested_entries() {
    let c = common::start().await;
    let vars = with(
        fortnight(),
        json!({"categorizeBy": ["THREAT_CATEGORY_ID", "APP_ID"], "limit": 4}),
    );
    let body = gql(&c, CYBER_INCIDENTS, vars, "CyberSecurityIncidents").await;
    let rows = entries(&body, "CYBER_SECURITY", "incidents");
    assert!(!rows.is_empty() && rows.len() <= 4);
    for r in rows {
        let inner = r["entries"].as_array().expect("nested");
        assert!(!inner.is_empty() && inner.len() <= 4);
        assert!(
            inner
                .iter()
                .all(|i| i["total"].as_i64() <= r["total"].as_i64())
        );
    }
}

#[tokio::test]
async fn cyber_incidents_by_time_are_the_window_days_oldest_first() {
    let c = common::start().await;
    let vars = with(week(), json!({"categorizeBy": ["TIME"]}));
    let body = gql(&c, CYBER_INCIDENTS, vars, "CyberSecurityIncidents").await;
    let days = entries(&body, "CYBER_SECURITY", "incidents");
    assert_eq!(days.len(), 7);
    // END is 2026-11-20T01:30Z: the window's days are the 13th to the 19th, oldest first.
    assert_eq!(days[0]["name"], "2026-11-13");
    assert_eq!(days[6]["name"], "2026-11-19");
    assert!(days[0]["entries"].as_array().expect("nested").is_empty());
}

#[tokio::test]
async fn cyber_security_by_location_has_ids_and_names() {
    let c = common::start().await;
    let vars = with(week(), json!({"categorizeBy": "LOCATION_ID"}));
    let body = gql(&c, CYBER_BY_LOCATION, vars, "CyberSecurityByLocation").await;
    let rows = entries(&body, "CYBER_SECURITY", "cyber_security_location");
    assert!(
        rows.iter()
            .all(|r| r["id"].is_i64() && r["name"].is_string())
    );
}

#[tokio::test]
async fn cyber_incidents_require_categorize_by() {
    let c = common::start().await;
    // The non-null list variable is required.
    let body = gql(&c, CYBER_INCIDENTS, week(), "CyberSecurityIncidents").await;
    assert!(body["data"].is_null());
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .expect("message")
            .contains("categorizeBy")
    );
}

#[tokio::test]
async fn firewall_reports_show_ids_where_grouped_by_location() {
    let c = common::start().await;
    for (op, field, with_id) in [
        ("FirewallByAction", "action", false),
        ("FirewallByLocation", "location_firewall", true),
        ("FirewallNetworkServices", "network_service", false),
    ] {
        let body = gql(&c, &firewall(op, field, with_id), week(), op).await;
        let rows = entries(&body, "ZERO_TRUST_FIREWALL", field);
        assert!(!rows.is_empty(), "{op}");
        assert_eq!(rows[0].get("id").is_some(), with_id, "{op}");
    }
}

#[tokio::test]
async fn firewall_actions_include_allow() {
    let c = common::start().await;
    let body = gql(
        &c,
        &firewall("FirewallByAction", "action", false),
        week(),
        "FirewallByAction",
    )
    .await;
    let names: Vec<&str> = entries(&body, "ZERO_TRUST_FIREWALL", "action")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert!(names.contains(&"ALLOW"));
}

#[tokio::test]
async fn casb_app_report_honours_the_limit() {
    let c = common::start().await;
    let body = gql(&c, CASB, with(week(), json!({"limit": 5})), "CasbAppReport").await;
    assert_eq!(entries(&body, "SAAS_SECURITY", "casb_app").len(), 5);
}

#[tokio::test]
async fn shadow_it_apps_honour_the_limit() {
    let c = common::start().await;
    let body = gql(
        &c,
        SHADOW_APPS,
        with(fortnight(), json!({"limit": 5})),
        "ShadowITApps",
    )
    .await;
    let apps = body["data"]["SHADOW_IT"]["apps"]["entries"]
        .as_array()
        .expect("apps");
    assert_eq!(apps.len(), 5);
    assert_eq!(apps[0].as_object().expect("app").len(), 15);
    assert!(apps[0]["last_access_time"].as_i64() < Some(END));
}

#[tokio::test]
async fn shadow_it_summary_adds_up() {
    let c = common::start().await;
    let body = gql(&c, SHADOW_SUMMARY, fortnight(), "ShadowITSummary").await;
    let summary = &body["data"]["SHADOW_IT"]["shadow_it_summary"];
    assert_eq!(summary["total_apps"], 16);
    assert_eq!(
        summary["total_bytes"].as_i64(),
        Some(
            summary["total_upload_bytes"].as_i64().expect("up")
                + summary["total_download_bytes"].as_i64().expect("down")
        )
    );
    let cats = summary["group_by_app_cat_for_app"]["entries"]
        .as_array()
        .expect("cats");
    assert_eq!(total(cats), 16);
    assert!(summary.get("group_by_app_cat_for_total_bytes").is_none());
}

#[tokio::test]
async fn iot_device_stats_add_up() {
    let c = common::start().await;
    let (status, body) = c
        .call(
            "POST",
            "/zins/graphql",
            Some(
                json!({"query": IOT, "variables": {"limit": 3}, "operationName": "IoTDeviceStats"}),
            ),
        )
        .await;
    assert_eq!(status, 200);
    let stats = &body["data"]["IOT"]["device_stats"];
    assert_eq!(stats["entries"].as_array().expect("entries").len(), 3);
    let parts: i64 = [
        "user_devices_count",
        "iot_devices_count",
        "server_devices_count",
        "un_classified_devices_count",
    ]
    .iter()
    .map(|k| stats[k].as_i64().expect("count"))
    .sum();
    assert_eq!(stats["devices_count"].as_i64(), Some(parts));
}

#[tokio::test]
async fn unknown_domains_and_fields_are_validation_errors() {
    let c = common::start().await;
    // Unknown domain, unknown report field, unknown entry field.
    for (query, needle) in [
        ("query Q { NEWS_FEED { items { name } } }", "NEWS_FEED"),
        (
            "query Q($s: Long!, $e: Long!) { WEB_TRAFFIC { by_user(start_time: $s, end_time: $e) { entries { name } } } }",
            "by_user",
        ),
        (
            "query Q($s: Long!, $e: Long!) { SAAS_SECURITY { casb_app(start_time: $s, end_time: $e) { entries { name bogus } } } }",
            "bogus",
        ),
    ] {
        let body = gql(&c, query, json!({"s": END - 7 * DAY, "e": END}), "Q").await;
        assert!(body["data"].is_null(), "{body}");
        let err = &body["errors"][0];
        assert_eq!(err["extensions"]["classification"], "ValidationError");
        assert!(
            err["message"].as_str().expect("m").contains(needle),
            "{err}"
        );
    }
}

#[tokio::test]
async fn a_syntax_error_is_invalid_syntax() {
    let c = common::start().await;
    // Syntax error.
    let body = gql(&c, "query Q { WEB_TRAFFIC { ", json!({}), "Q").await;
    assert_eq!(
        body["errors"][0]["extensions"]["classification"],
        "InvalidSyntax"
    );
}

#[tokio::test]
async fn a_request_that_is_not_graphql_is_400() {
    let c = common::start().await;
    // Not a GraphQL request at all: 400.
    let (status, _) = c
        .call("POST", "/zins/graphql", Some(json!({"variables": {}})))
        .await;
    assert_eq!(status, 400);
    let response = c
        .http
        .post(c.url("/zins/graphql"))
        .bearer_auth(&c.token)
        .header("content-type", "application/json")
        .body("not json")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn aliases_and_typename_are_answered() {
    let c = common::start().await;
    // Aliases and __typename.
    let body = gql(
        &c,
        "query A($s: Long!, $e: Long!) { __typename t: SAAS_SECURITY { top: casb_app(start_time: $s, end_time: $e) { entries(limit: 1) { app: name } } } }",
        json!({"s": END - 7 * DAY, "e": END}),
        "A",
    )
    .await;
    assert_eq!(body["data"]["__typename"], "Query");
    assert!(
        body["data"]["t"]["top"]["entries"][0]["app"].is_string(),
        "{body}"
    );
}

#[tokio::test]
async fn large_scale_grows_the_buckets() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 2_000,
        ..Default::default()
    })
    .await;
    let base = common::start().await;
    let q = web_simple("WebProtocols", "protocols");
    let vars = with(fortnight(), json!({"trafficUnit": "TRANSACTIONS"}));
    let big = gql(&c, &q, vars.clone(), "WebProtocols").await;
    let small = gql(&base, &q, vars, "WebProtocols").await;
    assert!(
        total(entries(&big, "WEB_TRAFFIC", "protocols"))
            > 3 * total(entries(&small, "WEB_TRAFFIC", "protocols"))
    );
}

#[tokio::test]
async fn entries_take_filter_and_name_order_arguments() {
    let c = common::start().await;
    let query = r#"query Q($s: Long!, $e: Long!) {
        SAAS_SECURITY {
            casb_app(start_time: $s, end_time: $e) {
                entries(
                    filter_by: {name: {in: ["Slack", "Zoom", "Box"]}},
                    order_by: [{name: DESC}]
                ) { name total }
            }
        }
    }"#;
    let body = gql(&c, query, json!({"s": END - 14 * DAY, "e": END}), "Q").await;
    let names: Vec<&str> = entries(&body, "SAAS_SECURITY", "casb_app")
        .iter()
        .map(|e| e["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Zoom", "Slack", "Box"]);
}

#[tokio::test]
async fn entries_take_the_sdk_order_by_shape() {
    let c = common::start().await;
    // The SDK's `order_by: [{total: ASC}]` shape.
    let query = r#"query Q($s: Long!, $e: Long!, $o: [CasbEntryOrderBy]) {
        SAAS_SECURITY { casb_app(start_time: $s, end_time: $e) { entries(order_by: $o, limit: 3) { total } } }
    }"#;
    let body = gql(
        &c,
        query,
        json!({"s": END - 14 * DAY, "e": END, "o": [{"total": "ASC"}]}),
        "Q",
    )
    .await;
    let totals: Vec<i64> = entries(&body, "SAAS_SECURITY", "casb_app")
        .iter()
        .map(|e| e["total"].as_i64().expect("total"))
        .collect();
    assert_eq!(totals.len(), 3);
    assert!(totals.windows(2).all(|w| w[0] <= w[1]), "{totals:?}");
}
