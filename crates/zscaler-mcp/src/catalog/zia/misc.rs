//! ZIA mobile malware protection: the advanced threat settings for mobile apps.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_misc",
        Action::Read,
        "zia_get_mobile_advanced_settings",
        "Get mobile threat settings",
        "Get which risky mobile-app behaviours (malicious activity, leaking credentials, location or identifiers) ZIA blocks.",
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
        "Change mobile-app threat blocking settings, keeping omitted fields; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/mobileAdvanceThreatSettings").merge_current()]),
    )
    .params(&[Param::object(
        "settings",
        "Fields to change, with the API's camelCase names (see zia_get_mobile_advanced_settings).",
    )
    .required()
    .to(Body::Merge)]),
];
