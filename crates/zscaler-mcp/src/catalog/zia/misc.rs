//! ZIA mobile malware protection: the advanced threat settings for mobile apps.

use crate::catalog::toolsets::ZIA_MISC;
use crate::catalog::{Body, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_MISC
        .get(
            "zia_get_mobile_advanced_settings",
            "Get mobile threat settings",
            "Which risky mobile-app behaviours are blocked: malicious activity, leaking \
             credentials, location, identifiers.",
        )
        .routes(&[Route::get("/zia/api/v1/mobileAdvanceThreatSettings")]),
    // The API replaces the whole record; the reference PUTs only the caller's fields, which
    // resets the others. Merging onto the current record keeps them.
    ZIA_MISC
        .update(
            "zia_update_mobile_advanced_settings",
            "Update mobile threat settings",
            "Change mobile threat blocking, omitted fields kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/mobileAdvanceThreatSettings").merge_current()])
        .params(&[Param::object(
            "settings",
            "camelCase fields to change (zia_get_mobile_advanced_settings).",
        )
        .required()
        .to(Body::Merge)]),
];
