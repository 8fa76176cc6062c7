//! ZPA application segments (plain, browser access, privileged remote access) and the apps inside them by type.

use super::common;
use crate::catalog::toolsets::ZPA_APP_SEGMENTS;
use crate::catalog::{Body, Lit, Param, Route, ToolDeclaration};

const COLLECTION: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application";
const ITEM: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}";

const UPDATE_DESCRIPTION: &str = "Change settings; omitted fields are kept.";

const SEGMENT_ID: Param =
    Param::string("segment_id", "Segment id (zpa_list_application_segments).").required();
const SEGMENT_GROUP: Param = Param::string(
    "segment_group_id",
    "Segment group id (zpa_list_segment_groups).",
)
.body("segmentGroupId");
const DOMAINS: Param =
    Param::strings("domain_names", "Domains, wildcards or IPs.").body("domainNames");
const SERVER_GROUPS: Param =
    Param::strings("server_group_ids", common::SERVER_GROUP_IDS).ids("serverGroups");
const TCP_PORTS: Param =
    Param::strings("tcp_port_ranges", "From/to pairs, e.g. [\"443\",\"443\"].")
        .body("tcpPortRanges");
const UDP_PORTS: Param =
    Param::strings("udp_port_ranges", "From/to pairs, e.g. [\"53\",\"53\"].").body("udpPortRanges");
const ENABLED: Param = Param::boolean("enabled", "Enable the segment.").body("enabled");
const ADVANCED: Param = Param::object("advanced", "Extra camelCase fields.").to(Body::Merge);
const CLIENTLESS_APPS: Param = Param::objects(
    "clientless_app_ids",
    "Apps {name, domain, applicationPort, applicationProtocol, certificateId}.",
)
.body("clientlessAppIds");
const PRA_APPS: Param = Param::object(
    "common_apps_dto",
    "{\"appsConfig\": [{name, domain, applicationProtocol, applicationPort}]}.",
)
.body("commonAppsDto");

/// What a segment create sets before and after the apps of a browser-access or PRA segment.
const CREATE_HEAD: [Param; 6] = [
    common::NAME_REQUIRED,
    SEGMENT_GROUP.required(),
    DOMAINS,
    SERVER_GROUPS,
    TCP_PORTS,
    UDP_PORTS,
];
const CREATE_TAIL: [Param; 4] = [
    common::DESCRIPTION,
    ENABLED.default(Lit::Bool(true)),
    common::MICROTENANT_ID_BODY,
    ADVANCED,
];
const CREATE: [Param; 10] = common::concat(&[&CREATE_HEAD, &CREATE_TAIL]);
const CREATE_BA: [Param; 11] = common::concat(&[&CREATE_HEAD, &[CLIENTLESS_APPS], &CREATE_TAIL]);
const CREATE_PRA: [Param; 11] = common::concat(&[&CREATE_HEAD, &[PRA_APPS], &CREATE_TAIL]);

/// What a segment update changes before and after the apps of a browser-access or PRA segment.
const UPDATE_HEAD: [Param; 7] = [
    SEGMENT_ID,
    common::NAME,
    SEGMENT_GROUP,
    DOMAINS,
    SERVER_GROUPS,
    TCP_PORTS,
    UDP_PORTS,
];
const UPDATE_TAIL: [Param; 4] = [
    common::DESCRIPTION,
    ENABLED,
    common::MICROTENANT_ID_BODY,
    ADVANCED,
];
const UPDATE: [Param; 11] = common::concat(&[&UPDATE_HEAD, &UPDATE_TAIL]);
const UPDATE_BA: [Param; 12] = common::concat(&[&UPDATE_HEAD, &[CLIENTLESS_APPS], &UPDATE_TAIL]);
const UPDATE_PRA: [Param; 12] = common::concat(&[&UPDATE_HEAD, &[PRA_APPS], &UPDATE_TAIL]);

pub static TOOLS: &[ToolDeclaration] = &[
    // The reference sends one request with only `pagesize`; the endpoint pages like every
    // ZPA list, so all pages are gathered here (complete-or-explicit rows).
    ZPA_APP_SEGMENTS
        .list(
            "get_zpa_app_segments_by_type",
            "List apps by type",
            "Apps of one type across segments (appId is the segment id); all pages.",
        )
        .routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/getAppsByType",
        )
        .query(&[
            ("applicationType", "{application_type}"),
            ("expandAll", "{expand_all}"),
            ("search", "name+EQ+{search}"),
            ("microtenantId", "{microtenant_id}"),
            ("pagesize", "{page_size}"),
        ])
        .paged()])
        .params(&[
            Param::string("application_type", "App kind.")
                .required()
                .one_of(&["BROWSER_ACCESS", "INSPECT", "SECURE_REMOTE_ACCESS"]),
            Param::boolean("expand_all", "Full app details.").default(Lit::Bool(false)),
            common::SEARCH,
            common::MICROTENANT_ID,
            common::PAGE_SIZE,
        ]),
    ZPA_APP_SEGMENTS
        .create(
            "zpa_create_application_segment",
            "Create application segment",
            "For the given domains; needs a TCP or UDP port range.",
        )
        .routes(&[Route::post(COLLECTION).query(common::MICROTENANT)])
        .params(&CREATE),
    ZPA_APP_SEGMENTS
        .create(
            "zpa_create_application_segment_ba",
            "Create browser-access segment",
            "With browser-access apps (clientless_app_ids); needs domains and a port range.",
        )
        .routes(&[Route::post(COLLECTION).query(common::MICROTENANT)])
        .params(&CREATE_BA),
    ZPA_APP_SEGMENTS
        .create(
            "zpa_create_application_segment_pra",
            "Create PRA segment",
            "With PRA apps (common_apps_dto); needs domains and a port range.",
        )
        .routes(&[Route::post(COLLECTION).query(common::MICROTENANT)])
        .params(&CREATE_PRA),
    ZPA_APP_SEGMENTS
        .delete(
            "zpa_delete_application_segment",
            "Delete application segment",
            "Also deletes the apps defined inside it.",
        )
        .routes(&[Route::delete(ITEM).query(common::MICROTENANT)])
        .params(&[SEGMENT_ID, common::MICROTENANT_ID]),
    ZPA_APP_SEGMENTS
        .delete(
            "zpa_delete_application_segment_ba",
            "Delete browser-access segment",
            "Also deletes its browser-access apps.",
        )
        .routes(&[Route::delete(ITEM).query(common::MICROTENANT)])
        .params(&[SEGMENT_ID, common::MICROTENANT_ID]),
    ZPA_APP_SEGMENTS
        .delete(
            "zpa_delete_application_segment_pra",
            "Delete PRA segment",
            "Also deletes its PRA apps.",
        )
        .routes(&[Route::delete(ITEM).query(common::MICROTENANT)])
        .params(&[SEGMENT_ID, common::MICROTENANT_ID]),
    ZPA_APP_SEGMENTS
        .get(
            "zpa_get_application_segment",
            "Get application segment",
            "One segment: domains, ports, server groups, segment group.",
        )
        .routes(&[Route::get(ITEM).query(common::MICROTENANT)])
        .params(&[SEGMENT_ID, common::MICROTENANT_ID]),
    ZPA_APP_SEGMENTS
        .get(
            "zpa_get_application_segment_ba",
            "Get browser-access segment",
            "One segment; browser-access apps under clientlessApps.",
        )
        .routes(&[Route::get(ITEM).query(common::MICROTENANT)])
        .params(&[SEGMENT_ID, common::MICROTENANT_ID]),
    ZPA_APP_SEGMENTS
        .get(
            "zpa_get_application_segment_pra",
            "Get PRA segment",
            "One segment; PRA apps under praApps.",
        )
        .routes(&[Route::get(ITEM).query(common::MICROTENANT)])
        .params(&[SEGMENT_ID, common::MICROTENANT_ID]),
    ZPA_APP_SEGMENTS
        .list(
            "zpa_list_application_segments",
            "List application segments",
            "Segments of every kind; all pages unless page given.",
        )
        .routes(&[common::list(COLLECTION)])
        .params(common::LIST_PARAMS),
    ZPA_APP_SEGMENTS
        .list(
            "zpa_list_application_segments_ba",
            "List segments (browser access)",
            "All segment kinds, browser-access apps under clientlessApps; all pages unless page \
             given.",
        )
        .routes(&[common::list(COLLECTION)])
        .params(common::LIST_PARAMS),
    ZPA_APP_SEGMENTS
        .list(
            "zpa_list_application_segments_pra",
            "List segments (PRA)",
            "All segment kinds, PRA apps under praApps; all pages unless page given.",
        )
        .routes(&[common::list(COLLECTION)])
        .params(common::LIST_PARAMS),
    // NOTE(model): the reference also sends `tcpPortRange: []` and `udpPortRange: []` (the
    // object form of the ports, cleared); a fixed field cannot be an empty list. With the merge,
    // the current record's object form goes back beside new string-form ports (an API that
    // prefers the object form would keep the old ports); `advanced` can send them empty.
    ZPA_APP_SEGMENTS
        .update(
            "zpa_update_application_segment",
            "Update application segment",
            UPDATE_DESCRIPTION,
        )
        .routes(&[Route::put(ITEM).query(common::MICROTENANT).merge_current()])
        .params(&UPDATE),
    // NOTE(model): as zpa_update_application_segment, `tcpPortRange: []`/`udpPortRange: []` are
    // not sent.
    ZPA_APP_SEGMENTS
        .update(
            "zpa_update_application_segment_ba",
            "Update browser-access segment",
            "Change settings and apps; omitted fields are kept.",
        )
        .routes(&[Route::put(ITEM).query(common::MICROTENANT).merge_current()])
        .params(&UPDATE_BA),
    // NOTE(model): as zpa_update_application_segment, `tcpPortRange: []`/`udpPortRange: []` are
    // not sent.
    ZPA_APP_SEGMENTS
        .update(
            "zpa_update_application_segment_pra",
            "Update PRA segment",
            "Change settings and apps; omitted fields are kept.",
        )
        .routes(&[Route::put(ITEM).query(common::MICROTENANT).merge_current()])
        .params(&UPDATE_PRA),
];
