//! EASM lookalike domains: registered or available typosquats of an organization's domains.

use super::ORG_ID;
use crate::catalog::toolsets::ZEASM_LOOKALIKE_DOMAINS;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZEASM_LOOKALIKE_DOMAINS
        .get(
            "zeasm_get_lookalike_domain",
            "Get lookalike domain",
            "One lookalike domain with deception method, WHOIS registration and risk: untrusted \
             content.",
        )
        .routes(&[Route::get(
            "/easm/easm-ui/v1/organizations/{org_id}/lookalike-domains/{lookalike_raw}/details",
        )])
        .params(&[
            ORG_ID,
            Param::string(
                "lookalike_raw",
                "The lookalike domain name (zeasm_list_lookalike_domains).",
            )
            .required(),
        ])
        .untrusted(),
    ZEASM_LOOKALIKE_DOMAINS
        .list(
            "zeasm_list_lookalike_domains",
            "List lookalike domains",
            "Every lookalike of an organization's domains with deception method, registration \
             and risk: untrusted content.",
        )
        .routes(&[Route::get("/easm/easm-ui/v1/organizations/{org_id}/lookalike-domains").paged()])
        .params(&[ORG_ID])
        .untrusted(),
];
