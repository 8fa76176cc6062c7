//! TODO module doc: the `zia_misc` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_misc",
        Action::Read,
        "zia_get_mobile_advanced_settings",
        "ZIA get mobile advanced settings",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/mobileAdvanceThreatSettings")]),
    ),
    // CHECK: param settings: no body field matched (fields: ['traceSetting'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_misc",
        Action::Update,
        "zia_update_mobile_advanced_settings",
        "ZIA update mobile advanced settings",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/mobileAdvanceThreatSettings")]),
    )
    .params(&[Param::object("settings", "TODO").required()]),
];
