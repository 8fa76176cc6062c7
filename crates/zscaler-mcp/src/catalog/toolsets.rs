//! Toolset ids: named slices of the catalog an operator can load (`--toolsets`). The ids and
//! their services equal the reference server's 63 toolsets, since users' configurations name them.

use crate::service::Service;

/// The always-on toolset of server-discovery tools (`zscaler_get_server_info`, ...).
pub const META_TOOLSET: &str = "meta";

/// Keyword for the curated default subset of read tools.
pub const DEFAULT_KEYWORD: &str = "default";

/// Keyword for every toolset.
pub const ALL_KEYWORD: &str = "all";

/// Every service toolset: id and owning service.
pub const TOOLSETS: &[(&str, Service)] = &[
    ("zcc_devices", Service::Zcc),
    ("zcc_forwarding_profiles", Service::Zcc),
    ("zcc_trusted_networks", Service::Zcc),
    ("zcell_anomaly_policy", Service::Zcell),
    ("zcell_audit_data_handling", Service::Zcell),
    ("zcell_customer_data_handling", Service::Zcell),
    ("zcell_customer_region_handling", Service::Zcell),
    ("zcell_network_events", Service::Zcell),
    ("zcell_sim_analytics", Service::Zcell),
    ("zcell_sim_handling", Service::Zcell),
    ("zcell_sim_location_groups", Service::Zcell),
    ("zcell_tag_handling", Service::Zcell),
    ("zdx_alerts", Service::Zdx),
    ("zdx_reports", Service::Zdx),
    ("zdx_software_inventory", Service::Zdx),
    ("zdx_troubleshooting", Service::Zdx),
    ("zeasm", Service::Zeasm),
    ("zeasm_findings", Service::Zeasm),
    ("zeasm_lookalike_domains", Service::Zeasm),
    ("zia_admin", Service::Zia),
    ("zia_advanced_settings", Service::Zia),
    ("zia_atp_malware", Service::Zia),
    ("zia_atp_policy", Service::Zia),
    ("zia_authentication_settings", Service::Zia),
    ("zia_cloud_app_control", Service::Zia),
    ("zia_cloud_firewall", Service::Zia),
    ("zia_devices", Service::Zia),
    ("zia_dlp", Service::Zia),
    ("zia_file_type_control", Service::Zia),
    ("zia_locations", Service::Zia),
    ("zia_misc", Service::Zia),
    ("zia_rule_labels", Service::Zia),
    ("zia_sandbox", Service::Zia),
    ("zia_shadow_it", Service::Zia),
    ("zia_ssl_inspection", Service::Zia),
    ("zia_time_intervals", Service::Zia),
    ("zia_url_categories", Service::Zia),
    ("zia_url_filtering", Service::Zia),
    ("zia_users", Service::Zia),
    ("zia_workload_groups", Service::Zia),
    ("zid_groups", Service::Zid),
    ("zid_users", Service::Zid),
    ("zins_cyber_security", Service::Zins),
    ("zins_firewall", Service::Zins),
    ("zins_iot", Service::Zins),
    ("zins_saas", Service::Zins),
    ("zins_shadow_it", Service::Zins),
    ("zins_web_traffic", Service::Zins),
    ("zms", Service::Zms),
    ("zpa_access_policies", Service::Zpa),
    ("zpa_app_connector_groups", Service::Zpa),
    ("zpa_app_segments", Service::Zpa),
    ("zpa_application_servers", Service::Zpa),
    ("zpa_ba_certificates", Service::Zpa),
    ("zpa_connectors", Service::Zpa),
    ("zpa_idp", Service::Zpa),
    ("zpa_misc", Service::Zpa),
    ("zpa_pra", Service::Zpa),
    ("zpa_provisioning_keys", Service::Zpa),
    ("zpa_segment_groups", Service::Zpa),
    ("zpa_server_groups", Service::Zpa),
    ("zpa_service_edge_groups", Service::Zpa),
    ("ztw", Service::Ztw),
];

/// The service a toolset belongs to, if the id is known.
pub fn toolset_service(id: &str) -> Option<Service> {
    TOOLSETS.iter().find(|(t, _)| *t == id).map(|(_, s)| *s)
}
