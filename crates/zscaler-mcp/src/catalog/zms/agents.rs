//! ZMS agents, agent groups, their statistics and TOTP secrets, and provisioning nonces.

use super::{DIRECTIONS, PAGE, PAGE_PARAM, PAGE_SIZE_PARAM, PATH};
use crate::catalog::toolsets::ZMS;
use crate::catalog::{Graphql, Param, Route, ToolDeclaration};

/// Variables of the `page`/`search`/`sort` lists.
const SEARCH_VARS: &str = r#"{"customerId": "{customerId}", "page": "{page}",
    "pageSize": "{page_size}", "search": "{search}", "sort": "{sort}", "sortDir": "{sort_dir}"}"#;

const AGENTS: Graphql = Graphql::query(
    "ListAgents",
    concat!(
        "query ListAgents($customerId: ID!, $page: Int, $pageSize: Int, $search: String, ",
        "$sort: String, $sortDir: SortDirection) { agents(customerId: $customerId, page: $page, ",
        "pageSize: $pageSize, search: $search, sort: $sort, sortDir: $sortDir) { nodes { name ",
        "eyezId connectionStatus agentType hostOs currentSoftwareVersion upgradeStatus ",
        "description cloudProvider publicIp privateIps adminStatus agentGroupName ",
        "agentGroupType } ",
        page_info!(),
        " } }"
    ),
    SEARCH_VARS,
    &["agents"],
)
.rows("nodes")
.pages(PAGE);

const AGENT_GROUPS: Graphql = Graphql::query(
    "ListAgentGroups",
    concat!(
        "query ListAgentGroups($customerId: ID!, $page: Int, $pageSize: Int, $search: String, ",
        "$sort: String, $sortDir: SortDirection) { agentGroups(customerId: $customerId, ",
        "page: $page, pageSize: $pageSize, search: $search, sort: $sort, sortDir: $sortDir) { ",
        "nodes { name eyezId agentGroupType cloudProvider adminStatus agentCount description ",
        "policyStatus upgradeStatus tamperProtectionStatus agentAutoUpgrade ",
        "agentDeletionTimeoutSeconds timezone upgradeDay upgradeTime versionProfileName } ",
        page_info!(),
        " } }"
    ),
    SEARCH_VARS,
    &["agentGroups"],
)
.rows("nodes")
.pages(PAGE);

const STATUS_STATS: Graphql = Graphql::query(
    "AgentConnectionStatusStats",
    "query AgentConnectionStatusStats($customerId: ID!, $search: String) { \
     agentConnectionStatusStatistics(customerId: $customerId, search: $search) { totalCount \
     totalPercentage agentStatuses { agentType connectionStatus count percentage } } }",
    r#"{"customerId": "{customerId}", "search": "{search}"}"#,
    &["agentConnectionStatusStatistics"],
);

const VERSION_STATS: Graphql = Graphql::query(
    "AgentVersionStats",
    "query AgentVersionStats($customerId: ID!, $search: String) { \
     agentVersionStatistics(customerId: $customerId, search: $search) { totalCount \
     totalPercentage agentVersions { agentType version count percentage } } }",
    r#"{"customerId": "{customerId}", "search": "{search}"}"#,
    &["agentVersionStatistics"],
);

const TOTP: Graphql = Graphql::query(
    "GetAgentGroupTotpSecrets",
    "query GetAgentGroupTotpSecrets($customerId: ID!, $eyezId: String!) { \
     agentGroupTotpSecrets(customerId: $customerId, eyezId: $eyezId) { eyezId totpSecret \
     totpQrCode totpGenerationTimestamp } }",
    r#"{"customerId": "{customerId}", "eyezId": "{eyez_id}"}"#,
    &["agentGroupTotpSecrets"],
);

/// The fields of a nonce.
macro_rules! nonce_fields {
    () => {
        "eyezId name key maxUsage usageCount agentGroupEyezId agentGroupName agentGroupType \
         product creationTime modifiedTime"
    };
}

const NONCES: Graphql = Graphql::query(
    "ListNonces",
    concat!(
        "query ListNonces($customerId: ID!, $page: Int, $pageSize: Int, $search: String, ",
        "$sort: String, $sortDir: SortDirection) { nonces(customerId: $customerId, page: $page, ",
        "pageSize: $pageSize, search: $search, sort: $sort, sortDir: $sortDir) { nodes { ",
        nonce_fields!(),
        " } ",
        page_info!(),
        " } }"
    ),
    SEARCH_VARS,
    &["nonces"],
)
.rows("nodes")
.pages(PAGE);

const NONCE: Graphql = Graphql::query(
    "GetNonce",
    concat!(
        "query GetNonce($customerId: ID!, $eyezId: String!) { nonce(customerId: $customerId, ",
        "eyezId: $eyezId) { nonce { ",
        nonce_fields!(),
        " } } }"
    ),
    r#"{"customerId": "{customerId}", "eyezId": "{eyez_id}"}"#,
    &["nonce", "nonce"],
);

/// The search and sort arguments of the `page` lists.
const SEARCH: Param = Param::string("search", "Substring of the name or id (case-insensitive).");
const SORT: Param = Param::string("sort", "Field to sort by (e.g. name).");
const SORT_DIR: Param = Param::string("sort_dir", "Sort direction.").one_of(DIRECTIONS);

pub static TOOLS: &[ToolDeclaration] = &[
    ZMS.list(
        "zms_list_agents",
        "List agents",
        "Microsegmentation agents with connection status, type, OS, version and group; all \
         pages unless page is given.",
    )
    .routes(&[Route::graphql(PATH, &AGENTS)])
    .params(&[
        PAGE_PARAM,
        PAGE_SIZE_PARAM,
        Param::string(
            "search",
            "Substring of the name, id, group or OS (case-insensitive).",
        ),
        SORT,
        SORT_DIR,
    ]),
    ZMS.list(
        "zms_list_agent_groups",
        "List agent groups",
        "Agent groups with their type, cloud, status, upgrade settings and agent count; all \
         pages unless page is given.",
    )
    .routes(&[Route::graphql(PATH, &AGENT_GROUPS)])
    .params(&[PAGE_PARAM, PAGE_SIZE_PARAM, SEARCH, SORT, SORT_DIR]),
    ZMS.get(
        "zms_get_agent_connection_status_statistics",
        "Agent connection statistics",
        "Agent counts and percentages per agent type and connection status.",
    )
    .routes(&[Route::graphql(PATH, &STATUS_STATS)])
    .params(&[Param::string(
        "search",
        "Count only agents whose name, id, group or OS contains this.",
    )]),
    ZMS.get(
        "zms_get_agent_version_statistics",
        "Agent version statistics",
        "Agent counts and percentages per agent type and software version.",
    )
    .routes(&[Route::graphql(PATH, &VERSION_STATS)])
    .params(&[Param::string(
        "search",
        "Count only agents whose name, id, group or OS contains this.",
    )]),
    ZMS.get(
        "zms_get_agent_group_totp_secrets",
        "Get agent group TOTP secrets",
        "The TOTP secret, QR code URI and generation time of an agent group.",
    )
    .routes(&[Route::graphql(PATH, &TOTP)])
    .params(&[Param::string("eyez_id", "Agent group eyezId (zms_list_agent_groups).").required()]),
    ZMS.list(
        "zms_list_nonces",
        "List nonces",
        "Agent provisioning keys (nonces) with usage, limits and agent group; all pages unless \
         page is given.",
    )
    .routes(&[Route::graphql(PATH, &NONCES)])
    .params(&[
        PAGE_PARAM,
        PAGE_SIZE_PARAM,
        Param::string(
            "search",
            "Substring of the name, id or group (case-insensitive).",
        ),
        SORT,
        SORT_DIR,
    ]),
    ZMS.get(
        "zms_get_nonce",
        "Get nonce",
        "One agent provisioning key (nonce) by its eyezId.",
    )
    .routes(&[Route::graphql(PATH, &NONCE)])
    .params(&[Param::string("eyez_id", "Nonce eyezId (zms_list_nonces).").required()]),
];
