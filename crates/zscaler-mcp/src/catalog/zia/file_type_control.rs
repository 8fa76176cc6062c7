//! ZIA file type control: file type control rules and the file type categories they match.

use super::common;
use crate::catalog::toolsets::ZIA_FILE_TYPE_CONTROL;
use crate::catalog::{Param, Route, ToolDeclaration};

const RULE_ID: Param =
    Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required();
const ACTION: Param = Param::string("action", "What matching files get.")
    .one_of(&["ALLOW", "BLOCK", "CAUTION"])
    .body("action");

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_FILE_TYPE_CONTROL
        .create(
            "zia_create_file_type_control_rule",
            "Create file type control rule",
            "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_create(
            "/zia/api/v1/fileTypeRules",
            common::RULE_ID_LISTS,
        )])
        .params(&common::rule_create_params(
            common::UNIQUE_NAME_REQUIRED,
            ACTION.required(),
            common::ADVANCED_FILE_TYPES,
        )),
    ZIA_FILE_TYPE_CONTROL
        .delete(
            "zia_delete_file_type_control_rule",
            "Delete file type control rule",
            "Delete by id; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/fileTypeRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_FILE_TYPE_CONTROL
        .get(
            "zia_get_file_type_control_rule",
            "Get file type control rule",
            "One rule with file types, conditions and action.",
        )
        .routes(&[Route::get("/zia/api/v1/fileTypeRules/{rule_id}")])
        .params(&[RULE_ID]),
    ZIA_FILE_TYPE_CONTROL
        .list(
            "zia_list_file_type_categories",
            "List file type categories",
            "Predefined and custom file type categories that rules can match.",
        )
        .routes(&[Route::get("/zia/api/v1/fileTypeCategories")
            .query(&[
                ("enums", "{enums}"),
                ("excludeCustomFileTypes", "{exclude_custom_file_types}"),
            ])
            .list()])
        .params(&[
            Param::boolean("enums", "Name by enum (FTCATEGORY_...)."),
            Param::boolean("exclude_custom_file_types", "Omit custom types."),
        ]),
    ZIA_FILE_TYPE_CONTROL
        .list(
            "zia_list_file_type_control_rules",
            "List file type control rules",
            "Rules with order, state, file types and action.",
        )
        .routes(&[common::search_list("/zia/api/v1/fileTypeRules")])
        .params(&[common::SEARCH]),
    ZIA_FILE_TYPE_CONTROL
        .update(
            "zia_update_file_type_control_rule",
            "Update file type control rule",
            "Omitted fields are kept; needs zia_activate_configuration.",
        )
        .routes(&[common::rule_update(
            "/zia/api/v1/fileTypeRules/{rule_id}",
            common::RULE_ID_LISTS,
        )])
        .params(&common::rule_update_params(
            RULE_ID,
            common::UNIQUE_NAME,
            ACTION,
            common::ADVANCED_FILE_TYPES,
        )),
];
