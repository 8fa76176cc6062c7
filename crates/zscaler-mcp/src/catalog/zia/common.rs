//! Parameters, queries, routes and id lists that several ZIA toolsets declare alike. Each is
//! advertised exactly as written here wherever it is used; a toolset that words a parameter
//! its own way declares its own.

use crate::catalog::{Body, Lit, Param, Route};

pub const NAME: Param = Param::string("name", "Name.").body("name");
pub const NAME_REQUIRED: Param = NAME.required();
pub const UNIQUE_NAME: Param = Param::string("name", "Unique name.").body("name");
pub const UNIQUE_NAME_REQUIRED: Param = UNIQUE_NAME.required();
pub const DESCRIPTION: Param = Param::string("description", "Description.").body("description");

/// `advanced` of an object whose extra fields are named as the API names them.
pub const ADVANCED: Param = advanced("Extra camelCase fields.");
/// `advanced` of file type control and sandbox rules.
pub const ADVANCED_FILE_TYPES: Param =
    advanced("Extra camelCase fields, e.g. fileTypes; plain ids ok.");
/// `advanced` of SSL inspection and URL filtering rules.
pub const ADVANCED_URL_CATEGORIES: Param =
    advanced("Extra camelCase fields, e.g. urlCategories; plain ids ok.");

/// An `advanced` object, described by `description`, merged into the body.
pub const fn advanced(description: &'static str) -> Param {
    Param::object("advanced", description).to(Body::Merge)
}

/// `search` of the lists the API filters by name.
pub const SEARCH: Param = Param::string("search", "Name substring.");

/// A list answered in one request, filtered by the `search` argument.
pub const fn search_list(path: &'static str) -> Route {
    Route::get(path).query(&[("search", "{search}")]).list()
}

/// `page` of a numbered list: that page, or every page when omitted.
pub const PAGE: Param = Param::integer("page", "Page; omit for all.");
pub const PAGE_SIZE: Param = Param::integer("page_size", "Page size.");

/// A cloud application catalog (for policy or for SSL policy), all pages unless `page` is given.
pub const fn cloud_app_catalog(path: &'static str) -> Route {
    Route::get(path)
        .query(&[
            ("search", "{search}"),
            ("appClass", "{app_class}"),
            ("page", "{page}"),
            ("pageSize", "{page_size}"),
            ("groupResults", "{group_results}"),
        ])
        .pages("page", "pageSize", 1000)
}
/// The parameters of a [`cloud_app_catalog`], in the order of its query.
pub const CLOUD_APP_PARAMS: &[Param] = &[
    SEARCH,
    Param::string("app_class", "App class, e.g. WEBMAIL."),
    PAGE,
    PAGE_SIZE,
    Param::boolean("group_results", "One row per class with count."),
];

/// Keys of a web policy rule's `advanced` object (cloud app control, file type control,
/// sandbox, SSL inspection) whose scalar lists are sent as `[{"id": N}]`.
pub const RULE_ID_LISTS: &[&str] = &[
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

/// Keys of a DLP or URL filtering rule's `advanced` object whose scalar lists are sent as
/// `[{"id": N}]`.
pub const CRITERIA_ID_LISTS: &[&str] =
    &["departments", "groups", "labels", "locations", "nwServices"];

/// Defaults of every rule create (the reference's `order=1`, `rank=7`).
pub const RULE_CREATE_DEFAULTS: &[(&str, Lit)] = &[("order", Lit::Int(1)), ("rank", Lit::Int(7))];

/// A rule create: POST to `path` with [`RULE_CREATE_DEFAULTS`], the `advanced` keys
/// `id_lists` wrapped as ids.
pub const fn rule_create(path: &'static str, id_lists: &'static [&'static str]) -> Route {
    Route::post(path)
        .fixed(RULE_CREATE_DEFAULTS)
        .id_lists(id_lists)
}

/// A rule update: PUT to `path` over the current rule, the `advanced` keys `id_lists` wrapped
/// as ids.
pub const fn rule_update(path: &'static str, id_lists: &'static [&'static str]) -> Route {
    Route::put(path).id_lists(id_lists).merge_current()
}

/// `enabled` of a rule update, sent as the rule's `state`.
pub const RULE_ENABLED: Param =
    Param::boolean("enabled", "Enforce the rule.").to(Body::State("state"));
/// `enabled` of a rule create: on unless told otherwise.
pub const RULE_ENABLED_DEFAULT: Param = RULE_ENABLED.default(Lit::Bool(true));
pub const RULE_ORDER: Param = Param::integer("order", "Position, 1 first.").body("order");
pub const RULE_RANK: Param = Param::integer("rank", "Admin rank 0-7.").body("rank");

/// A rule create's parameters: `name` and `action` as the rule type words them, then
/// description, enabled (on by default), order, rank and `advanced`.
pub const fn rule_create_params(name: Param, action: Param, advanced: Param) -> [Param; 7] {
    [
        name,
        action,
        DESCRIPTION,
        RULE_ENABLED_DEFAULT,
        RULE_ORDER,
        RULE_RANK,
        advanced,
    ]
}

/// A rule update's parameters: `rule_id`, `name` and `action`, then description, enabled (no
/// default: omitted keeps the current state), order, rank and `advanced`.
pub const fn rule_update_params(
    rule_id: Param,
    name: Param,
    action: Param,
    advanced: Param,
) -> [Param; 8] {
    [
        rule_id,
        name,
        action,
        DESCRIPTION,
        RULE_ENABLED,
        RULE_ORDER,
        RULE_RANK,
        advanced,
    ]
}
