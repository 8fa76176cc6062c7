//! ZIA rule labels: the tags that group policy rules across ZIA policies.

use super::common;
use crate::catalog::toolsets::ZIA_RULE_LABELS;
use crate::catalog::{Param, Route, ToolDeclaration};

const LABEL_ID: Param = Param::string("label_id", "Label id (zia_list_rule_labels).").required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_RULE_LABELS
        .create(
            "zia_create_rule_label",
            "Create rule label",
            "Label for tagging policy rules.",
        )
        .routes(&[Route::post("/zia/api/v1/ruleLabels")])
        .params(&[common::NAME_REQUIRED, common::DESCRIPTION]),
    ZIA_RULE_LABELS
        .delete(
            "zia_delete_rule_label",
            "Delete rule label",
            "Rules referencing it may block deletion.",
        )
        .routes(&[Route::delete("/zia/api/v1/ruleLabels/{label_id}")])
        .params(&[LABEL_ID]),
    ZIA_RULE_LABELS
        .get(
            "zia_get_rule_label",
            "Get rule label",
            "One label with description and referencing rule count.",
        )
        .routes(&[Route::get("/zia/api/v1/ruleLabels/{label_id}")])
        .params(&[LABEL_ID]),
    ZIA_RULE_LABELS
        .list(
            "zia_list_rule_labels",
            "List rule labels",
            "All labels with description and referencing rule count.",
        )
        .routes(&[common::search_list("/zia/api/v1/ruleLabels")])
        .params(&[common::SEARCH]),
    ZIA_RULE_LABELS
        .update(
            "zia_update_rule_label",
            "Update rule label",
            "Change name or description; omitted fields are kept.",
        )
        .routes(&[Route::put("/zia/api/v1/ruleLabels/{label_id}").merge_current()])
        .params(&[LABEL_ID, common::NAME, common::DESCRIPTION]),
];
