//! ZPA application segments (plain, browser access, privileged remote access) and the apps inside them by type.

use crate::catalog::services::Service;
use crate::catalog::{Action, Body, Handler, Lit, Param, Route, ToolDeclaration};

const COLLECTION: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application";
const ITEM: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}";

const MICROTENANT: &str = "Microtenant scope; omit for the default.";
const SEGMENT_ID: &str = "Application segment id (zpa_list_application_segments).";
const SEARCH: &str = "Exact segment name, or a ZPA search expression.";
const PAGE: &str = "Fetch only this page; omit to gather all.";
const PAGE_SIZE: &str = "Rows per request.";
const SEGMENT_GROUP: &str = "Segment group id (zpa_list_segment_groups).";
const DOMAINS: &str = "Domains, wildcards or IPs the segment covers.";
const SERVER_GROUPS: &str = "Server group ids (zpa_list_server_groups).";
const TCP: &str = "TCP ports as from/to pairs, e.g. [\"443\",\"443\"].";
const UDP: &str = "UDP ports as from/to pairs, e.g. [\"53\",\"53\"].";
const ENABLED: &str = "Whether the segment is active.";
const ADVANCED: &str = "Other API fields (camelCase) merged into the body.";
const CLIENTLESS: &str =
    "Browser-access apps: name, domain, applicationPort, applicationProtocol, certificateId.";
const PRA_APPS: &str =
    "PRA apps: {\"appsConfig\": [{name, domain, applicationProtocol, applicationPort}]}.";
const UPDATE_DESCRIPTION: &str =
    "Change an application segment's settings; fields not given keep their current values.";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "get_zpa_app_segments_by_type",
        "List apps by type",
        "List apps of one type (browser access, PRA, inspection) across application segments; \
         appId is the segment's id, all pages are gathered.",
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
        Param::string("application_type", "Kind of app to list.")
            .required()
            .one_of(&["BROWSER_ACCESS", "INSPECT", "SECURE_REMOTE_ACCESS"]),
        Param::boolean("expand_all", "Return each app's full details.").default(Lit::Bool(false)),
        Param::string("search", "Exact app name, or a ZPA search expression."),
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
        "Create an application segment for the given domains; at least one TCP or UDP port range \
         is required.",
        Handler::Routes(&[Route::post(COLLECTION).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Segment name.")
            .required()
            .body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP)
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::string("description", "Segment description.").body("description"),
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
        "Create an application segment with browser-access apps (clientless_app_ids); domains and \
         at least one port range are required.",
        Handler::Routes(&[Route::post(COLLECTION).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Segment name.")
            .required()
            .body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP)
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::objects("clientless_app_ids", CLIENTLESS).body("clientlessAppIds"),
        Param::string("description", "Segment description.").body("description"),
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
        "Create an application segment with privileged remote access apps (common_apps_dto); \
         domains and at least one port range are required.",
        Handler::Routes(&[Route::post(COLLECTION).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Segment name.")
            .required()
            .body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP)
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::object("common_apps_dto", PRA_APPS).body("commonAppsDto"),
        Param::string("description", "Segment description.").body("description"),
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
        "Delete an application segment by id, together with the apps defined inside it.",
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
        "Delete a browser-access application segment by id, together with its browser-access apps.",
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
        "Delete a privileged remote access application segment by id, together with its PRA apps.",
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
        "Get one application segment by id, with its domains, ports, server groups and segment \
         group.",
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
        "Get one application segment by id; its browser-access apps are under clientlessApps.",
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
        "Get one application segment by id; its privileged remote access apps are under praApps.",
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
        "List application segments of every kind; all pages are gathered unless page is given.",
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
        "List application segments of every kind, browser-access apps under clientlessApps; all \
         pages are gathered unless page is given.",
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
        "List application segments of every kind, privileged remote access apps under praApps; all \
         pages are gathered unless page is given.",
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
        Param::string("name", "Segment name.").body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP).body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::string("description", "Segment description.").body("description"),
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
        "Change a browser-access segment's settings and apps; fields not given keep their current \
         values.",
        Handler::Routes(&[Route::put(ITEM)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("name", "Segment name.").body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP).body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::objects("clientless_app_ids", CLIENTLESS).body("clientlessAppIds"),
        Param::string("description", "Segment description.").body("description"),
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
        "Change a PRA segment's settings and apps; fields not given keep their current values.",
        Handler::Routes(&[Route::put(ITEM)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("segment_id", SEGMENT_ID).required(),
        Param::string("name", "Segment name.").body("name"),
        Param::string("segment_group_id", SEGMENT_GROUP).body("segmentGroupId"),
        Param::strings("domain_names", DOMAINS).body("domainNames"),
        Param::strings("server_group_ids", SERVER_GROUPS).ids("serverGroups"),
        Param::strings("tcp_port_ranges", TCP).body("tcpPortRanges"),
        Param::strings("udp_port_ranges", UDP).body("udpPortRanges"),
        Param::object("common_apps_dto", PRA_APPS).body("commonAppsDto"),
        Param::string("description", "Segment description.").body("description"),
        Param::boolean("enabled", ENABLED).body("enabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
        Param::object("advanced", ADVANCED).to(Body::Merge),
    ]),
];
