//! ZIA configuration activation: the status of staged changes, and activating them.

use crate::catalog::toolsets::ZIA_ADMIN;
use crate::catalog::{Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_ADMIN
        .update(
            "zia_activate_configuration",
            "Activate configuration",
            "Make all staged ZIA changes live; returns activation status.",
        )
        .routes(&[Route::post("/zia/api/v1/status/activate")])
        .without_staged_note(),
    ZIA_ADMIN
        .get(
            "zia_get_activation_status",
            "Get activation status",
            "Whether staged changes await activation: ACTIVE, PENDING or INPROGRESS.",
        )
        .routes(&[Route::get("/zia/api/v1/status")]),
];
