//! The sandbox's HTTP server: token endpoint, admin API and the simulated API behind the
//! bearer check, faults, rate limits and request recording.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::clock::Clock;
use crate::config::SandboxConfig;
use crate::engine::{self, Call, Query, Read, Reply};
use crate::errors::{ApiError, Kind};
use crate::faults::{Fault, Faults, RetryAfterIn};
use crate::oauth::{self, Client, Issuer};
use crate::product::Product;
use crate::ratelimit::ZiaLimits;
use crate::record::{Recorded, Recorder};
use crate::routes::{Lookup, Op, Table};
use crate::services;
use crate::tenant::{Identity, Tenant};

/// Failure to start the sandbox.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("invalid client public key: {0}")]
    PublicKey(String),
    #[error("cannot write the client private key to {path}: {source}")]
    KeyOut {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Setup(String),
}

/// Shared state of one sandbox.
pub(crate) struct State_ {
    pub issuer: Issuer,
    pub tenant: RwLock<Tenant>,
    pub table: Table,
    pub faults: Mutex<Faults>,
    pub recorder: Mutex<Recorder>,
    pub limits: Option<Mutex<ZiaLimits>>,
    pub admin_token: String,
    seed: u64,
    scale: usize,
    adversarial: bool,
    /// The resolved anchor of seeded timestamps; reset re-seeds with it.
    anchor: i64,
    /// The tenant's clock (kept across a reset).
    clock: Clock,
    identity: Identity,
}

type Shared = Arc<State_>;

/// Latest accepted anchor: 9999-12-31T23:59:59Z.
const MAX_ANCHOR: i64 = 253_402_300_799;

impl State_ {
    /// Builds the seeded tenant (also used by `/_sandbox/reset`).
    pub fn seeded(&self) -> Tenant {
        build_tenant(
            self.identity.clone(),
            self.seed,
            self.scale,
            self.adversarial,
            self.anchor,
            self.clock,
        )
    }
}

fn build_tenant(
    identity: Identity,
    seed: u64,
    scale: usize,
    adversarial: bool,
    anchor: i64,
    clock: Clock,
) -> Tenant {
    let mut tenant = Tenant::new(identity, 100_000 + (seed % 1000) * 1000, anchor);
    tenant.clock = clock;
    tenant.seed(&services::resources(), seed, scale, adversarial);
    tenant
}

fn random_token(prefix: &str, bytes: usize) -> String {
    use base64::Engine as _;
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
    )
}

/// A sandbox listening on loopback.
pub struct RunningSandbox {
    pub base_url: String,
    pub token_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub customer_id: String,
    pub zcell_customer_id: String,
    pub admin_token: String,
    /// Where the generated client private key was written, if one was generated.
    pub client_key_path: Option<String>,
    pub addr: SocketAddr,
    /// Epoch seconds the seeded timestamps are relative to (the resolved `config.anchor`).
    pub anchor: i64,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl RunningSandbox {
    /// The `name: value` lines `zscaler-mcp sandbox` prints.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "base_url: {}\ntoken_url: {}\nclient_id: {}\nclient_secret: {}\ncustomer_id: {}\nzcell_customer_id: {}\nadmin_token: {}\n",
            self.base_url,
            self.token_url,
            self.client_id,
            self.client_secret,
            self.customer_id,
            self.zcell_customer_id,
            self.admin_token
        );
        if let Some(path) = &self.client_key_path {
            out.push_str(&format!("client_private_key: {path}\n"));
        }
        out
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task)
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)))
    }

    /// Serves until the process is stopped.
    pub async fn wait(mut self) -> std::io::Result<()> {
        let _keep = self.stop.take();
        (&mut self.task)
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)))
    }
}

pub struct Sandbox;

impl Sandbox {
    /// Seeds the tenant and starts serving on `config.listen`.
    pub async fn start(config: SandboxConfig) -> Result<RunningSandbox, SandboxError> {
        let anchor = crate::seed::resolve_anchor(config.anchor, config.clock);
        if !(0..=MAX_ANCHOR).contains(&anchor) {
            return Err(SandboxError::Setup(format!(
                "invalid anchor {anchor}: expected epoch seconds between 1970 and 9999"
            )));
        }
        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|source| SandboxError::Bind {
                    addr: config.listen,
                    source,
                })?;
        let addr = listener
            .local_addr()
            .map_err(|e| SandboxError::Setup(e.to_string()))?;
        let tls = config
            .tls
            .as_ref()
            .map(crate::tls::generate)
            .transpose()
            .map_err(SandboxError::Setup)?;
        let base_url = match (&tls, config.tls.as_ref().and_then(|t| t.hostnames.first())) {
            (Some(_), Some(host)) => format!("https://{host}:{}", addr.port()),
            (Some(_), None) => format!("https://localhost:{}", addr.port()),
            (None, _) => format!("http://{addr}"),
        };
        let client_id = config
            .client_id
            .clone()
            .unwrap_or_else(|| random_token("sbx-client-", 9));
        let client_secret = config
            .client_secret
            .clone()
            .unwrap_or_else(|| random_token("sbx-secret-", 24));
        let admin_token = config
            .admin_token
            .clone()
            .unwrap_or_else(|| random_token("sbx-admin-", 24));
        let (public_key, client_key_path) =
            match (&config.client_public_key_pem, &config.client_key_out) {
                (Some(pem), _) => (Some(pem.clone()), None),
                (None, Some(path)) => {
                    let (private, public) =
                        oauth::generate_client_key().map_err(SandboxError::Setup)?;
                    write_private_key(path, &private).map_err(|source| SandboxError::KeyOut {
                        path: path.display().to_string(),
                        source,
                    })?;
                    (Some(public), Some(path.display().to_string()))
                }
                (None, None) => (None, None),
            };
        let public_key = public_key
            .map(|pem| {
                jsonwebtoken::DecodingKey::from_rsa_pem(pem.as_bytes())
                    .map_err(|e| SandboxError::PublicKey(e.to_string()))
            })
            .transpose()?;
        let mut issuer = Issuer::new(
            Client {
                id: client_id.clone(),
                secret: client_secret.clone(),
                public_key,
            },
            config.entitlements.clone(),
            config.token_ttl,
            base_url.clone(),
        )
        .map_err(SandboxError::Setup)?;
        for extra in &config.extra_clients {
            issuer
                .add_client(
                    Client {
                        id: extra.id.clone(),
                        secret: extra.secret.clone(),
                        public_key: None,
                    },
                    extra.entitlements.clone(),
                )
                .map_err(SandboxError::Setup)?;
        }
        let identity = Identity {
            customer_id: config
                .customer_id
                .clone()
                .unwrap_or_else(|| format!("2161962573312{:05}", config.seed % 100_000)),
            zcell_customer_id: config
                .zcell_customer_id
                .clone()
                .unwrap_or_else(|| format!("{}", 7_000_000 + config.seed % 1_000_000)),
        };
        let tenant = build_tenant(
            identity.clone(),
            config.seed,
            config.scale,
            config.adversarial,
            anchor,
            config.clock,
        );
        let state = Arc::new(State_ {
            issuer,
            tenant: RwLock::new(tenant),
            table: Table::new(services::routes()),
            faults: Mutex::new(Faults::new(config.faults.clone())),
            recorder: Mutex::new(Recorder::default()),
            limits: config.rate_limits.then(|| Mutex::new(ZiaLimits::default())),
            admin_token: admin_token.clone(),
            seed: config.seed,
            scale: config.scale,
            adversarial: config.adversarial,
            anchor,
            clock: config.clock,
            identity: identity.clone(),
        });
        let app = app(state);
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let task = match tls {
            None => tokio::spawn(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = stop_rx.await;
                    })
                    .await
            }),
            Some(material) => {
                let std_listener = listener
                    .into_std()
                    .map_err(|e| SandboxError::Setup(e.to_string()))?;
                let handle = axum_server::Handle::new();
                let stopper = handle.clone();
                tokio::spawn(async move {
                    let _ = stop_rx.await;
                    stopper.graceful_shutdown(Some(std::time::Duration::from_secs(5)));
                });
                let config = axum_server::tls_rustls::RustlsConfig::from_config(material.server);
                let server = axum_server::from_tcp_rustls(std_listener, config)
                    .map_err(|e| SandboxError::Setup(e.to_string()))?
                    .handle(handle);
                tokio::spawn(async move { server.serve(app.into_make_service()).await })
            }
        };
        Ok(RunningSandbox {
            token_url: format!("{base_url}/oauth2/v1/token"),
            base_url,
            client_id,
            client_secret,
            customer_id: identity.customer_id,
            zcell_customer_id: identity.zcell_customer_id,
            admin_token,
            client_key_path,
            addr,
            anchor,
            stop: Some(stop_tx),
            task,
        })
    }
}

fn write_private_key(path: &std::path::Path, pem: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(pem.as_bytes())
}

fn app(state: Shared) -> Router {
    Router::new()
        .route("/oauth2/v1/token", post(token))
        .merge(crate::admin::routes())
        .fallback(api)
        .with_state(state)
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn error_response(e: ApiError) -> Response {
    let mut response = json_response(e.status, &e.body);
    for (name, value) in e.headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, v);
        }
    }
    response
}

/// What is recorded of one request, before its answer is known.
struct Seen<'a> {
    method: &'a Method,
    path: &'a str,
    query: &'a str,
    headers: &'a HeaderMap,
    body_bytes: usize,
    /// The JSON body of an API request (never the token request's: it carries secrets).
    body: Option<&'a [u8]>,
    /// The OneAPI client: the one a token request names, or the one an API request's bearer
    /// token was issued to.
    client_id: Option<String>,
}

/// Longest client id kept in the record (a token request may name anything).
const RECORDED_CLIENT_ID_MAX: usize = 128;

/// Largest request body kept in the record.
const RECORDED_BODY_MAX: usize = 64 * 1024;

fn record(state: &State_, seen: &Seen<'_>, status: u16, fault: Option<&Fault>) {
    let entry = Recorded {
        seq: 0,
        at_ms: u128::try_from(state.clock.now_millis()).unwrap_or(0),
        method: seen.method.to_string(),
        path: seen.path.to_string(),
        query: seen.query.to_string(),
        status,
        fault: fault.map(|f| format!("{f:?}")),
        user_agent: seen
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        body_bytes: seen.body_bytes,
        body: seen
            .body
            .filter(|b| !b.is_empty() && b.len() <= RECORDED_BODY_MAX)
            .and_then(|b| serde_json::from_slice(b).ok()),
        client_id: seen
            .client_id
            .as_ref()
            .map(|id| id.chars().take(RECORDED_CLIENT_ID_MAX).collect()),
    };
    if let Ok(mut r) = state.recorder.lock() {
        r.push(entry);
    }
}

async fn token(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let path = "/oauth2/v1/token";
    let fault = state
        .faults
        .lock()
        .ok()
        .and_then(|mut f| f.take("POST", path, true));
    let form: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let response = if let Some(Fault::TokenOutage) = fault {
        json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({"error": "temporarily_unavailable", "error_description": "The token service is unavailable (sandbox fault)"}),
        )
    } else {
        match state.issuer.token(&form) {
            Ok(value) => {
                let mut r = json_response(StatusCode::OK, &value);
                r.headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                r
            }
            Err((status, value)) => json_response(status, &value),
        }
    };
    let seen = Seen {
        method: &Method::POST,
        path,
        query: "",
        headers: &headers,
        body_bytes: body.len(),
        body: None,
        client_id: form.get("client_id").cloned(),
    };
    record(&state, &seen, response.status().as_u16(), fault.as_ref());
    response
}

/// Every simulated API request.
async fn api(State(state): State<Shared>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let method = parts.method.clone();
    let path = parts.uri.path().to_string();
    let raw_query = parts.uri.query().unwrap_or("").to_string();
    let body = axum::body::to_bytes(body, 16 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let fault = state
        .faults
        .lock()
        .ok()
        .and_then(|mut f| f.take(method.as_str(), &path, false));
    if let Some(Fault::Latency { ms }) = &fault {
        tokio::time::sleep(Duration::from_millis(*ms)).await;
    }
    let response = handle(
        &state,
        &method,
        &path,
        &raw_query,
        &parts.headers,
        &body,
        fault.as_ref(),
    );
    let status = response.status().as_u16();
    let client_id = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|auth| state.issuer.check_bearer(Some(auth)).ok())
        .map(|who| state.issuer.client_id_of(who).to_string());
    let seen = Seen {
        method: &method,
        path: &path,
        query: &raw_query,
        headers: &parts.headers,
        body_bytes: body.len(),
        body: Some(&body),
        client_id,
    };
    record(&state, &seen, status, fault.as_ref());
    apply_body_fault(response, fault.as_ref()).await
}

fn handle(
    state: &State_,
    method: &Method,
    path: &str,
    raw_query: &str,
    headers: &HeaderMap,
    body: &Bytes,
    fault: Option<&Fault>,
) -> Response {
    let product = Product::of_path(path);
    match fault {
        Some(Fault::TooManyRequests {
            retry_after,
            retry_after_in,
        }) => {
            return too_many(
                product,
                *retry_after,
                *retry_after_in,
                "Rate limit exceeded (sandbox fault)",
            );
        }
        Some(Fault::Status { status }) => {
            let code = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let kind = if code == StatusCode::INTERNAL_SERVER_ERROR {
                Kind::Internal
            } else {
                Kind::Unavailable
            };
            let mut e = ApiError::new(
                product,
                kind,
                format!("Upstream error {status} (sandbox fault)"),
            );
            e.status = code;
            return error_response(e);
        }
        _ => {}
    }
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let who = match state.issuer.check_bearer(auth) {
        Ok(who) => who,
        Err(e) => {
            let mut response =
                error_response(ApiError::new(product, Kind::Unauthorized, e.message()));
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return response;
        }
    };
    let Some(product) = product else {
        return error_response(ApiError::new(
            None,
            Kind::NotFound,
            format!("No API at {path}"),
        ));
    };
    if !state.issuer.client_entitled(who, product) {
        return error_response(ApiError::new(
            Some(product),
            Kind::Forbidden,
            format!("The client is not entitled to {}", product.prd()),
        ));
    }
    if product == Product::Zia
        && let Some(limits) = &state.limits
        && let Ok(mut limits) = limits.lock()
        && let Err(wait) = limits.admit(method)
    {
        return too_many(
            Some(product),
            wait,
            RetryAfterIn::Both,
            "Rate limit exceeded",
        );
    }
    if matches!(fault, Some(Fault::EditLock)) && product == Product::Zia && *method != Method::GET {
        return error_response(ApiError::new(
            Some(product),
            Kind::EditLock,
            "Another admin session holds the configuration edit lock; retry shortly",
        ));
    }
    let (route, params) = match state.table.lookup(method, path) {
        Lookup::Found(route, params) => (route, params),
        Lookup::WrongMethod(methods) => {
            let allowed: Vec<String> = methods.iter().map(|m| m.to_string()).collect();
            return error_response(
                ApiError::new(
                    Some(product),
                    Kind::MethodNotAllowed,
                    format!("{method} is not supported on {path}"),
                )
                .with_header("allow", allowed.join(", ")),
            );
        }
        Lookup::NotFound => {
            return error_response(ApiError::new(
                Some(product),
                Kind::NotFound,
                format!("No such endpoint: {method} {path}"),
            ));
        }
    };
    let identity = &state.identity;
    for (param, expected) in [
        ("customerId", &identity.customer_id),
        ("zcellCustomerId", &identity.zcell_customer_id),
    ] {
        if params.get(param).is_some_and(|v| v != expected.as_str()) {
            return error_response(ApiError::new(
                Some(product),
                Kind::NotFound,
                format!("Unknown customer {}", params.get(param).unwrap_or_default()),
            ));
        }
    }
    let parsed: Option<Value> = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        match serde_json::from_slice(body) {
            Ok(v) => Some(v),
            Err(e) => {
                return error_response(ApiError::new(
                    Some(product),
                    Kind::InvalidInput,
                    format!("Malformed JSON body: {e}"),
                ));
            }
        }
    };
    let query = Query::parse(Some(raw_query));
    let result = if route.op.writes() {
        match state.tenant.write() {
            Ok(mut tenant) => {
                let mut call = Call {
                    method,
                    path,
                    product,
                    params: &params,
                    query: &query,
                    body: parsed.as_ref(),
                    tenant: &mut tenant,
                };
                write(route.op, &mut call)
            }
            Err(_) => Err(ApiError::new(
                Some(product),
                Kind::Internal,
                "state unavailable",
            )),
        }
    } else {
        match state.tenant.read() {
            Ok(tenant) => read(
                route.op,
                &Read {
                    method,
                    path,
                    product,
                    params: &params,
                    query: &query,
                    body: parsed.as_ref(),
                    tenant: &tenant,
                },
            ),
            Err(_) => Err(ApiError::new(
                Some(product),
                Kind::Internal,
                "state unavailable",
            )),
        }
    };
    match result {
        Ok(Reply::Json(status, value)) => json_response(status, &value),
        Ok(Reply::NoContent) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => error_response(e),
    }
}

fn write(op: Op, call: &mut Call<'_>) -> Result<Reply, ApiError> {
    match op {
        Op::Create(def) => engine::create(def, call),
        Op::Replace(def) => engine::replace(def, call),
        Op::Delete(def) => engine::delete(def, call),
        Op::ReplaceSingleton(def) => engine::replace_singleton(def, call),
        Op::Custom(handler) => handler(call),
        Op::List(_) | Op::Get(_) | Op::GetSingleton(_) | Op::CustomRead(_) => {
            read(op, &call.as_read())
        }
    }
}

fn read(op: Op, read: &Read<'_>) -> Result<Reply, ApiError> {
    match op {
        Op::List(def) => engine::list(def, read),
        Op::Get(def) => engine::get(def, read),
        Op::GetSingleton(def) => engine::get_singleton(def, read),
        Op::CustomRead(handler) => handler(read),
        Op::Create(def) | Op::Replace(def) | Op::Delete(def) | Op::ReplaceSingleton(def) => {
            Err(ApiError::new(
                Some(def.product),
                Kind::Internal,
                "write operation on the read path",
            ))
        }
        Op::Custom(_) => Err(ApiError::new(
            None,
            Kind::Internal,
            "handler on the read path",
        )),
    }
}

fn too_many(product: Option<Product>, secs: u64, at: RetryAfterIn, message: &str) -> Response {
    let mut e = ApiError::new(product, Kind::RateLimited, message);
    if matches!(at, RetryAfterIn::Body | RetryAfterIn::Both)
        && let Value::Object(map) = &mut e.body
    {
        map.insert("Retry-After".to_string(), json!(format!("{secs} seconds")));
    }
    match at {
        RetryAfterIn::Header | RetryAfterIn::Both => {
            e = e.with_header("retry-after", secs.to_string())
        }
        RetryAfterIn::Suffix => e = e.with_header("retry-after", format!("{secs}s")),
        RetryAfterIn::Date => {
            let when = SystemTime::now() + Duration::from_secs(secs);
            e = e.with_header("retry-after", httpdate::fmt_http_date(when));
        }
        RetryAfterIn::Body | RetryAfterIn::None => {}
    }
    error_response(e)
}

/// Applies faults that damage the response body.
async fn apply_body_fault(response: Response, fault: Option<&Fault>) -> Response {
    let Some(fault) = fault else { return response };
    if !matches!(fault, Fault::Truncate | Fault::Malformed | Fault::Reset) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    match fault {
        Fault::Truncate => {
            let cut = body.slice(..body.len() / 2);
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(cut.len()));
            Response::from_parts(parts, Body::from(cut))
        }
        Fault::Malformed => {
            let bad = Bytes::from_static(b"{\"list\": [ {\"id\": 1, \"name\": ");
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(bad.len()));
            Response::from_parts(parts, Body::from(bad))
        }
        _ => {
            // Promise the full length, send half, then fail the body: the connection is reset
            // mid-response.
            let full = body.len().max(64);
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(full));
            let half = body.slice(..body.len() / 2);
            let stream = futures::stream::iter(vec![
                Ok::<Bytes, std::io::Error>(half),
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "sandbox fault: reset",
                )),
            ]);
            Response::from_parts(parts, Body::from_stream(stream))
        }
    }
}
