//! From a declaration's route and the call's (validated) arguments to an [`ApiRequest`]: the
//! path with its placeholders filled and percent-encoded, the query from its templates, the
//! JSON body from the parameters' body targets.

use serde_json::{Map, Value, json};

use crate::catalog::conventions::{Conventions, Ids, Search, TenantId, TenantSource};
use crate::catalog::{Body, Param, Route, When, Window};
use crate::client::request::ApiRequest;

use super::Call;

/// Arguments of one call (defaults applied, nulls removed).
pub type Args = Map<String, Value>;

/// Values resolved during the call (lookups) that fill path placeholders.
pub type Vars = Vec<(&'static str, String)>;

pub fn holds(when: &When, args: &Args) -> bool {
    match when {
        When::Always => true,
        When::Has(name) => args.contains_key(*name),
        When::Lacks(name) => !args.contains_key(*name),
        When::Is(name, value) => args.get(*name).and_then(scalar_text).as_deref() == Some(*value),
        When::Both(a, b) => holds(a, args) && holds(b, args),
    }
}

/// The first route whose condition holds.
pub fn select<'r>(routes: &'r [Route], args: &Args) -> Option<&'r Route> {
    routes.iter().find(|r| holds(&r.when, args))
}

/// A scalar argument as text (strings as is, numbers, `true`/`false`).
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// An argument as query values: lists become repeated values.
fn query_values(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(scalar_text).collect(),
        other => scalar_text(other).into_iter().collect(),
    }
}

/// Renders a query template. `None` when it names an argument the call does not have.
fn render_query(template: &str, args: &Args, search: Option<&Search>) -> Option<Vec<String>> {
    let Some(open) = template.find('{') else {
        return Some(vec![template.to_string()]);
    };
    let close = template[open..].find('}')? + open;
    let name = &template[open + 1..close];
    let value = args.get(name)?;
    let (prefix, suffix) = (&template[..open], &template[close + 1..]);
    let values = query_values(value);
    if values.is_empty() {
        return None;
    }
    Some(
        values
            .into_iter()
            .map(|v| {
                // A search value that is already an expression of the service's own syntax
                // is sent as is.
                let expression = search.is_some_and(|s| {
                    prefix == s.prefix && s.operators.iter().any(|op| v.contains(op))
                });
                if expression {
                    v
                } else {
                    format!("{prefix}{v}{suffix}")
                }
            })
            .collect(),
    )
}

/// Percent-encodes one path segment (RFC 3986 unreserved characters pass).
pub fn encode_segment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Fills `{placeholders}` of `template`: the service's tenant id (with the configured value,
/// if any), lookup results, then arguments.
pub fn fill_path(
    template: &str,
    args: &Args,
    vars: &Vars,
    tenant: Option<(&TenantId, Option<&str>)>,
) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}').map(|c| c + open) else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &rest[open + 1..close];
        let value = if let Some((id, value)) = tenant.filter(|(id, _)| id.placeholder == name) {
            value
                .map(str::to_string)
                .ok_or_else(|| id.missing.to_string())?
        } else if let Some((_, v)) = vars.iter().find(|(k, _)| *k == name) {
            v.clone()
        } else {
            let v = args.get(name).and_then(scalar_text).ok_or_else(|| {
                format!("Missing argument '{name}': it is required for this call.")
            })?;
            if v.trim().is_empty() || v == "." || v == ".." {
                return Err(format!("Invalid argument '{name}': must not be empty."));
            }
            v
        };
        out.push_str(&encode_segment(&value));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Query pairs of a route for these arguments.
pub fn query(
    pairs: &[(&'static str, &'static str)],
    args: &Args,
    search: Option<&Search>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, template) in pairs {
        if let Some(values) = render_query(template, args, search) {
            out.extend(values.into_iter().map(|v| (key.to_string(), v)));
        }
    }
    out
}

/// An id as the service writes it in bodies.
fn id_value(ids: Ids, v: &Value) -> Value {
    match (ids, v) {
        (Ids::Numeric, Value::String(s)) => match s.trim().parse::<i64>() {
            Ok(n) => n.into(),
            Err(_) => v.clone(),
        },
        _ => v.clone(),
    }
}

fn id_list(ids: Ids, v: &Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| match i {
                    Value::Object(_) => i.clone(),
                    other => json!({"id": id_value(ids, other)}),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The JSON body of a route for these arguments. `Err` names the argument at fault.
pub fn body(
    conventions: &Conventions,
    params: &[Param],
    route: &Route,
    args: &Args,
) -> Result<Value, String> {
    let mut body = Map::new();
    // `advanced` first: the named parameters win over the same keys in it.
    for p in params.iter().filter(|p| p.body == Body::Merge) {
        if let Some(Value::Object(extra)) = args.get(p.name) {
            for (k, v) in extra {
                let v = if route.id_lists.contains(&k.as_str()) {
                    id_list(conventions.ids, v)
                } else {
                    v.clone()
                };
                body.insert(k.clone(), v);
            }
        }
    }
    for p in params {
        let Some(value) = args.get(p.name) else {
            continue;
        };
        match p.body {
            Body::No | Body::Merge => {}
            Body::Field(field) => {
                body.insert(field.to_string(), value.clone());
            }
            Body::Ids(field) => {
                body.insert(field.to_string(), id_list(conventions.ids, value));
            }
            Body::State(field) => {
                let state = if value.as_bool() == Some(true) {
                    "ENABLED"
                } else {
                    "DISABLED"
                };
                body.insert(field.to_string(), state.into());
            }
            Body::Whole => return Ok(value.clone()),
            Body::Build(builder) => (builder.build)(value, &mut body)
                .map_err(|e| format!("Invalid argument '{}': {e}", p.name))?,
        }
    }
    for (k, v) in route.fixed {
        body.entry(k.to_string()).or_insert_with(|| v.to_json());
    }
    if let Some((start, end)) = route.window.and_then(|w| w.body) {
        for (field, key) in [(start, Window::START), (end, Window::END)] {
            if let Some(v) = args.get(key) {
                body.insert(field.to_string(), v.clone());
            }
        }
    }
    Ok(Value::Object(body))
}

impl Call<'_> {
    /// `template` with its placeholders filled for this call.
    pub(crate) fn path(&self, template: &str, args: &Args, vars: &Vars) -> Result<String, String> {
        let tenant = self
            .conventions
            .tenant_id
            .as_ref()
            .map(|t| (t, self.tenant_value(t)));
        fill_path(template, args, vars, tenant)
    }

    /// The configured value of a tenant id.
    pub(crate) fn tenant_value(&self, id: &TenantId) -> Option<&str> {
        match id.source {
            TenantSource::CustomerId => self.ctx.customer_id,
            TenantSource::ZcellCustomerId => self.ctx.zcell_customer_id,
        }
    }
}

/// The request of `route` (without its lookups' results in the body).
pub(crate) fn build(call: &Call<'_>, route: &Route, path: String, args: &Args) -> ApiRequest {
    let mut request = ApiRequest::new(call.service, route.verb.method(), path);
    request.query = query(route.query, args, call.conventions.search.as_ref());
    if route.read_only {
        request = request.read_only();
    }
    request
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::zpa::CONVENTIONS as ZPA;

    fn args(v: Value) -> Args {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn query_templates_skip_absent_arguments_and_repeat_lists() {
        let a = args(json!({"search": "web apps", "ids": ["1", "2"], "flag": false}));
        let q = query(
            &[
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("id", "{ids}"),
                ("flag", "{flag}"),
                ("fixed", "false"),
            ],
            &a,
            ZPA.search.as_ref(),
        );
        assert_eq!(
            q,
            vec![
                ("search".to_string(), "name+EQ+web apps".to_string()),
                ("id".into(), "1".into()),
                ("id".into(), "2".into()),
                ("flag".into(), "false".into()),
                ("fixed".into(), "false".into()),
            ]
        );
        let expr = args(json!({"search": "name+CONTAINS+web"}));
        assert_eq!(
            query(
                &[("search", "name+EQ+{search}")],
                &expr,
                ZPA.search.as_ref()
            ),
            vec![("search".to_string(), "name+CONTAINS+web".to_string())]
        );
        // Without the service's search syntax, an operator is only text.
        assert_eq!(
            query(&[("search", "name+EQ+{search}")], &expr, None),
            vec![(
                "search".to_string(),
                "name+EQ+name+CONTAINS+web".to_string()
            )]
        );
    }

    #[test]
    fn path_segments_are_encoded_and_traversal_refused() {
        let a = args(json!({"id": "a/b c"}));
        let tenant = ZPA.tenant_id.as_ref();
        assert_eq!(
            fill_path(
                "/zpa/x/{customerId}/y/{id}",
                &a,
                &vec![],
                tenant.map(|t| (t, Some("7")))
            )
            .unwrap(),
            "/zpa/x/7/y/a%2Fb%20c"
        );
        let dots = args(json!({"id": ".."}));
        assert!(fill_path("/y/{id}", &dots, &vec![], None).is_err());
        let err =
            fill_path("/zpa/{customerId}", &a, &vec![], tenant.map(|t| (t, None))).unwrap_err();
        assert!(err.contains("ZSCALER_CUSTOMER_ID"), "{err}");
    }
}
