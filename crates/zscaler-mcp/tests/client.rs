//! The Zscaler client against the sandbox over real HTTP: tokens, retries, rate budgets,
//! pagination and errors. Faults are injected through the sandbox's admin API, and what reached
//! the sandbox is read back from `/_sandbox/requests`.

mod common;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zscaler_mcp::client::Upstream;
use zscaler_mcp::client::{
    ApiRequest, Caps, ClientSettings, ErrorKind, Grant, Paging, PrivateKey, RateLimits,
    ZscalerClient,
};
use zscaler_mcp::secret::Secret;
use zscaler_mcp::service::Service;
use zscaler_sandbox::{RunningSandbox, Sandbox, SandboxConfig};

struct Rig {
    sandbox: RunningSandbox,
    admin: reqwest::Client,
}

impl Rig {
    async fn start(config: SandboxConfig) -> Rig {
        common::crypto();
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        Rig {
            sandbox,
            admin: reqwest::Client::new(),
        }
    }

    fn upstream(&self) -> Upstream {
        Upstream::sandbox(&self.sandbox)
    }

    fn client(&self, settings: ClientSettings) -> ZscalerClient {
        let upstream = self.upstream();
        ZscalerClient::new(&upstream, upstream.grant.clone(), settings).expect("client")
    }

    fn zpa(&self, path: &str) -> String {
        format!(
            "/zpa/mgmtconfig/v1/admin/customers/{}{path}",
            self.sandbox.customer_id
        )
    }

    /// Adds fault rules in the `--faults` text form.
    async fn faults(&self, spec: &str) {
        self.fault_json(json!({ "spec": spec })).await;
    }

    /// Adds fault rules (a JSON array, or `{"spec": ...}`).
    async fn fault_json(&self, rules: Value) {
        let r = self
            .admin
            .post(format!("{}/_sandbox/faults", self.sandbox.base_url))
            .bearer_auth(&self.sandbox.admin_token)
            .json(&rules)
            .send()
            .await
            .expect("faults");
        assert!(
            r.status().is_success(),
            "{}",
            r.text().await.unwrap_or_default()
        );
    }

    /// Recorded requests, oldest first.
    async fn requests(&self) -> Vec<Value> {
        common::sandbox_requests(&self.sandbox.base_url, &self.sandbox.admin_token).await
    }

    async fn clear(&self) {
        self.admin
            .delete(format!("{}/_sandbox/requests", self.sandbox.base_url))
            .bearer_auth(&self.sandbox.admin_token)
            .send()
            .await
            .expect("clear");
    }

    async fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .await
            .iter()
            .filter(|r| r["method"] == method && r["path"] == path)
            .count()
    }
}

fn fast() -> ClientSettings {
    ClientSettings {
        backoff_base: Duration::from_millis(20),
        rate_limits: RateLimits::off(),
        ..ClientSettings::default()
    }
}

const TOKEN: &str = "/oauth2/v1/token";
const STATUS: &str = "/zia/api/v1/status";

#[tokio::test]
async fn one_token_for_a_hundred_concurrent_calls_and_one_refresh_after_expiry() {
    let rig = Rig::start(SandboxConfig {
        token_ttl: Duration::from_secs(2),
        ..SandboxConfig::default()
    })
    .await;
    let client = rig.client(ClientSettings {
        concurrency: 64,
        ..fast()
    });
    let burst = |client: ZscalerClient| async move {
        let calls = (0..100).map(|_| {
            let c = client.clone();
            async move { c.send(&ApiRequest::get(Service::Zia, STATUS)).await }
        });
        for r in futures::future::join_all(calls).await {
            r.expect("call succeeds");
        }
    };
    burst(client.clone()).await;
    assert_eq!(rig.count("POST", TOKEN).await, 1, "one token for 100 calls");
    assert_eq!(rig.count("GET", STATUS).await, 100);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    burst(client.clone()).await;
    assert_eq!(
        rig.count("POST", TOKEN).await,
        2,
        "one refresh for the next 100"
    );
    assert_eq!(client.token_fetches(), 2);
}

#[tokio::test]
async fn a_401_re_authenticates_once_and_a_second_401_is_an_authentication_error() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("warm");
    rig.fault_json(
        json!([{"method": "GET", "path": STATUS, "fault": "status", "status": 401, "times": 1}]),
    )
    .await;
    let ok = client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("re-authenticated");
    assert_eq!(ok.attempts, 2);
    assert_eq!(rig.count("POST", TOKEN).await, 2);

    rig.fault_json(
        json!([{"method": "GET", "path": STATUS, "fault": "status", "status": 401, "times": 2}]),
    )
    .await;
    let err = client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("refused twice");
    assert_eq!(err.kind, ErrorKind::Authentication);
    assert!(err.to_string().contains("freshly fetched token"), "{err}");
    assert_eq!(rig.count("POST", TOKEN).await, 3);
}

#[tokio::test]
async fn wrong_credentials_name_the_setting_never_the_value() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let mut upstream = rig.upstream();
    upstream.grant = Some(Grant::ClientSecret(Secret::new("not-the-secret-4711")));
    let client = ZscalerClient::new(&upstream, upstream.grant.clone(), fast()).expect("client");
    let err = client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("refused");
    assert_eq!(err.kind, ErrorKind::Authentication);
    let text = err.to_string();
    assert!(text.contains("ZSCALER_CLIENT_SECRET"), "{text}");
    assert!(!text.contains("not-the-secret-4711"), "{text}");
    assert_eq!(err.service, Service::Zia);
    assert_eq!(
        rig.count("GET", STATUS).await,
        0,
        "no API call without a token"
    );

    let none = ZscalerClient::new(&upstream, None, fast()).expect("client");
    let err = none
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("no credentials");
    assert!(err.to_string().contains("ZSCALER_CLIENT_ID"), "{err}");
}

#[tokio::test]
async fn the_private_key_grant_signs_an_assertion_the_sandbox_verifies() {
    use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
    let mut rng = rand::thread_rng();
    let key = rsa::RsaPrivateKey::new(&mut rng, 2048).expect("key");
    let public = key
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("public pem");
    let rig = Rig::start(SandboxConfig {
        client_public_key_pem: Some(public),
        ..SandboxConfig::default()
    })
    .await;
    let pem = key.to_pkcs8_pem(LineEnding::LF).expect("pem");
    let upstream = rig.upstream();
    let grant = Grant::PrivateKey(PrivateKey::parse(&pem).expect("parse"));
    let client = ZscalerClient::new(&upstream, Some(grant), fast()).expect("client");
    client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("private-key grant works");

    let other = rsa::RsaPrivateKey::new(&mut rng, 2048).expect("key");
    let forged = Grant::PrivateKey(
        PrivateKey::parse(&other.to_pkcs8_pem(LineEnding::LF).expect("pem")).expect("parse"),
    );
    let client = ZscalerClient::new(&upstream, Some(forged), fast()).expect("client");
    let err = client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("a key the sandbox does not know");
    assert_eq!(err.kind, ErrorKind::Authentication);
    assert!(err.to_string().contains("ZSCALER_PRIVATE_KEY"), "{err}");
}

#[tokio::test]
async fn rate_limit_waits_follow_every_form_of_retry_after() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    for form in ["header", "body", "both", "date", "suffix"] {
        rig.faults(&format!("GET {STATUS}=429,retry_after=1,in={form},times=1"))
            .await;
        let started = Instant::now();
        let ok = client
            .send(&ApiRequest::get(Service::Zia, STATUS))
            .await
            .unwrap_or_else(|e| panic!("{form}: {e}"));
        let waited = started.elapsed();
        assert_eq!(ok.attempts, 2, "{form}");
        // An HTTP date has one-second resolution: it may mean a little less than 1 s.
        let floor = if form == "date" { 0 } else { 900 };
        assert!(
            waited >= Duration::from_millis(floor),
            "{form}: waited only {waited:?}"
        );
        assert!(waited < Duration::from_secs(3), "{form}: waited {waited:?}");
    }
    // No hint at all: exponential backoff, still retried.
    rig.faults(&format!("GET {STATUS}=429,in=none,times=2"))
        .await;
    let ok = client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("backoff");
    assert_eq!(ok.attempts, 3);
    // A hint longer than the call's time bound is reported, not slept through.
    let short = rig.client(ClientSettings {
        call_timeout: Duration::from_secs(2),
        ..fast()
    });
    rig.faults(&format!(
        "GET {STATUS}=429,retry_after=30,in=header,times=1"
    ))
    .await;
    let started = Instant::now();
    let err = short
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("too long to wait");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(err.kind, ErrorKind::RateLimited);
    assert_eq!(err.retry_after, Some(Duration::from_secs(30)));
    assert!(err.to_string().contains("wait 30 s"), "{err}");
}

#[tokio::test]
async fn server_errors_are_retried_for_idempotent_calls_only() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    for status in [500, 502, 503, 504] {
        rig.faults(&format!("GET {STATUS}={status},times=1")).await;
        let ok = client
            .send(&ApiRequest::get(Service::Zia, STATUS))
            .await
            .unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_eq!(ok.attempts, 2, "GET after {status}");
    }
    // A create: 503 means it was not processed, so it is sent again; 500, 502 and 504 may
    // have been processed, so it is not.
    let path = "/zia/api/v1/ipSourceGroups";
    for (status, sent) in [(503, 2), (500, 1), (502, 1), (504, 1)] {
        rig.clear().await;
        rig.faults(&format!("POST {path}={status},times=1")).await;
        let body = json!({"name": format!("retry-{status}"), "ipAddresses": ["10.9.9.9"]});
        let result = client
            .send(&ApiRequest::post(Service::Zia, path, body))
            .await;
        assert_eq!(rig.count("POST", path).await, sent, "POST after {status}");
        match status {
            503 => {
                result.expect("503 retried");
            }
            _ => {
                let err = result.expect_err("not re-sent");
                assert!(err.to_string().contains("may have been applied"), "{err}");
                assert_eq!(err.status, Some(status));
            }
        }
    }
}

#[tokio::test]
async fn a_post_is_never_sent_twice_after_a_reset_mid_response() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    let path = "/zia/api/v1/ipSourceGroups";
    let before = client
        .list(
            &ApiRequest::get(Service::Zia, path),
            &Paging::Single,
            caps(),
        )
        .await
        .expect("list")
        .items
        .len();
    rig.faults(&format!("POST {path}=reset,times=1")).await;
    let err = client
        .send(&ApiRequest::post(
            Service::Zia,
            path,
            json!({"name": "reset-once", "ipAddresses": ["10.1.2.3"]}),
        ))
        .await
        .expect_err("the answer was lost");
    assert!(err.to_string().contains("may have been applied"), "{err}");
    assert_eq!(rig.count("POST", path).await, 1, "sent exactly once");
    let after = client
        .list(
            &ApiRequest::get(Service::Zia, path),
            &Paging::Single,
            caps(),
        )
        .await
        .expect("list");
    assert_eq!(after.items.len(), before + 1, "created exactly once");

    // A GET whose answer is reset, truncated or garbled is simply asked again.
    for fault in ["reset", "truncate", "malformed"] {
        rig.faults(&format!("GET {STATUS}={fault},times=1")).await;
        let ok = client
            .send(&ApiRequest::get(Service::Zia, STATUS))
            .await
            .unwrap_or_else(|e| panic!("{fault}: {e}"));
        assert_eq!(ok.attempts, 2, "{fault}");
    }

    // A DELETE answered 503 is retried (idempotent) and ends with the resource gone.
    let id = after
        .items
        .iter()
        .find(|g| g["name"] == "reset-once")
        .and_then(|g| g["id"].as_i64())
        .expect("id");
    let one = format!("{path}/{id}");
    rig.faults(&format!("DELETE {one}=503,times=1")).await;
    let deleted = client
        .send(&ApiRequest::new(
            Service::Zia,
            http::Method::DELETE,
            one.clone(),
        ))
        .await
        .expect("deleted");
    assert_eq!(deleted.status, 204);
    assert_eq!(rig.count("DELETE", &one).await, 2);
    let gone = client
        .send(&ApiRequest::get(Service::Zia, one.clone()))
        .await
        .expect_err("deleted");
    assert_eq!(gone.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn the_edit_lock_and_a_token_outage_are_waited_out() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    let path = "/zia/api/v1/ipSourceGroups";
    rig.faults(&format!("POST {path}=edit-lock,times=1")).await;
    let started = Instant::now();
    client
        .send(&ApiRequest::post(
            Service::Zia,
            path,
            json!({"name": "after-lock", "ipAddresses": ["10.4.4.4"]}),
        ))
        .await
        .expect("retried after the lock");
    assert!(started.elapsed() >= Duration::from_millis(500));
    assert_eq!(rig.count("POST", path).await, 2);

    let fresh = rig.client(fast());
    rig.faults(&format!("POST {TOKEN}=token-outage,times=2"))
        .await;
    fresh
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("token fetched after the outage");
    assert_eq!(fresh.token_fetches(), 3);
}

#[tokio::test]
async fn a_call_never_outlives_its_time_bound() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(ClientSettings {
        call_timeout: Duration::from_secs(1),
        ..fast()
    });
    client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("warm");
    rig.faults(&format!("GET {STATUS}=latency,ms=5000")).await;
    let started = Instant::now();
    let err = client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("too slow");
    let took = started.elapsed();
    assert!(took < Duration::from_millis(1500), "{took:?}");
    assert_eq!(err.kind, ErrorKind::Timeout, "{err}");
}

#[tokio::test]
async fn client_budgets_keep_the_sandbox_from_answering_429() {
    let rig = Rig::start(SandboxConfig {
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await;
    let client = rig.client(ClientSettings {
        rate_limits: RateLimits::zscaler(),
        ..fast()
    });
    let started = Instant::now();
    let status = ApiRequest::get(Service::Zia, STATUS);
    let calls = (0..6).map(|_| client.send(&status));
    for r in futures::future::join_all(calls).await {
        r.expect("within budget");
    }
    // 2 at once, then one every 500 ms.
    assert!(started.elapsed() >= Duration::from_millis(1900));
    let limited = rig
        .requests()
        .await
        .iter()
        .filter(|r| r["status"] == 429)
        .count();
    assert_eq!(limited, 0, "the client's budget matched the tenant's");

    // Without client budgets the sandbox answers 429, and its Retry-After is honoured.
    let eager = rig.client(fast());
    let status = ApiRequest::get(Service::Zia, STATUS);
    let calls = (0..4).map(|_| eager.send(&status));
    for r in futures::future::join_all(calls).await {
        r.expect("retried after 429");
    }
    let limited = rig
        .requests()
        .await
        .iter()
        .filter(|r| r["status"] == 429)
        .count();
    assert!(limited > 0, "the tenant's limit was hit");
}

#[tokio::test]
async fn errors_read_each_services_body_and_graphql_errors_fail() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    let err = client
        .send(&ApiRequest::get(
            Service::Zpa,
            rig.zpa("/application/999999999"),
        ))
        .await
        .expect_err("unknown id");
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(err.status, Some(404));
    assert!(err.code.is_some(), "{err}");
    let err = client
        .send(&ApiRequest::post(
            Service::Zia,
            "/zia/api/v1/ipSourceGroups",
            json!({"ipAddresses": []}),
        ))
        .await
        .expect_err("invalid");
    assert_eq!(err.kind, ErrorKind::InvalidRequest);
    assert!(
        err.to_string().starts_with("ZIA refused the request"),
        "{err}"
    );
    let err = client
        .send(
            &ApiRequest::post(
                Service::Zms,
                "/zms/graphql",
                json!({"query": "{ noSuchField }"}),
            )
            .read_only(),
        )
        .await
        .expect_err("GraphQL error at HTTP 200");
    assert_eq!(err.status, Some(200));
    assert!(!err.message.is_empty());
}

#[tokio::test]
async fn every_call_carries_our_user_agent() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(ClientSettings {
        user_agent_comment: Some("acme-soc".into()),
        ..fast()
    });
    client
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("call");
    let expected = format!(
        "zscaler-mcp/{} ({}; {}) (acme-soc)",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    for r in rig.requests().await {
        assert_eq!(r["user_agent"], expected.as_str(), "{r}");
    }
}

fn caps() -> Caps {
    Caps {
        max_rows: 100_000,
        max_bytes: 512 * 1024 * 1024,
    }
}

#[tokio::test]
async fn a_capped_list_says_it_is_incomplete_and_where_to_continue() {
    let rig = Rig::start(SandboxConfig {
        scale: 3000,
        ..SandboxConfig::default()
    })
    .await;
    let client = rig.client(fast());
    let request = ApiRequest::get(Service::Zpa, rig.zpa("/application"));
    let paging = Paging::Zpa { page_size: 500 };
    let whole = client.list(&request, &paging, caps()).await.expect("list");
    assert!(whole.complete);
    assert_eq!(whole.items.len(), 3000);
    assert_eq!(whole.total, Some(3000));
    assert!(whole.next.is_none());

    let capped = client
        .list(
            &request,
            &paging,
            Caps {
                max_rows: 1234,
                ..caps()
            },
        )
        .await
        .expect("list");
    assert!(!capped.complete);
    assert_eq!(capped.items.len(), 1234);
    assert_eq!(capped.total, Some(3000));
    assert_eq!(capped.next, Some(json!({"page": 3, "skip": 234})));
    assert_eq!(
        capped.meta()["truncated_reason"],
        "row cap of 1234 reached (ZSCALER_MCP_MAX_ROWS)"
    );
    // Continuing from there gives the rest, with no row twice.
    let rest = client
        .list(&request.clone().query("page", "3"), &paging, caps())
        .await
        .expect("rest");
    let ids = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .map(|r| r["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let mut joined = ids(&capped.items);
    joined.extend(ids(&rest.items).into_iter().skip(234));
    assert_eq!(joined, ids(&whole.items));

    // A page that keeps failing ends the list explicitly, with the rows gathered so far.
    rig.fault_json(json!([{"method": "GET", "path": rig.zpa("/application"), "fault": "status", "status": 500}]))
        .await;
    let err = client
        .list(&request, &paging, caps())
        .await
        .expect_err("the first page fails: nothing to return");
    assert_eq!(err.kind, ErrorKind::Unavailable);
}

#[tokio::test]
async fn a_byte_cap_stops_at_a_page_boundary() {
    let rig = Rig::start(SandboxConfig {
        scale: 2000,
        ..SandboxConfig::default()
    })
    .await;
    let client = rig.client(fast());
    let request = ApiRequest::get(Service::Zia, "/zia/api/v1/users");
    let paging = Paging::PageArray {
        page: "page",
        size: "pageSize",
        page_size: 500,
    };
    let whole = client.list(&request, &paging, caps()).await.expect("list");
    assert!(whole.complete);
    let per_page = whole.bytes / 4;
    let capped = client
        .list(
            &request,
            &paging,
            Caps {
                max_rows: 100_000,
                max_bytes: per_page * 2 + per_page / 2,
            },
        )
        .await
        .expect("list");
    assert!(!capped.complete);
    assert_eq!(capped.items.len(), 1000);
    assert_eq!(capped.next, Some(json!({"page": 3})));
    assert!(
        capped.meta()["truncated_reason"]
            .as_str()
            .unwrap_or_default()
            .contains("byte cap")
    );
}

/// Every envelope style, paged to the end at 50,000 rows.
/// A position the caller gave (a ZDX cursor `offset`): that one page, and where the next starts.
#[tokio::test]
async fn one_page_at_a_callers_position_says_where_the_next_starts() {
    let rig = Rig::start(SandboxConfig::default()).await;
    let client = rig.client(fast());
    let paging = Paging::ZdxCursor {
        key: "devices",
        limit: 500,
    };
    let at = |offset: &str, limit: &str| {
        ApiRequest::get(Service::Zdx, "/zdx/v1/devices")
            .query("offset", offset)
            .query("limit", limit)
    };
    let page = client
        .list_page(&at("20", "25"), &paging, caps())
        .await
        .expect("page");
    assert_eq!(page.items.len(), 25);
    assert_eq!(page.items[0]["id"], json!(132_000_020));
    assert_eq!(page.next, Some(json!({"offset": "45"})));
    assert!(!page.complete);
    assert_eq!(rig.count("GET", "/zdx/v1/devices").await, 1);

    let last = client
        .list_page(&at("45", "25"), &paging, caps())
        .await
        .expect("last page");
    assert_eq!(last.items.len(), 15);
    assert_eq!(last.next, None);
    assert!(!last.complete, "rows before the position were not read");

    let whole = client
        .list_page(&at("0", "100"), &paging, caps())
        .await
        .expect("whole");
    assert_eq!(whole.items.len(), 60);
    assert!(whole.complete && whole.next.is_none());
    assert_eq!(rig.count("GET", "/zdx/v1/devices").await, 3);
}

#[tokio::test]
async fn fifty_thousand_rows_in_every_envelope_style() {
    const N: usize = 50_000;
    let rig = Rig::start(SandboxConfig {
        scale: N,
        ..SandboxConfig::default()
    })
    .await;
    let client = rig.client(fast());
    let zcell = format!(
        "/zcell/config/api/v1/customers/{}/sims/search",
        rig.sandbox.zcell_customer_id
    );
    let cases: Vec<(&str, ApiRequest, Paging)> = vec![
        (
            "ZIA bare array",
            ApiRequest::get(Service::Zia, "/zia/api/v1/users"),
            Paging::PageArray {
                page: "page",
                size: "pageSize",
                page_size: 1000,
            },
        ),
        (
            "ZPA list/totalPages",
            ApiRequest::get(Service::Zpa, rig.zpa("/application")),
            Paging::Zpa { page_size: 500 },
        ),
        (
            "ZDX cursor",
            ApiRequest::get(Service::Zdx, "/zdx/v1/devices"),
            Paging::ZdxCursor {
                key: "devices",
                limit: 1000,
            },
        ),
        (
            "ZIdentity records",
            ApiRequest::get(Service::Zid, "/ziam/admin/api/v1/users"),
            Paging::ZidOffset { limit: 1000 },
        ),
        (
            "EASM results",
            ApiRequest::get(
                Service::Zeasm,
                "/easm/easm-ui/v1/organizations/{org}/findings",
            ),
            Paging::Easm,
        ),
        (
            "ZCell content (body paging)",
            ApiRequest::post(Service::Zcell, zcell, json!({})).read_only(),
            Paging::Zcell {
                in_body: true,
                size: 100,
            },
        ),
        (
            "ZMS GraphQL nodes/pageInfo",
            ApiRequest::post(
                Service::Zms,
                "/zms/graphql",
                json!({
                    "operationName": "ListResources",
                    "query": "query ListResources($customerId: String!, $pageNum: Int, $pageSize: Int, $includeDeleted: Boolean) { resources(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize, includeDeleted: $includeDeleted) { nodes { id name } pageInfo { pageNumber pageSize totalCount totalPages } } }",
                    "variables": {"customerId": rig.sandbox.customer_id, "includeDeleted": true},
                }),
            )
            .read_only(),
            Paging::GraphQl {
                root: "resources",
                page_var: "pageNum",
                size_var: "pageSize",
                page_size: 1000,
            },
        ),
        (
            "ZCC bare array",
            ApiRequest::get(Service::Zcc, "/zcc/papi/public/v1/getDevices"),
            Paging::PageArray {
                page: "page",
                size: "pageSize",
                page_size: 5000,
            },
        ),
    ];
    for (style, mut request, paging) in cases {
        if request.path.contains("{org}") {
            let orgs = client
                .send(&ApiRequest::get(
                    Service::Zeasm,
                    "/easm/easm-ui/v1/organizations",
                ))
                .await
                .expect("organizations");
            let org = orgs.body["results"][0]["id"].clone();
            let org = org
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| org.to_string());
            request.path = request.path.replace("{org}", &org);
        }
        let started = Instant::now();
        let result = client
            .list(&request, &paging, caps())
            .await
            .unwrap_or_else(|e| panic!("{style}: {e}"));
        assert!(result.complete, "{style}: {:?}", result.meta());
        // EASM findings are spread over the tenant's three organizations.
        let expected = if matches!(paging, Paging::Easm) {
            N / 3
        } else {
            N
        };
        assert!(
            result.items.len() >= expected,
            "{style}: {} rows",
            result.items.len()
        );
        if let Some(total) = result.total {
            assert_eq!(total as usize, result.items.len(), "{style}");
        }
        eprintln!(
            "{style}: {} rows in {} pages, {:.1} MiB, {:?}",
            result.items.len(),
            result.pages,
            result.bytes as f64 / 1048576.0,
            started.elapsed()
        );
    }
}

#[tokio::test]
async fn tls_to_the_sandbox_with_its_ca_and_a_clear_refusal_without_it() {
    let dir = std::env::temp_dir().join(format!("zmcp-client-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let ca_out = dir.join("ca.pem");
    let rig = Rig::start(SandboxConfig {
        tls: Some(zscaler_sandbox::tls::TlsOptions {
            hostnames: vec!["localhost".into()],
            ca_out: Some(ca_out.clone()),
        }),
        ..SandboxConfig::default()
    })
    .await;
    assert!(rig.sandbox.base_url.starts_with("https://localhost:"));
    let ca = std::fs::read(&ca_out).expect("CA written");
    let trusted = rig.client(ClientSettings {
        ca_bundle_pem: Some(ca),
        ..fast()
    });
    let ok = trusted
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect("a real TLS handshake with the sandbox's CA");
    assert_eq!(ok.status, 200);

    let untrusted = rig.client(ClientSettings {
        max_retries: 0,
        ..fast()
    });
    let err = untrusted
        .send(&ApiRequest::get(Service::Zia, STATUS))
        .await
        .expect_err("an unknown CA is refused");
    assert_eq!(err.kind, ErrorKind::Unavailable, "{err}");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
