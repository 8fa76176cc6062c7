//! ZIA authentication settings: the URLs exempted from user authentication.

use crate::catalog::toolsets::ZIA_AUTHENTICATION_SETTINGS;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    // NOTE(model): the SDK waits 2 s between the POST and the re-GET; routes cannot wait, so
    // the list read back may not show the change yet on a slow tenant.
    ZIA_AUTHENTICATION_SETTINGS
        .create(
            "zia_add_auth_exempt_urls",
            "Add auth-exempt URLs",
            "Exempt URLs from authentication; returns the whole list; needs \
             zia_activate_configuration.",
        )
        .routes(&[Route::post("/zia/api/v1/authSettings/exemptedUrls")
            .query(&[("action", "ADD_TO_LIST")])
            .read_back("/zia/api/v1/authSettings/exemptedUrls")])
        .params(
            &[Param::strings("exempt_urls", "URLs or domains to exempt.")
                .required()
                .body("urls")],
        ),
    // NOTE(model): as for the add, the SDK's 2 s wait before the re-GET is not expressible.
    ZIA_AUTHENTICATION_SETTINGS
        .delete(
            "zia_delete_auth_exempt_urls",
            "Remove auth-exempt URLs",
            "Remove URLs from the exemption list; returns the remaining list.",
        )
        .routes(&[Route::post("/zia/api/v1/authSettings/exemptedUrls")
            .query(&[("action", "REMOVE_FROM_LIST")])
            .read_back("/zia/api/v1/authSettings/exemptedUrls")])
        .params(&[Param::strings("exempt_urls", "URLs to remove.")
            .required()
            .body("urls")]),
    ZIA_AUTHENTICATION_SETTINGS
        .get(
            "zia_list_auth_exempt_urls",
            "List auth-exempt URLs",
            "URLs and domains exempt from user authentication (urls).",
        )
        .routes(&[Route::get("/zia/api/v1/authSettings/exemptedUrls")])
        .queryable(),
];
