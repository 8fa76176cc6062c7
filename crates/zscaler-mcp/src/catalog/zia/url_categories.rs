//! ZIA URL categories: custom and predefined categories, their URL lists, and URL lookup.

use super::common;
use crate::catalog::toolsets::ZIA_URL_CATEGORIES;
use crate::catalog::{Filter, Lit, Param, Route, Special, ToolDeclaration};

const CATEGORY_ID: Param =
    Param::string("category_id", "Category id (zia_list_url_categories).").required();
const CURRENT_NAME: Param = Param::string("configured_name", "Current category name.")
    .required()
    .body("configuredName");
const ID_OR_NAME: Param = Param::string("name", "Id (e.g. FINANCE) or display name.").required();
const ALL_KEYWORDS: Param = Param::strings("keywords", "Full keyword list.").body("keywords");
const ALL_IP_RANGES: Param = Param::strings("ip_ranges", "Full IP range list.").body("ipRanges");
/// The API's URL super categories (`superCategory`), without its `ANY` and `NONE` placeholders.
const SUPER_CATEGORIES: &[&str] = &[
    "ADVANCED_SECURITY",
    "ENTERTAINMENT_AND_RECREATION",
    "NEWS_AND_MEDIA",
    "USER_DEFINED",
    "EDUCATION",
    "BUSINESS_AND_ECONOMY",
    "JOB_SEARCH",
    "INFORMATION_TECHNOLOGY",
    "INTERNET_COMMUNICATION",
    "OFFICE_365",
    "CUSTOM_SUPERCATEGORY",
    "CUSTOM_BP",
    "CUSTOM_BW",
    "MISCELLANEOUS",
    "TRAVEL",
    "VEHICLES",
    "GOVERNMENT_AND_POLITICS",
    "GLOBAL_INT",
    "GLOBAL_INT_BP",
    "GLOBAL_INT_BW",
    "GLOBAL_INT_OFC365",
    "ADULT_MATERIAL",
    "DRUGS",
    "GAMBLING",
    "VIOLENCE",
    "WEAPONS_AND_BOMBS",
    "TASTELESS",
    "MILITANCY_HATE_AND_EXTREMISM",
    "ILLEGAL_OR_QUESTIONABLE",
    "SOCIETY_AND_LIFESTYLE",
    "HEALTH",
    "SPORTS",
    "SPECIAL_INTERESTS_SOCIAL_ORGANIZATIONS",
    "GAMES",
    "SHOPPING_AND_AUCTIONS",
    "SOCIAL_AND_FAMILY_ISSUES",
    "RELIGION",
    "SECURITY",
];

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_URL_CATEGORIES
        .update(
            "zia_add_urls_to_category",
            "Add URLs to URL category",
            "Append URLs, keeping existing ones; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}")
            .query(&[("action", "ADD_TO_LIST")])])
        .params(&[
            CATEGORY_ID,
            CURRENT_NAME,
            Param::strings("urls", "URLs or domains to add.")
                .required()
                .body("urls"),
        ]),
    ZIA_URL_CATEGORIES
        .create(
            "zia_create_url_category",
            "Create custom URL category",
            "Custom category (type URL_CATEGORY) of URLs, keywords, IP ranges.",
        )
        .routes(&[Route::post("/zia/api/v1/urlCategories").fixed(&[
            ("customCategory", Lit::Bool(true)),
            ("type", Lit::Str("URL_CATEGORY")),
        ])])
        .params(&[
            Param::string("configured_name", "Name.")
                .required()
                .body("configuredName"),
            Param::string("super_category", "Parent category.")
                .required()
                .one_of(SUPER_CATEGORIES)
                .body("superCategory"),
            Param::strings("urls", "URLs or domains.").body("urls"),
            common::DESCRIPTION,
            Param::strings("keywords", "Keywords matched in URLs.").body("keywords"),
            Param::strings("ip_ranges", "IPs or CIDRs.").body("ipRanges"),
            common::ADVANCED,
        ]),
    // NOTE(model): the reference GETs the category before the DELETE only to show its name for
    // confirmation; the confirmation gate will do that, so only the DELETE is declared.
    ZIA_URL_CATEGORIES
        .delete(
            "zia_delete_url_category",
            "Delete custom URL category",
            "Delete a custom category; needs zia_activate_configuration.",
        )
        .routes(&[Route::delete("/zia/api/v1/urlCategories/{category_id}")])
        .params(&[CATEGORY_ID]),
    ZIA_URL_CATEGORIES
        .get(
            "zia_get_url_category",
            "Get URL category",
            "One category, custom or predefined: URLs, keywords, IP ranges.",
        )
        .routes(&[Route::get("/zia/api/v1/urlCategories/{category_id}")])
        .params(&[Param::string(
            "category_id",
            "Category id, e.g. CUSTOM_01 (zia_list_url_categories).",
        )
        .required()]),
    ZIA_URL_CATEGORIES
        .get(
            "zia_get_url_category_predefined",
            "Get predefined URL category",
            "By id or display name; an unknown id searches the whole list.",
        )
        .special(Special::ZiaPredefinedCategory {
            by_id: &Route::get("/zia/api/v1/urlCategories/{name}"),
            all: &Route::get("/zia/api/v1/urlCategories").list(),
            update: None,
        })
        .params(&[ID_OR_NAME]),
    ZIA_URL_CATEGORIES
        .list(
            "zia_list_url_categories",
            "List URL categories",
            "Predefined and custom categories with URLs; custom_only and type narrow.",
        )
        .routes(&[Route::get("/zia/api/v1/urlCategories")
            .query(&[("customOnly", "{custom_only}"), ("type", "{type}")])
            .list()
            .filters(&[
                Filter::contains("search", &["configuredName", "id", "description"]),
                Filter::contains("contains_url", &["urls", "dbCategorizedUrls"]),
            ])])
        .params(&[
            Param::string("search", "Name or id substring."),
            Param::boolean("custom_only", "Only custom categories."),
            Param::string("type", "Category kind.").one_of(&[
                "URL_CATEGORY",
                "TLD_CATEGORY",
                "ALL",
            ]),
            Param::string("contains_url", "Categories listing a URL like this."),
        ]),
    ZIA_URL_CATEGORIES
        .update(
            "zia_remove_urls_from_category",
            "Remove URLs from URL category",
            "Remove listed URLs, keeping the others; needs zia_activate_configuration.",
        )
        .routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}")
            .query(&[("action", "REMOVE_FROM_LIST")])])
        .params(&[
            CATEGORY_ID,
            CURRENT_NAME,
            Param::strings("urls", "URLs or domains to remove.")
                .required()
                .body("urls"),
        ]),
    ZIA_URL_CATEGORIES
        .update(
            "zia_update_url_category",
            "Update URL category",
            "Given lists replace current ones; omitted fields are kept.",
        )
        .routes(&[Route::put("/zia/api/v1/urlCategories/{category_id}").merge_current()])
        .params(&[
            CATEGORY_ID,
            Param::string("configured_name", "Name (current or new).")
                .required()
                .body("configuredName"),
            Param::strings("urls", "Full URL list.").body("urls"),
            common::DESCRIPTION,
            ALL_KEYWORDS,
            ALL_IP_RANGES,
            common::ADVANCED,
        ]),
    ZIA_URL_CATEGORIES
        .update(
            "zia_update_url_category_predefined",
            "Update predefined URL category",
            "By id or display name; given lists replace current ones.",
        )
        .special(Special::ZiaPredefinedCategory {
            by_id: &Route::get("/zia/api/v1/urlCategories/{name}"),
            all: &Route::get("/zia/api/v1/urlCategories").list(),
            update: Some(&Route::put("/zia/api/v1/urlCategories/{id}")),
        })
        .params(&[
            ID_OR_NAME,
            Param::string("configured_name", "New display name.").body("configuredName"),
            Param::strings("urls", "Full list of added URLs.").body("urls"),
            common::DESCRIPTION,
            ALL_KEYWORDS,
            ALL_IP_RANGES,
            common::ADVANCED,
        ]),
    ZIA_URL_CATEGORIES
        .list(
            "zia_url_lookup",
            "Look up URL categories",
            "Categories of each URL or domain; 100 URLs per request.",
        )
        .special(Special::ZiaUrlLookup {
            lookup: &Route::post("/zia/api/v1/urlLookup").list().read_only(),
        })
        .params(&[Param::strings("urls", "URLs or domains.").required()]),
];
