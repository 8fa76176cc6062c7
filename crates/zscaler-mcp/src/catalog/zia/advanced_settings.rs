//! ZIA advanced settings: the tenant-wide Administration > Advanced Settings block.

use crate::catalog::toolsets::ZIA_ADVANCED_SETTINGS;
use crate::catalog::{Body, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_ADVANCED_SETTINGS
        .get(
            "zia_get_advanced_settings",
            "Get advanced settings",
            "Tenant-wide: auth and DNS bypass lists, tunnel handling, session timeout.",
        )
        .routes(&[Route::get("/zia/api/v1/advancedSettings")]),
    // The API replaces the whole record; the reference PUTs only the caller's fields, which
    // resets the others. Merging onto the current record keeps them.
    ZIA_ADVANCED_SETTINGS
        .update(
            "zia_update_advanced_settings",
            "Update advanced settings",
            "Change tenant-wide settings, omitted fields kept; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/advancedSettings").merge_current()])
        .params(&[Param::object(
            "settings",
            "camelCase fields to change (zia_get_advanced_settings).",
        )
        .required()
        .to(Body::Merge)]),
];
