//! TODO module doc: the `zpa_idp` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: several unconditional routes
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_idp",
        Action::Read,
        "get_zpa_saml_attribute",
        "SAML attribute",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/samlAttribute").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("pagesize", "{page_size}")]).zpa_pages(),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/samlAttribute/idp/{idpId}").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("pagesize", "{page_size}")]).zpa_pages().lookups(&[Lookup::row("identity provider", "/zpa/mgmtconfig/v2/admin/customers/{customerId}/idp", &[("search", "name+EQ+{idp_name}")], Some("idp_name"), Target::Path("idpId"))]),
        ]),
    )
    .params(&[
        Param::string("idp_name", "TODO"),
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_idp",
        Action::Read,
        "get_zpa_scim_attribute",
        "SCIM attribute",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/idp/{idpId}/scimattribute/{attribute_id}").when(When::Has("attribute_id")).query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("pagesize", "{page_size}")]).lookups(&[Lookup::row("identity provider", "/zpa/mgmtconfig/v2/admin/customers/{customerId}/idp", &[("search", "name+EQ+{idp_name}")], Some("idp_name"), Target::Path("idpId"))]),
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/idp/{idpId}/scimattribute").query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("pagesize", "{page_size}")]).zpa_pages().lookups(&[Lookup::row("identity provider", "/zpa/mgmtconfig/v2/admin/customers/{customerId}/idp", &[("search", "name+EQ+{idp_name}")], Some("idp_name"), Target::Path("idpId"))]),
        ]),
    )
    .params(&[
        Param::string("idp_name", "TODO").required(),
        Param::string("attribute_id", "TODO"),
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_idp",
        Action::Read,
        "get_zpa_scim_group",
        "SCIM group",
        "TODO",
        Handler::Routes(&[
            Route::get("/zpa/userconfig/v1/customers/{customerId}/scimgroup/{scim_group_id}").when(When::Has("scim_group_id")).query(&[("search", "name+EQ+{search}"), ("page", "{page}"), ("pagesize", "{page_size}")]),
            Route::get("/zpa/userconfig/v1/customers/{customerId}/scimgroup/idpId/{idpId}").list().lookups(&[Lookup::row("identity provider", "/zpa/mgmtconfig/v2/admin/customers/{customerId}/idp", &[("search", "name+EQ+{idp_name}")], Some("idp_name"), Target::Path("idpId"))]),
        ]),
    )
    .params(&[
        Param::string("scim_group_id", "TODO"),
        Param::string("idp_name", "TODO"),
        Param::string("search", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
];
