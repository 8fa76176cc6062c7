//! Asking the client for input (elicitation, sampling, roots).
//!
//! Two wires exist. On a session (revisions up to 2025-11-25) the server sends the request to the
//! client over the session and awaits the answer. On 2026-07-28 there is no session: the server
//! answers with an `InputRequiredResult` (SEP-2322), and the client retries the same request with
//! `inputResponses` (and the echoed `requestState`). This module holds the second wire's
//! building blocks; the tools decide per request which wire to use.

// Sampling and roots are deprecated by SEP-2577 but are still valid MRTR input requests.
#![allow(deprecated)]

use std::collections::BTreeMap;

use rmcp::ErrorData;
use rmcp::RoleServer;
use rmcp::model::{
    ClientCapabilities, CreateMessageRequest, CreateMessageRequestParams, ElicitRequest,
    ElicitRequestParams, ElicitationSchema, InputRequest, InputRequests, InputRequiredResult,
    InputResponses, ListRootsRequest, ProtocolVersion, RequestStateCodec, SamplingMessage,
    SealOptions,
};
use rmcp::service::RequestContext;
use serde_json::{Map, Value};

/// Whether this request follows 2026-07-28's per-request lifecycle (no server-to-client
/// requests: input is gathered with `InputRequiredResult`).
pub fn per_request(ctx: &RequestContext<RoleServer>) -> bool {
    ctx.protocol_version()
        .is_some_and(|v| v.as_str() >= ProtocolVersion::V_2026_07_28.as_str())
}

/// A client capability an input request depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    Elicitation,
    Sampling,
    Roots,
}

impl Capability {
    fn of(request: &InputRequest) -> Option<Capability> {
        match request {
            InputRequest::Elicitation(_) => Some(Capability::Elicitation),
            InputRequest::CreateMessage(_) => Some(Capability::Sampling),
            InputRequest::ListRoots(_) => Some(Capability::Roots),
            _ => None,
        }
    }

    /// Whether the client declared this capability (in `initialize` or in the request `_meta`).
    pub fn declared(self, ctx: &RequestContext<RoleServer>) -> bool {
        let Some(caps) = ctx.client_capabilities() else {
            return false;
        };
        match self {
            Capability::Elicitation => caps.elicitation.is_some(),
            Capability::Sampling => caps.sampling.is_some(),
            Capability::Roots => caps.roots.is_some(),
        }
    }

    /// `MissingRequiredClientCapability` (-32021) unless the client declared this capability.
    pub fn require(self, ctx: &RequestContext<RoleServer>) -> Result<(), ErrorData> {
        if self.declared(ctx) {
            return Ok(());
        }
        let required = match self {
            Capability::Elicitation => ClientCapabilities::builder().enable_elicitation().build(),
            Capability::Sampling => ClientCapabilities::builder().enable_sampling().build(),
            Capability::Roots => ClientCapabilities::builder().enable_roots().build(),
        };
        Err(ErrorData::missing_required_client_capability(required))
    }
}

/// A form elicitation with the given JSON Schema (`requestedSchema`).
pub fn elicitation_params(message: &str, schema: Value) -> Result<ElicitRequestParams, ErrorData> {
    let requested_schema: ElicitationSchema = serde_json::from_value(schema).map_err(|e| {
        ErrorData::internal_error(format!("fixture elicitation schema is invalid: {e}"), None)
    })?;
    Ok(ElicitRequestParams::FormElicitationParams {
        meta: None,
        message: message.to_string(),
        requested_schema,
    })
}

pub fn elicitation(message: &str, schema: Value) -> Result<InputRequest, ErrorData> {
    Ok(InputRequest::Elicitation(ElicitRequest::new(
        elicitation_params(message, schema)?,
    )))
}

pub fn sampling_params(prompt: &str, max_tokens: u32) -> CreateMessageRequestParams {
    CreateMessageRequestParams::new(vec![SamplingMessage::user_text(prompt)], max_tokens)
}

pub fn sampling(prompt: &str, max_tokens: u32) -> InputRequest {
    InputRequest::CreateMessage(CreateMessageRequest::new(sampling_params(
        prompt, max_tokens,
    )))
}

pub fn list_roots() -> InputRequest {
    InputRequest::ListRoots(ListRootsRequest::default())
}

/// The outcome of looking for the answers to a set of input requests.
pub enum Gathered {
    /// Every request was answered.
    Complete(Answers),
    /// Some are unanswered: return this to the client (it re-requests only the missing ones).
    Incomplete(InputRequiredResult),
}

impl Gathered {
    /// The response to send: `complete(answers)` once every input is in, else the request for
    /// the missing ones.
    pub fn respond<R: From<InputRequiredResult>>(
        self,
        complete: impl FnOnce(Answers) -> Result<R, ErrorData>,
    ) -> Result<R, ErrorData> {
        match self {
            Gathered::Complete(answers) => complete(answers),
            Gathered::Incomplete(ask) => Ok(ask.into()),
        }
    }
}

/// An `InputRequiredResult` asking for `requests`, carrying `request_state`.
pub fn ask(
    requests: Vec<(&str, InputRequest)>,
    request_state: Option<String>,
) -> InputRequiredResult {
    let requests = requests
        .into_iter()
        .map(|(key, request)| (key.to_string(), request))
        .collect();
    InputRequiredResult::new(Some(requests), request_state)
}

/// Validated client answers, by input-request key.
pub struct Answers(BTreeMap<String, Value>);

impl Answers {
    /// The `content` of an accepted elicitation, `None` when declined or cancelled.
    pub fn elicited(&self, key: &str) -> Option<&Map<String, Value>> {
        let answer = self.0.get(key)?;
        if answer.get("action").and_then(Value::as_str) != Some("accept") {
            return None;
        }
        answer.get("content").and_then(Value::as_object)
    }

    /// The `action` of an elicitation answer.
    pub fn action(&self, key: &str) -> &str {
        self.0
            .get(key)
            .and_then(|a| a.get("action"))
            .and_then(Value::as_str)
            .unwrap_or("cancel")
    }

    /// The text of a sampling answer.
    pub fn sampled_text(&self, key: &str) -> Option<&str> {
        self.0.get(key)?.get("content").and_then(sampled_text)
    }

    /// The root URIs of a `roots/list` answer.
    pub fn roots(&self, key: &str) -> Vec<&str> {
        self.0
            .get(key)
            .and_then(|a| a.get("roots"))
            .and_then(Value::as_array)
            .map(|roots| {
                roots
                    .iter()
                    .filter_map(|r| r.get("uri").and_then(Value::as_str))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Text of a sampling result's `content` (one block or an array of blocks).
fn sampled_text(content: &Value) -> Option<&str> {
    match content {
        Value::Array(blocks) => blocks
            .iter()
            .find_map(|b| b.get("text").and_then(Value::as_str)),
        block => block.get("text").and_then(Value::as_str),
    }
}

/// Checks that `answer` has the shape of a result to `request`.
fn validate(key: &str, request: &InputRequest, answer: &Value) -> Result<(), ErrorData> {
    let problem = match (request, answer.as_object()) {
        (_, None) => Some("result object"),
        (InputRequest::Elicitation(_), Some(object)) => {
            let action = object.get("action").and_then(Value::as_str);
            if !matches!(action, Some("accept" | "decline" | "cancel")) {
                Some("ElicitResult (action must be accept, decline or cancel)")
            } else if object.get("content").is_some_and(|c| !c.is_object()) {
                Some("ElicitResult (content must be an object)")
            } else {
                None
            }
        }
        (InputRequest::CreateMessage(_), Some(object)) => object
            .get("content")
            .and_then(sampled_text)
            .is_none()
            .then_some("CreateMessageResult (no text content)"),
        (InputRequest::ListRoots(_), Some(object)) => {
            (!object.get("roots").is_some_and(Value::is_array))
                .then_some("ListRootsResult (roots must be an array)")
        }
        _ => None,
    };
    match problem {
        None => Ok(()),
        Some(why) => Err(ErrorData::invalid_params(
            format!("inputResponses.{key} is not a valid {why}"),
            Some(serde_json::json!({ "inputResponse": key })),
        )),
    }
}

/// Matches `responses` against `requests`. Unknown response keys are ignored; a malformed
/// answer is an `InvalidParams` error; unanswered requests are asked (again) together with
/// `request_state`.
pub fn gather(
    responses: Option<&InputResponses>,
    requests: Vec<(&str, InputRequest)>,
    request_state: Option<String>,
) -> Result<Gathered, ErrorData> {
    let mut answers = BTreeMap::new();
    let mut missing = InputRequests::new();
    for (key, request) in requests {
        match responses.and_then(|r| r.get(key)) {
            Some(answer) => {
                validate(key, &request, answer)?;
                answers.insert(key.to_string(), answer.clone());
            }
            None => {
                missing.insert(key.to_string(), request);
            }
        }
    }
    Ok(if missing.is_empty() {
        Gathered::Complete(Answers(answers))
    } else {
        Gathered::Incomplete(InputRequiredResult::new(Some(missing), request_state))
    })
}

/// Keeps only the input requests whose capability the client declared.
pub fn declared_only<'a>(
    ctx: &RequestContext<RoleServer>,
    requests: Vec<(&'a str, InputRequest)>,
) -> Vec<(&'a str, InputRequest)> {
    requests
        .into_iter()
        .filter(|(_, r)| Capability::of(r).is_none_or(|c| c.declared(ctx)))
        .collect()
}

/// Seals `requestState` values with an HMAC so a value the client altered is rejected
/// (SEP-2322: the echoed state is untrusted input). Each value is bound to the request it was
/// issued for (the `scope`, e.g. the tool name), so it cannot be replayed against another one.
pub struct StateSeal {
    codec: RequestStateCodec,
}

impl StateSeal {
    /// A seal with a fresh random per-process key.
    pub fn new() -> Result<StateSeal, String> {
        let key: Vec<u8> = [uuid::Uuid::new_v4(), uuid::Uuid::new_v4()]
            .iter()
            .flat_map(|u| u.into_bytes())
            .collect();
        let codec = RequestStateCodec::try_new(key).map_err(|e| e.to_string())?;
        Ok(StateSeal { codec })
    }

    pub fn seal(&self, scope: &str, step: &str) -> String {
        self.codec.seal_with(
            step.as_bytes(),
            &SealOptions::new().associated_data(scope.as_bytes()),
        )
    }

    /// The step sealed in `sealed`; `InvalidParams` when it fails verification.
    pub fn open(&self, scope: &str, sealed: &str) -> Result<String, ErrorData> {
        let rejected = |why: String| {
            ErrorData::invalid_params(
                format!("requestState failed integrity verification: {why}"),
                None,
            )
        };
        let step = self
            .codec
            .open_with(sealed, scope.as_bytes())
            .map_err(|e| rejected(e.to_string()))?;
        String::from_utf8(step).map_err(|e| rejected(e.to_string()))
    }

    /// Opens an optional state: `Ok(None)` when the client sent none.
    pub fn open_optional(
        &self,
        scope: &str,
        sealed: Option<&str>,
    ) -> Result<Option<String>, ErrorData> {
        sealed.map(|s| self.open(scope, s)).transpose()
    }
}
