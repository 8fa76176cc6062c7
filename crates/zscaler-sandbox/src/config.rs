//! Sandbox settings (the `zscaler-mcp sandbox` flags map onto these).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::clock::Clock;
use crate::faults::Rule;
use crate::product::Product;

#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Address to listen on; port 0 picks a free one.
    pub listen: SocketAddr,
    /// Seed for the generated tenant data.
    pub seed: u64,
    /// Rows in the large collections (0: built-in sizes).
    pub scale: usize,
    /// Epoch seconds seeded timestamps are relative to ("now" for seeded activity, which lies
    /// before it). None: midnight UTC of the day the sandbox starts, so "last N days" queries
    /// find data and the tenant is the same for a given seed all day. Resolved once at start;
    /// `/_sandbox/reset` keeps it.
    pub anchor: Option<i64>,
    /// Products the client is entitled to (token `service-info`); others answer 403.
    pub entitlements: Vec<Product>,
    pub token_ttl: Duration,
    /// Enforce Zscaler's documented ZIA rate limits.
    pub rate_limits: bool,
    pub faults: Vec<Rule>,
    /// Plant prompt-injection payloads in admin-editable text fields.
    pub adversarial: bool,
    /// OneAPI client id; generated when absent.
    pub client_id: Option<String>,
    /// OneAPI client secret; generated when absent.
    pub client_secret: Option<String>,
    /// Registered RSA public key (PEM) for the private-key JWT grant.
    pub client_public_key_pem: Option<String>,
    /// More OneAPI clients of the same tenant, each with its own secret and entitlements (e.g.
    /// a narrower API client next to the main one). Their ids must differ from each other and
    /// from the main client's.
    pub extra_clients: Vec<ExtraClient>,
    /// When no public key is given, generate a pair and write the private key (PEM) here.
    pub client_key_out: Option<PathBuf>,
    /// Token for `/_sandbox/*`; generated when absent.
    pub admin_token: Option<String>,
    pub customer_id: Option<String>,
    pub zcell_customer_id: Option<String>,
    /// Serve HTTPS with a generated CA and certificate.
    pub tls: Option<crate::tls::TlsOptions>,
    /// What "now" is for time-dependent answers (ZDX windows, deep traces, write timestamps).
    pub clock: Clock,
}

/// Another OneAPI client of the simulated tenant (client-secret grant only).
#[derive(Debug, Clone)]
pub struct ExtraClient {
    pub id: String,
    pub secret: String,
    /// Products its tokens are entitled to (`service-info`); others answer 403.
    pub entitlements: Vec<Product>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            seed: 1,
            scale: 0,
            anchor: None,
            entitlements: Product::ALL.to_vec(),
            token_ttl: Duration::from_secs(3600),
            rate_limits: false,
            faults: Vec::new(),
            adversarial: false,
            client_id: None,
            client_secret: None,
            client_public_key_pem: None,
            extra_clients: Vec::new(),
            client_key_out: None,
            admin_token: None,
            customer_id: None,
            zcell_customer_id: None,
            tls: None,
            clock: Clock::System,
        }
    }
}
