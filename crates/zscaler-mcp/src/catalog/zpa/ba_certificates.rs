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
        "Upload a browser access certificate from a PEM blob holding the certificate and its private key.",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "Certificate name.").required().body("name"),
        Param::string("cert_blob", "PEM certificate, with its private key.")
            .required()
            .body("certBlob"),
        Param::string("microtenant_id", "Microtenant id to scope the call.").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Delete,
        "zpa_delete_ba_certificate",
        "Delete BA certificate",
        "Delete a browser access certificate; the API refuses while an application or PRA portal uses it.",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("certificate_id", "Certificate id (zpa_list_ba_certificates).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_get_ba_certificate",
        "Get BA certificate",
        "Return one browser access certificate with its subject, SANs, issuer and validity dates.",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("certificate_id", "Certificate id (zpa_list_ba_certificates).").required(),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_list_ba_certificates",
        "List BA certificates",
        "List issued browser access certificates with SANs and validity; all pages are gathered unless page is given.",
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
        Param::string("search", "Exact name, or an expression like name+CONTAINS+corp."),
        Param::integer("page", "Page number; omit to gather all pages.").min(1),
        Param::integer("page_size", "Rows per page.").range(1, 500),
        Param::string("microtenant_id", "Microtenant id to scope the call."),
    ])
    .list(),
];
