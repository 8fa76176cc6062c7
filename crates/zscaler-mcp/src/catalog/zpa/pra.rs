//! ZPA privileged remote access (PRA): stored credentials and user portals.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Lit, Lookup, Param, Route, Target, ToolDeclaration, When};

const CREDENTIALS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential";
const CREDENTIAL: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential/{credential_id}";
const PORTALS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal";
const PORTAL: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal/{portal_id}";

const MICROTENANT: &str = "Microtenant scope; omit for the default.";
const CREDENTIAL_ID: &str = "PRA credential id (zpa_list_pra_credentials).";
const PORTAL_ID: &str = "PRA portal id (zpa_list_pra_portals).";
const SEARCH: &str = "Exact name, or a ZPA search expression.";
const PAGE: &str = "Fetch only this page; omit to gather all.";
const PAGE_SIZE: &str = "Rows per request.";
const CREDENTIAL_TYPE: &str = "Kind of secret stored.";
const USERNAME: &str = "Login name, for USERNAME_PASSWORD and SSH_KEY.";
const PASSWORD: &str = "Password, for USERNAME_PASSWORD and PASSWORD; never returned.";
const PRIVATE_KEY: &str = "SSH private key (PEM text), for SSH_KEY; never returned.";
const USER_DOMAIN: &str = "Domain of the login, e.g. CORP.";
const CERTIFICATE: &str = "Browser-access certificate id (zpa_list_ba_certificates).";
const NOTIFICATION: &str = "Message shown to portal users.";
const NOTIFICATION_ON: &str = "Whether user_notification is shown.";

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Create,
        "zpa_create_pra_credential",
        "Create PRA credential",
        "Store a PRA credential: USERNAME_PASSWORD needs username and password, SSH_KEY username \
         and private_key, PASSWORD a password.",
        Handler::Routes(
            &[Route::post(CREDENTIALS).query(&[("microtenantId", "{microtenant_id}")])],
        ),
    )
    .params(&[
        Param::string("name", "Credential name.")
            .required()
            .body("name"),
        Param::string("credential_type", CREDENTIAL_TYPE)
            .required()
            .one_of(&["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"])
            .body("credentialType"),
        Param::string("username", USERNAME).body("userName"),
        Param::string("password", PASSWORD).body("password"),
        Param::string("private_key", PRIVATE_KEY).body("privateKey"),
        Param::string("description", "Credential description.").body("description"),
        Param::string("user_domain", USER_DOMAIN).body("userDomain"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Create,
        "zpa_create_pra_portal",
        "Create PRA portal",
        "Create a PRA portal; without certificate_id, the issued browser-access certificate named \
         like the portal is looked up and used.",
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
        Param::string("name", "Portal name; also the certificate name looked up.")
            .required()
            .body("name"),
        Param::string("domain", "Portal domain, e.g. pra.corp.example.com.")
            .required()
            .body("domain"),
        Param::string("certificate_id", CERTIFICATE).body("certificateId"),
        Param::string("description", "Portal description.").body("description"),
        Param::boolean("enabled", "Whether the portal is active.")
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
        "Delete a privileged remote access credential and its stored secret by id.",
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
        "Delete a privileged remote access portal by id; users lose that portal.",
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
        "Get one privileged remote access credential by id; its password or private key is never \
         returned.",
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
        "Get one privileged remote access portal by id, with its domain, certificate and CNAME.",
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
        "List privileged remote access credentials without their secrets; all pages are gathered \
         unless page is given.",
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
        "List privileged remote access portals with their domains and certificates; all pages are \
         gathered unless page is given.",
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
        "Update a PRA credential, keeping fields not given; credential_type must equal the \
         credential's current type.",
        Handler::Routes(&[Route::put(CREDENTIAL)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("credential_id", CREDENTIAL_ID).required(),
        Param::string(
            "credential_type",
            "Current credential type; it cannot change.",
        )
        .required()
        .one_of(&["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"])
        .body("credentialType"),
        Param::string("name", "Credential name.").body("name"),
        Param::string("username", USERNAME).body("userName"),
        Param::string("password", PASSWORD).body("password"),
        Param::string("private_key", PRIVATE_KEY).body("privateKey"),
        Param::string("description", "Credential description.").body("description"),
        Param::string("user_domain", USER_DOMAIN).body("userDomain"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_pra",
        Action::Update,
        "zpa_update_pra_portal",
        "Update PRA portal",
        "Change a PRA portal's settings; fields not given keep their current values.",
        Handler::Routes(&[Route::put(PORTAL)
            .query(&[("microtenantId", "{microtenant_id}")])
            .merge_current()]),
    )
    .params(&[
        Param::string("portal_id", PORTAL_ID).required(),
        Param::string("name", "Portal name.").body("name"),
        Param::string("domain", "Portal domain, e.g. pra.corp.example.com.").body("domain"),
        Param::string("certificate_id", CERTIFICATE).body("certificateId"),
        Param::string("description", "Portal description.").body("description"),
        Param::boolean("enabled", "Whether the portal is active.").body("enabled"),
        Param::string("user_notification", NOTIFICATION).body("userNotification"),
        Param::boolean("user_notification_enabled", NOTIFICATION_ON)
            .body("userNotificationEnabled"),
        Param::string("microtenant_id", MICROTENANT).body("microtenantId"),
    ]),
];
