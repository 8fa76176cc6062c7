//! Logging to stderr (always: stdout belongs to the stdio transport). `--debug` lowers the level
//! to debug for this crate; dependencies stay at warn so their chatter never drowns ours; a
//! reload (SIGHUP) may change that level at run time ([`set_debug`]).
//! `--log-format json` writes one JSON object per line (for log pipelines).
//!
//! Request correlation: every MCP request and every HTTP request runs in a `request` span
//! carrying `request_id` (the client's valid `X-Request-Id`, else a generated one) and, when the
//! request carries a valid W3C `traceparent` (in `_meta`, else the HTTP header), `trace_id` and
//! `parent_span_id`. Every log line written while serving it carries those fields (text: the
//! `request{...}:` prefix; JSON: the `spans` list). Invalid values are ignored and never
//! echoed: a debug line says one was ignored, not what it was.

use std::sync::OnceLock;

use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{EnvFilter, Layer as _, Registry, reload};

use crate::config::LoggingConfig;

/// Changes the filter of the installed subscriber.
static FILTER: OnceLock<reload::Handle<EnvFilter, Registry>> = OnceLock::new();

fn filter(debug: bool) -> EnvFilter {
    let ours = if debug { "debug" } else { "info" };
    EnvFilter::new(format!(
        "warn,zscaler_mcp={ours},zscaler_mcp::audit=info,zscaler_sandbox={ours}"
    ))
}

pub fn init(config: &LoggingConfig) {
    let (filter, handle) = reload::Layer::new(filter(config.debug));
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let fmt = if config.json {
        // One JSON object per line: time, level, target, fields (the audit line's included) and
        // the request span's fields under `spans`.
        fmt.json()
            .with_target(true)
            .with_current_span(false)
            .with_span_list(true)
            .boxed()
    } else {
        fmt.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(false)
            .boxed()
    };
    if tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .try_init()
        .is_ok()
    {
        let _ = FILTER.set(handle);
    }
}

/// Sets the level of this crate's lines (debug or info) at run time. Returns whether it was
/// applied (a subscriber installed by [`init`]).
pub fn set_debug(debug: bool) -> bool {
    FILTER
        .get()
        .is_some_and(|handle| handle.reload(filter(debug)).is_ok())
}

/// The id of one request, in the HTTP request's extensions (the MCP handler reads it there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// Longest `X-Request-Id` taken from a client.
const MAX_REQUEST_ID: usize = 128;

impl RequestId {
    /// A new random id.
    pub fn generate() -> RequestId {
        RequestId(uuid::Uuid::new_v4().simple().to_string())
    }

    /// A client's `X-Request-Id`, when it is 1 to 128 characters of letters, digits and
    /// `-_.:/+=@`; anything else is not taken (so no log line can be forged through it).
    pub fn from_client(value: &str) -> Option<RequestId> {
        let ok = !value.is_empty()
            && value.len() <= MAX_REQUEST_ID
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.:/+=@".contains(&b));
        ok.then(|| RequestId(value.to_string()))
    }

    /// The client's id when valid, else a generated one (the invalid one is not logged).
    pub fn from_header(value: Option<&[u8]>) -> RequestId {
        let Some(raw) = value else {
            return RequestId::generate();
        };
        match std::str::from_utf8(raw)
            .ok()
            .and_then(RequestId::from_client)
        {
            Some(id) => id,
            None => {
                tracing::debug!("ignored an invalid X-Request-Id header (not logged)");
                RequestId::generate()
            }
        }
    }
}

/// A valid W3C Trace Context `traceparent` (version-traceid-parentid-flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceParent {
    pub trace_id: String,
    pub parent_id: String,
    pub flags: String,
}

impl TraceParent {
    /// Parses a `traceparent` per W3C Trace Context: lowercase hex fields of 2, 32, 16 and 2
    /// digits; version `ff` invalid; all-zero trace or parent id invalid; version 00 has
    /// exactly four fields, a later version may carry more after a `-`.
    pub fn parse(value: &str) -> Option<TraceParent> {
        let hex = |s: &str, n: usize| {
            s.len() == n
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        let value = value.trim();
        let mut parts = value.splitn(5, '-');
        let (version, trace_id, parent_id, flags) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        let rest = parts.next();
        if !hex(version, 2) || version == "ff" || !hex(trace_id, 32) || !hex(parent_id, 16) {
            return None;
        }
        if !hex(flags, 2) || (version == "00" && rest.is_some()) {
            return None;
        }
        if trace_id.bytes().all(|b| b == b'0') || parent_id.bytes().all(|b| b == b'0') {
            return None;
        }
        Some(TraceParent {
            trace_id: trace_id.to_string(),
            parent_id: parent_id.to_string(),
            flags: flags.to_string(),
        })
    }

    /// The first valid value among `candidates` (in order); an invalid one is skipped with a
    /// debug line that does not repeat it.
    pub fn first_valid<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Option<TraceParent> {
        for value in candidates {
            match TraceParent::parse(value) {
                Some(parsed) => return Some(parsed),
                None => tracing::debug!("ignored an invalid traceparent (not logged)"),
            }
        }
        None
    }
}

/// The span one request is served in: every log line written inside it carries these fields.
/// `kind` is `http` (an HTTP request at the edge) or the MCP method (`tools/call`, ...).
pub fn request_span(
    kind: &'static str,
    id: &RequestId,
    trace: Option<&TraceParent>,
) -> tracing::Span {
    let span = tracing::info_span!(
        "request",
        request_id = %id.0,
        kind,
        trace_id = tracing::field::Empty,
        parent_span_id = tracing::field::Empty,
    );
    if let Some(trace) = trace {
        span.record("trace_id", trace.trace_id.as_str());
        span.record("parent_span_id", trace.parent_id.as_str());
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_follows_the_w3c_format() {
        let valid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        let parsed = TraceParent::parse(valid).expect("valid");
        assert_eq!(parsed.trace_id, "0af7651916cd43dd8448eb211c80319c");
        assert_eq!(parsed.parent_id, "b7ad6b7169203331");
        // A later version may carry more fields.
        assert!(TraceParent::parse(&format!("01{}-extra", &valid[2..])).is_some());
        for bad in [
            "",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
            "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
            "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
            "00-0af7651916cd43dd8448eb211c8031-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0g",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333\n-01",
        ] {
            assert_eq!(TraceParent::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn client_request_ids_are_taken_only_when_harmless() {
        assert_eq!(
            RequestId::from_client("req-42.a:b/c"),
            Some(RequestId("req-42.a:b/c".into()))
        );
        for bad in ["", "a b", "x\ny", "\"quoted\"", &"a".repeat(129), "é"] {
            assert_eq!(RequestId::from_client(bad), None, "{bad:?}");
        }
        let generated = RequestId::from_header(Some(b"bad value\n"));
        assert_eq!(generated.0.len(), 32);
    }
}
