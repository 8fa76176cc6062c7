//! ZIA configuration activation: the status of staged changes, and activating them.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_admin",
        Action::Update,
        "zia_activate_configuration",
        "Activate configuration",
        "Activate every staged ZIA change, making pending configuration edits live; returns the activation status.",
        Handler::Routes(&[Route::post("/zia/api/v1/status/activate")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_admin",
        Action::Read,
        "zia_get_activation_status",
        "Get activation status",
        "Get whether ZIA has staged changes awaiting zia_activate_configuration (ACTIVE, PENDING or INPROGRESS).",
        Handler::Routes(&[Route::get("/zia/api/v1/status")]),
    ),
];
