//! The simulated services: each module declares its resources (data for the generic engine)
//! and routes, plus named handlers for endpoints that are not plain CRUD.

pub mod zia;

use crate::engine::ResourceDef;
use crate::routes::Route;

/// Every resource, in seeding order (a resource may reference those before it).
pub fn resources() -> Vec<&'static ResourceDef> {
    let mut all = Vec::new();
    all.extend_from_slice(zia::RESOURCES);
    all
}

/// Every route.
pub fn routes() -> Vec<Route> {
    let mut all = Vec::new();
    all.extend(zia::routes());
    all
}
