//! Tools that talk to the client while they run: log and progress notifications, sampling and
//! elicitation (a server request on a session, an `InputRequiredResult` on 2026-07-28), and the
//! SSE reconnection of SEP-1699.

// Sampling and logging are deprecated by SEP-2577; the 2025 scenarios still use them.
#![allow(deprecated)]

use std::time::Duration;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ElicitationAction,
    LoggingLevel, ProgressNotificationParam,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer};
use serde_json::{Value, json};

use super::{required_str, text};
use crate::mrtr::{self, Capability};
use crate::server::FixtureServer;

/// Pause between the notifications of one call.
const STEP: Duration = Duration::from_millis(50);
/// How long `test_reconnection` waits for the client to resume its cut stream.
const RESUME_WAIT: Duration = Duration::from_secs(5);

/// `test_tool_with_logging`: three info logs, 50 ms apart.
pub async fn logging(
    server: &FixtureServer,
    ctx: &RequestContext<RoleServer>,
) -> Result<CallToolResponse, ErrorData> {
    let messages = [
        "Tool execution started",
        "Tool processing data",
        "Tool execution completed",
    ];
    for (i, message) in messages.into_iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(STEP).await;
        }
        server.log(ctx, LoggingLevel::Info, message).await;
    }
    Ok(text("Logging test completed"))
}

/// `test_logging_tool`: one info log, which a 2026-07-28 request only gets when its `_meta`
/// sets a log level.
pub async fn log_once(
    server: &FixtureServer,
    ctx: &RequestContext<RoleServer>,
) -> Result<CallToolResponse, ErrorData> {
    server
        .log(ctx, LoggingLevel::Info, "test_logging_tool ran")
        .await;
    Ok(text("Logging tool completed"))
}

/// `test_tool_with_progress`: progress 0, 50 and 100 of 100 when the request has a token.
pub async fn progress(ctx: &RequestContext<RoleServer>) -> Result<CallToolResponse, ErrorData> {
    let token = ctx.meta.get_progress_token();
    let steps = [(0.0, "Starting"), (50.0, "Halfway"), (100.0, "Done")];
    for (i, (progress, message)) in steps.into_iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(STEP).await;
        }
        let Some(token) = &token else { continue };
        let params = ProgressNotificationParam::new(token.clone(), progress)
            .with_total(100.0)
            .with_message(message);
        if let Err(e) = ctx.peer.notify_progress(params).await {
            tracing::debug!(error = %e, "cannot send a progress notification");
        }
    }
    Ok(text("Progress test completed"))
}

/// `test_reconnection`: the layer in `reconnect` cuts this call's SSE stream after its priming
/// event; answer once the client has resumed it, so the result reaches the resumed stream.
pub async fn reconnection(
    server: &FixtureServer,
    ctx: &RequestContext<RoleServer>,
) -> Result<CallToolResponse, ErrorData> {
    if let Some(session) = crate::reconnect::session_id(ctx) {
        server
            .shared
            .reconnects
            .wait_for_resume(&session, RESUME_WAIT)
            .await;
    }
    Ok(text("Reconnection test completed"))
}

/// `test_sampling`: asks the client's LLM to answer `prompt`.
pub async fn sampling(
    request: &CallToolRequestParams,
    ctx: &RequestContext<RoleServer>,
) -> Result<CallToolResponse, ErrorData> {
    let prompt = required_str(request, "prompt")?;
    Capability::Sampling.require(ctx)?;
    if mrtr::per_request(ctx) {
        let requests = vec![("sampling", mrtr::sampling(prompt, 100))];
        return mrtr::gather(request.input_responses.as_ref(), requests, None)?.respond(
            |answers| {
                Ok(text(format!(
                    "LLM response: {}",
                    answers.sampled_text("sampling").unwrap_or_default()
                )))
            },
        );
    }
    match ctx
        .peer
        .create_message(mrtr::sampling_params(prompt, 100))
        .await
    {
        Ok(result) => {
            let answer = result
                .message
                .content
                .first()
                .and_then(|c| c.as_text())
                .map(|t| t.text.as_str());
            Ok(text(format!(
                "LLM response: {}",
                answer.unwrap_or_default()
            )))
        }
        Err(e) => Ok(CallToolResult::error(vec![ContentBlock::text(format!(
            "Sampling failed: {e}"
        ))])
        .into()),
    }
}

/// Elicits a form described by `schema` and reports the answer after `summary`.
pub async fn elicit(
    request: &CallToolRequestParams,
    ctx: &RequestContext<RoleServer>,
    message: &str,
    schema: Value,
    summary: &str,
) -> Result<CallToolResponse, ErrorData> {
    Capability::Elicitation.require(ctx)?;
    if mrtr::per_request(ctx) {
        let requests = vec![("response", mrtr::elicitation(message, schema)?)];
        return mrtr::gather(request.input_responses.as_ref(), requests, None)?.respond(
            |answers| {
                let content = answers
                    .elicited("response")
                    .cloned()
                    .map_or(Value::Null, Value::Object);
                Ok(text(format!(
                    "{summary}: action={}, content={content}",
                    answers.action("response")
                )))
            },
        );
    }
    match ctx
        .peer
        .create_elicitation(mrtr::elicitation_params(message, schema)?)
        .await
    {
        Ok(result) => {
            let action = match result.action {
                ElicitationAction::Accept => "accept",
                ElicitationAction::Decline => "decline",
                _ => "cancel",
            };
            let content = result.content.unwrap_or(Value::Null);
            Ok(text(format!(
                "{summary}: action={action}, content={content}"
            )))
        }
        Err(e) => Ok(CallToolResult::error(vec![ContentBlock::text(format!(
            "Elicitation failed: {e}"
        ))])
        .into()),
    }
}

/// `test_elicitation`'s form.
pub fn user_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "username": {"type": "string", "description": "User's response"},
            "email": {"type": "string", "description": "User's email address"}
        },
        "required": ["username", "email"]
    })
}

/// SEP-1034: a default for every primitive type.
pub fn sep1034_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "name": {"type": "string", "description": "User name", "default": "John Doe"},
            "age": {"type": "integer", "description": "User age", "default": 30},
            "score": {"type": "number", "description": "User score", "default": 95.5},
            "status": {
                "type": "string",
                "description": "User status",
                "enum": ["active", "inactive", "pending"],
                "default": "active"
            },
            "verified": {"type": "boolean", "description": "Whether the user is verified", "default": true}
        }
    })
}

/// SEP-1330: every enum variant (untitled, titled, legacy `enumNames`, and both multi-selects).
pub fn sep1330_schema() -> Value {
    let titled = |noun: &str| {
        json!([
            {"const": "value1", "title": format!("First {noun}")},
            {"const": "value2", "title": format!("Second {noun}")},
            {"const": "value3", "title": format!("Third {noun}")}
        ])
    };
    json!({
        "type": "object",
        "properties": {
            "untitledSingle": {"type": "string", "enum": ["option1", "option2", "option3"]},
            "titledSingle": {"type": "string", "oneOf": titled("Option")},
            "legacyEnum": {
                "type": "string",
                "enum": ["opt1", "opt2", "opt3"],
                "enumNames": ["Option One", "Option Two", "Option Three"]
            },
            "untitledMulti": {
                "type": "array",
                "items": {"type": "string", "enum": ["option1", "option2", "option3"]}
            },
            "titledMulti": {"type": "array", "items": {"anyOf": titled("Choice")}}
        }
    })
}
