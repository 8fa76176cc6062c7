//! TLS for the sandbox: a CA generated at start, and a server certificate it signs for the given
//! host names (plus `localhost` and the loopback addresses). Writing the CA to a file lets
//! unmodified clients (the official Python SDK, Terraform providers) reach the sandbox through
//! name resolution (`/etc/hosts`) and a CA bundle: see `docs/sandbox.md`.

use std::net::IpAddr;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose, SanType,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// TLS settings of a sandbox.
#[derive(Debug, Clone, Default)]
pub struct TlsOptions {
    /// Names the certificate covers (e.g. `api.zsapi.net`, `acme.zslogin.net`).
    pub hostnames: Vec<String>,
    /// Where to write the CA certificate (PEM).
    pub ca_out: Option<std::path::PathBuf>,
}

/// The generated material.
pub struct Material {
    pub ca_pem: String,
    pub server: Arc<rustls::ServerConfig>,
}

/// Generates the CA and the server certificate.
pub fn generate(options: &TlsOptions) -> Result<Material, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let ca_key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(|e| e.to_string())?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "zscaler-mcp sandbox CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = ca_params.self_signed(&ca_key).map_err(|e| e.to_string())?;
    let issuer = Issuer::new(ca_params, ca_key);

    let mut names: Vec<String> = options.hostnames.clone();
    for default in ["localhost", "127.0.0.1", "::1"] {
        if !names.iter().any(|n| n == default) {
            names.push(default.to_string());
        }
    }
    let server_key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(|e| e.to_string())?;
    params
        .distinguished_name
        .push(DnType::CommonName, names[0].clone());
    params.subject_alt_names = names
        .iter()
        .map(|n| match n.parse::<IpAddr>() {
            Ok(ip) => Ok(SanType::IpAddress(ip)),
            Err(_) => n
                .clone()
                .try_into()
                .map(SanType::DnsName)
                .map_err(|e| format!("host name '{n}': {e}")),
        })
        .collect::<Result<_, _>>()?;
    let cert = params
        .signed_by(&server_key, &issuer)
        .map_err(|e| e.to_string())?;
    let chain = vec![
        CertificateDer::from(cert.der().to_vec()),
        CertificateDer::from(ca_cert.der().to_vec()),
    ];
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
    let mut server = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| e.to_string())?;
    server.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    let ca_pem = ca_cert.pem();
    if let Some(path) = &options.ca_out {
        std::fs::write(path, &ca_pem)
            .map_err(|e| format!("cannot write the CA to {}: {e}", path.display()))?;
    }
    Ok(Material {
        ca_pem,
        server: Arc::new(server),
    })
}
