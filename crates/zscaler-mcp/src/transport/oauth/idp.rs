//! The identity provider as this server sees it: its OpenID discovery document (read once at
//! startup) and an HTTP client for it (bounded in time and size, no redirects, optional extra
//! roots for a private CA or a TLS-inspecting proxy).

use std::time::Duration;

use serde_json::Value;

use super::check_url_scheme;

/// Time bound of every request to the identity provider (and to client metadata documents).
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest discovery document or token answer read.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

/// What discovery says about the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovery {
    pub issuer: String,
    pub jwks_uri: String,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    /// RFC 9207: the provider adds `iss` to its authorization responses.
    pub iss_parameter: bool,
    /// `token_endpoint_auth_methods_supported` (empty: not stated).
    pub token_auth_methods: Vec<String>,
    /// `code_challenge_methods_supported` (empty: not stated).
    pub code_challenge_methods: Vec<String>,
}

/// An HTTP client for the identity provider: no redirects, [`FETCH_TIMEOUT`], extra roots.
pub fn http_client(ca_bundle_pem: Option<&[u8]>) -> Result<reqwest::Client, String> {
    http_builder(ca_bundle_pem)?
        .build()
        .map_err(|e| format!("cannot set up the HTTP client: {e}"))
}

/// The builder of [`http_client`], for callers that add to it (pinned addresses).
pub fn http_builder(ca_bundle_pem: Option<&[u8]>) -> Result<reqwest::ClientBuilder, String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder()
        .user_agent(concat!(
            "zscaler-mcp/",
            env!("CARGO_PKG_VERSION"),
            " (oauth)"
        ))
        .connect_timeout(FETCH_TIMEOUT)
        .timeout(FETCH_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none());
    if let Some(pem) = ca_bundle_pem {
        let certs = reqwest::Certificate::from_pem_bundle(pem)
            .map_err(|e| format!("OIDCPROXY_CA_BUNDLE does not parse: {e}"))?;
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    Ok(builder)
}

/// Reads a JSON object at most `max` bytes long from `response`.
pub async fn json_body(response: reqwest::Response, max: usize) -> Result<Value, String> {
    if response.content_length().is_some_and(|n| n > max as u64) {
        return Err(format!("the answer is larger than {max} bytes"));
    }
    let mut body = Vec::new();
    let mut response = response;
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("reading the answer failed: {e}"))?
    {
        if body.len() + chunk.len() > max {
            return Err(format!("the answer is larger than {max} bytes"));
        }
        body.extend_from_slice(&chunk);
    }
    let value: Value =
        serde_json::from_slice(&body).map_err(|e| format!("the answer is not JSON: {e}"))?;
    if !value.is_object() {
        return Err("the answer is not a JSON object".into());
    }
    Ok(value)
}

fn url_field(doc: &Value, field: &str) -> Result<Option<String>, String> {
    match doc.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let url = reqwest::Url::parse(s).map_err(|_| format!("'{field}' is not a URL"))?;
            check_url_scheme(&url).map_err(|why| format!("'{field}' must be {why}"))?;
            Ok(Some(s.clone()))
        }
        Some(_) => Err(format!("'{field}' is not a string")),
    }
}

fn strings(doc: &Value, field: &str) -> Vec<String> {
    doc.get(field)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the discovery document at `config_url` and checks it: `issuer` and `jwks_uri` are
/// required; when the URL is `<issuer>/.well-known/openid-configuration`, the issuer must be
/// exactly that prefix (OpenID Discovery §4.3: a document naming another issuer is refused).
pub async fn discover(http: &reqwest::Client, config_url: &str) -> Result<Discovery, String> {
    let url = reqwest::Url::parse(config_url.trim()).map_err(|e| format!("not a URL ({e})"))?;
    check_url_scheme(&url)?;
    let response = http
        .get(url.clone())
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| format!("cannot reach {url}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("{url} answered {}", response.status()));
    }
    let doc = json_body(response, MAX_DOCUMENT_BYTES).await?;
    let issuer = doc
        .get("issuer")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or("the discovery document has no 'issuer'")?
        .to_string();
    let as_url = reqwest::Url::parse(&issuer).map_err(|_| "'issuer' is not a URL")?;
    check_url_scheme(&as_url).map_err(|why| format!("'issuer' must be {why}"))?;
    if let Some(prefix) = url
        .as_str()
        .strip_suffix("/.well-known/openid-configuration")
        && prefix.trim_end_matches('/') != issuer.trim_end_matches('/')
    {
        return Err(format!(
            "the discovery document at {url} names another issuer ({issuer})"
        ));
    }
    let jwks_uri =
        url_field(&doc, "jwks_uri")?.ok_or("the discovery document has no 'jwks_uri'")?;
    Ok(Discovery {
        issuer,
        jwks_uri,
        authorization_endpoint: url_field(&doc, "authorization_endpoint")?,
        token_endpoint: url_field(&doc, "token_endpoint")?,
        iss_parameter: doc
            .get("authorization_response_iss_parameter_supported")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        token_auth_methods: strings(&doc, "token_endpoint_auth_methods_supported"),
        code_challenge_methods: strings(&doc, "code_challenge_methods_supported"),
    })
}
