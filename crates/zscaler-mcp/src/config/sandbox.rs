//! `zscaler-mcp sandbox` flags and the embedded sandbox settings, validated into the sandbox
//! crate's own configuration.

use std::net::SocketAddr;
use std::time::Duration;

use zscaler_sandbox::{Product, SandboxConfig};

use super::ConfigError;
use super::cli::SandboxArgs;

/// The embedded sandbox of `zscaler-mcp --sandbox`.
#[derive(Debug, Clone)]
pub struct EmbeddedSandbox {
    pub seed: u64,
    pub scale: usize,
}

impl EmbeddedSandbox {
    pub fn to_config(&self) -> SandboxConfig {
        SandboxConfig {
            seed: self.seed,
            scale: self.scale,
            ..SandboxConfig::default()
        }
    }
}

pub(super) fn number<T: std::str::FromStr>(
    source: &str,
    raw: &str,
    expected: &str,
) -> Result<T, ConfigError> {
    raw.trim()
        .parse::<T>()
        .map_err(|_| ConfigError::new(source, raw, expected))
}

/// Validates `zscaler-mcp sandbox` flags.
pub fn resolve(args: &SandboxArgs) -> Result<SandboxConfig, ConfigError> {
    let mut config = SandboxConfig::default();
    if let Some(raw) = &args.listen {
        config.listen = raw.parse::<SocketAddr>().map_err(|_| {
            ConfigError::new(
                "--listen",
                raw,
                "an address with a port, e.g. 127.0.0.1:9443 or [::1]:0",
            )
        })?;
    }
    if let Some(raw) = &args.seed {
        config.seed = number("--seed", raw, "a non-negative integer")?;
    }
    if let Some(raw) = &args.scale {
        config.scale = number("--scale", raw, "a number of rows from 0 to 1000000")?;
        if config.scale > 1_000_000 {
            return Err(ConfigError::new(
                "--scale",
                raw,
                "a number of rows from 0 to 1000000",
            ));
        }
    }
    if let Some(raw) = &args.entitlements {
        let codes = Product::ALL.map(Product::code).join(", ");
        let mut products = Vec::new();
        for item in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let product = Product::from_code(&item.to_ascii_lowercase()).ok_or_else(|| {
                ConfigError::new(
                    "--entitlements",
                    item,
                    format!("comma-separated products from: {codes}"),
                )
            })?;
            if !products.contains(&product) {
                products.push(product);
            }
        }
        if products.is_empty() {
            return Err(ConfigError::new(
                "--entitlements",
                raw,
                format!("at least one of: {codes}"),
            ));
        }
        config.entitlements = products;
    }
    if let Some(raw) = &args.token_ttl {
        let secs: u64 = number("--token-ttl", raw, "seconds from 1 to 86400")?;
        if !(1..=86_400).contains(&secs) {
            return Err(ConfigError::new(
                "--token-ttl",
                raw,
                "seconds from 1 to 86400",
            ));
        }
        config.token_ttl = Duration::from_secs(secs);
    }
    if let Some(raw) = &args.rate_limits {
        config.rate_limits = match raw.to_ascii_lowercase().as_str() {
            "off" => false,
            "zscaler" => true,
            _ => return Err(ConfigError::new("--rate-limits", raw, "off or zscaler")),
        };
    }
    if let Some(raw) = &args.faults {
        config.faults = zscaler_sandbox::faults::parse(raw)
            .map_err(|why| ConfigError::new("--faults", raw, why))?;
    }
    config.adversarial = args.adversarial;
    config.client_id = args.client_id.clone();
    config.client_secret = args.client_secret.clone();
    if let Some(path) = &args.client_public_key {
        let pem = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                "--client-public-key",
                path.display().to_string(),
                format!("a readable PEM file ({e})"),
            )
        })?;
        if !pem.contains("BEGIN PUBLIC KEY") && !pem.contains("BEGIN RSA PUBLIC KEY") {
            return Err(ConfigError::new(
                "--client-public-key",
                path.display().to_string(),
                "an RSA public key in PEM form (BEGIN PUBLIC KEY)",
            ));
        }
        config.client_public_key_pem = Some(pem);
    }
    if args.client_public_key.is_some() && args.client_key_out.is_some() {
        return Err(ConfigError::new(
            "--client-key-out",
            args.client_key_out
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            "no --client-public-key at the same time (a key pair is generated only when no public key is given)",
        ));
    }
    config.client_key_out = args.client_key_out.clone();
    config.admin_token = args.admin_token.clone();
    if args.tls {
        let mut hostnames = Vec::new();
        for name in args
            .hostnames
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let ok = name.parse::<std::net::IpAddr>().is_ok()
                || (name.len() <= 253
                    && name.split('.').all(|l| {
                        !l.is_empty()
                            && l.len() <= 63
                            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    }));
            if !ok {
                return Err(ConfigError::new(
                    "--hostnames",
                    name,
                    "comma-separated DNS names or IP addresses",
                ));
            }
            hostnames.push(name.to_ascii_lowercase());
        }
        config.tls = Some(zscaler_sandbox::tls::TlsOptions {
            hostnames,
            ca_out: args.ca_out.clone(),
        });
    }
    Ok(config)
}
