//! The one rule for URLs this server sends credentials or trust decisions to (identity
//! providers, JWKS, secret stores): `https`, or plain `http` only to a loopback host, and no
//! credentials inside the URL.

/// The URL's host is `localhost` or a loopback address.
pub fn is_loopback_url(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// `https`, or `http` to a loopback host; no credentials in the URL. `Err` says what is expected.
pub fn check_url_scheme(url: &reqwest::Url) -> Result<(), String> {
    let ok = match url.scheme() {
        "https" => url.host_str().is_some_and(|h| !h.is_empty()),
        "http" => is_loopback_url(url),
        _ => false,
    };
    if !ok || !url.username().is_empty() || url.password().is_some() {
        return Err(
            "an https:// URL (http:// only to a loopback host), without credentials".into(),
        );
    }
    Ok(())
}
