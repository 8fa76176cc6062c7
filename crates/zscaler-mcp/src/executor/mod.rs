//! The generic executor: one place every Zscaler tool call goes through.
//!
//! validate arguments → pick the route → lookups → build the request → the Zscaler client
//! (retries, budgets, paging) → unwrap the envelope → complete-or-explicit rows → shaping
//! (sanitize → JMESPath → CSV/JSON → untrusted notice) → `structuredContent` (always an object).
//!
//! Errors reach the agent as `isError` results that say what went wrong and what to do.

pub mod arguments;
pub mod conditions;
pub mod request;
mod special;

use rmcp::model::{CallToolResult, ContentBlock};
use serde_json::{Map, Value, json};

use crate::catalog::{
    Action, Answer, Handler, Lookup, Pages, Pick, Route, Target, ToolDeclaration,
};
use crate::client::ZscalerClient;
use crate::client::error::ApiError;
use crate::client::paging::{Caps, Paging, number};
use crate::client::request::ApiRequest;
use crate::service::Service;
use crate::shaping;

use self::request::{Args, Vars, fill_path, holds, select};

/// Rows in one ZPA page when the executor pages itself.
pub const ZPA_PAGE_SIZE: u32 = 500;

/// What a call needs besides its arguments.
pub struct Context<'a> {
    pub client: &'a ZscalerClient,
    /// Fills `{customerId}` in ZPA paths.
    pub customer_id: Option<&'a str>,
}

/// Why a call failed.
#[derive(Debug)]
pub enum Failure {
    /// The caller's arguments (or the server's configuration) cannot make this call.
    Invalid(String),
    /// The Zscaler API refused or failed (boxed: errors are rare, results are hot).
    Api(Box<ApiError>),
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Failure {
        Failure::Api(Box::new(e))
    }
}

impl From<String> for Failure {
    fn from(e: String) -> Failure {
        Failure::Invalid(e)
    }
}

/// What a tool answered, before shaping.
#[derive(Debug)]
pub enum Outcome {
    /// One record (a write's answer, a settings object).
    Record(Value),
    /// Rows, with what is known about completeness (`complete`, `total`, `next`, ...).
    Rows {
        items: Vec<Value>,
        meta: Map<String, Value>,
    },
}

impl Outcome {
    /// Every row there is, in one answer.
    pub fn all_rows(items: Vec<Value>) -> Outcome {
        let mut meta = Map::new();
        meta.insert("complete".into(), true.into());
        meta.insert("returned".into(), items.len().into());
        Outcome::Rows { items, meta }
    }
}

/// Runs a declared Zscaler tool with validated arguments and shapes the answer.
pub async fn run(tool: &ToolDeclaration, args: Args, ctx: &Context<'_>) -> CallToolResult {
    if tool.action == Action::Delete {
        return error_text(format!(
            "{} is not available yet: deletes run only after an explicit confirmation step, \
             which this server version does not have. Nothing was sent to Zscaler.",
            tool.name
        ));
    }
    let Some(service) = tool.service else {
        return error_text(format!("{} is not a Zscaler tool.", tool.name));
    };
    let outcome = match tool.handler {
        Handler::Routes(routes) => generic(service, tool, routes, &args, ctx).await,
        Handler::Special(which, routes) => {
            special::run(which, service, tool, routes, &args, ctx).await
        }
        Handler::Meta(_) => Err(Failure::Invalid(format!(
            "{} is a server tool, not a Zscaler one.",
            tool.name
        ))),
    };
    match outcome {
        Ok(outcome) => shape(
            tool,
            service,
            outcome,
            args.get("query").and_then(Value::as_str),
        ),
        Err(Failure::Invalid(message)) => error_text(message),
        Err(Failure::Api(e)) => {
            let mut result = CallToolResult::structured_error(e.to_json());
            result.content = vec![ContentBlock::text(api_error_text(&e))];
            result
        }
    }
}

fn error_text(message: String) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(message)])
}

fn api_error_text(e: &ApiError) -> String {
    use crate::client::error::ErrorKind;
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

/// Runs the first route whose condition holds.
async fn generic(
    service: Service,
    tool: &ToolDeclaration,
    routes: &[Route],
    args: &Args,
    ctx: &Context<'_>,
) -> Result<Outcome, Failure> {
    let route = select(routes, args).ok_or_else(|| {
        Failure::Invalid(format!(
            "{}: these arguments select no operation; see the tool's parameter descriptions.",
            tool.name
        ))
    })?;
    execute(service, tool, route, args, ctx, Vars::new()).await
}

/// Runs one route: its lookups, its request (merging the current record when declared), its
/// read-back.
pub(crate) async fn execute(
    service: Service,
    tool: &ToolDeclaration,
    route: &Route,
    args: &Args,
    ctx: &Context<'_>,
    mut vars: Vars,
) -> Result<Outcome, Failure> {
    let mut looked_up = Map::new();
    for l in route.lookups.iter().filter(|l| holds(&l.when, args)) {
        let value = lookup(service, l, args, ctx).await?;
        match l.into {
            Target::Path(name) => vars.push((name, value)),
            Target::Body(field) => {
                looked_up.insert(field.to_string(), Value::String(value));
            }
        }
    }
    let path = fill_path(route.path, args, &vars, ctx.customer_id)?;
    let mut req = request::build(service, route, path.clone(), args);
    if route.body {
        let mut body = request::body(service, tool.params, route, args)?;
        if let Value::Object(b) = &mut body {
            for (k, v) in looked_up {
                b.entry(k).or_insert(v);
            }
        }
        if let Some(from) = route.merge_from {
            let from = fill_path(from, args, &vars, ctx.customer_id)?;
            let mut read = ApiRequest::get(service, from);
            // The same scope as the write (ZPA microtenant).
            read.query = req
                .query
                .iter()
                .filter(|(k, _)| k == "microtenantId")
                .cloned()
                .collect();
            let mut current = ctx.client.send(&read).await?.body;
            if route.merge_zpa_v1_conditions
                && let Some(c) = current.get_mut("conditions")
            {
                *c = conditions::from_v1(c);
            }
            body = overlay(current, body);
        }
        req.body = Some(body);
    }
    match route.answer {
        Answer::Object => {
            let response = ctx.client.send(&req).await?;
            if let Some(back) = route.read_back {
                let back = fill_path(back, args, &vars, ctx.customer_id)?;
                let read = ctx.client.send(&ApiRequest::get(service, back)).await?;
                return Ok(Outcome::Record(read.body));
            }
            Ok(Outcome::Record(match response.body {
                Value::Null => json!({
                    "status": response.status,
                    "operation": req.operation(),
                }),
                body => body,
            }))
        }
        Answer::List(pages) => {
            let outcome = list(ctx, req, pages).await?;
            Ok(filter_rows(outcome, route.filters, args))
        }
    }
}

/// True when `value` (or, for a list, one of its elements) matches `wanted` (lower case).
fn matches(value: &Value, wanted: &str, exact: bool) -> bool {
    match value {
        Value::Array(items) => items.iter().any(|v| matches(v, wanted, exact)),
        other => request::scalar_text(other).is_some_and(|text| {
            let text = text.to_lowercase();
            if exact {
                text == wanted
            } else {
                text.contains(wanted)
            }
        }),
    }
}

/// Applies a route's server-side filters to its rows.
fn filter_rows(outcome: Outcome, filters: &[crate::catalog::Filter], args: &Args) -> Outcome {
    let active: Vec<(&crate::catalog::Filter, String)> = filters
        .iter()
        .filter_map(|f| {
            args.get(f.arg)
                .and_then(request::scalar_text)
                .map(|v| (f, v.to_lowercase()))
        })
        .collect();
    match outcome {
        Outcome::Rows {
            mut items,
            mut meta,
        } if !active.is_empty() => {
            items.retain(|row| {
                active.iter().all(|(f, wanted)| {
                    f.fields
                        .iter()
                        .any(|field| row.get(*field).is_some_and(|v| matches(v, wanted, f.exact)))
                })
            });
            meta.insert("returned".into(), items.len().into());
            // The API's total counts the rows before the filter.
            meta.remove("total");
            Outcome::Rows { items, meta }
        }
        other => other,
    }
}

/// The current record with the changes' top-level keys replaced.
fn overlay(current: Value, changes: Value) -> Value {
    match (current, changes) {
        (Value::Object(mut cur), Value::Object(ch)) => {
            for (k, v) in ch {
                cur.insert(k, v);
            }
            Value::Object(cur)
        }
        (_, changes) => changes,
    }
}

/// Rows of a single answer: a bare array, or an envelope's list.
fn rows_of(body: Value) -> Vec<Value> {
    match body {
        Value::Array(a) => a,
        Value::Null => Vec::new(),
        Value::Object(mut o) => match o.remove("list") {
            Some(Value::Array(a)) => a,
            Some(Value::Null) => Vec::new(),
            Some(other) => vec![other],
            // ZPA answers `{}` for an empty list.
            None if o.is_empty() => Vec::new(),
            None => vec![Value::Object(o)],
        },
        other => vec![other],
    }
}

async fn list(ctx: &Context<'_>, req: ApiRequest, pages: Pages) -> Result<Outcome, Failure> {
    let (page_key, size_key, paging) = match pages {
        Pages::One => {
            let response = ctx.client.send(&req).await?;
            return Ok(Outcome::all_rows(rows_of(response.body)));
        }
        Pages::Numbered {
            page,
            size,
            page_size,
        } => (
            page,
            size,
            Paging::PageArray {
                page,
                size,
                page_size,
            },
        ),
        Pages::Zpa => (
            "page",
            "pagesize",
            Paging::Zpa {
                page_size: ZPA_PAGE_SIZE,
            },
        ),
    };
    let asked = |k: &str| {
        req.query
            .iter()
            .find(|(key, _)| key == k)
            .and_then(|(_, v)| v.parse::<u64>().ok())
    };
    if let Some(page) = asked(page_key) {
        // The caller asked for one page: that page, and where the next one is.
        let size = asked(size_key);
        let response = ctx.client.send(&req).await?;
        let total_pages = number(response.body.get("totalPages"));
        let total = number(response.body.get("totalCount"));
        let items = rows_of(response.body);
        let more = match total_pages {
            Some(t) => page < t,
            None => size.is_some_and(|s| items.len() as u64 >= s),
        };
        let mut meta = Map::new();
        meta.insert("complete".into(), (page <= 1 && !more).into());
        meta.insert("returned".into(), items.len().into());
        meta.insert("page".into(), page.into());
        if let Some(t) = total {
            meta.insert("total".into(), t.into());
        }
        if more {
            meta.insert("next".into(), json!({ page_key: page + 1 }));
        }
        return Ok(Outcome::Rows { items, meta });
    }
    let settings = ctx.client.settings();
    let caps = Caps {
        max_rows: settings.max_rows,
        max_bytes: settings.max_bytes,
    };
    let result = ctx.client.list(&req, &paging, caps).await?;
    let meta = result.meta();
    Ok(Outcome::Rows {
        items: result.items,
        meta,
    })
}

/// Resolves a lookup to the id it names.
async fn lookup(
    service: Service,
    l: &Lookup,
    args: &Args,
    ctx: &Context<'_>,
) -> Result<String, Failure> {
    let path = fill_path(l.path, args, &Vars::new(), ctx.customer_id)?;
    let mut req = ApiRequest::get(service, path);
    req.query = request::query(l.query, args);
    let body = ctx.client.send(&req).await?.body;
    let id_text = |v: &Value| v.get("id").and_then(request::scalar_text);
    let found = match l.pick {
        Pick::Id => id_text(&body),
        Pick::RowId { name_of } => {
            let rows = rows_of(body);
            let wanted = name_of.and_then(|n| args.get(n)).and_then(Value::as_str);
            match wanted {
                Some(name) => rows
                    .iter()
                    .find(|r| {
                        r.get("name")
                            .and_then(Value::as_str)
                            .is_some_and(|n| n.eq_ignore_ascii_case(name))
                    })
                    .and_then(id_text),
                None => rows.first().and_then(id_text),
            }
        }
    };
    found.ok_or_else(|| {
        let named = match l.pick {
            Pick::RowId {
                name_of: Some(n), ..
            } => args
                .get(n)
                .and_then(Value::as_str)
                .map(|v| format!(" named '{v}' (argument '{n}')"))
                .unwrap_or_default(),
            _ => String::new(),
        };
        Failure::Invalid(format!(
            "No {}{named} was found in the tenant; nothing was changed.",
            l.what
        ))
    })
}

/// The ZIA tool that activates staged changes (its own answer needs no reminder).
pub const ZIA_ACTIVATE_TOOL: &str = "zia_activate_configuration";

/// Sentence added to every successful ZIA write.
pub const ZIA_PENDING: &str = "ZIA changes are staged: they take effect after \
     zia_activate_configuration is called.";

/// Shapes a successful outcome for the agent.
fn shape(
    tool: &ToolDeclaration,
    service: Service,
    outcome: Outcome,
    query: Option<&str>,
) -> CallToolResult {
    // A list tool answers rows even when its route answered one record.
    let outcome = match outcome {
        Outcome::Record(Value::Array(items)) if tool.list => Outcome::all_rows(items),
        Outcome::Record(v) if tool.list => Outcome::all_rows(vec![v]),
        other => other,
    };
    let (data, meta) = match outcome {
        Outcome::Record(v) => (v, None),
        Outcome::Rows { items, meta } => (Value::Array(items), Some(meta)),
    };
    let data = shaping::sanitize(data);
    let (data, queried) = match query {
        Some(q) => match shaping::query::apply(q, &data) {
            Ok(v) => (v, true),
            Err(message) => return error_text(message),
        },
        None => (data, false),
    };
    let mut text = String::new();
    if tool.untrusted {
        text.push_str(shaping::UNTRUSTED_NOTICE);
        text.push('\n');
    }
    if let Some(meta) = &meta
        && meta.get("complete") == Some(&Value::Bool(false))
    {
        text.push_str(&incomplete_line(meta));
        text.push('\n');
    }
    text.push_str(&shaping::encode::encode(&data));
    if service == Service::Zia && tool.action.is_write() && tool.name != ZIA_ACTIVATE_TOOL {
        text.push('\n');
        text.push_str(ZIA_PENDING);
    }
    let structured = match (meta, data) {
        (Some(mut meta), data) => {
            let mut out = Map::new();
            out.insert("result".into(), data);
            out.append(&mut meta);
            Value::Object(out)
        }
        (None, Value::Object(o)) if !queried => Value::Object(o),
        (None, data) => json!({ "result": data }),
    };
    let mut result = CallToolResult::structured(structured);
    result.content = vec![ContentBlock::text(text)];
    result
}

/// The one line that tells an agent a list is not the whole list, and how to go on.
fn incomplete_line(meta: &Map<String, Value>) -> String {
    let returned = meta.get("returned").and_then(Value::as_u64).unwrap_or(0);
    let mut line = format!("INCOMPLETE: {returned} rows returned");
    if let Some(total) = meta.get("total").and_then(Value::as_u64) {
        line.push_str(&format!(" of {total}"));
    }
    if let Some(reason) = meta.get("truncated_reason").and_then(Value::as_str) {
        line.push_str(&format!(" ({reason})"));
    } else if meta.contains_key("page") {
        line.push_str(" (one page, as asked)");
    }
    match meta.get("next") {
        Some(next) => line.push_str(&format!(". Continue with {next}.")),
        None => line.push('.'),
    }
    line
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::Filter;

    #[test]
    fn server_side_filters_match_fields_and_list_elements() {
        let rows = vec![
            json!({"name": "Finance Rule", "urls": ["bank.example", "pay.example"]}),
            json!({"name": "Other", "urls": ["news.example"]}),
        ];
        let mut meta = Map::new();
        meta.insert("total".into(), 2.into());
        let run = |filters: &'static [Filter], args: Value| match filter_rows(
            Outcome::Rows {
                items: rows.clone(),
                meta: meta.clone(),
            },
            filters,
            args.as_object().unwrap(),
        ) {
            Outcome::Rows { items, meta } => (items.len(), meta.contains_key("total")),
            Outcome::Record(_) => (usize::MAX, false),
        };
        const BY_NAME: &[Filter] = &[Filter::contains("search", &["name"])];
        const BY_URL: &[Filter] = &[Filter::equals("url", &["urls"])];
        assert_eq!(run(BY_NAME, json!({"search": "finance"})), (1, false));
        assert_eq!(run(BY_NAME, json!({})), (2, true));
        assert_eq!(run(BY_URL, json!({"url": "PAY.example"})), (1, false));
        assert_eq!(run(BY_URL, json!({"url": "pay"})), (0, false));
    }
}
