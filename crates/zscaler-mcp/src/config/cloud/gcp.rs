//! GCP Secret Manager (`ZSCALER_MCP_GCP_SECRET_MANAGER=true`, `GCP_PROJECT_ID`).
//!
//! Each key of [`super::GCP_KEYS`] is its own secret, named in lower case with hyphens
//! (`ZSCALER_CLIENT_ID` → `zscaler-client-id`), read at `versions/latest`. Access tokens come
//! from the `gcp_auth` crate: the service-account key file named by
//! `GOOGLE_APPLICATION_CREDENTIALS` in this server's environment snapshot, else Application
//! Default Credentials (the gcloud user file, the metadata server of GCE, Cloud Run and GKE).
//! `ZSCALER_MCP_GCP_SECRET_MANAGER_ENDPOINT` replaces `https://secretmanager.googleapis.com`
//! (a Private Service Connect endpoint; `http` only to loopback).
//!
//! A secret that does not exist is skipped; a denied read of `ZSCALER_CLIENT_ID` or
//! `ZSCALER_CLIENT_SECRET` stops startup, of another key is skipped with a warning.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

use super::{GCP_KEYS, Loaded, Note};
use crate::config::Environment;

const DEFAULT_ENDPOINT: &str = "https://secretmanager.googleapis.com";
const SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";
const TIMEOUT: Duration = Duration::from_secs(15);
/// Keys whose secret must be readable when it exists.
const REQUIRED: &[&str] = &["ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"];

/// The secret id of `key`: `ZSCALER_CLIENT_ID` → `zscaler-client-id`.
pub fn secret_id(key: &str) -> String {
    key.to_ascii_lowercase().replace('_', "-")
}

pub async fn load(env: &Environment) -> Result<Loaded, String> {
    let project = env.get("GCP_PROJECT_ID").ok_or(
        "GCP Secret Manager is enabled (ZSCALER_MCP_GCP_SECRET_MANAGER=true) but GCP_PROJECT_ID \
         is not set.",
    )?;
    let endpoint = env
        .get("ZSCALER_MCP_GCP_SECRET_MANAGER_ENDPOINT")
        .unwrap_or(DEFAULT_ENDPOINT)
        .trim_end_matches('/')
        .to_string();
    let url = reqwest::Url::parse(&endpoint)
        .map_err(|_| format!("ZSCALER_MCP_GCP_SECRET_MANAGER_ENDPOINT is not a URL: {endpoint}"))?;
    crate::config::url_policy::check_url_scheme(&url).map_err(|why| {
        format!("ZSCALER_MCP_GCP_SECRET_MANAGER_ENDPOINT must be {why}: {endpoint}")
    })?;
    let mut notes = vec![Note::Info(format!(
        "Loading credentials from GCP Secret Manager (project: {project})"
    ))];
    let provider: Arc<dyn gcp_auth::TokenProvider> = match env.get("GOOGLE_APPLICATION_CREDENTIALS")
    {
        Some(path) => Arc::new(gcp_auth::CustomServiceAccount::from_file(path).map_err(|e| {
            format!("GOOGLE_APPLICATION_CREDENTIALS ({path}) is not a usable service-account key: {e}")
        })?),
        None => gcp_auth::provider().await.map_err(|e| {
            format!(
                "no Google credentials for GCP Secret Manager ({e}): set \
                 GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run where the \
                 metadata server provides the service account"
            )
        })?,
    };
    let token = tokio::time::timeout(TIMEOUT, provider.token(&[SCOPE]))
        .await
        .map_err(|_| "the Google token endpoint did not answer within 15 s".to_string())?
        .map_err(|e| format!("cannot get a Google access token for GCP Secret Manager: {e}"))?;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("cannot set up the HTTP client: {e}"))?;
    let mut values = Vec::new();
    for key in GCP_KEYS {
        let name = format!("projects/{project}/secrets/{}", secret_id(key));
        let response = http
            .get(format!("{endpoint}/v1/{name}/versions/latest:access"))
            .bearer_auth(token.as_str())
            .send()
            .await
            .map_err(|e| format!("cannot reach GCP Secret Manager at {endpoint}: {e}"))?;
        match response.status().as_u16() {
            200 => {}
            404 => {
                notes.push(Note::Info(format!(
                    "GCP secret {name} not found; {key} not set from it"
                )));
                continue;
            }
            403 if REQUIRED.contains(key) => {
                return Err(format!(
                    "Permission denied accessing secret: {name} (grant \
                     roles/secretmanager.secretAccessor on it to the service account)"
                ));
            }
            403 => {
                notes.push(Note::Warn(format!(
                    "Permission denied accessing secret: {name}; {key} not set from it"
                )));
                continue;
            }
            status => {
                return Err(format!(
                    "GCP Secret Manager answered HTTP {status} for {name}"
                ));
            }
        }
        let body: Value = response
            .json()
            .await
            .map_err(|e| format!("GCP Secret Manager's answer for {name} is not JSON: {e}"))?;
        let value = body["payload"]["data"]
            .as_str()
            .and_then(|d| STANDARD.decode(d).ok())
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| format!("GCP secret {name} holds no UTF-8 text payload"))?;
        let value = value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        notes.push(Note::Info(format!("Set environment variable: {key}")));
        values.push((key.to_string(), value));
    }
    notes.push(Note::Info(format!(
        "Loaded {} credential(s) from GCP Secret Manager",
        values.len()
    )));
    Ok(Loaded {
        source: format!("GCP Secret Manager project '{project}'"),
        values,
        notes,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn secret_ids_are_lower_case_with_hyphens() {
        assert_eq!(super::secret_id("ZSCALER_CLIENT_ID"), "zscaler-client-id");
        assert_eq!(
            super::secret_id("ZSCALER_MCP_WRITE_TOOLS"),
            "zscaler-mcp-write-tools"
        );
    }
}
