//! Which services, toolsets and tools the configuration exposes.
//!
//! Filter order, per tool; the first failing test drops it (meta tools are always on):
//! 1. `--disabled-tools` (beats everything, the write allowlist included);
//! 2. `--tools` (an allowlist of names or patterns, when given);
//! 3. `--services`, then 4. `--disabled-services`;
//! 5. the OneAPI entitlement filter (when it ran);
//! 6. `--toolsets` (plus toolsets a session enabled at run time), then 7. `--disabled-toolsets`;
//! 8. the write gate ([`super::write_gate`]).

use crate::catalog::toolsets::{DEFAULT_KEYWORD, TOOLSETS, Toolset};
use crate::catalog::{ToolDeclaration, all_tools};
use crate::config::{Config, ToolsetSelection};
use crate::service::Service;

/// Toolsets that `--toolsets default` loads: the read tools an agent needs first to answer
/// "what is configured, for whom, and is it working" across the main products (written down in
/// docs/tools.md): ZIA's web and firewall policy and where it applies (locations, users), ZPA's
/// applications and who may reach them (segments, access policy) and their connectors, ZDX for
/// experience problems, ZCC for device posture and ZIdentity for users. Write tools stay behind
/// the write gate even here.
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

/// The resolved selection: what one view of the server exposes.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub services: Vec<Service>,
    pub toolsets: Vec<&'static str>,
    pub tools: Vec<&'static ToolDeclaration>,
}

/// Why a toolset is not loaded, or `None` when it is.
pub fn toolset_blocked(
    config: &Config,
    entitled: Option<&[Service]>,
    id: &str,
    service: Service,
) -> Option<String> {
    let sel = &config.selection;
    if sel
        .services
        .as_ref()
        .is_some_and(|only| !only.contains(&service))
    {
        return Some(format!(
            "its service {service} is not in --services (ZSCALER_MCP_SERVICES)"
        ));
    }
    if sel.disabled_services.contains(&service) {
        return Some(format!(
            "its service {service} is in --disabled-services (ZSCALER_MCP_DISABLED_SERVICES)"
        ));
    }
    if entitled.is_some_and(|e| !e.contains(&service)) {
        return Some(format!(
            "the OneAPI credentials are not entitled to {service}"
        ));
    }
    if sel.disabled_toolsets.iter().any(|x| x == id) {
        return Some("it is in --disabled-toolsets (ZSCALER_MCP_DISABLED_TOOLSETS)".into());
    }
    None
}

fn selected(config: &Config, id: &str) -> bool {
    match &config.selection.toolsets {
        ToolsetSelection::Unset | ToolsetSelection::All => true,
        ToolsetSelection::Ids(ids) => {
            ids.iter().any(|x| x == id)
                || (ids.iter().any(|x| x == DEFAULT_KEYWORD) && DEFAULT_TOOLSETS.contains(&id))
        }
    }
}

/// Why a tool of a loadable toolset is not exposed (tool-level filters and the write gate), or
/// `None` when it is.
pub fn tool_blocked(config: &Config, tool: &ToolDeclaration) -> Option<&'static str> {
    let sel = &config.selection;
    // Meta tools are always on.
    tool.service?;
    if sel.disabled_tools.iter().any(|p| p.matches(tool.name)) {
        return Some("it matches --disabled-tools");
    }
    if sel
        .tools
        .as_ref()
        .is_some_and(|only| !only.iter().any(|p| p.matches(tool.name)))
    {
        return Some("it is not in --tools");
    }
    super::write_gate::blocked(config, tool)
}

/// Resolves the configuration, the entitlement filter's result (when it ran) and any toolsets a
/// session enabled at run time.
pub fn resolve_with(
    config: &Config,
    entitled: Option<&[Service]>,
    extra_toolsets: &[&'static str],
) -> Resolved {
    let toolsets: Vec<&'static str> = TOOLSETS
        .iter()
        .filter(|t| toolset_blocked(config, entitled, t.id, t.service).is_none())
        .filter(|t| selected(config, t.id) || extra_toolsets.contains(&t.id))
        .map(|t| t.id)
        .collect();
    let mut services: Vec<Service> = Vec::new();
    for Toolset { id, service } in TOOLSETS {
        if toolsets.contains(id) && !services.contains(service) {
            services.push(*service);
        }
    }
    services.sort();
    let tools = all_tools()
        .filter(|t| match t.service {
            None => true,
            Some(_) => toolsets.contains(&t.toolset) && tool_blocked(config, t).is_none(),
        })
        .collect();
    Resolved {
        services,
        toolsets,
        tools,
    }
}

/// The startup selection (before the entitlement filter).
pub fn resolve(config: &Config) -> Resolved {
    resolve_with(config, None, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_toolset_exists() {
        for id in DEFAULT_TOOLSETS {
            assert!(
                TOOLSETS.iter().any(|t| t.id == *id),
                "unknown default toolset {id}"
            );
        }
    }
}
