//! ZIA shadow IT: discovered cloud applications, their sanction state and custom tags.

use crate::catalog::toolsets::ZIA_SHADOW_IT;
use crate::catalog::{Param, Route, ToolDeclaration, When};

pub static TOOLS: &[ToolDeclaration] = &[
    // NOTE(model): `applicationIds` goes out as the strings given; the API documents integers
    // and the model has no numeric-list body target (only `.ids`, which wraps as {"id": N}).
    ZIA_SHADOW_IT
        .update(
            "zia_bulk_update_shadow_it_apps",
            "Bulk update shadow IT apps",
            "Set sanction state, optionally replacing custom tags, of several apps.",
        )
        .routes(&[Route::put("/zia/api/v1/cloudApplications/bulkUpdate")])
        .params(&[
            Param::string("sanction_state", "New sanction state.")
                .required()
                .one_of(&["SANCTIONED", "UN_SANCTIONED"])
                .body("sanctionedState"),
            Param::strings(
                "application_ids",
                "Application ids (zia_list_shadow_it_apps).",
            )
            .body("applicationIds"),
            Param::strings(
                "custom_tag_ids",
                "Tag ids (zia_list_shadow_it_custom_tags).",
            )
            .ids("customTags"),
        ]),
    // NOTE(model): `pageNumber` is 0-based here (the sandbox pages from 0), while numbered
    // paging starts at 1, so gathering every page would skip the first. Each call therefore asks
    // for one explicit page (page 0 and limit 1000 unless given) and reports `next` when that
    // page is full. The executor marks a page complete when page <= 1 and nothing follows, so
    // `page_number: 1` alone may be called complete.
    ZIA_SHADOW_IT
        .list(
            "zia_list_shadow_it_apps",
            "List shadow IT apps",
            "Numeric ids, names, sanction state; one page per call, from 0.",
        )
        .routes(&[
            Route::get("/zia/api/v1/cloudApplications/lite")
                .when(When::Both(&When::Has("page_number"), &When::Has("limit")))
                .query(&[("pageNumber", "{page_number}"), ("limit", "{limit}")])
                .pages("pageNumber", "limit", 1000),
            Route::get("/zia/api/v1/cloudApplications/lite")
                .when(When::Has("page_number"))
                .query(&[("pageNumber", "{page_number}"), ("limit", "1000")])
                .pages("pageNumber", "limit", 1000),
            Route::get("/zia/api/v1/cloudApplications/lite")
                .when(When::Has("limit"))
                .query(&[("pageNumber", "0"), ("limit", "{limit}")])
                .pages("pageNumber", "limit", 1000),
            Route::get("/zia/api/v1/cloudApplications/lite")
                .query(&[("pageNumber", "0"), ("limit", "1000")])
                .pages("pageNumber", "limit", 1000),
        ])
        .params(&[
            Param::integer("page_number", "Page, from 0 (default 0)."),
            Param::integer("limit", "Page size, max and default 1000."),
        ]),
    ZIA_SHADOW_IT
        .list(
            "zia_list_shadow_it_custom_tags",
            "List shadow IT custom tags",
            "Tags assignable to shadow IT apps.",
        )
        .routes(&[Route::get("/zia/api/v1/customTags").list()]),
];
