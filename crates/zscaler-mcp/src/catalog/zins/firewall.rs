//! Z-Insights zero-trust firewall: sessions by action, location and network service.

use super::{END_DAYS_AGO, END_TIME, LIMIT, PATH, START_9, START_TIME, WEEK};
use crate::catalog::toolsets::ZINS_FIREWALL;
use crate::catalog::{Graphql, Param, Route, ToolDeclaration};

const BY_ACTION: Graphql = Graphql::query(
    "FirewallByAction",
    "query FirewallByAction($startTime: Long!, $endTime: Long!, $limit: Int) { \
     ZERO_TRUST_FIREWALL { action(start_time: $startTime, end_time: $endTime) { obfuscated \
     entries(limit: $limit) { name total } } } }",
    window_vars!(),
    &["ZERO_TRUST_FIREWALL", "action"],
)
.rows("entries")
.limit("limit");

const BY_LOCATION: Graphql = Graphql::query(
    "FirewallByLocation",
    "query FirewallByLocation($startTime: Long!, $endTime: Long!, $limit: Int) { \
     ZERO_TRUST_FIREWALL { location_firewall(start_time: $startTime, end_time: $endTime) { \
     obfuscated entries(limit: $limit) { id name total } } } }",
    window_vars!(),
    &["ZERO_TRUST_FIREWALL", "location_firewall"],
)
.rows("entries")
.limit("limit");

const NETWORK_SERVICES: Graphql = Graphql::query(
    "FirewallNetworkServices",
    "query FirewallNetworkServices($startTime: Long!, $endTime: Long!, $limit: Int) { \
     ZERO_TRUST_FIREWALL { network_service(start_time: $startTime, end_time: $endTime) { \
     obfuscated entries(limit: $limit) { name total } } } }",
    window_vars!(),
    &["ZERO_TRUST_FIREWALL", "network_service"],
)
.rows("entries")
.limit("limit");

const PARAMS: &[Param] = &[START_9, END_DAYS_AGO, START_TIME, END_TIME, LIMIT];

pub static TOOLS: &[ToolDeclaration] = &[
    ZINS_FIREWALL
        .list(
            "zins_get_firewall_by_action",
            "Firewall sessions by action",
            "Zero-trust firewall session totals per action (allow, drop, reset, ICMP) in the \
             window.",
        )
        .routes(&[Route::graphql(PATH, &BY_ACTION).window(&WEEK)])
        .params(PARAMS),
    ZINS_FIREWALL
        .list(
            "zins_get_firewall_by_location",
            "Firewall sessions by location",
            "Zero-trust firewall session totals per location (id and name) in the window.",
        )
        .routes(&[Route::graphql(PATH, &BY_LOCATION).window(&WEEK)])
        .params(PARAMS),
    ZINS_FIREWALL
        .list(
            "zins_get_firewall_network_services",
            "Firewall sessions by network service",
            "Zero-trust firewall session totals per network service (DNS, HTTPS, SSH, ...) in \
             the window.",
        )
        .routes(&[Route::graphql(PATH, &NETWORK_SERVICES).window(&WEEK)])
        .params(PARAMS),
];
