//! TODO module doc: the `zia_rule_labels` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Create,
        "zia_create_rule_label",
        "ZIA create rule label",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/ruleLabels")]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("description", "TODO").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Delete,
        "zia_delete_rule_label",
        "ZIA delete rule label",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[Param::string("label_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_get_rule_label",
        "ZIA get rule label",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[Param::string("label_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_list_rule_labels",
        "ZIA list rule labels",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Update,
        "zia_update_rule_label",
        "ZIA update rule label",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[
        Param::string("label_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
    ]),
];
