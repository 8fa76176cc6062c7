//! EASM organizations: the scopes findings and lookalike domains belong to.

use crate::catalog::toolsets::ZEASM;
use crate::catalog::{Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[ZEASM
    .list(
        "zeasm_list_organizations",
        "List EASM organizations",
        "Organizations monitored by EASM with their primary domain; their ids scope every other \
         EASM tool.",
    )
    .routes(&[Route::get("/easm/easm-ui/v1/organizations").paged()])];
