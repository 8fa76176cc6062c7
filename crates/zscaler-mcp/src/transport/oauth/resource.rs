//! `ZSCALER_MCP_AUTH_MODE=oidc`: this server as an OAuth protected resource (RFC 9728).
//!
//! Clients get access tokens from the identity provider for this server's audience and send
//! them as bearer tokens; each is verified locally against the provider's JWKS (issuer from
//! discovery, audience, algorithms, expiry; see [`crate::transport::edge::jwt`]). The metadata
//! at `/.well-known/oauth-protected-resource/mcp` (and without the `/mcp` suffix, for older
//! clients) names the provider as the authorization server; every refusal names that URL in
//! `WWW-Authenticate` (`resource_metadata`). Required scopes (`OIDCPROXY_REQUIRED_SCOPES`) are
//! enforced (403 `insufficient_scope`), and the token's scopes travel on with the principal.

use std::sync::Arc;

use axum::Router;
use axum::http::HeaderMap;
use axum::routing::get;
use futures::future::BoxFuture;
use serde_json::json;

use super::{AuthProvider, PublicUrls, idp, json_public};
use crate::transport::edge::auth::{Principal, Refusal, bearer};
use crate::transport::edge::jwt::{JwtSettings, JwtVerifier};

/// What the protected resource needs to know.
#[derive(Debug, Clone)]
pub struct OidcSettings {
    /// The provider's OpenID discovery URL.
    pub config_url: String,
    /// This server's public URL (`https://host` or `https://host/mcp`).
    pub base_url: String,
    /// The `aud` the provider's access tokens carry for this server.
    pub audience: String,
    /// Scopes every token must carry.
    pub required_scopes: Vec<String>,
    /// Accepted signature algorithms (default RS256 and ES256).
    pub algorithms: Vec<String>,
    /// Extra trusted roots for the provider's URLs.
    pub ca_bundle_pem: Option<Vec<u8>>,
    /// Clock skew allowed on `exp`, `nbf` and `iat`.
    pub leeway: std::time::Duration,
}

impl OidcSettings {
    pub fn new(
        config_url: impl Into<String>,
        base_url: impl Into<String>,
        audience: impl Into<String>,
    ) -> OidcSettings {
        OidcSettings {
            config_url: config_url.into(),
            base_url: base_url.into(),
            audience: audience.into(),
            required_scopes: Vec::new(),
            algorithms: vec!["RS256".into(), "ES256".into()],
            ca_bundle_pem: None,
            leeway: std::time::Duration::from_secs(30),
        }
    }
}

/// The protected resource: verifies the provider's tokens, serves the metadata.
pub struct OidcResource {
    urls: PublicUrls,
    issuer: String,
    audience: String,
    required: Vec<String>,
    verifier: JwtVerifier,
}

impl OidcResource {
    /// Reads the provider's discovery document (at startup: a provider that cannot be reached or
    /// a document that does not check out stops the server) and sets up the verifier.
    pub async fn discover(settings: OidcSettings) -> Result<OidcResource, String> {
        let urls = PublicUrls::new(&settings.base_url)
            .map_err(|why| format!("OIDCPROXY_BASE_URL must be {why}"))?;
        if settings.audience.trim().is_empty() {
            return Err("the audience is empty".into());
        }
        let http = idp::http_client(settings.ca_bundle_pem.as_deref())?;
        let found = idp::discover(&http, &settings.config_url)
            .await
            .map_err(|why| format!("OIDCPROXY_CONFIG_URL: {why}"))?;
        let jwt = JwtSettings {
            algorithms: settings.algorithms.clone(),
            ca_bundle_pem: settings.ca_bundle_pem.clone(),
            leeway: settings.leeway,
            ..JwtSettings::new(&found.jwks_uri, &found.issuer, &settings.audience)
        };
        let verifier = JwtVerifier::new(&jwt).map_err(|e| e.to_string())?;
        tracing::info!(
            "OIDC auth configured as a protected resource (issuer={}, resource={}, audience={})",
            found.issuer,
            urls.resource,
            settings.audience
        );
        Ok(OidcResource {
            urls,
            issuer: found.issuer,
            audience: settings.audience,
            required: settings.required_scopes,
            verifier,
        })
    }

    /// The RFC 9728 document.
    fn metadata(&self) -> serde_json::Value {
        let mut doc = json!({
            "resource": self.urls.resource,
            "authorization_servers": [self.issuer],
            "bearer_methods_supported": ["header"],
            "resource_name": "Zscaler MCP Server",
        });
        if !self.required.is_empty() {
            doc["scopes_supported"] = json!(self.required);
        }
        doc
    }
}

/// Verifies a bearer token with `verifier` and checks the required scopes.
pub(crate) async fn principal_of(
    verifier: &JwtVerifier,
    headers: &HeaderMap,
    required: &[String],
    mode: &'static str,
) -> Result<Principal, Refusal> {
    let token = bearer(headers)?;
    let token = std::str::from_utf8(token).map_err(|_| Refusal::Malformed)?;
    let verified = verifier.verify(token).await.map_err(Refusal::Token)?;
    if !required.iter().all(|s| verified.scopes.contains(s)) {
        return Err(Refusal::InsufficientScope);
    }
    Ok(Principal {
        id: format!("oidc:{}", verified.subject),
        mode,
        scopes: verified.scopes,
        oneapi: None,
    })
}

impl AuthProvider for OidcResource {
    fn mode(&self) -> &'static str {
        "oidc"
    }

    fn authenticate<'a>(
        &'a self,
        headers: &'a HeaderMap,
    ) -> BoxFuture<'a, Result<Principal, Refusal>> {
        Box::pin(principal_of(
            &self.verifier,
            headers,
            &self.required,
            "oidc",
        ))
    }

    fn routes(self: Arc<Self>) -> Router {
        let doc = self.metadata();
        let serve = move || {
            let doc = doc.clone();
            async move { json_public(&doc) }
        };
        Router::new()
            .route(self.urls.metadata_path(), get(serve.clone()))
            .route("/.well-known/oauth-protected-resource", get(serve))
    }

    fn resource_metadata_url(&self) -> Option<String> {
        Some(self.urls.metadata_url())
    }

    fn required_scopes(&self) -> Vec<String> {
        self.required.clone()
    }

    fn describe(&self) -> String {
        format!(
            "oidc (protected resource: authorization server={}, resource={}, audience={}, \
             algorithms={}, required scopes={})",
            self.issuer,
            self.urls.resource,
            self.audience,
            self.verifier.algorithms().join(","),
            if self.required.is_empty() {
                "none".to_string()
            } else {
                self.required.join(" ")
            }
        )
    }
}
