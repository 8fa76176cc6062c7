//! ZPA browser access certificates: the server certificates of browser access applications.

use super::common;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};
use crate::service::Service;

const CERTIFICATES: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate";
const CERTIFICATE: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}";

const CERTIFICATE_ID: Param = Param::string(
    "certificate_id",
    "Certificate id (zpa_list_ba_certificates).",
)
.required();

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Create,
        "zpa_create_ba_certificate",
        "Create BA certificate",
        "Upload a PEM blob holding certificate and private key.",
        Handler::Routes(&[Route::post(CERTIFICATES).query(common::MICROTENANT)]),
    )
    .params(&[
        common::NAME_REQUIRED,
        Param::string("cert_blob", "PEM cert plus private key.")
            .required()
            .body("certBlob"),
        common::MICROTENANT_ID_BODY,
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Delete,
        "zpa_delete_ba_certificate",
        "Delete BA certificate",
        "Fails while an application or PRA portal uses it.",
        Handler::Routes(&[Route::delete(CERTIFICATE).query(common::MICROTENANT)]),
    )
    .params(&[CERTIFICATE_ID, common::MICROTENANT_ID]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_get_ba_certificate",
        "Get BA certificate",
        "One certificate: subject, SANs, issuer, validity.",
        Handler::Routes(&[Route::get(CERTIFICATE).query(common::MICROTENANT)]),
    )
    .params(&[CERTIFICATE_ID, common::MICROTENANT_ID]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_list_ba_certificates",
        "List BA certificates",
        "Issued certificates with SANs and validity; all pages unless page given.",
        Handler::Routes(&[common::paged_list(common::ISSUED_CERTIFICATES)]),
    )
    .params(common::PAGED_LIST_PARAMS)
    .list(),
];
