//! The Zscaler services the server can expose, by their reference service codes.

use std::fmt;

/// One Zscaler product API. The codes are the reference server's (`zeasm`, not `easm`), because
/// users' `--services` lists and write allowlists are written with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    Zcc,
    Zcell,
    Zdx,
    Zeasm,
    Zia,
    Zid,
    Zins,
    Zms,
    Zpa,
    Ztw,
}

impl Service {
    /// Every service, in the order `--list-tools` prints them (alphabetical by code).
    pub const ALL: [Service; 10] = [
        Service::Zcc,
        Service::Zcell,
        Service::Zdx,
        Service::Zeasm,
        Service::Zia,
        Service::Zid,
        Service::Zins,
        Service::Zms,
        Service::Zpa,
        Service::Ztw,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Service::Zcc => "zcc",
            Service::Zcell => "zcell",
            Service::Zdx => "zdx",
            Service::Zeasm => "zeasm",
            Service::Zia => "zia",
            Service::Zid => "zid",
            Service::Zins => "zins",
            Service::Zms => "zms",
            Service::Zpa => "zpa",
            Service::Ztw => "ztw",
        }
    }

    /// The product's human name, for titles and messages.
    pub fn product_name(self) -> &'static str {
        match self {
            Service::Zcc => "Zscaler Client Connector",
            Service::Zcell => "Zscaler Cellular",
            Service::Zdx => "Zscaler Digital Experience",
            Service::Zeasm => "External Attack Surface Management",
            Service::Zia => "Zscaler Internet Access",
            Service::Zid => "ZIdentity",
            Service::Zins => "Z-Insights",
            Service::Zms => "Zscaler Microsegmentation",
            Service::Zpa => "Zscaler Private Access",
            Service::Ztw => "Cloud & Branch Connector",
        }
    }

    pub fn from_code(code: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The service a OneAPI token's `service-info[].prd` value names (upper-cased, trimmed), as
    /// the reference maps them; `None` for a value with no known service.
    pub fn from_product(prd: &str) -> Option<Service> {
        Some(match prd.trim().to_ascii_uppercase().as_str() {
            "ZIA" => Service::Zia,
            "ZPA" => Service::Zpa,
            "ZDX" => Service::Zdx,
            "ZCC" => Service::Zcc,
            "ZTW" | "CLOUD_CONNECTOR" => Service::Ztw,
            "ZIDENTITY" | "ZID" | "IDENTITY" | "ZIAM" => Service::Zid,
            "ZEASM" | "EASM" => Service::Zeasm,
            "ZINS" | "INSIGHTS" | "ZINSIGHTS" => Service::Zins,
            "ZMS" => Service::Zms,
            "ZCELL" | "ZCELLULAR" | "CELLULAR" => Service::Zcell,
            _ => return None,
        })
    }

    /// The accepted codes as one comma-separated string, for error messages.
    pub fn codes_list() -> String {
        Service::ALL.map(Service::code).join(", ")
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
