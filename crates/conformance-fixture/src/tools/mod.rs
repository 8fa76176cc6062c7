//! The fixture tools: one per conformance scenario that calls a tool by name.
//!
//! - this module: the catalogue (`tools/list`) and the dispatch, plus the tools that only
//!   return content;
//! - [`interactive`]: tools that talk to the client while they run (logging, progress,
//!   sampling, elicitation, SSE reconnection);
//! - [`input_required`]: the SEP-2322 `InputRequiredResult` (MRTR) tools of 2026-07-28.

mod input_required;
mod interactive;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, JsonObject,
    ResourceContents, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer};
use serde_json::{Value, json};

use crate::media::{RED_PIXEL_PNG, SILENCE_WAV};
use crate::mrtr::Capability;
use crate::server::{FixtureServer, ListChange};

const JSON_SCHEMA_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Every fixture tool, in a stable order. The first one takes no arguments: header-validation
/// scenarios call `tools/list`'s first tool with `{}`.
pub fn catalogue() -> Vec<Tool> {
    let no_args = || json!({"type": "object", "properties": {}});
    let tools: Vec<(&str, &str, Value)> = vec![
        (
            "test_simple_text",
            "Returns a simple text response",
            no_args(),
        ),
        (
            "test_image_content",
            "Returns image content (a 1x1 PNG)",
            no_args(),
        ),
        (
            "test_audio_content",
            "Returns audio content (a WAV clip)",
            no_args(),
        ),
        (
            "test_embedded_resource",
            "Returns an embedded text resource",
            no_args(),
        ),
        (
            "test_multiple_content_types",
            "Returns text, image and resource content",
            no_args(),
        ),
        (
            "test_tool_with_logging",
            "Sends three info log notifications while it runs",
            no_args(),
        ),
        (
            "test_error_handling",
            "Always fails with a tool execution error",
            no_args(),
        ),
        (
            "test_tool_with_progress",
            "Reports progress 0, 50 and 100 of 100",
            no_args(),
        ),
        (
            "test_sampling",
            "Asks the client's LLM to answer a prompt (sampling)",
            json!({
                "type": "object",
                "properties": {"prompt": {"type": "string", "description": "The prompt to send to the LLM"}},
                "required": ["prompt"]
            }),
        ),
        (
            "test_elicitation",
            "Asks the user for a username and an email address (elicitation)",
            json!({
                "type": "object",
                "properties": {"message": {"type": "string", "description": "The message to show the user"}},
                "required": ["message"]
            }),
        ),
        (
            "test_elicitation_sep1034_defaults",
            "Elicits a form whose fields all carry defaults (SEP-1034)",
            no_args(),
        ),
        (
            "test_elicitation_sep1330_enums",
            "Elicits a form with every enum variant (SEP-1330)",
            no_args(),
        ),
        (
            "json_schema_2020_12_tool",
            "Tool with JSON Schema 2020-12 features",
            json_schema_2020_12(),
        ),
        (
            "test_reconnection",
            "Closes its SSE response stream mid-call and answers after the client resumes (SEP-1699)",
            no_args(),
        ),
        (
            "test_input_required_result_elicitation",
            "Asks for the user's name with an InputRequiredResult (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_sampling",
            "Asks the client's LLM a question with an InputRequiredResult (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_list_roots",
            "Asks for the client's roots with an InputRequiredResult (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_request_state",
            "Round-trips an integrity-protected requestState (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_multiple_inputs",
            "Asks for elicitation, sampling and roots in one InputRequiredResult (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_multi_round",
            "Asks for input over two rounds with evolving requestState (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_tampered_state",
            "Rejects a requestState that fails integrity verification (SEP-2322)",
            no_args(),
        ),
        (
            "test_input_required_result_capabilities",
            "Only asks for input the client declared capabilities for (SEP-2322)",
            no_args(),
        ),
        (
            "test_missing_capability",
            "Requires the sampling client capability (SEP-2575)",
            no_args(),
        ),
        (
            "test_streaming_elicitation",
            "Needs elicitation: asks with an InputRequiredResult, never a server request (SEP-2575)",
            no_args(),
        ),
        (
            "test_logging_tool",
            "Logs at info level, only when the request asked for logs (SEP-2575)",
            no_args(),
        ),
        (
            "test_trigger_tool_change",
            "Announces notifications/tools/list_changed to subscribers",
            no_args(),
        ),
        (
            "test_trigger_prompt_change",
            "Announces notifications/prompts/list_changed to subscribers",
            no_args(),
        ),
        (
            "test_header_param",
            "Echoes a parameter that clients mirror into the Mcp-Param-Region header (SEP-2243)",
            json!({
                "type": "object",
                "properties": {
                    "region": {"type": "string", "description": "A region name", "x-mcp-header": "Region"}
                },
                "required": ["region"]
            }),
        ),
    ];
    tools
        .into_iter()
        .map(|(name, description, schema)| Tool::new(name, description, object(schema)))
        .collect()
}

/// The SEP-1613/SEP-2106 schema: `$schema`, `$defs` with an `$anchor`, `$ref`, composition and
/// conditional keywords, `additionalProperties: false`.
fn json_schema_2020_12() -> Value {
    json!({
        "$schema": JSON_SCHEMA_2020_12,
        "type": "object",
        "$defs": {
            "address": {
                "$anchor": "addressDef",
                "type": "object",
                "properties": {"street": {"type": "string"}, "city": {"type": "string"}}
            }
        },
        "properties": {
            "name": {"type": "string"},
            "address": {"$ref": "#/$defs/address"},
            "contactMethod": {"type": "string", "enum": ["phone", "email"]},
            "phone": {"type": "string"},
            "email": {"type": "string"}
        },
        "allOf": [{"anyOf": [{"required": ["phone"]}, {"required": ["email"]}]}],
        "if": {"properties": {"contactMethod": {"const": "phone"}}, "required": ["contactMethod"]},
        "then": {"required": ["phone"]},
        "else": {"required": ["email"]},
        "additionalProperties": false
    })
}

fn object(value: Value) -> JsonObject {
    match value {
        Value::Object(map) => map,
        _ => JsonObject::new(),
    }
}

fn text(text: impl Into<String>) -> CallToolResponse {
    CallToolResult::success(vec![ContentBlock::text(text)]).into()
}

fn required_str<'a>(request: &'a CallToolRequestParams, name: &str) -> Result<&'a str, ErrorData> {
    request
        .arguments
        .as_ref()
        .and_then(|a| a.get(name))
        .and_then(Value::as_str)
        .ok_or_else(|| ErrorData::invalid_params(format!("missing string argument '{name}'"), None))
}

/// Runs the tool `request.name`.
pub async fn call(
    server: &FixtureServer,
    request: CallToolRequestParams,
    ctx: RequestContext<RoleServer>,
) -> Result<CallToolResponse, ErrorData> {
    match request.name.as_ref() {
        "test_simple_text" => Ok(text("This is a simple text response for testing.")),
        "test_image_content" => Ok(CallToolResult::success(vec![ContentBlock::image(
            RED_PIXEL_PNG,
            "image/png",
        )])
        .into()),
        "test_audio_content" => {
            Ok(CallToolResult::success(vec![ContentBlock::audio(SILENCE_WAV, "audio/wav")]).into())
        }
        "test_embedded_resource" => Ok(CallToolResult::success(vec![ContentBlock::resource(
            ResourceContents::text(
                "This is an embedded resource content.",
                "test://embedded-resource",
            ),
        )])
        .into()),
        "test_multiple_content_types" => Ok(CallToolResult::success(vec![
            ContentBlock::text("Multiple content types test:"),
            ContentBlock::image(RED_PIXEL_PNG, "image/png"),
            ContentBlock::resource(
                ResourceContents::text(
                    r#"{"test":"data","value":123}"#,
                    "test://mixed-content-resource",
                )
                .with_mime_type("application/json"),
            ),
        ])
        .into()),
        "test_error_handling" => Ok(CallToolResult::error(vec![ContentBlock::text(
            "This tool intentionally returns an error for testing",
        )])
        .into()),
        "json_schema_2020_12_tool" => {
            let name = request
                .arguments
                .as_ref()
                .and_then(|a| a.get("name"))
                .and_then(Value::as_str);
            Ok(text(format!("Hello, {}!", name.unwrap_or("world"))))
        }
        "test_header_param" => Ok(text(format!(
            "Region: {}",
            required_str(&request, "region")?
        ))),

        "test_tool_with_logging" => interactive::logging(server, &ctx).await,
        "test_tool_with_progress" => interactive::progress(&ctx).await,
        "test_sampling" => interactive::sampling(&request, &ctx).await,
        "test_elicitation" => {
            let message = required_str(&request, "message")?;
            interactive::elicit(
                &request,
                &ctx,
                message,
                interactive::user_schema(),
                "User response",
            )
            .await
        }
        "test_elicitation_sep1034_defaults" => {
            let message = "Please review your details (every field has a default)";
            interactive::elicit(
                &request,
                &ctx,
                message,
                interactive::sep1034_schema(),
                "Elicitation completed",
            )
            .await
        }
        "test_elicitation_sep1330_enums" => {
            let message = "Pick from every kind of enum";
            interactive::elicit(
                &request,
                &ctx,
                message,
                interactive::sep1330_schema(),
                "Elicitation completed",
            )
            .await
        }
        "test_reconnection" => interactive::reconnection(server, &ctx).await,

        "test_input_required_result_elicitation" => input_required::user_name(&request),
        "test_input_required_result_sampling" => input_required::sampling(&request),
        "test_input_required_result_list_roots" => input_required::list_roots(&request),
        "test_input_required_result_request_state"
        | "test_input_required_result_tampered_state" => {
            input_required::confirm_with_state(server, &request)
        }
        "test_input_required_result_multiple_inputs" => {
            input_required::multiple_inputs(server, &request)
        }
        "test_input_required_result_multi_round" => input_required::multi_round(server, &request),
        "test_input_required_result_capabilities" => input_required::declared_only(&request, &ctx),

        // SEP-2575 diagnostics of the server-stateless scenario.
        "test_missing_capability" => {
            Capability::Sampling.require(&ctx)?;
            Ok(text("The client declared sampling"))
        }
        "test_streaming_elicitation" => {
            Capability::Elicitation.require(&ctx)?;
            input_required::user_name(&request)
        }
        "test_logging_tool" => interactive::log_once(server, &ctx).await,
        "test_trigger_tool_change" => {
            server.announce(&ctx, ListChange::Tools).await;
            Ok(text("Announced notifications/tools/list_changed"))
        }
        "test_trigger_prompt_change" => {
            server.announce(&ctx, ListChange::Prompts).await;
            Ok(text("Announced notifications/prompts/list_changed"))
        }
        other => Err(ErrorData::invalid_params(
            format!("Unknown tool: {other}"),
            None,
        )),
    }
}
