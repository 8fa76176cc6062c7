//! TODO module doc: the `zia_atp_policy` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Create,
        "zia_add_atp_malicious_urls",
        "ZIA add ATP malicious URLs",
        "TODO",
        Handler::Routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/maliciousUrls")
                .query(&[("action", "ADD_TO_LIST")])
                .read_back("/zia/api/v1/cyberThreatProtection/maliciousUrls"),
        ]),
    )
    .params(&[Param::strings("malicious_urls", "TODO")
        .required()
        .body("maliciousUrls")]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Delete,
        "zia_delete_atp_malicious_urls",
        "ZIA delete ATP malicious URLs",
        "TODO",
        Handler::Routes(&[
            Route::put("/zia/api/v1/cyberThreatProtection/maliciousUrls")
                .query(&[("action", "REMOVE_FROM_LIST")])
                .read_back("/zia/api/v1/cyberThreatProtection/maliciousUrls"),
        ]),
    )
    .params(&[Param::strings("malicious_urls", "TODO")
        .required()
        .body("maliciousUrls")]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Read,
        "zia_get_atp_security_exceptions",
        "ZIA get ATP security exceptions",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Read,
        "zia_get_atp_settings",
        "ZIA get ATP settings",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/advancedThreatSettings",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Read,
        "zia_list_atp_malicious_urls",
        "ZIA list ATP malicious URLs",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/cyberThreatProtection/maliciousUrls",
        )]),
    )
    .queryable(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Update,
        "zia_update_atp_security_exceptions",
        "ZIA update ATP security exceptions",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/cyberThreatProtection/securityExceptions",
        )]),
    )
    .params(&[Param::strings("bypass_urls", "TODO")
        .required()
        .body("bypassUrls")]),
    // CHECK: param settings: no body field matched (fields: ['traceSetting'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_atp_policy",
        Action::Update,
        "zia_update_atp_settings",
        "ZIA update ATP settings",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/cyberThreatProtection/advancedThreatSettings",
        )]),
    )
    .params(&[Param::object("settings", "TODO").required()]),
];
