//! GraphQL routes ([`Route::graphql`]): the body `{"query", "variables", "operationName"}` with
//! the variables built from the declared template, and the answer taken from `data`: one record,
//! the rows of a report, or the nodes of a connection (one asked page, or every page walked with
//! the client's [`Paging::GraphQl`]). An answer with `errors` is a failure whatever its HTTP
//! status: the client reports it with the messages.

use serde_json::{Map, Value, json};

use crate::catalog::conventions::TenantId;
use crate::catalog::schema::CURSOR_PARAM;
use crate::catalog::{Graphql, GraphqlPages, Route};
use crate::client::error::{ApiError, ErrorKind};
use crate::client::paging::{Paging, number};
use crate::client::request::ApiRequest;
use crate::shaping::{Answer, ListMeta};

use super::request::{self, Args, Vars, scalar_text};
use super::{Call, Failure, lists};

/// `Some(name)` when `text` is exactly one `{name}` placeholder.
fn placeholder(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('{')?.strip_suffix('}')?;
    (!inner.is_empty() && !inner.contains(['{', '}'])).then_some(inner)
}

/// The variables of an operation: `template` with its placeholders filled from `args` (and the
/// tenant id), absent ones left out, and objects or lists left empty by that left out too.
/// `Ok(None)`: nothing of the template remains. `Err` says what the server lacks.
pub(crate) fn render(
    template: &Value,
    args: &Args,
    tenant: Option<(&TenantId, Option<&str>)>,
) -> Result<Option<Value>, String> {
    match template {
        Value::String(text) => match placeholder(text) {
            None => Ok(Some(template.clone())),
            Some(name) => match tenant.filter(|(id, _)| id.placeholder == name) {
                Some((id, value)) => value
                    .map(|v| Some(Value::String(v.to_string())))
                    .ok_or_else(|| id.missing.to_string()),
                None => Ok(args.get(name).filter(|v| !v.is_null()).cloned()),
            },
        },
        Value::Object(fields) => {
            let mut out = Map::new();
            for (key, value) in fields {
                let key = match placeholder(key) {
                    None => key.clone(),
                    Some(name) => match args.get(name).and_then(scalar_text) {
                        Some(k) => k,
                        None => continue,
                    },
                };
                if let Some(v) = render(value, args, tenant)? {
                    out.insert(key, v);
                }
            }
            Ok((!out.is_empty() || fields.is_empty()).then_some(Value::Object(out)))
        }
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                if let Some(v) = render(item, args, tenant)? {
                    out.push(v);
                }
            }
            Ok((!out.is_empty() || items.is_empty()).then_some(Value::Array(out)))
        }
        other => Ok(Some(other.clone())),
    }
}

/// The request of a GraphQL route for these arguments.
fn build(call: &Call<'_>, route: &Route, g: &Graphql, args: &Args) -> Result<ApiRequest, Failure> {
    let template: Value = serde_json::from_str(g.variables).map_err(|e| {
        Failure::Invalid(format!(
            "internal error: the GraphQL variables of {} do not parse: {e}",
            call.tool.name
        ))
    })?;
    let tenant = call
        .conventions
        .tenant_id
        .as_ref()
        .map(|t| (t, call.tenant_value(t)));
    let variables = render(&template, args, tenant)?.unwrap_or_else(|| json!({}));
    let path = call.path(route.path, args, &Vars::new())?;
    let mut req = request::build(call, route, path, args).read_only();
    req.body = Some(json!({
        "query": g.document,
        "variables": variables,
        "operationName": g.operation,
    }));
    Ok(req)
}

fn unexpected(req: &ApiRequest, message: String) -> Failure {
    ApiError::new(
        ErrorKind::BadResponse,
        req.service,
        &req.operation(),
        format!("the GraphQL answer has an unexpected shape: {message}"),
    )
    .into()
}

/// The object at `data.<at...>` of an answer.
fn dig(mut body: Value, at: &[&str], req: &ApiRequest) -> Result<Value, Failure> {
    let mut node = body
        .get_mut("data")
        .map(Value::take)
        .ok_or_else(|| unexpected(req, "no data".into()))?;
    let mut path = String::from("data");
    for key in at {
        path.push('.');
        path.push_str(key);
        node = match node.get_mut(*key).map(Value::take) {
            Some(v) if !v.is_null() => v,
            _ => return Err(unexpected(req, format!("no {path}"))),
        };
    }
    Ok(node)
}

/// The value of `key` (or its other spelling: `Nodes`, `page_info`) of an object.
fn field<'v>(node: &'v Value, key: &str) -> Option<&'v Value> {
    let mut other = key.to_string();
    if let Some(first) = other.get(..1) {
        let upper = first.to_uppercase();
        other.replace_range(..1, &upper);
    }
    let snake: String = key
        .chars()
        .flat_map(|c| match c.is_ascii_uppercase() {
            true => vec!['_', c.to_ascii_lowercase()],
            false => vec![c],
        })
        .collect();
    node.get(key)
        .or_else(|| node.get(&other))
        .or_else(|| node.get(&snake))
}

/// The rows under `key` of an answer's object.
fn rows(node: &Value, key: &str, req: &ApiRequest) -> Result<Vec<Value>, Failure> {
    match field(node, key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items.clone()),
        Some(_) => Err(unexpected(req, format!("'{key}' is not a list"))),
    }
}

/// Runs a GraphQL route (its time window, if any, already in `args`).
pub(crate) async fn execute(
    call: &Call<'_>,
    route: &Route,
    g: &Graphql,
    args: &Args,
) -> Result<Answer, Failure> {
    let req = build(call, route, g, args)?;
    match (g.rows, g.pages) {
        (None, _) => {
            let body = call.ctx.client.send(&req).await?.body;
            Ok(Answer::Record(dig(body, g.at, &req)?))
        }
        (Some(key), None) => {
            let body = call.ctx.client.send(&req).await?.body;
            let node = dig(body, g.at, &req)?;
            let items = rows(&node, key, &req)?;
            Ok(limited(call, g, args, items))
        }
        (Some(key), Some(pages)) => connection(call, g, key, pages, req, args).await,
    }
}

/// Rows of a report that returns at most `limit` entries: a full answer says there may be more.
fn limited(call: &Call<'_>, g: &Graphql, args: &Args, items: Vec<Value>) -> Answer {
    let limit = g
        .limit
        .and_then(|arg| Some((arg, args.get(arg)?.as_u64()?)));
    match limit {
        Some((arg, n)) if items.len() as u64 >= n => {
            let max = call
                .tool
                .params
                .iter()
                .find(|p| p.name == arg)
                .and_then(|p| p.max);
            let more = match max {
                Some(m) if (n as i64) < m => format!(": a larger {arg} (up to {m}) gives them"),
                _ => String::new(),
            };
            let meta = ListMeta {
                complete: false,
                returned: items.len(),
                truncated_reason: Some(format!(
                    "the API answered its top {n} entries ({arg} {n}); there may be more{more}"
                )),
                ..ListMeta::default()
            };
            Answer::Rows { items, meta }
        }
        _ => Answer::all_rows(items),
    }
}

/// The nodes of a connection: the page asked for, or every page.
async fn connection(
    call: &Call<'_>,
    g: &Graphql,
    key: &str,
    pages: GraphqlPages,
    req: ApiRequest,
    args: &Args,
) -> Result<Answer, Failure> {
    let resume = match args.get(CURSOR_PARAM).and_then(Value::as_str) {
        Some(token) => Some(lists::parse_cursor(call.tool.name, token)?),
        None => None,
    };
    if let Some(page) = args
        .get(pages.page_arg)
        .and_then(Value::as_u64)
        .filter(|_| resume.is_none())
    {
        // One page, as asked, and where the next one is.
        let body = call.ctx.client.send(&req).await?.body;
        let node = dig(body, g.at, &req)?;
        let items = rows(&node, key, &req)?;
        let info = field(&node, "pageInfo");
        let count = |k: &str| number(info.and_then(|i| field(i, k)));
        let total_pages = count("totalPages");
        let size = req
            .body
            .as_ref()
            .and_then(|b| number(b.pointer(&format!("/variables/{}", pages.size_var))));
        let more = match total_pages {
            Some(t) => page < t,
            None => size.is_some_and(|s| items.len() as u64 >= s),
        };
        let meta = ListMeta {
            complete: page <= 1 && !more,
            returned: items.len(),
            page: Some(page),
            total: count("totalCount"),
            truncated_reason: None,
            next: more.then(|| json!({ pages.page_arg: page + 1 })),
        };
        return Ok(Answer::Rows { items, meta });
    }
    let [root] = g.at else {
        return Err(Failure::Invalid(format!(
            "internal error: {} walks pages of a connection that is not a root field",
            call.tool.name
        )));
    };
    if key != "nodes" {
        return Err(Failure::Invalid(format!(
            "internal error: {} walks pages of rows under '{key}', not 'nodes'",
            call.tool.name
        )));
    }
    let paging = Paging::GraphQl {
        root,
        page_var: pages.page_var,
        size_var: pages.size_var,
        page_size: pages.page_size,
    };
    lists::walk(call, &req, &paging, resume.as_ref(), args).await
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::conventions::TenantSource;

    const TENANT: TenantId = TenantId {
        placeholder: "customerId",
        source: TenantSource::CustomerId,
        missing: "set ZSCALER_CUSTOMER_ID",
    };

    fn args(v: Value) -> Args {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn variables_are_typed_and_absent_branches_disappear() {
        let template = json!({
            "customerId": "{customerId}",
            "pageNum": "{page_num}",
            "includeDeleted": "{include_deleted}",
            "filter": {"name": {"contains": "{name}"}, "status": {"equals": "{status}"}},
            "orderBy": {"{sort_by}": "{sort_order}"},
            "categorizeBy": ["{first}", "TIME"],
            "startTime": "{@start}",
            "fixed": "text {not} a placeholder",
        });
        let given = args(json!({
            "page_num": 2, "include_deleted": false, "status": "ACTIVE",
            "sort_by": "category", "sort_order": "DESC", "@start": 1_700_000_000_000_i64,
        }));
        let out = render(&template, &given, Some((&TENANT, Some("42")))).unwrap();
        assert_eq!(
            out,
            Some(json!({
                "customerId": "42",
                "pageNum": 2,
                "includeDeleted": false,
                "filter": {"status": {"equals": "ACTIVE"}},
                "orderBy": {"category": "DESC"},
                "categorizeBy": ["TIME"],
                "startTime": 1_700_000_000_000_i64,
                "fixed": "text {not} a placeholder",
            }))
        );
        // No filter given: the filter object is left out; the key of an absent argument too.
        let out = render(&template, &args(json!({})), Some((&TENANT, Some("42")))).unwrap();
        assert_eq!(
            out,
            Some(json!({
                "customerId": "42",
                "categorizeBy": ["TIME"],
                "fixed": "text {not} a placeholder",
            }))
        );
        // A list argument stays a list.
        let out = render(
            &json!({"by": "{by}"}),
            &args(json!({"by": ["A", "B"]})),
            None,
        )
        .unwrap();
        assert_eq!(out, Some(json!({"by": ["A", "B"]})));
        // The tenant id is required when the template names it.
        let err = render(&template, &args(json!({})), Some((&TENANT, None))).unwrap_err();
        assert!(err.contains("ZSCALER_CUSTOMER_ID"), "{err}");
        // Without the service's tenant id, `{customerId}` is an ordinary argument.
        assert_eq!(
            render(&json!({"c": "{customerId}"}), &args(json!({})), None).unwrap(),
            None
        );
    }

    #[test]
    fn every_declared_operation_parses_and_declares_what_it_sends() {
        let mut seen = 0;
        for tool in crate::catalog::all_tools() {
            for route in tool.declared_routes() {
                let Some(g) = route.graphql else { continue };
                seen += 1;
                let template: Value = serde_json::from_str(g.variables)
                    .unwrap_or_else(|e| panic!("{}: variables do not parse: {e}", tool.name));
                let doc = g.document;
                assert!(
                    doc.starts_with(&format!("query {}(", g.operation))
                        || doc.starts_with(&format!("query {} ", g.operation)),
                    "{}: the document is not the query {}",
                    tool.name,
                    g.operation
                );
                let Value::Object(vars) = &template else {
                    panic!("{}: variables are not an object", tool.name)
                };
                for (name, value) in vars {
                    assert!(
                        doc.contains(&format!("${name}:")),
                        "{}: variable {name} is not declared by the document",
                        tool.name
                    );
                    // Every argument a leaf names is a parameter of the tool.
                    let mut leaves = vec![value];
                    while let Some(v) = leaves.pop() {
                        match v {
                            Value::Object(m) => {
                                for (k, v) in m {
                                    if let Some(arg) = placeholder(k) {
                                        assert!(tool.params.iter().any(|p| p.name == arg));
                                    }
                                    leaves.push(v);
                                }
                            }
                            Value::Array(items) => leaves.extend(items),
                            Value::String(s) => {
                                if let Some(arg) = placeholder(s)
                                    && !arg.starts_with('@')
                                    && arg != "customerId"
                                {
                                    assert!(
                                        tool.params.iter().any(|p| p.name == arg),
                                        "{}: {arg} is not a parameter",
                                        tool.name
                                    );
                                }
                            }
                            _ => {}
                        }
                    }
                }
                for at in g.at {
                    assert!(doc.contains(at), "{}: {at} is not selected", tool.name);
                }
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn answers_are_dug_out_of_data_with_either_spelling() {
        let req = ApiRequest::post(crate::service::Service::Zms, "/x/graphql", json!({}));
        let body = json!({"data": {"D": {"r": {"Nodes": [1, 2], "page_info": {"totalPages": 3}}}}});
        let node = dig(body, &["D", "r"], &req).unwrap();
        assert_eq!(rows(&node, "nodes", &req).unwrap().len(), 2);
        assert_eq!(
            number(field(&node, "pageInfo").and_then(|i| i.get("totalPages"))),
            Some(3)
        );
        assert!(dig(json!({"data": {"D": null}}), &["D"], &req).is_err());
        assert!(dig(json!({}), &["D"], &req).is_err());
    }
}
