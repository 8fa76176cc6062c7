//! Settings this version parses but does not enforce yet are refused at startup, naming the
//! setting: a security product must never report (or silently accept) a protection it does not
//! apply. Each check goes away in the commit that enforces its setting.

use super::{AuthMode, Config, ConfigError};

/// Shortest API key accepted for client authentication.
pub const MIN_API_KEY_CHARS: usize = 16;

/// `Err` naming the first configured setting that would not be enforced.
pub fn refuse_unenforced(config: &Config) -> Result<(), ConfigError> {
    let refuse = |source: &str, value: &str, why: &str| {
        Err(ConfigError::new(source, value, format!("it unset: {why}")))
    };
    let http = config.transport.is_http();
    let h = &config.http;
    if let Some(tls) = &h.tls {
        return refuse(
            "ZSCALER_MCP_TLS_CERT_FILE",
            &tls.cert_file.display().to_string(),
            "this version does not terminate TLS yet; put a TLS proxy in front and set \
             ZSCALER_MCP_ALLOW_HTTP=true",
        );
    }
    if http && !h.binds_loopback() && !h.allow_http {
        return Err(ConfigError::new(
            "--host (ZSCALER_MCP_HOST)",
            &h.host,
            "a loopback address (127.0.0.1, ::1, localhost): plaintext HTTP on another \
             interface needs ZSCALER_MCP_ALLOW_HTTP=true (TLS terminated in front of the server)",
        ));
    }
    if !h.allowed_source_ips.is_empty() {
        return refuse(
            "ZSCALER_MCP_ALLOWED_SOURCE_IPS",
            "<list>",
            "the source-IP ACL is not enforced by this version yet; restrict sources with a \
             firewall or proxy",
        );
    }
    if !h.allowed_origins.is_empty() {
        return refuse(
            "ZSCALER_MCP_ALLOWED_ORIGINS",
            &h.allowed_origins.join(","),
            "this version answers no CORS preflight yet, so browsers refuse every cross-origin \
             request",
        );
    }
    let auth = &config.client_auth;
    let mode = auth.effective_mode();
    match mode {
        Some(AuthMode::Jwt | AuthMode::Zscaler | AuthMode::Oidc) if http => {
            return refuse(
                "ZSCALER_MCP_AUTH_MODE",
                mode.map(AuthMode::as_str).unwrap_or_default(),
                "this version enforces api-key client authentication only; use \
                 ZSCALER_MCP_AUTH_API_KEY, or authenticate in a proxy in front of the server",
            );
        }
        Some(AuthMode::ApiKey) if http => match &auth.api_key {
            None => {
                return Err(ConfigError::new(
                    "ZSCALER_MCP_AUTH_API_KEY",
                    "",
                    "a key for ZSCALER_MCP_AUTH_MODE=api-key (generate one with \
                     zscaler-mcp --generate-auth-token bearer)",
                ));
            }
            Some(key) if key.expose().chars().count() < MIN_API_KEY_CHARS => {
                return Err(ConfigError::new(
                    "ZSCALER_MCP_AUTH_API_KEY",
                    "<redacted>",
                    format!(
                        "a key of at least {MIN_API_KEY_CHARS} characters (generate one with \
                         zscaler-mcp --generate-auth-token bearer)"
                    ),
                ));
            }
            Some(_) => {}
        },
        None if auth.enabled == Some(true) => {
            return Err(ConfigError::new(
                "ZSCALER_MCP_AUTH_ENABLED",
                "true",
                "a mode to go with it: set ZSCALER_MCP_AUTH_API_KEY (api-key)",
            ));
        }
        _ => {}
    }
    let api_key_in_use = http && mode == Some(AuthMode::ApiKey);
    let set = [
        (
            "ZSCALER_MCP_AUTH_API_KEY",
            auth.api_key.is_some() && !api_key_in_use,
        ),
        ("ZSCALER_MCP_AUTH_JWKS_URI", auth.jwks_uri.is_some()),
        ("ZSCALER_MCP_AUTH_ISSUER", auth.issuer.is_some()),
        (
            "ZSCALER_MCP_AUTH_AUDIENCE",
            auth.audience != "zscaler-mcp-server",
        ),
        ("ZSCALER_MCP_AUTH_ALGORITHMS", auth.algorithms != ["RS256"]),
        ("ZSCALER_MCP_TRUST_PLATFORM_AUTH", auth.trust_platform_auth),
        ("OIDCPROXY_CONFIG_URL", auth.oidc.config_url.is_some()),
        ("OIDCPROXY_BASE_URL", auth.oidc.base_url.is_some()),
        ("OIDCPROXY_AUDIENCE", auth.oidc.audience.is_some()),
        ("OIDCPROXY_CLIENT_ID", auth.oidc.client_id.is_some()),
        ("OIDCPROXY_CLIENT_SECRET", auth.oidc.client_secret.is_some()),
        (
            "OIDCPROXY_REQUIRED_SCOPES",
            !auth.oidc.required_scopes.is_empty(),
        ),
    ];
    if let Some((name, _)) = set.iter().find(|(_, on)| *on) {
        return refuse(
            name,
            "<set>",
            "it is not used by the client authentication this version enforces (api-key on \
             HTTP transports)",
        );
    }
    let w = &config.write;
    if w.skip_confirmations {
        return refuse(
            "ZSCALER_MCP_SKIP_CONFIRMATIONS",
            "true",
            "delete confirmation does not exist yet: delete tools refuse to run",
        );
    }
    if w.confirmation_ttl.as_secs() != 300 {
        return refuse(
            "ZSCALER_MCP_CONFIRMATION_TTL",
            &w.confirmation_ttl.as_secs().to_string(),
            "delete confirmation does not exist yet: delete tools refuse to run",
        );
    }
    if !w.request_state_keys.is_empty() {
        return refuse(
            "ZSCALER_MCP_REQUEST_STATE_KEYS",
            "<redacted>",
            "confirmation and request state are not sealed by this version yet",
        );
    }
    let s = &config.secrets;
    if let Some(name) = &s.aws_secret_name {
        return refuse(
            "ZSCALER_SECRET_NAME",
            name,
            "this version does not load AWS Secrets Manager yet; export the credentials \
             (ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ...) instead",
        );
    }
    if s.gcp_secret_manager {
        return refuse(
            "ZSCALER_MCP_GCP_SECRET_MANAGER",
            "true",
            "this version does not load GCP Secret Manager yet; export the credentials instead",
        );
    }
    if config.output.report_tokens {
        return refuse(
            "ZSCALER_MCP_REPORT_TOKENS",
            "true",
            "this version does not report token counts yet",
        );
    }
    if config.output.token_encoding != "o200k_base" {
        return refuse(
            "ZSCALER_MCP_TOKEN_ENCODING",
            &config.output.token_encoding,
            "this version does not report token counts yet",
        );
    }
    Ok(())
}
