//! HTTPS with a generated CA: real handshakes, name resolution to loopback, CA written out.

use std::net::SocketAddr;

mod common;

use serde_json::Value;
use zscaler_sandbox::tls::TlsOptions;
use zscaler_sandbox::{Sandbox, SandboxConfig};

#[tokio::test]
async fn clients_trusting_the_written_ca_reach_the_sandbox_under_real_host_names() {
    common::crypto();
    let dir = std::env::temp_dir().join(format!("zsbx-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let ca_out = dir.join("ca.pem");
    let sandbox = Sandbox::start(SandboxConfig {
        tls: Some(TlsOptions {
            hostnames: vec!["api.zsapi.net".into(), "acme.zslogin.net".into()],
            ca_out: Some(ca_out.clone()),
        }),
        ..Default::default()
    })
    .await
    .expect("start");
    assert!(
        sandbox.base_url.starts_with("https://api.zsapi.net:"),
        "{}",
        sandbox.base_url
    );
    let ca = std::fs::read(&ca_out).expect("CA written");
    let loopback = SocketAddr::from(([127, 0, 0, 1], sandbox.addr.port()));
    let client = reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(&ca).expect("CA PEM")])
        .resolve("api.zsapi.net", loopback)
        .resolve("acme.zslogin.net", loopback)
        .build()
        .expect("client");
    let token_url = format!(
        "https://acme.zslogin.net:{}/oauth2/v1/token",
        sandbox.addr.port()
    );
    let token: Value = client
        .post(&token_url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", sandbox.client_id.as_str()),
            ("client_secret", sandbox.client_secret.as_str()),
            ("audience", "https://api.zscaler.com"),
        ])
        .send()
        .await
        .expect("TLS handshake and token")
        .json()
        .await
        .expect("json");
    let status: Value = client
        .get(format!("{}/zia/api/v1/status", sandbox.base_url))
        .bearer_auth(token["access_token"].as_str().expect("token"))
        .send()
        .await
        .expect("GET over TLS")
        .json()
        .await
        .expect("json");
    assert_eq!(status["status"], "ACTIVE");

    // A client that does not trust the sandbox CA is refused at the handshake.
    let untrusting = reqwest::Client::builder()
        .tls_certs_only(Vec::<reqwest::Certificate>::new())
        .resolve("api.zsapi.net", loopback)
        .build()
        .expect("client");
    assert!(
        untrusting
            .get(format!("{}/zia/api/v1/status", sandbox.base_url))
            .send()
            .await
            .is_err()
    );
    // Plain HTTP on the TLS port is not served.
    let plain = reqwest::get(format!(
        "http://127.0.0.1:{}/zia/api/v1/status",
        sandbox.addr.port()
    ))
    .await;
    assert!(!plain.map(|r| r.status().is_success()).unwrap_or(false));
    sandbox.stop().await.expect("stop");
    std::fs::remove_dir_all(&dir).ok();
}
