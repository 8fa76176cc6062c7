//! Network hardening at the edge, through real sockets: TLS with real handshakes (server
//! certificates, encrypted keys, client certificates), the source-IP allowlist with trusted
//! proxies, and origins (CORS). `/health` stays open behind every check but TLS.

mod common;

use std::path::PathBuf;

use common::{client, config, initialize};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose, SanType,
};
use serde_json::Value;
use tokio::sync::oneshot;
use zscaler_mcp::ZscalerMcpServer;

const ACCEPT_BOTH: &str = "application/json, text/event-stream";

/// A CA, a server certificate for localhost/127.0.0.1 and a client certificate, on disk.
struct Pki {
    dir: PathBuf,
    ca_pem: String,
    client_identity_pem: String,
}

impl Pki {
    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

fn pki(tag: &str) -> Pki {
    let dir = std::env::temp_dir().join(format!("zscaler-mcp-edge-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let ca_key = KeyPair::generate().expect("ca key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "edge test CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = ca_params.self_signed(&ca_key).expect("ca");
    let issuer = Issuer::new(ca_params, ca_key);

    let server_key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(vec!["localhost".to_string()]).expect("params");
    params
        .subject_alt_names
        .push(SanType::IpAddress("127.0.0.1".parse().expect("ip")));
    let server_cert = params.signed_by(&server_key, &issuer).expect("server cert");

    let client_key = KeyPair::generate().expect("client key");
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params
        .distinguished_name
        .push(DnType::CommonName, "edge test client");
    let client_cert = params.signed_by(&client_key, &issuer).expect("client cert");

    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write");
    write("ca.pem", &ca_cert.pem());
    write("server.pem", &server_cert.pem());
    write("server.key", &server_key.serialize_pem());
    // The same key, encrypted (PBES2: PBKDF2-SHA256, AES-256-CBC), as `openssl pkcs8 -topk8
    // -v2 aes-256-cbc` writes it.
    let info = pkcs8::PrivateKeyInfo::try_from(server_key.serialized_der()).expect("pkcs8");
    let params =
        pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(2048, b"saltsalt", &[7u8; 16])
            .expect("pbes2");
    let encrypted = info
        .encrypt_with_params(params, "correct horse")
        .expect("encrypt");
    write(
        "server-encrypted.key",
        &encrypted
            .to_pem("ENCRYPTED PRIVATE KEY", pkcs8::LineEnding::LF)
            .expect("pem"),
    );
    write("not-a-cert.pem", "hello\n");
    Pki {
        dir,
        ca_pem: ca_cert.pem(),
        client_identity_pem: format!("{}{}", client_cert.pem(), client_key.serialize_pem()),
    }
}

/// Starts a server from `vars` on 127.0.0.1:0 and returns its address, or the startup error.
async fn serve(
    vars: &[(&str, &str)],
) -> Result<(std::net::SocketAddr, oneshot::Sender<()>), zscaler_mcp::ServerError> {
    let config = config(
        &["--transport", "streamable-http", "--stateless-http"],
        vars,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(ZscalerMcpServer::builder(config).build().serve_http(
        listener,
        async move {
            let _ = rx.await;
        },
    ));
    // A startup refusal returns at once; a running server keeps serving.
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    if task.is_finished() {
        return Err(task.await.expect("join").expect_err("server stopped"));
    }
    Ok((addr, tx))
}

fn https_client(pki: &Pki, identity: bool) -> reqwest::Client {
    common::crypto();
    let mut builder = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .tls_certs_only([reqwest::Certificate::from_pem(pki.ca_pem.as_bytes()).expect("ca")]);
    if identity {
        builder = builder.identity(
            reqwest::Identity::from_pem(pki.client_identity_pem.as_bytes()).expect("identity"),
        );
    }
    builder.build().expect("client")
}

async fn post_initialize(
    http: &reqwest::Client,
    url: &str,
    headers: &[(&str, &str)],
) -> reqwest::Result<reqwest::Response> {
    let mut request = http
        .post(url)
        .header("accept", ACCEPT_BOTH)
        .json(&initialize("2025-11-25", 1));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    request.send().await
}

fn tls_vars(pki: &Pki, key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("ZSCALER_MCP_TLS_CERT_FILE", pki.path("server.pem")),
        ("ZSCALER_MCP_TLS_KEY_FILE", pki.path(key)),
    ]
}

fn refs<'a>(vars: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    vars.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn tls_serves_mcp_over_a_real_handshake_and_plaintext_gets_nothing() {
    let pki = pki("tls");
    let vars = tls_vars(&pki, "server.key");
    let (addr, stop) = serve(&refs(&vars)).await.expect("TLS server starts");
    let port = addr.port();
    let https = https_client(&pki, false);
    for host in ["localhost", "127.0.0.1"] {
        let r = post_initialize(&https, &format!("https://{host}:{port}/mcp"), &[])
            .await
            .expect("handshake and answer");
        assert_eq!(r.status(), 200, "{host}");
        let body: Value = r.json().await.expect("json");
        assert_eq!(
            body["result"]["serverInfo"]["name"], "zscaler-mcp",
            "{body}"
        );
        let health = https
            .get(format!("https://{host}:{port}/health"))
            .send()
            .await
            .expect("health");
        assert_eq!(health.status(), 200);
    }
    // Plaintext to the TLS port is not served.
    let plain = client()
        .get(format!("http://127.0.0.1:{port}/health"))
        .send()
        .await;
    assert!(
        plain.map(|r| r.status() != 200).unwrap_or(true),
        "plaintext HTTP answered on the TLS port"
    );
    // A client that does not trust the CA refuses the certificate.
    common::crypto();
    let untrusting = reqwest::Client::builder()
        .tls_certs_only(Vec::<reqwest::Certificate>::new())
        .build()
        .expect("client");
    let refused = untrusting
        .get(format!("https://127.0.0.1:{port}/health"))
        .send()
        .await
        .expect_err("unknown CA refused");
    assert!(
        format!("{refused:?}")
            .to_lowercase()
            .contains("certificate"),
        "{refused:?}"
    );
    let _ = stop.send(());
}

#[tokio::test]
async fn an_encrypted_key_needs_its_password() {
    let pki = pki("encrypted");
    let mut vars = tls_vars(&pki, "server-encrypted.key");
    vars.push(("ZSCALER_MCP_TLS_KEYFILE_PASSWORD", "correct horse".into()));
    let (addr, stop) = serve(&refs(&vars)).await.expect("encrypted key opens");
    let r = https_client(&pki, false)
        .get(format!("https://localhost:{}/health", addr.port()))
        .send()
        .await
        .expect("handshake");
    assert_eq!(r.status(), 200);
    let _ = stop.send(());

    vars.pop();
    vars.push(("ZSCALER_MCP_TLS_KEYFILE_PASSWORD", "wrong horse".into()));
    let e = serve(&refs(&vars))
        .await
        .expect_err("wrong password")
        .to_string();
    assert!(
        e.contains("ZSCALER_MCP_TLS_KEYFILE_PASSWORD") && !e.contains("wrong horse"),
        "{e}"
    );
    vars.pop();
    let e = serve(&refs(&vars))
        .await
        .expect_err("no password")
        .to_string();
    assert!(e.contains("ZSCALER_MCP_TLS_KEYFILE_PASSWORD"), "{e}");
}

#[tokio::test]
async fn unusable_tls_files_refuse_to_start_naming_the_variable() {
    let pki = pki("refusals");
    let cases: Vec<(Vec<(&'static str, String)>, &str)> = vec![
        (
            vec![
                ("ZSCALER_MCP_TLS_CERT_FILE", pki.path("missing.pem")),
                ("ZSCALER_MCP_TLS_KEY_FILE", pki.path("server.key")),
            ],
            "ZSCALER_MCP_TLS_CERT_FILE",
        ),
        (
            vec![
                ("ZSCALER_MCP_TLS_CERT_FILE", pki.path("not-a-cert.pem")),
                ("ZSCALER_MCP_TLS_KEY_FILE", pki.path("server.key")),
            ],
            "ZSCALER_MCP_TLS_CERT_FILE",
        ),
        (
            vec![
                ("ZSCALER_MCP_TLS_CERTFILE", pki.path("server.pem")),
                ("ZSCALER_MCP_TLS_KEYFILE", pki.path("ca.pem")),
            ],
            "ZSCALER_MCP_TLS_KEY_FILE",
        ),
        (
            vec![
                ("ZSCALER_MCP_TLS_CERT_FILE", pki.path("server.pem")),
                ("ZSCALER_MCP_TLS_KEY_FILE", pki.path("server.key")),
                ("ZSCALER_MCP_TLS_KEYFILE_PASSWORD", "not needed".into()),
            ],
            "ZSCALER_MCP_TLS_KEYFILE_PASSWORD",
        ),
        (
            vec![
                ("ZSCALER_MCP_TLS_CERT_FILE", pki.path("server.pem")),
                ("ZSCALER_MCP_TLS_KEY_FILE", pki.path("server.key")),
                ("ZSCALER_MCP_TLS_CA_CERTS", pki.path("not-a-cert.pem")),
            ],
            "ZSCALER_MCP_TLS_CA_CERTS",
        ),
    ];
    for (vars, names) in cases {
        let e = serve(&refs(&vars)).await.expect_err("refused");
        assert!(
            matches!(e, zscaler_mcp::ServerError::Config(_)),
            "a configuration error (exit 2): {e:?}"
        );
        assert!(e.to_string().contains(names), "{names}: {e}");
    }
}

#[tokio::test]
async fn client_certificates_are_required_when_a_client_ca_is_set() {
    let pki = pki("mtls");
    let mut vars = tls_vars(&pki, "server.key");
    vars.push(("ZSCALER_MCP_TLS_CA_CERTS", pki.path("ca.pem")));
    let (addr, stop) = serve(&refs(&vars)).await.expect("mTLS server starts");
    let url = format!("https://localhost:{}/health", addr.port());
    let r = https_client(&pki, true)
        .get(&url)
        .send()
        .await
        .expect("with a client certificate");
    assert_eq!(r.status(), 200);
    let refused = https_client(&pki, false).get(&url).send().await;
    assert!(
        refused.is_err(),
        "a client without a certificate was served: {refused:?}"
    );
    let _ = stop.send(());
}

#[tokio::test]
async fn a_non_loopback_bind_needs_tls_or_allow_http() {
    let pki = pki("bind");
    let vars = tls_vars(&pki, "server.key");
    let mut with_tls = refs(&vars);
    with_tls.push(("ZSCALER_MCP_HOST", "0.0.0.0"));
    let c = config(&["--transport", "streamable-http"], &with_tls);
    assert!(zscaler_mcp::config::unenforced::refuse_unenforced(&c).is_ok());
    let c = config(
        &["--transport", "streamable-http"],
        &[("ZSCALER_MCP_HOST", "0.0.0.0")],
    );
    let e = zscaler_mcp::config::unenforced::refuse_unenforced(&c).expect_err("plaintext");
    assert!(e.to_string().contains("ZSCALER_MCP_TLS_CERT_FILE"), "{e}");
    assert!(e.to_string().contains("ZSCALER_MCP_ALLOW_HTTP"), "{e}");
    let posture = zscaler_mcp::server::posture::Posture::of(&config(
        &["--transport", "streamable-http"],
        &with_tls,
    ));
    assert_eq!(posture.tls, "on");
}

#[tokio::test]
async fn the_source_allowlist_refuses_before_auth_and_forwarding_headers_only_count_from_trusted_proxies()
 {
    let key = "zmcp_edge-key-0123456789abcdef";
    let bearer = format!("Bearer {key}");
    let http = client();
    // 127.0.0.1 is not allowed: refused 403 before authentication, spoofed headers or not.
    let (addr, stop) = serve(&[
        ("ZSCALER_MCP_ALLOWED_SOURCE_IPS", "10.0.0.0/8,2001:db8::/32"),
        ("ZSCALER_MCP_AUTH_API_KEY", key),
    ])
    .await
    .expect("starts");
    let url = format!("http://{addr}/mcp");
    for headers in [
        vec![],
        vec![("x-forwarded-for", "10.1.2.3")],
        vec![("forwarded", "for=10.1.2.3")],
        vec![("authorization", bearer.as_str())],
    ] {
        let r = post_initialize(&http, &url, &headers)
            .await
            .expect("answer");
        assert_eq!(r.status(), 403, "{headers:?}");
        let body: Value = r.json().await.expect("json-rpc body");
        assert_eq!(body["error"]["code"], -32001, "{body}");
    }
    let health = http
        .get(format!("http://{addr}/health"))
        .send()
        .await
        .expect("health");
    assert_eq!(health.status(), 200, "/health is outside the edge");
    let _ = stop.send(());

    // Behind a trusted proxy on 127.0.0.1, the forwarded address decides.
    let (addr, stop) = serve(&[
        ("ZSCALER_MCP_ALLOWED_SOURCE_IPS", "10.0.0.0/8"),
        ("ZSCALER_MCP_TRUSTED_PROXIES", "127.0.0.1"),
        ("ZSCALER_MCP_AUTH_API_KEY", key),
    ])
    .await
    .expect("starts");
    let url = format!("http://{addr}/mcp");
    let auth = ("authorization", bearer.as_str());
    for (headers, status) in [
        (vec![auth, ("x-forwarded-for", "10.1.2.3")], 200),
        (
            vec![auth, ("x-forwarded-for", "203.0.113.9, 10.1.2.3")],
            200,
        ),
        // The client put 10.x in front; the proxy appended the real address.
        (
            vec![auth, ("x-forwarded-for", "10.1.2.3, 203.0.113.9")],
            403,
        ),
        (vec![auth, ("forwarded", "for=\"[2001:db8::1]\"")], 403),
        (vec![auth, ("x-forwarded-for", "unknown")], 403),
        (vec![auth], 403),
        (vec![("x-forwarded-for", "10.1.2.3")], 401),
    ] {
        let r = post_initialize(&http, &url, &headers)
            .await
            .expect("answer");
        assert_eq!(r.status(), status, "{headers:?}");
    }
    let _ = stop.send(());
}

#[tokio::test]
async fn foreign_origins_are_refused_and_allowed_ones_get_cors_before_auth() {
    let key = "zmcp_edge-key-0123456789abcdef";
    let http = client();
    // Default: no origin allowed; requests without Origin (desktop clients) pass.
    let (addr, stop) = serve(&[]).await.expect("starts");
    let url = format!("http://{addr}/mcp");
    let r = post_initialize(&http, &url, &[("origin", "https://evil.example")])
        .await
        .expect("answer");
    assert_eq!(r.status(), 403);
    let body: Value = r.json().await.expect("json-rpc body");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Origin"),
        "{body}"
    );
    assert_eq!(
        post_initialize(&http, &url, &[])
            .await
            .expect("answer")
            .status(),
        200
    );
    let _ = stop.send(());

    let (addr, stop) = serve(&[
        ("ZSCALER_MCP_ALLOWED_ORIGINS", "https://app.example.com"),
        ("ZSCALER_MCP_AUTH_API_KEY", key),
    ])
    .await
    .expect("starts");
    let url = format!("http://{addr}/mcp");
    // The preflight is answered without credentials.
    let preflight = http
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", "https://app.example.com")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type, mcp-session-id",
        )
        .send()
        .await
        .expect("preflight");
    assert_eq!(preflight.status(), 204);
    let h = preflight.headers();
    assert_eq!(h["access-control-allow-origin"], "https://app.example.com");
    let allowed = h["access-control-allow-headers"].to_str().expect("ascii");
    for name in [
        "authorization",
        "content-type",
        "mcp-session-id",
        "mcp-protocol-version",
    ] {
        assert!(allowed.contains(name), "{name} in {allowed}");
    }
    assert!(
        h["access-control-allow-methods"]
            .to_str()
            .expect("ascii")
            .contains("POST")
    );
    // Other origins' preflights are refused.
    let foreign = http
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", "https://app.example.com.evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .expect("preflight");
    assert_eq!(foreign.status(), 403);
    assert!(
        foreign
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    // A refusal at auth still carries CORS headers, so the browser client can read it.
    let r = post_initialize(&http, &url, &[("origin", "https://app.example.com")])
        .await
        .expect("answer");
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    assert!(
        r.headers()["access-control-expose-headers"]
            .to_str()
            .expect("ascii")
            .contains("www-authenticate")
    );
    let bearer = format!("Bearer {key}");
    let r = post_initialize(
        &http,
        &url,
        &[
            ("origin", "https://app.example.com"),
            ("authorization", &bearer),
        ],
    )
    .await
    .expect("answer");
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let _ = stop.send(());
}

#[tokio::test]
async fn oversized_bodies_get_413_and_busy_callers_429_as_json_rpc() {
    let http = client();
    let (addr, stop) = serve(&[
        ("ZSCALER_MCP_MAX_BODY_BYTES", "64K"),
        ("ZSCALER_MCP_CLIENT_RATE_LIMIT", "4/min"),
    ])
    .await
    .expect("starts");
    let url = format!("http://{addr}/mcp");
    // Declared too large: refused before the body is read.
    let big = serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "ping",
                                  "params": {"pad": "x".repeat(80 << 10)}});
    let r = http
        .post(&url)
        .header("accept", ACCEPT_BOTH)
        .json(&big)
        .send()
        .await
        .expect("answer");
    assert_eq!(r.status(), 413);
    let body: Value = r.json().await.expect("json-rpc body");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("ZSCALER_MCP_MAX_BODY_BYTES"),
        "{body}"
    );
    // Chunked (no Content-Length) and too large: cut off while read, still JSON-RPC.
    let chunks = futures::stream::iter(
        (0..80).map(|_| Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b' '; 1024]))),
    );
    let r = http
        .post(&url)
        .header("accept", ACCEPT_BOTH)
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await
        .expect("answer");
    assert_eq!(r.status(), 413);
    assert_eq!(r.headers()["content-type"], "application/json");
    // The chunked request counted (the declared one was refused before counting); three more
    // pass, the next is refused with Retry-After.
    for _ in 0..3 {
        let r = post_initialize(&http, &url, &[]).await.expect("answer");
        assert_eq!(r.status(), 200);
    }
    let r = post_initialize(&http, &url, &[]).await.expect("answer");
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=15).contains(&wait), "{wait}");
    let body: Value = r.json().await.expect("json-rpc body");
    assert_eq!(body["error"]["code"], -32029, "{body}");
    // /health is outside the limits.
    let health = http
        .get(format!("http://{addr}/health"))
        .send()
        .await
        .expect("health");
    assert_eq!(health.status(), 200);
    let _ = stop.send(());
}
