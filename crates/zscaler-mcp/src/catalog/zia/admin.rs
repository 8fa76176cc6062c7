//! ZIA configuration activation: the status of staged changes, and activating them.

use crate::catalog::{Action, Handler, Route, ToolDeclaration};
use crate::service::Service;

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_admin",
        Action::Update,
        "zia_activate_configuration",
        "Activate configuration",
        "Make all staged ZIA changes live; returns activation status.",
        Handler::Routes(&[Route::post("/zia/api/v1/status/activate")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_admin",
        Action::Read,
        "zia_get_activation_status",
        "Get activation status",
        "Whether staged changes await activation: ACTIVE, PENDING or INPROGRESS.",
        Handler::Routes(&[Route::get("/zia/api/v1/status")]),
    ),
];
