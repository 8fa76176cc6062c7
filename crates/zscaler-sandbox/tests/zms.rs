//! ZMS GraphQL: the SDK's query documents, connection paging at the edges, search/sort,
//! filter objects, fetchAll, customerId checks, lookups by eyezId/id, computed statistics.

mod common;

use serde_json::{Value, json};

const PAGE_INFO: &str = "pageInfo { pageNumber pageSize totalCount totalPages }";

fn list_agents() -> String {
    format!(
        r#"query ListAgents(
            $customerId: ID!, $page: Int, $pageSize: Int,
            $search: String, $sort: String, $sortDir: SortDirection
        ) {{
            agents(customerId: $customerId, page: $page, pageSize: $pageSize,
                   search: $search, sort: $sort, sortDir: $sortDir) {{
                nodes {{
                    name eyezId connectionStatus agentType hostOs currentSoftwareVersion
                    upgradeStatus description cloudProvider publicIp privateIps adminStatus
                    agentGroupName agentGroupType
                }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_agent_groups() -> String {
    format!(
        r#"query ListAgentGroups(
            $customerId: ID!, $page: Int, $pageSize: Int,
            $search: String, $sort: String, $sortDir: SortDirection
        ) {{
            agentGroups(customerId: $customerId, page: $page, pageSize: $pageSize,
                        search: $search, sort: $sort, sortDir: $sortDir) {{
                nodes {{
                    name eyezId agentGroupType cloudProvider adminStatus agentCount description
                    policyStatus upgradeStatus tamperProtectionStatus agentAutoUpgrade
                    agentDeletionTimeoutSeconds timezone upgradeDay upgradeTime versionProfileName
                }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

const STATUS_STATS: &str = r#"
    query AgentConnectionStatusStats($customerId: ID!, $search: String) {
        agentConnectionStatusStatistics(customerId: $customerId, search: $search) {
            totalCount
            totalPercentage
            agentStatuses { agentType connectionStatus count percentage }
        }
    }
"#;

const VERSION_STATS: &str = r#"
    query AgentVersionStats($customerId: ID!, $search: String) {
        agentVersionStatistics(customerId: $customerId, search: $search) {
            totalCount
            totalPercentage
            agentVersions { agentType version count percentage }
        }
    }
"#;

const TOTP: &str = r#"
    query GetAgentGroupTotpSecrets($customerId: ID!, $eyezId: String!) {
        agentGroupTotpSecrets(customerId: $customerId, eyezId: $eyezId) {
            eyezId totpSecret totpQrCode totpGenerationTimestamp
        }
    }
"#;

const NONCE_FIELDS: &str = "eyezId name key maxUsage usageCount agentGroupEyezId agentGroupName agentGroupType product creationTime modifiedTime";

fn list_nonces() -> String {
    format!(
        r#"query ListNonces($customerId: ID!, $page: Int, $pageSize: Int,
                $search: String, $sort: String, $sortDir: SortDirection) {{
            nonces(customerId: $customerId, page: $page, pageSize: $pageSize,
                   search: $search, sort: $sort, sortDir: $sortDir) {{
                nodes {{ {NONCE_FIELDS} }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn get_nonce() -> String {
    format!(
        r#"query GetNonce($customerId: ID!, $eyezId: String!) {{
            nonce(customerId: $customerId, eyezId: $eyezId) {{ nonce {{ {NONCE_FIELDS} }} }}
        }}"#
    )
}

fn list_policy_rules() -> String {
    format!(
        r#"query ListPolicyRules($customerId: ID!, $pageNum: Int, $pageSize: Int,
                $fetchAll: Boolean, $filter: PolicyRuleFilter) {{
            policyRules(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
                        fetchAll: $fetchAll, filter: $filter) {{
                nodes {{
                    id name action priority description deleted sourceTargetType
                    destinationTargetType appZoneScopeTargetType creationTime modifiedTime lastHit
                    portAndProtocols {{ protocol portRanges {{ startPort endPort }} }}
                }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_default_rules() -> String {
    format!(
        r#"query ListDefaultPolicyRules($customerId: ID!, $pageNum: Int, $pageSize: Int) {{
            defaultPolicyRules(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize) {{
                nodes {{ id name action direction description scopeType modifiedTime }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_resource_groups() -> String {
    format!(
        r#"query ListResourceGroups($customerId: ID!, $pageNum: Int, $pageSize: Int,
                $filter: ResourceGroupsFilter) {{
            resourceGroups(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
                           filter: $filter) {{
                nodes {{
                    ... on ManagedResourceGroup {{
                        id name description type origin resourceMemberCount modifiedTime
                    }}
                    ... on UnmanagedResourceGroup {{
                        id name description type origin resourceMemberCount modifiedTime cidrs fqdns
                    }}
                }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn group_members() -> String {
    format!(
        r#"query GetResourceGroupMembers($customerId: ID!, $id: String!, $pageNum: Int, $pageSize: Int) {{
            resourceGroupMembers(customerId: $customerId, id: $id, pageNum: $pageNum, pageSize: $pageSize) {{
                nodes {{ id name resourceType status cloudProvider cloudRegion resourceHostname platformOs }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn protection(op: &str, root: &str, fields: &str) -> String {
    format!(
        r#"query {op}($customerId: ID!, $pageNum: Int, $pageSize: Int) {{
            {root}(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize) {{
                nodes {{ {fields} }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_resources() -> String {
    format!(
        r#"query ListResources($customerId: ID!, $pageNum: Int, $pageSize: Int,
                $includeDeleted: Boolean, $filter: ResourceQueryFilter,
                $orderBy: ResourceQueryOrderBy) {{
            resources(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
                      includeDeleted: $includeDeleted, filter: $filter, orderBy: $orderBy) {{
                nodes {{
                    id name resourceType status cloudProvider cloudRegion resourceHostname
                    platformOs platformOsDistro platformOsVersion localIps deleted modifiedTime
                    agentId appZoneIds appZoneNames appZoneMappingState
                }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_app_catalog() -> String {
    format!(
        r#"query ListAppCatalog($customerId: ID!, $pageNum: Int, $pageSize: Int,
                $filter: AppCatalogQueryFilter, $orderBy: AppCatalogQueryOrderBy) {{
            appCatalog(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
                       filter: $filter, orderBy: $orderBy) {{
                nodes {{
                    id name category creationTime modifiedTime
                    details {{ portAndProtocol {{ protocol portRanges {{ startPort endPort }} }} processes }}
                }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_app_zones() -> String {
    format!(
        r#"query ListAppZones($customerId: ID!, $pageNum: Int, $pageSize: Int,
                $filter: AppZoneFilter, $orderBy: AppZoneQueryOrderBy) {{
            appZones(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
                     filter: $filter, orderBy: $orderBy) {{
                nodes {{ id appZoneName description memberCount includeAllVpcs includeAllSubnets }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_namespaces() -> String {
    format!(
        r#"query ListTagNamespaces($customerId: ID!, $pageNum: Int, $pageSize: Int,
                $filter: NamespaceFilter, $orderBy: NamespaceQueryOrderBy) {{
            tagNamespaces(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
                          filter: $filter, orderBy: $orderBy) {{
                nodes {{ id name description origin }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_tag_keys() -> String {
    format!(
        r#"query ListTagKeys($customerId: ID!, $namespaceId: String!, $pageNum: Int, $pageSize: Int,
                $filter: TagKeyFilter, $orderBy: TagKeyQueryOrderBy) {{
            tagKeys(customerId: $customerId, namespaceId: $namespaceId, pageNum: $pageNum,
                    pageSize: $pageSize, filter: $filter, orderBy: $orderBy) {{
                nodes {{ id name description }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

fn list_tag_values() -> String {
    format!(
        r#"query ListTagValues($customerId: ID!, $tagId: String!, $namespaceOrigin: NamespaceOrigin!,
                $pageNum: Int, $pageSize: Int, $filter: TagValueFilter, $orderBy: TagValueQueryOrderBy) {{
            tagValues(customerId: $customerId, tagId: $tagId, namespaceOrigin: $namespaceOrigin,
                      pageNum: $pageNum, pageSize: $pageSize, filter: $filter, orderBy: $orderBy) {{
                nodes {{ id name }}
                {PAGE_INFO}
            }}
        }}"#
    )
}

const METADATA: &str = r#"
    query GetMetadata($customerId: String!) {
        metadata(customerId: $customerId)
    }
"#;

async fn gql(c: &common::Client, query: &str, mut variables: Value, op: &str) -> Value {
    if variables.get("customerId").is_none() {
        variables["customerId"] = json!(c.sandbox.customer_id);
    }
    let (status, body) = c
        .call(
            "POST",
            "/zms/graphql",
            Some(json!({"query": query, "variables": variables, "operationName": op})),
        )
        .await;
    assert_eq!(status, 200, "{op}: {body}");
    body
}

fn data<'a>(body: &'a Value, root: &str) -> &'a Value {
    assert!(body.get("errors").is_none(), "{body}");
    &body["data"][root]
}

fn nodes<'a>(body: &'a Value, root: &str) -> &'a Vec<Value> {
    data(body, root)["nodes"].as_array().expect("nodes")
}

fn error(body: &Value) -> (&str, &str) {
    assert!(body["data"].is_null(), "{body}");
    (
        body["errors"][0]["message"].as_str().expect("message"),
        body["errors"][0]["extensions"]["classification"]
            .as_str()
            .expect("classification"),
    )
}

#[tokio::test]
async fn agents_page_at_the_edges() {
    let c = common::start().await;
    let q = list_agents();
    let first = gql(&c, &q, json!({"page": 1, "pageSize": 15}), "ListAgents").await;
    assert_eq!(nodes(&first, "agents").len(), 15);
    assert_eq!(
        data(&first, "agents")["pageInfo"],
        json!({"pageNumber": 1, "pageSize": 15, "totalCount": 40, "totalPages": 3})
    );
    let node = &nodes(&first, "agents")[0];
    assert_eq!(
        node.as_object().expect("node").len(),
        14,
        "only selected fields"
    );
    assert!(node.get("_agentGroupEyezId").is_none());
    let last = gql(&c, &q, json!({"page": 3, "pageSize": 15}), "ListAgents").await;
    assert_eq!(nodes(&last, "agents").len(), 10);
    let past = gql(&c, &q, json!({"page": 4, "pageSize": 15}), "ListAgents").await;
    assert!(nodes(&past, "agents").is_empty());
    assert_eq!(data(&past, "agents")["pageInfo"]["totalCount"], 40);
    for bad in [
        json!({"page": 0}),
        json!({"pageSize": 0}),
        json!({"pageSize": 5000}),
    ] {
        let body = gql(&c, &q, bad.clone(), "ListAgents").await;
        let (message, class) = error(&body);
        assert_eq!(class, "ValidationError", "{bad}");
        assert!(message.contains("page"), "{message}");
    }
}

#[tokio::test]
async fn agents_search_and_sort() {
    let c = common::start().await;
    let q = list_agents();
    let body = gql(
        &c,
        &q,
        json!({"page": 1, "pageSize": 100, "search": "k8s-node", "sort": "name", "sortDir": "DESC"}),
        "ListAgents",
    )
    .await;
    let rows = nodes(&body, "agents");
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["name"].as_str().expect("name").contains("k8s-node"))
    );
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["name"].as_str().expect("n"))
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(names, sorted);
    let body = gql(&c, &q, json!({"sort": "nope"}), "ListAgents").await;
    assert!(error(&body).0.contains("nope"));
}

#[tokio::test]
async fn agent_groups_count_their_agents() {
    let c = common::start().await;
    let groups = gql(
        &c,
        &list_agent_groups(),
        json!({"page": 1, "pageSize": 50}),
        "ListAgentGroups",
    )
    .await;
    let groups = nodes(&groups, "agentGroups").clone();
    assert_eq!(groups.len(), 8);
    let counted: i64 = groups
        .iter()
        .map(|g| g["agentCount"].as_i64().expect("n"))
        .sum();
    assert_eq!(counted, 40);
}

#[tokio::test]
async fn agent_connection_status_statistics_add_up() {
    let c = common::start().await;
    let stats = gql(&c, STATUS_STATS, json!({}), "AgentConnectionStatusStats").await;
    let stats = data(&stats, "agentConnectionStatusStatistics");
    assert_eq!(stats["totalCount"], 40);
    assert_eq!(stats["totalPercentage"], 100.0);
    let rows = stats["agentStatuses"].as_array().expect("rows");
    assert_eq!(
        rows.iter()
            .map(|r| r["count"].as_i64().expect("c"))
            .sum::<i64>(),
        40
    );
    let pct: f64 = rows
        .iter()
        .map(|r| r["percentage"].as_f64().expect("p"))
        .sum();
    assert!((pct - 100.0).abs() < 0.1, "{pct}");
}

#[tokio::test]
async fn agent_version_statistics_search() {
    let c = common::start().await;
    let versions = gql(
        &c,
        VERSION_STATS,
        json!({"search": "k8s"}),
        "AgentVersionStats",
    )
    .await;
    let versions = data(&versions, "agentVersionStatistics");
    assert!(versions["totalCount"].as_i64() < Some(40));
    assert!(versions["agentVersions"][0]["version"].is_string());
}

#[tokio::test]
async fn agent_group_totp_secrets() {
    let c = common::start().await;
    let groups = gql(
        &c,
        &list_agent_groups(),
        json!({"page": 1, "pageSize": 50}),
        "ListAgentGroups",
    )
    .await;
    let groups = nodes(&groups, "agentGroups").clone();
    let eyez = groups[0]["eyezId"].as_str().expect("eyezId");
    let totp = gql(
        &c,
        TOTP,
        json!({"eyezId": eyez}),
        "GetAgentGroupTotpSecrets",
    )
    .await;
    let totp = data(&totp, "agentGroupTotpSecrets");
    assert_eq!(totp["eyezId"], eyez);
    assert_eq!(totp["totpSecret"].as_str().expect("secret").len(), 32);
    assert!(
        totp["totpQrCode"]
            .as_str()
            .expect("qr")
            .starts_with("otpauth://totp/")
    );
    assert!(totp["totpGenerationTimestamp"].is_i64());
    let body = gql(&c, TOTP, json!({"eyezId": "1"}), "GetAgentGroupTotpSecrets").await;
    assert_eq!(error(&body).1, "DataFetchingException");
}

#[tokio::test]
async fn nonces_list_and_get() {
    let c = common::start().await;
    let body = gql(
        &c,
        &list_nonces(),
        json!({"page": 1, "pageSize": 5}),
        "ListNonces",
    )
    .await;
    let info = &data(&body, "nonces")["pageInfo"];
    assert_eq!(info["totalCount"], 11);
    assert_eq!(info["totalPages"], 3);
    let first = nodes(&body, "nonces")[0].clone();
    assert!(first["creationTime"].as_str().expect("time").ends_with('Z'));
    let id = first["eyezId"].as_str().expect("eyezId");
    let got = gql(&c, &get_nonce(), json!({"eyezId": id}), "GetNonce").await;
    assert_eq!(data(&got, "nonce")["nonce"], first);
    let missing = gql(&c, &get_nonce(), json!({"eyezId": "404"}), "GetNonce").await;
    assert!(error(&missing).0.contains("404"));
    // eyezId is a required variable.
    let missing = gql(&c, &get_nonce(), json!({}), "GetNonce").await;
    assert!(error(&missing).0.contains("eyezId"));
}

#[tokio::test]
async fn policy_rules_filter_and_fetch_all() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 130,
        ..Default::default()
    })
    .await;
    let q = list_policy_rules();
    let all = gql(
        &c,
        &q,
        json!({"pageNum": 1, "pageSize": 10, "fetchAll": true}),
        "ListPolicyRules",
    )
    .await;
    // Policy rules keep their built-in size (12) at any scale; fetchAll returns them all
    // on one page even though the page size asked for is 10.
    assert_eq!(nodes(&all, "policyRules").len(), 12);
    assert_eq!(
        data(&all, "policyRules")["pageInfo"],
        json!({"pageNumber": 1, "pageSize": 12, "totalCount": 12, "totalPages": 1})
    );
    let paged = gql(
        &c,
        &q,
        json!({"pageNum": 2, "pageSize": 10, "fetchAll": false}),
        "ListPolicyRules",
    )
    .await;
    assert_eq!(nodes(&paged, "policyRules").len(), 2);
    let blocks = gql(
        &c,
        &q,
        json!({"pageNum": 1, "pageSize": 100, "filter": {"name": {"contains": "block"}, "action": {"equals": "BLOCK"}}}),
        "ListPolicyRules",
    )
    .await;
    let rows = nodes(&blocks, "policyRules");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| {
        r["action"] == "BLOCK"
            && r["name"]
                .as_str()
                .expect("n")
                .to_lowercase()
                .contains("block")
    }));
    assert!(rows[0]["portAndProtocols"][0]["portRanges"][0]["startPort"].is_i64());
    let bad = gql(
        &c,
        &q,
        json!({"filter": {"colour": {"equals": "red"}}}),
        "ListPolicyRules",
    )
    .await;
    assert!(error(&bad).0.contains("colour"));
}

#[tokio::test]
async fn default_policy_rules_list() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 130,
        ..Default::default()
    })
    .await;
    let defaults = gql(
        &c,
        &list_default_rules(),
        json!({"pageNum": 1, "pageSize": 20}),
        "ListDefaultPolicyRules",
    )
    .await;
    let rows = nodes(&defaults, "defaultPolicyRules");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["direction"], "INBOUND");
}

#[tokio::test]
async fn resource_groups_and_their_members() {
    let c = common::start().await;
    let groups = gql(
        &c,
        &list_resource_groups(),
        json!({"pageNum": 1, "pageSize": 50}),
        "ListResourceGroups",
    )
    .await;
    let groups = nodes(&groups, "resourceGroups").clone();
    assert_eq!(groups.len(), 10);
    let managed = groups
        .iter()
        .find(|g| g["type"] == "MANAGED")
        .expect("managed");
    assert!(
        managed.get("cidrs").is_none(),
        "fragment for the other type not applied"
    );
    let unmanaged = groups
        .iter()
        .find(|g| g["type"] == "UNMANAGED")
        .expect("unmanaged");
    assert!(unmanaged["cidrs"].is_array() && unmanaged["fqdns"].is_array());

    let id = managed["id"].as_str().expect("id");
    let members = gql(
        &c,
        &group_members(),
        json!({"id": id, "pageNum": 1, "pageSize": 100}),
        "GetResourceGroupMembers",
    )
    .await;
    assert_eq!(
        data(&members, "resourceGroupMembers")["pageInfo"]["totalCount"],
        managed["resourceMemberCount"]
    );
    let missing = gql(
        &c,
        &group_members(),
        json!({"id": "999"}),
        "GetResourceGroupMembers",
    )
    .await;
    assert!(error(&missing).0.contains("999"));

    // Filter groups by a member's hostname.
    let host = nodes(&members, "resourceGroupMembers")[0]["resourceHostname"]
        .as_str()
        .expect("hostname")
        .to_string();
    let by_host = gql(
        &c,
        &list_resource_groups(),
        json!({"filter": {"resourceHostname": {"contains": host}}}),
        "ListResourceGroups",
    )
    .await;
    assert!(
        nodes(&by_host, "resourceGroups")
            .iter()
            .any(|g| g["id"] == id)
    );
}

#[tokio::test]
async fn resources_live_deleted_filter_and_order() {
    let c = common::start().await;
    let q = list_resources();
    let live = gql(
        &c,
        &q,
        json!({"pageNum": 1, "pageSize": 100}),
        "ListResources",
    )
    .await;
    let with_deleted = gql(
        &c,
        &q,
        json!({"pageNum": 1, "pageSize": 100, "includeDeleted": true}),
        "ListResources",
    )
    .await;
    let live_n = data(&live, "resources")["pageInfo"]["totalCount"]
        .as_i64()
        .expect("n");
    assert_eq!(
        data(&with_deleted, "resources")["pageInfo"]["totalCount"],
        60
    );
    assert!(live_n < 60);
    assert!(
        nodes(&live, "resources")
            .iter()
            .all(|r| r["deleted"] == false)
    );
    let aws = gql(
        &c,
        &q,
        json!({"pageSize": 100, "filter": {"cloudProvider": {"equals": "AWS"}, "status": {"equals": "ACTIVE"}}, "orderBy": {"name": "ASC"}}),
        "ListResources",
    )
    .await;
    let rows = nodes(&aws, "resources");
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["cloudProvider"] == "AWS" && r["status"] == "ACTIVE")
    );
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["name"].as_str().expect("n"))
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
}

#[tokio::test]
async fn protection_status_counts_agree() {
    let c = common::start().await;
    let live = gql(
        &c,
        &list_resources(),
        json!({"pageNum": 1, "pageSize": 100}),
        "ListResources",
    )
    .await;
    let live_n = data(&live, "resources")["pageInfo"]["totalCount"]
        .as_i64()
        .expect("n");
    let status = gql(
        &c,
        &protection(
            "ResourceProtectionStatus",
            "resourceProtectionStatus",
            "protectedPercentage protectedResourcesCount unprotectedResourcesCount totalResources",
        ),
        json!({"pageNum": 1, "pageSize": 20}),
        "ResourceProtectionStatus",
    )
    .await;
    let node = &nodes(&status, "resourceProtectionStatus")[0];
    assert_eq!(node["totalResources"].as_i64(), Some(live_n));
    assert_eq!(
        node["protectedResourcesCount"].as_i64().expect("p")
            + node["unprotectedResourcesCount"].as_i64().expect("u"),
        live_n
    );
    let status = gql(
        &c,
        &protection(
            "ResourceGroupProtectionStatus",
            "resourceGroupProtectionStatus",
            "protectedPercentage protectedResourceGroupsCount unprotectedResourceGroupsCount totalResourceGroups",
        ),
        json!({"pageNum": 1, "pageSize": 20}),
        "ResourceGroupProtectionStatus",
    )
    .await;
    let node = &nodes(&status, "resourceGroupProtectionStatus")[0];
    assert_eq!(node["totalResourceGroups"], 10);
    assert!(node["protectedResourceGroupsCount"].as_i64() >= Some(5));
}

#[tokio::test]
async fn app_catalog_filters_and_orders() {
    let c = common::start().await;
    let cat = gql(
        &c,
        &list_app_catalog(),
        json!({"pageNum": 1, "pageSize": 50, "filter": {"category": {"contains": "data"}}, "orderBy": {"name": "DESC"}}),
        "ListAppCatalog",
    )
    .await;
    let rows = nodes(&cat, "appCatalog");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["name"], "PostgreSQL");
    assert_eq!(
        rows[0]["details"]["portAndProtocol"][0]["portRanges"][0]["startPort"],
        5432
    );
}

#[tokio::test]
async fn app_zones_filter_and_count_members() {
    let c = common::start().await;
    let zones = gql(
        &c,
        &list_app_zones(),
        json!({"pageNum": 1, "pageSize": 10, "filter": {"appZoneName": {"contains": "prod"}}, "orderBy": {"appZoneName": "ASC"}}),
        "ListAppZones",
    )
    .await;
    let rows = nodes(&zones, "appZones");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["appZoneName"], "Production");
    assert!(rows[0]["memberCount"].is_u64());
}

#[tokio::test]
async fn tag_namespaces_keys_and_values() {
    let c = common::start().await;
    let ns = gql(
        &c,
        &list_namespaces(),
        json!({"filter": {"origin": {"equals": "CUSTOM"}}}),
        "ListTagNamespaces",
    )
    .await;
    let ns = nodes(&ns, "tagNamespaces").clone();
    assert_eq!(ns.len(), 2);
    let ns_id = ns[0]["id"].as_str().expect("id");
    let keys = gql(
        &c,
        &list_tag_keys(),
        json!({"namespaceId": ns_id, "pageNum": 1, "pageSize": 10, "filter": {"keyName": {"contains": "env"}}}),
        "ListTagKeys",
    )
    .await;
    let keys = nodes(&keys, "tagKeys").clone();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["name"], "env");
    let tag_id = keys[0]["id"].as_str().expect("id");
    let values = gql(
        &c,
        &list_tag_values(),
        json!({"tagId": tag_id, "namespaceOrigin": "CUSTOM", "orderBy": {"name": "ASC"}}),
        "ListTagValues",
    )
    .await;
    let names: Vec<&str> = nodes(&values, "tagValues")
        .iter()
        .map(|v| v["name"].as_str().expect("n"))
        .collect();
    assert_eq!(names, ["dev", "prod", "staging"]);
    let wrong = gql(
        &c,
        &list_tag_values(),
        json!({"tagId": tag_id, "namespaceOrigin": "EXTERNAL"}),
        "ListTagValues",
    )
    .await;
    assert!(nodes(&wrong, "tagValues").is_empty());
    let bad = gql(
        &c,
        &list_tag_values(),
        json!({"tagId": tag_id, "namespaceOrigin": "MARS"}),
        "ListTagValues",
    )
    .await;
    assert!(error(&bad).0.contains("MARS"));
    let missing = gql(
        &c,
        &list_tag_keys(),
        json!({"namespaceId": "1"}),
        "ListTagKeys",
    )
    .await;
    assert_eq!(error(&missing).1, "DataFetchingException");
}

#[tokio::test]
async fn metadata_names_the_customer() {
    let c = common::start().await;
    let meta = gql(&c, METADATA, json!({}), "GetMetadata").await;
    let meta = data(&meta, "metadata");
    assert_eq!(meta["customerId"], c.sandbox.customer_id.as_str());
    assert!(meta["eventTypes"].as_array().expect("types").len() > 3);
}

#[tokio::test]
async fn customer_id_and_request_errors() {
    let c = common::start().await;
    let q = list_agents();
    let body = gql(&c, &q, json!({"customerId": "123"}), "ListAgents").await;
    let (message, class) = error(&body);
    assert!(message.contains("123"));
    assert_eq!(class, "DataFetchingException");
    assert_eq!(body["errors"][0]["path"], json!(["agents"]));
    // customerId is a required (ID!) variable.
    let (status, body) = c
        .call(
            "POST",
            "/zms/graphql",
            Some(json!({"query": q, "variables": {}, "operationName": "ListAgents"})),
        )
        .await;
    assert_eq!(status, 200);
    assert!(error(&body).0.contains("customerId"));
    // Unknown root field and unknown node field.
    let body = gql(
        &c,
        "query X($customerId: ID!) { workloads(customerId: $customerId) { nodes { id } } }",
        json!({}),
        "X",
    )
    .await;
    assert_eq!(error(&body).1, "ValidationError");
    let body = gql(
        &c,
        "query X($customerId: ID!) { agents(customerId: $customerId) { nodes { secret } } }",
        json!({}),
        "X",
    )
    .await;
    assert!(error(&body).0.contains("secret"));
    // Mutations are not served; unknown operation name.
    let body = gql(&c, "mutation M { deleteAgent(id: 1) }", json!({}), "M").await;
    assert_eq!(error(&body).1, "OperationNotSupported");
    let body = gql(&c, &q, json!({}), "Nope").await;
    assert!(error(&body).0.contains("Nope"));
    // No query: 400.
    let (status, body) = c
        .call("POST", "/zms/graphql", Some(json!({"operationName": "X"})))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body["message"].as_str().expect("message").contains("query"));
}

#[tokio::test]
async fn big_scale_grows_resources_and_agents_keep_their_size() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 1_500,
        ..Default::default()
    })
    .await;
    let body = gql(
        &c,
        &list_agents(),
        json!({"page": 1, "pageSize": 100}),
        "ListAgents",
    )
    .await;
    assert_eq!(nodes(&body, "agents").len(), 40);
    assert_eq!(data(&body, "agents")["pageInfo"]["totalPages"], 1);
    let body = gql(
        &c,
        &list_resources(),
        json!({"pageNum": 1, "pageSize": 1, "includeDeleted": true}),
        "ListResources",
    )
    .await;
    assert_eq!(data(&body, "resources")["pageInfo"]["totalCount"], 1_500);
}
