//! List answers: rows out of the service's envelope, the one page a caller asked for or every
//! page (complete, or explicitly cut by the row and byte caps), then the server-side filters.

use serde_json::{Value, json};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::catalog::conventions::Envelope;
use crate::catalog::schema::CURSOR_PARAM;
use crate::catalog::{Filter, Pages, Route, Window};
use crate::client::paging::{Caps, ListResult, Paging, Resume, number};
use crate::client::request::ApiRequest;
use crate::shaping::{Answer, ListMeta};

use super::request::{self, Args};
use super::{Call, Failure};

/// Rows of a single answer: a bare array, or the envelope's rows. An empty object is an empty
/// list (ZPA answers `{}` when there are no rows); another object is one row.
pub(crate) fn rows_of(body: Value, envelope: &Envelope) -> Vec<Value> {
    match body {
        Value::Array(a) => a,
        Value::Null => Vec::new(),
        Value::Object(mut o) => match envelope.rows.and_then(|key| o.remove(key)) {
            Some(Value::Array(a)) => a,
            Some(Value::Null) => Vec::new(),
            Some(other) => vec![other],
            None if o.is_empty() => Vec::new(),
            None => vec![Value::Object(o)],
        },
        other => vec![other],
    }
}

/// The continuation token of a cut walk: opaque to the caller, bound to the tool, and carrying
/// the call's time window (if any), so the continuation reads the same window.
pub(crate) fn cursor_token(tool: &str, resume: &Resume, args: &Args) -> String {
    let mut doc = json!({ "tool": tool, "at": resume.to_json() });
    if let (Some(start), Some(end)) = (args.get(Window::START), args.get(Window::END)) {
        doc["window"] = json!([start, end]);
    }
    URL_SAFE_NO_PAD.encode(doc.to_string())
}

/// The time window a continuation token carries (checked for its tool later, with its
/// position).
pub(crate) fn cursor_window(token: &str) -> Option<(Value, Value)> {
    let bytes = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
    let doc: Value = serde_json::from_slice(&bytes).ok()?;
    match doc.get("window")?.as_array()?.as_slice() {
        [start @ Value::Number(_), end @ Value::Number(_)] => Some((start.clone(), end.clone())),
        _ => None,
    }
}

/// The position a continuation token of `tool` resumes at.
pub(crate) fn parse_cursor(tool: &str, token: &str) -> Result<Resume, String> {
    let refused = || {
        format!(
            "Invalid argument '{CURSOR_PARAM}': not a continuation this tool gave; pass the \
             `next.{CURSOR_PARAM}` value of an earlier answer of {tool} unchanged."
        )
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(token.trim())
        .map_err(|_| refused())?;
    let doc: Value = serde_json::from_slice(&bytes).map_err(|_| refused())?;
    if doc.get("tool").and_then(Value::as_str) != Some(tool) {
        return Err(refused());
    }
    doc.get("at")
        .and_then(Resume::from_json)
        .ok_or_else(refused)
}

/// The argument a query key is filled from (`pageSize` ← `page_size`), if the route says.
fn argument_of(route: &Route, key: &str) -> Option<&'static str> {
    route
        .query
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, t)| {
            let open = t.find('{')?;
            let close = t[open..].find('}')? + open;
            Some(&t[open + 1..close])
        })
}

/// Runs a list request: one request, the one page asked for, or every page (from the start,
/// or from where the caller's continuation token says).
pub(crate) async fn list(
    call: &Call<'_>,
    route: &Route,
    req: ApiRequest,
    pages: Pages,
    args: &Args,
) -> Result<Answer, Failure> {
    let resume = match args.get(CURSOR_PARAM).and_then(Value::as_str) {
        Some(_) if pages == Pages::One => {
            return Err(Failure::Invalid(format!(
                "Invalid argument '{CURSOR_PARAM}': this call answers its whole list at once; \
                 leave it out."
            )));
        }
        Some(token) => Some(parse_cursor(call.tool.name, token)?),
        None => None,
    };
    let envelope = &call.conventions.envelope;
    let (page_key, size_key, paging) = match pages {
        Pages::One => {
            let response = call.ctx.client.send(&req).await?;
            return Ok(Answer::all_rows(rows_of(response.body, envelope)));
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
        Pages::Service | Pages::ServiceInBody => {
            let own = call.conventions.paging.ok_or_else(|| {
                Failure::Invalid(format!(
                    "internal error: {} declares the service's paging, which {} does not have",
                    call.tool.name,
                    call.service.code()
                ))
            })?;
            let paging = match pages {
                Pages::ServiceInBody => own.paging.in_body().ok_or_else(|| {
                    Failure::Invalid(format!(
                        "internal error: {} declares paging in the body, which {}'s paging \
                         cannot carry",
                        call.tool.name,
                        call.service.code()
                    ))
                })?,
                _ => own.paging,
            };
            (own.page, own.size, paging)
        }
        Pages::Walk { paging, one_page } => {
            if asks_one_page(one_page, &req) && resume.is_none() {
                return one_page_of(call, &req, &paging, args).await;
            }
            // No page number a caller could ask for: the walk below.
            ("", "", paging)
        }
    };
    let in_body = pages == Pages::ServiceInBody;
    let asked = |k: &str| match &req.body {
        Some(body) if in_body => number(body.get(k)),
        _ => req
            .query
            .iter()
            .find(|(key, _)| key == k)
            .and_then(|(_, v)| v.parse::<u64>().ok()),
    };
    if let Some(page) = asked(page_key).filter(|_| resume.is_none()) {
        // The caller asked for one page: that page, and where the next one is.
        let size = asked(size_key);
        let response = call.ctx.client.send(&req).await?;
        let count = |field: Option<&str>| field.and_then(|f| number(response.body.get(f)));
        let total_pages = count(envelope.total_pages);
        let total = count(envelope.total);
        let items = rows_of(response.body, envelope);
        let first = paging.first_page();
        let more = more_after(page, first, total_pages, size, items.len());
        let meta = ListMeta {
            complete: page <= first && !more,
            returned: items.len(),
            page: Some(page),
            total,
            truncated_reason: None,
            next: more
                .then(|| json!({ argument_of(route, page_key).unwrap_or(page_key): page + 1 })),
        };
        return Ok(Answer::Rows { items, meta });
    }
    walk(call, &req, &paging, resume.as_ref(), args).await
}

/// The server's row and byte caps.
fn caps(call: &Call<'_>) -> Caps {
    let settings = call.ctx.client.settings();
    Caps {
        max_rows: settings.max_rows,
        max_bytes: settings.max_bytes,
    }
}

/// Every page from the start (or from `resume`), up to the caps, as rows with their metadata.
pub(crate) async fn walk(
    call: &Call<'_>,
    req: &ApiRequest,
    paging: &Paging,
    resume: Option<&Resume>,
    args: &Args,
) -> Result<Answer, Failure> {
    let result = call
        .ctx
        .client
        .list_from(req, paging, caps(call), resume)
        .await?;
    Ok(rows(call, result, args))
}

/// Rows of a list result; a cut walk's continuation is a token of this tool. A tool that takes
/// no token (a named handler's inner list) keeps the walk's own position.
fn rows(call: &Call<'_>, result: ListResult, args: &Args) -> Answer {
    let meta = ListMeta {
        complete: result.complete,
        returned: result.items.len(),
        page: None,
        total: result.total,
        truncated_reason: result.truncated_reason(),
        next: match (&result.resume, call.tool.continues()) {
            (Some(r), true) => Some(json!({ CURSOR_PARAM: cursor_token(call.tool.name, r, args) })),
            _ => result.next.clone(),
        },
    };
    Answer::Rows {
        items: result.items,
        meta,
    }
}

/// A [`Pages::Walk`] request carries the position key that asks for one page.
fn asks_one_page(one_page: Option<&str>, req: &ApiRequest) -> bool {
    one_page.is_some_and(|k| req.query.iter().any(|(key, _)| key == k))
}

/// The one page a caller's position names on a [`Pages::Walk`] route (a cursor `offset`), and
/// where the next one starts; a page cut at the caps continues with a continuation token.
async fn one_page_of(
    call: &Call<'_>,
    req: &ApiRequest,
    paging: &Paging,
    args: &Args,
) -> Result<Answer, Failure> {
    let result = call.ctx.client.list_page(req, paging, caps(call)).await?;
    Ok(rows(call, result, args))
}

/// Whether a page follows the asked `page`, pages being numbered from `first` (0 or 1): by
/// the API's page count when it gives one (the last page is `first + total_pages - 1`), else
/// by a full page.
fn more_after(
    page: u64,
    first: u64,
    total_pages: Option<u64>,
    size: Option<u64>,
    returned: usize,
) -> bool {
    match total_pages {
        Some(t) => page + 1 < first + t,
        None => size.is_some_and(|s| returned as u64 >= s),
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
pub(crate) fn filter_rows(answer: Answer, filters: &[Filter], args: &Args) -> Answer {
    let active: Vec<(&Filter, String)> = filters
        .iter()
        .filter_map(|f| {
            args.get(f.arg)
                .and_then(request::scalar_text)
                .map(|v| (f, v.to_lowercase()))
        })
        .collect();
    match answer {
        Answer::Rows {
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
            meta.returned = items.len();
            // The API's total counts the rows before the filter.
            meta.total = None;
            Answer::Rows { items, meta }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, json};

    use super::*;

    #[test]
    fn server_side_filters_match_fields_and_list_elements() {
        let rows = vec![
            json!({"name": "Finance Rule", "urls": ["bank.example", "pay.example"]}),
            json!({"name": "Other", "urls": ["news.example"]}),
        ];
        let meta = ListMeta {
            total: Some(2),
            ..ListMeta::complete(2)
        };
        let run = |filters: &'static [Filter], args: Value| {
            let args: Map<String, Value> = args.as_object().cloned().unwrap_or_default();
            match filter_rows(
                Answer::Rows {
                    items: rows.clone(),
                    meta: meta.clone(),
                },
                filters,
                &args,
            ) {
                Answer::Rows { items, meta } => (items.len(), meta.total.is_some()),
                Answer::Record(_) => (usize::MAX, false),
            }
        };
        const BY_NAME: &[Filter] = &[Filter::contains("search", &["name"])];
        const BY_URL: &[Filter] = &[Filter::equals("url", &["urls"])];
        assert_eq!(run(BY_NAME, json!({"search": "finance"})), (1, false));
        assert_eq!(run(BY_NAME, json!({})), (2, true));
        assert_eq!(run(BY_URL, json!({"url": "PAY.example"})), (1, false));
        assert_eq!(run(BY_URL, json!({"url": "pay"})), (0, false));
    }

    #[test]
    fn an_asked_page_continues_by_the_page_count_from_its_first_number() {
        // 1-based (ZPA): page 2 of 3 has a successor, page 3 does not.
        assert!(more_after(2, 1, Some(3), None, 10));
        assert!(!more_after(3, 1, Some(3), None, 10));
        // 0-based (ZCell): page 1 of 3 has a successor, page 2 is the last.
        assert!(more_after(1, 0, Some(3), None, 10));
        assert!(!more_after(2, 0, Some(3), None, 10));
        assert!(!more_after(0, 0, Some(1), Some(20), 20));
        // No count: a full page may have a successor.
        assert!(more_after(0, 0, None, Some(20), 20));
        assert!(!more_after(0, 0, None, Some(20), 7));
        // Paging in the body exists for the styles that can carry it there.
        let zcell = Paging::Zcell {
            in_body: false,
            size: 100,
        };
        assert_eq!(
            zcell.in_body(),
            Some(Paging::Zcell {
                in_body: true,
                size: 100
            })
        );
        assert_eq!(zcell.first_page(), 0);
        assert_eq!(Paging::Zpa { page_size: 500 }.in_body(), None);
        assert_eq!(Paging::Zpa { page_size: 500 }.first_page(), 1);
    }

    #[test]
    fn a_walk_asks_one_page_only_when_its_position_key_is_sent() {
        let walk = ApiRequest::get(crate::service::Service::Zdx, "/x").query("limit", "3");
        assert!(!asks_one_page(Some("offset"), &walk));
        let at = walk.clone().query("offset", "6");
        assert!(asks_one_page(Some("offset"), &at));
        assert!(!asks_one_page(None, &at));
    }

    #[test]
    fn a_continuation_token_keeps_its_tool_position_and_window() {
        let resume = Resume::from_json(&json!({"page": 3, "skip": 234})).expect("a position");
        let mut args = Map::new();
        args.insert(Window::START.into(), json!(1_700_000_000));
        args.insert(Window::END.into(), json!(1_700_007_200));
        let token = cursor_token("zdx_list_devices", &resume, &args);
        assert_eq!(parse_cursor("zdx_list_devices", &token), Ok(resume.clone()));
        assert!(parse_cursor("zdx_list_alerts", &token).is_err());
        assert_eq!(
            cursor_window(&token),
            Some((json!(1_700_000_000), json!(1_700_007_200)))
        );
        let plain = cursor_token("get_zia_users", &resume, &Map::new());
        assert_eq!(cursor_window(&plain), None);
        assert!(parse_cursor("get_zia_users", &format!("{plain}x")).is_err());
    }

    #[test]
    fn rows_come_out_of_the_declared_envelope_only() {
        let zpa = Envelope {
            rows: Some("list"),
            ..Envelope::BARE
        };
        assert_eq!(rows_of(json!({"list": [1, 2]}), &zpa).len(), 2);
        assert_eq!(rows_of(json!({}), &zpa).len(), 0);
        assert_eq!(rows_of(json!({"list": [1, 2]}), &Envelope::BARE).len(), 1);
        assert_eq!(rows_of(json!([1, 2, 3]), &Envelope::BARE).len(), 3);
    }
}
