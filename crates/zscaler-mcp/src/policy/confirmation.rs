//! Delete confirmation (spec 002): a delete runs only after a human said so, through one of
//! three paths chosen per call (see [`Path`]):
//!
//! 1. **Elicitation** (a client on a session that declared the `elicitation` capability): the
//!    server asks `delete` / `cancel` mid-call, naming the resource (display name looked up
//!    first).
//! 2. **Input required** (a 2026-07-28 client that declared `elicitation`): the call answers an
//!    `InputRequiredResult` carrying the same question and a sealed `requestState`; the client
//!    retries with the answer and the state.
//! 3. **Confirmation token** (every other client): the call answers a warning and a token; the
//!    agent shows the warning to the user and, only if the user agrees, calls again with
//!    `kwargs: {"confirmation_token": "..."}`. A token cannot prove a human decided; the two
//!    paths above can, and are preferred whenever the client supports them.
//!
//! Tokens and request states are sealed with HMAC-SHA256 ([`rmcp::model::RequestStateCodec`]):
//! a key ring (`ZSCALER_MCP_REQUEST_STATE_KEYS`: the first key seals, every key opens, so replicas
//! sharing the ring verify each other's and keys rotate by prepending a new one) or a random
//! per-process key. Each binds the tool, a digest of the canonical arguments (defaults applied,
//! `kwargs` excluded), the principal, an expiry (`ZSCALER_MCP_CONFIRMATION_TTL`) and a nonce,
//! and is spent on first use: in this process's memory, or with a shared state store
//! (`ZSCALER_MCP_STATE_STORE`) in Redis, so a token spent on one replica is spent on all; a
//! store that does not answer refuses the confirmation (fail closed). Each way a presented token can be wrong has its own answer:
//! malformed, tampered with, sealed by an unknown key, expired, for another tool, for other
//! arguments, for another caller, already used.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rmcp::model::{RequestStateCodec, RequestStateError, SealOptions};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::config::{ConfigError, WriteConfig};
use crate::state::SharedState;

pub use crate::catalog::schema::CONFIRM_PARAM;

/// Key of the elicitation in an `InputRequiredResult`.
pub const INPUT_KEY: &str = "confirm_delete";

/// Most unexpired spent nonces remembered; beyond it new confirmations are refused (fail closed).
const MAX_SPENT: usize = 100_000;

/// What a sealed value is for: a token cannot stand in for a request state or the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "token")]
    Token,
    #[serde(rename = "state")]
    State,
}

/// What a confirmation is about.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub tool: &'a str,
    /// The validated arguments (defaults applied, `kwargs` not among them).
    pub args: &'a Map<String, Value>,
    /// The authenticated caller (`None`: stdio, or HTTP without client authentication).
    pub principal: Option<&'a str>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    /// Kind.
    k: Kind,
    /// Tool name.
    t: String,
    /// Digest of the canonical arguments.
    a: String,
    /// Digest of the principal.
    p: String,
    /// Nonce.
    n: String,
    /// Expiry, Unix seconds (also enforced by the codec).
    e: u64,
}

/// Why a presented token or request state does not confirm this call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Malformed,
    Tampered,
    UnknownKey,
    Expired,
    WrongKind,
    OtherTool(String),
    OtherArguments,
    OtherPrincipal,
    Replayed,
    Overloaded,
    /// The shared store that records spent confirmations did not answer.
    StoreUnavailable,
}

impl Rejection {
    pub fn message(&self) -> String {
        match self {
            Rejection::Malformed => "The confirmation token is malformed.".into(),
            Rejection::Tampered => {
                "The confirmation token was altered: its signature does not match.".into()
            }
            Rejection::UnknownKey => "The confirmation token was sealed with a key this server \
                 does not hold (another deployment, or a retired key)."
                .into(),
            Rejection::Expired => "The confirmation token has expired.".into(),
            Rejection::WrongKind => {
                "This value is not a confirmation token for this kind of step.".into()
            }
            Rejection::OtherTool(tool) => {
                format!("The confirmation token was issued for another tool ({tool}).")
            }
            Rejection::OtherArguments => "The confirmation token was issued for other arguments: \
                 the parameters changed after approval."
                .into(),
            Rejection::OtherPrincipal => {
                "The confirmation token was issued to another caller.".into()
            }
            Rejection::Replayed => "The confirmation token was already used: each approval \
                 authorizes one operation."
                .into(),
            Rejection::Overloaded => {
                "Too many confirmations are outstanding; try again later.".into()
            }
            Rejection::StoreUnavailable => "The shared state store (ZSCALER_MCP_STATE_STORE) \
                 that makes each confirmation single-use across replicas did not answer, so \
                 this confirmation cannot be checked; try again when it is back."
                .into(),
        }
    }

    /// A short stable code for logs and structured answers.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::Malformed => "malformed",
            Rejection::Tampered => "tampered",
            Rejection::UnknownKey => "unknown_key",
            Rejection::Expired => "expired",
            Rejection::WrongKind => "wrong_kind",
            Rejection::OtherTool(_) => "other_tool",
            Rejection::OtherArguments => "other_arguments",
            Rejection::OtherPrincipal => "other_principal",
            Rejection::Replayed => "replayed",
            Rejection::Overloaded => "overloaded",
            Rejection::StoreUnavailable => "store_unavailable",
        }
    }
}

/// The confirmation authority of one server (or of replicas sharing a key ring).
pub struct Confirmations {
    codec: RequestStateCodec,
    ttl: Duration,
    /// Spent nonces and their expiry (Unix seconds).
    spent: Mutex<HashMap<String, u64>>,
    /// `ZSCALER_MCP_SKIP_CONFIRMATIONS`: deletes run unconfirmed.
    pub skip: bool,
    /// True when the key ring came from configuration (replicas verify each other).
    pub shared_keys: bool,
    /// Where spent nonces are recorded when replicas share state (instead of `spent`).
    store: Option<SharedState>,
}

impl std::fmt::Debug for Confirmations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Confirmations")
            .field("ttl", &self.ttl)
            .field("skip", &self.skip)
            .field("shared_keys", &self.shared_keys)
            .finish_non_exhaustive()
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn digest(label: &str, bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(label.as_bytes());
    h.update([0]);
    h.update(bytes);
    URL_SAFE_NO_PAD.encode(&h.finalize()[..16])
}

/// JSON with object keys sorted at every level, so equal arguments give equal bytes.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                canonical(&map[k.as_str()], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn args_digest(args: &Map<String, Value>) -> String {
    let mut text = String::new();
    canonical(&Value::Object(args.clone()), &mut text);
    digest("args", text.as_bytes())
}

fn principal_digest(principal: Option<&str>) -> String {
    digest("principal", principal.unwrap_or("").as_bytes())
}

/// A key's id in the ring: derived from the key, so replicas name the same key alike.
fn key_id(key: &[u8]) -> String {
    let d = Sha256::digest(key);
    d[..6].iter().map(|b| format!("{b:02x}")).collect()
}

impl Confirmations {
    /// From the write settings: the configured key ring, or a random per-process key.
    pub fn new(write: &WriteConfig) -> Result<Confirmations, ConfigError> {
        let invalid = |e: RequestStateError| {
            ConfigError::new(
                "ZSCALER_MCP_REQUEST_STATE_KEYS",
                "<redacted>",
                format!("distinct keys of at least 32 bytes each ({e})"),
            )
        };
        let (codec, shared_keys) = if write.request_state_keys.is_empty() {
            let mut key = [0u8; 32];
            getrandom::fill(&mut key).map_err(|e| {
                ConfigError::new(
                    "ZSCALER_MCP_REQUEST_STATE_KEYS",
                    "",
                    format!("a key ring: no system randomness for a process key ({e})"),
                )
            })?;
            let kid = key_id(&key);
            (
                RequestStateCodec::new_with_keyring(kid.clone(), [(kid, key.to_vec())])
                    .map_err(invalid)?,
                false,
            )
        } else {
            let ring: Vec<(String, Vec<u8>)> = write
                .request_state_keys
                .iter()
                .map(|k| {
                    (
                        key_id(k.expose().as_bytes()),
                        k.expose().as_bytes().to_vec(),
                    )
                })
                .collect();
            let active = ring[0].0.clone();
            (
                RequestStateCodec::new_with_keyring(active, ring).map_err(invalid)?,
                true,
            )
        };
        Ok(Confirmations {
            codec,
            ttl: write.confirmation_ttl,
            spent: Mutex::new(HashMap::new()),
            skip: write.skip_confirmations,
            shared_keys,
            store: None,
        })
    }

    /// Records spent confirmations in `store` (shared by replicas) instead of this process.
    pub fn with_store(mut self, store: Option<SharedState>) -> Confirmations {
        self.store = store;
        self
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A new sealed confirmation of `kind` for `subject`.
    pub fn issue(&self, kind: Kind, subject: Subject<'_>) -> String {
        let mut nonce = [0u8; 16];
        // Without randomness the nonce is still unique per process (time), never reused.
        if getrandom::fill(&mut nonce).is_err() {
            let t = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            nonce = t.to_le_bytes();
        }
        let claims = Claims {
            k: kind,
            t: subject.tool.to_string(),
            a: args_digest(subject.args),
            p: principal_digest(subject.principal),
            n: URL_SAFE_NO_PAD.encode(nonce),
            e: now() + self.ttl.as_secs(),
        };
        // Serializing this struct cannot fail; an empty string would be refused as malformed.
        self.codec
            .seal_json_with(&claims, &SealOptions::new().ttl(self.ttl))
            .unwrap_or_default()
    }

    /// Checks `presented` against `subject` and spends it. `Ok` means the call is confirmed.
    pub async fn redeem(
        &self,
        kind: Kind,
        presented: &str,
        subject: Subject<'_>,
    ) -> Result<(), Rejection> {
        let presented = presented.trim();
        if presented.is_empty() || presented.len() > 4096 {
            return Err(Rejection::Malformed);
        }
        let claims: Claims = self.codec.open_json(presented).map_err(|e| match e {
            RequestStateError::IntegrityCheckFailed => Rejection::Tampered,
            RequestStateError::Expired => Rejection::Expired,
            RequestStateError::UnknownKeyId => Rejection::UnknownKey,
            _ => Rejection::Malformed,
        })?;
        let now = now();
        if claims.e < now {
            return Err(Rejection::Expired);
        }
        if claims.k != kind {
            return Err(Rejection::WrongKind);
        }
        if claims.t != subject.tool {
            return Err(Rejection::OtherTool(claims.t));
        }
        if claims.a != args_digest(subject.args) {
            return Err(Rejection::OtherArguments);
        }
        if claims.p != principal_digest(subject.principal) {
            return Err(Rejection::OtherPrincipal);
        }
        if let Some(store) = &self.store {
            return match store.spend_once("confirmation", &claims.n, claims.e).await {
                Ok(true) => Ok(()),
                Ok(false) => Err(Rejection::Replayed),
                Err(e) => {
                    tracing::error!("{e}: a delete confirmation was refused (fail closed)");
                    Err(Rejection::StoreUnavailable)
                }
            };
        }
        let mut spent = self.spent.lock().map_err(|_| Rejection::Overloaded)?;
        if spent.contains_key(&claims.n) {
            return Err(Rejection::Replayed);
        }
        if spent.len() >= MAX_SPENT {
            spent.retain(|_, expiry| *expiry >= now);
            if spent.len() >= MAX_SPENT {
                return Err(Rejection::Overloaded);
            }
        }
        spent.insert(claims.n, claims.e);
        Ok(())
    }
}

/// The token a call presents in `kwargs` (a JSON object or a JSON string of one), if any.
/// `Err` names what is wrong with the argument itself.
pub fn presented_token(raw: Option<&Value>) -> Result<Option<String>, String> {
    let object = match raw {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(Value::Object(o)) => o,
            _ => {
                return Err(format!(
                    "Invalid argument '{CONFIRM_PARAM}': must be an object like \
                     {{\"confirmation_token\": \"<token>\"}}."
                ));
            }
        },
        Some(Value::Object(o)) => o.clone(),
        Some(_) => {
            return Err(format!(
                "Invalid argument '{CONFIRM_PARAM}': must be an object like \
                 {{\"confirmation_token\": \"<token>\"}}."
            ));
        }
    };
    for key in object.keys() {
        if key != "confirmation_token" {
            return Err(format!(
                "Invalid argument '{CONFIRM_PARAM}': accepts only confirmation_token, not '{key}'."
            ));
        }
    }
    match object.get("confirmation_token") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(t)) if t.trim().is_empty() => Ok(None),
        Some(Value::String(t)) => Ok(Some(t.clone())),
        Some(_) => Err(format!(
            "Invalid argument '{CONFIRM_PARAM}': confirmation_token must be a string."
        )),
    }
}

/// `DELETE Segment Group — "Finance" (72058)`: what the user is asked about.
pub fn summary(tool: &str, args: &Map<String, Value>, display_name: Option<&str>) -> String {
    let resource = tool
        .split_once("_delete_")
        .map(|(_, r)| r)
        .unwrap_or(tool)
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let id = args
        .iter()
        .filter(|(k, _)| k.as_str() == "id" || k.ends_with("_id"))
        .min_by_key(|(k, _)| (k.as_str() != "id", k.as_str()))
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), v)
        });
    let identifier = match (display_name, id) {
        (Some(name), Some((_, v))) => format!("\"{name}\" ({v})"),
        (None, Some((k, v))) => format!("{v} ({k})"),
        (Some(name), None) => format!("\"{name}\""),
        (None, None) => args
            .get("name")
            .and_then(Value::as_str)
            .map(|n| format!("\"{n}\""))
            .unwrap_or_else(|| "unknown".into()),
    };
    format!("DELETE {resource} — {identifier}")
}

/// The answer that asks for a token confirmation.
pub fn token_prompt(
    summary: &str,
    token: &str,
    ttl: Duration,
    rejected: Option<&Rejection>,
) -> String {
    let mut text = String::new();
    if let Some(r) = rejected {
        text.push_str(&format!("Confirmation rejected: {}\n\n", r.message()));
    }
    text.push_str(&format!(
        "DESTRUCTIVE OPERATION - CONFIRMATION REQUIRED\n\n\
         Operation: {summary}\n\n\
         WARNING: This action CANNOT be undone! Nothing was deleted yet.\n\n\
         REQUIRED NEXT STEP — do not skip:\n\
         1. Show this warning to the user and ask them to confirm the deletion.\n\
         2. Wait for the user's reply. An earlier request to delete is NOT confirmation, and you \
         must not answer on their behalf.\n\
         3. Only if the user explicitly agrees, call this tool again with the same arguments and \
         {CONFIRM_PARAM}: {{\"confirmation_token\": \"{token}\"}}\n\
         If the user declines or does not answer, report that and stop.\n\
         The token is valid once, for {} seconds, for exactly these arguments.",
        ttl.as_secs()
    ));
    text
}

/// The question asked through elicitation.
pub fn question(summary: &str) -> String {
    format!(
        "Confirm destructive operation: {summary}\nThis cannot be undone. Choose 'delete' to proceed."
    )
}

/// The requested schema of the elicitation: one choice, `delete` or `cancel`.
pub fn choice_schema() -> Value {
    serde_json::json!({
        "type": "object",
        "title": "DeleteConfirmation",
        "description": "Confirm a destructive operation.",
        "properties": {
            "choice": {
                "type": "string",
                "title": "Choice",
                "enum": ["delete", "cancel"],
                "description": "Choose 'delete' to perform the deletion, or 'cancel' to abort."
            }
        },
        "required": ["choice"]
    })
}

/// What the user answered to the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Delete,
    /// Accepted the form but chose something else.
    Cancelled,
    Declined,
    Dismissed,
    /// No usable answer.
    Unknown,
}

impl Answer {
    /// From an elicitation result (`{"action": ..., "content": {"choice": ...}}`).
    pub fn of(result: &Value) -> Answer {
        match result.get("action").and_then(Value::as_str) {
            Some("accept") => {
                match result
                    .get("content")
                    .and_then(|c| c.get("choice"))
                    .and_then(Value::as_str)
                {
                    Some("delete") => Answer::Delete,
                    _ => Answer::Cancelled,
                }
            }
            Some("decline") => Answer::Declined,
            Some("cancel") => Answer::Dismissed,
            _ => Answer::Unknown,
        }
    }

    /// What the caller is told when the answer is not `delete`.
    pub fn refusal(&self, summary: &str) -> String {
        match self {
            Answer::Delete => String::new(),
            Answer::Cancelled => format!("Cancelled by user. {summary} was NOT performed."),
            Answer::Declined => format!("Declined by user. {summary} was NOT performed."),
            Answer::Dismissed => format!("Confirmation dismissed. {summary} was NOT performed."),
            Answer::Unknown => format!(
                "Could not obtain confirmation for {summary}. The operation was NOT performed. \
                 Please retry."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use serde_json::json;

    fn write(keys: &[&str], ttl: u64) -> WriteConfig {
        WriteConfig {
            enabled: true,
            allowlist: Vec::new(),
            skip_confirmations: false,
            confirmation_ttl: Duration::from_secs(ttl),
            request_state_keys: keys.iter().map(|k| Secret::new(*k)).collect(),
            scope: None,
        }
    }

    fn args(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    const K1: &str = "k1-0123456789abcdef0123456789abcdef";
    const K2: &str = "k2-0123456789abcdef0123456789abcdef";

    #[tokio::test]
    async fn a_token_confirms_exactly_one_call_of_its_tool_arguments_and_caller() {
        let c = Confirmations::new(&write(&[], 300)).expect("confirmations");
        let a = args(json!({"group_id": "72058", "microtenant_id": null}));
        let subject = Subject {
            tool: "zpa_delete_segment_group",
            args: &a,
            principal: Some("api-key:1234"),
        };
        let token = c.issue(Kind::Token, subject);
        // Key order does not matter; values do.
        let reordered = args(json!({"microtenant_id": null, "group_id": "72058"}));
        let other_args = args(json!({"group_id": "72059", "microtenant_id": null}));
        let with = |tool, args, principal| Subject {
            tool,
            args,
            principal,
        };
        assert_eq!(
            c.redeem(
                Kind::Token,
                &token,
                with("zpa_delete_server_group", &a, Some("api-key:1234"))
            )
            .await,
            Err(Rejection::OtherTool("zpa_delete_segment_group".into()))
        );
        assert_eq!(
            c.redeem(
                Kind::Token,
                &token,
                with(
                    "zpa_delete_segment_group",
                    &other_args,
                    Some("api-key:1234")
                )
            )
            .await,
            Err(Rejection::OtherArguments)
        );
        assert_eq!(
            c.redeem(
                Kind::Token,
                &token,
                with("zpa_delete_segment_group", &a, Some("api-key:9999"))
            )
            .await,
            Err(Rejection::OtherPrincipal)
        );
        assert_eq!(
            c.redeem(Kind::State, &token, subject).await,
            Err(Rejection::WrongKind)
        );
        // One character of the sealed body changed: still well-formed, no longer signed.
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        let longest = (0..parts.len())
            .max_by_key(|i| parts[*i].len())
            .expect("parts");
        let mut chars: Vec<char> = parts[longest].chars().collect();
        let mid = chars.len() / 2;
        chars[mid] = if chars[mid] == 'A' { 'B' } else { 'A' };
        parts[longest] = chars.into_iter().collect();
        let tampered = parts.join(".");
        assert_eq!(
            c.redeem(Kind::Token, &tampered, subject).await,
            Err(Rejection::Tampered)
        );
        assert_eq!(
            c.redeem(Kind::Token, "not a token", subject).await,
            Err(Rejection::Malformed)
        );
        assert_eq!(
            c.redeem(
                Kind::Token,
                &token,
                with("zpa_delete_segment_group", &reordered, Some("api-key:1234"))
            )
            .await,
            Ok(())
        );
        assert_eq!(
            c.redeem(Kind::Token, &token, subject).await,
            Err(Rejection::Replayed)
        );
    }

    #[tokio::test]
    async fn replicas_sharing_a_ring_verify_each_other_and_rotation_keeps_old_tokens() {
        let a = args(json!({"label_id": "1"}));
        let subject = Subject {
            tool: "zia_delete_rule_label",
            args: &a,
            principal: None,
        };
        let old = Confirmations::new(&write(&[K1], 300)).expect("old ring");
        let token = old.issue(Kind::Token, subject);
        // A replica that rotated (new key first, old still accepted) verifies it...
        let rotated = Confirmations::new(&write(&[K2, K1], 300)).expect("rotated ring");
        assert_eq!(rotated.redeem(Kind::Token, &token, subject).await, Ok(()));
        // ...one that retired the old key refuses it, and says why.
        let retired = Confirmations::new(&write(&[K2], 300)).expect("new ring");
        let token = old.issue(Kind::Token, subject);
        assert_eq!(
            retired.redeem(Kind::Token, &token, subject).await,
            Err(Rejection::UnknownKey)
        );
        // A per-process key is not shared.
        let solo = Confirmations::new(&write(&[], 300)).expect("process key");
        assert!(solo.redeem(Kind::Token, &token, subject).await.is_err());
        // Duplicate keys are a configuration error naming the variable.
        let e = Confirmations::new(&write(&[K1, K1], 300)).expect_err("duplicate");
        assert!(
            e.to_string().contains("ZSCALER_MCP_REQUEST_STATE_KEYS"),
            "{e}"
        );
    }

    #[tokio::test]
    async fn an_expired_token_is_refused_as_expired() {
        // Below the configurable minimum on purpose: the rule, not the setting, is under test.
        let mut short = write(&[], 300);
        short.confirmation_ttl = Duration::from_secs(1);
        let c = Confirmations::new(&short).expect("confirmations");
        let a = args(json!({"label_id": "1"}));
        let subject = Subject {
            tool: "zia_delete_rule_label",
            args: &a,
            principal: None,
        };
        let token = c.issue(Kind::Token, subject);
        std::thread::sleep(Duration::from_millis(1100));
        assert_eq!(
            c.redeem(Kind::Token, &token, subject).await,
            Err(Rejection::Expired)
        );
        let state = c.issue(Kind::State, subject);
        std::thread::sleep(Duration::from_millis(1100));
        assert_eq!(
            c.redeem(Kind::State, &state, subject).await,
            Err(Rejection::Expired)
        );
    }

    #[test]
    fn kwargs_forms_and_summaries() {
        assert_eq!(presented_token(None), Ok(None));
        assert_eq!(presented_token(Some(&json!(""))), Ok(None));
        assert_eq!(
            presented_token(Some(&json!({"confirmation_token": "t"}))),
            Ok(Some("t".into()))
        );
        assert_eq!(
            presented_token(Some(&json!("{\"confirmation_token\": \"t\"}"))),
            Ok(Some("t".into()))
        );
        assert!(presented_token(Some(&json!({"confirmed": true}))).is_err());
        assert!(presented_token(Some(&json!(7))).is_err());
        let a = args(json!({"group_id": "72058"}));
        assert_eq!(
            summary("zpa_delete_segment_group", &a, None),
            "DELETE Segment Group — 72058 (group_id)"
        );
        assert_eq!(
            summary("zpa_delete_segment_group", &a, Some("Finance")),
            "DELETE Segment Group — \"Finance\" (72058)"
        );
        assert_eq!(
            Answer::of(&json!({"action": "accept", "content": {"choice": "delete"}})),
            Answer::Delete
        );
        assert_eq!(
            Answer::of(&json!({"action": "accept", "content": {"choice": "cancel"}})),
            Answer::Cancelled
        );
        assert_eq!(Answer::of(&json!({"action": "decline"})), Answer::Declined);
        assert_eq!(Answer::of(&json!({"action": "cancel"})), Answer::Dismissed);
        assert_eq!(Answer::of(&json!({})), Answer::Unknown);
    }
}
