//! ZIA URL categories: custom and predefined categories, their URL lists, and URL lookup.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, Special, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_add_urls_to_category",
        "Add URLs to URL category",
        "Append URLs to a URL category's list, keeping the existing entries; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}")
            .query(&[("action", "ADD_TO_LIST")])]),
    )
    .params(&[
        Param::string("category_id", "Category id (zia_list_url_categories).").required(),
        Param::string("configured_name", "The category's current name.")
            .required()
            .body("configuredName"),
        Param::strings("urls", "URLs or domains to add.")
            .required()
            .body("urls"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Create,
        "zia_create_url_category",
        "Create custom URL category",
        "Create a custom URL category (type URL_CATEGORY) from URLs, keywords and IP ranges; returns the new category with its id.",
        Handler::Routes(&[Route::post("/zia/api/v1/urlCategories").fixed(&[
            ("customCategory", Lit::Bool(true)),
            ("type", Lit::Str("URL_CATEGORY")),
        ])]),
    )
    .params(&[
        Param::string("configured_name", "Name of the new category.")
            .required()
            .body("configuredName"),
        Param::string("super_category", "Parent category id, e.g. USER_DEFINED.")
            .required()
            .body("superCategory"),
        Param::strings("urls", "URLs or domains in the category.").body("urls"),
        Param::string("description", "Free-text description.").body("description"),
        Param::strings("keywords", "Keywords matched in URLs.").body("keywords"),
        Param::strings("ip_ranges", "IP addresses or CIDR ranges.").body("ipRanges"),
        Param::object("advanced", "Other API fields (camelCase), sent as given.").to(Body::Merge),
    ]),
    // NOTE(model): the reference GETs the category before the DELETE only to show its name for
    // confirmation; the confirmation gate will do that, so only the DELETE is declared.
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Delete,
        "zia_delete_url_category",
        "Delete custom URL category",
        "Delete a custom URL category; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::delete("/zia/api/v1/urlCategories/{category_id}")]),
    )
    .params(&[Param::string("category_id", "Category id (zia_list_url_categories).").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_get_url_category",
        "Get URL category",
        "Return one URL category, custom or predefined, with its URLs, keywords and IP ranges.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlCategories/{category_id}")]),
    )
    .params(&[
        Param::string("category_id", "Category id, e.g. CUSTOM_01 (zia_list_url_categories).")
            .required(),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_get_url_category_predefined",
        "Get predefined URL category",
        "Return a URL category addressed by id or display name; an unknown id falls back to searching the whole list.",
        Handler::Special(
            Special::ZiaPredefinedCategory,
            &[
                Route::get("/zia/api/v1/urlCategories/{name}"),
                Route::get("/zia/api/v1/urlCategories").list(),
            ],
        ),
    )
    .params(&[
        Param::string("name", "Category id (e.g. FINANCE) or display name.").required(),
    ]),
    // NOTE(model): the reference sends neither `search` nor `contains_url`: the SDK filters the
    // answer locally, and no client-side filter exists yet, so both are accepted and not applied.
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_list_url_categories",
        "List URL categories",
        "List all URL categories, predefined and custom, with their URLs; custom_only and type narrow the list.",
        Handler::Routes(&[Route::get("/zia/api/v1/urlCategories")
            .query(&[("customOnly", "{custom_only}"), ("type", "{type}")])
            .list()]),
    )
    .params(&[
        Param::string("search", "Name filter (not applied yet)."),
        Param::boolean("custom_only", "Only custom categories."),
        Param::string("type", "Category type, e.g. URL_CATEGORY or TLD_CATEGORY."),
        Param::string("contains_url", "URL the category lists (not applied yet)."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_remove_urls_from_category",
        "Remove URLs from URL category",
        "Remove URLs from a URL category's list, keeping the others; takes effect after zia_activate_configuration.",
        Handler::Routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}")
            .query(&[("action", "REMOVE_FROM_LIST")])]),
    )
    .params(&[
        Param::string("category_id", "Category id (zia_list_url_categories).").required(),
        Param::string("configured_name", "The category's current name.")
            .required()
            .body("configuredName"),
        Param::strings("urls", "URLs or domains to remove.")
            .required()
            .body("urls"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_update_url_category",
        "Update URL category",
        "Change a URL category; given lists replace the current ones, omitted fields keep their values.",
        Handler::Routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}").merge_current()]),
    )
    .params(&[
        Param::string("category_id", "Category id (zia_list_url_categories).").required(),
        Param::string("configured_name", "Category name (current or new).")
            .required()
            .body("configuredName"),
        Param::strings("urls", "New full URL list.").body("urls"),
        Param::string("description", "New description.").body("description"),
        Param::strings("keywords", "New full keyword list.").body("keywords"),
        Param::strings("ip_ranges", "New full list of IP ranges.").body("ipRanges"),
        Param::object("advanced", "Other API fields (camelCase), sent as given.").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_update_url_category_predefined",
        "Update predefined URL category",
        "Change a predefined URL category addressed by id or display name; given lists replace the current ones.",
        Handler::Special(
            Special::ZiaPredefinedCategory,
            &[
                Route::get("/zia/api/v1/urlCategories/{name}"),
                Route::get("/zia/api/v1/urlCategories").list(),
                Route::put("/zia/api/v1/urlCategories/{id}"),
            ],
        ),
    )
    .params(&[
        Param::string("name", "Category id (e.g. FINANCE) or display name.").required(),
        Param::string("configured_name", "New display name.").body("configuredName"),
        Param::strings("urls", "New full list of added URLs.").body("urls"),
        Param::string("description", "New description.").body("description"),
        Param::strings("keywords", "New full keyword list.").body("keywords"),
        Param::strings("ip_ranges", "New full list of IP ranges.").body("ipRanges"),
        Param::object("advanced", "Other API fields (camelCase), sent as given.").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_url_lookup",
        "Look up URL categories",
        "Return the categories ZIA assigns to each URL or domain; long lists are sent 100 URLs per request.",
        Handler::Special(
            Special::ZiaUrlLookup,
            &[Route::post("/zia/api/v1/urlLookup").list().read_only()],
        ),
    )
    .params(&[Param::strings("urls", "URLs or domains to classify.").required()])
    .list(),
];
