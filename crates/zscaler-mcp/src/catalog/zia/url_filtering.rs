//! TODO module doc: the `zia_url_filtering` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Create,
        "zia_create_url_filtering_rule",
        "ZIA create URL filtering rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/urlFilteringRules")]),
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
        "zia_url_filtering",
        Action::Delete,
        "zia_delete_url_filtering_rule",
        "ZIA delete URL filtering rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_get_url_filtering_rule",
        "ZIA get URL filtering rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_list_url_filtering_rules",
        "ZIA list URL filtering rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Update,
        "zia_update_url_filtering_rule",
        "ZIA update URL filtering rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/urlFilteringRules/{rule_id}")]),
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
