//! Toolsets: named slices of the catalog an operator can load (`--toolsets`). The ids and their
//! services equal the reference server's 63 toolsets, since users' configurations name them.
//!
//! A declaration starts from its toolset constant (`ZIA_RULE_LABELS.get(...)`), so a tool cannot
//! name an unknown toolset or a service other than its toolset's: both are checked when the crate
//! compiles.

use crate::catalog::{Action, Handler, ToolDeclaration};
use crate::service::Service;

/// The always-on toolset of server-discovery tools (`zscaler_get_server_info`, ...).
pub const META_TOOLSET: &str = "meta";

/// Keyword for the curated default subset of read tools.
pub const DEFAULT_KEYWORD: &str = "default";

/// Keyword for every toolset.
pub const ALL_KEYWORD: &str = "all";

/// A service toolset: its id (as users' configurations name it) and its service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Toolset {
    pub id: &'static str,
    pub service: Service,
}

impl Toolset {
    pub const fn new(id: &'static str, service: Service) -> Toolset {
        Toolset { id, service }
    }

    /// A tool of this toolset doing `action`, without parameters or routes yet.
    pub const fn tool(
        self,
        action: Action,
        name: &'static str,
        title: &'static str,
        description: &'static str,
    ) -> ToolDeclaration {
        ToolDeclaration {
            name,
            title,
            description,
            service: Some(self.service),
            toolset: self.id,
            action,
            params: &[],
            handler: Handler::Routes(&[]),
            list: false,
            query: false,
            untrusted: false,
            staged_note: true,
            rules: &[],
        }
    }
    /// A read answering one record (or a settings object).
    pub const fn get(
        self,
        name: &'static str,
        title: &'static str,
        description: &'static str,
    ) -> ToolDeclaration {
        self.tool(Action::Read, name, title, description)
    }
    /// A read answering rows, with a JMESPath `query`.
    pub const fn list(
        self,
        name: &'static str,
        title: &'static str,
        description: &'static str,
    ) -> ToolDeclaration {
        self.tool(Action::Read, name, title, description).list()
    }
    pub const fn create(
        self,
        name: &'static str,
        title: &'static str,
        description: &'static str,
    ) -> ToolDeclaration {
        self.tool(Action::Create, name, title, description)
    }
    pub const fn update(
        self,
        name: &'static str,
        title: &'static str,
        description: &'static str,
    ) -> ToolDeclaration {
        self.tool(Action::Update, name, title, description)
    }
    pub const fn delete(
        self,
        name: &'static str,
        title: &'static str,
        description: &'static str,
    ) -> ToolDeclaration {
        self.tool(Action::Delete, name, title, description)
    }
}

pub const ZCC_DEVICES: Toolset = Toolset::new("zcc_devices", Service::Zcc);
pub const ZCC_FORWARDING_PROFILES: Toolset = Toolset::new("zcc_forwarding_profiles", Service::Zcc);
pub const ZCC_TRUSTED_NETWORKS: Toolset = Toolset::new("zcc_trusted_networks", Service::Zcc);
pub const ZCELL_ANOMALY_POLICY: Toolset = Toolset::new("zcell_anomaly_policy", Service::Zcell);
pub const ZCELL_AUDIT_DATA_HANDLING: Toolset =
    Toolset::new("zcell_audit_data_handling", Service::Zcell);
pub const ZCELL_CUSTOMER_DATA_HANDLING: Toolset =
    Toolset::new("zcell_customer_data_handling", Service::Zcell);
pub const ZCELL_CUSTOMER_REGION_HANDLING: Toolset =
    Toolset::new("zcell_customer_region_handling", Service::Zcell);
pub const ZCELL_NETWORK_EVENTS: Toolset = Toolset::new("zcell_network_events", Service::Zcell);
pub const ZCELL_SIM_ANALYTICS: Toolset = Toolset::new("zcell_sim_analytics", Service::Zcell);
pub const ZCELL_SIM_HANDLING: Toolset = Toolset::new("zcell_sim_handling", Service::Zcell);
pub const ZCELL_SIM_LOCATION_GROUPS: Toolset =
    Toolset::new("zcell_sim_location_groups", Service::Zcell);
pub const ZCELL_TAG_HANDLING: Toolset = Toolset::new("zcell_tag_handling", Service::Zcell);
pub const ZDX_ALERTS: Toolset = Toolset::new("zdx_alerts", Service::Zdx);
pub const ZDX_REPORTS: Toolset = Toolset::new("zdx_reports", Service::Zdx);
pub const ZDX_SOFTWARE_INVENTORY: Toolset = Toolset::new("zdx_software_inventory", Service::Zdx);
pub const ZDX_TROUBLESHOOTING: Toolset = Toolset::new("zdx_troubleshooting", Service::Zdx);
pub const ZEASM: Toolset = Toolset::new("zeasm", Service::Zeasm);
pub const ZEASM_FINDINGS: Toolset = Toolset::new("zeasm_findings", Service::Zeasm);
pub const ZEASM_LOOKALIKE_DOMAINS: Toolset =
    Toolset::new("zeasm_lookalike_domains", Service::Zeasm);
pub const ZIA_ADMIN: Toolset = Toolset::new("zia_admin", Service::Zia);
pub const ZIA_ADVANCED_SETTINGS: Toolset = Toolset::new("zia_advanced_settings", Service::Zia);
pub const ZIA_ATP_MALWARE: Toolset = Toolset::new("zia_atp_malware", Service::Zia);
pub const ZIA_ATP_POLICY: Toolset = Toolset::new("zia_atp_policy", Service::Zia);
pub const ZIA_AUTHENTICATION_SETTINGS: Toolset =
    Toolset::new("zia_authentication_settings", Service::Zia);
pub const ZIA_CLOUD_APP_CONTROL: Toolset = Toolset::new("zia_cloud_app_control", Service::Zia);
pub const ZIA_CLOUD_FIREWALL: Toolset = Toolset::new("zia_cloud_firewall", Service::Zia);
pub const ZIA_DEVICES: Toolset = Toolset::new("zia_devices", Service::Zia);
pub const ZIA_DLP: Toolset = Toolset::new("zia_dlp", Service::Zia);
pub const ZIA_FILE_TYPE_CONTROL: Toolset = Toolset::new("zia_file_type_control", Service::Zia);
pub const ZIA_LOCATIONS: Toolset = Toolset::new("zia_locations", Service::Zia);
pub const ZIA_MISC: Toolset = Toolset::new("zia_misc", Service::Zia);
pub const ZIA_RULE_LABELS: Toolset = Toolset::new("zia_rule_labels", Service::Zia);
pub const ZIA_SANDBOX: Toolset = Toolset::new("zia_sandbox", Service::Zia);
pub const ZIA_SHADOW_IT: Toolset = Toolset::new("zia_shadow_it", Service::Zia);
pub const ZIA_SSL_INSPECTION: Toolset = Toolset::new("zia_ssl_inspection", Service::Zia);
pub const ZIA_TIME_INTERVALS: Toolset = Toolset::new("zia_time_intervals", Service::Zia);
pub const ZIA_URL_CATEGORIES: Toolset = Toolset::new("zia_url_categories", Service::Zia);
pub const ZIA_URL_FILTERING: Toolset = Toolset::new("zia_url_filtering", Service::Zia);
pub const ZIA_USERS: Toolset = Toolset::new("zia_users", Service::Zia);
pub const ZIA_WORKLOAD_GROUPS: Toolset = Toolset::new("zia_workload_groups", Service::Zia);
pub const ZID_GROUPS: Toolset = Toolset::new("zid_groups", Service::Zid);
pub const ZID_USERS: Toolset = Toolset::new("zid_users", Service::Zid);
pub const ZINS_CYBER_SECURITY: Toolset = Toolset::new("zins_cyber_security", Service::Zins);
pub const ZINS_FIREWALL: Toolset = Toolset::new("zins_firewall", Service::Zins);
pub const ZINS_IOT: Toolset = Toolset::new("zins_iot", Service::Zins);
pub const ZINS_SAAS: Toolset = Toolset::new("zins_saas", Service::Zins);
pub const ZINS_SHADOW_IT: Toolset = Toolset::new("zins_shadow_it", Service::Zins);
pub const ZINS_WEB_TRAFFIC: Toolset = Toolset::new("zins_web_traffic", Service::Zins);
pub const ZMS: Toolset = Toolset::new("zms", Service::Zms);
pub const ZPA_ACCESS_POLICIES: Toolset = Toolset::new("zpa_access_policies", Service::Zpa);
pub const ZPA_APP_CONNECTOR_GROUPS: Toolset =
    Toolset::new("zpa_app_connector_groups", Service::Zpa);
pub const ZPA_APP_SEGMENTS: Toolset = Toolset::new("zpa_app_segments", Service::Zpa);
pub const ZPA_APPLICATION_SERVERS: Toolset = Toolset::new("zpa_application_servers", Service::Zpa);
pub const ZPA_BA_CERTIFICATES: Toolset = Toolset::new("zpa_ba_certificates", Service::Zpa);
pub const ZPA_CONNECTORS: Toolset = Toolset::new("zpa_connectors", Service::Zpa);
pub const ZPA_IDP: Toolset = Toolset::new("zpa_idp", Service::Zpa);
pub const ZPA_MISC: Toolset = Toolset::new("zpa_misc", Service::Zpa);
pub const ZPA_PRA: Toolset = Toolset::new("zpa_pra", Service::Zpa);
pub const ZPA_PROVISIONING_KEYS: Toolset = Toolset::new("zpa_provisioning_keys", Service::Zpa);
pub const ZPA_SEGMENT_GROUPS: Toolset = Toolset::new("zpa_segment_groups", Service::Zpa);
pub const ZPA_SERVER_GROUPS: Toolset = Toolset::new("zpa_server_groups", Service::Zpa);
pub const ZPA_SERVICE_EDGE_GROUPS: Toolset = Toolset::new("zpa_service_edge_groups", Service::Zpa);
pub const ZTW: Toolset = Toolset::new("ztw", Service::Ztw);

/// Every service toolset, by id.
pub const TOOLSETS: &[Toolset] = &[
    ZCC_DEVICES,
    ZCC_FORWARDING_PROFILES,
    ZCC_TRUSTED_NETWORKS,
    ZCELL_ANOMALY_POLICY,
    ZCELL_AUDIT_DATA_HANDLING,
    ZCELL_CUSTOMER_DATA_HANDLING,
    ZCELL_CUSTOMER_REGION_HANDLING,
    ZCELL_NETWORK_EVENTS,
    ZCELL_SIM_ANALYTICS,
    ZCELL_SIM_HANDLING,
    ZCELL_SIM_LOCATION_GROUPS,
    ZCELL_TAG_HANDLING,
    ZDX_ALERTS,
    ZDX_REPORTS,
    ZDX_SOFTWARE_INVENTORY,
    ZDX_TROUBLESHOOTING,
    ZEASM,
    ZEASM_FINDINGS,
    ZEASM_LOOKALIKE_DOMAINS,
    ZIA_ADMIN,
    ZIA_ADVANCED_SETTINGS,
    ZIA_ATP_MALWARE,
    ZIA_ATP_POLICY,
    ZIA_AUTHENTICATION_SETTINGS,
    ZIA_CLOUD_APP_CONTROL,
    ZIA_CLOUD_FIREWALL,
    ZIA_DEVICES,
    ZIA_DLP,
    ZIA_FILE_TYPE_CONTROL,
    ZIA_LOCATIONS,
    ZIA_MISC,
    ZIA_RULE_LABELS,
    ZIA_SANDBOX,
    ZIA_SHADOW_IT,
    ZIA_SSL_INSPECTION,
    ZIA_TIME_INTERVALS,
    ZIA_URL_CATEGORIES,
    ZIA_URL_FILTERING,
    ZIA_USERS,
    ZIA_WORKLOAD_GROUPS,
    ZID_GROUPS,
    ZID_USERS,
    ZINS_CYBER_SECURITY,
    ZINS_FIREWALL,
    ZINS_IOT,
    ZINS_SAAS,
    ZINS_SHADOW_IT,
    ZINS_WEB_TRAFFIC,
    ZMS,
    ZPA_ACCESS_POLICIES,
    ZPA_APP_CONNECTOR_GROUPS,
    ZPA_APP_SEGMENTS,
    ZPA_APPLICATION_SERVERS,
    ZPA_BA_CERTIFICATES,
    ZPA_CONNECTORS,
    ZPA_IDP,
    ZPA_MISC,
    ZPA_PRA,
    ZPA_PROVISIONING_KEYS,
    ZPA_SEGMENT_GROUPS,
    ZPA_SERVER_GROUPS,
    ZPA_SERVICE_EDGE_GROUPS,
    ZTW,
];

/// The service a toolset belongs to, if the id is known.
pub fn toolset_service(id: &str) -> Option<Service> {
    TOOLSETS.iter().find(|t| t.id == id).map(|t| t.service)
}
