//! The OneAPI entitlement filter: the access token's `service-info[].prd` claim names the
//! products the credentials may call; services outside it are dropped so an agent never
//! discovers tools that can only fail. Never fatal: any failure leaves the selection as
//! configured, with one warning saying why.

use std::time::Duration;

use serde_json::Value;

use crate::client::ZscalerClient;
use crate::service::Service;

/// How long startup waits for the token.
const TOKEN_WAIT: Duration = Duration::from_secs(15);

/// What the token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitlements {
    pub services: Vec<Service>,
    /// `prd` values no service maps to: logged, never used to remove tools.
    pub unknown: Vec<String>,
}

/// Reads the `service-info` (or `serviceInfo`) claim.
pub fn from_claims(claims: &Value) -> Result<Entitlements, String> {
    let entries = claims
        .get("service-info")
        .or_else(|| claims.get("serviceInfo"))
        .and_then(Value::as_array)
        .ok_or("token had no service-info claim")?;
    let mut services = Vec::new();
    let mut unknown = Vec::new();
    for prd in entries
        .iter()
        .filter_map(|e| e.get("prd").and_then(Value::as_str))
    {
        match Service::from_product(prd) {
            Some(s) if !services.contains(&s) => services.push(s),
            Some(_) => {}
            None => unknown.push(prd.trim().to_string()),
        }
    }
    unknown.sort();
    unknown.dedup();
    if services.is_empty() {
        return Err("token had no recognizable service-info entries".into());
    }
    services.sort();
    Ok(Entitlements { services, unknown })
}

/// Fetches the token (through the client's cache) and reads it; `Err` is the reason to skip.
pub async fn check(client: &ZscalerClient) -> Result<Entitlements, String> {
    let token = match tokio::time::timeout(TOKEN_WAIT, client.access_token()).await {
        Err(_) => return Err("the token endpoint did not answer in time".into()),
        Ok(Err(e)) => return Err(format!("no token: {e}")),
        Ok(Ok(t)) => t,
    };
    let claims = token.claims().ok_or("token did not decode")?;
    from_claims(&claims)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn maps_products_and_keeps_unknown_ones_apart() {
        let claims = json!({"service-info": [
            {"prd": "ZIA", "rnm": "x"}, {"prd": "cloud_connector"}, {"prd": "ZIA"},
            {"prd": "NEWTHING"}, {"prd": " zidentity "}
        ]});
        let e = from_claims(&claims).unwrap();
        assert_eq!(e.services, vec![Service::Zia, Service::Zid, Service::Ztw]);
        assert_eq!(e.unknown, vec!["NEWTHING".to_string()]);
        assert!(from_claims(&json!({"serviceInfo": [{"prd": "ZPA"}]})).is_ok());
        assert!(from_claims(&json!({"service-info": [{"prd": "NOPE"}]})).is_err());
        assert!(from_claims(&json!({"sub": "x"})).is_err());
    }
}
