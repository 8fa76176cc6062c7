//! The resolved security posture: what every hardening layer is actually set to. Logged once at
//! startup as the `[SECURITY]` banner and returned by `zscaler_get_server_info`. Never a secret.

use serde::Serialize;

use crate::config::{AuthMode, Config, IpRule};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Posture {
    pub transport: &'static str,
    /// `host:port` for HTTP transports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    pub tls: &'static str,
    /// The mode, with its parameters for jwt (`jwt (issuer=..., audience=..., algorithms=...)`)
    /// and zscaler (`zscaler (cache_ttl=token lifetime, ...)`).
    pub client_auth: String,
    pub host_validation: bool,
    pub allowed_hosts: Vec<String>,
    pub source_ip_acl: Vec<String>,
    pub allowed_origins: Vec<String>,
    pub trusted_proxies: Vec<String>,
    #[serde(skip)]
    loopback_bind: bool,
    /// Request and session limits on HTTP (`None` on stdio).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<String>,
    pub write_tools: &'static str,
    /// What happens to a delete tool's call.
    pub delete_tools: String,
    pub sanitization: bool,
    pub audit_logging: bool,
    /// Where confirmations, the tenant's rate budget and per-caller limits are kept:
    /// `memory (this process)` or the shared Redis (no credentials).
    pub state_store: String,
}

fn scopes_or_none(scopes: &[String]) -> String {
    if scopes.is_empty() {
        "none".into()
    } else {
        scopes.join(" ")
    }
}

impl Posture {
    pub fn of(config: &Config) -> Posture {
        let http = config.transport.is_http();
        let auth = &config.client_auth;
        let client_auth = match auth.effective_mode() {
            _ if !http => "not applicable (stdio)".to_string(),
            Some(AuthMode::Jwt) => format!(
                "jwt (issuer={}, audience={}, algorithms={}, leeway={}s)",
                auth.issuer.as_deref().unwrap_or("-"),
                auth.audience,
                auth.algorithms.join(","),
                auth.leeway.as_secs()
            ),
            // What the zscaler mode really does: the cache lasts as long as each caller's token
            // stays fresh (its lifetime less min(10%, 60 s)); calls run with the caller's token.
            Some(AuthMode::Zscaler) => {
                let s = crate::transport::edge::zscaler::Settings::default();
                format!(
                    "zscaler (cache_ttl=token lifetime, max_callers={}, refused_cache={}s, \
                     tokens=per caller)",
                    s.max_callers,
                    s.refused_ttl.as_secs()
                )
            }
            Some(AuthMode::Oidc) => format!(
                "oidc (protected resource: provider {}, resource {}, audience {}, required \
                 scopes {})",
                auth.oidc.config_url.as_deref().unwrap_or("-"),
                auth.oidc.base_url.as_deref().unwrap_or("-"),
                auth.oidc
                    .audience
                    .as_deref()
                    .or(auth.oidc.client_id.as_deref())
                    .unwrap_or("-"),
                scopes_or_none(&auth.oidc.required_scopes)
            ),
            Some(AuthMode::OidcProxy) => format!(
                "oidc-proxy (authorization server for {} in front of {}; access tokens {} s; \
                 required scopes {})",
                auth.oidc.base_url.as_deref().unwrap_or("-"),
                auth.oidc.config_url.as_deref().unwrap_or("-"),
                auth.oidc.token_ttl.as_secs(),
                scopes_or_none(&auth.oidc.required_scopes)
            ),
            mode => mode.unwrap_or(AuthMode::None).as_str().to_string(),
        };
        let client_auth = if http
            && auth.trust_platform_auth
            && matches!(
                auth.effective_mode(),
                Some(AuthMode::ApiKey | AuthMode::Zscaler)
            ) {
            format!(
                "{client_auth} + platform trust (credential-less requests use the container's credentials)"
            )
        } else {
            client_auth
        };
        let write_tools = match (config.write.enabled, config.write.allowlist.is_empty()) {
            (false, _) => "disabled",
            (true, true) => "enabled without allowlist (0 registered)",
            (true, false) => "allowlist",
        };
        Posture {
            transport: config.transport.as_str(),
            bind: http.then(|| format!("{}:{}", config.http.host, config.http.port)),
            tls: match &config.http.tls {
                Some(tls) if http && tls.ca_certs.is_some() => "on (client certificates required)",
                Some(_) if http => "on",
                _ => "off",
            },
            client_auth,
            host_validation: http && !config.http.disable_host_validation,
            allowed_hosts: config.http.allowed_hosts.clone(),
            source_ip_acl: config
                .http
                .allowed_source_ips
                .iter()
                .map(|r| match r {
                    IpRule::Any => "*".to_string(),
                    IpRule::Net(n) => n.to_string(),
                })
                .collect(),
            allowed_origins: config.http.allowed_origins.clone(),
            loopback_bind: config.http.binds_loopback(),
            trusted_proxies: config
                .http
                .trusted_proxies
                .iter()
                .map(|r| match r {
                    IpRule::Any => "*".to_string(),
                    IpRule::Net(n) => n.to_string(),
                })
                .collect(),
            limits: http.then(|| {
                let h = &config.http;
                format!(
                    "body={}K rate={} sessions={} idle={}s",
                    h.max_body_bytes >> 10,
                    match h.client_rate_limit {
                        None => "off".to_string(),
                        Some(r) => format!("{}/{}s per caller", r.count, r.per.as_secs()),
                    },
                    h.max_sessions,
                    h.session_idle_timeout.as_secs()
                )
            }),
            write_tools,
            delete_tools: if config.write.skip_confirmations {
                "UNCONFIRMED (ZSCALER_MCP_SKIP_CONFIRMATIONS)".to_string()
            } else {
                format!(
                    "confirmed (elicitation, input-required or single-use token; ttl={}s; keys={})",
                    config.write.confirmation_ttl.as_secs(),
                    match config.write.request_state_keys.len() {
                        0 => "per-process".to_string(),
                        n => format!("shared ring of {n}"),
                    }
                )
            },
            sanitization: config.output.sanitize,
            audit_logging: config.logging.log_tool_calls,
            state_store: config.state_store.describe(),
        }
    }

    /// The banner logged at startup: one `[SECURITY]` line per resolved layer.
    pub fn banner(&self) -> Vec<String> {
        let list = |v: &[String]| {
            if v.is_empty() {
                "off".to_string()
            } else {
                v.join(",")
            }
        };
        let mut lines = vec![format!(
            "transport={} bind={} tls={}",
            self.transport,
            self.bind.as_deref().unwrap_or("-"),
            self.tls
        )];
        lines.push(format!("auth={}", self.client_auth));
        if self.bind.is_some() {
            lines.push(format!(
                "host_validation={} allowed_hosts={}",
                on_off(self.host_validation),
                if self.allowed_hosts.is_empty() {
                    "bind address and loopback names".to_string()
                } else {
                    self.allowed_hosts.join(",")
                }
            ));
            lines.push(format!(
                "source_ip_acl={} trusted_proxies={}",
                list(&self.source_ip_acl),
                list(&self.trusted_proxies)
            ));
            lines.push(format!(
                "cors={}",
                match (self.allowed_origins.is_empty(), self.loopback_bind) {
                    (true, true) => "own and loopback origins only".to_string(),
                    (true, false) => "own origin only".to_string(),
                    (false, _) => self.allowed_origins.join(","),
                }
            ));
        }
        if let Some(limits) = &self.limits {
            lines.push(format!("limits: {limits}"));
        }
        lines.push(format!(
            "write_tools={} delete_tools={}",
            self.write_tools, self.delete_tools
        ));
        lines.push(format!("sanitization={}", on_off(self.sanitization)));
        lines.push(format!("audit_logging={}", on_off(self.audit_logging)));
        lines.push(format!("state_store={}", self.state_store));
        lines
            .into_iter()
            .map(|l| format!("[SECURITY] {l}"))
            .collect()
    }
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}
