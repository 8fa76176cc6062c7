//! TODO module doc: the `zia_cloud_app_control` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Create,
        "zia_create_cloud_app_control_rule",
        "ZIA create cloud app control rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/webApplicationRules/{rule_type}")]),
    )
    .params(&[
        Param::string("rule_type", "TODO").required(),
        Param::string("name", "TODO").required().body("name"),
        Param::string("action", "TODO").body("action"),
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
        "zia_cloud_app_control",
        Action::Delete,
        "zia_delete_cloud_app_control_rule",
        "ZIA delete cloud app control rule",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "TODO").required(),
        Param::string("rule_id", "TODO").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_get_cloud_app_control_rule",
        "ZIA get cloud app control rule",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "TODO").required(),
        Param::string("rule_id", "TODO").required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_control_actions",
        "ZIA list cloud app control actions",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zia/api/v1/webApplicationRules/{rule_type}/availableActions",
        )
        .read_only()]),
    )
    .params(&[
        Param::string("rule_type", "TODO").required(),
        Param::strings("cloud_apps", "TODO").body("cloudApps"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_control_rules",
        "ZIA list cloud app control rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/webApplicationRules/{rule_type}").list()]),
    )
    .params(&[Param::string("rule_type", "TODO").required()])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Read,
        "zia_list_cloud_app_policy",
        "ZIA list cloud app policy",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/cloudApplications/policy")
            .query(&[
                ("search", "{search}"),
                ("appClass", "{app_class}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
                ("groupResults", "{group_results}"),
            ])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("app_class", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
        Param::boolean("group_results", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_cloud_app_control",
        Action::Update,
        "zia_update_cloud_app_control_rule",
        "ZIA update cloud app control rule",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zia/api/v1/webApplicationRules/{rule_type}/{rule_id}",
        )]),
    )
    .params(&[
        Param::string("rule_type", "TODO").required(),
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
