//! ZTW IP groups, IP source groups and IP destination groups.

use super::SEARCH;
use crate::catalog::toolsets::ZTW;
use crate::catalog::{Filter, Param, Route, ToolDeclaration};

const GROUP_ID: Param =
    Param::string("group_id", "Group id (from the matching list tool).").required();
const NAME: Param = Param::string("name", "Group name, unique per tenant.")
    .required()
    .body("name");
const DESCRIPTION: Param =
    Param::string("description", "Free-text description.").body("description");
const IP_ADDRESSES: Param = Param::strings("ip_addresses", "IPs, CIDR blocks or a-b ranges.")
    .required()
    .body("ipAddresses");
const DESTINATION_TYPES: &[&str] = &["DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"];
const EXCLUDE_TYPE: Param =
    Param::string("exclude_type", "Group type to leave out.").one_of(DESTINATION_TYPES);

/// The lite views take no search: rows are filtered by name here.
const BY_NAME: &[Filter] = &[Filter::contains("search", &["name"])];

pub static TOOLS: &[ToolDeclaration] = &[
    ZTW.create(
        "ztw_create_ip_destination_group",
        "Create IP destination group",
        "Creates a destination group of IPs, FQDNs, domains or countries for connector \
         forwarding rules.",
    )
    .routes(&[Route::post("/ztw/api/v1/ipDestinationGroups")])
    .params(&[
        NAME,
        Param::string("type", "What the group holds.")
            .one_of(DESTINATION_TYPES)
            .required()
            .body("type"),
        DESCRIPTION,
        Param::strings(
            "addresses",
            "IPs/CIDRs (DSTN_IP), FQDNs or domains, per type.",
        )
        .body("addresses"),
        Param::strings(
            "countries",
            "Country codes as COUNTRY_XX (ISO alpha-2), e.g. COUNTRY_US.",
        )
        .body("countries"),
    ]),
    ZTW.create(
        "ztw_create_ip_group",
        "Create IP group",
        "Creates an IP group of addresses, CIDR blocks or ranges for connector rules.",
    )
    .routes(&[Route::post("/ztw/api/v1/ipGroups")])
    .params(&[NAME, IP_ADDRESSES, DESCRIPTION]),
    ZTW.create(
        "ztw_create_ip_source_group",
        "Create IP source group",
        "Creates a source IP group of addresses, CIDR blocks or ranges for connector rules.",
    )
    .routes(&[Route::post("/ztw/api/v1/ipSourceGroups")])
    .params(&[NAME, IP_ADDRESSES, DESCRIPTION]),
    ZTW.delete(
        "ztw_delete_ip_destination_group",
        "Delete IP destination group",
        "Deletes an IP destination group; rules still referencing it may block the deletion.",
    )
    .routes(&[Route::delete("/ztw/api/v1/ipDestinationGroups/{group_id}")])
    .params(&[GROUP_ID]),
    ZTW.delete(
        "ztw_delete_ip_group",
        "Delete IP group",
        "Deletes an IP group; rules still referencing it may block the deletion.",
    )
    .routes(&[Route::delete("/ztw/api/v1/ipGroups/{group_id}")])
    .params(&[GROUP_ID]),
    ZTW.delete(
        "ztw_delete_ip_source_group",
        "Delete IP source group",
        "Deletes an IP source group; rules still referencing it may block the deletion.",
    )
    .routes(&[Route::delete("/ztw/api/v1/ipSourceGroups/{group_id}")])
    .params(&[GROUP_ID]),
    ZTW.list(
        "ztw_list_ip_destination_groups",
        "List IP destination groups",
        "Every IP destination group with type, addresses, countries and categories.",
    )
    .routes(&[Route::get("/ztw/api/v1/ipDestinationGroups")
        .query(&[("excludeType", "{exclude_type}")])
        .list()])
    .params(&[EXCLUDE_TYPE]),
    ZTW.list(
        "ztw_list_ip_destination_groups_lite",
        "List IP destination groups (lite)",
        "Every IP destination group; the API has no lite view, so rows are the full records.",
    )
    .routes(&[Route::get("/ztw/api/v1/ipDestinationGroups")
        .query(&[("excludeType", "{exclude_type}")])
        .list()])
    .params(&[EXCLUDE_TYPE]),
    ZTW.list(
        "ztw_list_ip_groups",
        "List IP groups",
        "Every IP group with its addresses, CIDR blocks and ranges.",
    )
    .routes(&[Route::get("/ztw/api/v1/ipGroups")
        .query(&[("search", "{search}")])
        .list()])
    .params(&[SEARCH]),
    ZTW.list(
        "ztw_list_ip_groups_lite",
        "List IP groups (lite)",
        "Every IP group as id and name only.",
    )
    .routes(&[Route::get("/ztw/api/v1/ipGroups/lite")
        .list()
        .filters(BY_NAME)])
    .params(&[SEARCH]),
    ZTW.list(
        "ztw_list_ip_source_groups",
        "List IP source groups",
        "Every IP source group with its addresses, CIDR blocks and ranges.",
    )
    .routes(&[Route::get("/ztw/api/v1/ipSourceGroups")
        .query(&[("search", "{search}")])
        .list()])
    .params(&[SEARCH]),
    ZTW.list(
        "ztw_list_ip_source_groups_lite",
        "List IP source groups (lite)",
        "Every IP source group as id and name only.",
    )
    .routes(&[Route::get("/ztw/api/v1/ipSourceGroups/lite")
        .list()
        .filters(BY_NAME)])
    .params(&[SEARCH]),
];
