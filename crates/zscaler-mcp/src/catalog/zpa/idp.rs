//! ZPA identity provider attributes and groups: SAML attributes, SCIM attributes, SCIM groups.

use super::common;
use crate::catalog::toolsets::ZPA_IDP;
use crate::catalog::{Lookup, Param, Route, Rule, Target, ToolDeclaration, When};

/// The IdP named by `idp_name` (exact, case-insensitive), into `{idpId}`.
const IDP: Lookup = Lookup::row(
    "identity provider",
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/idp",
    &[("search", "name+EQ+{idp_name}")],
    Some("idp_name"),
    Target::Path("idpId"),
);

/// One SCIM attribute of an IdP.
const SCIM_ATTRIBUTE: &str =
    "/zpa/mgmtconfig/v1/admin/customers/{customerId}/idp/{idpId}/scimattribute/{attribute_id}";

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_IDP
        .list(
            "get_zpa_saml_attribute",
            "List SAML attributes",
            "Of all IdPs or of idp_name; all pages unless page given.",
        )
        .routes(&[
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/samlAttribute/idp/{idpId}")
                .when(When::Has("idp_name"))
                .query(common::SEARCH_QUERY)
                .paged()
                .lookups(&[IDP]),
            Route::get("/zpa/mgmtconfig/v2/admin/customers/{customerId}/samlAttribute")
                .query(common::SEARCH_QUERY)
                .paged(),
        ])
        .params(&[
            Param::string("idp_name", "Only this IdP's attributes."),
            common::SEARCH,
            common::PAGE,
            common::PAGE_SIZE,
        ]),
    ZPA_IDP
        .list(
            "get_zpa_scim_attribute",
            "List SCIM attributes",
            "Attributes of idp_name; attribute_id returns one.",
        )
        .routes(&[
            Route::get(SCIM_ATTRIBUTE)
                .when(When::Both(
                    &When::Has("idp_name"),
                    &When::Has("attribute_id"),
                ))
                .query(common::SEARCH_QUERY)
                .lookups(&[IDP]),
            Route::get("/zpa/mgmtconfig/v1/admin/customers/{customerId}/idp/{idpId}/scimattribute")
                .when(When::Has("idp_name"))
                .query(common::SEARCH_QUERY)
                .paged()
                .lookups(&[IDP]),
        ])
        .params(&[
            Param::string("idp_name", "IdP name.").required(),
            Param::string("attribute_id", "Attribute id."),
            common::SEARCH,
            common::PAGE,
            common::PAGE_SIZE,
        ]),
    ZPA_IDP
        .list(
            "get_zpa_scim_group",
            "List SCIM groups",
            "Groups of idp_name, or one by scim_group_id; one is required.",
        )
        .routes(&[
            Route::get("/zpa/userconfig/v1/customers/{customerId}/scimgroup/{scim_group_id}")
                .when(When::Has("scim_group_id"))
                .query(common::SEARCH_QUERY),
            Route::get("/zpa/userconfig/v1/customers/{customerId}/scimgroup/idpId/{idpId}")
                .when(When::Has("idp_name"))
                .query(common::SEARCH_QUERY)
                .paged()
                .lookups(&[IDP]),
        ])
        .params(&[
            Param::string(
                "scim_group_id",
                "SCIM group id; give it or idp_name, not both.",
            ),
            Param::string("idp_name", "IdP name; give it or scim_group_id, not both."),
            common::SEARCH,
            common::PAGE,
            common::PAGE_SIZE,
        ])
        .requires(&[Rule::OneOf(&["scim_group_id", "idp_name"])]),
];
