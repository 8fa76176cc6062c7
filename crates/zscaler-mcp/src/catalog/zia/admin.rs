//! TODO module doc: the `zia_admin` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_admin",
        Action::Update,
        "zia_activate_configuration",
        "ZIA activate configuration",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/status/activate").no_body()]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_admin",
        Action::Read,
        "zia_get_activation_status",
        "ZIA get activation status",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/status")]),
    ),
];
