//! ZPA privileged remote access (PRA): stored credentials and user portals.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Lookup, Param, Route, Target, ToolDeclaration, When};

const CREDENTIALS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential";
const CREDENTIAL: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential/{credential_id}";
const PORTALS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal";
const PORTAL: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal/{portal_id}";

const MICROTENANT: &str = "Microtenant scope.";
const CREDENTIAL_ID: &str = "Credential id (zpa_list_pra_credentials).";
const PORTAL_ID: &str = "Portal id (zpa_list_pra_portals).";
const SEARCH: &str = "Exact name or name+CONTAINS+x.";
const PAGE: &str = "Page; omit for all.";
const PAGE_SIZE: &str = "Page size.";
const CREDENTIAL_TYPE: &str = "Secret kind.";
const USERNAME: &str = "Login name.";
const PASSWORD: &str = "Password; never returned.";
const PRIVATE_KEY: &str = "SSH private key (PEM); never returned.";
const USER_DOMAIN: &str = "Login domain, e.g. CORP.";
const CERTIFICATE: &str = "BA certificate id (zpa_list_ba_certificates).";
const NOTIFICATION: &str = "Message for portal users.";
const NOTIFICATION_ON: &str = "Show user_notification.";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Create,
        "zpa_create_pra_credential",
        "Create PRA credential",
        "USERNAME_PASSWORD needs username and password; SSH_KEY username and private_key; PASSWORD password.",
        Handler::Routes(
            &[Route::post(CREDENTIALS).query(&[("microtenantId", "{microtenant_id}")])],
        ),
    )
    .params(&[
        Param::string("name", "Name.")
            .required()
            .body("name"),
        Param::string("credential_type", CREDENTIAL_TYPE)
            .required()
            .one_of(&["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"])
            .body("credentialType"),
        Param::string("username", USERNAME).body("userName"),
        Param::string("password", PASSWORD).body("password"),
        Param::string("private_key", PRIVATE_KEY).body("privateKey"),
        Param::string("description", "Description.").body("description"),
        Param::string("user_domain", USER_DOMAIN).body("userDomain"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Create,
        "zpa_create_pra_portal",
        "Create PRA portal",
        "Without certificate_id, uses the issued BA certificate named like the portal.",
        Handler::Routes(&[Route::post(PORTALS)
            .query(&[("microtenantId", "{microtenant_id}")])
            .lookups(&[Lookup::row(
                "issued browser-access certificate",
                "/zpa/mgmtconfig/v2/admin/customers/{customerId}/clientlessCertificate/issued",
                &[("search", "name+EQ+{name}")],
                Some("name"),
                Target::Body("certificateId"),
            )
            .when(When::Lacks("certificate_id"))])]),
    )
    .params(&[
        Param::string("name", "Name; also certificate lookup name.")
            .required()
            .body("name"),
        Param::string("domain", "E.g. pra.corp.example.com.")
            .required()
            .body("domain"),
        Param::string("certificate_id", CERTIFICATE).body("certificateId"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the portal.")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("user_notification", NOTIFICATION).body("userNotification"),
        Param::boolean("user_notification_enabled", NOTIFICATION_ON)
            .body("userNotificationEnabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Delete,
        "zpa_delete_pra_credential",
        "Delete PRA credential",
        "Deletes the credential and its stored secret.",
        Handler::Routes(&[
            Route::delete(CREDENTIAL).query(&[("microtenantId", "{microtenant_id}")])
        ]),
    )
    .params(&[
        Param::string("credential_id", CREDENTIAL_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Delete,
        "zpa_delete_pra_portal",
        "Delete PRA portal",
        "Users lose access to the portal.",
        Handler::Routes(&[Route::delete(PORTAL).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("portal_id", PORTAL_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_get_pra_credential",
        "Get PRA credential",
        "One credential; password or key never returned.",
        Handler::Routes(&[Route::get(CREDENTIAL).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("credential_id", CREDENTIAL_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_get_pra_portal",
        "Get PRA portal",
        "One portal: domain, certificate, CNAME.",
        Handler::Routes(&[Route::get(PORTAL).query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("portal_id", PORTAL_ID).required(),
        Param::string("microtenant_id", MICROTENANT),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_list_pra_credentials",
        "List PRA credentials",
        "Credentials without secrets; all pages unless page given.",
        Handler::Routes(&[Route::get(CREDENTIALS)
            .query(&[
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("microtenantId", "{microtenant_id}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Read,
        "zpa_list_pra_portals",
        "List PRA portals",
        "Portals with domains and certificates; all pages unless page given.",
        Handler::Routes(&[Route::get(PORTALS)
            .query(&[
                ("search", "name+EQ+{search}"),
                ("page", "{page}"),
                ("microtenantId", "{microtenant_id}"),
                ("pagesize", "{page_size}"),
            ])
            .zpa_pages()]),
    )
    .params(&[
        Param::string("search", SEARCH),
        Param::integer("page", PAGE).min(1),
        Param::integer("page_size", PAGE_SIZE).range(1, 500),
        Param::string("microtenant_id", MICROTENANT),
    ])
    .list(),
    // NOTE(model): the reference GETs the credential to refuse a credential_type change and
    // checks each type's required secrets before the PUT; the model cannot compare with the
    // current record, so the GET here merges it (merge_current) and the API judges the type.
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Update,
        "zpa_update_pra_credential",
        "Update PRA credential",
        "Omitted fields are kept; credential_type must equal the current type.",
        Handler::Routes(&[Route::put(CREDENTIAL)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("credential_id", CREDENTIAL_ID).required(),
        Param::string(
            "credential_type",
            "Current type; cannot change.",
        )
        .required()
        .one_of(&["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"])
        .body("credentialType"),
        Param::string("name", "Name.").body("name"),
        Param::string("username", USERNAME).body("userName"),
        Param::string("password", PASSWORD).body("password"),
        Param::string("private_key", PRIVATE_KEY).body("privateKey"),
        Param::string("description", "Description.").body("description"),
        Param::string("user_domain", USER_DOMAIN).body("userDomain"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Update,
        "zpa_update_pra_portal",
        "Update PRA portal",
        "Change settings; omitted fields are kept.",
        Handler::Routes(&[Route::put(PORTAL)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("portal_id", PORTAL_ID).required(),
        Param::string("name", "Name.").body("name"),
        Param::string("domain", "E.g. pra.corp.example.com.").body("domain"),
        Param::string("certificate_id", CERTIFICATE).body("certificateId"),
        Param::string("description", "Description.").body("description"),
        Param::boolean("enabled", "Enable the portal.").body("enabled"),
        Param::string("user_notification", NOTIFICATION).body("userNotification"),
        Param::boolean("user_notification_enabled", NOTIFICATION_ON)
            .body("userNotificationEnabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
];
