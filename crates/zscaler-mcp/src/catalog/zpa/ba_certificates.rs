//! ZPA browser access certificates: the server certificates of browser access applications.

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Create,
        "zpa_create_ba_certificate",
        "Create BA certificate",
        "Upload a PEM blob holding certificate and private key.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Name.").required().body("name"),
        Param::string("cert_blob", "PEM cert plus private key.")
            .required()
            .body("certBlob"),
        Param::string("microtenant_id", "Microtenant scope.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Delete,
        "zpa_delete_ba_certificate",
        "Delete BA certificate",
        "Fails while an application or PRA portal uses it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string(
            "certificate_id",
            "Certificate id (zpa_list_ba_certificates).",
        )
        .required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_get_ba_certificate",
        "Get BA certificate",
        "One certificate: subject, SANs, issuer, validity.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string(
            "certificate_id",
            "Certificate id (zpa_list_ba_certificates).",
        )
        .required(),
        Param::string("microtenant_id", "Microtenant scope."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_list_ba_certificates",
        "List BA certificates",
        "Issued certificates with SANs and validity; all pages unless page given.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/clientlessCertificate/issued",
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
        Param::string("search", "Exact name or name+CONTAINS+x."),
        Param::integer("page", "Page; omit for all.").min(1),
        Param::integer("page_size", "Page size.").range(1, 500),
        Param::string("microtenant_id", "Microtenant scope."),
    ])
    .list(),
];
