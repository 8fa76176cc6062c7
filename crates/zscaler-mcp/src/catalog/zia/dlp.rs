//! TODO module doc: the `zia_dlp` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "get_zia_dlp_dictionaries",
        "DLP dictionaries",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpDictionaries/{dict_id}").when(When::Has("dict_id")),
            Route::get("/zia/api/v1/dlpDictionaries/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            Route::get("/zia/api/v1/dlpDictionaries")
                .query(&[("search", "{search}")])
                .list(),
        ]),
    )
    .params(&[
        Param::string("action", "TODO")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("dict_id", "TODO"),
        Param::string("search", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "get_zia_dlp_engines",
        "DLP engines",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/dlpEngines/{engine_id}").when(When::Has("engine_id")),
            Route::get("/zia/api/v1/dlpEngines/lite")
                .when(When::Is("action", "read_lite"))
                .list(),
            Route::get("/zia/api/v1/dlpEngines").list(),
        ]),
    )
    .params(&[
        Param::string("action", "TODO")
            .one_of(&["read", "read_lite"])
            .default(Lit::Str("read")),
        Param::string("engine_id", "TODO"),
        Param::string("search", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Create,
        "zia_create_web_dlp_rule",
        "ZIA create web DLP rule",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/webDlpRules")]),
    )
    .params(&[
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
        "zia_dlp",
        Action::Delete,
        "zia_delete_web_dlp_rule",
        "ZIA delete web DLP rule",
        "TODO",
        Handler::Routes(&[Route::delete("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_get_web_dlp_rule",
        "ZIA get web DLP rule",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules",
        "ZIA list web DLP rules",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules").list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Read,
        "zia_list_web_dlp_rules_lite",
        "ZIA list web DLP rules lite",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/webDlpRules/lite").list()]),
    )
    .params(&[Param::string("search", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_dlp",
        Action::Update,
        "zia_update_web_dlp_rule",
        "ZIA update web DLP rule",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/webDlpRules/{rule_id}")]),
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
