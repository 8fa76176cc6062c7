//! TODO module doc: the `zia_url_categories` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_add_urls_to_category",
        "ZIA add URLs to category",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}")
            .query(&[("action", "ADD_TO_LIST")])]),
    )
    .params(&[
        Param::string("category_id", "TODO").required(),
        Param::string("configured_name", "TODO")
            .required()
            .body("configuredName"),
        Param::strings("urls", "TODO").required().body("urls"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Create,
        "zia_create_url_category",
        "ZIA create URL category",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/urlCategories")]),
    )
    .params(&[
        Param::string("configured_name", "TODO")
            .required()
            .body("configuredName"),
        Param::string("super_category", "TODO")
            .required()
            .body("superCategory"),
        Param::strings("urls", "TODO").body("urls"),
        Param::string("description", "TODO").body("description"),
        Param::strings("keywords", "TODO").body("keywords"),
        Param::strings("ip_ranges", "TODO").body("ipRanges"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Delete,
        "zia_delete_url_category",
        "ZIA delete URL category",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/urlCategories/{category_id}"),
            Route::delete("/zia/api/v1/urlCategories/{category_id}"),
        ]),
    )
    .params(&[Param::string("category_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_get_url_category",
        "ZIA get URL category",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/urlCategories/{category_id}")]),
    )
    .params(&[Param::string("category_id", "TODO").required()]),
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_get_url_category_predefined",
        "ZIA get URL category predefined",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/urlCategories/{name}"),
            Route::get("/zia/api/v1/urlCategories").list(),
        ]),
    )
    .params(&[Param::string("name", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_list_url_categories",
        "ZIA list URL categories",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/urlCategories")
            .query(&[("customOnly", "{custom_only}"), ("type", "{type}")])
            .list()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::boolean("custom_only", "TODO"),
        Param::string("type", "TODO"),
        Param::string("contains_url", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_remove_urls_from_category",
        "ZIA remove URLs from category",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}")
            .query(&[("action", "REMOVE_FROM_LIST")])]),
    )
    .params(&[
        Param::string("category_id", "TODO").required(),
        Param::string("configured_name", "TODO")
            .required()
            .body("configuredName"),
        Param::strings("urls", "TODO").required().body("urls"),
    ]),
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_update_url_category",
        "ZIA update URL category",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}").merge_current()]),
    )
    .params(&[
        Param::string("category_id", "TODO").required(),
        Param::string("configured_name", "TODO")
            .required()
            .body("configuredName"),
        Param::strings("urls", "TODO").body("urls"),
        Param::string("description", "TODO").body("description"),
        Param::strings("keywords", "TODO").body("keywords"),
        Param::strings("ip_ranges", "TODO").body("ipRanges"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    // CHECK: lookup GET /zia/api/v1/urlCategories/{name} -> PUT /zia/api/v1/urlCategories/{id_from_previous_response}
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Update,
        "zia_update_url_category_predefined",
        "ZIA update URL category predefined",
        "TODO",
        Handler::Routes(&[
            Route::get("/zia/api/v1/urlCategories").list(),
            Route::put("/zia/api/v1/urlCategories/{id}").lookups(&[Lookup {
                when: When::Always,
                path: "/zia/api/v1/urlCategories/{name}",
                query: &[],
                pick: Pick::RowId { name_of: None },
                into: Target::Path("id"),
                what: "CHECK",
            }]),
        ]),
    )
    .params(&[
        Param::string("name", "TODO").required(),
        Param::string("configured_name", "TODO").body("configuredName"),
        Param::strings("urls", "TODO").body("urls"),
        Param::string("description", "TODO").body("description"),
        Param::strings("keywords", "TODO").body("keywords"),
        Param::strings("ip_ranges", "TODO").body("ipRanges"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    // CHECK: param urls: no body field matched (fields: ['<array of scalars>'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_url_categories",
        Action::Read,
        "zia_url_lookup",
        "ZIA URL lookup",
        "TODO",
        Handler::Routes(&[Route::post("/zia/api/v1/urlLookup").list().read_only()]),
    )
    .params(&[Param::strings("urls", "TODO").required()])
    .list(),
];
