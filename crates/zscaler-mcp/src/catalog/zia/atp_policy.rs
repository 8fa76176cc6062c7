//! ZIA Advanced Threat Protection policy: ATP settings, security-exception bypass URLs, malicious-URL denylist.

use crate::catalog::{Action, Body, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Create,
        "zia_add_atp_malicious_urls",
        "Add ATP malicious URLs",
        "Add URLs to the denylist; returns the whole list; needs zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/maliciousUrls")
                .query(&[("action", "ADD_TO_LIST")])
                .read_back("/zia/api/v1/cyberThreatProtection/maliciousUrls"),
        ]),
    )
    .params(&[Param::strings("malicious_urls", "URLs to add.")
        .required()
        .body("maliciousUrls")]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Delete,
        "zia_delete_atp_malicious_urls",
        "Remove ATP malicious URLs",
        "Remove URLs from the denylist; returns the remaining list.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/maliciousUrls")
                .query(&[("action", "REMOVE_FROM_LIST")])
                .read_back("/zia/api/v1/cyberThreatProtection/maliciousUrls"),
        ]),
    )
    .params(&[Param::strings("malicious_urls", "URLs to remove.")
        .required()
        .body("maliciousUrls")]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Read,
        "zia_get_atp_security_exceptions",
        "Get ATP security exceptions",
        "URLs exempted from ATP checks (bypassUrls).",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Read,
        "zia_get_atp_settings",
        "Get ATP settings",
        "ATP policy: per-threat block and capture toggles, risk tolerance, blocked countries.",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/advancedThreatSettings",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Read,
        "zia_list_atp_malicious_urls",
        "List ATP malicious URLs",
        "URLs that ATP always blocks (maliciousUrls).",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/maliciousUrls",
        )]),
    )
    .queryable(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Update,
        "zia_update_atp_security_exceptions",
        "Update ATP security exceptions",
        "Replace the whole ATP bypass URL list; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
        )]),
    )
    .params(&[
        Param::strings("bypass_urls", "Complete new list; empty clears.")
            .required()
            .body("bypassUrls"),
    ]),
    // The API replaces the whole record; the reference PUTs only the caller's fields, which
    // resets the others. Merging onto the current record keeps them.
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Update,
        "zia_update_atp_settings",
        "Update ATP settings",
        "Change ATP policy fields, omitted ones kept; needs zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/advancedThreatSettings").merge_current(),
        ]),
    )
    .params(&[Param::object(
        "settings",
        "camelCase fields to change (zia_get_atp_settings).",
    )
    .required()
    .to(Body::Merge)]),
];
