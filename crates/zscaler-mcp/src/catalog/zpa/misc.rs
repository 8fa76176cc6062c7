//! TODO module doc: the `zpa_misc` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_app_protection_profile",
        "app protection profile",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/inspectionProfile",
        )
        .query(&[
            ("search", "name+EQ+{name}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("name", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_isolation_profile",
        "isolation profile",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/cbiconfig/cbi/api/customers/{customerId}/profiles").list(),
        ]),
    )
    .params(&[Param::string("name", "TODO")])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_posture_profile",
        "posture profile",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/posture/{profile_id}")
                .when(When::Has("profile_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/posture")
                .query(&[
                    ("search", "name+EQ+{name}"),
                    ("page", "{page}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("profile_id", "TODO"),
        Param::string("name", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_trusted_network",
        "trusted network",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/network/{network_id}")
                .when(When::Has("network_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/network")
                .query(&[
                    ("search", "name+EQ+{name}"),
                    ("page", "{page}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("network_id", "TODO"),
        Param::string("name", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_get_lss_config",
        "ZPA get LSS config",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/{lss_config_id}",
        )]),
    )
    .params(&[Param::string("lss_config_id", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_get_lss_log_format",
        "ZPA get LSS log format",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/logType/formats",
        )
        .query(&[("logType", "zpn_ast_comprehensive_stats")])]),
    )
    .params(&[Param::string("log_type", "TODO").required()]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_client_types",
        "ZPA list LSS client types",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/lssConfig/customers/{customerId}/clientTypes",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_configs",
        "ZPA list LSS configs",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig")
                .query(&[
                    ("search", "name+EQ+{search}"),
                    ("page", "{page}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_log_types",
        "ZPA list LSS log types",
        "TODO",
        Handler::Routes(&[]),
    ),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_status_codes",
        "ZPA list LSS status codes",
        "TODO",
        Handler::Routes(&[Route::get("/zpa/mgmtconfig/v2/admin/lssConfig/statusCodes")]),
    )
    .params(&[Param::string("log_type", "TODO")]),
];
