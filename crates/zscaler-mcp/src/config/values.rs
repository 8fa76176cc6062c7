//! Value parsers shared by flags and variables, and the assembly of [`Config`].

use std::net::IpAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use super::{
    AuthMode, Cli, ClientAuthConfig, ClientRateLimit, Config, ConfigError, Environment, HttpConfig,
    LoggingConfig, OidcProxyConfig, OutputConfig, Secret, Selection, TlsConfig, ToolMode,
    ToolsetSelection, Transport, WriteConfig, ZscalerConfig,
};
use crate::catalog::toolsets::{ALL_KEYWORD, DEFAULT_KEYWORD, TOOLSETS, toolset_service};
use crate::pattern::NamePattern;
use crate::service::Service;

const BOOL_EXPECTED: &str = "a boolean: true/false, 1/0, yes/no or on/off";
const SECRET_SHOWN: &str = "<redacted>";
pub(super) const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Parses a boolean the same way for every flag and variable.
pub fn parse_bool(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// One entry of the source-IP allowlist: an address, a CIDR network, or `*` (any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IpRule {
    Any,
    Net(ipnet::IpNet),
}

impl IpRule {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match self {
            IpRule::Any => true,
            IpRule::Net(net) => net.contains(&ip),
        }
    }
}

impl FromStr for IpRule {
    type Err = ();
    fn from_str(s: &str) -> Result<IpRule, ()> {
        if s == "*" {
            return Ok(IpRule::Any);
        }
        if let Ok(net) = s.parse::<ipnet::IpNet>() {
            return Ok(IpRule::Net(net.trunc()));
        }
        s.parse::<IpAddr>()
            .map(|ip| IpRule::Net(ip.into()))
            .map_err(|_| ())
    }
}

/// Flags and variables, read with the flag taking precedence.
pub(super) struct Input<'a> {
    pub cli: &'a Cli,
    pub env: &'a Environment,
}

/// A raw value and the name to blame if it is invalid.
struct Raw<'a> {
    value: &'a str,
    source: String,
}

impl<'a> Input<'a> {
    /// The flag's value if given, else the variable's.
    fn pick(&self, flag: Option<&'a str>, flag_name: &str, var: &str) -> Option<Raw<'a>> {
        match flag {
            Some(v) => Some(Raw {
                value: v.trim(),
                source: flag_name.to_string(),
            }),
            None => self.var(var),
        }
    }

    fn var(&self, var: &str) -> Option<Raw<'a>> {
        self.env.get(var).map(|v| Raw {
            value: v,
            source: self.env.describe(var),
        })
    }

    /// A presence flag or its boolean variable.
    fn switch(&self, flag: bool, var: &str) -> Result<bool, ConfigError> {
        if flag {
            return Ok(true);
        }
        self.bool_var(var, false)
    }

    fn bool_var(&self, var: &str, default: bool) -> Result<bool, ConfigError> {
        match self.var(var) {
            None => Ok(default),
            Some(raw) => parse_bool(raw.value)
                .ok_or_else(|| ConfigError::new(raw.source, raw.value, BOOL_EXPECTED)),
        }
    }

    fn opt_bool_var(&self, var: &str) -> Result<Option<bool>, ConfigError> {
        self.var(var)
            .map(|raw| {
                parse_bool(raw.value)
                    .ok_or_else(|| ConfigError::new(raw.source, raw.value, BOOL_EXPECTED))
            })
            .transpose()
    }

    fn string_var(&self, var: &str) -> Option<String> {
        self.env.get(var).map(str::to_string)
    }

    fn secret_var(&self, var: &str) -> Option<Secret> {
        self.env.get(var).map(Secret::new)
    }

    fn path_var(&self, vars: &[&str]) -> Option<PathBuf> {
        vars.iter().find_map(|v| self.env.get(v)).map(PathBuf::from)
    }
}

/// The PID file the lifecycle subcommands use, read without building the whole configuration
/// (so `stop` and `status` work even when another setting is invalid): the flag, else
/// `ZSCALER_MCP_PID_FILE`, else the default for `--port` / `ZSCALER_MCP_PORT` (8000).
pub(super) fn lifecycle_pid_file(
    input: &Input<'_>,
    flag: Option<&std::path::Path>,
) -> Result<Option<PathBuf>, ConfigError> {
    if let Some(path) = flag.or(input.cli.pid_file.as_deref()) {
        return Ok(Some(path.to_path_buf()));
    }
    if let Some(path) = input.path_var(&["ZSCALER_MCP_PID_FILE"]) {
        return Ok(Some(path));
    }
    let port = port(input.pick(input.cli.port.as_deref(), "--port", "ZSCALER_MCP_PORT"))?;
    Ok(super::default_pid_file(port, |name| {
        input.env.get(name).map(str::to_string)
    }))
}

/// A Zscaler endpoint override: an absolute `https` URL, or `http` to a loopback host (the
/// credentials travel to it). A trailing `/` is dropped.
fn endpoint_url(raw: Option<Raw<'_>>) -> Result<Option<String>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    const EXPECTED: &str = "an https:// URL, or http:// to 127.0.0.1, [::1] or localhost";
    let value = raw.value.trim().trim_end_matches('/');
    let ok = match value.split_once("://") {
        Some(("https", rest)) => !rest.is_empty() && !rest.starts_with('/'),
        Some(("http", rest)) => {
            let host = rest.split('/').next().unwrap_or_default();
            let host = match host.rsplit_once(':') {
                Some((h, port)) if !h.ends_with(']') || host.starts_with('[') => {
                    if port.chars().all(|c| c.is_ascii_digit()) {
                        h
                    } else {
                        host
                    }
                }
                _ => host,
            };
            matches!(host, "127.0.0.1" | "[::1]" | "localhost")
        }
        _ => false,
    };
    if !ok || value.contains(char::is_whitespace) {
        return Err(ConfigError::new(raw.source, raw.value, EXPECTED));
    }
    Ok(Some(value.to_string()))
}

/// Splits a comma-separated list, trimming items and dropping empty ones.
fn csv(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn services(raw: Option<Raw<'_>>) -> Result<Option<Vec<Service>>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let mut out = Vec::new();
    for item in csv(raw.value) {
        let service = Service::from_code(&item.to_ascii_lowercase()).ok_or_else(|| {
            ConfigError::new(
                raw.source.clone(),
                item,
                format!(
                    "comma-separated service codes from: {}",
                    Service::codes_list()
                ),
            )
        })?;
        if !out.contains(&service) {
            out.push(service);
        }
    }
    Ok(Some(out))
}

/// Tool names or patterns; each must match at least one known tool name (fail closed: a typo
/// must never leave a tool exposed, or hide all of them).
fn patterns(raw: Option<Raw<'_>>) -> Result<Option<Vec<NamePattern>>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    csv(raw.value)
        .into_iter()
        .map(|item| {
            let pattern = NamePattern::parse(item).map_err(|why| {
                ConfigError::new(
                    raw.source.clone(),
                    item,
                    format!("tool names or shell-style patterns (*, ?, [seq]); {why}"),
                )
            })?;
            if !crate::catalog::known_names().any(|n| pattern.matches(n)) {
                return Err(ConfigError::new(
                    raw.source.clone(),
                    item,
                    unmatched_name_hint(item),
                ));
            }
            Ok(pattern)
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// What to say about a name or pattern that matches no tool: the closest names.
fn unmatched_name_hint(item: &str) -> String {
    let mut near: Vec<(usize, &str)> = crate::catalog::known_names()
        .map(|n| (edit_distance(item, n), n))
        .collect();
    near.sort();
    let close: Vec<&str> = near
        .iter()
        .take(3)
        .filter(|(d, _)| *d <= item.len() / 2 + 2)
        .map(|(_, n)| *n)
        .collect();
    let mut hint =
        String::from("tool names or patterns that match at least one tool (this one matches none");
    if !close.is_empty() {
        hint.push_str(&format!("; did you mean {}?", close.join(", ")));
    }
    hint.push_str("); `zscaler-mcp --list-tools` prints every name");
    hint
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn toolset_ids(raw: &Raw<'_>, keywords: &[&str]) -> Result<Vec<String>, ConfigError> {
    let mut out: Vec<String> = Vec::new();
    for item in csv(raw.value) {
        let id = item.to_ascii_lowercase();
        if !(keywords.contains(&id.as_str()) || toolset_service(&id).is_some()) {
            let mut valid: Vec<&str> = keywords.to_vec();
            valid.extend(TOOLSETS.iter().map(|t| t.id));
            return Err(ConfigError::new(
                raw.source.clone(),
                item,
                format!("comma-separated toolset ids from: {}", valid.join(", ")),
            ));
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

fn port(raw: Option<Raw<'_>>) -> Result<u16, ConfigError> {
    match raw {
        None => Ok(8000),
        Some(raw) => raw.value.parse::<u16>().map_err(|_| {
            ConfigError::new(
                raw.source,
                raw.value,
                "a port number from 0 to 65535 (0 picks a free port)",
            )
        }),
    }
}

fn host(raw: Option<Raw<'_>>) -> Result<String, ConfigError> {
    let Some(raw) = raw else {
        return Ok("127.0.0.1".to_string());
    };
    let value = raw.value.trim_start_matches('[').trim_end_matches(']');
    let hostname_ok = !value.is_empty()
        && value.len() <= 253
        && value.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if value.parse::<IpAddr>().is_ok() || hostname_ok {
        Ok(value.to_string())
    } else {
        Err(ConfigError::new(
            raw.source,
            raw.value,
            "an IP address or a host name to bind",
        ))
    }
}

fn transport(raw: Option<Raw<'_>>) -> Result<Transport, ConfigError> {
    let Some(raw) = raw else {
        return Ok(Transport::Stdio);
    };
    match raw.value.to_ascii_lowercase().as_str() {
        "stdio" => Ok(Transport::Stdio),
        "streamable-http" => Ok(Transport::StreamableHttp),
        "sse" => Ok(Transport::Sse),
        _ => Err(ConfigError::new(
            raw.source,
            raw.value,
            "one of: stdio, streamable-http, sse",
        )),
    }
}

fn tool_mode(raw: Option<Raw<'_>>) -> Result<ToolMode, ConfigError> {
    let Some(raw) = raw else {
        return Ok(ToolMode::Static);
    };
    match raw.value.to_ascii_lowercase().as_str() {
        "static" => Ok(ToolMode::Static),
        "discover" => Ok(ToolMode::Discover),
        _ => Err(ConfigError::new(
            raw.source,
            raw.value,
            "one of: static, discover",
        )),
    }
}

/// A comma-separated list variable (empty items dropped).
fn list_var(input: &Input<'_>, var: &str) -> Vec<String> {
    input
        .var(var)
        .map(|raw| csv(raw.value).into_iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// A PEM file of CA certificates named by a variable, read now.
fn pem_file(raw: Option<Raw<'_>>) -> Result<Option<Vec<u8>>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let pem = std::fs::read(raw.value).map_err(|e| {
        ConfigError::new(
            raw.source.clone(),
            raw.value,
            format!("a readable PEM file ({e})"),
        )
    })?;
    if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
        return Err(ConfigError::new(
            raw.source,
            raw.value,
            "a PEM file holding at least one CERTIFICATE block",
        ));
    }
    Ok(Some(pem))
}

fn auth_mode(raw: Option<Raw<'_>>) -> Result<Option<AuthMode>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let mode = match raw.value.to_ascii_lowercase().as_str() {
        "none" => AuthMode::None,
        "api-key" | "apikey" | "api_key" => AuthMode::ApiKey,
        "jwt" => AuthMode::Jwt,
        "zscaler" => AuthMode::Zscaler,
        // The reference's aliases of its protected-resource mode keep that meaning.
        "oidc" | "oidcproxy" | "oauth-proxy" => AuthMode::Oidc,
        "oidc-proxy" => AuthMode::OidcProxy,
        _ => {
            return Err(ConfigError::new(
                raw.source,
                raw.value,
                "one of: api-key, jwt, zscaler, oidc (aliases oidcproxy, oauth-proxy), \
                 oidc-proxy, none",
            ));
        }
    };
    Ok(Some(mode))
}

/// Asymmetric only: `none` and HMAC (HS*) are refused here and again by the verifier
/// (`transport::edge::jwt::SUPPORTED_ALGORITHMS`, kept equal by a test there).
const JWT_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA",
];

fn algorithms(raw: Option<Raw<'_>>) -> Result<Vec<String>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(vec!["RS256".to_string()]);
    };
    csv(raw.value)
        .into_iter()
        .map(|alg| {
            JWT_ALGORITHMS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(alg))
                .map(|known| known.to_string())
                .ok_or_else(|| {
                    ConfigError::new(
                        raw.source.clone(),
                        alg,
                        format!(
                            "asymmetric JWT algorithms from: {}",
                            JWT_ALGORITHMS.join(", ")
                        ),
                    )
                })
        })
        .collect()
}

/// The JWKS URL: like an endpoint override (`https`, or `http` to loopback: the keys decide who
/// gets in), but kept as written (a trailing `/` may matter to the identity provider).
fn jwks_uri(raw: Option<Raw<'_>>) -> Result<Option<String>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let value = raw.value.trim().to_string();
    endpoint_url(Some(raw))?;
    Ok(Some(value))
}

fn source_ips(raw: Option<Raw<'_>>) -> Result<Vec<IpRule>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    csv(raw.value)
        .into_iter()
        .map(|item| {
            item.parse::<IpRule>().map_err(|_| {
                ConfigError::new(
                    raw.source.clone(),
                    item,
                    "comma-separated IP addresses or CIDR networks (e.g. 10.0.0.0/8, 2001:db8::/32), or *",
                )
            })
        })
        .collect()
}

fn origins(raw: Option<Raw<'_>>) -> Result<Vec<String>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    csv(raw.value)
        .into_iter()
        .map(|item| {
            let ok = item == "null"
                || item == "*"
                || ["http://", "https://"].iter().any(|scheme| {
                    item.strip_prefix(scheme)
                        .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
                });
            if ok {
                Ok(item.trim_end_matches('/').to_string())
            } else {
                Err(ConfigError::new(
                    raw.source.clone(),
                    item,
                    "comma-separated origins like https://app.example.com[:port], 'null' or *",
                ))
            }
        })
        .collect()
}

fn seconds(raw: Option<Raw<'_>>, default: u64) -> Result<Duration, ConfigError> {
    let Some(raw) = raw else {
        return Ok(Duration::from_secs(default));
    };
    match raw.value.parse::<u64>() {
        Ok(n) if n > 0 => Ok(Duration::from_secs(n)),
        _ => Err(ConfigError::new(
            raw.source,
            raw.value,
            "a whole number of seconds greater than 0",
        )),
    }
}

/// Bounds of `ZSCALER_MCP_CONFIRMATION_TTL` (seconds): long enough for a human to answer,
/// short enough that an approval does not outlive its context.
const MIN_CONFIRMATION_TTL: u64 = 10;
const MAX_CONFIRMATION_TTL: u64 = 86_400;

/// `ZSCALER_MCP_CLIENT_RATE_LIMIT`: `<count>/<s|min|h>` (default 600/min) or `off`.
fn client_rate_limit(raw: Option<Raw<'_>>) -> Result<Option<ClientRateLimit>, ConfigError> {
    let default = Some(ClientRateLimit {
        count: 600,
        per: Duration::from_secs(60),
    });
    let Some(raw) = raw else { return Ok(default) };
    let text = raw.value.trim().to_ascii_lowercase();
    if text == "off" {
        return Ok(None);
    }
    let parsed = text.split_once('/').and_then(|(count, unit)| {
        let count = count
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=1_000_000).contains(n))?;
        let per = match unit.trim() {
            "s" | "sec" | "second" => Duration::from_secs(1),
            "m" | "min" | "minute" => Duration::from_secs(60),
            "h" | "hour" => Duration::from_secs(3600),
            _ => return None,
        };
        Some(ClientRateLimit { count, per })
    });
    match parsed {
        Some(limit) => Ok(Some(limit)),
        None => Err(ConfigError::new(
            raw.source,
            raw.value,
            "<count>/<s|min|h> (e.g. 600/min, count from 1 to 1000000) or off",
        )),
    }
}

/// Request-state keys: a JSON array of strings or a comma-separated list; each at least 32 bytes.
fn request_state_keys(raw: Option<Raw<'_>>) -> Result<Vec<Secret>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let keys: Vec<String> = if raw.value.starts_with('[') {
        serde_json::from_str::<Vec<String>>(raw.value).map_err(|_| {
            ConfigError::new(
                raw.source.clone(),
                SECRET_SHOWN,
                "a JSON array of strings or a comma-separated list of keys",
            )
        })?
    } else {
        csv(raw.value).into_iter().map(str::to_string).collect()
    };
    if keys.is_empty() || keys.iter().any(|k| k.len() < 32) {
        return Err(ConfigError::new(
            raw.source,
            SECRET_SHOWN,
            "keys of at least 32 bytes each",
        ));
    }
    if keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k)) {
        return Err(ConfigError::new(
            raw.source,
            SECRET_SHOWN,
            "distinct keys (a key appears twice)",
        ));
    }
    Ok(keys.into_iter().map(Secret::new).collect())
}

fn user_agent_comment(raw: Option<Raw<'_>>) -> Result<Option<String>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    if raw.value.chars().any(|c| c.is_control()) || raw.value.len() > 256 {
        return Err(ConfigError::new(
            raw.source,
            raw.value.escape_default().to_string(),
            "printable text of at most 256 characters",
        ));
    }
    Ok(Some(raw.value.to_string()))
}

fn tls(input: &Input<'_>) -> Result<Option<TlsConfig>, ConfigError> {
    // Spec 000 spells these ..._CERT_FILE/_KEY_FILE, spec 003 and the reference ..._CERTFILE/_KEYFILE.
    let cert = input.path_var(&["ZSCALER_MCP_TLS_CERT_FILE", "ZSCALER_MCP_TLS_CERTFILE"]);
    let key = input.path_var(&["ZSCALER_MCP_TLS_KEY_FILE", "ZSCALER_MCP_TLS_KEYFILE"]);
    match (cert, key) {
        (None, None) => Ok(None),
        (Some(cert_file), Some(key_file)) => Ok(Some(TlsConfig {
            cert_file,
            key_file,
            key_password: input.secret_var("ZSCALER_MCP_TLS_KEYFILE_PASSWORD"),
            ca_certs: input.path_var(&["ZSCALER_MCP_TLS_CA_CERTS"]),
        })),
        (Some(_), None) => Err(ConfigError::new(
            "ZSCALER_MCP_TLS_KEY_FILE",
            "(unset)",
            "a key file path: TLS needs both ZSCALER_MCP_TLS_CERT_FILE and ZSCALER_MCP_TLS_KEY_FILE",
        )),
        (None, Some(_)) => Err(ConfigError::new(
            "ZSCALER_MCP_TLS_CERT_FILE",
            "(unset)",
            "a certificate file path: TLS needs both ZSCALER_MCP_TLS_CERT_FILE and ZSCALER_MCP_TLS_KEY_FILE",
        )),
    }
}

pub(super) fn build_config(input: &Input<'_>) -> Result<Config, ConfigError> {
    let cli = input.cli;

    let stateless = if cli.stateless_http {
        true
    } else if input.env.get("ZSCALER_MCP_STATELESS_HTTP").is_some() {
        input.bool_var("ZSCALER_MCP_STATELESS_HTTP", false)?
    } else {
        input.bool_var("FASTMCP_STATELESS_HTTP", false)?
    };

    let http = HttpConfig {
        host: host(input.pick(cli.host.as_deref(), "--host", "ZSCALER_MCP_HOST"))?,
        port: port(input.pick(cli.port.as_deref(), "--port", "ZSCALER_MCP_PORT"))?,
        stateless,
        tls: tls(input)?,
        allow_http: input.bool_var("ZSCALER_MCP_ALLOW_HTTP", false)?,
        allowed_hosts: input
            .var("ZSCALER_MCP_ALLOWED_HOSTS")
            .map(|raw| {
                csv(raw.value)
                    .into_iter()
                    .map(|h| h.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default(),
        disable_host_validation: input.bool_var("ZSCALER_MCP_DISABLE_HOST_VALIDATION", false)?,
        allowed_source_ips: source_ips(input.var("ZSCALER_MCP_ALLOWED_SOURCE_IPS"))?,
        trusted_proxies: source_ips(input.var("ZSCALER_MCP_TRUSTED_PROXIES"))?,
        allowed_origins: origins(input.var("ZSCALER_MCP_ALLOWED_ORIGINS"))?,
        shutdown_grace: SHUTDOWN_GRACE,
        max_sessions: bounded(
            input.var("ZSCALER_MCP_MAX_SESSIONS"),
            1000,
            1..=100_000,
            "a number of sessions",
        )? as usize,
        session_idle_timeout: Duration::from_secs(bounded(
            input.var("ZSCALER_MCP_SESSION_IDLE_TIMEOUT"),
            300,
            10..=86_400,
            "a number of seconds",
        )?),
        client_rate_limit: client_rate_limit(input.var("ZSCALER_MCP_CLIENT_RATE_LIMIT"))?,
        max_body_bytes: {
            let raw = input.var("ZSCALER_MCP_MAX_BODY_BYTES");
            let source = raw
                .as_ref()
                .map(|r| (r.source.clone(), r.value.to_string()));
            let n = byte_size(raw, 4 << 20)?;
            if n > 64 << 20 {
                let (source, value) = source.unwrap_or_default();
                return Err(ConfigError::new(source, value, "a size from 64K to 64M"));
            }
            n
        },
    };

    let toolsets = match input.pick(
        cli.toolsets.as_deref(),
        "--toolsets",
        "ZSCALER_MCP_TOOLSETS",
    ) {
        None => ToolsetSelection::Unset,
        Some(raw) => {
            let ids = toolset_ids(&raw, &[DEFAULT_KEYWORD, ALL_KEYWORD])?;
            if ids.iter().any(|id| id == ALL_KEYWORD) {
                ToolsetSelection::All
            } else {
                ToolsetSelection::Ids(ids)
            }
        }
    };
    let disabled_toolsets = match input.pick(
        cli.disabled_toolsets.as_deref(),
        "--disabled-toolsets",
        "ZSCALER_MCP_DISABLED_TOOLSETS",
    ) {
        None => Vec::new(),
        Some(raw) => toolset_ids(&raw, &[])?,
    };

    let selection = Selection {
        services: services(input.pick(
            cli.services.as_deref(),
            "--services",
            "ZSCALER_MCP_SERVICES",
        ))?,
        disabled_services: services(input.pick(
            cli.disabled_services.as_deref(),
            "--disabled-services",
            "ZSCALER_MCP_DISABLED_SERVICES",
        ))?
        .unwrap_or_default(),
        tools: patterns(input.pick(cli.tools.as_deref(), "--tools", "ZSCALER_MCP_TOOLS"))?,
        disabled_tools: patterns(input.pick(
            cli.disabled_tools.as_deref(),
            "--disabled-tools",
            "ZSCALER_MCP_DISABLED_TOOLS",
        ))?
        .unwrap_or_default(),
        toolsets,
        disabled_toolsets,
        entitlement_filter: !input.switch(
            cli.no_entitlement_filter,
            "ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER",
        )?,
        tool_mode: tool_mode(input.pick(
            cli.tool_mode.as_deref(),
            "--tool-mode",
            "ZSCALER_MCP_TOOL_MODE",
        ))?,
    };

    let write = WriteConfig {
        enabled: input.switch(cli.enable_write_tools, "ZSCALER_MCP_WRITE_ENABLED")?,
        allowlist: patterns(input.pick(
            cli.write_tools.as_deref(),
            "--write-tools",
            "ZSCALER_MCP_WRITE_TOOLS",
        ))?
        .unwrap_or_default(),
        skip_confirmations: input.bool_var("ZSCALER_MCP_SKIP_CONFIRMATIONS", false)?,
        confirmation_ttl: seconds(input.var("ZSCALER_MCP_CONFIRMATION_TTL"), 300)?,
        request_state_keys: request_state_keys(input.var("ZSCALER_MCP_REQUEST_STATE_KEYS"))?,
        scope: input.string_var("ZSCALER_MCP_WRITE_SCOPE"),
    };
    if write.skip_confirmations && !write.enabled {
        return Err(ConfigError::new(
            "ZSCALER_MCP_SKIP_CONFIRMATIONS",
            "true",
            "it unset: it applies only when write tools are enabled (--enable-write-tools)",
        ));
    }
    if !(MIN_CONFIRMATION_TTL..=MAX_CONFIRMATION_TTL).contains(&write.confirmation_ttl.as_secs()) {
        return Err(ConfigError::new(
            "ZSCALER_MCP_CONFIRMATION_TTL",
            write.confirmation_ttl.as_secs().to_string(),
            format!("a number of seconds from {MIN_CONFIRMATION_TTL} to {MAX_CONFIRMATION_TTL}"),
        ));
    }

    let client_auth = ClientAuthConfig {
        enabled: input.opt_bool_var("ZSCALER_MCP_AUTH_ENABLED")?,
        mode: auth_mode(input.var("ZSCALER_MCP_AUTH_MODE"))?,
        api_key: input.secret_var("ZSCALER_MCP_AUTH_API_KEY"),
        jwks_uri: jwks_uri(input.var("ZSCALER_MCP_AUTH_JWKS_URI"))?,
        issuer: input.string_var("ZSCALER_MCP_AUTH_ISSUER"),
        audience: input
            .string_var("ZSCALER_MCP_AUTH_AUDIENCE")
            .unwrap_or_else(|| "zscaler-mcp-server".to_string()),
        algorithms: algorithms(input.var("ZSCALER_MCP_AUTH_ALGORITHMS"))?,
        leeway: Duration::from_secs(bounded(
            input.var("ZSCALER_MCP_AUTH_LEEWAY_SECONDS"),
            30,
            0..=300,
            "a whole number of seconds",
        )?),
        trust_platform_auth: input.bool_var("ZSCALER_MCP_TRUST_PLATFORM_AUTH", false)?,
        oidc: OidcProxyConfig {
            config_url: input.string_var("OIDCPROXY_CONFIG_URL"),
            base_url: input.string_var("OIDCPROXY_BASE_URL"),
            audience: input.string_var("OIDCPROXY_AUDIENCE"),
            client_id: input.string_var("OIDCPROXY_CLIENT_ID"),
            client_secret: input.secret_var("OIDCPROXY_CLIENT_SECRET"),
            required_scopes: list_var(input, "OIDCPROXY_REQUIRED_SCOPES"),
            allowed_scopes: list_var(input, "OIDCPROXY_ALLOWED_SCOPES"),
            allowed_redirect_uris: list_var(input, "OIDCPROXY_ALLOWED_REDIRECT_URIS"),
            client_metadata_hosts: list_var(input, "OIDCPROXY_CLIENT_METADATA_HOSTS"),
            ca_bundle_pem: pem_file(input.var("OIDCPROXY_CA_BUNDLE"))?,
            token_ttl: Duration::from_secs(bounded(
                input.var("OIDCPROXY_TOKEN_TTL"),
                900,
                5..=86_400,
                "a whole number of seconds",
            )?),
        },
    };

    let zscaler = ZscalerConfig {
        client_id: input.string_var("ZSCALER_CLIENT_ID"),
        client_secret: input.secret_var("ZSCALER_CLIENT_SECRET"),
        private_key: match input.var("ZSCALER_PRIVATE_KEY") {
            None => None,
            Some(raw) => Some(crate::client::PrivateKey::parse(raw.value).map_err(|why| {
                ConfigError::new(
                    raw.source,
                    "<redacted>",
                    format!(
                        "an RSA private key of at least 2048 bits as PEM text, JWK JSON or a file path; this value is {why}"
                    ),
                )
            })?),
        },
        customer_id: input.string_var("ZSCALER_CUSTOMER_ID"),
        vanity_domain: input.string_var("ZSCALER_VANITY_DOMAIN"),
        cloud: input
            .string_var("ZSCALER_CLOUD")
            .map(|c| c.to_ascii_lowercase())
            .unwrap_or_else(|| "production".to_string()),
        zcell_customer_id: input.string_var("ZCELL_CUSTOMER_ID"),
        user_agent_comment: user_agent_comment(input.pick(
            cli.user_agent_comment.as_deref(),
            "--user-agent-comment",
            "ZSCALER_MCP_USER_AGENT_COMMENT",
        ))?,
        api_base_url: endpoint_url(input.var("ZSCALER_MCP_API_BASE_URL"))?,
        token_url: endpoint_url(input.var("ZSCALER_MCP_TOKEN_URL"))?,
    };

    let client = client_settings(input, zscaler.user_agent_comment.clone())?;

    let default_pid_file =
        super::default_pid_file(http.port, |name| input.env.get(name).map(str::to_string));
    Ok(Config {
        transport: transport(input.pick(
            cli.transport.as_deref(),
            "--transport",
            "ZSCALER_MCP_TRANSPORT",
        ))?,
        http,
        selection,
        write,
        client_auth,
        zscaler,
        client,
        logging: LoggingConfig {
            debug: input.switch(cli.debug, "ZSCALER_MCP_DEBUG")?,
            log_tool_calls: input.switch(cli.log_tool_calls, "ZSCALER_MCP_LOG_TOOL_CALLS")?,
            json: match input.pick(
                cli.log_format.as_deref(),
                "--log-format",
                "ZSCALER_MCP_LOG_FORMAT",
            ) {
                None => false,
                Some(raw) => match raw.value.trim().to_ascii_lowercase().as_str() {
                    "text" => false,
                    "json" => true,
                    _ => return Err(ConfigError::new(raw.source, raw.value, "text or json")),
                },
            },
        },
        output: OutputConfig {
            sanitize: !input.bool_var("ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION", false)?,
            report_tokens: input.bool_var("ZSCALER_MCP_REPORT_TOKENS", false)?,
            token_encoding: match input.var("ZSCALER_MCP_TOKEN_ENCODING") {
                None => "o200k_base".to_string(),
                Some(raw) => match raw.value {
                    "o200k_base" | "cl100k_base" => raw.value.to_string(),
                    _ => {
                        return Err(ConfigError::new(
                            raw.source,
                            raw.value,
                            "o200k_base or cl100k_base",
                        ));
                    }
                },
            },
        },
        dotenv_file: input.env.dotenv_file().map(PathBuf::from),
        sandbox: embedded_sandbox(input)?,
        secrets: super::SecretSources {
            aws_secret_name: input.string_var("ZSCALER_SECRET_NAME"),
            aws_region: input
                .string_var("AWS_REGION")
                .or_else(|| input.string_var("AWS_DEFAULT_REGION")),
            gcp_secret_manager: input.bool_var("ZSCALER_MCP_GCP_SECRET_MANAGER", false)?,
            gcp_project_id: input.string_var("GCP_PROJECT_ID"),
            loaded: Default::default(),
        },
        pid_file: cli
            .pid_file
            .clone()
            .or_else(|| input.path_var(&["ZSCALER_MCP_PID_FILE"])),
        state_store: state_store(input, cli)?,
        default_pid_file,
    })
}

/// `ZSCALER_MCP_STATE_STORE` / `--state-store`: `memory`, or a `redis://` / `rediss://` URL;
/// `ZSCALER_MCP_STATE_PREFIX` names the deployment's keys.
fn state_store(input: &Input<'_>, cli: &Cli) -> Result<super::StateStoreConfig, ConfigError> {
    let Some(raw) = input.pick(
        cli.state_store.as_deref(),
        "--state-store",
        "ZSCALER_MCP_STATE_STORE",
    ) else {
        return Ok(super::StateStoreConfig::Memory);
    };
    let expected =
        "memory, or a Redis URL such as redis://redis:6379/0 or rediss://user:password@host:6380";
    if raw.value.is_empty() || raw.value.eq_ignore_ascii_case("memory") {
        return Ok(super::StateStoreConfig::Memory);
    }
    // The value may carry a password: never echoed.
    let url = reqwest::Url::parse(raw.value)
        .map_err(|_| ConfigError::new(raw.source.clone(), "<redacted>", expected))?;
    if !matches!(url.scheme(), "redis" | "rediss") || url.host_str().is_none_or(str::is_empty) {
        return Err(ConfigError::new(raw.source, "<redacted>", expected));
    }
    let prefix = input
        .string_var("ZSCALER_MCP_STATE_PREFIX")
        .map(|p| p.trim().to_string())
        .unwrap_or_else(|| "zscaler-mcp".to_string());
    if prefix.is_empty()
        || prefix.len() > 64
        || !prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    {
        return Err(ConfigError::new(
            input.env.describe("ZSCALER_MCP_STATE_PREFIX"),
            prefix,
            "1 to 64 letters, digits, '-', '_', '.' or ':'",
        ));
    }
    Ok(super::StateStoreConfig::Redis {
        url: Secret::new(raw.value),
        prefix,
    })
}

/// A whole number within `range`, or the default.
fn bounded(
    raw: Option<Raw<'_>>,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
    what: &str,
) -> Result<u64, ConfigError> {
    let Some(raw) = raw else { return Ok(default) };
    match raw.value.trim().parse::<u64>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(ConfigError::new(
            raw.source,
            raw.value,
            format!("{what} from {} to {}", range.start(), range.end()),
        )),
    }
}

/// A size in bytes: a whole number with an optional K, M or G (binary) suffix.
fn byte_size(raw: Option<Raw<'_>>, default: usize) -> Result<usize, ConfigError> {
    let Some(raw) = raw else { return Ok(default) };
    let text = raw.value.trim();
    let lower = text.to_ascii_lowercase();
    let lower = lower.trim_end_matches("ib").trim_end_matches('b');
    let (digits, factor) = match lower.chars().last() {
        Some('k') => (&lower[..lower.len() - 1], 1usize << 10),
        Some('m') => (&lower[..lower.len() - 1], 1 << 20),
        Some('g') => (&lower[..lower.len() - 1], 1 << 30),
        _ => (lower, 1),
    };
    match digits
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
    {
        Some(n) if (1 << 16..=1 << 32).contains(&n) => Ok(n),
        _ => Err(ConfigError::new(
            raw.source,
            raw.value,
            "a size from 64K to 4G (bytes, or with a K, M or G suffix, e.g. 64M)",
        )),
    }
}

fn client_settings(
    input: &Input<'_>,
    user_agent_comment: Option<String>,
) -> Result<crate::client::ClientSettings, ConfigError> {
    use crate::client::{ClientSettings, RateLimits};
    let defaults = ClientSettings::default();
    let secs = |var: &str, default: Duration, max: u64| -> Result<Duration, ConfigError> {
        bounded(
            input.var(var),
            default.as_secs(),
            1..=max,
            "a whole number of seconds",
        )
        .map(Duration::from_secs)
    };
    let rate_limits = match input.var("ZSCALER_MCP_RATE_LIMITS") {
        None => defaults.rate_limits.clone(),
        Some(raw) => RateLimits::parse(raw.value).map_err(|why| {
            ConfigError::new(
                raw.source,
                raw.value,
                format!(
                    "zscaler, off, or overrides such as zia.get=2/s+1000/h,ztw.delete=off ({why})"
                ),
            )
        })?,
    };
    // Extra roots besides the OS store: ZSCALER_MCP_UPSTREAM_CA_BUNDLE and the conventional
    // SSL_CERT_FILE (a corporate TLS-inspection CA), both when given.
    let ca_bundle_pem = match (
        pem_file(input.var("ZSCALER_MCP_UPSTREAM_CA_BUNDLE"))?,
        pem_file(input.var("SSL_CERT_FILE"))?,
    ) {
        (Some(mut a), Some(b)) => {
            a.push(b'\n');
            a.extend_from_slice(&b);
            Some(a)
        }
        (a, b) => a.or(b),
    };
    // The proxy for the Zscaler side, from this server's environment snapshot (so a .env file
    // counts): HTTPS_PROXY, else ALL_PROXY (either case), with NO_PROXY exceptions.
    let proxy = ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
        .iter()
        .find_map(|v| input.var(v));
    let proxy = match proxy {
        None => None,
        Some(raw) => {
            let url = reqwest::Url::parse(raw.value).map_err(|_| {
                ConfigError::new(
                    raw.source.clone(),
                    "<redacted>",
                    "a proxy URL such as http://proxy.example.com:8080",
                )
            })?;
            if !matches!(url.scheme(), "http" | "https" | "socks5" | "socks5h") {
                return Err(ConfigError::new(
                    raw.source,
                    url.scheme(),
                    "an http://, https:// or socks5:// proxy URL",
                ));
            }
            Some(raw.value.to_string())
        }
    };
    let no_proxy = ["NO_PROXY", "no_proxy"]
        .iter()
        .find_map(|v| input.string_var(v));
    Ok(ClientSettings {
        connect_timeout: secs("ZSCALER_MCP_CONNECT_TIMEOUT", defaults.connect_timeout, 300)?,
        request_timeout: secs(
            "ZSCALER_MCP_REQUEST_TIMEOUT",
            defaults.request_timeout,
            3600,
        )?,
        call_timeout: secs("ZSCALER_MCP_CALL_TIMEOUT", defaults.call_timeout, 7200)?,
        max_retries: bounded(
            input.var("ZSCALER_MCP_MAX_RETRIES"),
            u64::from(defaults.max_retries),
            0..=10,
            "a number of retries",
        )? as u32,
        backoff_base: defaults.backoff_base,
        max_rows: bounded(
            input.var("ZSCALER_MCP_MAX_ROWS"),
            defaults.max_rows as u64,
            1..=1_000_000,
            "a number of rows",
        )? as usize,
        max_bytes: byte_size(input.var("ZSCALER_MCP_MAX_BYTES"), defaults.max_bytes)?,
        concurrency: bounded(
            input.var("ZSCALER_MCP_UPSTREAM_CONCURRENCY"),
            defaults.concurrency as u64,
            1..=64,
            "a number of concurrent calls per service",
        )? as usize,
        page_concurrency: defaults.page_concurrency,
        rate_limits,
        user_agent_comment,
        partner_id: input.string_var("ZSCALER_PARTNER_ID"),
        ca_bundle_pem,
        proxy,
        no_proxy,
        shared_state: None,
    })
}

fn embedded_sandbox(input: &Input<'_>) -> Result<Option<super::EmbeddedSandbox>, ConfigError> {
    if !input.switch(input.cli.sandbox, "ZSCALER_MCP_SANDBOX")? {
        return Ok(None);
    }
    let seed = match input.pick(
        input.cli.sandbox_seed.as_deref(),
        "--sandbox-seed",
        "ZSCALER_MCP_SANDBOX_SEED",
    ) {
        None => 1,
        Some(raw) => super::sandbox::number(&raw.source, raw.value, "a non-negative integer")?,
    };
    let scale = match input.pick(
        input.cli.sandbox_scale.as_deref(),
        "--sandbox-scale",
        "ZSCALER_MCP_SANDBOX_SCALE",
    ) {
        None => 0,
        Some(raw) => {
            let n: usize = super::sandbox::number(
                &raw.source,
                raw.value,
                "a number of rows from 0 to 1000000",
            )?;
            if n > 1_000_000 {
                return Err(ConfigError::new(
                    raw.source,
                    raw.value,
                    "a number of rows from 0 to 1000000",
                ));
            }
            n
        }
    };
    Ok(Some(super::EmbeddedSandbox { seed, scale }))
}
