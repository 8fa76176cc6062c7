//! Configuration: parsed once from flags, the environment and `.env` into one validated
//! [`Config`]. Every later stage reads this value; nothing reads the environment again.
//!
//! Invalid input is refused here, before anything starts: the error names the flag or variable,
//! the value (never a secret's), and what is accepted. `main` prints it and exits 2.

pub mod aws_args;
mod cli;
pub mod cloud;
mod environment;
pub mod sandbox;
pub mod unenforced;
pub mod url_policy;
mod values;

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

pub use cli::{Cli, ClientConfigArgs, Command, LifecycleArgs, SandboxArgs};
pub use environment::Environment;
pub use sandbox::EmbeddedSandbox;
pub use values::{IpRule, parse_bool};
/// The standalone sandbox's settings.
pub use zscaler_sandbox::SandboxConfig as SandboxConfigValue;

use crate::pattern::NamePattern;
pub use crate::secret::Secret;
use crate::service::Service;

/// What the process was asked to do.
#[derive(Debug, Clone)]
pub enum Invocation {
    /// Run the MCP server.
    Serve(Box<Config>),
    /// `--version`.
    Version,
    /// `--list-tools [--json]`: the catalog after the service filters.
    ListTools { config: Box<Config>, json: bool },
    /// `zscaler-mcp sandbox ...`: run the simulated tenant on its own.
    Sandbox {
        config: Box<zscaler_sandbox::SandboxConfig>,
        debug: bool,
    },
    /// `--generate-auth-token [basic|bearer]`.
    GenerateAuthToken {
        config: Box<Config>,
        format: TokenFormat,
    },
    /// `zscaler-mcp aws ...`; `config` (the selection) only for `export-tool-schema`.
    Aws {
        command: aws_args::AwsCommand,
        config: Option<Box<Config>>,
    },
    /// `status`, `reload`, `restart`, `stop`: act on the server owning `pid_file`; `wait`
    /// bounds how long `stop` and `restart` wait for it (its shutdown grace and a margin).
    Lifecycle {
        action: LifecycleAction,
        pid_file: PathBuf,
        wait: Duration,
    },
    /// `config <client>`: the client configuration entry for these settings.
    ClientConfig {
        config: Box<Config>,
        client: ClientKind,
    },
}

/// A lifecycle subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleAction {
    Status,
    Reload,
    Restart,
    Stop,
}

impl LifecycleAction {
    pub fn as_str(self) -> &'static str {
        match self {
            LifecycleAction::Status => "status",
            LifecycleAction::Reload => "reload",
            LifecycleAction::Restart => "restart",
            LifecycleAction::Stop => "stop",
        }
    }
}

/// The MCP clients `zscaler-mcp config` writes an entry for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    /// Claude Desktop (`claude_desktop_config.json`, `mcpServers`).
    Claude,
    /// Cursor (`.cursor/mcp.json`, `mcpServers`).
    Cursor,
    /// VS Code (`.vscode/mcp.json`, `servers` with `type`).
    VsCode,
}

impl ClientKind {
    pub const ACCEPTED: &str = "claude, cursor or vscode";

    pub fn parse(text: &str) -> Option<ClientKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "claude" | "claude-desktop" => Some(ClientKind::Claude),
            "cursor" => Some(ClientKind::Cursor),
            "vscode" | "vs-code" | "code" => Some(ClientKind::VsCode),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenFormat {
    Basic,
    Bearer,
}

/// The MCP transport the server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    Stdio,
    StreamableHttp,
    Sse,
}

impl Transport {
    pub fn as_str(self) -> &'static str {
        match self {
            Transport::Stdio => "stdio",
            Transport::StreamableHttp => "streamable-http",
            Transport::Sse => "sse",
        }
    }
    pub fn is_http(self) -> bool {
        self != Transport::Stdio
    }
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The whole configuration of one server process.
#[derive(Debug, Clone)]
pub struct Config {
    pub transport: Transport,
    pub http: HttpConfig,
    pub selection: Selection,
    pub write: WriteConfig,
    pub client_auth: ClientAuthConfig,
    pub zscaler: ZscalerConfig,
    /// The Zscaler client's timeouts, retries, caps, rate budgets and concurrency.
    pub client: crate::client::ClientSettings,
    pub logging: LoggingConfig,
    pub output: OutputConfig,
    /// The `.env` file that was loaded, if any.
    pub dotenv_file: Option<PathBuf>,
    /// `--sandbox`: run against an embedded simulated tenant.
    pub sandbox: Option<EmbeddedSandbox>,
    /// Where OneAPI credentials are loaded from at startup, besides the environment.
    pub secrets: SecretSources,
    /// `--pid-file` / `ZSCALER_MCP_PID_FILE`.
    pub pid_file: Option<PathBuf>,
    /// Where state shared by replicas lives (`ZSCALER_MCP_STATE_STORE`).
    pub state_store: StateStoreConfig,
    /// The PID file used when none is configured: by an HTTP server on a fixed port, and by the
    /// lifecycle subcommands ([`default_pid_file`] for this port).
    pub default_pid_file: Option<PathBuf>,
}

impl Config {
    /// The PID file a serving process writes: the configured one (`true`: failing to write it
    /// stops the start), else the default of an HTTP transport on a fixed port (`false`: a
    /// failure is a warning). stdio servers, started once per client, and port 0 write none
    /// unless told to.
    pub fn serving_pid_file(&self) -> Option<(PathBuf, bool)> {
        if let Some(path) = &self.pid_file {
            return Some((path.clone(), true));
        }
        if !self.transport.is_http() || self.http.port == 0 {
            return None;
        }
        self.default_pid_file.clone().map(|p| (p, false))
    }

    /// The PID file the lifecycle subcommands look at: the configured one, else the default.
    pub fn lifecycle_pid_file(&self) -> Option<PathBuf> {
        self.pid_file
            .clone()
            .or_else(|| self.default_pid_file.clone())
    }
}

/// The PID file when none is configured: `zscaler-mcp-<port>.pid` (one per port: two servers
/// cannot share one) in `$XDG_RUNTIME_DIR` (a per-user tmpfs), else in
/// `$XDG_STATE_HOME/zscaler-mcp`, else in `$HOME/.local/state/zscaler-mcp`. `None` when none of
/// those is set to an absolute path.
pub fn default_pid_file(port: u16, env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let absolute = |name: &str| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    let dir = absolute("XDG_RUNTIME_DIR")
        .or_else(|| absolute("XDG_STATE_HOME").map(|d| d.join("zscaler-mcp")))
        .or_else(|| absolute("HOME").map(|h| h.join(".local/state/zscaler-mcp")))?;
    Some(dir.join(format!("zscaler-mcp-{port}.pid")))
}

/// `ZSCALER_MCP_STATE_STORE`: this process's memory (default), or a Redis that replicas share
/// for confirmations, the tenant's rate budget and per-caller limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StateStoreConfig {
    #[default]
    Memory,
    Redis {
        /// `redis://` or `rediss://`; may carry a password, so never printed.
        url: Secret,
        /// Key prefix (`ZSCALER_MCP_STATE_PREFIX`, default `zscaler-mcp`).
        prefix: String,
    },
}

impl StateStoreConfig {
    /// `memory`, or `redis://host:port/db` without credentials.
    pub fn describe(&self) -> String {
        match self {
            StateStoreConfig::Memory => "memory (this process)".to_string(),
            StateStoreConfig::Redis { url, prefix } => format!(
                "{} (prefix {prefix})",
                crate::state::describe_url(url.expose())
            ),
        }
    }
}

/// HTTP listener and edge settings (streamable HTTP and SSE transports).
#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub host: String,
    pub port: u16,
    /// Serve without sessions (each POST self-contained), for replicas behind a load balancer.
    pub stateless: bool,
    pub tls: Option<TlsConfig>,
    /// Plaintext on a non-loopback bind is allowed because TLS ends upstream.
    pub allow_http: bool,
    pub allowed_hosts: Vec<String>,
    pub disable_host_validation: bool,
    pub allowed_source_ips: Vec<IpRule>,
    /// Peers whose `X-Forwarded-For` / `Forwarded` headers are believed (default: none).
    pub trusted_proxies: Vec<IpRule>,
    pub allowed_origins: Vec<String>,
    /// How long in-flight calls may run after SIGINT/SIGTERM before the process exits.
    pub shutdown_grace: Duration,
    /// Most open sessions per session kind (stateful streamable HTTP, legacy SSE).
    pub max_sessions: usize,
    /// A session without any traffic for this long is closed.
    pub session_idle_timeout: Duration,
    /// Requests per authenticated caller (or per client address without authentication) in a
    /// window; `None`: no limit.
    pub client_rate_limit: Option<ClientRateLimit>,
    /// Largest request body accepted (413 above it).
    pub max_body_bytes: usize,
}

/// `ZSCALER_MCP_CLIENT_RATE_LIMIT`: `count` requests per `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientRateLimit {
    pub count: u32,
    pub per: Duration,
}

impl HttpConfig {
    pub fn binds_loopback(&self) -> bool {
        self.host == "localhost" || self.host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }
}

#[derive(Debug, Clone)]
pub struct TlsConfig {
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
    pub key_password: Option<Secret>,
    pub ca_certs: Option<PathBuf>,
}

/// Which tools are exposed. Filter order is documented in `docs/configuration.md`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// `None`: every service.
    pub services: Option<Vec<Service>>,
    pub disabled_services: Vec<Service>,
    /// `None`: every tool.
    pub tools: Option<Vec<NamePattern>>,
    pub disabled_tools: Vec<NamePattern>,
    pub toolsets: ToolsetSelection,
    pub disabled_toolsets: Vec<String>,
    pub entitlement_filter: bool,
    /// `--tool-mode`: what `tools/list` shows of the selection.
    pub tool_mode: ToolMode,
}

/// What `tools/list` shows (`--tool-mode`, `ZSCALER_MCP_TOOL_MODE`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ToolMode {
    /// Every selected tool, plus the meta tools.
    #[default]
    Static,
    /// The meta tools and three discovery tools (search, describe, call) through which every
    /// selected tool is reached.
    Discover,
}

impl ToolMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ToolMode::Static => "static",
            ToolMode::Discover => "discover",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ToolsetSelection {
    /// Not given: every toolset of the enabled services.
    #[default]
    Unset,
    /// `all`.
    All,
    /// Explicit ids; `default` may be among them.
    Ids(Vec<String>),
}

#[derive(Debug, Clone, Default)]
pub struct WriteConfig {
    pub enabled: bool,
    pub allowlist: Vec<NamePattern>,
    pub skip_confirmations: bool,
    pub confirmation_ttl: Duration,
    /// Keys sealing confirmation and request state; the first seals, all unseal.
    pub request_state_keys: Vec<Secret>,
    /// `ZSCALER_MCP_WRITE_SCOPE`: the scope an HTTP caller's token must carry to see and call
    /// write tools (jwt, oidc, oidc-proxy or a library auth provider).
    pub scope: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    None,
    ApiKey,
    Jwt,
    Zscaler,
    /// OAuth protected resource (RFC 9728): the identity provider's access tokens for our
    /// audience, verified locally.
    Oidc,
    /// OAuth authorization-server proxy in front of the identity provider: client
    /// registration, authorization, tokens of our own.
    OidcProxy,
}

impl AuthMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthMode::None => "none",
            AuthMode::ApiKey => "api-key",
            AuthMode::Jwt => "jwt",
            AuthMode::Zscaler => "zscaler",
            AuthMode::Oidc => "oidc",
            AuthMode::OidcProxy => "oidc-proxy",
        }
    }
}

/// Who may connect over HTTP. Resolved into an enforcing layer by the security stage.
#[derive(Debug, Clone, Default)]
pub struct ClientAuthConfig {
    /// `ZSCALER_MCP_AUTH_ENABLED` as given; `None` means auto-detect from the other settings.
    pub enabled: Option<bool>,
    pub mode: Option<AuthMode>,
    pub api_key: Option<Secret>,
    pub jwks_uri: Option<String>,
    pub issuer: Option<String>,
    pub audience: String,
    pub algorithms: Vec<String>,
    /// `ZSCALER_MCP_AUTH_LEEWAY_SECONDS`: clock skew allowed on a JWT's `exp`, `nbf` and `iat`
    /// (default 30 s, at most 300 s).
    pub leeway: Duration,
    pub trust_platform_auth: bool,
    pub oidc: OidcProxyConfig,
}

impl ClientAuthConfig {
    /// The mode in force on an HTTP transport (spec 001 auto-detection): an explicit
    /// `ZSCALER_MCP_AUTH_ENABLED=false` means none; an explicit mode wins; otherwise an API key
    /// means api-key and a JWKS URI means jwt. `None`: nothing configured.
    pub fn effective_mode(&self) -> Option<AuthMode> {
        if self.enabled == Some(false) {
            return Some(AuthMode::None);
        }
        self.mode
            .or_else(|| self.api_key.as_ref().map(|_| AuthMode::ApiKey))
            .or_else(|| self.jwks_uri.as_ref().map(|_| AuthMode::Jwt))
    }
}

/// The `oidc` and `oidc-proxy` modes' settings (`OIDCPROXY_*`).
#[derive(Debug, Clone)]
pub struct OidcProxyConfig {
    /// `OIDCPROXY_CONFIG_URL`: the identity provider's OpenID discovery document.
    pub config_url: Option<String>,
    /// `OIDCPROXY_BASE_URL`: this server's public URL (`https://host` or `https://host/mcp`).
    pub base_url: Option<String>,
    /// `OIDCPROXY_AUDIENCE`: oidc, the `aud` the provider's access tokens carry for this
    /// server (default the client id); oidc-proxy, sent to the provider as `audience`.
    pub audience: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<Secret>,
    pub required_scopes: Vec<String>,
    /// `OIDCPROXY_ALLOWED_SCOPES` (oidc-proxy): scopes clients may be granted besides the
    /// required ones.
    pub allowed_scopes: Vec<String>,
    /// `OIDCPROXY_ALLOWED_REDIRECT_URIS` (oidc-proxy): patterns a client's redirect URIs must
    /// match (`*` any run of characters); default loopback only.
    pub allowed_redirect_uris: Vec<String>,
    /// `OIDCPROXY_CLIENT_METADATA_HOSTS` (oidc-proxy): hosts whose Client ID Metadata Documents
    /// are fetched; empty: any public host.
    pub client_metadata_hosts: Vec<String>,
    /// `OIDCPROXY_CA_BUNDLE`: extra roots for the provider's and client metadata URLs.
    pub ca_bundle_pem: Option<Vec<u8>>,
    /// `OIDCPROXY_TOKEN_TTL` (oidc-proxy): lifetime of the access tokens this server issues.
    pub token_ttl: Duration,
}

impl Default for OidcProxyConfig {
    fn default() -> OidcProxyConfig {
        OidcProxyConfig {
            config_url: None,
            base_url: None,
            audience: None,
            client_id: None,
            client_secret: None,
            required_scopes: Vec::new(),
            allowed_scopes: Vec::new(),
            allowed_redirect_uris: Vec::new(),
            client_metadata_hosts: Vec::new(),
            ca_bundle_pem: None,
            token_ttl: Duration::from_secs(900),
        }
    }
}

/// OneAPI credentials and client settings for the Zscaler side.
#[derive(Debug, Clone, Default)]
pub struct ZscalerConfig {
    pub client_id: Option<String>,
    pub client_secret: Option<Secret>,
    /// `ZSCALER_PRIVATE_KEY` (PEM text, JWK JSON or a file path), parsed and checked: the
    /// private-key JWT grant. Takes precedence over the client secret, as in the official SDK.
    pub private_key: Option<crate::client::PrivateKey>,
    pub customer_id: Option<String>,
    pub vanity_domain: Option<String>,
    pub cloud: String,
    pub zcell_customer_id: Option<String>,
    pub user_agent_comment: Option<String>,
    /// `ZSCALER_MCP_API_BASE_URL`: the OneAPI gateway, replacing the cloud's (a private
    /// gateway, or a standalone `zscaler-mcp sandbox`). Plain `http` only on loopback.
    pub api_base_url: Option<String>,
    /// `ZSCALER_MCP_TOKEN_URL`: the OneAPI token endpoint, replacing the vanity domain's.
    pub token_url: Option<String>,
}

impl ZscalerConfig {
    /// The real tenant these settings name, with optional URL overrides.
    pub fn upstream(
        &self,
        base_url: Option<String>,
        token_url: Option<String>,
    ) -> crate::client::Upstream {
        let vanity = self.vanity_domain.as_deref().unwrap_or("<vanity-domain>");
        let (base, token) = crate::client::upstream::cloud_urls(&self.cloud, vanity);
        crate::client::Upstream {
            base_url: base_url
                .or_else(|| self.api_base_url.clone())
                .unwrap_or(base),
            token_url: token_url
                .or_else(|| self.token_url.clone())
                .unwrap_or(token),
            client_id: self.client_id.clone(),
            // The private key wins over a secret, as in the official SDK.
            grant: match (&self.private_key, &self.client_secret) {
                (Some(key), _) => Some(crate::client::Grant::PrivateKey(key.clone())),
                (None, Some(secret)) => Some(crate::client::Grant::ClientSecret(secret.clone())),
                (None, None) => None,
            },
            customer_id: self.customer_id.clone(),
            zcell_customer_id: self.zcell_customer_id.clone(),
            sandbox: false,
        }
    }
}

/// Cloud secret stores holding the OneAPI credentials (spec 004: AWS Secrets Manager).
#[derive(Debug, Clone, Default)]
pub struct SecretSources {
    /// `ZSCALER_SECRET_NAME`: an AWS Secrets Manager secret to load credentials from.
    pub aws_secret_name: Option<String>,
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    pub aws_region: Option<String>,
    /// `ZSCALER_MCP_GCP_SECRET_MANAGER`: load credentials from GCP Secret Manager.
    pub gcp_secret_manager: bool,
    /// `GCP_PROJECT_ID`.
    pub gcp_project_id: Option<String>,
    /// What the secret stores set at startup (keys and log lines, never values).
    pub loaded: cloud::LoadedSecrets,
}

#[derive(Debug, Clone, Default)]
pub struct LoggingConfig {
    pub debug: bool,
    pub log_tool_calls: bool,
    /// One JSON object per line instead of text.
    pub json: bool,
}

#[derive(Debug, Clone, Default)]
pub struct OutputConfig {
    pub sanitize: bool,
    pub report_tokens: bool,
    /// `ZSCALER_MCP_TOKEN_ENCODING`: tokenizer for token reports (default `o200k_base`).
    pub token_encoding: String,
}

/// A configuration value that cannot be used. Displayed as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The flag or variable, as the user wrote it (`--port`, `ZSCALER_MCP_PORT (from ./.env)`).
    pub source: String,
    /// The offending value, or `<redacted>` for secrets.
    pub value: String,
    pub expected: String,
}

impl ConfigError {
    pub fn new(
        source: impl Into<String>,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> ConfigError {
        ConfigError {
            source: source.into(),
            value: value.into(),
            expected: expected.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid {} '{}': expected {}",
            self.source, self.value, self.expected
        )
    }
}

impl std::error::Error for ConfigError {}

/// Parses the process's arguments and environment (`main`'s entry point).
pub fn from_process() -> Result<Invocation, StartError> {
    let cli = <Cli as clap::Parser>::parse();
    let mut env = Environment::load(cli.dotenv_path.as_deref())?;
    // Credentials from a cloud secret store join the snapshot before anything is parsed.
    let mut loaded = cloud::LoadedSecrets::default();
    // Lifecycle, `config` and `aws` subcommands never read the credentials a secret store
    // holds (`aws deploy` writes the secret a `.env` may name).
    let needs_secrets = !cli.version
        && !cli
            .command
            .as_ref()
            .is_some_and(|c| c.is_lifecycle() || matches!(c, Command::Config(_) | Command::Aws(_)));
    if cloud::configured(&env) && needs_secrets {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| StartError::Secrets(format!("cannot start the async runtime: {e}")))?;
        loaded = runtime
            .block_on(cloud::load_into(&mut env))
            .map_err(StartError::Secrets)?;
    }
    let mut invocation = resolve(cli, &env)?;
    match &mut invocation {
        Invocation::Serve(config) => {
            config.secrets.loaded = loaded;
            unenforced::refuse_unenforced(config)?;
        }
        Invocation::ListTools { config, .. } | Invocation::GenerateAuthToken { config, .. } => {
            config.secrets.loaded = loaded;
        }
        Invocation::Version
        | Invocation::Sandbox { .. }
        | Invocation::Aws { .. }
        | Invocation::Lifecycle { .. }
        | Invocation::ClientConfig { .. } => {}
    }
    Ok(invocation)
}

/// The serving configuration parsed again, exactly as at startup (`from_process`): the same
/// arguments, a fresh snapshot of the process environment, the `.env` file read again, the
/// cloud secret stores read again, then validated. The reload path (SIGHUP) is the only caller
/// that reads the environment after startup.
pub async fn reparse() -> Result<Config, String> {
    let cli = <Cli as clap::Parser>::try_parse_from(std::env::args_os())
        .map_err(|e| e.to_string().lines().next().unwrap_or_default().to_string())?;
    let mut env = Environment::load(cli.dotenv_path.as_deref()).map_err(|e| e.to_string())?;
    let mut loaded = cloud::LoadedSecrets::default();
    if cloud::configured(&env) {
        loaded = cloud::load_into(&mut env).await?;
    }
    match resolve(cli, &env).map_err(|e| e.to_string())? {
        Invocation::Serve(mut config) => {
            config.secrets.loaded = loaded;
            unenforced::refuse_unenforced(&config).map_err(|e| e.to_string())?;
            Ok(*config)
        }
        _ => Err("the command line is not that of a serving process".to_string()),
    }
}

/// Why the process cannot start: a setting (exit 2) or a cloud secret store (exit 1).
#[derive(Debug)]
pub enum StartError {
    Config(ConfigError),
    Secrets(String),
}

impl From<ConfigError> for StartError {
    fn from(e: ConfigError) -> StartError {
        StartError::Config(e)
    }
}

/// Resolves flags against an environment snapshot into an [`Invocation`].
pub fn resolve(cli: Cli, env: &Environment) -> Result<Invocation, ConfigError> {
    if cli.version {
        return Ok(Invocation::Version);
    }
    if let Some(Command::Sandbox(args)) = &cli.command {
        let debug = cli.debug
            || values::parse_bool(env.get("ZSCALER_MCP_DEBUG").unwrap_or("false")).unwrap_or(false);
        return sandbox::resolve(args).map(|config| Invocation::Sandbox {
            config: Box::new(config),
            debug,
        });
    }
    let input = values::Input { cli: &cli, env };
    if let Some(Command::Aws(args)) = &cli.command {
        let config = match args.command {
            aws_args::AwsCommand::ExportToolSchema(_) => {
                Some(Box::new(values::build_config(&input)?))
            }
            _ => None,
        };
        return Ok(Invocation::Aws {
            command: args.command.clone(),
            config,
        });
    }
    if let Some(
        command @ (Command::Status(args)
        | Command::Reload(args)
        | Command::Restart(args)
        | Command::Stop(args)),
    ) = &cli.command
    {
        let action = match command {
            Command::Status(_) => LifecycleAction::Status,
            Command::Reload(_) => LifecycleAction::Reload,
            Command::Restart(_) => LifecycleAction::Restart,
            _ => LifecycleAction::Stop,
        };
        let pid_file =
            values::lifecycle_pid_file(&input, args.pid_file.as_deref())?.ok_or_else(|| {
                ConfigError::new(
                    "--pid-file",
                    "",
                    "the server's PID file: none is configured (ZSCALER_MCP_PID_FILE) and no \
                     default location exists (neither XDG_RUNTIME_DIR nor HOME is set)",
                )
            })?;
        return Ok(Invocation::Lifecycle {
            action,
            pid_file,
            wait: values::SHUTDOWN_GRACE + Duration::from_secs(10),
        });
    }
    let config = Box::new(values::build_config(&input)?);
    if let Some(Command::Config(args)) = &cli.command {
        let client = ClientKind::parse(&args.client)
            .ok_or_else(|| ConfigError::new("config CLIENT", &args.client, ClientKind::ACCEPTED))?;
        return Ok(Invocation::ClientConfig { config, client });
    }
    if cli.list_tools {
        return Ok(Invocation::ListTools {
            config,
            json: cli.json,
        });
    }
    if let Some(format) = &cli.generate_auth_token {
        let format = match format.to_ascii_lowercase().as_str() {
            "basic" => TokenFormat::Basic,
            "bearer" => TokenFormat::Bearer,
            _ => {
                return Err(ConfigError::new(
                    "--generate-auth-token",
                    format,
                    "basic or bearer",
                ));
            }
        };
        return Ok(Invocation::GenerateAuthToken { config, format });
    }
    Ok(Invocation::Serve(config))
}
