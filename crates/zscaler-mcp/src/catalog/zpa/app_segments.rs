//! ZPA application segments (plain, browser access, privileged remote access) and the apps inside them by type.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, ToolDeclaration};

const COLLECTION: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application";
const ITEM: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}";

const MICROTENANT: &str = "Microtenant scope.";
const SEGMENT_ID: &str = "Segment id (zpa_list_application_segments).";
const SEARCH: &str = "Exact name or name+CONTAINS+x.";
const PAGE: &str = "Page; omit for all.";
const PAGE_SIZE: &str = "Page size.";
const SEGMENT_GROUP: &str = "Segment group id (zpa_list_segment_groups).";
const DOMAINS: &str = "Domains, wildcards or IPs.";
const SERVER_GROUPS: &str = "Server group ids (zpa_list_server_groups).";
const TCP: &str = "From/to pairs, e.g. [\"443\",\"443\"].";
const UDP: &str = "From/to pairs, e.g. [\"53\",\"53\"].";
const ENABLED: &str = "Enable the segment.";
const ADVANCED: &str = "Extra camelCase fields.";
const CLIENTLESS: &str =
    "Apps {name, domain, applicationPort, applicationProtocol, certificateId}.";
const PRA_APPS: &str = "{\"appsConfig\": [{name, domain, applicationProtocol, applicationPort}]}.";
const UPDATE_DESCRIPTION: &str = "Change settings; omitted fields are kept.";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "get_zpa_app_segments_by_type",
        "List apps by type",
        "Apps of one type across segments (appId is the segment id); all pages.",
        // The reference sends one request with only `pagesize`; the endpoint pages like every
        // ZPA list, so all pages are gathered here (complete-or-explicit rows).
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/getAppsByType",
        )
        .query(&[
            ("applicationType", "{application_type}"),
            ("expandAll", "{expand_all}"),
            ("search", "name+EQ+{search}"),
            ("microtenantId", "{microtenant_id}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("application_type", "App kind.")
            .required()
            .one_of(&["BROWSER_ACCESS", "INSPECT", "SECURE_REMOTE_ACCESS"]),
        Param::boolean("expand_all", "Full app details.").default(Lit::Bool(false)),
        Param::string("search", "Exact name or name+CONTAINS+x."),
        Param::string("microtenant_id", MICROTENANT),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Create,
        "zpa_create_application_segment",
        "Create application segment",
        "For the given domains; needs a TCP or UDP port range.",
        Handler::Routes(&[Route::post(COLLECTION).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP)
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", ENABLED)
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Create,
        "zpa_create_application_segment_ba",
        "Create browser-access segment",
        "With browser-access apps (clientless_app_ids); needs domains and a port range.",
        Handler::Routes(&[Route::post(COLLECTION).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP)
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::objects("clientless_app_ids", CLIENTLESS).body("clientlessAppIds"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", ENABLED)
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Create,
        "zpa_create_application_segment_pra",
        "Create PRA segment",
        "With PRA apps (common_apps_dto); needs domains and a port range.",
        Handler::Routes(&[Route::post(COLLECTION).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP)
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::object("common_apps_dto", PRA_APPS).body("commonAppsDto"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", ENABLED)
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Delete,
        "zpa_delete_application_segment",
        "Delete application segment",
        "Also deletes the apps defined inside it.",
        Handler::Routes(&[Route::delete(ITEM).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Delete,
        "zpa_delete_application_segment_ba",
        "Delete browser-access segment",
        "Also deletes its browser-access apps.",
        Handler::Routes(&[Route::delete(ITEM).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Delete,
        "zpa_delete_application_segment_pra",
        "Delete PRA segment",
        "Also deletes its PRA apps.",
        Handler::Routes(&[Route::delete(ITEM).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_get_application_segment",
        "Get application segment",
        "One segment: domains, ports, server groups, segment group.",
        Handler::Routes(&[Route::get(ITEM).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_get_application_segment_ba",
        "Get browser-access segment",
        "One segment; browser-access apps under clientlessApps.",
        Handler::Routes(&[Route::get(ITEM).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_get_application_segment_pra",
        "Get PRA segment",
        "One segment; PRA apps under praApps.",
        Handler::Routes(&[Route::get(ITEM).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_list_application_segments",
        "List application segments",
        "Segments of every kind; all pages unless page given.",
        Handler::Routes(&[Route::get(COLLECTION)
            .query(&[
                ("microtenantId", "{microtenant_id}"),
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::string("microtenant_id", MICROTENANT),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_list_application_segments_ba",
        "List segments (browser access)",
        "All segment kinds, browser-access apps under clientlessApps; all pages unless page given.",
        Handler::Routes(&[Route::get(COLLECTION)
            .query(&[
                ("microtenantId", "{microtenant_id}"),
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::string("microtenant_id", MICROTENANT),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_list_application_segments_pra",
        "List segments (PRA)",
        "All segment kinds, PRA apps under praApps; all pages unless page given.",
        Handler::Routes(&[Route::get(COLLECTION)
            .query(&[
                ("microtenantId", "{microtenant_id}"),
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::string("microtenant_id", MICROTENANT),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
    ])
    .list(),
    // NOTE(model): the reference also sends `tcpPortRange: []` and `udpPortRange: []` (the
    // object form of the ports, cleared); a fixed field cannot be an empty list. With the merge,
    // the current record's object form goes back beside new string-form ports (an API that
    // prefers the object form would keep the old ports); `advanced` can send them empty.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Update,
        "zpa_update_application_segment",
        "Update application segment",
        UPDATE_DESCRIPTION,
        Handler::Routes(&[Route::put(ITEM)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP).body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", ENABLED).body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    // NOTE(model): as zpa_update_application_segment, `tcpPortRange: []`/`udpPortRange: []` are
    // not sent.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Update,
        "zpa_update_application_segment_ba",
        "Update browser-access segment",
        "Change settings and apps; omitted fields are kept.",
        Handler::Routes(&[Route::put(ITEM)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP).body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::objects("clientless_app_ids", CLIENTLESS).body("clientlessAppIds"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", ENABLED).body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
    // NOTE(model): as zpa_update_application_segment, `tcpPortRange: []`/`udpPortRange: []` are
    // not sent.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Update,
        "zpa_update_application_segment_pra",
        "Update PRA segment",
        "Change settings and apps; omitted fields are kept.",
        Handler::Routes(&[Route::put(ITEM)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP).body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::object("common_apps_dto", PRA_APPS).body("commonAppsDto"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", ENABLED).body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
];
