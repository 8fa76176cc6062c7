//! ZPA privileged remote access (PRA): stored credentials and user portals.

use super::common;
use crate::catalog::toolsets::ZPA_PRA;
use crate::catalog::{Lit, Lookup, Param, Route, Target, ToolDeclaration, When};

const CREDENTIALS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential";
const CREDENTIAL: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/credential/{credential_id}";
const PORTALS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal";
const PORTAL: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/praPortal/{portal_id}";

const CREDENTIAL_ID: Param =
    Param::string("credential_id", "Credential id (zpa_list_pra_credentials).").required();
const PORTAL_ID: Param = Param::string("portal_id", "Portal id (zpa_list_pra_portals).").required();
const CERTIFICATE_ID: Param = Param::string(
    "certificate_id",
    "BA certificate id (zpa_list_ba_certificates).",
)
.body("certificateId");
const USER_NOTIFICATION: Param =
    Param::string("user_notification", "Message for portal users.").body("userNotification");
const USER_NOTIFICATION_ENABLED: Param =
    Param::boolean("user_notification_enabled", "Show user_notification.")
        .body("userNotificationEnabled");

const DOMAIN: Param = Param::string("domain", "E.g. pra.corp.example.com.").body("domain");
const PORTAL_ENABLED: Param = Param::boolean("enabled", "Enable the portal.").body("enabled");

const CREDENTIAL_TYPES: &[&str] = &["USERNAME_PASSWORD", "PASSWORD", "SSH_KEY"];
/// The secret and its context, after a credential's name and type.
const SECRET: [Param; 6] = [
    Param::string("username", "Login name.").body("userName"),
    Param::string("password", "Password; never returned.").body("password"),
    Param::string("private_key", "SSH private key (PEM); never returned.").body("privateKey"),
    common::DESCRIPTION,
    Param::string("user_domain", "Login domain, e.g. CORP.").body("userDomain"),
    common::MICROTENANT_ID_BODY,
];
const CREATE_CREDENTIAL_PARAMS: [Param; 8] = common::concat(&[
    &[
        common::NAME_REQUIRED,
        Param::string("credential_type", "Secret kind.")
            .required()
            .one_of(CREDENTIAL_TYPES)
            .body("credentialType"),
    ],
    &SECRET,
]);
const UPDATE_CREDENTIAL_PARAMS: [Param; 9] = common::concat(&[
    &[
        CREDENTIAL_ID,
        Param::string("credential_type", "Current type; cannot change.")
            .required()
            .one_of(CREDENTIAL_TYPES)
            .body("credentialType"),
        common::NAME,
    ],
    &SECRET,
]);

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_PRA
        .create(
            "zpa_create_pra_credential",
            "Create PRA credential",
            "USERNAME_PASSWORD needs username and password; SSH_KEY username and private_key; \
             PASSWORD password.",
        )
        .routes(&[Route::post(CREDENTIALS).query(common::MICROTENANT)])
        .params(&CREATE_CREDENTIAL_PARAMS),
    ZPA_PRA
        .create(
            "zpa_create_pra_portal",
            "Create PRA portal",
            "Without certificate_id, uses the issued BA certificate named like the portal.",
        )
        .routes(&[Route::post(PORTALS)
            .query(common::MICROTENANT)
            .lookups(&[Lookup::row(
                "issued browser-access certificate",
                common::ISSUED_CERTIFICATES,
                &[("search", "name+EQ+{name}")],
                Some("name"),
                Target::Body("certificateId"),
            )
            .when(When::Lacks("certificate_id"))])])
        .params(&[
            Param::string("name", "Name; also certificate lookup name.")
                .required()
                .body("name"),
            DOMAIN.required(),
            CERTIFICATE_ID,
            common::DESCRIPTION,
            PORTAL_ENABLED.default(Lit::Bool(true)),
            USER_NOTIFICATION,
            USER_NOTIFICATION_ENABLED,
            common::MICROTENANT_ID_BODY,
        ]),
    ZPA_PRA
        .delete(
            "zpa_delete_pra_credential",
            "Delete PRA credential",
            "Deletes the credential and its stored secret.",
        )
        .routes(&[Route::delete(CREDENTIAL).query(common::MICROTENANT)])
        .params(&[CREDENTIAL_ID, common::MICROTENANT_ID]),
    ZPA_PRA
        .delete(
            "zpa_delete_pra_portal",
            "Delete PRA portal",
            "Users lose access to the portal.",
        )
        .routes(&[Route::delete(PORTAL).query(common::MICROTENANT)])
        .params(&[PORTAL_ID, common::MICROTENANT_ID]),
    ZPA_PRA
        .get(
            "zpa_get_pra_credential",
            "Get PRA credential",
            "One credential; password or key never returned.",
        )
        .routes(&[Route::get(CREDENTIAL).query(common::MICROTENANT)])
        .params(&[CREDENTIAL_ID, common::MICROTENANT_ID]),
    ZPA_PRA
        .get(
            "zpa_get_pra_portal",
            "Get PRA portal",
            "One portal: domain, certificate, CNAME.",
        )
        .routes(&[Route::get(PORTAL).query(common::MICROTENANT)])
        .params(&[PORTAL_ID, common::MICROTENANT_ID]),
    ZPA_PRA
        .list(
            "zpa_list_pra_credentials",
            "List PRA credentials",
            "Credentials without secrets; all pages unless page given.",
        )
        .routes(&[common::paged_list(CREDENTIALS)])
        .params(common::PAGED_LIST_PARAMS),
    ZPA_PRA
        .list(
            "zpa_list_pra_portals",
            "List PRA portals",
            "Portals with domains and certificates; all pages unless page given.",
        )
        .routes(&[common::paged_list(PORTALS)])
        .params(common::PAGED_LIST_PARAMS),
    // NOTE(model): the reference GETs the credential to refuse a credential_type change and
    // checks each type's required secrets before the PUT; the model cannot compare with the
    // current record, so the GET here merges it (merge_current) and the API judges the type.
    ZPA_PRA
        .update(
            "zpa_update_pra_credential",
            "Update PRA credential",
            "Omitted fields are kept; credential_type must equal the current type.",
        )
        .routes(&[Route::put(CREDENTIAL)
            .query(common::MICROTENANT)
            .merge_current()])
        .params(&UPDATE_CREDENTIAL_PARAMS),
    ZPA_PRA
        .update(
            "zpa_update_pra_portal",
            "Update PRA portal",
            "Change settings; omitted fields are kept.",
        )
        .routes(&[Route::put(PORTAL)
            .query(common::MICROTENANT)
            .merge_current()])
        .params(&[
            PORTAL_ID,
            common::NAME,
            DOMAIN,
            CERTIFICATE_ID,
            common::DESCRIPTION,
            PORTAL_ENABLED,
            USER_NOTIFICATION,
            USER_NOTIFICATION_ENABLED,
            common::MICROTENANT_ID_BODY,
        ]),
];
