//! TLS termination for the HTTP transports (rustls, ring provider; TLS 1.2 and 1.3, ALPN `h2`
//! and `http/1.1`). The files are read and checked once, before anything is served; every
//! problem is a configuration error naming the variable (exit 2).
//!
//! - `ZSCALER_MCP_TLS_CERT_FILE` (or `_CERTFILE`): PEM certificate chain, leaf first.
//! - `ZSCALER_MCP_TLS_KEY_FILE` (or `_KEYFILE`): PEM private key: PKCS#8, PKCS#1 (RSA) or SEC1
//!   (EC), or an encrypted PKCS#8 key (`ENCRYPTED PRIVATE KEY`, PBES2) with
//!   `ZSCALER_MCP_TLS_KEYFILE_PASSWORD`.
//! - `ZSCALER_MCP_TLS_CA_CERTS`: PEM CA certificates for client certificates. When set, every
//!   client must present a certificate signed by one of them (mutual TLS); the handshake of a
//!   client without one fails.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::WebPkiClientVerifier;

use crate::config::{ConfigError, TlsConfig};

const CERT: &str = "ZSCALER_MCP_TLS_CERT_FILE";
const KEY: &str = "ZSCALER_MCP_TLS_KEY_FILE";
const PASSWORD: &str = "ZSCALER_MCP_TLS_KEYFILE_PASSWORD";
const CA: &str = "ZSCALER_MCP_TLS_CA_CERTS";

/// The rustls server configuration for `tls`, or why it cannot be built.
pub fn server_config(tls: &TlsConfig) -> Result<Arc<rustls::ServerConfig>, ConfigError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let chain = certificates(CERT, &tls.cert_file)?;
    let key = private_key(&tls.key_file, tls.key_password.as_ref())?;
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| ConfigError::new(CERT, display(&tls.cert_file), e.to_string()))?;
    let builder = match &tls.ca_certs {
        None => builder.with_no_client_auth(),
        Some(path) => {
            let mut roots = rustls::RootCertStore::empty();
            for cert in certificates(CA, path)? {
                roots.add(cert).map_err(|e| {
                    ConfigError::new(CA, display(path), format!("CA certificates ({e})"))
                })?;
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| {
                    ConfigError::new(CA, display(path), format!("usable CA certificates ({e})"))
                })?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let mut config = builder.with_single_cert(chain, key).map_err(|e| {
        ConfigError::new(
            KEY,
            display(&tls.key_file),
            format!("the private key of the certificate in {CERT} ({e})"),
        )
    })?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read(var: &str, path: &Path) -> Result<Vec<u8>, ConfigError> {
    std::fs::read(path)
        .map_err(|e| ConfigError::new(var, display(path), format!("a readable PEM file ({e})")))
}

fn certificates(var: &str, path: &Path) -> Result<Vec<CertificateDer<'static>>, ConfigError> {
    let pem = read(var, path)?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ConfigError::new(var, display(path), format!("PEM certificates ({e})")))?;
    if certs.is_empty() {
        return Err(ConfigError::new(
            var,
            display(path),
            "a PEM file with at least one CERTIFICATE block",
        ));
    }
    Ok(certs)
}

fn private_key(
    path: &Path,
    password: Option<&crate::secret::Secret>,
) -> Result<PrivateKeyDer<'static>, ConfigError> {
    let pem = read(KEY, path)?;
    let text = String::from_utf8_lossy(&pem);
    if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        let Some(password) = password else {
            return Err(ConfigError::new(
                PASSWORD,
                "",
                format!("the password of the encrypted key in {KEY}"),
            ));
        };
        use pkcs8::der::pem::PemLabel;
        let (label, document) = pkcs8::SecretDocument::from_pem(&text).map_err(|e| {
            ConfigError::new(KEY, display(path), format!("an encrypted PKCS#8 key ({e})"))
        })?;
        if label != pkcs8::EncryptedPrivateKeyInfo::PEM_LABEL {
            return Err(ConfigError::new(
                KEY,
                display(path),
                "one private key per file",
            ));
        }
        let info: pkcs8::EncryptedPrivateKeyInfo<'_> = document.decode_msg().map_err(|e| {
            ConfigError::new(KEY, display(path), format!("an encrypted PKCS#8 key ({e})"))
        })?;
        // Never echo the password; say only that it did not open the key.
        let plain = info.decrypt(password.expose()).map_err(|_| {
            ConfigError::new(
                PASSWORD,
                "<redacted>",
                format!("the password that decrypts {KEY} (decryption failed)"),
            )
        })?;
        return Ok(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            plain.as_bytes().to_vec(),
        )));
    }
    if password.is_some() {
        return Err(ConfigError::new(
            PASSWORD,
            "<redacted>",
            format!("it unset: the key in {KEY} is not encrypted"),
        ));
    }
    PrivateKeyDer::from_pem_slice(&pem).map_err(|e| {
        ConfigError::new(
            KEY,
            display(path),
            format!("a PEM private key: PKCS#8, RSA or EC ({e})"),
        )
    })
}
