//! Named handlers: the few tools whose behaviour routes cannot express. Each receives its
//! routes by name from its [`Special`] declaration.

use serde_json::{Value, json};

use crate::catalog::{GreTunnelRoutes, Route, Special};
use crate::client::error::ErrorKind;
use crate::client::request::ApiRequest;
use crate::shaping::Answer;

use super::request::{Args, Vars};
use super::route::{execute, overlay};
use super::{Call, Failure, lists};

/// URLs per ZIA URL-lookup request (the API's limit).
const URL_LOOKUP_CHUNK: usize = 100;

/// A string argument (validated as required by the declaration), or empty.
fn text_arg(args: &Args, name: &str) -> String {
    args.get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The rows of an answer, whether it came as rows or as one record.
fn rows(answer: Answer) -> Vec<Value> {
    match answer {
        Answer::Rows { items, .. } => items,
        Answer::Record(Value::Array(items)) => items,
        Answer::Record(v) => vec![v],
    }
}

pub(crate) async fn run(which: Special, call: &Call<'_>, args: &Args) -> Result<Answer, Failure> {
    match which {
        Special::ZiaUrlLookup { lookup } => url_lookup(call, lookup, args).await,
        Special::ZiaGreTunnelCreate(routes) => gre_create(call, routes, args).await,
        Special::ZiaGreTunnelDelete { tunnel, static_ip } => {
            execute(call, tunnel, args, Vars::new()).await?;
            execute(call, static_ip, args, Vars::new())
                .await
                .map_err(|failure| Failure::After {
                    done: format!(
                        "GRE tunnel {} was deleted; its static IP {} was not.",
                        text_arg(args, "tunnel_id"),
                        text_arg(args, "static_ip_id")
                    ),
                    failure: Box::new(failure),
                })
        }
        Special::ZiaPredefinedCategory { by_id, all, update } => {
            predefined_category(call, by_id, all, update, args).await
        }
        Special::ZpaLssLogTypes => Ok(lss_log_types()),
        Special::ZiaIpsSignatureCreate { validate, create } => {
            // The API checks the Snort syntax on its own endpoint (it answers 200 with a
            // non-zero status for bad text); a refusal stops here, before anything is created.
            let path = call.path(validate.path, args, &Vars::new())?;
            let text = args.get("rule_text").cloned().unwrap_or(Value::Null);
            let answer = call
                .ctx
                .client
                .send(
                    &ApiRequest::post(call.service, path, json!({ "ruleText": text })).read_only(),
                )
                .await?
                .body;
            let status = answer.get("status").and_then(Value::as_i64).unwrap_or(0);
            if status != 0 {
                let why = answer
                    .get("errMsg")
                    .and_then(Value::as_str)
                    .unwrap_or("no reason given");
                return Err(Failure::Invalid(format!(
                    "Invalid argument 'rule_text': ZIA rejected the signature ({why}). Nothing \
                     was created."
                )));
            }
            execute(call, create, args, Vars::new()).await
        }
    }
}

/// The URLs in chunks the API takes, results concatenated.
async fn url_lookup(call: &Call<'_>, lookup: &Route, args: &Args) -> Result<Answer, Failure> {
    let urls: Vec<Value> = args
        .get("urls")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if urls.is_empty() {
        return Err(Failure::Invalid(
            "Invalid argument 'urls': give at least one URL or domain.".into(),
        ));
    }
    let path = call.path(lookup.path, args, &Vars::new())?;
    let mut items = Vec::with_capacity(urls.len());
    for chunk in urls.chunks(URL_LOOKUP_CHUNK) {
        let req =
            ApiRequest::post(call.service, path.clone(), Value::Array(chunk.to_vec())).read_only();
        let body = call.ctx.client.send(&req).await?.body;
        items.extend(lists::rows_of(body, &call.conventions.envelope));
    }
    Ok(Answer::all_rows(items))
}

/// The static IP (found, or created), a free internal range (unless unnumbered or given), the
/// two recommended VIPs, then the tunnel.
async fn gre_create(
    call: &Call<'_>,
    routes: &GreTunnelRoutes,
    args: &Args,
) -> Result<Answer, Failure> {
    let ip = text_arg(args, "static_ip_address");
    // 1. The static IP the tunnel starts from: found, or created.
    let found = match execute(call, &routes.find_static_ip, args, Vars::new()).await? {
        Answer::Rows { items, .. } => items
            .into_iter()
            .any(|r| r.get("ipAddress").and_then(Value::as_str) == Some(ip.as_str())),
        Answer::Record(_) => false,
    };
    if !found {
        let path = call.path(routes.create_static_ip.path, args, &Vars::new())?;
        let mut body = serde_json::Map::new();
        body.insert("ipAddress".into(), ip.clone().into());
        if let Some(comment) = args.get("comment") {
            body.insert("comment".into(), comment.clone());
        }
        call.ctx
            .client
            .send(&ApiRequest::post(call.service, path, Value::Object(body)))
            .await?;
    }
    // 2. An internal range, unless unnumbered or given.
    let mut args = args.clone();
    let unnumbered = args.get("ip_unnumbered").and_then(Value::as_bool) == Some(true);
    if !unnumbered
        && !args.contains_key("internal_ip_range")
        && let Answer::Rows { items, .. } =
            execute(call, &routes.internal_ranges, &args, Vars::new()).await?
    {
        let start = items
            .first()
            .and_then(|r| r.get("startIPAddress").or_else(|| r.get("startIpAddress")))
            .and_then(Value::as_str)
            .ok_or_else(|| {
                Failure::Invalid(format!(
                    "ZIA has no free internal IP range for a GRE tunnel from {ip}; give \
                     internal_ip_range or set ip_unnumbered. Nothing was created."
                ))
            })?;
        args.insert("internal_ip_range".into(), start.into());
    }
    // 3. The two recommended virtual IPs.
    let vips = rows(execute(call, &routes.recommended_vips, &args, Vars::new()).await?);
    let vip = |i: usize| vips.get(i).and_then(|v| v.get("id")).cloned();
    let (Some(primary), Some(secondary)) = (vip(0), vip(1).or_else(|| vip(0))) else {
        return Err(Failure::Invalid(format!(
            "ZIA recommends no virtual IPs for {ip}; the tunnel was not created."
        )));
    };
    // 4. The tunnel.
    let create = &routes.create_tunnel;
    let path = call.path(create.path, &args, &Vars::new())?;
    let mut body = super::request::body(call.conventions, call.tool.params, create, &args)?;
    if let Value::Object(b) = &mut body {
        b.insert("primaryDestVip".into(), json!({"id": primary}));
        b.insert("secondaryDestVip".into(), json!({"id": secondary}));
    }
    let response = call
        .ctx
        .client
        .send(&ApiRequest::post(call.service, path, body))
        .await?;
    Ok(Answer::Record(response.body))
}

/// The category addressed by id (`FINANCE`) or by its display name: GET by id, else found in
/// the whole list; for the update tool, then the merged record PUT back.
async fn predefined_category(
    call: &Call<'_>,
    by_id: &Route,
    all: &Route,
    update: Option<&Route>,
    args: &Args,
) -> Result<Answer, Failure> {
    let name = text_arg(args, "name");
    let record = match execute(call, by_id, args, Vars::new()).await {
        Ok(Answer::Record(v)) => v,
        Ok(Answer::Rows { items, .. }) => items.into_iter().next().unwrap_or(Value::Null),
        Err(Failure::Api(e)) if e.kind == ErrorKind::NotFound => {
            let rows = rows(execute(call, all, args, Vars::new()).await?);
            let wanted = name.to_ascii_lowercase();
            rows.into_iter()
                .find(|r| {
                    ["id", "configuredName", "description"].iter().any(|k| {
                        r.get(*k)
                            .and_then(Value::as_str)
                            .is_some_and(|v| v.to_ascii_lowercase() == wanted)
                    })
                })
                .ok_or_else(|| {
                    Failure::Invalid(format!(
                        "No URL category has the id or name '{name}'. zia_list_url_categories \
                         lists them."
                    ))
                })?
        }
        Err(e) => return Err(e),
    };
    let Some(put) = update else {
        return Ok(Answer::Record(record));
    };
    let id = record
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or(name.as_str())
        .to_string();
    let vars: Vars = vec![("id", id)];
    let path = call.path(put.path, args, &vars)?;
    let changes = super::request::body(call.conventions, call.tool.params, put, args)?;
    let body = overlay(record, changes);
    let mut req = ApiRequest::new(call.service, put.verb.method(), path);
    req.body = Some(body);
    Ok(Answer::Record(call.ctx.client.send(&req).await?.body))
}

/// ZPA Log Streaming Service log types: the names the admin portal uses and the codes the API
/// takes (`logType`, `sourceLogType`).
const LSS_LOG_TYPES: &[(&str, &str, &str)] = &[
    (
        "user_activity",
        "zpn_trans_log",
        "User activity: application access transactions",
    ),
    (
        "user_status",
        "zpn_auth_log",
        "User status: Client Connector authentication",
    ),
    (
        "app_connector_status",
        "zpn_ast_auth_log",
        "App Connector status",
    ),
    (
        "app_connector_metrics",
        "zpn_ast_comprehensive_stats",
        "App Connector metrics",
    ),
    (
        "browser_access",
        "zpn_http_trans_log",
        "Browser Access HTTP transactions",
    ),
    ("audit_logs", "zpn_audit_log", "Admin audit log"),
    (
        "private_svc_edge_status",
        "zpn_sys_auth_log",
        "Private Service Edge status",
    ),
    (
        "private_svc_edge_metrics",
        "zpn_pbroker_comprehensive_stats",
        "Private Service Edge metrics",
    ),
    (
        "web_inspection",
        "zpn_waf_http_exchanges_log",
        "AppProtection (web inspection) events",
    ),
];

fn lss_log_types() -> Answer {
    let items: Vec<Value> = LSS_LOG_TYPES
        .iter()
        .map(|(name, code, description)| json!({"name": name, "code": code, "description": description}))
        .collect();
    Answer::all_rows(items)
}
