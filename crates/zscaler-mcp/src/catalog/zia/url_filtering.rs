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
        "Create a URL filtering rule, by default enabled at order 1 and admin rank 7; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::post("/zia/api/v1/urlFilteringRules")
            .id_lists(ID_LISTS)
            .fixed(&[("order", Lit::Int(1)), ("rank", Lit::Int(7))])]),
    )
    .params(&[
        Param::string("name", "Rule name.").required().body("name"),
        Param::string("action", "ALLOW, CAUTION, BLOCK or ISOLATE.")
            .required()
            .body("action"),
        Param::string("description", "Free-text description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced.")
            .default(Lit::Bool(true))
            .to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. urlCategories, locations ids.",
        )
        .to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Delete,
        "zia_delete_url_filtering_rule",
        "Delete URL filtering rule",
        "Delete a URL filtering rule; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_get_url_filtering_rule",
        "Get URL filtering rule",
        "Return one URL filtering rule with its categories, action, criteria and state.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules/{rule_id}")]),
    )
    .params(&[Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Read,
        "zia_list_url_filtering_rules",
        "List URL filtering rules",
        "List all URL filtering rules in evaluation order, with categories, action, criteria and state.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlFilteringRules")
            .query(&[("search", "{search}")])
            .list()]),
    )
    .params(&[Param::string("search", "Text the rule name contains.")])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_filtering",
        Action::Update,
        "zia_update_url_filtering_rule",
        "Update URL filtering rule",
        "Change a URL filtering rule; fields not given keep their current values. Staged until zia_activate_configuration.",
        Handler::Routes(&[
            Route::put("/zia/api/v1/urlFilteringRules/{rule_id}")
                .id_lists(ID_LISTS)
                .merge_current()
        ]),
    )
    .params(&[
        Param::string("rule_id", "Rule id (zia_list_url_filtering_rules).").required(),
        Param::string("name", "New rule name.").body("name"),
        Param::string("action", "ALLOW, CAUTION, BLOCK or ISOLATE.").body("action"),
        Param::string("description", "New description.").body("description"),
        Param::boolean("enabled", "Whether the rule is enforced.").to(Body::State("state")),
        Param::integer("order", "Evaluation position, 1 first.").body("order"),
        Param::integer("rank", "Admin rank, 0-7.").body("rank"),
        Param::object(
            "advanced",
            "Other API fields (camelCase), e.g. urlCategories, locations ids.",
        )
        .to(Body::Merge),
    ]),
];
