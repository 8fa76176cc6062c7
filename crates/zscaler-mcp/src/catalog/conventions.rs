//! Service conventions: what the executor needs to know about a service, declared once per
//! service (`catalog/<service>/mod.rs`) and read by the executor, which names no service.
//!
//! A service without a declaration of its own gets [`Conventions::PLAIN`]: string ids, no
//! search syntax, no envelope, no paging of its own, no scope, no tenant id, no staged note.

use serde_json::{Map, Value};

use crate::client::paging::Paging;

/// How the service writes ids in request bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    /// As given (strings stay strings).
    Text,
    /// Numbers: a numeric string id becomes a JSON number (ZIA, ZTW).
    Numeric,
}

/// A search syntax of the service's own (ZPA: `name+EQ+web`, `name+CONTAINS+web`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search {
    /// The query-template prefix that builds an expression from a plain value.
    pub prefix: &'static str,
    /// Operators that make a caller's value an expression already: then it is sent as is.
    pub operators: &'static [&'static str],
}

/// Where a list answer keeps its rows and counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Envelope {
    /// The field holding the rows of an object answer (`None`: answers are bare arrays).
    pub rows: Option<&'static str>,
    /// The field with the number of pages.
    pub total_pages: Option<&'static str>,
    /// The field with the number of rows.
    pub total: Option<&'static str>,
}

impl Envelope {
    pub const BARE: Envelope = Envelope {
        rows: None,
        total_pages: None,
        total: None,
    };
}

/// The service's own paging, used by routes declared `.paged()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServicePaging {
    /// The query parameter of the page number, and of the page size.
    pub page: &'static str,
    pub size: &'static str,
    /// How the client walks every page.
    pub paging: Paging,
}

/// Which configured tenant id a service's calls carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantSource {
    /// `ZSCALER_CUSTOMER_ID` (ZPA, ZMS).
    CustomerId,
    /// `ZCELL_CUSTOMER_ID` (ZCell).
    ZcellCustomerId,
}

/// A tenant id the server fills into paths (and GraphQL variables) from its configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantId {
    /// The placeholder it fills (`customerId` for `{customerId}`).
    pub placeholder: &'static str,
    /// The configuration value it comes from.
    pub source: TenantSource,
    /// What the caller is told when the server has no value for it.
    pub missing: &'static str,
}

/// A named body builder a service registers for a parameter ([`super::Body::Build`]): it turns
/// the argument into the API's fields, written into the body, or says what is wrong with it.
#[derive(Debug, Clone, Copy)]
pub struct BodyBuilder {
    pub name: &'static str,
    pub build: fn(&Value, &mut Map<String, Value>) -> Result<(), String>,
}

impl PartialEq for BodyBuilder {
    fn eq(&self, other: &BodyBuilder) -> bool {
        self.name == other.name
    }
}
impl Eq for BodyBuilder {}

/// A named conversion of a record read before a merge-write ([`super::Route::merge_adapted`]):
/// the read and the write speak different versions of the API.
#[derive(Debug, Clone, Copy)]
pub struct RecordAdapter {
    pub name: &'static str,
    pub adapt: fn(&mut Value),
}

impl PartialEq for RecordAdapter {
    fn eq(&self, other: &RecordAdapter) -> bool {
        self.name == other.name
    }
}

/// Everything the executor needs to know about one service.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conventions {
    pub ids: Ids,
    pub search: Option<Search>,
    pub envelope: Envelope,
    pub paging: Option<ServicePaging>,
    /// Query keys that scope a call (ZPA `microtenantId`): the read of a merge-write carries
    /// them too, so it reads the record the write will change.
    pub scope_keys: &'static [&'static str],
    pub tenant_id: Option<TenantId>,
    /// A sentence added after every successful write, unless the tool is declared
    /// [`super::ToolDeclaration::without_staged_note`] (ZIA: changes wait for activation).
    pub staged_note: Option<&'static str>,
    /// Fields of the service's answers holding epoch seconds: wherever one appears (records,
    /// rows, nested objects), a sibling `<field>_iso` carries the same instant as an RFC 3339
    /// UTC string, unless the record already has that key; the API's field is left as is.
    pub epoch_fields: &'static [&'static str],
}

impl Conventions {
    pub const PLAIN: Conventions = Conventions {
        ids: Ids::Text,
        search: None,
        envelope: Envelope::BARE,
        paging: None,
        scope_keys: &[],
        tenant_id: None,
        staged_note: None,
        epoch_fields: &[],
    };
}
