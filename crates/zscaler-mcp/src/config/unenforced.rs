//! Startup refusals: settings this version parses but does not enforce yet are refused, naming
//! the setting (a security product must never report, or silently accept, a protection it does
//! not apply; each check goes away in the commit that enforces its setting), and so are unsafe
//! combinations that need an explicit choice (plaintext on a public interface, HTTP without
//! client authentication).

use super::{AuthMode, Config, ConfigError};

/// Shortest API key accepted for client authentication.
pub const MIN_API_KEY_CHARS: usize = 16;

/// `Err` naming the first configured setting that would not be enforced.
pub fn refuse_unenforced(config: &Config) -> Result<(), ConfigError> {
    refuse_unenforced_with(config, false)
}

/// [`refuse_unenforced`], told whether a library auth provider replaces the configured client
/// authentication (`ZscalerMcpServerBuilder::auth`): then no `ZSCALER_MCP_AUTH_*` or
/// `OIDCPROXY_*` setting may be given (none would be used).
pub fn refuse_unenforced_with(config: &Config, provider: bool) -> Result<(), ConfigError> {
    check(config, provider, false)
}

fn check(config: &Config, provider: bool, provider_in_use: bool) -> Result<(), ConfigError> {
    if provider {
        let mut plain = config.clone();
        let auth = &config.client_auth;
        let given = [
            ("ZSCALER_MCP_AUTH_MODE", auth.mode.is_some()),
            ("ZSCALER_MCP_AUTH_ENABLED", auth.enabled.is_some()),
        ];
        if let Some((name, _)) = given.iter().find(|(_, on)| *on) {
            return Err(ConfigError::new(
                *name,
                "<set>",
                "it unset: the server was given an auth provider in code, which replaces the \
                 configured client authentication",
            ));
        }
        // Checked as if authentication were off, so every other auth setting is refused as unused.
        plain.client_auth.enabled = Some(false);
        return check(&plain, false, true);
    }
    let refuse = |source: &str, value: &str, why: &str| {
        Err(ConfigError::new(source, value, format!("it unset: {why}")))
    };
    let http = config.transport.is_http();
    let h = &config.http;
    if http && h.tls.is_none() && !h.binds_loopback() && !h.allow_http {
        return Err(ConfigError::new(
            "--host (ZSCALER_MCP_HOST)",
            &h.host,
            "a loopback address (127.0.0.1, ::1, localhost): another interface needs TLS \
             (ZSCALER_MCP_TLS_CERT_FILE and ZSCALER_MCP_TLS_KEY_FILE), or \
             ZSCALER_MCP_ALLOW_HTTP=true when TLS is terminated in front of the server",
        ));
    }
    let auth = &config.client_auth;
    let mode = auth.effective_mode();
    match mode {
        Some(AuthMode::Oidc | AuthMode::OidcProxy) if http => {
            let o = &auth.oidc;
            let name = mode.map(AuthMode::as_str).unwrap_or("oidc");
            let need = |var: &str, set: bool, what: &str| -> Result<(), ConfigError> {
                if set {
                    Ok(())
                } else {
                    Err(ConfigError::new(
                        var,
                        "(unset)",
                        format!("{what}, required by ZSCALER_MCP_AUTH_MODE={name}"),
                    ))
                }
            };
            need(
                "OIDCPROXY_CONFIG_URL",
                o.config_url.is_some(),
                "the identity provider's OpenID discovery URL \
                 (https://idp.example.com/.well-known/openid-configuration)",
            )?;
            need(
                "OIDCPROXY_BASE_URL",
                o.base_url.is_some(),
                "this server's public URL as clients reach it (https://mcp.example.com)",
            )?;
            if mode == Some(AuthMode::Oidc) {
                need(
                    "OIDCPROXY_AUDIENCE",
                    o.audience.is_some() || o.client_id.is_some(),
                    "the audience the provider's access tokens carry for this server \
                     (OIDCPROXY_AUDIENCE, or OIDCPROXY_CLIENT_ID)",
                )?;
            } else {
                need(
                    "OIDCPROXY_CLIENT_ID",
                    o.client_id.is_some(),
                    "this server's client id at the identity provider",
                )?;
                need(
                    "OIDCPROXY_CLIENT_SECRET",
                    o.client_secret.is_some(),
                    "this server's client secret at the identity provider",
                )?;
            }
        }
        // Callers' OneAPI credentials are validated at the tenant's token endpoint: it must be
        // known (the server's own credentials are optional in this mode).
        Some(AuthMode::Zscaler) if http => {
            let z = &config.zscaler;
            if z.vanity_domain.is_none() && z.token_url.is_none() && config.sandbox.is_none() {
                return Err(ConfigError::new(
                    "ZSCALER_VANITY_DOMAIN",
                    "(unset)",
                    "the tenant's vanity domain (or ZSCALER_MCP_TOKEN_URL), required by \
                     ZSCALER_MCP_AUTH_MODE=zscaler: callers' OneAPI credentials are validated at \
                     its token endpoint",
                ));
            }
        }
        // The JWKS URL (https or loopback http), algorithms (never none/HS*) and leeway were
        // checked when parsed; the verifier checks them again when the server starts.
        Some(AuthMode::Jwt) if http => {
            if auth.jwks_uri.is_none() {
                return Err(ConfigError::new(
                    "ZSCALER_MCP_AUTH_JWKS_URI",
                    "(unset)",
                    "the identity provider's JWKS URL (https://...), required by \
                     ZSCALER_MCP_AUTH_MODE=jwt",
                ));
            }
            match &auth.issuer {
                Some(issuer) if !issuer.trim().is_empty() => {}
                other => {
                    return Err(ConfigError::new(
                        "ZSCALER_MCP_AUTH_ISSUER",
                        if other.is_some() { "" } else { "(unset)" },
                        "the identity provider's issuer (the exact 'iss' of its tokens), \
                         required by ZSCALER_MCP_AUTH_MODE=jwt",
                    ));
                }
            }
            if auth.audience.trim().is_empty() {
                return Err(ConfigError::new(
                    "ZSCALER_MCP_AUTH_AUDIENCE",
                    "",
                    "a value the tokens' 'aud' must contain (default zscaler-mcp-server)",
                ));
            }
            if auth.algorithms.is_empty() {
                return Err(ConfigError::new(
                    "ZSCALER_MCP_AUTH_ALGORITHMS",
                    "",
                    "asymmetric JWT algorithms, e.g. RS256 (the default) or RS256,ES256",
                ));
            }
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
                "a mode to go with it: set ZSCALER_MCP_AUTH_API_KEY (api-key), or \
                 ZSCALER_MCP_AUTH_JWKS_URI and ZSCALER_MCP_AUTH_ISSUER (jwt)",
            ));
        }
        // Client authentication is on by default on HTTP: serving without it is a choice the
        // operator makes explicitly (ZSCALER_MCP_AUTH_MODE=none or ZSCALER_MCP_AUTH_ENABLED=false).
        None if http => {
            return Err(ConfigError::new(
                "ZSCALER_MCP_AUTH_MODE",
                "",
                "a client authentication mode: HTTP transports authenticate clients by default. \
                 Set ZSCALER_MCP_AUTH_API_KEY (zscaler-mcp --generate-auth-token bearer makes \
                 one), ZSCALER_MCP_AUTH_JWKS_URI with ZSCALER_MCP_AUTH_ISSUER (jwt), or \
                 ZSCALER_MCP_AUTH_MODE=zscaler (callers send their OneAPI credentials); to serve \
                 without client authentication, set ZSCALER_MCP_AUTH_MODE=none",
            ));
        }
        _ => {}
    }
    if http
        && auth.trust_platform_auth
        && mode == Some(AuthMode::Zscaler)
        && (config.zscaler.client_id.is_none() || config.zscaler.client_secret.is_none())
    {
        return Err(ConfigError::new(
            "ZSCALER_MCP_TRUST_PLATFORM_AUTH",
            "true",
            "ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET in the container: in zscaler mode, \
             credential-less requests are served as those credentials",
        ));
    }
    // Scopes come only from the tokens of these modes (or a library provider's principal).
    if let Some(scope) = &config.write.scope {
        let scoped = matches!(
            mode,
            Some(AuthMode::Jwt | AuthMode::Oidc | AuthMode::OidcProxy)
        );
        if !config.write.enabled {
            return refuse(
                "ZSCALER_MCP_WRITE_SCOPE",
                scope,
                "it applies only when write tools are enabled (--enable-write-tools)",
            );
        }
        if !http || !(scoped || provider_in_use) {
            return refuse(
                "ZSCALER_MCP_WRITE_SCOPE",
                scope,
                "callers' scopes come only from the tokens of the jwt, oidc and oidc-proxy client \
                 authentication modes on HTTP transports",
            );
        }
    }
    let api_key_in_use = http && mode == Some(AuthMode::ApiKey);
    let jwt_in_use = http && mode == Some(AuthMode::Jwt);
    let proxy = http && mode == Some(AuthMode::OidcProxy);
    let resource = http && mode == Some(AuthMode::Oidc);
    let oidc_any = proxy || resource;
    let o = &auth.oidc;
    let set = [
        (
            "ZSCALER_MCP_AUTH_API_KEY",
            auth.api_key.is_some() && !api_key_in_use,
        ),
        (
            "ZSCALER_MCP_AUTH_JWKS_URI",
            auth.jwks_uri.is_some() && !jwt_in_use,
        ),
        (
            "ZSCALER_MCP_AUTH_ISSUER",
            auth.issuer.is_some() && !jwt_in_use,
        ),
        (
            "ZSCALER_MCP_AUTH_AUDIENCE",
            auth.audience != "zscaler-mcp-server" && !jwt_in_use,
        ),
        // The oidc mode verifies the provider's JWTs with the same algorithms and leeway.
        (
            "ZSCALER_MCP_AUTH_ALGORITHMS",
            auth.algorithms != ["RS256"] && !(jwt_in_use || resource),
        ),
        (
            "ZSCALER_MCP_AUTH_LEEWAY_SECONDS",
            auth.leeway.as_secs() != 30 && !(jwt_in_use || resource),
        ),
        (
            "ZSCALER_MCP_TRUST_PLATFORM_AUTH",
            auth.trust_platform_auth
                && !(http && matches!(mode, Some(AuthMode::ApiKey | AuthMode::Zscaler))),
        ),
        ("OIDCPROXY_CONFIG_URL", o.config_url.is_some() && !oidc_any),
        ("OIDCPROXY_BASE_URL", o.base_url.is_some() && !oidc_any),
        ("OIDCPROXY_AUDIENCE", o.audience.is_some() && !oidc_any),
        ("OIDCPROXY_CLIENT_ID", o.client_id.is_some() && !oidc_any),
        (
            "OIDCPROXY_REQUIRED_SCOPES",
            !o.required_scopes.is_empty() && !oidc_any,
        ),
        (
            "OIDCPROXY_CA_BUNDLE",
            o.ca_bundle_pem.is_some() && !oidc_any,
        ),
        // The protected resource never sees the client secret, scopes to grant, redirect URIs,
        // client metadata or a token lifetime: the identity provider handles those.
        (
            "OIDCPROXY_CLIENT_SECRET",
            o.client_secret.is_some() && !proxy,
        ),
        (
            "OIDCPROXY_ALLOWED_SCOPES",
            !o.allowed_scopes.is_empty() && !proxy,
        ),
        (
            "OIDCPROXY_ALLOWED_REDIRECT_URIS",
            !o.allowed_redirect_uris.is_empty() && !proxy,
        ),
        (
            "OIDCPROXY_CLIENT_METADATA_HOSTS",
            !o.client_metadata_hosts.is_empty() && !proxy,
        ),
        (
            "OIDCPROXY_TOKEN_TTL",
            o.token_ttl.as_secs() != 900 && !proxy,
        ),
    ];
    if let Some((name, _)) = set.iter().find(|(_, on)| *on) {
        return refuse(
            name,
            "<set>",
            "it is not used by the client authentication in force (api-key, jwt, zscaler, oidc \
             or oidc-proxy, on HTTP transports only, as the mode selects)",
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
