//! ZIA rule labels: the tags that group policy rules across ZIA policies.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Create,
        "zia_create_rule_label",
        "Create rule label",
        "Label for tagging policy rules.",
        Handler::Routes(&[Route::post("/zia/api/v1/ruleLabels")]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("description", "Description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Delete,
        "zia_delete_rule_label",
        "Delete rule label",
        "Rules referencing it may block deletion.",
        Handler::Routes(&[Route::delete("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[Param::string("label_id", "Label id (zia_list_rule_labels).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_get_rule_label",
        "Get rule label",
        "One label with description and referencing rule count.",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[Param::string("label_id", "Label id (zia_list_rule_labels).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_list_rule_labels",
        "List rule labels",
        "All labels with description and referencing rule count.",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Name substring.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Update,
        "zia_update_rule_label",
        "Update rule label",
        "Change name or description; omitted fields are kept.",
        Handler::Routes(&[Route::put("/zia/api/v1/ruleLabels/{label_id}").merge_current()]),
    )
    .params(&[
        Param::string("label_id", "Label id (zia_list_rule_labels).").required(),
        Param::string("name", "Name.").body("name"),
        Param::string("description", "Description.").body("description"),
    ]),
];
