//! TODO module doc: the `zpa_ba_certificates` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Create,
        "zpa_create_ba_certificate",
        "ZPA create BA certificate",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::string("cert_blob", "TODO")
            .required()
            .body("certBlob"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Delete,
        "zpa_delete_ba_certificate",
        "ZPA delete BA certificate",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("certificate_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_get_ba_certificate",
        "ZPA get BA certificate",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/certificate/{certificate_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("certificate_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_ba_certificates",
        Action::Read,
        "zpa_list_ba_certificates",
        "ZPA list BA certificates",
        "TODO",
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
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
        Param::string("microtenant_id", "TODO"),
    ])
    .list(),
];
