//! Command-line flags. Every value is taken as text here and validated in [`super::resolve`], so
//! that a flag and its environment variable are parsed by the same code and fail with the same
//! one-line message.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Variables that have no flag, listed under `--help` so operators find them in one place.
const ENV_ONLY_HELP: &str = "\
Environment-only settings (flag > environment > .env):
  Zscaler OneAPI:   ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_PRIVATE_KEY (PEM, JWK or path),
                    ZSCALER_CUSTOMER_ID, ZSCALER_VANITY_DOMAIN, ZSCALER_CLOUD (default production),
                    ZCELL_CUSTOMER_ID
  Client auth:      ZSCALER_MCP_AUTH_ENABLED, ZSCALER_MCP_AUTH_MODE (api-key|jwt|zscaler|oidc|none),
                    ZSCALER_MCP_AUTH_API_KEY, ZSCALER_MCP_AUTH_JWKS_URI, ZSCALER_MCP_AUTH_ISSUER,
                    ZSCALER_MCP_AUTH_AUDIENCE, ZSCALER_MCP_AUTH_ALGORITHMS, ZSCALER_MCP_TRUST_PLATFORM_AUTH
  TLS and network:  ZSCALER_MCP_TLS_CERT_FILE, ZSCALER_MCP_TLS_KEY_FILE (also ..._CERTFILE/_KEYFILE),
                    ZSCALER_MCP_TLS_KEYFILE_PASSWORD, ZSCALER_MCP_TLS_CA_CERTS, ZSCALER_MCP_ALLOW_HTTP,
                    ZSCALER_MCP_ALLOWED_HOSTS, ZSCALER_MCP_DISABLE_HOST_VALIDATION,
                    ZSCALER_MCP_ALLOWED_SOURCE_IPS, ZSCALER_MCP_ALLOWED_ORIGINS
  Confirmations:    ZSCALER_MCP_SKIP_CONFIRMATIONS, ZSCALER_MCP_CONFIRMATION_TTL (seconds, default 300),
                    ZSCALER_MCP_REQUEST_STATE_KEYS
  Output:           ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION, ZSCALER_MCP_REPORT_TOKENS,
                    ZSCALER_MCP_TOKEN_ENCODING
  Secret stores:    ZSCALER_SECRET_NAME with AWS_REGION (AWS Secrets Manager),
                    ZSCALER_MCP_GCP_SECRET_MANAGER with GCP_PROJECT_ID
Booleans accept true/false, 1/0, yes/no, on/off in any case.";

#[derive(Debug, Default, Parser)]
#[command(
    name = "zscaler-mcp",
    about = "MCP server for the Zscaler Zero Trust Exchange (ZIA, ZPA, ZDX, ZCC, ZTW, ZIdentity, EASM, Z-Insights, ZMS, ZCell)",
    disable_version_flag = true,
    after_help = ENV_ONLY_HELP
)]
pub struct Cli {
    /// Transport: stdio, streamable-http or sse [default: stdio] [env: ZSCALER_MCP_TRANSPORT]
    #[arg(long, value_name = "TRANSPORT")]
    pub transport: Option<String>,

    /// Address to bind for HTTP transports [default: 127.0.0.1] [env: ZSCALER_MCP_HOST]
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,

    /// Port for HTTP transports; 0 picks a free port [default: 8000] [env: ZSCALER_MCP_PORT]
    #[arg(long, value_name = "PORT")]
    pub port: Option<String>,

    /// Serve streamable HTTP without sessions, for load-balanced replicas [env: ZSCALER_MCP_STATELESS_HTTP, alias FASTMCP_STATELESS_HTTP]
    #[arg(long)]
    pub stateless_http: bool,

    /// Comma-separated service codes to enable (zcc,zcell,zdx,zeasm,zia,zid,zins,zms,zpa,ztw) [env: ZSCALER_MCP_SERVICES]
    #[arg(short = 's', long, value_name = "CODES")]
    pub services: Option<String>,

    /// Comma-separated service codes to exclude [env: ZSCALER_MCP_DISABLED_SERVICES]
    #[arg(long, value_name = "CODES")]
    pub disabled_services: Option<String>,

    /// Comma-separated tool names to enable (wildcards allowed) [env: ZSCALER_MCP_TOOLS]
    #[arg(long, value_name = "NAMES")]
    pub tools: Option<String>,

    /// Comma-separated tool names to exclude; wildcards allowed; beats every other selection [env: ZSCALER_MCP_DISABLED_TOOLS]
    #[arg(long, value_name = "PATTERNS")]
    pub disabled_tools: Option<String>,

    /// Comma-separated toolset ids to enable; 'default' for the curated set, 'all' for every toolset [env: ZSCALER_MCP_TOOLSETS]
    #[arg(long, value_name = "IDS")]
    pub toolsets: Option<String>,

    /// Comma-separated toolset ids to exclude [env: ZSCALER_MCP_DISABLED_TOOLSETS]
    #[arg(long, value_name = "IDS")]
    pub disabled_toolsets: Option<String>,

    /// What tools/list shows: static (every selected tool) or discover (search, describe and call tools that reach them) [default: static] [env: ZSCALER_MCP_TOOL_MODE]
    #[arg(long, value_name = "MODE")]
    pub tool_mode: Option<String>,

    /// Skip the OneAPI entitlement filter (emergency override) [env: ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER]
    #[arg(long)]
    pub no_entitlement_filter: bool,

    /// Enable write (create/update/delete) tools; needs --write-tools too [env: ZSCALER_MCP_WRITE_ENABLED]
    #[arg(long)]
    pub enable_write_tools: bool,

    /// Mandatory allowlist of write tools, comma-separated, wildcards allowed [env: ZSCALER_MCP_WRITE_TOOLS]
    #[arg(long, value_name = "PATTERNS")]
    pub write_tools: Option<String>,

    /// Log every tool call: principal, tool, redacted arguments, outcome, rows, duration [env: ZSCALER_MCP_LOG_TOOL_CALLS]
    #[arg(long)]
    pub log_tool_calls: bool,

    /// Log format on stderr: text or json (one JSON object per line) [env: ZSCALER_MCP_LOG_FORMAT]
    #[arg(long, value_name = "FORMAT")]
    pub log_format: Option<String>,

    /// Print an MCP client auth header and client config snippets, then exit (basic or bearer)
    #[arg(long, value_name = "FORMAT", num_args = 0..=1, default_missing_value = "basic")]
    pub generate_auth_token: Option<String>,

    /// List the tools grouped by service with their action, then exit
    #[arg(long)]
    pub list_tools: bool,

    /// With --list-tools: print JSON instead of text
    #[arg(long, requires = "list_tools")]
    pub json: bool,

    /// Extra comment appended to the User-Agent sent to Zscaler [env: ZSCALER_MCP_USER_AGENT_COMMENT]
    #[arg(long, value_name = "TEXT")]
    pub user_agent_comment: Option<String>,

    /// Path of a .env file to load (must exist); default ./.env when present [env: ZSCALER_MCP_DOTENV_PATH]
    #[arg(long, value_name = "PATH")]
    pub dotenv_path: Option<PathBuf>,

    /// Write the server's PID file here (lifecycle subcommands read it) [env: ZSCALER_MCP_PID_FILE] [default: HTTP on a fixed port: zscaler-mcp-<port>.pid in $XDG_RUNTIME_DIR, else ~/.local/state/zscaler-mcp; stdio: none]
    #[arg(long, value_name = "PATH")]
    pub pid_file: Option<PathBuf>,

    /// State shared by replicas: memory, or redis://HOST:PORT/DB (confirmations, the tenant's rate budget, per-caller limits) [env: ZSCALER_MCP_STATE_STORE]
    #[arg(long, value_name = "URL")]
    pub state_store: Option<String>,

    /// Enable debug logging (stderr) [env: ZSCALER_MCP_DEBUG]
    #[arg(long)]
    pub debug: bool,

    /// Print the version and exit
    #[arg(short = 'v', long)]
    pub version: bool,

    /// Run against an embedded simulated tenant (the sandbox) instead of a real one [env: ZSCALER_MCP_SANDBOX]
    #[arg(long)]
    pub sandbox: bool,

    /// Seed of the embedded sandbox's data [default: 1] [env: ZSCALER_MCP_SANDBOX_SEED]
    #[arg(long, value_name = "N")]
    pub sandbox_seed: Option<String>,

    /// Rows in the embedded sandbox's large collections [env: ZSCALER_MCP_SANDBOX_SCALE]
    #[arg(long, value_name = "N")]
    pub sandbox_scale: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// Parsed once per process: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the simulated Zscaler tenant on its own and print how to reach it
    Sandbox(SandboxArgs),
    /// Deploy to Amazon Bedrock AgentCore: export-tool-schema, deploy, status, destroy
    Aws(super::aws_args::AwsArgs),
    /// Show the server that owns the PID file: pid, uptime, version, transport, bind (exit 1: none running)
    Status(LifecycleArgs),
    /// Make the running server re-read its configuration (SIGHUP); run-time settings apply, sessions stay
    Reload(LifecycleArgs),
    /// Make the running server drain and re-execute itself in place, same PID (SIGUSR2)
    Restart(LifecycleArgs),
    /// Stop the running server (SIGTERM) and wait until it has exited
    Stop(LifecycleArgs),
    /// Print the MCP client configuration entry (JSON) for these settings: claude, cursor or vscode
    Config(ClientConfigArgs),
}

impl Command {
    /// A lifecycle subcommand (no cloud secret store is read for it).
    pub fn is_lifecycle(&self) -> bool {
        matches!(
            self,
            Command::Status(_) | Command::Reload(_) | Command::Restart(_) | Command::Stop(_)
        )
    }
}

/// `status`, `reload`, `restart`, `stop`: the server is found through its PID file.
#[derive(Debug, Default, Args)]
pub struct LifecycleArgs {
    /// The server's PID file (also accepted before the subcommand) [env: ZSCALER_MCP_PID_FILE] [default: zscaler-mcp-<port>.pid in $XDG_RUNTIME_DIR, else ~/.local/state/zscaler-mcp]
    #[arg(long, value_name = "PATH")]
    pub pid_file: Option<PathBuf>,
}

/// `zscaler-mcp config <client>`.
#[derive(Debug, Default, Args)]
pub struct ClientConfigArgs {
    /// The MCP client: claude (Claude Desktop), cursor or vscode
    #[arg(value_name = "CLIENT")]
    pub client: String,
}

/// `zscaler-mcp sandbox` flags: values are validated in `super::sandbox`.
#[derive(Debug, Default, Args)]
pub struct SandboxArgs {
    /// Address to listen on [default: 127.0.0.1:0, a free port]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Seed for the generated tenant data [default: 1]
    #[arg(long, value_name = "N")]
    pub seed: Option<String>,
    /// Rows in the large collections (users, rules, app segments...) [default: built-in sizes]
    #[arg(long, value_name = "N")]
    pub scale: Option<String>,
    /// Comma-separated products the client is entitled to [default: all]
    #[arg(long, value_name = "CODES")]
    pub entitlements: Option<String>,
    /// Access token lifetime in seconds [default: 3600]
    #[arg(long, value_name = "SECS")]
    pub token_ttl: Option<String>,
    /// ZIA rate limits: off or zscaler (the documented budgets) [default: off]
    #[arg(long, value_name = "MODE")]
    pub rate_limits: Option<String>,
    /// Faults to inject, e.g. 'GET /zia/*=429,retry_after=2,times=1;* /zpa/*=latency,ms=300'
    #[arg(long, value_name = "SPEC")]
    pub faults: Option<String>,
    /// Plant prompt-injection payloads in admin-editable text fields
    #[arg(long)]
    pub adversarial: bool,
    /// OneAPI client id [default: generated]
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// OneAPI client secret [default: generated]
    #[arg(long, value_name = "SECRET")]
    pub client_secret: Option<String>,
    /// PEM file of the client's RSA public key, for the private-key JWT grant
    #[arg(long, value_name = "PATH")]
    pub client_public_key: Option<PathBuf>,
    /// Generate a client key pair and write its private key (PEM) here
    #[arg(long, value_name = "PATH")]
    pub client_key_out: Option<PathBuf>,
    /// Token for the /_sandbox admin API [default: generated]
    #[arg(long, value_name = "TOKEN")]
    pub admin_token: Option<String>,
    /// Serve HTTPS with a generated CA and a certificate for --hostnames
    #[arg(long)]
    pub tls: bool,
    /// Comma-separated host names the TLS certificate covers (e.g. api.zsapi.net,acme.zslogin.net)
    #[arg(long, value_name = "NAMES", requires = "tls")]
    pub hostnames: Option<String>,
    /// Write the generated CA certificate (PEM) here, for clients' CA bundles
    #[arg(long, value_name = "PATH", requires = "tls")]
    pub ca_out: Option<PathBuf>,
}
