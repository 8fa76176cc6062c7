//! ZPA reference data: posture, trusted network, isolation and app protection profiles, and LSS.

use super::common;
use crate::catalog::{Action, Filter, Handler, Param, Route, Special, ToolDeclaration, When};
use crate::service::Service;

const EXACT_NAME: Param = Param::string("name", "Exact name.");
/// The query of the lists filtered by [`EXACT_NAME`].
const NAME_QUERY: &[(&str, &str)] = &[
    ("search", "name+EQ+{name}"),
    ("page", "{page}"),
    ("pagesize", "{page_size}"),
];

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_app_protection_profile",
        "List app protection profiles",
        "Inspection profiles with controls; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/inspectionProfile",
        )
        .query(NAME_QUERY)
        .zpa_pages()]),
    )
    .params(&[EXACT_NAME, common::PAGE, common::PAGE_SIZE])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_isolation_profile",
        "List isolation profiles",
        "Isolation profiles (UUID ids).",
        Handler::Routes(&[
            Route::get("/zpa/cbiconfig/cbi/api/customers/{customerId}/profiles")
                .list()
                .filters(&[Filter::equals("name", &["name"])]),
        ]),
    )
    .params(&[Param::string("name", "Exact name.")])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_posture_profile",
        "List posture profiles",
        "profile_id returns one; all pages unless page given.",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/posture/{profile_id}")
                .when(When::Has("profile_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/posture")
                .query(NAME_QUERY)
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("profile_id", "Profile id."),
        EXACT_NAME,
        common::PAGE,
        common::PAGE_SIZE,
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "get_zpa_trusted_network",
        "List trusted networks",
        "network_id returns one; all pages unless page given.",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/network/{network_id}")
                .when(When::Has("network_id")),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/network")
                .query(NAME_QUERY)
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("network_id", "Network id."),
        EXACT_NAME,
        common::PAGE,
        common::PAGE_SIZE,
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_get_lss_config",
        "Get LSS config",
        "One log receiver: log type, format, host, port, connector groups, filters.",
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
        "CSV, TSV and JSON templates of one log type.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig/logType/formats",
        )
        .query(&[("logType", "{log_type}")])]),
    )
    .params(&[Param::string(
        "log_type",
        "Code, e.g. zpn_trans_log (zpa_list_lss_log_types).",
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
        "Client type codes (zpn_client_type_*) with display names, for LSS conditions.",
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
        "Log receivers (name under config.name); all pages unless page given.",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/lssConfig")
                .query(common::SEARCH_QUERY)
                .zpa_pages(),
        ]),
    )
    .params(&[common::SEARCH, common::PAGE, common::PAGE_SIZE])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_log_types",
        "List LSS log types",
        "Log type codes, names and descriptions; answered locally.",
        Handler::Special(Special::ZpaLssLogTypes, &[]),
    ),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_misc",
        Action::Read,
        "zpa_list_lss_status_codes",
        "List LSS status codes",
        "Session status codes for LSS filters, all log types.",
        Handler::Routes(&[Route::get("/zpa/mgmtconfig/v2/admin/lssConfig/statusCodes")]),
    )
    .params(&[Param::string("log_type", "Ignored; all types returned.")]),
];
