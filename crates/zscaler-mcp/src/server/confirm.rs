//! The delete confirmation step of a tool call: picks the path for this client (see
//! [`crate::policy::confirmation`]), asks, and says whether the delete may run. Nothing is sent
//! to Zscaler for the delete itself before [`Gate::Confirmed`]; the only request before it is
//! the read that looks up the resource's display name for the question.

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ElicitRequest,
    ElicitRequestParams, ElicitationSchema, InputRequest, InputRequests, InputRequiredResult,
    ProtocolVersion,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer};
use serde_json::{Map, Value, json};

use super::handler::ZscalerMcp;
use crate::catalog::{self, Action, ToolDeclaration};
use crate::executor;
use crate::policy::confirmation::{
    Answer, CONFIRM_PARAM, INPUT_KEY, Kind, Subject, choice_schema, presented_token, question,
    summary, token_prompt,
};

/// What the confirmation step decided.
pub(crate) enum Gate {
    /// The delete may run.
    Confirmed,
    /// Answer the call with this instead (a question, a refusal); nothing was deleted.
    Answer(CallToolResponse),
    /// Answer with a JSON-RPC error (an invalid `requestState`).
    Error(ErrorData),
}

fn text(result: String, is_error: bool) -> Gate {
    let result = if is_error {
        CallToolResult::error(vec![ContentBlock::text(result)])
    } else {
        CallToolResult::success(vec![ContentBlock::text(result)])
    };
    Gate::Answer(result.into())
}

impl ZscalerMcp {
    /// The authenticated caller of this request, when the transport has one.
    pub(crate) fn principal(&self, ctx: &RequestContext<RoleServer>) -> Option<String> {
        ctx.extensions
            .get::<http::request::Parts>()
            .and_then(|p| {
                p.extensions
                    .get::<crate::transport::edge::auth::Principal>()
            })
            .map(|p| p.id.clone())
    }

    /// The confirmation step of a delete tool's call (`args` validated, `kwargs` not among them).
    pub(crate) async fn confirm_delete(
        &self,
        tool: &'static ToolDeclaration,
        args: &Map<String, Value>,
        request: &CallToolRequestParams,
        ctx: &RequestContext<RoleServer>,
    ) -> Gate {
        let confirmations = match &self.shared.confirmations {
            Ok(c) => c,
            Err(e) => {
                return text(
                    format!(
                        "{} cannot be confirmed ({e}); nothing was deleted.",
                        tool.name
                    ),
                    true,
                );
            }
        };
        if confirmations.skip {
            tracing::warn!(
                tool = tool.name,
                "delete runs unconfirmed: ZSCALER_MCP_SKIP_CONFIRMATIONS is set"
            );
            return Gate::Confirmed;
        }
        let principal = self.principal(ctx);
        let subject = Subject {
            tool: tool.name,
            args,
            principal: principal.as_deref(),
        };

        // A 2026-07-28 retry: the sealed state says what was asked; the response what was said.
        if let Some(state) = &request.request_state {
            if let Err(r) = confirmations.redeem(Kind::State, state, subject).await {
                tracing::warn!(tool = tool.name, reason = r.code(), "requestState rejected");
                return Gate::Error(ErrorData::invalid_params(
                    format!("Invalid requestState: {} Nothing was deleted.", r.message()),
                    Some(json!({"reason": "invalid_request_state", "detail": r.code()})),
                ));
            }
            let answer = request
                .input_responses
                .as_ref()
                .and_then(|responses| responses.get(INPUT_KEY))
                .map(Answer::of)
                .unwrap_or(Answer::Unknown);
            return self.outcome(tool, args, answer);
        }

        let can_elicit = ctx
            .client_capabilities()
            .is_some_and(|caps| caps.elicitation.is_some());
        let modern = self
            .protocol_version(ctx)
            .is_some_and(|v| v.as_str() >= ProtocolVersion::V_2026_07_28.as_str());
        if can_elicit && (modern || self.has_session(ctx)) {
            let name = self.display_name(tool, args, ctx).await;
            let about = summary(tool.name, args, name.as_deref());
            let Ok(schema) = serde_json::from_value::<ElicitationSchema>(choice_schema()) else {
                return text(
                    format!(
                        "Could not build the confirmation question for {about}; nothing was deleted."
                    ),
                    true,
                );
            };
            let params = ElicitRequestParams::FormElicitationParams {
                meta: None,
                message: question(&about),
                requested_schema: schema,
            };
            if modern {
                let mut requests = InputRequests::new();
                requests.insert(
                    INPUT_KEY.to_string(),
                    InputRequest::Elicitation(ElicitRequest::new(params)),
                );
                let state = confirmations.issue(Kind::State, subject);
                tracing::info!(tool = tool.name, "confirmation requested (input required)");
                return Gate::Answer(CallToolResponse::InputRequired(InputRequiredResult::new(
                    Some(requests),
                    Some(state),
                )));
            }
            tracing::info!(tool = tool.name, "confirmation requested (elicitation)");
            let answer = match ctx.peer.create_elicitation(params).await {
                Ok(result) => serde_json::to_value(&result)
                    .map(|v| Answer::of(&v))
                    .unwrap_or(Answer::Unknown),
                Err(e) => {
                    tracing::warn!(tool = tool.name, "elicitation failed: {e}");
                    Answer::Unknown
                }
            };
            return self.outcome(tool, args, answer);
        }

        // Token path: the client cannot ask its user itself.
        let presented = match presented_token(
            request
                .arguments
                .as_ref()
                .and_then(|a| a.get(CONFIRM_PARAM)),
        ) {
            Ok(p) => p,
            Err(problem) => return text(problem, true),
        };
        let rejected = match presented {
            Some(token) => match confirmations.redeem(Kind::Token, &token, subject).await {
                Ok(()) => {
                    tracing::info!(tool = tool.name, "confirmed (token valid)");
                    return Gate::Confirmed;
                }
                Err(r) => {
                    tracing::warn!(
                        tool = tool.name,
                        reason = r.code(),
                        "confirmation token rejected"
                    );
                    Some(r)
                }
            },
            None => None,
        };
        let name = self.display_name(tool, args, ctx).await;
        let about = summary(tool.name, args, name.as_deref());
        let token = confirmations.issue(Kind::Token, subject);
        tracing::info!(tool = tool.name, "confirmation required (token)");
        let prompt = token_prompt(&about, &token, confirmations.ttl(), rejected.as_ref());
        let mut result = if rejected.is_some() {
            CallToolResult::error(vec![ContentBlock::text(prompt)])
        } else {
            CallToolResult::success(vec![ContentBlock::text(prompt)])
        };
        let mut structured = json!({
            "status": "confirmation_required",
            "operation": about,
            "confirmation_token": token,
            "expires_in_seconds": confirmations.ttl().as_secs(),
        });
        if let Some(r) = &rejected {
            structured["rejected"] = json!({"reason": r.code(), "message": r.message()});
        }
        result.structured_content = Some(structured);
        Gate::Answer(result.into())
    }

    fn outcome(&self, tool: &ToolDeclaration, args: &Map<String, Value>, answer: Answer) -> Gate {
        if answer == Answer::Delete {
            tracing::info!(tool = tool.name, "confirmed by the user");
            return Gate::Confirmed;
        }
        tracing::info!(tool = tool.name, answer = ?answer, "delete not confirmed");
        text(answer.refusal(&summary(tool.name, args, None)), false)
    }

    /// The resource's display name, read with the matching get tool (`x_delete_y` → `x_get_y`)
    /// from the arguments they share; `None` when there is no such tool or the read fails.
    async fn display_name(
        &self,
        tool: &ToolDeclaration,
        args: &Map<String, Value>,
        ctx: &RequestContext<RoleServer>,
    ) -> Option<String> {
        let (service, resource) = tool.name.split_once("_delete_")?;
        let get_name = format!("{service}_get_{resource}");
        let get = catalog::all_tools().find(|t| t.name == get_name && t.action == Action::Read)?;
        let mut get_args = Map::new();
        for p in get.params {
            if let Some(v) = args.get(p.name) {
                get_args.insert(p.name.to_string(), v.clone());
            }
        }
        if get
            .params
            .iter()
            .any(|p| p.required && !get_args.contains_key(p.name))
        {
            return None;
        }
        // The caller's own client in zscaler mode: the read is made with its token.
        let client = self.client_for(ctx).ok()?;
        let upstream = self.shared.upstream();
        let ctx = executor::Context {
            client: &client,
            customer_id: upstream.customer_id.as_deref(),
            zcell_customer_id: upstream.zcell_customer_id.as_deref(),
            sanitize: true,
        };
        let result = executor::run(get, get_args, &ctx).await;
        if result.is_error == Some(true) {
            return None;
        }
        let record = result.structured_content?;
        ["name", "displayName", "display_name", "configuredName"]
            .iter()
            .find_map(|k| record.get(*k).and_then(Value::as_str))
            .map(|n| n.chars().take(200).collect())
    }
}
