//! Where the Zscaler side lives: the OneAPI gateway and token URLs for the configured cloud, the
//! overrides a library user injects, or the embedded sandbox.

use super::Grant;
use crate::secret::Secret;

/// The Zscaler tenant this server talks to, and with which credentials.
#[derive(Debug, Clone)]
pub struct Upstream {
    pub base_url: String,
    pub token_url: String,
    pub client_id: Option<String>,
    /// How the client authenticates; `None` when no credentials are configured.
    pub grant: Option<Grant>,
    pub customer_id: Option<String>,
    pub zcell_customer_id: Option<String>,
    /// True when this is the embedded simulated tenant, never a real one.
    pub sandbox: bool,
}

/// OneAPI gateway and token URL for a cloud (`ZSCALER_CLOUD`) and vanity domain, as the
/// official SDK computes them.
pub fn cloud_urls(cloud: &str, vanity: &str) -> (String, String) {
    match cloud.to_ascii_lowercase().as_str() {
        "" | "production" => (
            "https://api.zsapi.net".to_string(),
            format!("https://{vanity}.zslogin.net/oauth2/v1/token"),
        ),
        "beta" => (
            "https://api.beta.zsapi.net".to_string(),
            format!("https://{vanity}.zsloginbeta.net/oauth2/v1/token"),
        ),
        "gov" => (
            "https://api.zscalergov.net".to_string(),
            format!("https://{vanity}.zidentitygov.net/oauth2/v1/token"),
        ),
        "govus" => (
            "https://api.zscalergov.us".to_string(),
            format!("https://{vanity}.zidentitygov.us/oauth2/v1/token"),
        ),
        other => (
            format!("https://api.{other}.zsapi.net"),
            format!("https://{vanity}.zslogin{other}.net/oauth2/v1/token"),
        ),
    }
}

impl Upstream {
    /// The embedded sandbox.
    pub fn sandbox(running: &zscaler_sandbox::RunningSandbox) -> Upstream {
        Upstream {
            base_url: running.base_url.clone(),
            token_url: running.token_url.clone(),
            client_id: Some(running.client_id.clone()),
            grant: Some(Grant::ClientSecret(Secret::new(
                running.client_secret.clone(),
            ))),
            customer_id: Some(running.customer_id.clone()),
            zcell_customer_id: Some(running.zcell_customer_id.clone()),
            sandbox: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cloud_urls;

    #[test]
    fn every_cloud_maps_as_the_sdk_does() {
        assert_eq!(
            cloud_urls("PRODUCTION", "acme"),
            (
                "https://api.zsapi.net".into(),
                "https://acme.zslogin.net/oauth2/v1/token".into()
            )
        );
        assert_eq!(
            cloud_urls("beta", "acme"),
            (
                "https://api.beta.zsapi.net".into(),
                "https://acme.zsloginbeta.net/oauth2/v1/token".into()
            )
        );
        assert_eq!(
            cloud_urls("gov", "acme"),
            (
                "https://api.zscalergov.net".into(),
                "https://acme.zidentitygov.net/oauth2/v1/token".into()
            )
        );
        assert_eq!(
            cloud_urls("govus", "acme"),
            (
                "https://api.zscalergov.us".into(),
                "https://acme.zidentitygov.us/oauth2/v1/token".into()
            )
        );
        assert_eq!(
            cloud_urls("zscalertwo", "acme"),
            (
                "https://api.zscalertwo.zsapi.net".into(),
                "https://acme.zsloginzscalertwo.net/oauth2/v1/token".into()
            )
        );
    }
}
