//! Cloud secret stores, read once at startup before the configuration is parsed (spec 004;
//! the reference's loaders, upstream-features §20): AWS Secrets Manager (`ZSCALER_SECRET_NAME`)
//! first, then GCP Secret Manager (`ZSCALER_MCP_GCP_SECRET_MANAGER`), the later overriding.
//!
//! Only a fixed set of keys is taken from a secret ([`AWS_KEYS`], [`GCP_KEYS`]); they override
//! the environment snapshot (and are named `KEY (from <store>)` in configuration errors), any
//! other key is ignored with a warning naming it. Afterwards `ZSCALER_CLIENT_ID` and
//! `ZSCALER_CLIENT_SECRET` (or `ZSCALER_PRIVATE_KEY`) must be set, or nothing starts.
//! Values are never logged: the log says which keys were set.
//!
//! A failure is fatal (exit 1) and says why with a hint: a missing secret, a denied read, a key
//! that cannot be decrypted, an unreachable store, missing cloud credentials.

pub mod aws;
pub mod gcp;

use super::Environment;

/// Keys an AWS secret may set (upstream-features §20).
pub const AWS_KEYS: &[&str] = &[
    "ZSCALER_CLIENT_ID",
    "ZSCALER_CLIENT_SECRET",
    "ZSCALER_PRIVATE_KEY",
    "ZSCALER_VANITY_DOMAIN",
    "ZSCALER_CUSTOMER_ID",
    "ZSCALER_CLOUD",
    "ZSCALER_MCP_AUTH_API_KEY",
    "ZSCALER_MCP_AUTH_JWKS_URI",
    "ZSCALER_MCP_AUTH_ISSUER",
    "ZSCALER_MCP_AUTH_AUDIENCE",
    "ZSCALER_MCP_REQUEST_STATE_KEYS",
    "ZSCALER_MCP_WRITE_ENABLED",
    "ZSCALER_MCP_WRITE_TOOLS",
];

/// Keys read from GCP, one secret each, named in lower case with hyphens
/// (`ZSCALER_CLIENT_ID` → `zscaler-client-id`).
pub const GCP_KEYS: &[&str] = &[
    "ZSCALER_CLIENT_ID",
    "ZSCALER_CLIENT_SECRET",
    "ZSCALER_VANITY_DOMAIN",
    "ZSCALER_CUSTOMER_ID",
    "ZSCALER_CLOUD",
    "ZSCALER_MCP_WRITE_ENABLED",
    "ZSCALER_MCP_WRITE_TOOLS",
];

/// A log line kept until logging is set up (secrets are read before the configuration that
/// says how to log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Info(String),
    Warn(String),
}

/// What a store gave: its name for messages, the values (never logged), and log lines.
#[derive(Debug, Default)]
pub struct Loaded {
    pub source: String,
    pub values: Vec<(String, String)>,
    pub notes: Vec<Note>,
}

/// What was loaded, for the startup log and the posture (no values).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadedSecrets {
    /// `(store description, keys set)`, in the order applied.
    pub sources: Vec<(String, Vec<String>)>,
    pub notes: Vec<Note>,
}

/// Reads the configured stores and applies them to `env`. `Ok` with nothing loaded when no
/// store is configured; `Err` (a message with a hint) when a configured one fails.
pub async fn load_into(env: &mut Environment) -> Result<LoadedSecrets, String> {
    let mut report = LoadedSecrets::default();
    let mut loaded_any = None;
    if let Some(name) = env.get("ZSCALER_SECRET_NAME").map(str::to_string) {
        let loaded = aws::load(env, &name).await?;
        loaded_any = Some(format!("'{name}'"));
        apply(env, loaded, &mut report);
    }
    if gcp_enabled(env) {
        let loaded = gcp::load(env).await?;
        loaded_any = Some(loaded.source.clone());
        apply(env, loaded, &mut report);
    }
    if let Some(what) = loaded_any {
        let missing = missing_credentials(env);
        if !missing.is_empty() {
            return Err(format!(
                "Required credentials missing after loading {what}: {}. Add them to the secret \
                 or to the environment.",
                missing.join(", ")
            ));
        }
    }
    Ok(report)
}

/// `ZSCALER_MCP_GCP_SECRET_MANAGER` is true (an invalid value is left to the configuration's
/// own check, which names it).
pub fn gcp_enabled(env: &Environment) -> bool {
    env.get("ZSCALER_MCP_GCP_SECRET_MANAGER")
        .and_then(super::values::parse_bool)
        .unwrap_or(false)
}

/// Some store is configured.
pub fn configured(env: &Environment) -> bool {
    env.get("ZSCALER_SECRET_NAME").is_some() || gcp_enabled(env)
}

/// The OneAPI credentials still missing: a client id, and a secret or private key.
fn missing_credentials(env: &Environment) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if env.get("ZSCALER_CLIENT_ID").is_none() {
        missing.push("ZSCALER_CLIENT_ID");
    }
    if env.get("ZSCALER_CLIENT_SECRET").is_none() && env.get("ZSCALER_PRIVATE_KEY").is_none() {
        missing.push("ZSCALER_CLIENT_SECRET (or ZSCALER_PRIVATE_KEY)");
    }
    missing
}

fn apply(env: &mut Environment, loaded: Loaded, report: &mut LoadedSecrets) {
    let mut keys = Vec::new();
    for (key, value) in loaded.values {
        env.set_from(&key, value, &loaded.source);
        keys.push(key);
    }
    report.notes.extend(loaded.notes);
    report.sources.push((loaded.source, keys));
}

/// A secret's allowed `(key, value)` pairs, and the names of the keys left out.
pub type Pairs = (Vec<(String, String)>, Vec<String>);

/// The key/value pairs of a secret's JSON text: a flat object; `null` values are skipped,
/// strings taken as they are, numbers and booleans as their JSON text. Keys outside `allowed`
/// are left out and returned apart.
pub fn flat_object(text: &str, allowed: &[&str]) -> Result<Pairs, String> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|_| "its value is not JSON (a flat JSON object of KEY: value is expected)")?;
    let Some(object) = value.as_object() else {
        return Err("its value is not a JSON object of KEY: value".into());
    };
    let mut values = Vec::new();
    let mut unknown = Vec::new();
    for (key, v) in object {
        let text = match v {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Bool(_) | serde_json::Value::Number(_) => v.to_string(),
            _ => {
                return Err(format!(
                    "'{key}' is not a string, number or boolean (a flat object is expected)"
                ));
            }
        };
        if allowed.contains(&key.as_str()) {
            values.push((key.clone(), text));
        } else {
            unknown.push(key.clone());
        }
    }
    Ok((values, unknown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_flat_objects_of_known_keys() {
        let (values, unknown) = flat_object(
            r#"{"ZSCALER_CLIENT_ID": "id", "ZSCALER_MCP_WRITE_ENABLED": true, "ZSCALER_CLOUD": null, "OTHER": "x"}"#,
            AWS_KEYS,
        )
        .expect("parses");
        assert_eq!(
            values,
            vec![
                ("ZSCALER_CLIENT_ID".to_string(), "id".to_string()),
                ("ZSCALER_MCP_WRITE_ENABLED".to_string(), "true".to_string())
            ]
        );
        assert_eq!(unknown, vec!["OTHER".to_string()]);
        assert!(flat_object("[1]", AWS_KEYS).is_err());
        assert!(flat_object("not json", AWS_KEYS).is_err());
        assert!(flat_object(r#"{"ZSCALER_CLIENT_ID": {"a": 1}}"#, AWS_KEYS).is_err());
    }

    #[test]
    fn loaded_keys_override_the_environment_and_are_named_by_their_store() {
        let mut env = Environment::from_vars([("ZSCALER_CLIENT_ID", "from-env")]);
        let mut report = LoadedSecrets::default();
        apply(
            &mut env,
            Loaded {
                source: "AWS Secrets Manager secret 'x'".into(),
                values: vec![("ZSCALER_CLIENT_ID".into(), "from-secret".into())],
                notes: Vec::new(),
            },
            &mut report,
        );
        assert_eq!(env.get("ZSCALER_CLIENT_ID"), Some("from-secret"));
        assert_eq!(
            env.describe("ZSCALER_CLIENT_ID"),
            "ZSCALER_CLIENT_ID (from AWS Secrets Manager secret 'x')"
        );
        assert_eq!(
            missing_credentials(&env),
            vec!["ZSCALER_CLIENT_SECRET (or ZSCALER_PRIVATE_KEY)"]
        );
    }
}
