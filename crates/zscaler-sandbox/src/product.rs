//! The Zscaler products the sandbox simulates, and how each is named in a OneAPI token.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Product {
    Zia,
    Zpa,
    Zdx,
    Zcc,
    Ztw,
    Zid,
    Zeasm,
    Zins,
    Zms,
    Zcell,
}

impl Product {
    pub const ALL: [Product; 10] = [
        Product::Zia,
        Product::Zpa,
        Product::Zdx,
        Product::Zcc,
        Product::Ztw,
        Product::Zid,
        Product::Zeasm,
        Product::Zins,
        Product::Zms,
        Product::Zcell,
    ];

    /// The short code used on the command line (`--entitlements zia,zpa`).
    pub fn code(self) -> &'static str {
        match self {
            Product::Zia => "zia",
            Product::Zpa => "zpa",
            Product::Zdx => "zdx",
            Product::Zcc => "zcc",
            Product::Ztw => "ztw",
            Product::Zid => "zid",
            Product::Zeasm => "zeasm",
            Product::Zins => "zins",
            Product::Zms => "zms",
            Product::Zcell => "zcell",
        }
    }

    /// The `prd` value a OneAPI token's `service-info` claim carries for this product.
    pub fn prd(self) -> &'static str {
        match self {
            Product::Zia => "ZIA",
            Product::Zpa => "ZPA",
            Product::Zdx => "ZDX",
            Product::Zcc => "ZCC",
            Product::Ztw => "CLOUD_CONNECTOR",
            Product::Zid => "ZIDENTITY",
            Product::Zeasm => "ZEASM",
            Product::Zins => "ZINS",
            Product::Zms => "ZMS",
            Product::Zcell => "ZCELL",
        }
    }

    pub fn from_code(code: &str) -> Option<Product> {
        Product::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The product whose API a request path belongs to (all share one gateway host).
    pub fn of_path(path: &str) -> Option<Product> {
        let first = path.trim_start_matches('/').split('/').next()?;
        Some(match first {
            "zia" => Product::Zia,
            "zpa" => Product::Zpa,
            "zdx" => Product::Zdx,
            "zcc" => Product::Zcc,
            "ztw" => Product::Ztw,
            "ziam" => Product::Zid,
            "easm" => Product::Zeasm,
            "zins" => Product::Zins,
            "zms" => Product::Zms,
            "zcell" => Product::Zcell,
            _ => return None,
        })
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
