//! TODO module doc: the `zia_file_type_control` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Create,
        "zia_create_file_type_control_rule",
        "ZIA create file type control rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/fileTypeRules")]),
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
        "zia_file_type_control",
        Action::Delete,
        "zia_delete_file_type_control_rule",
        "ZIA delete file type control rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/fileTypeRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_get_file_type_control_rule",
        "ZIA get file type control rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_list_file_type_categories",
        "ZIA list file type categories",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeCategories")
            .query(&[
                ("enums", "{enums}"),
                ("excludeCustomFileTypes", "{exclude_custom_file_types}"),
            ])
            .list()]),
    )
    .params(&[
        Param::boolean("enums", "TODO"),
        Param::boolean("exclude_custom_file_types", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Read,
        "zia_list_file_type_control_rules",
        "ZIA list file type control rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/fileTypeRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_file_type_control",
        Action::Update,
        "zia_update_file_type_control_rule",
        "ZIA update file type control rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/fileTypeRules/{rule_id}")]),
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
