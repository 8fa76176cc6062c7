//! ZIA file type control: file type control rules and the file type categories they match.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, ToolDeclaration};

/// `advanced` keys whose scalar lists are sent as `[{"id": N}]`.
const RULE_ID_LISTS: &[&str] = &[
    "departments",
    "groups",
    "labels",
    "locations",
    "nwServices",
    "users",
    "locationGroups",
    "timeWindows",
    "devices",
    "deviceGroups",
];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Create,
        "zia_create_file_type_control_rule",
        "Create file type control rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/fileTypeRules")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Unique name.")
            .required()
            .body("name"),
        Param::string("action", "ALLOW, BLOCK or CAUTION.")
            .required()
            .body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. fileTypes; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Delete,
        "zia_delete_file_type_control_rule",
        "Delete file type control rule",
        "Delete by id; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/fileTypeRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_get_file_type_control_rule",
        "Get file type control rule",
        "One rule with file types, conditions and action.",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_list_file_type_categories",
        "List file type categories",
        "Predefined and custom file type categories that rules can match.",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeCategories")
            .query(&[
                ("enums", "{enums}"),
                ("excludeCustomFileTypes", "{exclude_custom_file_types}"),
            ])
            .list()]),
    )
    .params(&[
        Param::boolean("enums", "Name by enum (FTCATEGORY_...)."),
        Param::boolean("exclude_custom_file_types", "Omit custom types."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_list_file_type_control_rules",
        "List file type control rules",
        "Rules with order, state, file types and action.",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Name substring.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Update,
        "zia_update_file_type_control_rule",
        "Update file type control rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/fileTypeRules/{rule_id}")
            .id_lists(RULE_ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required(),
        Param::string("name", "Unique name.").body("name"),
        Param::string("action", "ALLOW, BLOCK or CAUTION.").body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.").to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. fileTypes; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
];
