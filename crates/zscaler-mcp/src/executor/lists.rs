//! List answers: rows out of the service's envelope, the one page a caller asked for or every
//! page (complete, or explicitly cut by the row and byte caps), then the server-side filters.

use serde_json::{Value, json};

use crate::catalog::conventions::Envelope;
use crate::catalog::{Filter, Pages};
use crate::client::paging::{Caps, Paging, number};
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

/// Runs a list request: one request, the one page asked for, or every page.
pub(crate) async fn list(
    call: &Call<'_>,
    req: ApiRequest,
    pages: Pages,
) -> Result<Answer, Failure> {
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
        Pages::Service => {
            let own = call.conventions.paging.ok_or_else(|| {
                Failure::Invalid(format!(
                    "internal error: {} declares the service's paging, which {} does not have",
                    call.tool.name,
                    call.service.code()
                ))
            })?;
            (own.page, own.size, own.paging)
        }
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
        let response = call.ctx.client.send(&req).await?;
        let count = |field: Option<&str>| field.and_then(|f| number(response.body.get(f)));
        let total_pages = count(envelope.total_pages);
        let total = count(envelope.total);
        let items = rows_of(response.body, envelope);
        let more = match total_pages {
            Some(t) => page < t,
            None => size.is_some_and(|s| items.len() as u64 >= s),
        };
        let meta = ListMeta {
            complete: page <= 1 && !more,
            returned: items.len(),
            page: Some(page),
            total,
            truncated_reason: None,
            next: more.then(|| json!({ page_key: page + 1 })),
        };
        return Ok(Answer::Rows { items, meta });
    }
    let settings = call.ctx.client.settings();
    let caps = Caps {
        max_rows: settings.max_rows,
        max_bytes: settings.max_bytes,
    };
    let result = call.ctx.client.list(&req, &paging, caps).await?;
    let meta = ListMeta {
        complete: result.complete,
        returned: result.items.len(),
        page: None,
        total: result.total,
        truncated_reason: result.truncated_reason(),
        next: result.next.clone(),
    };
    Ok(Answer::Rows {
        items: result.items,
        meta,
    })
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
