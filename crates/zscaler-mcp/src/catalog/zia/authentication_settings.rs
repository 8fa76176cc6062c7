//! TODO module doc: the `zia_authentication_settings` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: param exempt_urls: no body field matched (fields: ['urls'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_authentication_settings",
        Action::Create,
        "zia_add_auth_exempt_urls",
        "ZIA add auth exempt URLs",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/authSettings/exemptedUrls")
            .query(&[("action", "ADD_TO_LIST")])
            .read_back("/zia/api/v1/authSettings/exemptedUrls")]),
    )
    .params(&[Param::strings("exempt_urls", "TODO").required()]),
    // CHECK: param exempt_urls: no body field matched (fields: ['urls'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_authentication_settings",
        Action::Delete,
        "zia_delete_auth_exempt_urls",
        "ZIA delete auth exempt URLs",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/authSettings/exemptedUrls")
            .query(&[("action", "REMOVE_FROM_LIST")])
            .read_back("/zia/api/v1/authSettings/exemptedUrls")]),
    )
    .params(&[Param::strings("exempt_urls", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_authentication_settings",
        Action::Read,
        "zia_list_auth_exempt_urls",
        "ZIA list auth exempt URLs",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/authSettings/exemptedUrls")]),
    )
    .queryable(),
];
