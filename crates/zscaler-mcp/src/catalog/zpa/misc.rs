//! ZPA reference data: posture, trusted network, isolation and app protection profiles, and LSS.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, Special, ToolDeclaration, When};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_app_protection_profile",
        "List app protection profiles",
        "List AppProtection (inspection) profiles with their controls; all pages are gathered unless page is given.",
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
        Param::string("name", "Exact profile name."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    // NOTE(model): the reference filters by `name` client-side (exact match) after one GET of
    // all profiles; the model has no client-side filter, so `name` is accepted but not applied
    // (the `query` argument does the same job).
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_isolation_profile",
        "List isolation profiles",
        "List cloud browser isolation profiles (UUID ids); name is not filtered by the API, so filter with query.",
        Handler::Routes(&[
            Route::get("/zpa/cbiconfig/cbi/api/customers/{customerId}/profiles").list(),
        ]),
    )
    .params(&[Param::string(
        "name",
        "Not applied; use query, e.g. [?name=='BYOD'].",
    )])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_posture_profile",
        "List posture profiles",
        "List device posture profiles, or return one when profile_id is given; all pages are gathered unless page is given.",
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
        Param::string("profile_id", "Posture profile id; returns only that profile."),
        Param::string("name", "Exact profile name."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_trusted_network",
        "List trusted networks",
        "List trusted networks, or return one when network_id is given; all pages are gathered unless page is given.",
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
        Param::string("network_id", "Trusted network id; returns only that network."),
        Param::string("name", "Exact network name."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_get_lss_config",
        "Get LSS config",
        "Return one LSS log receiver configuration: log type, format, host, port, connector groups and filters.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/{lss_config_id}",
        )]),
    )
    .params(&[Param::string("lss_config_id", "LSS config id (zpa_list_lss_configs).").required()]),
    // NOTE(model): the reference takes a human-readable name (user_activity, audit_logs, ...)
    // and maps it to the API code with the SDK's table; the model has no value mapping, so
    // `log_type` is the API code itself (zpn_trans_log, zpn_audit_log, ...).
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_get_lss_log_format",
        "Get LSS log format",
        "Return the csv, tsv and json format templates LSS uses for one log type.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/logType/formats",
        )
        .query(&[("logType", "{log_type}")])]),
    )
    .params(&[Param::string(
        "log_type",
        "Log type code, e.g. zpn_trans_log (zpa_list_lss_log_types).",
    )
    .required()]),
    // NOTE(model): the reference reverses the answer (display name in snake_case -> code);
    // the model returns the API's map (code -> display name) as is.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_client_types",
        "List LSS client types",
        "Return the LSS client type codes (zpn_client_type_*) with their display names, for LSS policy conditions.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/lssConfig/customers/{customerId}/clientTypes",
        )]),
    ),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_configs",
        "List LSS configs",
        "List LSS log receiver configurations (name under config.name); all pages are gathered unless page is given.",
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
        Param::string(
            "search",
            "Exact name, or an expression like name+CONTAINS+splunk.",
        ),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_log_types",
        "List LSS log types",
        "Return the LSS log types (name, code and description) that LSS configurations and \
         zpa_get_lss_log_format take; answered locally, no API call.",
        Handler::Special(Special::ZpaLssLogTypes, &[]),
    ),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_status_codes",
        "List LSS status codes",
        "Return the LSS session status codes usable in LSS config filters, for all log types.",
        Handler::Routes(&[Route::get("/zpa/mgmtconfig/v2/admin/lssConfig/statusCodes")]),
    )
    .params(&[Param::string(
        "log_type",
        "Not applied; codes of every log type are returned.",
    )]),
];
