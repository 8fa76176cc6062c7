//! ZIA URL filtering policy: the rules that allow, caution or block URL categories.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, ToolDeclaration};

/// Keys of `advanced` whose scalar id lists become `[{"id": N}]`.
const ID_LISTS: &[&str] = &["departments", "groups", "labels", "locations", "nwServices"];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Create,
        "zia_create_url_filtering_rule",
        "Create URL filtering rule",
        "Order 1, rank 7 unless given; needs zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/urlFilteringRules")
            .id_lists(ID_LISTS)
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("action", "ALLOW, CAUTION, BLOCK or ISOLATE.")
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
            "Extra camelCase fields, e.g. urlCategories; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Delete,
        "zia_delete_url_filtering_rule",
        "Delete URL filtering rule",
        "Delete a rule; needs zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_get_url_filtering_rule",
        "Get URL filtering rule",
        "One rule: categories, action, criteria, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_list_url_filtering_rules",
        "List URL filtering rules",
        "All rules in order: categories, action, criteria, state.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Name substring.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Update,
        "zia_update_url_filtering_rule",
        "Update URL filtering rule",
        "Omitted fields are kept; needs zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/urlFilteringRules/{rule_id}")
            .id_lists(ID_LISTS)
            .merge_current()]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required(),
        Param::string("name", "Name.").body("name"),
        Param::string("action", "ALLOW, CAUTION, BLOCK or ISOLATE.").body("action"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enforce the rule.").to(Body::State("state")),
        Param::integer("order", "Position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Extra camelCase fields, e.g. urlCategories; plain ids ok.",
        )
        .to(Body::Merge),
    ]),
];
