//! The simulated services: each module declares its resources (data for the generic engine)
//! and routes, plus named handlers for endpoints that are not plain CRUD.

pub mod zcc;
pub mod zcell;
pub mod zdx;
pub mod zeasm;
pub mod zia;
pub mod zid;
pub mod zins;
pub mod zms;
pub mod zpa;
pub mod ztw;

use crate::engine::ResourceDef;
use crate::routes::Route;

/// Every resource, in seeding order (a resource may reference those seeded before it).
pub fn resources() -> Vec<&'static ResourceDef> {
    let mut all = Vec::new();
    all.extend(zia::resources());
    all.extend(zpa::resources());
    for part in [
        zdx::RESOURCES,
        zcc::RESOURCES,
        ztw::RESOURCES,
        zid::RESOURCES,
        zeasm::RESOURCES,
        zcell::RESOURCES,
        zins::RESOURCES,
        zms::RESOURCES,
    ] {
        all.extend_from_slice(part);
    }
    all
}

/// Every route.
pub fn routes() -> Vec<Route> {
    let mut all = zia::routes();
    all.extend(zpa::routes());
    for part in [
        zdx::routes(),
        zcc::routes(),
        ztw::routes(),
        zid::routes(),
        zeasm::routes(),
        zcell::routes(),
        zins::routes(),
        zms::routes(),
    ] {
        all.extend(part);
    }
    all
}
