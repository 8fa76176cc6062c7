//! Process metrics, served as `GET /metrics` (Prometheus text format 0.0.4) on the HTTP
//! transports. One process-wide registry; the rest of the crate records through the one-line
//! functions below (`metrics::tool_call(...)`), so instrumented modules carry no metric types.
//!
//! Label values are bounded by construction: every label is a `&'static str` from code (tool
//! names from the static catalog, service codes, outcomes) or a number from a finite set (HTTP
//! status codes). Nothing is labelled by an argument value, a principal or a URL. No secret and
//! no tool argument ever reaches a metric. The list is in `docs/operations.md`.
//!
//! A leaf module: it uses nothing of this crate, so the client can record without a cycle.

use std::sync::LazyLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::{Registry, Unit};

/// `Content-Type` of [`render`]'s output.
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

/// Tool-call latency buckets, in seconds: meta tools answer in microseconds, list tools that
/// gather every page take up to the call bound (minutes).
const LATENCY_BUCKETS: [f64; 14] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0,
];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ToolOutcome {
    tool: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Tool {
    tool: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Response {
    service: &'static str,
    /// The HTTP status code, or 0 when no answer came (connection failed, timeout).
    code: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ServiceLabel {
    service: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Outcome {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Build {
    version: &'static str,
}

struct Metrics {
    registry: Registry,
    tool_calls: Family<ToolOutcome, Counter>,
    tool_duration: Family<Tool, Histogram, fn() -> Histogram>,
    upstream_responses: Family<Response, Counter>,
    retries: Family<ServiceLabel, Counter>,
    rate_limit_waits: Family<ServiceLabel, Counter>,
    rate_limit_wait_seconds: Family<ServiceLabel, Counter<f64>>,
    token_requests: Family<Outcome, Counter>,
    reloads: Family<Outcome, Counter>,
}

fn latency_histogram() -> Histogram {
    Histogram::new(LATENCY_BUCKETS)
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("zscaler_mcp");
    let tool_calls = Family::<ToolOutcome, Counter>::default();
    registry.register(
        "tool_calls",
        "MCP tool calls by tool and outcome (ok, error, unknown_tool, invalid_arguments, \
         not_entitled, missing_scope, confirmation_*, not_confirmed)",
        tool_calls.clone(),
    );
    let tool_duration =
        Family::<Tool, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
    registry.register_with_unit(
        "tool_call_duration",
        "Time from a tool call's arrival to its answer, by tool",
        Unit::Seconds,
        tool_duration.clone(),
    );
    let upstream_responses = Family::<Response, Counter>::default();
    registry.register(
        "upstream_responses",
        "Answers of the Zscaler APIs by service and HTTP status code (0: no answer), every \
         attempt counted",
        upstream_responses.clone(),
    );
    let retries = Family::<ServiceLabel, Counter>::default();
    registry.register(
        "upstream_retries",
        "Zscaler API calls sent again after a retryable failure, by service",
        retries.clone(),
    );
    let rate_limit_waits = Family::<ServiceLabel, Counter>::default();
    registry.register(
        "rate_limit_waits",
        "Calls that waited for the client-side rate budget, by service",
        rate_limit_waits.clone(),
    );
    let rate_limit_wait_seconds = Family::<ServiceLabel, Counter<f64>>::default();
    registry.register_with_unit(
        "rate_limit_wait",
        "Time spent waiting for the client-side rate budget, by service",
        Unit::Seconds,
        rate_limit_wait_seconds.clone(),
    );
    let token_requests = Family::<Outcome, Counter>::default();
    registry.register(
        "oneapi_token_requests",
        "OneAPI access token requests (first fetch and every refresh) by outcome",
        token_requests.clone(),
    );
    let reloads = Family::<Outcome, Counter>::default();
    registry.register(
        "config_reloads",
        "Configuration reloads (SIGHUP) by outcome (applied, unchanged, refused)",
        reloads.clone(),
    );
    let start: Gauge<f64, std::sync::atomic::AtomicU64> = Gauge::default();
    start.set(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs_f64(),
    );
    registry.register_with_unit(
        "process_start_time",
        "Start time of the process since the Unix epoch",
        Unit::Seconds,
        start,
    );
    registry.register(
        "build",
        "The server's version",
        Info::new(Build {
            version: env!("CARGO_PKG_VERSION"),
        }),
    );
    Metrics {
        registry,
        tool_calls,
        tool_duration,
        upstream_responses,
        retries,
        rate_limit_waits,
        rate_limit_wait_seconds,
        token_requests,
        reloads,
    }
});

/// Registers every metric now (so the start time is the process's, not the first scrape's).
pub fn init() {
    LazyLock::force(&METRICS);
}

/// One finished tool call. `tool` is a catalog name (`"unknown"` for a name the server does not
/// have); `outcome` is the audit line's.
pub fn tool_call(tool: &'static str, outcome: &'static str, elapsed: Duration) {
    let m = &*METRICS;
    m.tool_calls
        .get_or_create(&ToolOutcome { tool, outcome })
        .inc();
    m.tool_duration
        .get_or_create(&Tool { tool })
        .observe(elapsed.as_secs_f64());
}

/// One answer (or no answer: `None`) of a Zscaler API for `service` (a service code, or
/// `"token"` for the OneAPI token endpoint).
pub fn upstream_response(service: &'static str, status: Option<u16>) {
    let code = status.unwrap_or(0);
    METRICS
        .upstream_responses
        .get_or_create(&Response { service, code })
        .inc();
}

/// A Zscaler API call about to be sent again.
pub fn retry(service: &'static str) {
    METRICS
        .retries
        .get_or_create(&ServiceLabel { service })
        .inc();
}

/// A call that waits `wait` for the client-side rate budget of `service`.
pub fn rate_limit_wait(service: &'static str, wait: Duration) {
    let m = &*METRICS;
    let label = ServiceLabel { service };
    m.rate_limit_waits.get_or_create(&label).inc();
    m.rate_limit_wait_seconds
        .get_or_create(&label)
        .inc_by(wait.as_secs_f64());
}

/// One OneAPI token request: `ok` true when a token came back.
pub fn token_request(ok: bool) {
    let outcome = if ok { "ok" } else { "error" };
    METRICS
        .token_requests
        .get_or_create(&Outcome { outcome })
        .inc();
}

/// One configuration reload: `applied`, `unchanged` or `refused`.
pub fn reload(outcome: &'static str) {
    METRICS.reloads.get_or_create(&Outcome { outcome }).inc();
}

/// Every metric in the Prometheus text format.
pub fn render() -> String {
    let mut out = String::new();
    if prometheus_client::encoding::prometheus_text::encode(&mut out, &METRICS.registry).is_err() {
        // Writing to a String cannot fail; an encoder error would leave a partial exposition.
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_values_are_rendered_with_their_labels() {
        tool_call("zia_list_users", "ok", Duration::from_millis(30));
        upstream_response("zia", Some(429));
        retry("zia");
        rate_limit_wait("zpa", Duration::from_millis(1500));
        token_request(true);
        let text = render();
        for line in [
            "zscaler_mcp_tool_calls_total{tool=\"zia_list_users\",outcome=\"ok\"}",
            "zscaler_mcp_tool_call_duration_seconds_bucket{tool=\"zia_list_users\",le=\"0.05\"}",
            "zscaler_mcp_upstream_responses_total{service=\"zia\",code=\"429\"}",
            "zscaler_mcp_upstream_retries_total{service=\"zia\"}",
            "zscaler_mcp_rate_limit_waits_total{service=\"zpa\"}",
            "zscaler_mcp_rate_limit_wait_seconds_total{service=\"zpa\"}",
            "zscaler_mcp_oneapi_token_requests_total{outcome=\"ok\"}",
            "zscaler_mcp_process_start_time_seconds ",
            "zscaler_mcp_build_info{version=\"",
        ] {
            assert!(text.contains(line), "{line} missing from:\n{text}");
        }
    }
}
