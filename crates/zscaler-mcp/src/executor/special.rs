//! Named handlers: the few tools whose behaviour routes cannot express. Each uses the routes of
//! its declaration (by index, documented on the [`Special`] variant's declaration).

use serde_json::{Value, json};

use crate::catalog::{Route, Special, ToolDeclaration};
use crate::client::error::ErrorKind;
use crate::client::request::ApiRequest;
use crate::service::Service;

use super::request::{Args, Vars, fill_path};
use super::{Context, Failure, Outcome, execute, rows_of};

/// URLs per ZIA URL-lookup request (the API's limit).
const URL_LOOKUP_CHUNK: usize = 100;

/// A string argument (validated as required by the declaration), or empty.
fn text_arg(args: &Args, name: &str) -> String {
    args.get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn route(routes: &[Route], i: usize) -> Result<&Route, Failure> {
    routes
        .get(i)
        .ok_or_else(|| Failure::Invalid("internal error: the tool's routes are incomplete".into()))
}

pub async fn run(
    which: Special,
    service: Service,
    tool: &ToolDeclaration,
    routes: &[Route],
    args: &Args,
    ctx: &Context<'_>,
) -> Result<Outcome, Failure> {
    match which {
        Special::ZiaUrlLookup => url_lookup(service, routes, args, ctx).await,
        Special::ZiaGreTunnelCreate => gre_create(service, tool, routes, args, ctx).await,
        Special::ZiaGreTunnelDelete => {
            execute(service, tool, route(routes, 0)?, args, ctx, Vars::new()).await?;
            execute(service, tool, route(routes, 1)?, args, ctx, Vars::new()).await
        }
        Special::ZiaPredefinedCategory => {
            predefined_category(service, tool, routes, args, ctx).await
        }
        Special::ZpaLssLogTypes => Ok(lss_log_types()),
        Special::ZiaIpsSignatureCreate => {
            // The API checks the Snort syntax on its own endpoint (it answers 200 with a
            // non-zero status for bad text); a refusal stops here, before anything is created.
            let check = route(routes, 0)?;
            let path = fill_path(check.path, args, &Vars::new(), ctx.customer_id)?;
            let text = args.get("rule_text").cloned().unwrap_or(Value::Null);
            let answer = ctx
                .client
                .send(&ApiRequest::post(service, path, json!({ "ruleText": text })).read_only())
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
            execute(service, tool, route(routes, 1)?, args, ctx, Vars::new()).await
        }
    }
}

/// routes: 0 = `POST /zia/api/v1/urlLookup`.
async fn url_lookup(
    service: Service,
    routes: &[Route],
    args: &Args,
    ctx: &Context<'_>,
) -> Result<Outcome, Failure> {
    let r = route(routes, 0)?;
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
    let path = fill_path(r.path, args, &Vars::new(), ctx.customer_id)?;
    let mut items = Vec::with_capacity(urls.len());
    for chunk in urls.chunks(URL_LOOKUP_CHUNK) {
        let req = ApiRequest::post(service, path.clone(), Value::Array(chunk.to_vec())).read_only();
        items.extend(rows_of(ctx.client.send(&req).await?.body));
    }
    Ok(Outcome::all_rows(items))
}

/// routes: 0 = GET staticIP?ipAddress, 1 = GET greTunnels/availableInternalIpRanges,
/// 2 = GET vips/recommendedList, 3 = POST greTunnels, 4 = POST staticIP.
async fn gre_create(
    service: Service,
    tool: &ToolDeclaration,
    routes: &[Route],
    args: &Args,
    ctx: &Context<'_>,
) -> Result<Outcome, Failure> {
    let ip = text_arg(args, "static_ip_address");
    // 1. The static IP the tunnel starts from: found, or created.
    let found = match execute(service, tool, route(routes, 0)?, args, ctx, Vars::new()).await? {
        Outcome::Rows { items, .. } => items
            .into_iter()
            .any(|r| r.get("ipAddress").and_then(Value::as_str) == Some(ip.as_str())),
        Outcome::Record(_) => false,
    };
    if !found {
        let create = route(routes, 4)?;
        let path = fill_path(create.path, args, &Vars::new(), ctx.customer_id)?;
        let mut body = serde_json::Map::new();
        body.insert("ipAddress".into(), ip.clone().into());
        if let Some(comment) = args.get("comment") {
            body.insert("comment".into(), comment.clone());
        }
        ctx.client
            .send(&ApiRequest::post(service, path, Value::Object(body)))
            .await?;
    }
    // 2. An internal range, unless unnumbered or given.
    let mut args = args.clone();
    let unnumbered = args.get("ip_unnumbered").and_then(Value::as_bool) == Some(true);
    if !unnumbered
        && !args.contains_key("internal_ip_range")
        && let Outcome::Rows { items, .. } =
            execute(service, tool, route(routes, 1)?, &args, ctx, Vars::new()).await?
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
    let vips = match execute(service, tool, route(routes, 2)?, &args, ctx, Vars::new()).await? {
        Outcome::Rows { items, .. } => items,
        Outcome::Record(v) => vec![v],
    };
    let vip = |i: usize| vips.get(i).and_then(|v| v.get("id")).cloned();
    let (Some(primary), Some(secondary)) = (vip(0), vip(1).or_else(|| vip(0))) else {
        return Err(Failure::Invalid(format!(
            "ZIA recommends no virtual IPs for {ip}; the tunnel was not created."
        )));
    };
    // 4. The tunnel.
    let create = route(routes, 3)?;
    let path = fill_path(create.path, &args, &Vars::new(), ctx.customer_id)?;
    let mut body = super::request::body(service, tool.params, create, &args)?;
    if let Value::Object(b) = &mut body {
        b.insert("primaryDestVip".into(), json!({"id": primary}));
        b.insert("secondaryDestVip".into(), json!({"id": secondary}));
    }
    let response = ctx
        .client
        .send(&ApiRequest::post(service, path, body))
        .await?;
    Ok(Outcome::Record(response.body))
}

/// routes: 0 = GET urlCategories/{name}, 1 = GET urlCategories, 2 = PUT urlCategories/{id}
/// (update only). The category is addressed by id (`FINANCE`) or by its display name.
async fn predefined_category(
    service: Service,
    tool: &ToolDeclaration,
    routes: &[Route],
    args: &Args,
    ctx: &Context<'_>,
) -> Result<Outcome, Failure> {
    let name = text_arg(args, "name");
    let record = match execute(service, tool, route(routes, 0)?, args, ctx, Vars::new()).await {
        Ok(Outcome::Record(v)) => v,
        Ok(Outcome::Rows { items, .. }) => items.into_iter().next().unwrap_or(Value::Null),
        Err(Failure::Api(e)) if e.kind == ErrorKind::NotFound => {
            let rows =
                match execute(service, tool, route(routes, 1)?, args, ctx, Vars::new()).await? {
                    Outcome::Rows { items, .. } => items,
                    Outcome::Record(v) => rows_of(v),
                };
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
    if routes.len() < 3 {
        return Ok(Outcome::Record(record));
    }
    let id = record
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or(name.as_str())
        .to_string();
    let put = route(routes, 2)?;
    let vars: Vars = vec![("id", id)];
    let path = fill_path(put.path, args, &vars, ctx.customer_id)?;
    let changes = super::request::body(service, tool.params, put, args)?;
    let body = super::overlay(record, changes);
    let mut req = ApiRequest::new(service, put.verb.method(), path);
    req.body = Some(body);
    Ok(Outcome::Record(ctx.client.send(&req).await?.body))
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

fn lss_log_types() -> Outcome {
    let items: Vec<Value> = LSS_LOG_TYPES
        .iter()
        .map(|(name, code, description)| json!({"name": name, "code": code, "description": description}))
        .collect();
    Outcome::all_rows(items)
}
