//! ZCC contract: device list (bare array, 1-based paging, default page 50, max 5000, `osType`
//! and `username` filters), device OTPs, forwarding profiles and the trusted-network envelope.

mod common;

use serde_json::json;
use zscaler_sandbox::SandboxConfig;

#[tokio::test]
async fn device_list_pages_and_filters() {
    let c = common::start().await;
    let all = c.ok("/zcc/papi/public/v1/getDevices").await;
    let all = all.as_array().expect("bare array").clone();
    assert_eq!(all.len(), 40);
    for d in &all {
        for key in [
            "udid",
            "user",
            "type",
            "osVersion",
            "macAddress",
            "agentVersion",
            "registrationState",
            "policyName",
        ] {
            assert!(d.get(key).is_some(), "{key} in {d}");
        }
        assert!((1..=5).contains(&d["type"].as_i64().expect("type")));
    }
    let first = c
        .ok("/zcc/papi/public/v1/getDevices?page=1&pageSize=15")
        .await;
    assert_eq!(first.as_array().expect("array").len(), 15);
    assert_eq!(first[0]["udid"], all[0]["udid"]);
    let last = c
        .ok("/zcc/papi/public/v1/getDevices?page=3&pageSize=15")
        .await;
    assert_eq!(last.as_array().expect("array").len(), 10);
    assert_eq!(last[9]["udid"], all[39]["udid"]);
    assert_eq!(
        c.ok("/zcc/papi/public/v1/getDevices?page=4&pageSize=15")
            .await,
        json!([])
    );
    let (status, body) = c.get("/zcc/papi/public/v1/getDevices?pageSize=5001").await;
    assert_eq!(status, 400);
    assert_eq!(body["errorCode"], "INVALID_INPUT_ARGUMENT");
    assert!(
        body["errorMessage"]
            .as_str()
            .expect("message")
            .contains("pageSize")
    );

    let windows = c.ok("/zcc/papi/public/v1/getDevices?osType=3").await;
    let windows = windows.as_array().expect("array");
    let expected = all.iter().filter(|d| d["type"] == 3).count();
    assert!(expected > 0);
    assert_eq!(windows.len(), expected);
    let two = c.ok("/zcc/papi/public/v1/getDevices?osType=3,4").await;
    assert_eq!(
        two.as_array().expect("array").len(),
        all.iter()
            .filter(|d| d["type"] == 3 || d["type"] == 4)
            .count()
    );
    let (status, _) = c.get("/zcc/papi/public/v1/getDevices?osType=9").await;
    assert_eq!(status, 400);

    let user = all[7]["user"].as_str().expect("user").to_uppercase();
    let mine = c
        .ok(&format!("/zcc/papi/public/v1/getDevices?username={user}"))
        .await;
    assert_eq!(mine.as_array().expect("array").len(), 1);
    assert_eq!(mine[0]["udid"], all[7]["udid"]);
}

#[tokio::test]
async fn default_page_is_50_and_scale_grows_devices() {
    let c = common::start_with(SandboxConfig {
        scale: 120,
        ..SandboxConfig::default()
    })
    .await;
    let first = c.ok("/zcc/papi/public/v1/getDevices").await;
    assert_eq!(first.as_array().expect("array").len(), 50);
    let big = c.ok("/zcc/papi/public/v1/getDevices?pageSize=5000").await;
    assert_eq!(big.as_array().expect("array").len(), 120);
}

#[tokio::test]
async fn otp_by_udid() {
    let c = common::start().await;
    let devices = c.ok("/zcc/papi/public/v1/getDevices?pageSize=2").await;
    let udid = devices[0]["udid"].as_str().expect("udid").to_string();
    let encoded: String = form_encode(&udid);
    let otp = c
        .ok(&format!("/zcc/papi/public/v1/getOtp?udid={encoded}"))
        .await;
    for key in [
        "otp",
        "logoutOtp",
        "revertOtp",
        "uninstallOtp",
        "exitOtp",
        "ziaDisableOtp",
        "zpaDisableOtp",
        "zdxDisableOtp",
    ] {
        assert_eq!(otp[key].as_str().expect(key).len(), 10, "{key}");
    }
    assert_ne!(otp["logoutOtp"], otp["uninstallOtp"]);
    // Same device, same OTPs.
    let again = c
        .ok(&format!("/zcc/papi/public/v1/getOtp?udid={encoded}"))
        .await;
    assert_eq!(otp, again);
    let other = devices[1]["udid"].as_str().expect("udid");
    let other = c
        .ok(&format!(
            "/zcc/papi/public/v1/getOtp?udid={}",
            form_encode(other)
        ))
        .await;
    assert_ne!(otp["otp"], other["otp"]);

    let (status, body) = c.get("/zcc/papi/public/v1/getOtp").await;
    assert_eq!(status, 400);
    assert!(
        body["errorMessage"]
            .as_str()
            .expect("message")
            .contains("udid")
    );
    let (status, body) = c.get("/zcc/papi/public/v1/getOtp?udid=NOPE").await;
    assert_eq!(status, 404);
    assert_eq!(body["errorCode"], "RESOURCE_NOT_FOUND");
}

fn form_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn forwarding_profiles_and_trusted_networks() {
    let c = common::start().await;
    let profiles = c
        .ok("/zcc/papi/public/v1/webForwardingProfile/listByCompany")
        .await;
    let profiles = profiles.as_array().expect("bare array").clone();
    assert_eq!(profiles.len(), 4);
    assert_eq!(profiles[0]["name"], "Default");
    assert_eq!(
        profiles[0]["forwardingProfileActions"]
            .as_array()
            .expect("actions")
            .len(),
        4
    );
    let remote = c
        .ok("/zcc/papi/public/v1/webForwardingProfile/listByCompany?search=remote&page=1&pageSize=10")
        .await;
    assert_eq!(remote.as_array().expect("array").len(), 1);
    assert_eq!(remote[0]["name"], "Remote Workers");

    let nets = c
        .ok("/zcc/papi/public/v1/webTrustedNetwork/listByCompany")
        .await;
    assert_eq!(nets["totalCount"], 4);
    let contracts = nets["trustedNetworkContracts"]
        .as_array()
        .expect("contracts");
    assert_eq!(contracts.len(), 4);
    for n in contracts {
        for key in [
            "id",
            "guid",
            "networkName",
            "active",
            "trustedGateways",
            "trustedSubnets",
            "dnsServers",
            "ssids",
        ] {
            assert!(n.get(key).is_some(), "{key}");
        }
    }
    // Profiles reference existing trusted networks.
    let ids: Vec<String> = contracts.iter().map(|n| n["id"].to_string()).collect();
    for p in &profiles {
        for id in p["trustedNetworkIds"].as_array().expect("ids") {
            assert!(ids.contains(&id.as_str().expect("id text").to_string()));
        }
    }
    let page = c
        .ok("/zcc/papi/public/v1/webTrustedNetwork/listByCompany?page=2&pageSize=3")
        .await;
    assert_eq!(page["totalCount"], 4);
    assert_eq!(
        page["trustedNetworkContracts"]
            .as_array()
            .expect("array")
            .len(),
        1
    );
    let hits = c
        .ok("/zcc/papi/public/v1/webTrustedNetwork/listByCompany?search=branch")
        .await;
    assert_eq!(hits["totalCount"], 1);
    assert_eq!(
        hits["trustedNetworkContracts"][0]["networkName"],
        "Branch Office Network"
    );
    let (status, body) = c
        .get("/zcc/papi/public/v1/webTrustedNetwork/listByCompany?page=abc")
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["errorCode"], "INVALID_INPUT_ARGUMENT");
}
