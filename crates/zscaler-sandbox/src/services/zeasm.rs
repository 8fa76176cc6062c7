//! EASM (`/easm/easm-ui/v1`): organizations, their findings (details, evidence, scan output) and
//! lookalike domains. snake_case both ways; lists answer `{"results":[...],"total_results":N}`.
//! Finding descriptions, evidence, scan output and lookalike registration data come from
//! OUTSIDE the tenant (scanned web pages, WHOIS), so their text goes through `s.text`.

use axum::http::Method;
use serde_json::{Value, json};

use crate::engine::{self, Call, IdKind, Parent, Reply, ResourceDef, no_completion, not_found};
use crate::envelope::{self, Envelope};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

const ORG_SCOPE: Parent = Parent {
    param: "orgId",
    field: "organization_id",
};

const fn easm(key: &'static str, seed: fn(&mut Seeder<'_>) -> Vec<Value>) -> ResourceDef {
    ResourceDef {
        key,
        product: Product::Zeasm,
        id_kind: IdKind::Uuid,
        id_field: "id",
        name_field: Some("name"),
        unique_name: false,
        required: &[],
        parent: None,
        envelope: Envelope::Easm,
        filters: &[],
        needs_activation: false,
        seed,
        complete: no_completion,
    }
}

pub static ORGANIZATIONS: ResourceDef = easm("zeasm.organizations", seed_organizations);

pub static FINDINGS: ResourceDef = ResourceDef {
    parent: Some(ORG_SCOPE),
    ..easm("zeasm.findings", seed_findings)
};

/// Evidence and scan output of each finding, keyed by the finding id:
/// `{"id","organization_id","evidence":{content,source_type},"scan_output":{...}}`.
pub static ARTIFACTS: ResourceDef = ResourceDef {
    parent: Some(ORG_SCOPE),
    name_field: None,
    ..easm("zeasm.finding_artifacts", seed_artifacts)
};

pub static LOOKALIKES: ResourceDef = ResourceDef {
    parent: Some(ORG_SCOPE),
    id_kind: IdKind::Slug,
    id_field: "lookalike_raw",
    name_field: Some("lookalike_raw"),
    ..easm("zeasm.lookalike_domains", seed_lookalikes)
};

pub static RESOURCES: &[&ResourceDef] = &[&ORGANIZATIONS, &FINDINGS, &ARTIFACTS, &LOOKALIKES];

pub fn routes() -> Vec<Route> {
    const ORGS: &str = "/easm/easm-ui/v1/organizations";
    vec![
        Route::new(Method::GET, ORGS, Op::List(&ORGANIZATIONS)),
        Route::new(
            Method::GET,
            "/easm/easm-ui/v1/organizations/{orgId}/findings",
            Op::Custom(list_findings),
        ),
        Route::new(
            Method::GET,
            "/easm/easm-ui/v1/organizations/{orgId}/findings/{findingId}/details",
            Op::Get(&FINDINGS),
        ),
        Route::new(
            Method::GET,
            "/easm/easm-ui/v1/organizations/{orgId}/findings/{findingId}/evidence",
            Op::Custom(evidence),
        ),
        Route::new(
            Method::GET,
            "/easm/easm-ui/v1/organizations/{orgId}/findings/{findingId}/scan-output",
            Op::Custom(scan_output),
        ),
        Route::new(
            Method::GET,
            "/easm/easm-ui/v1/organizations/{orgId}/lookalike-domains",
            Op::Custom(list_lookalikes),
        ),
        Route::new(
            Method::GET,
            "/easm/easm-ui/v1/organizations/{orgId}/lookalike-domains/{lookalikeRaw}/details",
            Op::Get(&LOOKALIKES),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Handlers

fn check_org(call: &Call<'_>) -> Result<(), ApiError> {
    let org = call.params.get("orgId").unwrap_or_default();
    match engine::record(call.tenant, &ORGANIZATIONS, org) {
        Some(_) => Ok(()),
        None => Err(not_found(&ORGANIZATIONS, org)),
    }
}

/// A list scoped to an organization that must exist (404 otherwise, not an empty list).
fn scoped_list(def: &ResourceDef, call: &Call<'_>) -> Result<Reply, ApiError> {
    check_org(call)?;
    let records = engine::visible(def, call.params, call.query, call.tenant);
    envelope::list(
        Envelope::Easm,
        Product::Zeasm,
        records,
        call.query,
        call.path,
    )
    .map(Reply::ok)
}

fn list_findings(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    scoped_list(&FINDINGS, call)
}

fn list_lookalikes(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    scoped_list(&LOOKALIKES, call)
}

fn artifact(call: &Call<'_>, part: &str) -> Result<Reply, ApiError> {
    check_org(call)?;
    let org = call.params.get("orgId").unwrap_or_default();
    let finding = call.params.get("findingId").unwrap_or_default();
    engine::record(call.tenant, &ARTIFACTS, finding)
        .filter(|a| a["organization_id"].as_str() == Some(org))
        .and_then(|a| a.get(part))
        .cloned()
        .map(Reply::ok)
        .ok_or_else(|| not_found(&FINDINGS, finding))
}

fn evidence(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    artifact(call, "evidence")
}

fn scan_output(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    artifact(call, "scan_output")
}

// ---------------------------------------------------------------------------------------------
// Seeds

/// `YYYY-MM-DDTHH:MM:SSZ` for epoch seconds.
pub fn iso(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn uuid(s: &mut Seeder<'_>) -> String {
    format!(
        "{}-{}-4{}-{}{}-{}",
        s.hex(8),
        s.hex(4),
        s.hex(3),
        s.pick(&["8", "9", "a", "b"]),
        s.hex(3),
        s.hex(12)
    )
}

/// The organizations and their primary domains.
const ORGS: [(&str, &str); 3] = [
    ("Example Corp", "example.com"),
    ("Example Networks EU", "example.net"),
    ("Example Foundation", "example.org"),
];

fn seed_organizations(s: &mut Seeder<'_>) -> Vec<Value> {
    ORGS.iter()
        .map(|(name, domain)| {
            json!({
                "id": uuid(s),
                "name": name,
                "primary_domain": domain,
                "created_at": iso(s.epoch_within(720)),
            })
        })
        .collect()
}

fn orgs(s: &Seeder<'_>) -> Vec<(String, String)> {
    engine::records(s.tenant, &ORGANIZATIONS)
        .filter_map(|o| {
            Some((
                o["id"].as_str()?.to_string(),
                o["primary_domain"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// (name, category, type, scan type, base severity 0-10, CVE or rule id)
const FINDING_KINDS: [(&str, &str, &str, &str, f64, &str); 10] = [
    (
        "Apache HTTP Server path traversal (CVE-2021-41773)",
        "Vulnerability",
        "CVE",
        "ACTIVE",
        9.8,
        "CVE-2021-41773",
    ),
    (
        "Expired TLS certificate",
        "Certificate",
        "MISCONFIGURATION",
        "PASSIVE",
        5.3,
        "tls-expired",
    ),
    (
        "Exposed RDP service",
        "Exposed Service",
        "EXPOSURE",
        "ACTIVE",
        7.5,
        "open-port-3389",
    ),
    (
        "Missing HTTP Strict-Transport-Security header",
        "Web Security",
        "MISCONFIGURATION",
        "PASSIVE",
        3.1,
        "missing-hsts",
    ),
    (
        "OpenSSH regreSSHion (CVE-2024-6387)",
        "Vulnerability",
        "CVE",
        "ACTIVE",
        8.1,
        "CVE-2024-6387",
    ),
    (
        "Directory listing enabled",
        "Web Security",
        "MISCONFIGURATION",
        "ACTIVE",
        5.0,
        "dir-listing",
    ),
    (
        "Weak TLS protocol (TLS 1.0) accepted",
        "Certificate",
        "MISCONFIGURATION",
        "PASSIVE",
        4.3,
        "weak-tls",
    ),
    (
        "Exposed Elasticsearch instance",
        "Exposed Service",
        "EXPOSURE",
        "ACTIVE",
        8.6,
        "open-port-9200",
    ),
    (
        "DNS zone transfer allowed",
        "DNS",
        "MISCONFIGURATION",
        "ACTIVE",
        6.5,
        "dns-axfr",
    ),
    (
        "Outdated jQuery library (CVE-2020-11023)",
        "Vulnerability",
        "CVE",
        "PASSIVE",
        6.1,
        "CVE-2020-11023",
    ),
];

const HOSTS: [&str; 8] = [
    "www", "vpn", "mail", "api", "dev", "legacy", "portal", "git",
];
const COUNTRIES: [&str; 5] = ["US", "DE", "GB", "SG", "BR"];

fn risk_level(score: f64) -> &'static str {
    match score {
        s if s >= 9.0 => "CRITICAL",
        s if s >= 7.0 => "HIGH",
        s if s >= 4.0 => "MEDIUM",
        _ => "LOW",
    }
}

fn seed_findings(s: &mut Seeder<'_>) -> Vec<Value> {
    let orgs = orgs(s);
    if orgs.is_empty() {
        return Vec::new();
    }
    let n = s.large(60);
    (0..n)
        .map(|i| {
            let (org_id, domain) = &orgs[i % orgs.len()];
            let (name, category, kind, scan, base, _) = *s.pick(&FINDING_KINDS);
            let host = format!("{}.{domain}", s.pick(&HOSTS));
            let severity = ((base + s.int(-5, 5) as f64 / 10.0).clamp(0.1, 10.0) * 10.0).round()
                / 10.0;
            let last = s.epoch_within(30);
            let first = last - s.int(1, 300) * 86_400;
            let status = *s.pick(&["OPEN", "OPEN", "OPEN", "IN_PROGRESS", "RESOLVED"]);
            json!({
                "id": uuid(s),
                "organization_id": org_id,
                "name": name,
                "description": s.text(&format!("{name} detected on {host}.")),
                "category": category,
                "type": kind,
                "scan_type": scan,
                "severity_score": severity,
                "risk_level": risk_level(severity),
                "risk_score": (severity * 10.0).round() as i64,
                "cisa_likelihood": if kind == "CVE" && severity >= 8.0 { "KNOWN_EXPLOITED" } else { "UNKNOWN" },
                "epss_likelihood": if kind == "CVE" { json!((s.int(1, 975) as f64) / 1000.0) } else { Value::Null },
                "country": s.pick(&COUNTRIES),
                "impacted_asset_id": format!("asset-{}", s.hex(10)),
                "impacted_asset_name": host,
                "first_seen": iso(first),
                "last_seen": iso(last),
                "is_stale": last < s.now() - 21 * 86_400,
                "profile_id": format!("profile-{}", 1 + i % 3),
                "status": status,
            })
        })
        .collect()
}

fn seed_artifacts(s: &mut Seeder<'_>) -> Vec<Value> {
    let findings: Vec<Value> = engine::records(s.tenant, &FINDINGS).cloned().collect();
    findings
        .iter()
        .map(|f| {
            let host = f["impacted_asset_name"].as_str().unwrap_or("unknown");
            let name = f["name"].as_str().unwrap_or("finding");
            let rule = FINDING_KINDS
                .iter()
                .find(|k| k.0 == name)
                .map(|k| k.5)
                .unwrap_or("generic");
            let evidence = match f["type"].as_str() {
                Some("EXPOSURE") => format!(
                    "Port {} open on {host}; banner: \"{}\"",
                    rule.trim_start_matches("open-port-"),
                    s.text("service banner")
                ),
                Some("CVE") => format!(
                    "HTTP/1.1 200 OK\r\nServer: Apache/2.4.49 (Unix)\r\n\r\n{}",
                    s.text("<html><title>Index</title></html>")
                ),
                _ => format!(
                    "GET https://{host}/ -> {}",
                    s.text("response headers lack the expected security controls")
                ),
            };
            let ip = s.public_ipv4();
            let scan = format!(
                "[{rule}] [{}] https://{host}/ ({ip})\n{}",
                f["risk_level"].as_str().unwrap_or("info").to_lowercase(),
                s.text("matched at response body")
            );
            json!({
                "id": f["id"],
                "organization_id": f["organization_id"],
                "evidence": {"content": evidence, "source_type": "HTTP_RESPONSE"},
                "scan_output": {"content": scan, "source_type": "SCANNER"},
            })
        })
        .collect()
}

/// Typosquats of a domain `label.tld`, with how each deceives.
fn squats(label: &str, tld: &str) -> Vec<(String, &'static str)> {
    vec![
        (
            format!("{}.{tld}", label.replacen('l', "1", 1)),
            "HOMOGLYPH",
        ),
        (
            format!("{}.{tld}", label.replacen("mp", "rnp", 1)),
            "HOMOGLYPH",
        ),
        (format!("{label}-login.{tld}"), "KEYWORD_ADDITION"),
        (
            if tld == "com" {
                format!("{label}.co")
            } else {
                format!("{label}{tld}.com")
            },
            "TLD_SWAP",
        ),
        (
            format!("{}.{tld}", label.replacen('e', "ee", 1)),
            "CHARACTER_DUPLICATION",
        ),
        (format!("{label}support.{tld}"), "KEYWORD_ADDITION"),
    ]
}

fn seed_lookalikes(s: &mut Seeder<'_>) -> Vec<Value> {
    const REGISTRARS: [&str; 4] = [
        "NameCheap, Inc.",
        "GoDaddy.com, LLC",
        "Tucows Domains Inc.",
        "PDR Ltd.",
    ];
    let mut out = Vec::new();
    for (org_id, domain) in orgs(s) {
        let (label, tld) = domain.split_once('.').unwrap_or((domain.as_str(), "com"));
        let mut seen = std::collections::HashSet::new();
        for (raw, method) in squats(label, tld) {
            if raw == domain || !seen.insert(raw.clone()) {
                continue;
            }
            let registered = s.chance(0.7);
            let created = s.epoch_within(400);
            let score = s.int(20, 98);
            out.push(json!({
                "organization_id": org_id,
                "lookalike_raw": raw,
                "original_domain": domain,
                "deception_method": [method],
                "description": s.text(&format!("Lookalike of {domain} ({method})")),
                "is_registered": registered,
                "registrar": if registered { json!(s.pick(&REGISTRARS)) } else { Value::Null },
                "registered_by": if registered { json!(s.text("REDACTED FOR PRIVACY")) } else { Value::Null },
                "created_date": if registered { json!(iso(created)) } else { Value::Null },
                "updated_date": if registered { json!(iso((created + s.int(0, 90) * 86_400).min(s.now()))) } else { Value::Null },
                "expiration_date": if registered { json!(iso(created + 365 * 86_400)) } else { Value::Null },
                "risk_score": score,
                "risk_category": risk_level(score as f64 / 10.0),
                "remediation": if registered { "Request takedown through the registrar's abuse contact" } else { "Consider defensive registration" },
                "status": if registered { "ACTIVE" } else { "AVAILABLE" },
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{ARTIFACTS, FINDINGS, LOOKALIKES, ORGANIZATIONS, RESOURCES, iso};
    use crate::engine;
    use crate::tenant::{Identity, Tenant};
    use serde_json::Value;

    #[test]
    fn iso_dates() {
        assert_eq!(iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso(ANCHOR), "2026-01-01T00:00:00Z");
        assert_eq!(iso(1_709_251_199), "2024-02-29T23:59:59Z");
    }

    /// 2026-01-01T00:00:00Z: a fixed anchor, so the seeded data is the same on every run.
    const ANCHOR: i64 = 1_767_225_600;

    fn seeded(scale: usize, seed: u64) -> Tenant {
        let identity = Identity {
            customer_id: "216196257331200001".into(),
            zcell_customer_id: "7000001".into(),
        };
        let mut tenant = Tenant::new(identity, 100_000, ANCHOR);
        tenant.seed(RESOURCES, seed, scale, false);
        tenant
    }

    #[test]
    fn findings_grow_with_scale_and_reference_their_organization() {
        let t = seeded(400, 3);
        assert_eq!(engine::records(&t, &FINDINGS).count(), 400);
        assert_eq!(engine::records(&t, &ARTIFACTS).count(), 400);
        assert_eq!(engine::records(&t, &ORGANIZATIONS).count(), 3);
        for f in engine::records(&t, &FINDINGS) {
            let org = f["organization_id"].as_str().expect("org");
            assert!(engine::record(&t, &ORGANIZATIONS, org).is_some());
        }
        // Lookalike domains stay a handful per organization and never collide.
        assert_eq!(engine::records(&t, &LOOKALIKES).count(), 18);
        let again = seeded(400, 3);
        let a: Vec<&Value> = engine::records(&t, &FINDINGS).collect();
        let b: Vec<&Value> = engine::records(&again, &FINDINGS).collect();
        assert_eq!(a, b);
    }
}
