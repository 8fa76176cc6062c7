//! Network events search.

use super::*;

/// `POST /network-events/{id}/search/startTime/{s}/endTime/{e}`: events in the window, with
/// `filterBy` (`[{"field","value"|"values"}]`), `sortBy` (`{"field","order"}`),
/// `excludeApnConfig` and `page`/`size` in the body.
pub(super) fn search_network_events(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = window_of(
        call.params.get("startTime").map(|v| ("startTime", v)),
        call.params.get("endTime").map(|v| ("endTime", v)),
        ("startTime", "endTime"),
        true,
    )?;
    let body = body_map(call)?;
    let (page, size) = body_page(&body)?;
    let exclude_apn = match body.get("excludeApnConfig") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad("'excludeApnConfig' must be a boolean")),
    };
    let mut filters: Vec<(String, Vec<String>)> = Vec::new();
    match body.get("filterBy") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                let Value::Object(f) = item else {
                    return Err(bad("'filterBy' must be an array of objects"));
                };
                let Some(field) = ["field", "key", "name"]
                    .iter()
                    .find_map(|k| f.get(*k).and_then(Value::as_str))
                else {
                    continue;
                };
                let values: Vec<String> = match f.get("values").or_else(|| f.get("value")) {
                    Some(Value::Array(vs)) => vs.iter().filter_map(text).collect(),
                    Some(v) => text(v).into_iter().collect(),
                    None => Vec::new(),
                };
                if !values.is_empty() {
                    filters.push((field.to_string(), values));
                }
            }
        }
        Some(_) => return Err(bad("'filterBy' must be an array of objects")),
    }
    let (sort_field, descending) = match body.get("sortBy") {
        None | Some(Value::Null) => ("timestamp".to_string(), true),
        Some(Value::Object(s)) if s.is_empty() => ("timestamp".to_string(), true),
        Some(Value::Object(s)) => match s.get("field").and_then(Value::as_str) {
            Some(f) => {
                let order = s
                    .get("order")
                    .or_else(|| s.get("direction"))
                    .and_then(Value::as_str)
                    .unwrap_or("DESC");
                (f.to_string(), order.eq_ignore_ascii_case("desc"))
            }
            None => {
                let (f, order) = s
                    .iter()
                    .next()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unwrap_or_default();
                (
                    f,
                    order
                        .as_str()
                        .is_none_or(|o| o.eq_ignore_ascii_case("desc")),
                )
            }
        },
        Some(_) => return Err(bad("'sortBy' must be an object")),
    };
    let mut hits: Vec<Value> = engine::records(call.tenant, &NETWORK_EVENTS)
        .filter(|e| in_window(e, "timestamp", window))
        .filter(|e| !(exclude_apn && e["eventType"].as_str() == Some("APN_CONFIG_UPDATE")))
        .filter(|e| {
            filters
                .iter()
                .all(|(f, values)| values.iter().any(|v| eq_ci(&e[f.as_str()], v)))
        })
        .cloned()
        .collect();
    hits.sort_by(|a, b| {
        let (x, y) = (&a[sort_field.as_str()], &b[sort_field.as_str()]);
        let ord = match (x.as_f64(), y.as_f64()) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(std::cmp::Ordering::Equal),
            _ => text(x).cmp(&text(y)),
        };
        if descending { ord.reverse() } else { ord }
    });
    Ok(Reply::ok(envelope::zcell_page(hits, page, size)))
}
