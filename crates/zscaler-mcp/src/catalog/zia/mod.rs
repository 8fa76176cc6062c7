//! ZIA tools, one module per toolset.

pub mod admin;
pub mod advanced_settings;
pub mod atp_malware;
pub mod atp_policy;
pub mod authentication_settings;
pub mod cloud_app_control;
pub mod cloud_firewall;
pub mod common;
pub mod devices;
pub mod dlp;
pub mod file_type_control;
pub mod locations;
pub mod misc;
pub mod rule_labels;
pub mod sandbox;
pub mod shadow_it;
pub mod ssl_inspection;
pub mod time_intervals;
pub mod url_categories;
pub mod url_filtering;
pub mod users;
pub mod workload_groups;

use super::ToolDeclaration;

/// Every ZIA tool, by toolset.
pub fn tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    [
        dlp::TOOLS,
        users::TOOLS,
        admin::TOOLS,
        atp_policy::TOOLS,
        authentication_settings::TOOLS,
        url_categories::TOOLS,
        shadow_it::TOOLS,
        cloud_app_control::TOOLS,
        cloud_firewall::TOOLS,
        file_type_control::TOOLS,
        locations::TOOLS,
        rule_labels::TOOLS,
        sandbox::TOOLS,
        ssl_inspection::TOOLS,
        time_intervals::TOOLS,
        url_filtering::TOOLS,
        advanced_settings::TOOLS,
        atp_malware::TOOLS,
        misc::TOOLS,
        workload_groups::TOOLS,
        devices::TOOLS,
    ]
    .into_iter()
    .flatten()
}
