//! TODO module doc: the `zia_sandbox` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Create,
        "zia_create_sandbox_rule",
        "ZIA create sandbox rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/sandboxRules")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action", "TODO").required().body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Delete,
        "zia_delete_sandbox_rule",
        "ZIA delete sandbox rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/sandboxRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_behavioral_analysis",
        "ZIA get sandbox behavioral analysis",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/behavioralAnalysisAdvancedSettings")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_file_hash_count",
        "ZIA get sandbox file hash count",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/behavioralAnalysisAdvancedSettings/fileHashCount",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_quota",
        "ZIA get sandbox quota",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/sandbox/report/quota")]),
    ),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_report",
        "ZIA get sandbox report",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/sandbox/report/{md5_hash}")
            .query(&[("details", "{report_details}")])]),
    )
    .params(&[
        Param::string("md5_hash", "TODO").required(),
        Param::string("report_details", "TODO"),
    ])
    .untrusted(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_get_sandbox_rule",
        "ZIA get sandbox rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/sandboxRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Read,
        "zia_list_sandbox_rules",
        "ZIA list sandbox rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/sandboxRules").list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_sandbox",
        Action::Update,
        "zia_update_sandbox_rule",
        "ZIA update sandbox rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/sandboxRules/{rule_id}")]),
    )
    .params(&[
        Param::string("rule_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("action", "TODO").body("action"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").to(Body::State("state")),
        Param::integer("order", "TODO").body("order"),
        Param::integer("rank", "TODO").body("rank"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
];
