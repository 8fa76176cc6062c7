//! ZPA reference data: posture, trusted network, isolation and app protection profiles, and LSS.

use super::common;
use crate::catalog::toolsets::ZPA_MISC;
use crate::catalog::{Filter, Param, Route, Special, ToolDeclaration, When};

const EXACT_NAME: Param = Param::string("name", "Exact name.");
/// The query of the lists filtered by [`EXACT_NAME`].
const NAME_QUERY: &[(&str, &str)] = &[
    ("search", "name+EQ+{name}"),
    ("page", "{page}"),
    ("pagesize", "{page_size}"),
];

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_MISC
        .list(
            "get_zpa_app_protection_profile",
            "List app protection profiles",
            "Inspection profiles with controls; all pages unless page given.",
        )
        .routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/inspectionProfile")
                .query(NAME_QUERY)
                .paged(),
        ])
        .params(&[EXACT_NAME, common::PAGE, common::PAGE_SIZE]),
    ZPA_MISC
        .list(
            "get_zpa_isolation_profile",
            "List isolation profiles",
            "Isolation profiles (UUID ids).",
        )
        .routes(&[
            Route::get("/zpa/cbiconfig/cbi/api/customers/{customerId}/profiles")
                .list()
                .filters(&[Filter::equals("name", &["name"])]),
        ])
        .params(&[Param::string("name", "Exact name.")]),
    ZPA_MISC
        .list(
            "get_zpa_posture_profile",
            "List posture profiles",
            "profile_id returns one; all pages unless page given.",
        )
        .routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/posture/{profile_id}")
                .when(When::Has("profile_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/posture")
                .query(NAME_QUERY)
                .paged(),
        ])
        .params(&[
            Param::string("profile_id", "Profile id."),
            EXACT_NAME,
            common::PAGE,
            common::PAGE_SIZE,
        ]),
    ZPA_MISC
        .list(
            "get_zpa_trusted_network",
            "List trusted networks",
            "network_id returns one; all pages unless page given.",
        )
        .routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/network/{network_id}")
                .when(When::Has("network_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/network")
                .query(NAME_QUERY)
                .paged(),
        ])
        .params(&[
            Param::string("network_id", "Network id."),
            EXACT_NAME,
            common::PAGE,
            common::PAGE_SIZE,
        ]),
    ZPA_MISC
        .get(
            "zpa_get_lss_config",
            "Get LSS config",
            "One log receiver: log type, format, host, port, connector groups, filters.",
        )
        .routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/{lss_config_id}",
        )])
        .params(&[
            Param::string("lss_config_id", "LSS config id (zpa_list_lss_configs).").required(),
        ]),
    // NOTE(model): the reference takes a human-readable name (user_activity, audit_logs, ...)
    // and maps it to the API code with the SDK's table; the model has no value mapping, so
    // `log_type` is the API code itself (zpn_trans_log, zpn_audit_log, ...).
    ZPA_MISC
        .get(
            "zpa_get_lss_log_format",
            "Get LSS log format",
            "CSV, TSV and JSON templates of one log type.",
        )
        .routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/logType/formats",
        )
        .query(&[("logType", "{log_type}")])])
        .params(&[
            Param::string("log_type", "Log type code (zpa_list_lss_log_types).")
                .required()
                .one_of(&[
                    "zpn_trans_log",
                    "zpn_auth_log",
                    "zpn_ast_auth_log",
                    "zpn_ast_comprehensive_stats",
                    "zpn_http_trans_log",
                    "zpn_audit_log",
                    "zpn_sys_auth_log",
                    "zpn_pbroker_comprehensive_stats",
                    "zpn_waf_http_exchanges_log",
                ]),
        ]),
    // NOTE(model): the reference reverses the answer (display name in snake_case -> code);
    // the model returns the API's map (code -> display name) as is.
    ZPA_MISC
        .get(
            "zpa_list_lss_client_types",
            "List LSS client types",
            "Client type codes (zpn_client_type_*) with display names, for LSS conditions.",
        )
        .routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/lssConfig/customers/{customerId}/clientTypes",
        )]),
    ZPA_MISC
        .list(
            "zpa_list_lss_configs",
            "List LSS configs",
            "Log receivers (name under config.name); all pages unless page given.",
        )
        .routes(&[
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig")
                .query(common::SEARCH_QUERY)
                .paged(),
        ])
        .params(&[common::SEARCH, common::PAGE, common::PAGE_SIZE]),
    ZPA_MISC
        .get(
            "zpa_list_lss_log_types",
            "List LSS log types",
            "Log type codes, names and descriptions; answered locally.",
        )
        .special(Special::ZpaLssLogTypes),
    ZPA_MISC
        .get(
            "zpa_list_lss_status_codes",
            "List LSS status codes",
            "Session status codes for LSS filters, all log types.",
        )
        .routes(&[Route::get("/zpa/mgmtconfig/v2/admin/lssConfig/statusCodes")])
        .params(&[Param::string("log_type", "Ignored; all types returned.")]),
];
