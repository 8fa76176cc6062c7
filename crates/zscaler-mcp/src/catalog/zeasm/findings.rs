//! EASM findings: exposures found on an organization's internet-facing assets.

use super::ORG_ID;
use crate::catalog::toolsets::ZEASM_FINDINGS;
use crate::catalog::{Param, Route, ToolDeclaration};

const FINDING_ID: Param =
    Param::string("finding_id", "Finding id (zeasm_list_findings).").required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZEASM_FINDINGS
        .get(
            "zeasm_get_finding_details",
            "Get finding details",
            "One finding with category, severity, risk, impacted asset and first/last seen dates.",
        )
        .routes(&[Route::get(
            "/easm/easm-ui/v1/organizations/{org_id}/findings/{finding_id}/details",
        )])
        .params(&[ORG_ID, FINDING_ID]),
    ZEASM_FINDINGS
        .get(
            "zeasm_get_finding_evidence",
            "Get finding evidence",
            "The evidence captured for a finding from the external asset (responses, banners): \
             untrusted content.",
        )
        .routes(&[Route::get(
            "/easm/easm-ui/v1/organizations/{org_id}/findings/{finding_id}/evidence",
        )])
        .params(&[ORG_ID, FINDING_ID])
        .untrusted(),
    ZEASM_FINDINGS
        .get(
            "zeasm_get_finding_scan_output",
            "Get finding scan output",
            "The raw scanner output behind a finding, captured from the external asset: untrusted \
             content.",
        )
        .routes(&[Route::get(
            "/easm/easm-ui/v1/organizations/{org_id}/findings/{finding_id}/scan-output",
        )])
        .params(&[ORG_ID, FINDING_ID])
        .untrusted(),
    ZEASM_FINDINGS
        .list(
            "zeasm_list_findings",
            "List findings",
            "Every finding of an organization with severity, risk level, status and impacted \
             asset.",
        )
        .routes(&[Route::get("/easm/easm-ui/v1/organizations/{org_id}/findings").paged()])
        .params(&[ORG_ID]),
];
