//! ZIA advanced settings: the tenant-wide Administration > Advanced Settings block.

use crate::catalog::{Action, Body, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_advanced_settings",
        Action::Read,
        "zia_get_advanced_settings",
        "Get advanced settings",
        "Tenant-wide: auth and DNS bypass lists, tunnel handling, session timeout.",
        Handler::Routes(&[Route::get("/zia/api/v1/advancedSettings")]),
    ),
    // The API replaces the whole record; the reference PUTs only the caller's fields, which
    // resets the others. Merging onto the current record keeps them.
    ToolDeclaration::new(
        Service::Zia,
        "zia_advanced_settings",
        Action::Update,
        "zia_update_advanced_settings",
        "Update advanced settings",
        "Change tenant-wide settings, omitted fields kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/advancedSettings").merge_current()]),
    )
    .params(&[Param::object(
        "settings",
        "camelCase fields to change (zia_get_advanced_settings).",
    )
    .required()
    .to(Body::Merge)]),
];
