//! Faults on demand, per route and method: from `--faults` and the admin API.
//!
//! Text form (`--faults`), rules separated by `;`:
//! `METHOD PATH=FAULT[,key=value...]`, where METHOD is a method or `*`, PATH a path pattern
//! (`*` matches any run, so `/zia/*` covers ZIA), and FAULT one of:
//! `429` (keys `retry_after=SECS`, `in=header|body|both|none|date|suffix`), `500`, `502`, `503`,
//! `504`, `latency` (`ms=N`), `reset` (connection closed mid-response), `truncate` (body cut
//! short), `malformed` (invalid JSON), `token-outage` (the token endpoint answers 503),
//! `edit-lock` (ZIA writes answer 409 EDIT_LOCK_NOT_AVAILABLE). Every rule takes `times=N` to
//! fire N times only (default: always). Example:
//! `GET /zia/api/v1/users=429,retry_after=2,in=body,times=1;* /zpa/*=latency,ms=300`

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetryAfterIn {
    Header,
    Body,
    Both,
    None,
    /// As an HTTP date in the header.
    Date,
    /// As `13s` in the header.
    Suffix,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fault", rename_all = "kebab-case")]
pub enum Fault {
    #[serde(rename = "429")]
    TooManyRequests {
        retry_after: u64,
        retry_after_in: RetryAfterIn,
    },
    #[serde(rename = "status")]
    Status {
        status: u16,
    },
    Latency {
        ms: u64,
    },
    Reset,
    Truncate,
    Malformed,
    TokenOutage,
    EditLock,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// HTTP method, or `*`.
    #[serde(default = "any")]
    pub method: String,
    /// Path pattern; `*` matches any run of characters.
    #[serde(default = "any")]
    pub path: String,
    #[serde(flatten)]
    pub fault: Fault,
    /// How many more times the rule fires; `None`: always.
    #[serde(default)]
    pub times: Option<u32>,
}

fn any() -> String {
    "*".to_string()
}

impl Rule {
    pub fn applies(&self, method: &str, path: &str) -> bool {
        (self.method == "*" || self.method.eq_ignore_ascii_case(method)) && glob(&self.path, path)
    }
}

/// `*`-only glob match.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

/// The active rules. The first matching rule with budget left fires.
#[derive(Debug, Default)]
pub struct Faults {
    rules: Vec<Rule>,
}

impl Faults {
    pub fn new(rules: Vec<Rule>) -> Faults {
        Faults { rules }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn set(&mut self, rules: Vec<Rule>) {
        self.rules = rules;
    }

    pub fn add(&mut self, rules: Vec<Rule>) {
        self.rules.extend(rules);
    }

    /// Takes the fault to inject for this request, consuming one firing.
    pub fn take(&mut self, method: &str, path: &str, token_endpoint: bool) -> Option<Fault> {
        let rule = self.rules.iter_mut().find(|r| {
            r.times != Some(0)
                && r.applies(method, path)
                && (matches!(r.fault, Fault::TokenOutage) == token_endpoint)
        })?;
        if let Some(n) = rule.times.as_mut() {
            *n -= 1;
        }
        Some(rule.fault.clone())
    }
}

/// Parses the `--faults` text form.
pub fn parse(spec: &str) -> Result<Vec<Rule>, String> {
    spec.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_rule)
        .collect()
}

fn parse_rule(text: &str) -> Result<Rule, String> {
    let (target, rest) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}': expected METHOD PATH=FAULT"))?;
    let mut target = target.split_whitespace();
    let (method, path) = match (target.next(), target.next()) {
        (Some(m), Some(p)) => (m.to_string(), p.to_string()),
        (Some(p), None) => ("*".to_string(), p.to_string()),
        _ => return Err(format!("'{text}': missing path")),
    };
    let mut items = rest.split(',').map(str::trim);
    let kind = items.next().unwrap_or_default();
    let mut opts = std::collections::HashMap::new();
    for item in items {
        let (k, v) = item
            .split_once('=')
            .ok_or_else(|| format!("'{item}' in '{text}': expected key=value"))?;
        opts.insert(k.trim().to_string(), v.trim().to_string());
    }
    let num = |key: &str, default: u64| -> Result<u64, String> {
        opts.get(key).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| format!("'{key}={v}' in '{text}': expected a number"))
        })
    };
    let fault = match kind {
        "429" => Fault::TooManyRequests {
            retry_after: num("retry_after", 1)?,
            retry_after_in: match opts.get("in").map(String::as_str).unwrap_or("header") {
                "header" => RetryAfterIn::Header,
                "body" => RetryAfterIn::Body,
                "both" => RetryAfterIn::Both,
                "none" => RetryAfterIn::None,
                "date" => RetryAfterIn::Date,
                "suffix" => RetryAfterIn::Suffix,
                other => {
                    return Err(format!(
                        "'in={other}' in '{text}': expected header, body, both, none, date or suffix"
                    ));
                }
            },
        },
        "500" | "502" | "503" | "504" => Fault::Status {
            status: kind.parse().unwrap_or(500),
        },
        "latency" => Fault::Latency {
            ms: num("ms", 500)?,
        },
        "reset" => Fault::Reset,
        "truncate" => Fault::Truncate,
        "malformed" => Fault::Malformed,
        "token-outage" => Fault::TokenOutage,
        "edit-lock" => Fault::EditLock,
        other => {
            return Err(format!(
                "'{other}' in '{text}': expected 429, 500, 502, 503, 504, latency, reset, truncate, malformed, token-outage or edit-lock"
            ));
        }
    };
    let times = opts
        .get("times")
        .map(|v| {
            v.parse::<u32>()
                .map_err(|_| format!("'times={v}': expected a number"))
        })
        .transpose()?;
    Ok(Rule {
        method,
        path,
        fault,
        times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let rules = parse(
            "GET /zia/api/v1/users=429,retry_after=2,in=body,times=1;* /zpa/*=latency,ms=300",
        )
        .expect("valid");
        assert_eq!(rules.len(), 2);
        assert_eq!(
            rules[0].fault,
            Fault::TooManyRequests {
                retry_after: 2,
                retry_after_in: RetryAfterIn::Body
            }
        );
        assert_eq!(rules[0].times, Some(1));
        assert!(rules[1].applies("POST", "/zpa/mgmtconfig/v1/x"));
        assert!(!rules[1].applies("POST", "/zia/x"));
    }

    #[test]
    fn times_limits_firings() {
        let mut f = Faults::new(parse("/a=500,times=2").expect("valid"));
        assert!(f.take("GET", "/a", false).is_some());
        assert!(f.take("GET", "/a", false).is_some());
        assert!(f.take("GET", "/a", false).is_none());
    }

    #[test]
    fn unknown_fault_is_refused_with_the_list() {
        assert!(
            parse("/a=teapot")
                .expect_err("invalid")
                .contains("expected 429")
        );
    }

    #[test]
    fn glob_matching() {
        assert!(glob("/zia/*", "/zia/api/v1/users"));
        assert!(glob("*users", "/zia/api/v1/users"));
        assert!(glob("/zia/*/users", "/zia/api/v1/users"));
        assert!(!glob("/zia/*/users", "/zia/api/v1/groups"));
        assert!(glob("*", "/anything"));
    }
}
