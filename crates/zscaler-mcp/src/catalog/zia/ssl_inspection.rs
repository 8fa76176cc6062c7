//! TODO module doc: the `zia_ssl_inspection` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Create,
        "zia_create_ssl_inspection_rule",
        "ZIA create SSL inspection rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/sslInspectionRules")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("action", "TODO").body("action"),
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
        "zia_ssl_inspection",
        Action::Delete,
        "zia_delete_ssl_inspection_rule",
        "ZIA delete SSL inspection rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_get_ssl_inspection_rule",
        "ZIA get SSL inspection rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_cloud_app_ssl_policy",
        "ZIA list cloud app SSL policy",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/cloudApplications/sslPolicy")
            .query(&[
                ("search", "{search}"),
                ("appClass", "{app_class}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
                ("groupResults", "{group_results}"),
            ])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("app_class", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
        Param::boolean("group_results", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Read,
        "zia_list_ssl_inspection_rules",
        "ZIA list SSL inspection rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/sslInspectionRules").list()]),
    )
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_ssl_inspection",
        Action::Update,
        "zia_update_ssl_inspection_rule",
        "ZIA update SSL inspection rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/sslInspectionRules/{rule_id}")]),
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
