//! TODO module doc: the `zia_advanced_settings` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_advanced_settings",
        Action::Read,
        "zia_get_advanced_settings",
        "ZIA get advanced settings",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/advancedSettings")]),
    ),
    // CHECK: param settings: no body field matched (fields: ['traceSetting'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_advanced_settings",
        Action::Update,
        "zia_update_advanced_settings",
        "ZIA update advanced settings",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/advancedSettings")]),
    )
    .params(&[Param::object("settings", "TODO").required()]),
];
