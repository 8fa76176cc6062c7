//! Parameters, queries, routes and paths that several ZPA toolsets declare alike. Each is
//! advertised exactly as written here wherever it is used; a toolset that words a parameter
//! its own way declares its own.

use crate::catalog::{Lit, Param, Route};

/// The microtenant a call is scoped to, sent as the `microtenantId` query.
pub const MICROTENANT_ID: Param = Param::string("microtenant_id", "Microtenant scope.");
/// The microtenant of a write, sent in the body as well.
pub const MICROTENANT_ID_BODY: Param = MICROTENANT_ID.body("microtenantId");
/// The query of a call scoped by [`MICROTENANT_ID`].
pub const MICROTENANT: &[(&str, &str)] = &[("microtenantId", "{microtenant_id}")];

/// `search` of a ZPA list: sent as `name+EQ+{search}` unless already an expression.
pub const SEARCH: Param = Param::string("search", "Exact name or name+CONTAINS+x.");
/// `page` of a ZPA list: that page, or every page when omitted.
pub const PAGE: Param = Param::integer("page", "Page; omit for all.").min(1);
pub const PAGE_SIZE: Param = Param::integer("page_size", "Page size.").range(1, 500);

/// The query of a list without microtenant scope.
pub const SEARCH_QUERY: &[(&str, &str)] = &[
    ("search", "name+EQ+{search}"),
    ("page", "{page}"),
    ("pagesize", "{page_size}"),
];

/// A scoped list, all pages unless `page` is given: GET `path` with `microtenantId`,
/// `search`, `page` and `pagesize`, in that order.
pub const fn list(path: &'static str) -> Route {
    Route::get(path)
        .query(&[
            ("microtenantId", "{microtenant_id}"),
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .paged()
}
/// The parameters of a [`list`].
pub const LIST_PARAMS: &[Param] = &[SEARCH, MICROTENANT_ID, PAGE, PAGE_SIZE];

/// A scoped list, all pages unless `page` is given: GET `path` with `search`, `page`,
/// `microtenantId` and `pagesize`, in that order (as the reference sends them).
pub const fn paged_list(path: &'static str) -> Route {
    Route::get(path)
        .query(&[
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("microtenantId", "{microtenant_id}"),
            ("pagesize", "{page_size}"),
        ])
        .paged()
}
/// The parameters of a [`paged_list`], in the order of its query.
pub const PAGED_LIST_PARAMS: &[Param] = &[SEARCH, PAGE, PAGE_SIZE, MICROTENANT_ID];

pub const NAME: Param = Param::string("name", "Name.").body("name");
pub const NAME_REQUIRED: Param = NAME.required();
pub const DESCRIPTION: Param = Param::string("description", "Description.").body("description");

/// `enabled` of a group update.
pub const GROUP_ENABLED: Param = Param::boolean("enabled", "Enable the group.").body("enabled");
/// `enabled` of a group create: on unless told otherwise.
pub const GROUP_ENABLED_DEFAULT: Param = GROUP_ENABLED.default(Lit::Bool(true));

/// Description of a list of server group ids (sent under each toolset's own field).
pub const SERVER_GROUP_IDS: &str = "Server group ids (zpa_list_server_groups).";
/// Description of a list of app connector group ids.
pub const CONNECTOR_GROUP_IDS: &str = "Connector group ids (zpa_list_app_connector_groups).";

/// Where an app connector or service edge group stands, and when it upgrades.
pub const LOCATION: Param = Param::string("location", "E.g. San Jose, CA, USA.").body("location");
pub const CITY_COUNTRY: Param =
    Param::string("city_country", "E.g. San Jose, US.").body("cityCountry");
pub const COUNTRY_CODE: Param =
    Param::string("country_code", "ISO alpha-2, e.g. US.").body("countryCode");
pub const UPGRADE_DAY: Param = Param::string("upgrade_day", "Upgrade weekday.")
    .one_of(&[
        "SUNDAY",
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
    ])
    .body("upgradeDay");

/// The enrollment certificate of an app connector group or provisioning key.
pub const ENROLLMENT_CERT_ID: Param = Param::string(
    "enrollment_cert_id",
    "Certificate id (get_zpa_enrollment_certificate).",
)
.body("enrollmentCertId");

/// The enrollment certificates (v2, searchable by name).
pub const ENROLLMENT_CERTS: &str = "/zpa/mgmtconfig/v2/admin/customers/{customerId}/enrollmentCert";
/// The issued browser-access certificates (v2, searchable by name).
pub const ISSUED_CERTIFICATES: &str =
    "/zpa/mgmtconfig/v2/admin/customers/{customerId}/clientlessCertificate/issued";

/// The `parts` one after the other, as an array of the declared length `L` (checked when
/// compiled): tools that share a run of parameters declare it once, e.g.
/// `const CREATE: [Param; 3] = concat(&[&[NAME_REQUIRED], &SETTINGS]);`.
pub const fn concat<const L: usize>(parts: &[&[Param]]) -> [Param; L] {
    let mut out = [NAME; L];
    let mut len = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            assert!(len < L, "the parts are longer than the declared length");
            out[len] = parts[p][i];
            len += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(len == L, "the parts are shorter than the declared length");
    out
}
