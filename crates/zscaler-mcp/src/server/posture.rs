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
    /// The mode, with its parameters for jwt: `jwt (issuer=..., audience=..., algorithms=...)`.
    pub client_auth: String,
    pub host_validation: bool,
    pub allowed_hosts: Vec<String>,
    pub source_ip_acl: Vec<String>,
    pub allowed_origins: Vec<String>,
    pub write_tools: &'static str,
    /// What happens to a delete tool's call.
    pub delete_tools: String,
    pub sanitization: bool,
    pub audit_logging: bool,
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
            mode => mode.unwrap_or(AuthMode::None).as_str().to_string(),
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
        }
    }

    /// The one-line banner logged at startup.
    pub fn banner(&self) -> String {
        let list = |v: &[String]| {
            if v.is_empty() {
                "off".to_string()
            } else {
                v.join(",")
            }
        };
        format!(
            "[SECURITY] transport={} bind={} tls={} auth={} host_validation={} allowed_hosts={} \
             source_ip_acl={} cors={} write_tools={} delete_tools={} sanitization={} audit_logging={}",
            self.transport,
            self.bind.as_deref().unwrap_or("-"),
            self.tls,
            self.client_auth,
            on_off(self.host_validation),
            list(&self.allowed_hosts),
            list(&self.source_ip_acl),
            list(&self.allowed_origins),
            self.write_tools,
            self.delete_tools,
            on_off(self.sanitization),
            on_off(self.audit_logging),
        )
    }
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}
