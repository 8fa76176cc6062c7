//! ZPA (`/zpa/mgmtconfig/v1|v2/admin/customers/{customerId}/...`): `{list,totalPages,totalCount}`
//! envelopes with string counts, 1-based `page`/`pagesize` (max 500), `search=name+EQ+value`,
//! `microtenantId`, numeric-string ids. One module per toolset area.

pub mod access_policies;
pub mod app_connector_groups;
pub mod app_segments;
pub mod application_servers;
pub mod ba_certificates;
pub mod connectors;
pub mod idp;
pub mod misc;
pub mod pra;
pub mod provisioning_keys;
pub mod segment_groups;
pub mod server_groups;
pub mod service_edge_groups;

use crate::engine::ResourceDef;
use crate::routes::Route;

pub fn resources() -> Vec<&'static ResourceDef> {
    [
        access_policies::RESOURCES,
        app_connector_groups::RESOURCES,
        app_segments::RESOURCES,
        application_servers::RESOURCES,
        ba_certificates::RESOURCES,
        connectors::RESOURCES,
        idp::RESOURCES,
        misc::RESOURCES,
        pra::RESOURCES,
        provisioning_keys::RESOURCES,
        segment_groups::RESOURCES,
        server_groups::RESOURCES,
        service_edge_groups::RESOURCES,
    ]
    .concat()
}

pub fn routes() -> Vec<Route> {
    let mut all = Vec::new();
    for part in [
        access_policies::routes(),
        app_connector_groups::routes(),
        app_segments::routes(),
        application_servers::routes(),
        ba_certificates::routes(),
        connectors::routes(),
        idp::routes(),
        misc::routes(),
        pra::routes(),
        provisioning_keys::routes(),
        segment_groups::routes(),
        server_groups::routes(),
        service_edge_groups::routes(),
    ] {
        all.extend(part);
    }
    all
}
