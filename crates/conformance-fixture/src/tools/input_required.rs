//! The SEP-2322 fixture tools (`test_input_required_result_*`): they gather client input with
//! `InputRequiredResult` and complete when the client retries with `inputResponses`. State that
//! crosses rounds travels in a sealed `requestState` (see [`crate::mrtr::StateSeal`]), never in
//! server memory, as a stateless server must.

// Sampling and roots are deprecated by SEP-2577 but remain valid MRTR input requests.
#![allow(deprecated)]

use rmcp::model::{CallToolRequestParams, CallToolResponse, ClientCapabilities, InputRequest};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer};
use serde_json::{Value, json};

use super::text;
use crate::mrtr::{self, Answers};
use crate::server::FixtureServer;

fn name_request(message: &str) -> Result<InputRequest, ErrorData> {
    mrtr::elicitation(
        message,
        json!({"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}),
    )
}

fn elicited_str<'a>(answers: &'a Answers, key: &str, field: &str) -> Option<&'a str> {
    answers.elicited(key)?.get(field)?.as_str()
}

/// `test_input_required_result_elicitation` (also `test_streaming_elicitation`): asks for
/// `user_name`, then greets. Unanswered keys are asked again; extra keys are ignored.
pub fn user_name(request: &CallToolRequestParams) -> Result<CallToolResponse, ErrorData> {
    let requests = vec![("user_name", name_request("What is your name?")?)];
    mrtr::gather(request.input_responses.as_ref(), requests, None)?.respond(|answers| {
        let name = elicited_str(&answers, "user_name", "name").unwrap_or("stranger");
        Ok(text(format!("Hello, {name}!")))
    })
}

/// `test_input_required_result_sampling`
pub fn sampling(request: &CallToolRequestParams) -> Result<CallToolResponse, ErrorData> {
    let requests = vec![(
        "capital_question",
        mrtr::sampling("What is the capital of France?", 100),
    )];
    mrtr::gather(request.input_responses.as_ref(), requests, None)?.respond(|answers| {
        let answer = answers.sampled_text("capital_question").unwrap_or_default();
        Ok(text(format!("The LLM answered: {answer}")))
    })
}

/// `test_input_required_result_list_roots`
pub fn list_roots(request: &CallToolRequestParams) -> Result<CallToolResponse, ErrorData> {
    let requests = vec![("client_roots", mrtr::list_roots())];
    mrtr::gather(request.input_responses.as_ref(), requests, None)?.respond(|answers| {
        Ok(text(format!(
            "Client roots: {}",
            answers.roots("client_roots").join(", ")
        )))
    })
}

/// `test_input_required_result_request_state` and `..._tampered_state`: asks for a
/// confirmation with a sealed `requestState` and completes with "state-ok" once the echoed
/// state verifies. A state that fails verification is rejected with `InvalidParams`.
pub fn confirm_with_state(
    server: &FixtureServer,
    request: &CallToolRequestParams,
) -> Result<CallToolResponse, ErrorData> {
    let scope = request.name.as_ref();
    let seal = &server.shared.seal;
    let step = seal.open_optional(scope, request.request_state.as_deref())?;
    let confirm = mrtr::elicitation(
        "Please confirm",
        json!({"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}),
    )?;
    let state = Some(seal.seal(scope, "confirm"));
    if step.as_deref() != Some("confirm") {
        return Ok(mrtr::ask(vec![("confirm", confirm)], state).into());
    }
    mrtr::gather(
        request.input_responses.as_ref(),
        vec![("confirm", confirm)],
        state,
    )?
    .respond(|answers| {
        let ok = answers
            .elicited("confirm")
            .and_then(|c| c.get("ok"))
            .and_then(Value::as_bool);
        Ok(text(format!(
            "state-ok: requestState verified, confirmed={}",
            ok.unwrap_or(false)
        )))
    })
}

/// `test_input_required_result_multiple_inputs`: elicitation, sampling and roots at once.
pub fn multiple_inputs(
    server: &FixtureServer,
    request: &CallToolRequestParams,
) -> Result<CallToolResponse, ErrorData> {
    let scope = request.name.as_ref();
    let seal = &server.shared.seal;
    // A single round, but an echoed state must still be one this server issued.
    seal.open_optional(scope, request.request_state.as_deref())?;
    let requests = vec![
        ("user_name", name_request("What is your name?")?),
        ("greeting", mrtr::sampling("Generate a greeting", 50)),
        ("client_roots", mrtr::list_roots()),
    ];
    let state = Some(seal.seal(scope, "gather"));
    mrtr::gather(request.input_responses.as_ref(), requests, state)?.respond(|answers| {
        Ok(text(format!(
            "{} {} (roots: {})",
            answers.sampled_text("greeting").unwrap_or("Hello"),
            elicited_str(&answers, "user_name", "name").unwrap_or("stranger"),
            answers.roots("client_roots").join(", ")
        )))
    })
}

/// `test_input_required_result_multi_round`: two elicitation rounds, each with its own sealed
/// state (round 2's carries round 1's answer), then a complete result.
pub fn multi_round(
    server: &FixtureServer,
    request: &CallToolRequestParams,
) -> Result<CallToolResponse, ErrorData> {
    let scope = request.name.as_ref();
    let seal = &server.shared.seal;
    let responses = request.input_responses.as_ref();
    let color_request = || {
        mrtr::elicitation(
            "Step 2: What is your favorite color?",
            json!({"type": "object", "properties": {"color": {"type": "string"}}, "required": ["color"]}),
        )
    };
    match seal
        .open_optional(scope, request.request_state.as_deref())?
        .as_deref()
    {
        None | Some("round-1") => {
            let requests = vec![("step1", name_request("Step 1: What is your name?")?)];
            mrtr::gather(responses, requests, Some(seal.seal(scope, "round-1")))?.respond(
                |answers| {
                    let name = elicited_str(&answers, "step1", "name").unwrap_or("stranger");
                    let state = seal.seal(scope, &format!("round-2:{name}"));
                    Ok(mrtr::ask(vec![("step2", color_request()?)], Some(state)).into())
                },
            )
        }
        Some(step) => {
            let Some(name) = step.strip_prefix("round-2:") else {
                return Err(ErrorData::invalid_params(
                    format!("unexpected requestState step '{step}'"),
                    None,
                ));
            };
            let requests = vec![("step2", color_request()?)];
            mrtr::gather(responses, requests, Some(seal.seal(scope, step)))?.respond(|answers| {
                let color = elicited_str(&answers, "step2", "color").unwrap_or("unknown");
                Ok(text(format!("{name}'s favorite color is {color}")))
            })
        }
    }
}

/// `test_input_required_result_capabilities`: asks only for input whose capability the client
/// declared in the request's `_meta`.
pub fn declared_only(
    request: &CallToolRequestParams,
    ctx: &RequestContext<RoleServer>,
) -> Result<CallToolResponse, ErrorData> {
    let requests = mrtr::declared_only(
        ctx,
        vec![
            ("user_name", name_request("What is your name?")?),
            ("greeting", mrtr::sampling("Generate a greeting", 50)),
            ("client_roots", mrtr::list_roots()),
        ],
    );
    if requests.is_empty() {
        return Err(ErrorData::missing_required_client_capability(
            ClientCapabilities::builder().enable_elicitation().build(),
        ));
    }
    mrtr::gather(request.input_responses.as_ref(), requests, None)?
        .respond(|_| Ok(text("Gathered every input the client supports")))
}
