//! Client overhead against raw HTTP, measured in the same run against the same sandbox.
//!
//! `cargo bench -p zscaler-mcp --bench client [-- --seconds N --scale N]`
//!
//! 1. Throughput: N concurrent workers calling `GET /zia/api/v1/status` for a fixed time,
//!    through a bare reqwest client with a bearer token (raw) and through `ZscalerClient`
//!    (token cache, budgets off, retry bookkeeping, JSON parsing, error mapping).
//! 2. Sequential latency of the same call (median of many).
//! 3. Paging through every ZPA application segment at `--scale` (default 50,000): the client's
//!    `list` (concurrent pages) against a raw sequential loop that fetches and parses each page.
//!
//! Prints each figure and the ratios; the target is a client overhead under 10%.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use zscaler_mcp::client::Upstream;
use zscaler_mcp::client::{ApiRequest, Caps, ClientSettings, Paging, RateLimits, ZscalerClient};
use zscaler_mcp::service::Service;
use zscaler_sandbox::{RunningSandbox, Sandbox, SandboxConfig};

const PATH: &str = "/zia/api/v1/status";
const WORKERS: usize = 16;

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn raw_token(http: &reqwest::Client, sandbox: &RunningSandbox) -> String {
    let body: Value = http
        .post(&sandbox.token_url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", sandbox.client_id.as_str()),
            ("client_secret", sandbox.client_secret.as_str()),
            ("audience", "https://api.zscaler.com"),
        ])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("token json");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

fn client_for(sandbox: &RunningSandbox) -> ZscalerClient {
    let upstream = Upstream::sandbox(sandbox);
    ZscalerClient::new(
        &upstream,
        upstream.grant.clone(),
        ClientSettings {
            rate_limits: RateLimits::off(),
            concurrency: WORKERS,
            max_rows: 1_000_000,
            max_bytes: 1 << 30,
            ..ClientSettings::default()
        },
    )
    .expect("client")
}

/// Calls per second over `seconds`, with `WORKERS` concurrent loops of `call`.
async fn throughput<F, Fut>(seconds: u64, call: F) -> f64
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let call = Arc::new(call);
    let done = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..WORKERS)
        .map(|_| {
            let call = call.clone();
            let done = done.clone();
            tokio::spawn(async move {
                while Instant::now() < until {
                    assert!(call().await, "a call failed during the benchmark");
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("worker");
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

async fn median_latency<F, Fut>(n: usize, call: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        assert!(call().await);
        samples.push(t.elapsed());
    }
    samples.sort();
    samples[n / 2]
}

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let seconds = arg("--seconds", 5);
    let scale = arg("--scale", 50_000) as usize;

    // 1 and 2: a small tenant is enough for the single-call figures.
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("sandbox");
    // Configured as the client configures its own: same pool, TCP_NODELAY.
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(WORKERS * 2)
        .tcp_nodelay(true)
        .build()
        .expect("http");
    let token = raw_token(&http, &sandbox).await;
    let url = format!("{}{PATH}", sandbox.base_url);
    let raw_call = {
        let (http, url, token) = (http.clone(), url.clone(), token.clone());
        move || {
            let (http, url, token) = (http.clone(), url.clone(), token.clone());
            async move {
                let r = http.get(&url).bearer_auth(&token).send().await;
                match r {
                    Ok(r) if r.status().is_success() => r.json::<Value>().await.is_ok(),
                    _ => false,
                }
            }
        }
    };
    let client = client_for(&sandbox);
    let request = ApiRequest::get(Service::Zia, PATH);
    let client_call = {
        let (client, request) = (client.clone(), request.clone());
        move || {
            let (client, request) = (client.clone(), request.clone());
            async move { client.send(&request).await.is_ok() }
        }
    };
    // Warm both (connections, token).
    raw_call().await;
    client_call().await;

    // Alternate the two, twice, and keep each one's best: neither gains from running second.
    let mut raw_rps = 0f64;
    let mut client_rps = 0f64;
    for _ in 0..2 {
        raw_rps = raw_rps.max(throughput(seconds, raw_call.clone()).await);
        client_rps = client_rps.max(throughput(seconds, client_call.clone()).await);
    }
    let raw_p50 = median_latency(2000, raw_call.clone())
        .await
        .min(median_latency(2000, raw_call).await);
    let client_p50 = median_latency(2000, client_call.clone())
        .await
        .min(median_latency(2000, client_call).await);
    println!("GET {PATH}, {WORKERS} concurrent workers, {seconds} s each:");
    println!("  raw reqwest      {raw_rps:>10.0} calls/s   p50 sequential {raw_p50:?}");
    println!("  ZscalerClient    {client_rps:>10.0} calls/s   p50 sequential {client_p50:?}");
    println!(
        "  client/raw throughput {:.3} (overhead {:.1}%), latency ratio {:.3}; target: overhead under 10%",
        client_rps / raw_rps,
        (1.0 - client_rps / raw_rps) * 100.0,
        client_p50.as_secs_f64() / raw_p50.as_secs_f64()
    );
    println!("  token requests by the client: {}", client.token_fetches());
    drop(sandbox);

    // 3: paging through a large ZPA collection.
    let started = Instant::now();
    let sandbox = Sandbox::start(SandboxConfig {
        scale,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox");
    println!(
        "\nZPA application segments at --scale {scale} (sandbox seeded in {:.1} s):",
        started.elapsed().as_secs_f64()
    );
    let token = raw_token(&http, &sandbox).await;
    let path = format!(
        "/zpa/mgmtconfig/v1/admin/customers/{}/application",
        sandbox.customer_id
    );
    // The raw loop keeps the rows too, as a list operation must.
    let started = Instant::now();
    let mut kept: Vec<Value> = Vec::new();
    let mut page = 1u64;
    loop {
        let body: Value = http
            .get(format!("{}{path}", sandbox.base_url))
            .query(&[("page", page.to_string()), ("pagesize", "500".to_string())])
            .bearer_auth(&token)
            .send()
            .await
            .expect("page")
            .json()
            .await
            .expect("json");
        let mut body = body;
        let total: u64 = body["totalPages"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if let Value::Array(rows) = body["list"].take() {
            kept.extend(rows);
        }
        if page >= total {
            break;
        }
        page += 1;
    }
    let raw_time = started.elapsed();
    let rows = kept.len();
    drop(kept);
    let client = client_for(&sandbox);
    let started = Instant::now();
    let listed = client
        .list(
            &ApiRequest::get(Service::Zpa, path),
            &Paging::Zpa { page_size: 500 },
            Caps {
                max_rows: 1_000_000,
                max_bytes: 1 << 30,
            },
        )
        .await
        .expect("list");
    let client_time = started.elapsed();
    assert_eq!(listed.items.len(), rows);
    assert!(listed.complete);
    println!("  raw sequential pages   {rows} rows in {raw_time:.2?}");
    println!(
        "  ZscalerClient::list    {} rows in {client_time:.2?} ({} pages, complete: {})",
        listed.items.len(),
        listed.pages,
        listed.complete
    );
    println!(
        "  client/raw time {:.3}",
        client_time.as_secs_f64() / raw_time.as_secs_f64()
    );
}
