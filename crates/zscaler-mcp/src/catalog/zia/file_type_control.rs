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
        "Create a file type control rule (order 1, rank 7 unless given); takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/fileTypeRules")
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])
            .id_lists(RULE_ID_LISTS)]),
    )
    .params(&[
        Param::string("name", "Rule name, unique.").required().body("name"),
        Param::string("action", "Rule action: ALLOW, BLOCK or CAUTION.")
            .required()
            .body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. fileTypes; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Delete,
        "zia_delete_file_type_control_rule",
        "Delete file type control rule",
        "Delete a file type control rule by id; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/fileTypeRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_get_file_type_control_rule",
        "Get file type control rule",
        "Return one file type control rule by id, with its file types, conditions and action.",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_list_file_type_categories",
        "List file type categories",
        "List the file type categories (predefined and custom) that file type control and other rules can match.",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeCategories")
            .query(&[
                ("enums", "{enums}"),
                ("excludeCustomFileTypes", "{exclude_custom_file_types}"),
            ])
            .list()]),
    )
    .params(&[
        Param::boolean("enums", "Name categories by enum (FTCATEGORY_...) instead."),
        Param::boolean("exclude_custom_file_types", "Leave out custom file types."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_list_file_type_control_rules",
        "List file type control rules",
        "List file type control rules with their order, state, file types and action.",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Rule name substring.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Update,
        "zia_update_file_type_control_rule",
        "Update file type control rule",
        "Change a file type control rule; fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/fileTypeRules/{rule_id}")
            .id_lists(RULE_ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_file_type_control_rules).").required(),
        Param::string("name", "Rule name, unique.").body("name"),
        Param::string("action", "Rule action: ALLOW, BLOCK or CAUTION.").body("action"),
        Param::string("description", "Rule description.").body("description"),
        Param::boolean("enabled", "Sent as state ENABLED or DISABLED.").to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. fileTypes; id lists may be plain ids.",
        )
        .to(Body::Merge),
    ]),
];
