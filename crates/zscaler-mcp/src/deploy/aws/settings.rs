//! The deploy settings: the process environment, then a settings file (spec 004: `.env`, else
//! the `env.properties` template), the environment winning as for the server itself. A value
//! that is empty or `NOT_SET` counts as unset.
//!
//! [`Plan::from_settings`] turns them into what `deploy` does, or into the list of every
//! required setting that is missing (exit 2).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::AwsError;

pub const DEFAULT_REGION: &str = "us-east-1";
pub const DEFAULT_STACK_NAME: &str = "zscaler-mcp-agentcore";
pub const DEFAULT_PREFIX: &str = "zscaler-mcp";
pub const DEFAULT_RUNTIME_NAME: &str = "zscalermcp";

/// Values from the environment and the settings file.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    vars: BTreeMap<String, String>,
    /// The file that was read, if any.
    pub file: Option<PathBuf>,
}

impl Settings {
    /// `explicit` must exist; otherwise `./.env`, else `./env.properties`, else none.
    pub fn load(
        explicit: Option<&Path>,
        process: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings, AwsError> {
        let file = match explicit {
            Some(p) if !p.is_file() => {
                return Err(AwsError::Usage(format!(
                    "--env-file {}: no such file",
                    p.display()
                )));
            }
            Some(p) => Some(p.to_path_buf()),
            None => [".env", "env.properties"]
                .iter()
                .map(PathBuf::from)
                .find(|p| p.is_file()),
        };
        let mut vars = BTreeMap::new();
        if let Some(path) = &file {
            let entries = dotenvy::from_path_iter(path)
                .map_err(|e| AwsError::Usage(format!("cannot read {}: {e}", path.display())))?;
            for entry in entries {
                let (key, value) = entry
                    .map_err(|e| AwsError::Usage(format!("cannot read {}: {e}", path.display())))?;
                vars.insert(key, value);
            }
        }
        for (key, value) in process {
            vars.insert(key, value);
        }
        vars.retain(|_, v| {
            let v = v.trim();
            !v.is_empty() && v != "NOT_SET"
        });
        Ok(Settings { vars, file })
    }

    pub fn from_vars<'a>(vars: impl IntoIterator<Item = (&'a str, &'a str)>) -> Settings {
        Settings {
            vars: vars
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty() && v.trim() != "NOT_SET")
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            file: None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.vars.get(key).map(|v| v.trim())
    }

    fn or(&self, key: &str, default: &str) -> String {
        self.get(key).unwrap_or(default).to_string()
    }

    /// A boolean setting (true/false, 1/0, yes/no, on/off).
    pub fn flag(&self, key: &str) -> Result<Option<bool>, AwsError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => crate::config::parse_bool(v)
                .map(Some)
                .ok_or_else(|| AwsError::Usage(format!("{key}='{v}': expected true or false"))),
        }
    }

    pub fn region(&self, flag: Option<&str>) -> String {
        flag.map(str::to_string)
            .unwrap_or_else(|| self.or("AWS_REGION", DEFAULT_REGION))
    }

    pub fn stack_name(&self, flag: Option<&str>) -> String {
        flag.map(str::to_string)
            .unwrap_or_else(|| self.or("AWS_STACK_NAME", DEFAULT_STACK_NAME))
    }
}

/// The deployment topology (spec 004's architecture prompt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    /// [1] AgentCore Runtime alone.
    Direct,
    /// [2] A new AgentCore Gateway in front (experimental).
    CreateGateway,
    /// [3] Our runtime as a target of an existing Gateway (experimental).
    AttachGateway,
}

impl Architecture {
    /// The prompt's default: `ENABLE_AGENTCORE_GATEWAY`, then `GATEWAY_MODE`.
    pub fn default_from(settings: &Settings) -> Result<Architecture, AwsError> {
        if settings.flag("ENABLE_AGENTCORE_GATEWAY")? != Some(true) {
            return Ok(Architecture::Direct);
        }
        match settings.get("GATEWAY_MODE").unwrap_or("create") {
            "create" => Ok(Architecture::CreateGateway),
            "attach" => Ok(Architecture::AttachGateway),
            other => Err(AwsError::Usage(format!(
                "GATEWAY_MODE='{other}': expected create or attach"
            ))),
        }
    }

    pub fn number(self) -> u8 {
        match self {
            Architecture::Direct => 1,
            Architecture::CreateGateway => 2,
            Architecture::AttachGateway => 3,
        }
    }

    pub fn from_number(n: &str) -> Option<Architecture> {
        match n.trim() {
            "1" => Some(Architecture::Direct),
            "2" => Some(Architecture::CreateGateway),
            "3" => Some(Architecture::AttachGateway),
            _ => None,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Architecture::Direct => "Direct runtime (no Gateway)",
            Architecture::CreateGateway => "Provision a new AgentCore Gateway (experimental)",
            Architecture::AttachGateway => "Attach to an existing AgentCore Gateway (experimental)",
        }
    }
}

/// How MCP clients authenticate to the container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    ApiKey,
    Zscaler,
    Jwt,
    None,
}

impl AuthMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthMode::ApiKey => "api-key",
            AuthMode::Zscaler => "zscaler",
            AuthMode::Jwt => "jwt",
            AuthMode::None => "none",
        }
    }
}

/// Where the OneAPI credentials are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// `ZSCALER_SECRET_NAME`: a secret that already holds them; never written.
    Existing { name: String },
    /// The values from the settings, written to the secret `name` (created or updated).
    New {
        name: String,
        /// `(key, value)` pairs for the secret; values are credentials, never printed.
        values: Vec<(&'static str, String)>,
        kms_key: Option<String>,
    },
}

/// The Gateway part of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayPlan {
    pub attach: bool,
    pub existing_id: Option<String>,
    pub discovery_url: Option<String>,
    pub allowed_clients: Vec<String>,
    pub claim_name: String,
    pub audience: Option<String>,
    pub scopes: Vec<String>,
    pub provider_arn: Option<String>,
    /// The outbound OAuth client secret, stored in its own secret (never a parameter).
    pub client_secret: Option<String>,
    pub provider_scopes: Vec<String>,
    pub grant_type: String,
    pub tool_schema_file: Option<PathBuf>,
    pub asset_bucket: Option<String>,
}

/// Everything `deploy` needs, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub region: String,
    pub stack_name: String,
    pub prefix: String,
    pub runtime_name: String,
    pub image_uri: String,
    pub credentials: Credentials,
    pub auth: AuthMode,
    /// Template parameters that are not credentials (tools, auth, JWT settings).
    pub parameters: Vec<(&'static str, String)>,
    pub gateway: Option<GatewayPlan>,
}

const CREDENTIAL_KEYS: [&str; 5] = [
    "ZSCALER_CLIENT_ID",
    "ZSCALER_CLIENT_SECRET",
    "ZSCALER_VANITY_DOMAIN",
    "ZSCALER_CUSTOMER_ID",
    "ZSCALER_CLOUD",
];

fn list(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The claim that carries the OAuth client id in the identity provider's tokens (spec 004's
/// table): `client_id` for Cognito, `cid` for Okta, `azp` for Auth0, Entra ID, Keycloak and
/// Google; `client_id` when unknown.
pub fn client_claim_for(url: &str) -> &'static str {
    let u = url.to_ascii_lowercase();
    if u.contains("cognito-idp.") || u.contains(".amazoncognito.com") {
        "client_id"
    } else if u.contains(".okta.com") || u.contains(".oktapreview.com") {
        "cid"
    } else if u.contains(".auth0.com")
        || u.contains("login.microsoftonline.com")
        || u.contains("sts.windows.net")
        || u.contains("accounts.google.com")
        || u.contains("/realms/")
    {
        "azp"
    } else {
        "client_id"
    }
}

/// The setting's value, or empty with its name added to `missing`.
fn need(s: &Settings, missing: &mut Vec<String>, key: &str) -> String {
    match s.get(key) {
        Some(v) => v.to_string(),
        None => {
            missing.push(key.to_string());
            String::new()
        }
    }
}

fn discovery_from_issuer(issuer: &str) -> String {
    format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    )
}

impl Plan {
    /// The plan, or every missing required setting at once (exit 2).
    pub fn from_settings(s: &Settings, architecture: Architecture) -> Result<Plan, AwsError> {
        let mut missing: Vec<String> = Vec::new();
        let region = s.region(None);
        let stack_name = s.stack_name(None);
        let prefix = s.or("AWS_RESOURCE_NAME_PREFIX", DEFAULT_PREFIX);
        let runtime_name = s.or("AGENTCORE_RUNTIME_NAME", DEFAULT_RUNTIME_NAME);
        let image_uri = need(s, &mut missing, "ZSCALER_MCP_IMAGE_URI");
        let auth = match s.get("ZSCALER_MCP_AUTH_MODE").unwrap_or("api-key") {
            "api-key" => AuthMode::ApiKey,
            "zscaler" => AuthMode::Zscaler,
            "jwt" => AuthMode::Jwt,
            "none" => AuthMode::None,
            other => {
                return Err(AwsError::Usage(format!(
                    "ZSCALER_MCP_AUTH_MODE='{other}': expected api-key, zscaler, jwt or none"
                )));
            }
        };
        let credentials = match s.get("ZSCALER_SECRET_NAME") {
            Some(name) => Credentials::Existing {
                name: name.to_string(),
            },
            None => {
                let mut values = Vec::new();
                for key in CREDENTIAL_KEYS {
                    let value = match key {
                        "ZSCALER_CLOUD" => s.get(key).map(str::to_string),
                        // A private key may stand in for the client secret.
                        "ZSCALER_CLIENT_SECRET" if s.get("ZSCALER_PRIVATE_KEY").is_some() => {
                            s.get(key).map(str::to_string)
                        }
                        _ => Some(need(s, &mut missing, key)),
                    };
                    if let Some(v) = value {
                        values.push((key, v));
                    }
                }
                if let Some(key) = s.get("ZSCALER_PRIVATE_KEY") {
                    values.push(("ZSCALER_PRIVATE_KEY", key.to_string()));
                }
                if auth == AuthMode::ApiKey
                    && let Some(key) = s.get("ZSCALER_MCP_AUTH_API_KEY")
                {
                    values.push(("ZSCALER_MCP_AUTH_API_KEY", key.to_string()));
                }
                Credentials::New {
                    name: s
                        .get("ZSCALER_SECRET_CREATE_NAME")
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("{prefix}/{stack_name}/credentials")),
                    values,
                    kms_key: s.get("ZSCALER_SECRET_KMS_KEY_ARN").map(str::to_string),
                }
            }
        };
        let bool_param = |key: &str, default: bool| -> Result<String, AwsError> {
            Ok(s.flag(key)?.unwrap_or(default).to_string())
        };
        let mut parameters: Vec<(&'static str, String)> = vec![
            ("AgentRuntimeName", runtime_name.clone()),
            ("ResourcePrefix", prefix.clone()),
            ("McpAuthMode", auth.as_str().to_string()),
            (
                "EnableWriteTools",
                bool_param("ZSCALER_MCP_WRITE_ENABLED", false)?,
            ),
            (
                "LogToolCalls",
                bool_param("ZSCALER_MCP_LOG_TOOL_CALLS", true)?,
            ),
        ];
        for (param, key) in [
            ("WriteToolsAllowlist", "ZSCALER_MCP_WRITE_TOOLS"),
            ("DisabledTools", "ZSCALER_MCP_DISABLED_TOOLS"),
            ("DisabledServices", "ZSCALER_MCP_DISABLED_SERVICES"),
            ("Services", "ZSCALER_MCP_SERVICES"),
            ("Toolsets", "ZSCALER_MCP_TOOLSETS"),
            ("AgentDescription", "AGENTCORE_RUNTIME_DESCRIPTION"),
        ] {
            if let Some(v) = s.get(key) {
                parameters.push((param, v.to_string()));
            }
        }
        if auth == AuthMode::Jwt {
            let issuer = need(s, &mut missing, "ZSCALER_MCP_AUTH_ISSUER");
            parameters.push(("JwtIssuer", issuer));
            parameters.push((
                "JwtAudience",
                need(s, &mut missing, "ZSCALER_MCP_AUTH_AUDIENCE"),
            ));
            parameters.push((
                "JwtJwksUri",
                need(s, &mut missing, "ZSCALER_MCP_AUTH_JWKS_URI"),
            ));
            if let Some(url) = s.get("ZSCALER_MCP_AUTH_JWT_DISCOVERY_URL") {
                parameters.push(("JwtDiscoveryUrl", url.to_string()));
            }
            if let Some(clients) = s.get("ZSCALER_MCP_AUTH_JWT_ALLOWED_CLIENTS") {
                parameters.push(("JwtAllowedClients", list(Some(clients)).join(",")));
            }
        }
        let gateway = match architecture {
            Architecture::Direct => None,
            Architecture::CreateGateway | Architecture::AttachGateway => {
                let attach = architecture == Architecture::AttachGateway;
                let existing_id = if attach {
                    Some(need(s, &mut missing, "EXISTING_GATEWAY_ID"))
                } else {
                    None
                };
                let discovery_url = s
                    .get("GATEWAY_INBOUND_DISCOVERY_URL")
                    .map(str::to_string)
                    .or_else(|| s.get("GATEWAY_INBOUND_ISSUER").map(discovery_from_issuer));
                let provider_arn = s.get("GATEWAY_OAUTH_PROVIDER_ARN").map(str::to_string);
                let allowed_clients = list(s.get("GATEWAY_OAUTH_CLIENT_ID"));
                // The inbound authorizer (create) and an auto-provisioned outbound provider
                // both need the identity provider and the client id.
                if (!attach || provider_arn.is_none()) && discovery_url.is_none() {
                    missing.push(
                        "GATEWAY_INBOUND_DISCOVERY_URL (or GATEWAY_INBOUND_ISSUER)".to_string(),
                    );
                }
                if (!attach || provider_arn.is_none()) && allowed_clients.is_empty() {
                    missing.push("GATEWAY_OAUTH_CLIENT_ID".to_string());
                }
                let client_secret = match provider_arn {
                    Some(_) => None,
                    None => Some(need(s, &mut missing, "GATEWAY_OAUTH_CLIENT_SECRET")),
                };
                let claim_name = s
                    .get("GATEWAY_INBOUND_CLIENT_CLAIM_NAME")
                    .map(str::to_string)
                    .unwrap_or_else(|| {
                        client_claim_for(discovery_url.as_deref().unwrap_or("")).to_string()
                    });
                let grant_type = s
                    .get("GATEWAY_OAUTH_PROVIDER_GRANT_TYPE")
                    .unwrap_or("CLIENT_CREDENTIALS")
                    .to_string();
                if !matches!(
                    grant_type.as_str(),
                    "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE" | "TOKEN_EXCHANGE"
                ) {
                    return Err(AwsError::Usage(format!(
                        "GATEWAY_OAUTH_PROVIDER_GRANT_TYPE='{grant_type}': expected \
                         CLIENT_CREDENTIALS, AUTHORIZATION_CODE or TOKEN_EXCHANGE"
                    )));
                }
                Some(GatewayPlan {
                    attach,
                    existing_id,
                    discovery_url,
                    allowed_clients,
                    claim_name,
                    audience: s
                        .get("GATEWAY_INBOUND_ALLOWED_AUDIENCE")
                        .map(str::to_string),
                    scopes: list(s.get("GATEWAY_INBOUND_ALLOWED_SCOPES")),
                    provider_arn,
                    client_secret,
                    provider_scopes: list(s.get("GATEWAY_OAUTH_PROVIDER_SCOPES")),
                    grant_type,
                    tool_schema_file: s.get("GATEWAY_TOOL_SCHEMA_FILE").map(PathBuf::from),
                    asset_bucket: s.get("AWS_ASSET_BUCKET").map(str::to_string),
                })
            }
        };
        if !missing.is_empty() {
            missing.dedup();
            return Err(AwsError::Usage(format!(
                "missing required settings: {} (set them in .env or env.properties, or in the \
                 environment)",
                missing.join(", ")
            )));
        }
        Ok(Plan {
            region,
            stack_name,
            prefix,
            runtime_name,
            image_uri,
            credentials,
            auth,
            parameters,
            gateway,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(vars: &[(&str, &str)], arch: Architecture) -> Result<Plan, AwsError> {
        Plan::from_settings(&Settings::from_vars(vars.iter().copied()), arch)
    }

    #[test]
    fn every_missing_setting_is_named_at_once() {
        let Err(AwsError::Usage(why)) = plan(&[("ZSCALER_CLOUD", "NOT_SET")], Architecture::Direct)
        else {
            panic!("a plan without settings");
        };
        for key in [
            "ZSCALER_MCP_IMAGE_URI",
            "ZSCALER_CLIENT_ID",
            "ZSCALER_CLIENT_SECRET",
            "ZSCALER_VANITY_DOMAIN",
            "ZSCALER_CUSTOMER_ID",
        ] {
            assert!(why.contains(key), "{why}");
        }
        assert!(!why.contains("ZSCALER_CLOUD"), "{why}");
    }

    #[test]
    fn an_existing_secret_needs_no_credentials_and_gateways_need_their_settings() {
        let base = [
            (
                "ZSCALER_MCP_IMAGE_URI",
                "1.dkr.ecr.us-east-1.amazonaws.com/x:1",
            ),
            ("ZSCALER_SECRET_NAME", "zscaler/mcp/credentials"),
        ];
        let p = plan(&base, Architecture::Direct).expect("plan");
        assert_eq!(
            p.credentials,
            Credentials::Existing {
                name: "zscaler/mcp/credentials".into()
            }
        );
        assert_eq!(p.gateway, None);
        let Err(AwsError::Usage(why)) = plan(&base, Architecture::AttachGateway) else {
            panic!("attach without settings");
        };
        assert!(why.contains("EXISTING_GATEWAY_ID"), "{why}");
        assert!(why.contains("GATEWAY_OAUTH_CLIENT_SECRET"), "{why}");
        let mut attach = base.to_vec();
        attach.extend([
            ("EXISTING_GATEWAY_ID", "gw-0123456789"),
            ("GATEWAY_OAUTH_PROVIDER_ARN", "arn:aws:bedrock-agentcore:x"),
        ]);
        let p = plan(&attach, Architecture::AttachGateway).expect("attach");
        assert!(
            p.gateway
                .is_some_and(|g| g.attach && g.client_secret.is_none())
        );
    }

    #[test]
    fn the_client_claim_follows_the_identity_provider() {
        assert_eq!(
            client_claim_for("https://cognito-idp.us-east-1.amazonaws.com/pool"),
            "client_id"
        );
        assert_eq!(client_claim_for("https://acme.us.auth0.com/"), "azp");
        assert_eq!(
            client_claim_for("https://acme.okta.com/oauth2/default"),
            "cid"
        );
        assert_eq!(
            client_claim_for("https://login.microsoftonline.com/t/v2.0"),
            "azp"
        );
        assert_eq!(client_claim_for("https://idp.example/realms/x"), "azp");
        assert_eq!(client_claim_for("https://idp.example"), "client_id");
    }
}
