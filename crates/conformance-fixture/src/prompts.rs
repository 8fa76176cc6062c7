//! The fixture prompts and argument completion.

use rmcp::model::{
    CompleteRequestParams, CompleteResult, CompletionInfo, ContentBlock, ElicitationAction,
    GetPromptRequestParams, GetPromptResponse, GetPromptResult, Prompt, PromptArgument,
    PromptMessage, Reference, ResourceContents, Role,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer};
use serde_json::{Value, json};

use crate::media::RED_PIXEL_PNG;
use crate::mrtr::{self, Capability, Gathered};

const INPUT_REQUIRED_PROMPT: &str = "test_input_required_result_prompt";

/// Suggestions for `test_prompt_with_arguments`' arguments.
const ARGUMENT_VALUES: [&str; 4] = ["test", "testValue1", "testValue2", "example"];
/// Suggestions for the `{id}` of `test://template/{id}/data`.
const TEMPLATE_IDS: [&str; 3] = ["1", "2", "123"];

fn argument(name: &str, description: &str) -> PromptArgument {
    PromptArgument::new(name)
        .with_description(description)
        .with_required(true)
}

pub fn list() -> Vec<Prompt> {
    vec![
        Prompt::new(
            "test_simple_prompt",
            Some("A simple prompt without arguments"),
            None,
        ),
        Prompt::new(
            "test_prompt_with_arguments",
            Some("A prompt that substitutes two arguments"),
            Some(vec![
                argument("arg1", "First test argument"),
                argument("arg2", "Second test argument"),
            ]),
        ),
        Prompt::new(
            "test_prompt_with_embedded_resource",
            Some("A prompt that embeds a resource"),
            Some(vec![argument(
                "resourceUri",
                "URI of the resource to embed",
            )]),
        ),
        Prompt::new(
            "test_prompt_with_image",
            Some("A prompt with image content"),
            None,
        ),
        Prompt::new(
            INPUT_REQUIRED_PROMPT,
            Some("A prompt that first asks the user for context (SEP-2322)"),
            None,
        ),
    ]
}

fn string_argument<'a>(
    request: &'a GetPromptRequestParams,
    name: &str,
) -> Result<&'a str, ErrorData> {
    request
        .arguments
        .as_ref()
        .and_then(|a| a.get(name))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            ErrorData::invalid_params(
                format!("prompt '{}' needs the argument '{name}'", request.name),
                None,
            )
        })
}

pub async fn get(
    request: &GetPromptRequestParams,
    ctx: &RequestContext<RoleServer>,
) -> Result<GetPromptResponse, ErrorData> {
    let result = match request.name.as_str() {
        "test_simple_prompt" => GetPromptResult::new(vec![PromptMessage::new_text(
            Role::User,
            "This is a simple prompt for testing.",
        )]),
        "test_prompt_with_arguments" => {
            let (arg1, arg2) = (
                string_argument(request, "arg1")?,
                string_argument(request, "arg2")?,
            );
            GetPromptResult::new(vec![PromptMessage::new_text(
                Role::User,
                format!("Prompt with arguments: arg1='{arg1}', arg2='{arg2}'"),
            )])
        }
        "test_prompt_with_embedded_resource" => {
            let uri = string_argument(request, "resourceUri")?;
            GetPromptResult::new(vec![
                PromptMessage::new(
                    Role::User,
                    ContentBlock::resource(ResourceContents::text(
                        "Embedded resource content for testing.",
                        uri,
                    )),
                ),
                PromptMessage::new_text(Role::User, "Please process the embedded resource above."),
            ])
        }
        "test_prompt_with_image" => GetPromptResult::new(vec![
            PromptMessage::new(Role::User, ContentBlock::image(RED_PIXEL_PNG, "image/png")),
            PromptMessage::new_text(Role::User, "Please analyze the image above."),
        ]),
        INPUT_REQUIRED_PROMPT => match context_for_prompt(request, ctx).await? {
            Ok(context) => GetPromptResult::new(vec![PromptMessage::new_text(
                Role::User,
                format!("Answer with this context in mind: {context}"),
            )]),
            Err(ask) => return Ok(ask),
        },
        other => {
            return Err(ErrorData::invalid_params(
                format!("Unknown prompt: {other}"),
                None,
            ));
        }
    };
    Ok(result.into())
}

/// The context `test_input_required_result_prompt` asks the user for: by `InputRequiredResult`
/// on 2026-07-28 (`Ok(Err(ask))` until answered), by an elicitation request on a session.
async fn context_for_prompt(
    request: &GetPromptRequestParams,
    ctx: &RequestContext<RoleServer>,
) -> Result<Result<String, GetPromptResponse>, ErrorData> {
    Capability::Elicitation.require(ctx)?;
    let schema = json!({"type": "object", "properties": {"context": {"type": "string"}}, "required": ["context"]});
    let message = "What context should the prompt use?";
    let context_of = |content: Option<&serde_json::Map<String, Value>>| {
        content
            .and_then(|c| c.get("context"))
            .and_then(Value::as_str)
            .unwrap_or("none")
            .to_string()
    };
    if mrtr::per_request(ctx) {
        let requests = vec![("user_context", mrtr::elicitation(message, schema)?)];
        return Ok(
            match mrtr::gather(request.input_responses.as_ref(), requests, None)? {
                Gathered::Incomplete(ask) => Err(ask.into()),
                Gathered::Complete(answers) => Ok(context_of(answers.elicited("user_context"))),
            },
        );
    }
    let answer = ctx
        .peer
        .create_elicitation(mrtr::elicitation_params(message, schema)?)
        .await
        .map_err(|e| ErrorData::internal_error(format!("elicitation failed: {e}"), None))?;
    let content = match (&answer.action, &answer.content) {
        (ElicitationAction::Accept, Some(Value::Object(content))) => Some(content),
        _ => None,
    };
    Ok(Ok(context_of(content)))
}

/// Suggests values for prompt arguments and template variables that start with the typed prefix.
pub fn complete(request: &CompleteRequestParams) -> Result<CompleteResult, ErrorData> {
    let candidates: &[&str] = match &request.r#ref {
        Reference::Prompt(prompt) if prompt.name == "test_prompt_with_arguments" => {
            &ARGUMENT_VALUES
        }
        Reference::Resource(template) if template.uri == "test://template/{id}/data" => {
            &TEMPLATE_IDS
        }
        _ => &[],
    };
    let typed = request.argument.value.as_str();
    let values = candidates
        .iter()
        .filter(|v| v.starts_with(typed))
        .map(|v| v.to_string())
        .collect();
    let completion =
        CompletionInfo::with_all_values(values).map_err(|e| ErrorData::internal_error(e, None))?;
    Ok(CompleteResult::new(completion))
}
