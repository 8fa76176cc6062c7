//! ZCell tags: labels attached to SIMs.

use super::{PAGE, SIZE};
use crate::catalog::toolsets::ZCELL_TAG_HANDLING;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[ZCELL_TAG_HANDLING
    .list(
        "zcell_list_tags",
        "List tags",
        "SIM tags with their descriptions and colours.",
    )
    .routes(&[
        Route::get("/zcell/config/api/v1/customers/{zcellCustomerId}/tag")
            .query(&[("name", "{name}"), ("page", "{page}"), ("size", "{size}")])
            .paged(),
    ])
    .params(&[
        Param::string("name", "Name substring, case-insensitive."),
        PAGE,
        SIZE,
    ])];
