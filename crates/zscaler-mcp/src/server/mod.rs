//! The server library: [`ZscalerMcpServer`] composes configuration, catalog, MCP dispatch and
//! transports. `main.rs` only parses configuration and calls [`ZscalerMcpServer::run`].
//!
//! Composition, in request order:
//! transport (stdio | streamable HTTP | SSE) → edge layers → MCP dispatch ([`handler`]) → tool.

pub mod audit;
mod confirm;
mod discover;
pub mod entitlements;
pub mod handler;
mod meta;
pub mod posture;
pub mod reload;
mod session;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::client::Upstream;
use crate::config::{AuthMode, Config, ToolMode, Transport};
use crate::policy::selection;
use crate::service::Service;
use crate::transport::edge::{ClientAuth, CorsPolicy, Edge, HostPolicy, Limits, SourcePolicy};
use crate::transport::http::{HttpMode, HttpOptions};
use crate::transport::oauth::AuthProvider;
use crate::transport::oauth::proxy::{OidcProxy, ProxySettings};
use crate::transport::oauth::resource::{OidcResource, OidcSettings};
use crate::transport::{HandlerFactory, SessionKind, SessionLimits, http, shutdown, stdio};

pub use handler::{SERVER_NAME, Shared, VERSION, ZscalerMcp};

/// Most tools OpenAI-backed clients accept in one list (the OpenAI API's limit on a request's
/// tools); a larger static surface is warned about at startup.
pub const OPENAI_TOOL_LIMIT: usize = 128;

/// Failure to start or run the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("cannot start the embedded sandbox: {0}")]
    Sandbox(String),
    #[error("cannot set up the Zscaler client: {0}")]
    Client(String),
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot set up {mode} client authentication: {why}")]
    Auth { mode: &'static str, why: String },
    #[error("cannot use the shared state store: {0}")]
    StateStore(String),
    #[error("cannot write the PID file {path}: {source}")]
    PidFile {
        path: String,
        source: std::io::Error,
    },
    /// A live server owns the PID file.
    #[error("{0}")]
    AlreadyRunning(String),
}

/// `ZSCALER_MCP_TRUST_PLATFORM_AUTH`: the container's own credentials as the headers a client
/// of the configured mode would send (checked present at startup by the configuration).
fn platform_fallback(config: &Config) -> Option<axum::http::HeaderMap> {
    if !config.client_auth.trust_platform_auth || !config.transport.is_http() {
        return None;
    }
    let mut headers = axum::http::HeaderMap::new();
    let mut put = |name: &'static str, value: &str| {
        if let Ok(v) = axum::http::HeaderValue::from_str(value) {
            headers.insert(name, v);
        }
    };
    match config.client_auth.effective_mode() {
        Some(AuthMode::ApiKey) => put("x-api-key", config.client_auth.api_key.as_ref()?.expose()),
        Some(AuthMode::Zscaler) => {
            put("x-zscaler-client-id", config.zscaler.client_id.as_deref()?);
            put(
                "x-zscaler-client-secret",
                config.zscaler.client_secret.as_ref()?.expose(),
            );
        }
        _ => return None,
    }
    Some(headers)
}

/// The `oidc` mode's settings from the configuration (presence checked at start).
fn oidc_settings(config: &Config) -> OidcSettings {
    let o = &config.client_auth.oidc;
    let audience = o
        .audience
        .clone()
        .or_else(|| o.client_id.clone())
        .unwrap_or_default();
    let auth = &config.client_auth;
    OidcSettings {
        required_scopes: o.required_scopes.clone(),
        ca_bundle_pem: o.ca_bundle_pem.clone(),
        // ZSCALER_MCP_AUTH_ALGORITHMS when given (default RS256 alone there), else RS256+ES256.
        algorithms: if auth.algorithms == ["RS256"] {
            vec!["RS256".into(), "ES256".into()]
        } else {
            auth.algorithms.clone()
        },
        leeway: auth.leeway,
        ..OidcSettings::new(
            o.config_url.clone().unwrap_or_default(),
            o.base_url.clone().unwrap_or_default(),
            audience,
        )
    }
}

/// The `oidc-proxy` mode's settings from the configuration.
fn proxy_settings(config: &Config) -> Option<ProxySettings> {
    let o = &config.client_auth.oidc;
    Some(ProxySettings {
        audience: o.audience.clone(),
        required_scopes: o.required_scopes.clone(),
        allowed_scopes: o.allowed_scopes.clone(),
        allowed_redirect_uris: o.allowed_redirect_uris.clone(),
        client_metadata_hosts: o.client_metadata_hosts.clone(),
        ca_bundle_pem: o.ca_bundle_pem.clone(),
        token_ttl: o.token_ttl,
        ..ProxySettings::new(
            o.config_url.clone()?,
            o.client_id.clone()?,
            o.client_secret.clone()?,
            o.base_url.clone()?,
        )
    })
}

/// Builder for a configured server.
pub struct ZscalerMcpServerBuilder {
    config: Config,
    base_url: Option<String>,
    token_url: Option<String>,
    auth: Option<Arc<dyn AuthProvider>>,
}

impl ZscalerMcpServerBuilder {
    /// Authenticates HTTP callers with `provider` (an [`crate::transport::oauth::OidcResource`],
    /// [`crate::transport::oauth::OidcProxy`], or your own): the configured client
    /// authentication (`ZSCALER_MCP_AUTH_*`, `OIDCPROXY_*`) is skipped, and giving any of it
    /// as well is refused at start. The provider's own routes are served next to `/mcp`.
    pub fn auth(mut self, provider: Arc<dyn AuthProvider>) -> Self {
        self.auth = Some(provider);
        self
    }

    /// Overrides the Zscaler API gateway URL (tests, private gateways).
    pub fn zscaler_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Overrides the OneAPI token URL.
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        self.token_url = Some(url.into());
        self
    }

    pub fn build(self) -> ZscalerMcpServer {
        let upstream = self.config.zscaler.upstream(self.base_url, self.token_url);
        let config = Arc::new(self.config);
        let resolved = selection::resolve(&config);
        let shared = Shared::new(config, resolved, upstream);
        if let Some(provider) = &self.auth
            && shared.config().transport.is_http()
        {
            shared.set_client_auth_posture(provider.describe());
        }
        ZscalerMcpServer {
            shared: Arc::new(shared),
            auth: self.auth,
        }
    }
}

/// A configured Zscaler MCP server, ready to serve on its configured transport.
pub struct ZscalerMcpServer {
    shared: Arc<Shared>,
    /// A library auth provider replacing the configured client authentication.
    auth: Option<Arc<dyn AuthProvider>>,
}

impl ZscalerMcpServer {
    pub fn builder(config: Config) -> ZscalerMcpServerBuilder {
        ZscalerMcpServerBuilder {
            config,
            base_url: None,
            token_url: None,
            auth: None,
        }
    }

    /// The configuration in force (a reload may replace it while the server runs).
    pub fn config(&self) -> Arc<Config> {
        self.shared.config()
    }

    /// A new MCP handler for one session (for embedding on a custom transport).
    pub fn handler(&self, kind: SessionKind) -> ZscalerMcp {
        ZscalerMcp::new(self.shared.clone(), kind)
    }

    fn factory(&self) -> HandlerFactory<ZscalerMcp> {
        let shared = self.shared.clone();
        Arc::new(move |kind| ZscalerMcp::new(shared.clone(), kind))
    }

    /// Runs on the configured transport until EOF (stdio) or `stop` resolves, then drains.
    pub async fn run(
        self,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        self.preflight().await?;
        let tls = self.tls()?;
        // Written before anything is served, removed when `run` returns (drop), whatever the
        // reason: a stop signal, stdin EOF, a restart, or a start that failed.
        let mut pid_file = self.pid_file()?;
        // The embedded sandbox lives as long as the server does.
        let _sandbox = match &self.shared.config().sandbox {
            Some(embedded) => {
                let running = zscaler_sandbox::Sandbox::start(embedded.to_config())
                    .await
                    .map_err(|e| ServerError::Sandbox(e.to_string()))?;
                self.shared.use_upstream(Upstream::sandbox(&running));
                tracing::warn!(
                    "SANDBOX: serving a simulated Zscaler tenant at {} (seed {}): no real tenant is reached",
                    running.base_url,
                    embedded.seed
                );
                Some(running)
            }
            None => None,
        };
        // Fail closed: a client that cannot be built (e.g. an unreadable CA bundle) stops startup.
        let client = self
            .shared
            .client()
            .map_err(|e| ServerError::Client(e.to_string()))?;
        if client.is_sandbox() {
            // The real client, against the sandbox: prove the credentials work before serving.
            let token = client
                .access_token()
                .await
                .map_err(|e| ServerError::Sandbox(e.to_string()))?;
            let products: Vec<String> = token
                .claims()
                .and_then(|c| c.get("service-info").cloned())
                .and_then(|s| s.as_array().cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(|p| p.get("prd").and_then(|v| v.as_str()).map(str::to_string))
                .collect();
            tracing::info!(
                "SANDBOX: the Zscaler client authenticated at {} (entitled: {})",
                client.base_url(),
                products.join(", ")
            );
        }
        self.apply_entitlement_filter(&client).await;
        if let Some(warning) = crate::policy::write_gate::warning(&self.shared.config()) {
            tracing::warn!("{warning}");
        }
        self.log_startup();
        match self.shared.config().transport {
            Transport::Stdio => {
                let cancel = CancellationToken::new();
                let drain = tokio::spawn(shutdown::drain(
                    stop,
                    self.shared.inflight.clone(),
                    self.shared.config().http.shutdown_grace,
                    cancel.clone(),
                ));
                let result = stdio::serve(self.handler(SessionKind::Stdio), cancel.clone()).await;
                cancel.cancel();
                let _ = drain.await;
                Ok(result?)
            }
            Transport::StreamableHttp | Transport::Sse => {
                let addr = format!(
                    "{}:{}",
                    self.shared.config().http.host,
                    self.shared.config().http.port
                );
                let listener =
                    TcpListener::bind(&addr)
                        .await
                        .map_err(|source| ServerError::Bind {
                            addr: addr.clone(),
                            source,
                        })?;
                if let Some(file) = &mut pid_file {
                    file.set_port(listener.local_addr()?.port());
                }
                self.serve_on(listener, tls, stop).await
            }
        }
    }

    /// Checks made before anything is served: settings that would not be enforced, the
    /// confirmation keys, and the shared state store (which must answer: confirmations fail
    /// closed without it).
    async fn preflight(&self) -> Result<(), ServerError> {
        // A library user's configuration gets the same refusal as the binary's.
        let config = self.shared.config();
        crate::config::unenforced::refuse_unenforced_with(&config, self.auth.is_some())?;
        if let Err(e) = &self.shared.confirmations {
            return Err(e.clone().into());
        }
        if let Some(e) = &self.shared.state_error {
            return Err(e.clone().into());
        }
        if let Some(store) = &self.shared.state {
            store
                .check()
                .await
                .map_err(|e| ServerError::StateStore(format!("{} at {}", e, store.describe())))?;
            tracing::info!(
                "shared state store: {} (confirmations, the tenant's rate budget and per-caller \
                 limits are shared by every replica using it)",
                config.state_store.describe()
            );
            let write = &config.write;
            if write.enabled && write.request_state_keys.is_empty() {
                tracing::warn!(
                    "ZSCALER_MCP_STATE_STORE is shared but ZSCALER_MCP_REQUEST_STATE_KEYS is not \
                     set: each replica seals confirmations with its own key, so a confirmation \
                     issued by one replica is refused by the others (set the same key ring on \
                     every replica)"
                );
            }
        }
        Ok(())
    }

    /// Takes the PID file ([`Config::serving_pid_file`]): refused when a live server owns it;
    /// a configured one that cannot be written stops the start, the default one is a warning.
    fn pid_file(&self) -> Result<Option<crate::lifecycle::PidFile>, ServerError> {
        use crate::lifecycle::{PidError, PidFile, PidRecord};
        let config = self.shared.config();
        let Some((path, configured)) = config.serving_pid_file() else {
            return Ok(None);
        };
        match PidFile::acquire(&path, PidRecord::of(&config), !configured) {
            Ok(file) => Ok(Some(file)),
            Err(e @ PidError::Running { .. }) => Err(ServerError::AlreadyRunning(e.to_string())),
            Err(PidError::Io { path, source }) if configured => Err(ServerError::PidFile {
                path: path.display().to_string(),
                source,
            }),
            Err(e) => {
                tracing::warn!(
                    "{e}: the lifecycle subcommands (status, reload, restart, stop) will not \
                     find this server; set --pid-file / ZSCALER_MCP_PID_FILE to a writable path"
                );
                Ok(None)
            }
        }
    }

    /// Applies reloaded configurations to this server while it runs (SIGHUP).
    pub fn reloader(&self) -> reload::Reloader {
        reload::Reloader::new(self.shared.clone())
    }

    /// The TLS material, read and checked before anything is served.
    fn tls(&self) -> Result<Option<Arc<rustls::ServerConfig>>, ServerError> {
        let config = &self.shared.config();
        match &config.http.tls {
            Some(tls) if config.transport.is_http() => {
                Ok(Some(crate::transport::tls::server_config(tls)?))
            }
            _ => Ok(None),
        }
    }

    /// Serves HTTP on an already-bound listener (tests bind port 0), after the same startup
    /// refusal as [`Self::run`]: an unenforced setting serves nothing.
    pub async fn serve_http(
        self,
        listener: TcpListener,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        self.preflight().await?;
        let tls = self.tls()?;
        self.serve_on(listener, tls, stop).await
    }

    async fn serve_on(
        self,
        listener: TcpListener,
        tls: Option<Arc<rustls::ServerConfig>>,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let config = &self.shared.config();
        let local: SocketAddr = listener.local_addr()?;
        let cancel = CancellationToken::new();
        let hosts = if config.http.disable_host_validation {
            HostPolicy::disabled()
        } else {
            HostPolicy::new(&config.http.host, &config.http.allowed_hosts)
        };
        // `refuse_unenforced` (run before serving) leaves api-key, jwt and zscaler as the modes
        // with a layer.
        let auth = match (
            config.client_auth.effective_mode(),
            &config.client_auth.api_key,
        ) {
            _ if self.auth.is_some() => {
                self.auth.clone().map(|p| Arc::new(ClientAuth::Provider(p)))
            }
            (Some(AuthMode::Oidc), _) => {
                let provider = OidcResource::discover(oidc_settings(config))
                    .await
                    .map_err(|why| ServerError::Auth { mode: "oidc", why })?;
                Some(Arc::new(ClientAuth::Provider(Arc::new(provider))))
            }
            (Some(AuthMode::OidcProxy), _) => {
                let settings = proxy_settings(config).ok_or(ServerError::Auth {
                    mode: "oidc-proxy",
                    why: "OIDCPROXY_CONFIG_URL, OIDCPROXY_BASE_URL, OIDCPROXY_CLIENT_ID and \
                          OIDCPROXY_CLIENT_SECRET are required"
                        .into(),
                })?;
                let provider =
                    OidcProxy::discover(settings)
                        .await
                        .map_err(|why| ServerError::Auth {
                            mode: "oidc-proxy",
                            why,
                        })?;
                Some(Arc::new(ClientAuth::Provider(Arc::new(provider))))
            }
            (Some(AuthMode::ApiKey), Some(key)) => Some(Arc::new(ClientAuth::api_key(key))),
            (Some(AuthMode::Jwt), _) => Some(Arc::new(ClientAuth::jwt(&config.client_auth)?)),
            (Some(AuthMode::Zscaler), _) => {
                // Callers are validated at the token URL of the server's own client (after the
                // embedded sandbox, if any, replaced it) and call through clients derived from it.
                let client = self
                    .shared
                    .client()
                    .map_err(|e| ServerError::Client(e.to_string()))?;
                let auth = ClientAuth::zscaler(client)?;
                if let ClientAuth::Zscaler(z) = &auth {
                    tracing::info!(
                        "zscaler client authentication: callers' OneAPI client credentials are \
                         validated at {}; their tool calls use their own tokens",
                        z.token_url()
                    );
                }
                Some(Arc::new(auth))
            }
            _ => None,
        };
        let mode = match config.transport {
            Transport::Sse => HttpMode::Sse,
            _ => HttpMode::Streamable {
                stateless: config.http.stateless,
            },
        };
        let app = http::router(
            self.factory(),
            HttpOptions {
                mode,
                edge: Edge {
                    sources: SourcePolicy {
                        allowed: config.http.allowed_source_ips.clone(),
                        trusted_proxies: config.http.trusted_proxies.clone(),
                    },
                    hosts,
                    cors: CorsPolicy {
                        origins: config.http.allowed_origins.clone(),
                        loopback_bind: config.http.binds_loopback(),
                    },
                    auth,
                    platform_fallback: platform_fallback(config),
                    limits: Arc::new(Limits::new(
                        config.http.max_body_bytes,
                        config.http.client_rate_limit,
                        self.shared.state.clone(),
                    )),
                },
                cancel: cancel.clone(),
                max_body_bytes: config.http.max_body_bytes,
                sessions: SessionLimits {
                    max: config.http.max_sessions,
                    idle_timeout: config.http.session_idle_timeout,
                },
            },
        );
        let path = if mode == HttpMode::Sse {
            "/sse"
        } else {
            "/mcp"
        };
        tracing::info!(
            "listening on {}://{local}{path} (transport={}, sessions={})",
            if tls.is_some() { "https" } else { "http" },
            config.transport,
            match mode {
                HttpMode::Sse => "sse",
                HttpMode::Streamable { stateless: true } => "stateless",
                HttpMode::Streamable { stateless: false } => "stateful",
            }
        );
        let lifecycle = shutdown::Lifecycle {
            inflight: self.shared.inflight.clone(),
            grace: config.http.shutdown_grace,
            sessions: cancel,
        };
        Ok(shutdown::serve_http(listener, app, lifecycle, tls, stop).await?)
    }

    /// Narrows the exposed services to the token's entitlements (never fatal).
    async fn apply_entitlement_filter(&self, client: &crate::client::ZscalerClient) {
        let config = &self.shared.config();
        if !config.selection.entitlement_filter {
            tracing::info!("OneAPI entitlement filter disabled by configuration.");
            return;
        }
        let upstream = self.shared.upstream();
        if upstream.grant.is_none() || upstream.client_id.is_none() {
            if self.shared.per_caller_tokens() {
                tracing::info!(
                    "OneAPI entitlement filter: no server credentials, so the exposed services \
                     are not narrowed at startup; each zscaler-mode caller's tools follow its own \
                     token's entitlements"
                );
            } else {
                tracing::warn!(
                    "OneAPI entitlement filter skipped (no OneAPI credentials: ZSCALER_CLIENT_ID \
                     with ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY)"
                );
            }
            return;
        }
        match entitlements::check(client).await {
            Err(reason) => tracing::warn!("OneAPI entitlement filter skipped ({reason})"),
            Ok(found) => {
                if !found.unknown.is_empty() {
                    tracing::warn!(
                        "entitlement filter: the token carries product values with no known \
                         service, ignored: [{}]. If one is a product this server has tools for, \
                         its tools are missing because of a mapping gap, not an entitlement: \
                         please report it.",
                        found.unknown.join(", ")
                    );
                }
                let available = self.shared.exposed().resolved.services.clone();
                let (kept, removed): (Vec<Service>, Vec<Service>) =
                    available.iter().partition(|s| found.services.contains(s));
                let codes =
                    |v: &[Service]| v.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ");
                if removed.is_empty() {
                    tracing::info!(
                        "OneAPI entitlement filter applied: entitled services=[{}], kept {} service(s)",
                        codes(&found.services),
                        kept.len()
                    );
                } else {
                    tracing::info!(
                        "OneAPI entitlement filter applied: entitled services=[{}], kept {} service(s), removed {} service(s): [{}]",
                        codes(&found.services),
                        kept.len(),
                        removed.len(),
                        codes(&removed)
                    );
                }
                self.shared.apply_entitlements(found.services);
            }
        }
    }

    fn log_startup(&self) {
        let exposed = self.shared.exposed();
        let r = &exposed.resolved;
        tracing::info!(
            "zscaler-mcp {VERSION} starting: transport={}, {} service(s), {} toolset(s), {} tool(s), tool_mode={}",
            self.shared.config().transport,
            r.services.len(),
            r.toolsets.len(),
            r.tools.len(),
            self.shared.config().selection.tool_mode.as_str()
        );
        for line in self.shared.posture().banner() {
            tracing::info!("{line}");
        }
        let config = &self.shared.config();
        if config.selection.tool_mode == ToolMode::Static && r.tools.len() > OPENAI_TOOL_LIMIT {
            tracing::warn!(
                "tools/list has {} tools, more than the {OPENAI_TOOL_LIMIT} that OpenAI-backed \
                 clients accept (they refuse or truncate the list): serve with --tool-mode \
                 discover (ZSCALER_MCP_TOOL_MODE=discover: 7 tools that search, describe and \
                 call the others) or --toolsets default (ZSCALER_MCP_TOOLSETS=default: a curated \
                 set)",
                r.tools.len()
            );
        }
        if !config.output.sanitize {
            tracing::warn!(
                "Output sanitization is DISABLED (ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION): tool \
                 results reach the agent with invisible characters, HTML and Markdown links as \
                 the tenant stored them"
            );
        }
        if config.transport.is_http()
            && config.client_auth.effective_mode() == Some(crate::config::AuthMode::None)
        {
            tracing::warn!(
                "Client authentication is OFF (ZSCALER_MCP_AUTH_MODE=none or \
                 ZSCALER_MCP_AUTH_ENABLED=false): anyone who can reach this port can call the tools"
            );
        }
        if platform_fallback(config).is_some() {
            tracing::warn!(
                "Platform-enforced authentication is TRUSTED (ZSCALER_MCP_TRUST_PLATFORM_AUTH, {} \
                 mode): a request without credentials is served as this container's own \
                 credentials. Only the platform in front (AWS IAM on InvokeAgentRuntime) \
                 authenticates such callers; if this server is reachable any other way, remove \
                 the variable now",
                config
                    .client_auth
                    .effective_mode()
                    .map(AuthMode::as_str)
                    .unwrap_or_default()
            );
        }
        if config.write.skip_confirmations {
            tracing::warn!(
                "Delete confirmation is OFF (ZSCALER_MCP_SKIP_CONFIRMATIONS): allowlisted delete \
                 tools run on the first call, with no human asked"
            );
        } else if config.write.enabled
            && config.transport.is_http()
            && config.write.request_state_keys.is_empty()
        {
            tracing::warn!(
                "Delete confirmations are sealed with a per-process key: they are valid only on \
                 this replica and do not survive a restart; with several replicas set \
                 ZSCALER_MCP_REQUEST_STATE_KEYS to a shared key ring"
            );
        }
    }
}
