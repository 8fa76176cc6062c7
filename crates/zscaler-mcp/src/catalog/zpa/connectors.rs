//! TODO module doc: the `zpa_connectors` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: param connector_ids: no body field matched (fields: ['ids'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Delete,
        "zpa_bulk_delete_app_connectors",
        "ZPA bulk delete app connectors",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/bulkDelete",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::strings("connector_ids", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Delete,
        "zpa_delete_app_connector",
        "ZPA delete app connector",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Read,
        "zpa_get_app_connector",
        "ZPA get app connector",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_connectors",
        Action::Read,
        "zpa_list_app_connectors",
        "ZPA list app connectors",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector")
                .query(&[
                    ("microtenantId", "{microtenant_id}"),
                    ("search", "name+EQ+{search}"),
                    ("page", "{page}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
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
        "zpa_connectors",
        Action::Update,
        "zpa_update_app_connector",
        "ZPA update app connector",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/connector/{connector_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("connector_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
