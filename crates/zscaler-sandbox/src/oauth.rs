//! The OneAPI token endpoint (`POST /oauth2/v1/token`) and bearer checks.
//!
//! Grants: `client_credentials` with `client_secret`, or with a `client_assertion`
//! (private_key_jwt, RS256) verified against the client's registered public key (iss = sub =
//! client id, aud = `https://api.zscaler.com`, exp in the future). Access tokens are ES256 JWTs
//! signed by a key generated at start, carrying the `service-info` claim with the entitled
//! products' `prd` values. Issued tokens are remembered, so a bearer check is a lookup that also
//! says which registered client the token belongs to (the main client, or one of
//! [`crate::config::ExtraClient`], each with its own entitlements).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::clock::Clock;

use axum::http::StatusCode;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use p256::pkcs8::{EncodePrivateKey, EncodePublicKey};
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

use crate::product::Product;

pub const AUDIENCE: &str = "https://api.zscaler.com";
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// The registered OneAPI client.
pub struct Client {
    pub id: String,
    pub secret: String,
    /// RSA public key (PEM) for the private-key JWT grant, if registered.
    pub public_key: Option<DecodingKey>,
}

/// A registered client and the products its tokens are entitled to.
struct Registered {
    client: Client,
    entitlements: Vec<Product>,
}

/// Which registered client a token was issued to (an index into the issuer's clients; 0 is the
/// main client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientRef(usize);

pub struct Issuer {
    /// The main client first, then the extra ones.
    clients: Vec<Registered>,
    ttl: Duration,
    issuer: String,
    signing: EncodingKey,
    /// Public half, published at `/.well-known/jwks.json` style endpoints and used by tests.
    pub verifying_pem: String,
    /// Token → (expiry, the client it was issued to).
    issued: Mutex<HashMap<String, (u64, ClientRef)>>,
}

/// Why a bearer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BearerError {
    Missing,
    Invalid,
    Expired,
}

impl BearerError {
    pub fn message(self) -> &'static str {
        match self {
            BearerError::Missing => {
                "Missing bearer token: send Authorization: Bearer <access_token>"
            }
            BearerError::Invalid => "Invalid bearer token",
            BearerError::Expired => "Bearer token expired: request a new one",
        }
    }
}

/// Token times follow the machine's clock, not the tenant's: client assertions are checked
/// against it (by `jsonwebtoken`), and clients compare `expires_in` with their own clock.
fn now() -> u64 {
    u64::try_from(Clock::System.now_secs()).unwrap_or(0)
}

/// An OAuth error answer (RFC 6749 §5.2 shape).
pub fn oauth_error(status: StatusCode, error: &str, description: &str) -> (StatusCode, Value) {
    (
        status,
        json!({"error": error, "error_description": description}),
    )
}

/// Compares secrets in constant time.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

impl Issuer {
    pub fn new(
        client: Client,
        entitlements: Vec<Product>,
        ttl: Duration,
        issuer: String,
    ) -> Result<Issuer, String> {
        let key = p256::ecdsa::SigningKey::random(&mut rand::rngs::OsRng);
        let pem = key
            .to_pkcs8_pem(p256::pkcs8::LineEnding::LF)
            .map_err(|e| e.to_string())?;
        let signing = EncodingKey::from_ec_pem(pem.as_bytes()).map_err(|e| e.to_string())?;
        let verifying_pem = key
            .verifying_key()
            .to_public_key_pem(p256::pkcs8::LineEnding::LF)
            .map_err(|e| e.to_string())?;
        Ok(Issuer {
            clients: vec![Registered {
                client,
                entitlements,
            }],
            ttl,
            issuer,
            signing,
            verifying_pem,
            issued: Mutex::new(HashMap::new()),
        })
    }

    /// Registers another client (client-secret grant) with its own entitlements.
    pub fn add_client(&mut self, client: Client, entitlements: Vec<Product>) -> Result<(), String> {
        if client.id.is_empty() || client.secret.is_empty() {
            return Err("an extra client needs a non-empty id and secret".into());
        }
        if self.clients.iter().any(|r| r.client.id == client.id) {
            return Err(format!("client id {} is registered twice", client.id));
        }
        self.clients.push(Registered {
            client,
            entitlements,
        });
        Ok(())
    }

    /// The main client's id.
    pub fn client_id(&self) -> &str {
        &self.clients[0].client.id
    }

    /// The id of the client `who` names.
    pub fn client_id_of(&self, who: ClientRef) -> &str {
        self.clients
            .get(who.0)
            .map(|r| r.client.id.as_str())
            .unwrap_or_default()
    }

    /// Handles a token request's form fields: the access token response, or an OAuth error.
    pub fn token(&self, form: &HashMap<String, String>) -> Result<Value, (StatusCode, Value)> {
        let field = |name: &str| form.get(name).map(String::as_str).filter(|v| !v.is_empty());
        if field("grant_type") != Some("client_credentials") {
            return Err(oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "grant_type must be client_credentials",
            ));
        }
        if field("audience") != Some(AUDIENCE) {
            return Err(oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "audience must be https://api.zscaler.com",
            ));
        }
        let bad_client = || {
            oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Client authentication failed",
            )
        };
        let client_id = field("client_id").ok_or_else(bad_client)?;
        // Every registered id is compared, so timing does not say which one matched.
        let mut found = None;
        for (i, r) in self.clients.iter().enumerate() {
            if constant_time_eq(client_id.as_bytes(), r.client.id.as_bytes()) {
                found = Some(i);
            }
        }
        let who = found.ok_or_else(bad_client)?;
        let client = &self.clients[who].client;
        match (field("client_secret"), field("client_assertion")) {
            (Some(secret), None) => {
                if !constant_time_eq(secret.as_bytes(), client.secret.as_bytes()) {
                    return Err(bad_client());
                }
            }
            (None, Some(assertion)) => {
                if field("client_assertion_type") != Some(ASSERTION_TYPE) {
                    return Err(oauth_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_request",
                        "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    ));
                }
                self.verify_assertion(client, assertion)
                    .map_err(|_| bad_client())?;
            }
            _ => {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "send exactly one of client_secret or client_assertion",
                ));
            }
        }
        self.issue(ClientRef(who)).map_err(|e| {
            tracing::error!(error = %e, "cannot sign an access token");
            oauth_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "server_error",
                "cannot issue a token",
            )
        })
    }

    fn verify_assertion(&self, client: &Client, assertion: &str) -> Result<(), String> {
        let key = client
            .public_key
            .as_ref()
            .ok_or("no public key registered")?;
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[client.id.as_str()]);
        validation.set_required_spec_claims(&["exp", "aud", "iss", "sub"]);
        validation.leeway = 30;
        let data = jsonwebtoken::decode::<Value>(assertion, key, &validation)
            .map_err(|e| e.to_string())?;
        if data.claims.get("sub").and_then(Value::as_str) != Some(client.id.as_str()) {
            return Err("sub must equal the client id".into());
        }
        let exp = data.claims.get("exp").and_then(Value::as_u64).unwrap_or(0);
        if exp > now() + 3600 {
            return Err("assertion lifetime too long".into());
        }
        Ok(())
    }

    fn issue(&self, who: ClientRef) -> Result<Value, String> {
        let iat = now();
        let exp = iat + self.ttl.as_secs();
        let registered = self.clients.get(who.0).ok_or("unknown client")?;
        let service_info: Vec<Value> = registered
            .entitlements
            .iter()
            .enumerate()
            .map(|(i, p)| json!({"prd": p.prd(), "rnm": format!("{} API Role", p.prd()), "tnt": format!("sandbox-{}", 1000 + i)}))
            .collect();
        let claims = json!({
            "iss": self.issuer,
            "sub": registered.client.id,
            "client_id": registered.client.id,
            "aud": AUDIENCE,
            "iat": iat,
            "exp": exp,
            "jti": uuid::Uuid::new_v4().to_string(),
            "service-info": service_info,
        });
        let token = jsonwebtoken::encode(&Header::new(Algorithm::ES256), &claims, &self.signing)
            .map_err(|e| e.to_string())?;
        if let Ok(mut issued) = self.issued.lock() {
            issued.retain(|_, (e, _)| *e > iat);
            issued.insert(token.clone(), (exp, who));
        }
        Ok(json!({"access_token": token, "token_type": "Bearer", "expires_in": self.ttl.as_secs()}))
    }

    /// Checks an `Authorization` header value: the client the token was issued to.
    pub fn check_bearer(&self, header: Option<&str>) -> Result<ClientRef, BearerError> {
        let token = header
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(BearerError::Missing)?;
        let issued = self.issued.lock().map_err(|_| BearerError::Invalid)?;
        match issued.get(token) {
            None => Err(BearerError::Invalid),
            Some((exp, _)) if *exp <= now() => Err(BearerError::Expired),
            Some((_, who)) => Ok(*who),
        }
    }

    /// Whether the main client is entitled to `product`.
    pub fn entitled(&self, product: Product) -> bool {
        self.client_entitled(ClientRef(0), product)
    }

    /// Whether the client `who` is entitled to `product`.
    pub fn client_entitled(&self, who: ClientRef, product: Product) -> bool {
        self.clients
            .get(who.0)
            .is_some_and(|r| r.entitlements.contains(&product))
    }
}

/// A generated RSA key pair for the private-key grant: (private PKCS#8 PEM, public PEM).
pub fn generate_client_key() -> Result<(String, String), String> {
    use rsa::pkcs8::{EncodePrivateKey as _, EncodePublicKey as _};
    let private =
        rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048).map_err(|e| e.to_string())?;
    let private_pem = private
        .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
        .map_err(|e| e.to_string())?;
    let public_pem = private
        .to_public_key()
        .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
        .map_err(|e| e.to_string())?;
    Ok((private_pem.to_string(), public_pem))
}
