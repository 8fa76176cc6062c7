//! ZPA tools, one module per toolset.

pub mod access_policies;
pub mod app_connector_groups;
pub mod app_segments;
pub mod application_servers;
pub mod ba_certificates;
pub mod common;
pub mod connectors;
pub mod idp;
pub mod misc;
pub mod pra;
pub mod provisioning_keys;
pub mod segment_groups;
pub mod server_groups;
pub mod service_edge_groups;

use super::ToolDeclaration;

/// Every ZPA tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        misc::TOOLS,
        app_segments::TOOLS,
        provisioning_keys::TOOLS,
        idp::TOOLS,
        connectors::TOOLS,
        service_edge_groups::TOOLS,
        access_policies::TOOLS,
        app_connector_groups::TOOLS,
        application_servers::TOOLS,
        ba_certificates::TOOLS,
        pra::TOOLS,
        segment_groups::TOOLS,
        server_groups::TOOLS,
    ]
    .into_iter()
    .flatten()
}
