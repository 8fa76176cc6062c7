//! ZMS resources, resource groups and their members, protection status, app zones, the
//! application catalog and the tenant's metadata.

use super::{DIRECTIONS, PAGE_NUM, PAGE_NUM_PARAM, PAGE_SIZE_PARAM, PATH};
use crate::catalog::toolsets::ZMS;
use crate::catalog::{Graphql, Lit, Param, Route, ToolDeclaration, When};

const RESOURCES: Graphql = Graphql::query(
    "ListResources",
    concat!(
        "query ListResources($customerId: ID!, $pageNum: Int, $pageSize: Int, ",
        "$includeDeleted: Boolean, $filter: ResourceQueryFilter, $orderBy: ResourceQueryOrderBy) ",
        "{ resources(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize, ",
        "includeDeleted: $includeDeleted, filter: $filter, orderBy: $orderBy) { nodes { id name ",
        "resourceType status cloudProvider cloudRegion resourceHostname platformOs ",
        "platformOsDistro platformOsVersion localIps deleted modifiedTime agentId appZoneIds ",
        "appZoneNames appZoneMappingState } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}",
        "includeDeleted": "{include_deleted}",
        "filter": {"name": {"contains": "{name}"}, "status": {"equals": "{status}"},
                   "resourceType": {"equals": "{resource_type}"},
                   "cloudProvider": {"equals": "{cloud_provider}"},
                   "cloudRegion": {"contains": "{cloud_region}"},
                   "platformOs": {"contains": "{platform_os}"}},
        "orderBy": {"name": "{sort_order}"}}"#,
    &["resources"],
)
.rows("nodes")
.pages(PAGE_NUM);

const RESOURCE_GROUPS: Graphql = Graphql::query(
    "ListResourceGroups",
    concat!(
        "query ListResourceGroups($customerId: ID!, $pageNum: Int, $pageSize: Int, ",
        "$filter: ResourceGroupsFilter) { resourceGroups(customerId: $customerId, ",
        "pageNum: $pageNum, pageSize: $pageSize, filter: $filter) { nodes { ",
        "... on ManagedResourceGroup { id name description type origin resourceMemberCount ",
        "modifiedTime } ... on UnmanagedResourceGroup { id name description type origin ",
        "resourceMemberCount modifiedTime cidrs fqdns } } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}",
        "filter": {"name": {"contains": "{name}"},
                   "resourceHostname": {"contains": "{resource_hostname}"}}}"#,
    &["resourceGroups"],
)
.rows("nodes")
.pages(PAGE_NUM);

const GROUP_MEMBERS: Graphql = Graphql::query(
    "GetResourceGroupMembers",
    concat!(
        "query GetResourceGroupMembers($customerId: ID!, $id: String!, $pageNum: Int, ",
        "$pageSize: Int) { resourceGroupMembers(customerId: $customerId, id: $id, ",
        "pageNum: $pageNum, pageSize: $pageSize) { nodes { id name resourceType status ",
        "cloudProvider cloudRegion resourceHostname platformOs platformOsDistro ",
        "platformOsVersion localIps deleted modifiedTime agentId appZoneIds appZoneNames ",
        "appZoneMappingState } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "id": "{group_id}", "pageNum": "{page_num}",
        "pageSize": "{page_size}"}"#,
    &["resourceGroupMembers"],
)
.rows("nodes")
.pages(PAGE_NUM);

const GROUP_PROTECTION: Graphql = Graphql::query(
    "ResourceGroupProtectionStatus",
    concat!(
        "query ResourceGroupProtectionStatus($customerId: ID!, $pageNum: Int, $pageSize: Int) { ",
        "resourceGroupProtectionStatus(customerId: $customerId, pageNum: $pageNum, ",
        "pageSize: $pageSize) { nodes { protectedPercentage protectedResourceGroupsCount ",
        "unprotectedResourceGroupsCount totalResourceGroups } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}"}"#,
    &["resourceGroupProtectionStatus"],
);

const RESOURCE_PROTECTION: Graphql = Graphql::query(
    "ResourceProtectionStatus",
    concat!(
        "query ResourceProtectionStatus($customerId: ID!, $pageNum: Int, $pageSize: Int) { ",
        "resourceProtectionStatus(customerId: $customerId, pageNum: $pageNum, ",
        "pageSize: $pageSize) { nodes { protectedPercentage protectedResourcesCount ",
        "unprotectedResourcesCount totalResources } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}"}"#,
    &["resourceProtectionStatus"],
);

const APP_ZONES: Graphql = Graphql::query(
    "ListAppZones",
    concat!(
        "query ListAppZones($customerId: ID!, $pageNum: Int, $pageSize: Int, ",
        "$filter: AppZoneFilter, $orderBy: AppZoneQueryOrderBy) { appZones(customerId: ",
        "$customerId, pageNum: $pageNum, pageSize: $pageSize, filter: $filter, orderBy: ",
        "$orderBy) { nodes { id appZoneName description memberCount includeAllVpcs ",
        "includeAllSubnets } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}",
        "filter": {"appZoneName": {"contains": "{name}"}},
        "orderBy": {"appZoneName": "{sort_order}"}}"#,
    &["appZones"],
)
.rows("nodes")
.pages(PAGE_NUM);

/// The application catalog's variables, with an `orderBy` (or none).
macro_rules! catalog_vars {
    ($order:literal) => {
        concat!(
            r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}",
            "filter": {"name": {"contains": "{name}"}, "category": {"equals": "{category}"}}"#,
            $order,
            "}"
        )
    };
}

const APP_CATALOG: Graphql = Graphql::query(
    "ListAppCatalog",
    concat!(
        "query ListAppCatalog($customerId: ID!, $pageNum: Int, $pageSize: Int, ",
        "$filter: AppCatalogQueryFilter, $orderBy: AppCatalogQueryOrderBy) { ",
        "appCatalog(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize, ",
        "filter: $filter, orderBy: $orderBy) { nodes { id name category creationTime ",
        "modifiedTime details { portAndProtocol { protocol portRanges { startPort endPort } } ",
        "processes } } ",
        page_info!(),
        " } }"
    ),
    catalog_vars!(""),
    &["appCatalog"],
)
.rows("nodes")
.pages(PAGE_NUM);

/// Sorted by `sort_by` in the `sort_order` direction.
const APP_CATALOG_SORTED: Graphql = Graphql {
    variables: catalog_vars!(r#", "orderBy": {"{sort_by}": "{sort_order}"}"#),
    ..APP_CATALOG
};

/// Sorted by `sort_by`, ascending.
const APP_CATALOG_BY: Graphql = Graphql {
    variables: catalog_vars!(r#", "orderBy": {"{sort_by}": "ASC"}"#),
    ..APP_CATALOG
};

/// Sorted by name in the `sort_order` direction.
const APP_CATALOG_ORDERED: Graphql = Graphql {
    variables: catalog_vars!(r#", "orderBy": {"name": "{sort_order}"}"#),
    ..APP_CATALOG
};

const METADATA: Graphql = Graphql::query(
    "GetMetadata",
    "query GetMetadata($customerId: String!) { metadata(customerId: $customerId) }",
    r#"{"customerId": "{customerId}"}"#,
    &["metadata"],
);

const SORT_ORDER: Param = Param::string("sort_order", "Sort direction by name.").one_of(DIRECTIONS);

pub static TOOLS: &[ToolDeclaration] = &[
    ZMS.list(
        "zms_list_resources",
        "List resources",
        "Workloads (VMs, Kubernetes nodes, pods, services) with type, status, cloud, region, OS, \
         IPs and app zones; all pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &RESOURCES)])
    .params(&[
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::boolean("include_deleted", "Include deleted resources.").default(Lit::Bool(false)),
        Param::string("name", "Substring of the resource name (case-insensitive)."),
        Param::string("status", "Exact status (ACTIVE, INACTIVE, DELETED)."),
        Param::string("resource_type", "Exact type (VM, K8S_NODE, POD, ...)."),
        Param::string(
            "cloud_provider",
            "Exact provider (AWS, AZURE, GCP, ON_PREMISES).",
        ),
        Param::string("cloud_region", "Substring of the cloud region."),
        Param::string("platform_os", "Substring of the OS (LINUX, WINDOWS)."),
        SORT_ORDER,
    ]),
    ZMS.list(
        "zms_list_resource_groups",
        "List resource groups",
        "Managed and unmanaged resource groups with origin, member count, CIDRs and FQDNs; all \
         pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &RESOURCE_GROUPS)])
    .params(&[
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::string("name", "Substring of the group name (case-insensitive)."),
        Param::string(
            "resource_hostname",
            "Only groups with a member whose hostname contains this.",
        ),
    ]),
    ZMS.list(
        "zms_get_resource_group_members",
        "List resource group members",
        "The resources in a resource group; all pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &GROUP_MEMBERS)])
    .params(&[
        Param::string("group_id", "Resource group id (zms_list_resource_groups).").required(),
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
    ]),
    ZMS.get(
        "zms_get_resource_group_protection_status",
        "Resource group protection status",
        "How many resource groups a policy rule protects, with the percentage.",
    )
    .routes(&[Route::graphql(PATH, &GROUP_PROTECTION)])
    .params(&[PAGE_NUM_PARAM, PAGE_SIZE_PARAM]),
    ZMS.get(
        "zms_get_resource_protection_status",
        "Resource protection status",
        "How many live resources a policy rule protects, with the percentage.",
    )
    .routes(&[Route::graphql(PATH, &RESOURCE_PROTECTION)])
    .params(&[PAGE_NUM_PARAM, PAGE_SIZE_PARAM]),
    ZMS.list(
        "zms_list_app_zones",
        "List app zones",
        "Application zones with description, member count and VPC/subnet scope; all pages \
         unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &APP_ZONES)])
    .params(&[
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::string("name", "Substring of the zone name (case-insensitive)."),
        SORT_ORDER,
    ]),
    ZMS.list(
        "zms_list_app_catalog",
        "List app catalog",
        "Applications ZMS recognizes, with category, ports, protocols and processes; all pages \
         unless page_num is given.",
    )
    .routes(&[
        Route::graphql(PATH, &APP_CATALOG_SORTED)
            .when(When::Both(&When::Has("sort_by"), &When::Has("sort_order"))),
        Route::graphql(PATH, &APP_CATALOG_BY).when(When::Has("sort_by")),
        Route::graphql(PATH, &APP_CATALOG_ORDERED).when(When::Has("sort_order")),
        Route::graphql(PATH, &APP_CATALOG),
    ])
    .params(&[
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::string(
            "name",
            "Substring of the application name (case-insensitive).",
        ),
        Param::string(
            "category",
            "Exact category (e.g. Database), case-insensitive.",
        ),
        Param::string(
            "sort_by",
            "Field to sort by (ascending unless sort_order says).",
        )
        .one_of(&["name", "category", "creationTime", "modifiedTime"]),
        Param::string(
            "sort_order",
            "Sort direction (by name unless sort_by says).",
        )
        .one_of(DIRECTIONS),
    ]),
    ZMS.get(
        "zms_get_metadata",
        "Get ZMS metadata",
        "The tenant's ZMS vocabularies: event types, resource types, clouds, regions, actions, \
         agent versions, severities.",
    )
    .routes(&[Route::graphql(PATH, &METADATA)]),
];
