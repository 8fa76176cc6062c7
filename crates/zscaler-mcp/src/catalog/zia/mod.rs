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
pub mod ports;
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
use super::conventions::{Conventions, Ids};

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

/// ZIA's conventions: numeric ids in bodies; writes are staged until activation.
pub static CONVENTIONS: Conventions = Conventions {
    ids: Ids::Numeric,
    staged_note: Some(PENDING),
    ..Conventions::PLAIN
};

/// Said after every successful ZIA write.
pub const PENDING: &str = "ZIA changes are staged: they take effect after \
     zia_activate_configuration is called.";
