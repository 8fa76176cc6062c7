//! ZIA mobile malware protection: the advanced threat settings for mobile apps.

use crate::catalog::{Action, Body, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_misc",
        Action::Read,
        "zia_get_mobile_advanced_settings",
        "Get mobile threat settings",
        "Which risky mobile-app behaviours are blocked: malicious activity, leaking credentials, location, identifiers.",
        Handler::Routes(&[Route::get("/zia/api/v1/mobileAdvanceThreatSettings")]),
    ),
    // The API replaces the whole record; the reference PUTs only the caller's fields, which
    // resets the others. Merging onto the current record keeps them.
    ToolDeclaration::new(
        Service::Zia,
        "zia_misc",
        Action::Update,
        "zia_update_mobile_advanced_settings",
        "Update mobile threat settings",
        "Change mobile threat blocking, omitted fields kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/mobileAdvanceThreatSettings").merge_current()]),
    )
    .params(&[Param::object(
        "settings",
        "camelCase fields to change (zia_get_mobile_advanced_settings).",
    )
    .required()
    .to(Body::Merge)]),
];
