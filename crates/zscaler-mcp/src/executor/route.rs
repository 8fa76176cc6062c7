//! One route of a declaration, run: its lookups, its request (merging the current record when
//! declared), its read-back; list answers go to [`super::lists`].

use serde_json::{Map, Value, json};

use crate::catalog::schema::CURSOR_PARAM;
use crate::catalog::{Answer as Answers, Lookup, Pick, Route, Target, Window};
use crate::client::request::ApiRequest;
use crate::shaping::Answer;

use super::request::{self, Args, Vars, holds};
use super::{Call, Failure, graphql, lists, window};

/// Runs one route. `vars` are values resolved before (lookups of a special handler).
pub(crate) async fn execute(
    call: &Call<'_>,
    route: &Route,
    args: &Args,
    mut vars: Vars,
) -> Result<Answer, Failure> {
    let windowed;
    let args = match route.window {
        Some(w) => {
            let mut with_bounds = window::apply(w, args, window::now_millis())?;
            // A continuation reads the window of the call it continues.
            if let Some((start, end)) = args
                .get(CURSOR_PARAM)
                .and_then(Value::as_str)
                .and_then(lists::cursor_window)
            {
                with_bounds.insert(Window::START.into(), start);
                with_bounds.insert(Window::END.into(), end);
            }
            windowed = with_bounds;
            &windowed
        }
        None => args,
    };
    if let Some(operation) = route.graphql {
        return graphql::execute(call, route, operation, args).await;
    }
    let mut looked_up = Map::new();
    for l in route.lookups.iter().filter(|l| holds(&l.when, args)) {
        let value = lookup(call, l, args).await?;
        match l.into {
            Target::Path(name) => vars.push((name, value)),
            Target::Body(field) => {
                looked_up.insert(field.to_string(), Value::String(value));
            }
        }
    }
    let path = call.path(route.path, args, &vars)?;
    let mut req = request::build(call, route, path, args);
    if route.body {
        let mut body = request::body(call.conventions, call.tool.params, route, args)?;
        if let Value::Object(b) = &mut body {
            for (k, v) in looked_up {
                b.entry(k).or_insert(v);
            }
        }
        if let Some(from) = route.merge_from {
            let mut read = ApiRequest::get(call.service, call.path(from, args, &vars)?);
            // The same scope as the write (ZPA microtenant).
            read.query = req
                .query
                .iter()
                .filter(|(k, _)| call.conventions.scope_keys.contains(&k.as_str()))
                .cloned()
                .collect();
            let mut current = call.ctx.client.send(&read).await?.body;
            if let Some(adapter) = route.merge_adapter {
                (adapter.adapt)(&mut current);
            }
            body = overlay(current, body);
        }
        req.body = Some(body);
    }
    match route.answer {
        Answers::Object => {
            let response = call.ctx.client.send(&req).await?;
            if let Some(back) = route.read_back {
                let back = call.path(back, args, &vars)?;
                let read = call
                    .ctx
                    .client
                    .send(&ApiRequest::get(call.service, back))
                    .await?;
                return Ok(Answer::Record(read.body));
            }
            Ok(Answer::Record(match response.body {
                Value::Null => json!({
                    "status": response.status,
                    "operation": req.operation(),
                }),
                body => body,
            }))
        }
        Answers::List(pages) => {
            let answer = lists::list(call, route, req, pages, args).await?;
            Ok(lists::filter_rows(answer, route.filters, args))
        }
    }
}

/// The current record with the changes' top-level keys replaced.
pub(crate) fn overlay(current: Value, changes: Value) -> Value {
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

/// Rows a [`Pick::Match`] lookup asks for: enough to find the exact match among near ones.
pub(crate) const LOOKUP_ROWS: usize = 100;

/// Resolves a lookup to the id it names.
async fn lookup(call: &Call<'_>, l: &Lookup, args: &Args) -> Result<String, Failure> {
    let path = call.path(l.path, args, &Vars::new())?;
    let mut req = ApiRequest::get(call.service, path);
    req.query = request::query(l.query, args, call.conventions.search.as_ref());
    let body = call.ctx.client.send(&req).await?.body;
    let id_text = |v: &Value| v.get("id").and_then(request::scalar_text);
    let found = match l.pick {
        Pick::Id => id_text(&body),
        Pick::RowId { name_of } => {
            let rows = lists::rows_of(body, &call.conventions.envelope);
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
        Pick::Match { arg, field } => {
            let rows = lists::rows_of(body, &call.conventions.envelope);
            let wanted = args.get(arg).and_then(Value::as_str).unwrap_or_default();
            let text = |r: &Value| r.get(field).and_then(Value::as_str).map(str::to_string);
            let exact = rows
                .iter()
                .find(|r| text(r).is_some_and(|t| t.eq_ignore_ascii_case(wanted)));
            match (exact, rows.as_slice()) {
                (Some(row), _) | (None, [row]) => id_text(row),
                (None, []) => None,
                (None, several) => {
                    let names: Vec<String> = several.iter().take(5).filter_map(text).collect();
                    let more = if several.len() > 5 { ", ..." } else { "" };
                    return Err(Failure::Invalid(format!(
                        "Argument '{arg}': '{wanted}' matches {}{} {}s ({}{more}) and none \
                         exactly; give the full {field}. Nothing was sent beyond the search.",
                        several.len(),
                        if several.len() >= LOOKUP_ROWS {
                            "+"
                        } else {
                            ""
                        },
                        l.what,
                        names.join(", "),
                    )));
                }
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
