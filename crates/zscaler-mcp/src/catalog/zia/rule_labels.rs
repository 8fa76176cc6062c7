//! ZIA rule labels: the tags that group policy rules across ZIA policies.

use super::common;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

const LABEL_ID: Param = Param::string("label_id", "Label id (zia_list_rule_labels).").required();

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
    .params(&[common::NAME_REQUIRED, common::DESCRIPTION]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Delete,
        "zia_delete_rule_label",
        "Delete rule label",
        "Rules referencing it may block deletion.",
        Handler::Routes(&[Route::delete("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[LABEL_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_get_rule_label",
        "Get rule label",
        "One label with description and referencing rule count.",
        Handler::Routes(&[Route::get("/zia/api/v1/ruleLabels/{label_id}")]),
    )
    .params(&[LABEL_ID]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_rule_labels",
        Action::Read,
        "zia_list_rule_labels",
        "List rule labels",
        "All labels with description and referencing rule count.",
        Handler::Routes(&[common::search_list("/zia/api/v1/ruleLabels")]),
    )
    .params(&[common::SEARCH])
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
    .params(&[LABEL_ID, common::NAME, common::DESCRIPTION]),
];
