//! Which services and toolsets are enabled by the configuration, and which tools that exposes.
//!
//! Filter order, first failing test drops a tool: disabled tools, services, disabled services,
//! (entitlements), toolsets, disabled toolsets, then the write gate. Meta tools are always on.

use crate::catalog::services::Service;
use crate::catalog::toolsets::{DEFAULT_KEYWORD, TOOLSETS};
use crate::catalog::{ToolDeclaration, all_tools};
use crate::config::{Config, ToolsetSelection};

/// Toolsets that `--toolsets default` loads: the read-heavy slices an agent needs first to
/// answer "what is configured and is it working" across the main products.
pub const DEFAULT_TOOLSETS: &[&str] = &[
    "zia_url_filtering",
    "zia_url_categories",
    "zia_cloud_firewall",
    "zia_locations",
    "zia_users",
    "zpa_app_segments",
    "zpa_segment_groups",
    "zpa_server_groups",
    "zpa_access_policies",
    "zpa_connectors",
    "zdx_troubleshooting",
    "zdx_alerts",
    "zcc_devices",
    "zid_users",
];

/// The resolved selection of one server process.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub services: Vec<Service>,
    pub toolsets: Vec<&'static str>,
    pub tools: Vec<&'static ToolDeclaration>,
}

pub fn resolve(config: &Config) -> Resolved {
    let sel = &config.selection;
    let services: Vec<Service> = Service::ALL
        .into_iter()
        .filter(|s| sel.services.as_ref().is_none_or(|only| only.contains(s)))
        .filter(|s| !sel.disabled_services.contains(s))
        .collect();
    let toolsets: Vec<&'static str> = TOOLSETS
        .iter()
        .filter(|(_, service)| services.contains(service))
        .map(|(id, _)| *id)
        .filter(|id| match &sel.toolsets {
            ToolsetSelection::Unset | ToolsetSelection::All => true,
            ToolsetSelection::Ids(ids) => {
                ids.iter().any(|x| x == id)
                    || (ids.iter().any(|x| x == DEFAULT_KEYWORD) && DEFAULT_TOOLSETS.contains(id))
            }
        })
        .filter(|id| !sel.disabled_toolsets.iter().any(|x| x == id))
        .collect();
    let tools = all_tools()
        .into_iter()
        .filter(|t| !sel.disabled_tools.iter().any(|p| p.matches(t.name)) || t.service.is_none())
        .filter(|t| match t.service {
            None => true,
            Some(service) => {
                services.contains(&service)
                    && toolsets.contains(&t.toolset)
                    && sel
                        .tools
                        .as_ref()
                        .is_none_or(|only| only.iter().any(|p| p.matches(t.name)))
                    && (!t.action.is_write()
                        || (config.write.enabled
                            && config.write.allowlist.iter().any(|p| p.matches(t.name))))
            }
        })
        .collect();
    Resolved {
        services,
        toolsets,
        tools,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_toolset_exists() {
        for id in DEFAULT_TOOLSETS {
            assert!(
                TOOLSETS.iter().any(|(t, _)| t == id),
                "unknown default toolset {id}"
            );
        }
    }
}
