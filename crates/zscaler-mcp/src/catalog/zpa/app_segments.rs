//! TODO module doc: the `zpa_app_segments` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "get_zpa_app_segments_by_type",
        "app segments by type",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/getAppsByType",
        )
        .query(&[
            ("applicationType", "{application_type}"),
            ("expandAll", "false"),
            ("search", "name+EQ+{search}"),
            ("microtenantId", "{microtenant_id}"),
            ("pagesize", "{page_size}"),
        ])
        .list()]),
    )
    .params(&[
        Param::string("application_type", "TODO")
            .required()
            .one_of(&["BROWSER_ACCESS", "INSPECT", "SECURE_REMOTE_ACCESS"]),
        Param::boolean("expand_all", "TODO").default(Lit::Bool(false)),
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Create,
        "zpa_create_application_segment",
        "ZPA create application segment",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("segment_group_id", "TODO")
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", "TODO").body("domainNames"),
        Param::strings("server_group_ids", "TODO").ids("serverGroups"),
        Param::strings("tcp_port_ranges", "TODO").body("tcpPortRanges"),
        Param::strings("udp_port_ranges", "TODO").body("udpPortRanges"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Create,
        "zpa_create_application_segment_ba",
        "ZPA create application segment BA",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("segment_group_id", "TODO")
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", "TODO").body("domainNames"),
        Param::strings("server_group_ids", "TODO").ids("serverGroups"),
        Param::strings("tcp_port_ranges", "TODO").body("tcpPortRanges"),
        Param::strings("udp_port_ranges", "TODO").body("udpPortRanges"),
        Param::objects("clientless_app_ids", "TODO").body("clientlessAppIds"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Create,
        "zpa_create_application_segment_pra",
        "ZPA create application segment PRA",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("segment_group_id", "TODO")
            .required()
            .body("segmentGroupId"),
        Param::strings("domain_names", "TODO").body("domainNames"),
        Param::strings("server_group_ids", "TODO").ids("serverGroups"),
        Param::strings("tcp_port_ranges", "TODO").body("tcpPortRanges"),
        Param::strings("udp_port_ranges", "TODO").body("udpPortRanges"),
        Param::object("common_apps_dto", "TODO").body("commonAppsDto"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Delete,
        "zpa_delete_application_segment",
        "ZPA delete application segment",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Delete,
        "zpa_delete_application_segment_ba",
        "ZPA delete application segment BA",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Delete,
        "zpa_delete_application_segment_pra",
        "ZPA delete application segment PRA",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_get_application_segment",
        "ZPA get application segment",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_get_application_segment_ba",
        "ZPA get application segment BA",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_get_application_segment_pra",
        "ZPA get application segment PRA",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_list_application_segments",
        "ZPA list application segments",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application",
        )
        .query(&[
            ("microtenantId", "{microtenant_id}"),
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_list_application_segments_ba",
        "ZPA list application segments BA",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application",
        )
        .query(&[
            ("microtenantId", "{microtenant_id}"),
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Read,
        "zpa_list_application_segments_pra",
        "ZPA list application segments PRA",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application",
        )
        .query(&[
            ("microtenantId", "{microtenant_id}"),
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Update,
        "zpa_update_application_segment",
        "ZPA update application segment",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("segment_group_id", "TODO").body("segmentGroupId"),
        Param::strings("domain_names", "TODO").body("domainNames"),
        Param::strings("server_group_ids", "TODO").ids("serverGroups"),
        Param::strings("tcp_port_ranges", "TODO").body("tcpPortRanges"),
        Param::strings("udp_port_ranges", "TODO").body("udpPortRanges"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Update,
        "zpa_update_application_segment_ba",
        "ZPA update application segment BA",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("segment_group_id", "TODO").body("segmentGroupId"),
        Param::strings("domain_names", "TODO").body("domainNames"),
        Param::strings("server_group_ids", "TODO").ids("serverGroups"),
        Param::strings("tcp_port_ranges", "TODO").body("tcpPortRanges"),
        Param::strings("udp_port_ranges", "TODO").body("udpPortRanges"),
        Param::objects("clientless_app_ids", "TODO").body("clientlessAppIds"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_app_segments",
        Action::Update,
        "zpa_update_application_segment_pra",
        "ZPA update application segment PRA",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{segment_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("segment_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("segment_group_id", "TODO").body("segmentGroupId"),
        Param::strings("domain_names", "TODO").body("domainNames"),
        Param::strings("server_group_ids", "TODO").ids("serverGroups"),
        Param::strings("tcp_port_ranges", "TODO").body("tcpPortRanges"),
        Param::strings("udp_port_ranges", "TODO").body("udpPortRanges"),
        Param::object("common_apps_dto", "TODO").body("commonAppsDto"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
        Param::object("advanced", "TODO").to(Body::Merge),
    ]),
];
