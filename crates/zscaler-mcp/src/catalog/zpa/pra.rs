//! TODO module doc: the `zpa_pra` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: param username: no body field matched (fields: ['credentialType', 'description', 'microtenantId', 'name', 'password', 'userDomain', 'userName'])
    // CHECK: param private_key: no body field matched (fields: ['credentialType', 'description', 'microtenantId', 'name', 'password', 'userDomain', 'userName'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Create,
        "zpa_create_pra_credential",
        "ZPA create PRA credential",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("credential_type", "TODO")
            .required()
            .one_of(&["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"])
            .body("credentialType"),
        Param::string("username", "TODO"),
        Param::string("password", "TODO").body("password"),
        Param::string("private_key", "TODO"),
        Param::string("description", "TODO").body("description"),
        Param::string("user_domain", "TODO").body("userDomain"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    // CHECK: pre-lookup GET /zpa/mgmtconfig/v2/admin/customers/{customerId}/clientlessCertificate/issued -> POST /zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal (body lookup?)
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Create,
        "zpa_create_pra_portal",
        "ZPA create PRA portal",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("domain", "TODO").required().body("domain"),
        Param::string("certificate_id", "TODO").body("certificateId"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("user_notification", "TODO").body("userNotification"),
        Param::boolean("user_notification_enabled", "TODO").body("userNotificationEnabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Delete,
        "zpa_delete_pra_credential",
        "ZPA delete PRA credential",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential/{credential_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("credential_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Delete,
        "zpa_delete_pra_portal",
        "ZPA delete PRA portal",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal/{portal_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("portal_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_get_pra_credential",
        "ZPA get PRA credential",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential/{credential_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("credential_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_get_pra_portal",
        "ZPA get PRA portal",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal/{portal_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("portal_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_list_pra_credentials",
        "ZPA list PRA credentials",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential",
        )
        .query(&[
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("microtenantId", "{microtenant_id}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_list_pra_portals",
        "ZPA list PRA portals",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal")
                .query(&[
                    ("search", "name+EQ+{search}"),
                    ("page", "{page}"),
                    ("microtenantId", "{microtenant_id}"),
                    ("pagesize", "{page_size}"),
                ])
                .zpa_pages(),
        ]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
    // CHECK: param username: no body field matched (fields: ['credentialType', 'description', 'microtenantId', 'name', 'password', 'userDomain', 'userName'])
    // CHECK: param private_key: no body field matched (fields: ['credentialType', 'description', 'microtenantId', 'name', 'password', 'userDomain', 'userName'])
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Update,
        "zpa_update_pra_credential",
        "ZPA update PRA credential",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential/{credential_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])
        .merge_current()]),
    )
    .params(&[
        Param::string("credential_id", "TODO").required(),
        Param::string("credential_type", "TODO")
            .required()
            .one_of(&["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"])
            .body("credentialType"),
        Param::string("name", "TODO").body("name"),
        Param::string("username", "TODO"),
        Param::string("password", "TODO").body("password"),
        Param::string("private_key", "TODO"),
        Param::string("description", "TODO").body("description"),
        Param::string("user_domain", "TODO").body("userDomain"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Update,
        "zpa_update_pra_portal",
        "ZPA update PRA portal",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal/{portal_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("portal_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("domain", "TODO").body("domain"),
        Param::string("certificate_id", "TODO").body("certificateId"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("user_notification", "TODO").body("userNotification"),
        Param::boolean("user_notification_enabled", "TODO").body("userNotificationEnabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
