//! From a declaration to its answer: the handler it names, errors as `isError` results that
//! say what went wrong and what to do, and the hand-off to shaping.

use rmcp::model::{CallToolResult, ContentBlock};
use serde_json::Value;

use crate::catalog::{Handler, ToolDeclaration, conventions};
use crate::client::error::{ApiError, ErrorKind};
use crate::shaping::{self, Answer, Notes};

use super::request::{Args, Vars, select};
use super::{Call, Context, Failure, route, special};

/// Runs a declared Zscaler tool with validated arguments (policy has already let the call
/// pass) and shapes the answer.
pub async fn run(tool: &ToolDeclaration, args: Args, ctx: &Context<'_>) -> CallToolResult {
    let Some(service) = tool.service else {
        return error_text(format!("{} is not a Zscaler tool.", tool.name));
    };
    let call = Call {
        tool,
        service,
        conventions: conventions(service),
        ctx,
    };
    let answer = match tool.handler {
        Handler::Routes(routes) => match select(routes, &args) {
            Some(r) => route::execute(&call, r, &args, Vars::new()).await,
            // Unreachable for the catalog's tools: declared rules refuse every combination
            // that selects no route (tests/catalog.rs); kept for safety.
            None => Err(Failure::Invalid(format!(
                "{}: these arguments select no operation; see the tool's parameter descriptions.",
                tool.name
            ))),
        },
        Handler::Special(which) => special::run(which, &call, &args).await,
        Handler::Meta(_) => Err(Failure::Invalid(format!(
            "{} is a server tool, not a Zscaler one.",
            tool.name
        ))),
    };
    match answer {
        Ok(answer) => {
            // A list tool answers rows even when its route answered one record.
            let mut answer = match answer {
                Answer::Record(Value::Array(items)) if tool.list => Answer::all_rows(items),
                Answer::Record(v) if tool.list => Answer::all_rows(vec![v]),
                other => other,
            };
            shaping::epoch::add_iso_siblings(&mut answer, call.conventions.epoch_fields);
            let notes = Notes {
                untrusted: tool.untrusted,
                after: call
                    .conventions
                    .staged_note
                    .filter(|_| tool.action.is_write() && tool.staged_note),
                sanitize: ctx.sanitize,
            };
            shaping::result::render(answer, args.get("query").and_then(Value::as_str), notes)
        }
        Err(failure) => failed(failure, ctx.sanitize),
    }
}

fn failed(failure: Failure, sanitize: bool) -> CallToolResult {
    match failure {
        Failure::Invalid(message) => error_text(message),
        Failure::After { done, failure } => {
            let mut result = failed(*failure, sanitize);
            let then = result
                .content
                .iter()
                .filter_map(|c| c.as_text().map(|t| t.text.clone()))
                .collect::<Vec<_>>()
                .join("\n");
            result.content = vec![ContentBlock::text(format!("{done} Then: {then}"))];
            match &mut result.structured_content {
                Some(Value::Object(o)) => {
                    o.insert("alreadyDone".into(), Value::String(done));
                }
                other => *other = Some(serde_json::json!({"alreadyDone": done})),
            }
            result
        }
        Failure::Api(e) => {
            // API error messages carry tenant text (names, descriptions): sanitized too.
            let structured = shaping::sanitize(e.to_json(), sanitize);
            let text = api_error_text(&e);
            let text = match sanitize {
                true => shaping::sanitize::sanitize_text(&text).into_owned(),
                false => text,
            };
            let mut result = CallToolResult::structured_error(structured);
            result.content = vec![ContentBlock::text(text)];
            result
        }
    }
}

pub(crate) fn error_text(message: String) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(message)])
}

fn api_error_text(e: &ApiError) -> String {
    let hint = match e.kind {
        ErrorKind::NotFound => " Check the id (list tools give valid ids).",
        ErrorKind::PermissionDenied => {
            " The API client's role or entitlements must allow this call; retrying will not help."
        }
        ErrorKind::RateLimited => " Wait before retrying.",
        _ => "",
    };
    format!("{e}.{hint}")
}
