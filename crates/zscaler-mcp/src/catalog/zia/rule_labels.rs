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
        "Create a rule label for tagging policy rules; returns the new label with its id.",
        Handler::Routes(&[Route::post("/zia/api/v1/ruleLabels")]),
    )
    .params(&[
        Param::string("name", "Label name.").required().body("name"),
        Param::string("description", "Free-text description.").body("description"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Delete,
        "zia_delete_rule_label",
        "Delete rule label",
        "Delete a rule label; rules that reference it may block the deletion.",
        Handler::Routes(&[Route::delete("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[Param::string("label_id", "Label id (zia_list_rule_labels).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_get_rule_label",
        "Get rule label",
        "Return one rule label with its description and the number of rules referencing it.",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[Param::string("label_id", "Label id (zia_list_rule_labels).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_list_rule_labels",
        "List rule labels",
        "List all rule labels with their descriptions and the number of rules referencing each.",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Text the label name contains.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Update,
        "zia_update_rule_label",
        "Update rule label",
        "Change a rule label's name or description; fields not given keep their current values.",
        Handler::Routes(&[Route::put("/zia/api/v1/ruleLabels/{label_id}").merge_current()]),
    )
    .params(&[
        Param::string("label_id", "Label id (zia_list_rule_labels).").required(),
        Param::string("name", "New label name.").body("name"),
        Param::string("description", "New description.").body("description"),
    ]),
];
