//! ZPA browser access certificates: the server certificates of browser access applications.

use super::common;
use crate::catalog::toolsets::ZPA_BA_CERTIFICATES;
use crate::catalog::{Param, Route, ToolDeclaration};

const CERTIFICATES: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate";
const CERTIFICATE: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}";

const CERTIFICATE_ID: Param = Param::string(
    "certificate_id",
    "Certificate id (zpa_list_ba_certificates).",
)
.required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_BA_CERTIFICATES
        .create(
            "zpa_create_ba_certificate",
            "Create BA certificate",
            "Upload a PEM blob holding certificate and private key.",
        )
        .routes(&[Route::post(CERTIFICATES).query(common::MICROTENANT)])
        .params(&[
            common::NAME_REQUIRED,
            Param::string("cert_blob", "PEM cert plus private key.")
                .required()
                .body("certBlob"),
            common::MICROTENANT_ID_BODY,
        ]),
    ZPA_BA_CERTIFICATES
        .delete(
            "zpa_delete_ba_certificate",
            "Delete BA certificate",
            "Fails while an application or PRA portal uses it.",
        )
        .routes(&[Route::delete(CERTIFICATE).query(common::MICROTENANT)])
        .params(&[CERTIFICATE_ID, common::MICROTENANT_ID]),
    ZPA_BA_CERTIFICATES
        .get(
            "zpa_get_ba_certificate",
            "Get BA certificate",
            "One certificate: subject, SANs, issuer, validity.",
        )
        .routes(&[Route::get(CERTIFICATE).query(common::MICROTENANT)])
        .params(&[CERTIFICATE_ID, common::MICROTENANT_ID]),
    ZPA_BA_CERTIFICATES
        .list(
            "zpa_list_ba_certificates",
            "List BA certificates",
            "Issued certificates with SANs and validity; all pages unless page given.",
        )
        .routes(&[common::paged_list(common::ISSUED_CERTIFICATES)])
        .params(common::PAGED_LIST_PARAMS),
];
