//! The audit line (`--log-tool-calls`): one structured `[TOOL CALL]` event per call on the
//! `zscaler_mcp::audit` target with the principal, tool, action, redacted arguments, outcome,
//! row count and duration (time and level come with every log line; `--log-format json` makes
//! each a JSON object).
//!
//! Arguments are logged with secret values replaced by `***REDACTED***`: a key is secret when
//! its last `_`-separated word (or the whole key) is one of [`SECRET_WORDS`], so `password`,
//! `client_secret`, `pre_shared_key` and `confirmation_token` are hidden while `key_id`,
//! `key_type` and `keywords` stay visible (the reference's substring rule hid those). String
//! values are cut at [`MAX_VALUE_CHARS`].

use rmcp::RoleServer;
use rmcp::service::RequestContext;
use serde_json::{Map, Value};

use super::handler::ZscalerMcp;
use crate::transport::SessionKind;

/// Words that make an argument secret when they end its name.
pub const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "key",
    "psk",
    "credential",
    "credentials",
    "kwargs",
];

/// Longest string value logged (in characters).
pub const MAX_VALUE_CHARS: usize = 256;

const REDACTED: &str = "***REDACTED***";

fn secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let last = lower.rsplit(['_', '-']).next().unwrap_or(&lower);
    SECRET_WORDS.contains(&lower.as_str()) || SECRET_WORDS.contains(&last)
}

fn redact_value(value: &Value, depth: usize) -> Value {
    match value {
        Value::String(s) if s.chars().count() > MAX_VALUE_CHARS => {
            let cut: String = s.chars().take(MAX_VALUE_CHARS).collect();
            Value::String(format!("{cut}…"))
        }
        Value::Object(map) if depth < 8 => Value::Object(redact_map(map, depth + 1)),
        Value::Array(items) if depth < 8 => Value::Array(
            items
                .iter()
                .take(100)
                .map(|v| redact_value(v, depth + 1))
                .collect(),
        ),
        Value::Object(_) | Value::Array(_) => Value::String("…".into()),
        other => other.clone(),
    }
}

fn redact_map(map: &Map<String, Value>, depth: usize) -> Map<String, Value> {
    map.iter()
        .map(|(k, v)| {
            let v = if secret(k) {
                Value::String(REDACTED.into())
            } else {
                redact_value(v, depth)
            };
            (k.clone(), v)
        })
        .collect()
}

/// The arguments as logged.
pub fn redacted(args: &Map<String, Value>) -> String {
    Value::Object(redact_map(args, 0)).to_string()
}

/// Rows in a list answer (`structuredContent.result` as an array).
pub fn rows(structured: Option<&Value>) -> Option<usize> {
    structured?.get("result")?.as_array().map(Vec::len)
}

/// One call, as the audit line reports it.
pub(crate) struct Entry<'a> {
    pub tool: &'a str,
    pub action: &'a str,
    pub args: Option<&'a Map<String, Value>>,
    /// `ok`, `error`, `unknown_tool`, `invalid_arguments`, `not_entitled`,
    /// `confirmation_requested`, `confirmation_rejected`, `not_confirmed`.
    pub outcome: &'a str,
    pub rows: Option<usize>,
    pub started: std::time::Instant,
}

/// The outcomes [`Entry::outcome`] takes: the metrics' `outcome` label comes from this list.
const OUTCOMES: &[&str] = &[
    "ok",
    "error",
    "unknown_tool",
    "invalid_arguments",
    "not_entitled",
    "missing_scope",
    "confirmation_requested",
    "confirmation_rejected",
    "not_confirmed",
];

/// The metrics labels of a call: a catalog tool name (else `unknown`) and a known outcome (else
/// `other`), so a caller's text never becomes a label value.
fn labels(entry: &Entry<'_>) -> (&'static str, &'static str) {
    let tool = crate::catalog::all_tools()
        .map(|t| t.name)
        .chain(crate::catalog::discover::find(entry.tool).map(|t| t.name))
        .find(|name| *name == entry.tool)
        .unwrap_or("unknown");
    let outcome = OUTCOMES
        .iter()
        .copied()
        .find(|o| *o == entry.outcome)
        .unwrap_or("other");
    (tool, outcome)
}

impl ZscalerMcp {
    /// Counts the call in the metrics, and writes the audit line when `--log-tool-calls` is on.
    pub(crate) fn audit(&self, ctx: &RequestContext<RoleServer>, entry: Entry<'_>) {
        let (tool, outcome) = labels(&entry);
        crate::metrics::tool_call(tool, outcome, entry.started.elapsed());
        if !self.shared.config().logging.log_tool_calls {
            return;
        }
        let principal = self.principal(ctx);
        let principal = principal.as_deref().unwrap_or(match self.kind {
            SessionKind::Stdio => "stdio",
            _ => "anonymous",
        });
        let args = entry.args.map(redacted).unwrap_or_else(|| "{}".into());
        tracing::info!(
            target: "zscaler_mcp::audit",
            principal,
            tool = entry.tool,
            action = entry.action,
            args = %args,
            outcome = entry.outcome,
            rows = entry.rows,
            elapsed_ms = entry.started.elapsed().as_millis() as u64,
            "[TOOL CALL]"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_are_hidden_ids_and_words_are_not() {
        let args = json!({
            "name": "vpn-1", "password": "hunter2", "pre_shared_key": "psk!",
            "client_secret": "s", "kwargs": {"confirmation_token": "t"},
            "key_id": "42", "key_type": "connector", "keywords": ["a"],
            "nested": {"api_token": "x", "id": 7},
            "long": "y".repeat(300)
        });
        let logged = redacted(args.as_object().expect("object"));
        for hidden in ["hunter2", "psk!", "\"s\"", "\"t\"", "\"x\""] {
            assert!(!logged.contains(hidden), "{hidden} in {logged}");
        }
        for shown in ["vpn-1", "\"42\"", "connector", "keywords", "\"id\":7"] {
            assert!(logged.contains(shown), "{shown} missing from {logged}");
        }
        assert!(logged.contains(&format!("{}…", "y".repeat(MAX_VALUE_CHARS))));
        assert!(!logged.contains(&"y".repeat(MAX_VALUE_CHARS + 1)));
        assert_eq!(rows(Some(&json!({"result": [1, 2, 3]}))), Some(3));
        assert_eq!(rows(Some(&json!({"id": 1}))), None);
    }
}
