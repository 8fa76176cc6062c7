//! ZTW (Cloud & Branch Connector) tools, one module per group of resources; every tool belongs
//! to the reference's single `ztw` toolset.

pub mod admin;
pub mod cloud;
pub mod ip_groups;
pub mod network_services;

use super::conventions::{Conventions, Ids};
use super::{Param, ToolDeclaration};

/// Every ZTW tool.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        admin::TOOLS,
        cloud::TOOLS,
        ip_groups::TOOLS,
        network_services::TOOLS,
    ]
    .into_iter()
    .flatten()
}

/// ZTW's conventions: numeric ids in bodies, as in ZIA. Lists are bare arrays: the whole
/// collection in one answer, or numbered `page`/`pageSize` pages where the API offers them
/// (declared per route with `.pages`).
pub static CONVENTIONS: Conventions = Conventions {
    ids: Ids::Numeric,
    ..Conventions::PLAIN
};

/// A case-insensitive name substring.
pub const SEARCH: Param = Param::string("search", "Name substring, case-insensitive.");
