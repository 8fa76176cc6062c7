//! ZIA Advanced Threat Protection policy: ATP settings, security-exception bypass URLs, malicious-URL denylist.

use crate::catalog::toolsets::ZIA_ATP_POLICY;
use crate::catalog::{Body, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_ATP_POLICY
        .create(
            "zia_add_atp_malicious_urls",
            "Add ATP malicious URLs",
            "Add URLs to the denylist; returns the whole list; needs zia_activate_configuration.",
        )
        .routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/maliciousUrls")
                .query(&[("action", "ADD_TO_LIST")])
                .read_back("/zia/api/v1/cyberThreatProtection/maliciousUrls"),
        ])
        .params(&[Param::strings("malicious_urls", "URLs to add.")
            .required()
            .body("maliciousUrls")]),
    ZIA_ATP_POLICY
        .delete(
            "zia_delete_atp_malicious_urls",
            "Remove ATP malicious URLs",
            "Remove URLs from the denylist; returns the remaining list.",
        )
        .routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/maliciousUrls")
                .query(&[("action", "REMOVE_FROM_LIST")])
                .read_back("/zia/api/v1/cyberThreatProtection/maliciousUrls"),
        ])
        .params(&[Param::strings("malicious_urls", "URLs to remove.")
            .required()
            .body("maliciousUrls")]),
    ZIA_ATP_POLICY
        .get(
            "zia_get_atp_security_exceptions",
            "Get ATP security exceptions",
            "URLs exempted from ATP checks (bypassUrls).",
        )
        .routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
        )]),
    ZIA_ATP_POLICY
        .get(
            "zia_get_atp_settings",
            "Get ATP settings",
            "ATP policy: per-threat block and capture toggles, risk tolerance, blocked countries.",
        )
        .routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/advancedThreatSettings",
        )]),
    ZIA_ATP_POLICY
        .get(
            "zia_list_atp_malicious_urls",
            "List ATP malicious URLs",
            "URLs that ATP always blocks (maliciousUrls).",
        )
        .routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/maliciousUrls",
        )])
        .queryable(),
    ZIA_ATP_POLICY
        .update(
            "zia_update_atp_security_exceptions",
            "Update ATP security exceptions",
            "Replace the whole ATP bypass URL list; needs zia_activate_configuration.",
        )
        .routes(&[Route::put(
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
        )])
        .params(&[
            Param::strings("bypass_urls", "Complete new list; empty clears.")
                .required()
                .body("bypassUrls"),
        ]),
    // The API replaces the whole record; the reference PUTs only the caller's fields, which
    // resets the others. Merging onto the current record keeps them.
    ZIA_ATP_POLICY
        .update(
            "zia_update_atp_settings",
            "Update ATP settings",
            "Change ATP policy fields, omitted ones kept; needs zia_activate_configuration.",
        )
        .routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/advancedThreatSettings").merge_current(),
        ])
        .params(&[Param::object(
            "settings",
            "camelCase fields to change (zia_get_atp_settings).",
        )
        .required()
        .to(Body::Merge)]),
];
