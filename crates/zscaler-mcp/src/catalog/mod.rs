//! The tool catalog: one declaration per tool, grouped by service and toolset. Tools are data:
//! a declaration names the tool, its action and toolset, its described parameters and how they
//! map onto the Zscaler API ([`Route`]s); the generic executor ([`crate::executor`]) runs it.
//! Tools whose behaviour is truly special name a [`Handler`].
//!
//! Declarations are `static`s built with `const fn` helpers ([`Param::string`], [`Route::get`],
//! ...), so the whole catalog is compiled in and costs nothing at startup.

pub mod conventions;
pub mod discover;
pub mod meta;
pub mod planned;
pub mod prompts;
pub mod schema;
pub mod search;
pub mod toolsets;
pub mod zcc;
pub mod zcell;
pub mod zdx;
pub mod zeasm;
pub mod zia;
pub mod zid;
pub mod zins;
pub mod zms;
pub mod zpa;
pub mod ztw;

use std::sync::Arc;

use rmcp::model::{Tool, ToolAnnotations};

use crate::service::Service;

use self::conventions::{BodyBuilder, Conventions, RecordAdapter};

/// The conventions of a service: its own declaration, or [`Conventions::PLAIN`].
pub fn conventions(service: Service) -> &'static Conventions {
    match service {
        Service::Zia => &zia::CONVENTIONS,
        Service::Zpa => &zpa::CONVENTIONS,
        Service::Ztw => &ztw::CONVENTIONS,
        Service::Zcc => &zcc::CONVENTIONS,
        Service::Zeasm => &zeasm::CONVENTIONS,
        Service::Zid => &zid::CONVENTIONS,
        Service::Zms => &zms::CONVENTIONS,
        Service::Zcell => &zcell::CONVENTIONS,
        Service::Zdx => &zdx::CONVENTIONS,
        _ => &Conventions::PLAIN,
    }
}

/// What a tool does to the tenant; drives annotations and the write gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
    pub fn is_write(self) -> bool {
        self != Action::Read
    }
}

/// JSON type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    StringArray,
    ObjectArray,
    /// A list of string lists (ZIA network-service port ranges).
    StringArrays,
    /// A list of integers (ZDX location group ids).
    IntegerArray,
    /// Any JSON value (ZPA policy conditions: a list or an object).
    Any,
}

/// A constant value: a parameter default, or a fixed body field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit {
    Bool(bool),
    Int(i64),
    Str(&'static str),
}

impl Lit {
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Lit::Bool(b) => b.into(),
            Lit::Int(i) => i.into(),
            Lit::Str(s) => s.into(),
        }
    }
}

/// Where a parameter's value goes in the request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Not in the body: a path placeholder, a query value, or read by a handler.
    No,
    /// The value as is, under this (camelCase) field.
    Field(&'static str),
    /// A list of ids, sent as `[{"id": ...}]` under this field (ZIA ids become numbers).
    Ids(&'static str),
    /// A boolean sent as `"ENABLED"` / `"DISABLED"` under this field (ZIA rules' `state`).
    State(&'static str),
    /// An object whose keys (the API's own camelCase names) are merged into the body; lists of
    /// scalar ids under the keys named in the route's `id_lists` become `[{"id": ...}]`.
    Merge,
    /// Fields written by a body builder the service registers (ZPA v2 policy conditions, ZIA
    /// port ranges).
    Build(&'static BodyBuilder),
    /// The whole body is this value (a JSON array, e.g. the URL list of a lookup).
    Whole,
}

/// One described parameter of a tool.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub ty: ParamType,
    pub description: &'static str,
    pub required: bool,
    /// Accepted values (advertised as `enum`; for a string list, those of each item).
    pub one_of: &'static [&'static str],
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// Advertised default, applied when the caller omits the parameter.
    pub default: Option<Lit>,
    /// The default is applied (false: it is only advertised, being the API's own, e.g. a page
    /// number the server leaves out so that it walks every page; see [`Param::api_default`]).
    pub fills_default: bool,
    pub body: Body,
}

impl Param {
    const fn of(name: &'static str, ty: ParamType, description: &'static str) -> Param {
        Param {
            name,
            ty,
            description,
            required: false,
            one_of: &[],
            min: None,
            max: None,
            default: None,
            fills_default: true,
            body: Body::No,
        }
    }
    pub const fn string(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::String, description)
    }
    pub const fn integer(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::Integer, description)
    }
    pub const fn number(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::Number, description)
    }
    pub const fn boolean(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::Boolean, description)
    }
    pub const fn object(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::Object, description)
    }
    pub const fn strings(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::StringArray, description)
    }
    pub const fn objects(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::ObjectArray, description)
    }
    pub const fn integers(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::IntegerArray, description)
    }
    pub const fn string_lists(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::StringArrays, description)
    }
    pub const fn any(name: &'static str, description: &'static str) -> Param {
        Param::of(name, ParamType::Any, description)
    }
    pub const fn required(mut self) -> Param {
        self.required = true;
        self
    }
    pub const fn one_of(mut self, values: &'static [&'static str]) -> Param {
        self.one_of = values;
        self
    }
    pub const fn min(mut self, min: i64) -> Param {
        self.min = Some(min);
        self
    }
    pub const fn range(mut self, min: i64, max: i64) -> Param {
        self.min = Some(min);
        self.max = Some(max);
        self
    }
    pub const fn default(mut self, value: Lit) -> Param {
        self.default = Some(value);
        self
    }
    /// A default that is the API's own: advertised, but not filled in when the caller omits the
    /// parameter, so the call can tell "not given" (ZMS `page_num`: every page is walked).
    pub const fn api_default(mut self, value: Lit) -> Param {
        self.default = Some(value);
        self.fills_default = false;
        self
    }
    /// Sent in the body under `field`.
    pub const fn body(mut self, field: &'static str) -> Param {
        self.body = Body::Field(field);
        self
    }
    /// Sent in the body as `[{"id": ...}]` under `field`.
    pub const fn ids(mut self, field: &'static str) -> Param {
        self.body = Body::Ids(field);
        self
    }
    pub const fn to(mut self, body: Body) -> Param {
        self.body = body;
        self
    }
}

/// HTTP method of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Put,
    Delete,
}

impl Verb {
    pub fn method(self) -> http::Method {
        match self {
            Verb::Get => http::Method::GET,
            Verb::Post => http::Method::POST,
            Verb::Put => http::Method::PUT,
            Verb::Delete => http::Method::DELETE,
        }
    }
}

/// When a route (or a lookup) applies, judged on the call's arguments (defaults applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The argument is given (not null).
    Has(&'static str),
    /// The argument is absent or null.
    Lacks(&'static str),
    /// The argument equals this text (a string as is; a number or boolean as its JSON text,
    /// e.g. `When::Is("geo_override", "true")`).
    Is(&'static str, &'static str),
    /// Both conditions hold.
    Both(&'static When, &'static When),
}

impl When {
    /// The condition in words, for a refusal: `'a'`, `without 'a'`, `action 'read_lite'`.
    pub fn describe(&self) -> String {
        match self {
            When::Always => "any call".to_string(),
            When::Has(name) => format!("'{name}'"),
            When::Lacks(name) => format!("leaving out '{name}'"),
            When::Is(name, value) => format!("{name} '{value}'"),
            When::Both(a, b) => format!("{} with {}", a.describe(), b.describe()),
        }
    }
}

/// A rule between a tool's arguments that the per-parameter schema cannot say: which of
/// several alternatives a call needs, what an argument (or an argument's value) needs with it.
/// Declared with [`ToolDeclaration::requires`]; checked on the arguments as given, defaults
/// applied, by `executor::arguments::validate` after the per-parameter checks: a call breaking
/// one is refused with one sentence naming the arguments and the rule, and nothing is sent. An
/// argument counts as given when it is present and not null; a blank string given for an
/// argument a rule names is refused as empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Exactly one of these arguments (alternative identifiers of one thing).
    OneOf(&'static [&'static str]),
    /// At most one of these arguments (alternatives of an optional choice).
    AtMostOne(&'static [&'static str]),
    /// When the condition holds, every one of these arguments is given too.
    Needs(When, &'static [&'static str]),
}

impl Rule {
    /// Every argument the rule names.
    pub fn arguments(&self) -> Vec<&'static str> {
        fn of(when: &When, out: &mut Vec<&'static str>) {
            match *when {
                When::Always => {}
                When::Has(n) | When::Lacks(n) | When::Is(n, _) => out.push(n),
                When::Both(a, b) => {
                    of(a, out);
                    of(b, out);
                }
            }
        }
        match *self {
            Rule::OneOf(names) | Rule::AtMostOne(names) => names.to_vec(),
            Rule::Needs(when, names) => {
                let mut out = Vec::new();
                of(&when, &mut out);
                out.extend_from_slice(names);
                out
            }
        }
    }
}

/// How a list endpoint pages, as declared; the executor turns it into the client's paging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// One request returns the whole list (a bare array, or ZPA's `{"list": [...]}`).
    One,
    /// ZIA style: 1-based page number and page size under these query names; bare arrays.
    Numbered {
        page: &'static str,
        size: &'static str,
        page_size: u32,
    },
    /// The service's own paging ([`conventions::Conventions::paging`]).
    Service,
    /// The service's own paging with the page number and size in the JSON body instead of the
    /// query (POST searches); the service's paging style must be able to carry them there.
    ServiceInBody,
    /// Paging declared on the route itself, as the client walks it (the rows key differs per
    /// endpoint of a service, e.g. ZDX cursor lists): every page is walked, unless the call's
    /// query carries `one_page` (a position the caller gave, e.g. a cursor `offset`): then that
    /// page only, with where the next one starts.
    Walk {
        paging: crate::client::paging::Paging,
        one_page: Option<&'static str>,
    },
}

/// What a route answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// One record (or an empty body for writes).
    Object,
    /// Rows, gathered completely or explicitly cut ([`crate::client::paging`]).
    List(Pages),
}

/// What a [`Lookup`] takes from its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The `id` field of the object answered.
    Id,
    /// The `id` of the first row whose `name` equals the argument `name_of` (case-insensitive)
    /// or, when that argument is absent, of the first row.
    RowId { name_of: Option<&'static str> },
    /// Among rows an API filter narrowed by the argument `arg` (a substring match), the row
    /// whose `field` equals it (case-insensitive), else the only row; several candidates and
    /// none exact is refused, naming them.
    Match {
        arg: &'static str,
        field: &'static str,
    },
}

/// Where a looked-up value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Fills `{name}` in the route's path.
    Path(&'static str),
    /// A body field.
    Body(&'static str),
}

/// A GET made before the route's request to resolve an id (ZPA policy set of a policy type,
/// IdP by name, enrollment certificate by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookup {
    pub when: When,
    pub path: &'static str,
    pub query: &'static [(&'static str, &'static str)],
    pub pick: Pick,
    pub into: Target,
    /// What is being looked up, for the error when nothing is found.
    pub what: &'static str,
}

impl Lookup {
    /// The `id` of the object at `path` (e.g. the ZPA policy set of a policy type).
    pub const fn id(what: &'static str, path: &'static str, into: Target) -> Lookup {
        Lookup {
            when: When::Always,
            path,
            query: &[],
            pick: Pick::Id,
            into,
            what,
        }
    }
    /// The `id` of the row of `path` (queried with `query`) whose `name` equals the argument
    /// `name_of`, or of the first row when `name_of` is `None`.
    pub const fn row(
        what: &'static str,
        path: &'static str,
        query: &'static [(&'static str, &'static str)],
        name_of: Option<&'static str>,
        into: Target,
    ) -> Lookup {
        Lookup {
            when: When::Always,
            path,
            query,
            pick: Pick::RowId { name_of },
            into,
            what,
        }
    }
    /// Picks the row as [`Pick::Match`] says instead.
    pub const fn matching(mut self, arg: &'static str, field: &'static str) -> Lookup {
        self.pick = Pick::Match { arg, field };
        self
    }
    pub const fn when(mut self, when: When) -> Lookup {
        self.when = when;
        self
    }
}

/// The unit of a relative time argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Hours,
    Days,
}

impl TimeUnit {
    pub const fn seconds(self) -> i64 {
        match self {
            TimeUnit::Hours => 3600,
            TimeUnit::Days => 86_400,
        }
    }
    pub const fn name(self) -> &'static str {
        match self {
            TimeUnit::Hours => "hours",
            TimeUnit::Days => "days",
        }
    }
}

/// How an API writes a time bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Epoch {
    Seconds,
    Millis,
}

/// A time window an API takes as two epoch bounds, computed at call time from relative
/// arguments (`since` hours back, `days` back, `start_days_ago`/`end_days_ago`) or taken from
/// explicit epoch arguments. The executor adds the bounds to the call's arguments as
/// [`Window::START`] and [`Window::END`], so path and query templates name them like any
/// argument (`("from", "{@start}")`); [`Window::in_body`] writes them into the body too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The argument saying how far back the window starts, and its value when omitted.
    pub back: &'static str,
    pub default_back: u32,
    /// The argument saying how far back it ends (and its default); `None`: it ends now.
    pub until: Option<(&'static str, u32)>,
    pub unit: TimeUnit,
    /// Explicit epoch bounds (start and end arguments, in the API's epoch unit) that replace
    /// the relative ones when given.
    pub explicit: Option<(&'static str, &'static str)>,
    pub epoch: Epoch,
    /// The only lengths the API accepts, in units (Z-Insights: 7 or 14 days); empty: any.
    pub spans: &'static [u32],
    /// The longest window the API accepts, in units.
    pub max_span: Option<u32>,
    /// Body fields that carry the bounds.
    pub body: Option<(&'static str, &'static str)>,
}

impl Window {
    /// The argument key of the computed start bound.
    pub const START: &'static str = "@start";
    /// The argument key of the computed end bound.
    pub const END: &'static str = "@end";

    const fn new(back: &'static str, default_back: u32, unit: TimeUnit) -> Window {
        Window {
            back,
            default_back,
            until: None,
            unit,
            explicit: None,
            epoch: Epoch::Seconds,
            spans: &[],
            max_span: None,
            body: None,
        }
    }
    /// From `back` hours ago (default `default_back`) to now, in epoch seconds.
    pub const fn hours(back: &'static str, default_back: u32) -> Window {
        Window::new(back, default_back, TimeUnit::Hours)
    }
    /// From `back` days ago (default `default_back`) to now, in epoch seconds.
    pub const fn days(back: &'static str, default_back: u32) -> Window {
        Window::new(back, default_back, TimeUnit::Days)
    }
    /// Ends `arg` units ago (default `default`) instead of now.
    pub const fn until(mut self, arg: &'static str, default: u32) -> Window {
        self.until = Some((arg, default));
        self
    }
    /// Explicit epoch bounds that replace the relative ones.
    pub const fn explicit(mut self, start: &'static str, end: &'static str) -> Window {
        self.explicit = Some((start, end));
        self
    }
    pub const fn millis(mut self) -> Window {
        self.epoch = Epoch::Millis;
        self
    }
    pub const fn spans(mut self, spans: &'static [u32]) -> Window {
        self.spans = spans;
        self
    }
    pub const fn max_span(mut self, units: u32) -> Window {
        self.max_span = Some(units);
        self
    }
    pub const fn in_body(mut self, start: &'static str, end: &'static str) -> Window {
        self.body = Some((start, end));
        self
    }
}

/// A filter the server applies to a list's rows, for arguments the API itself does not take
/// (the official SDK filtered these on the client): a row is kept when one of `fields` matches
/// the argument, case-insensitively; a list-valued field matches when one element does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    pub arg: &'static str,
    pub fields: &'static [&'static str],
    /// Whole-value match; otherwise a substring.
    pub exact: bool,
}

impl Filter {
    pub const fn contains(arg: &'static str, fields: &'static [&'static str]) -> Filter {
        Filter {
            arg,
            fields,
            exact: false,
        }
    }
    pub const fn equals(arg: &'static str, fields: &'static [&'static str]) -> Filter {
        Filter {
            arg,
            fields,
            exact: true,
        }
    }
}

/// One HTTP mapping of a tool. A tool has one or more; the first whose `when` holds is used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Route {
    pub when: When,
    pub verb: Verb,
    /// Path with `{placeholders}`: argument names, `{customerId}`, or lookup targets.
    pub path: &'static str,
    /// Query pairs: key and template (`{arg}`, `name+EQ+{arg}`, or a literal). A pair whose
    /// template names an absent argument is left out.
    pub query: &'static [(&'static str, &'static str)],
    pub answer: Answer,
    /// Send a JSON body built from the parameters' [`Body`] targets.
    pub body: bool,
    /// Fixed body fields, set unless an argument already set them.
    pub fixed: &'static [(&'static str, Lit)],
    /// Keys of a [`Body::Merge`] object whose scalar lists become `[{"id": ...}]`.
    pub id_lists: &'static [&'static str],
    pub lookups: &'static [Lookup],
    /// Read the current record (GET on this path, usually the route's own) and send it back
    /// with the changes applied: the API replaces the whole record on PUT, so a partial update
    /// must not clear the fields the caller did not name.
    pub merge_from: Option<&'static str>,
    /// Converts the current record before the changes are applied (read and write speak
    /// different API versions).
    pub merge_adapter: Option<&'static RecordAdapter>,
    /// After the write, GET this path and answer with it (list endpoints that answer nothing).
    pub read_back: Option<&'static str>,
    /// A POST that only reads (search): safe to retry.
    pub read_only: bool,
    /// Filters applied to the rows by the server (arguments the API does not take).
    pub filters: &'static [Filter],
    /// A time window computed at call time ([`Window`]).
    pub window: Option<&'static Window>,
    /// A GraphQL operation posted to `path` ([`Route::graphql`]).
    pub graphql: Option<&'static Graphql>,
}

impl Route {
    const fn new(verb: Verb, path: &'static str) -> Route {
        Route {
            when: When::Always,
            verb,
            path,
            query: &[],
            answer: Answer::Object,
            body: false,
            fixed: &[],
            id_lists: &[],
            lookups: &[],
            merge_from: None,
            merge_adapter: None,
            read_back: None,
            read_only: false,
            filters: &[],
            window: None,
            graphql: None,
        }
    }
    pub const fn get(path: &'static str) -> Route {
        Route::new(Verb::Get, path)
    }
    pub const fn post(path: &'static str) -> Route {
        let mut r = Route::new(Verb::Post, path);
        r.body = true;
        r
    }
    pub const fn put(path: &'static str) -> Route {
        let mut r = Route::new(Verb::Put, path);
        r.body = true;
        r
    }
    pub const fn delete(path: &'static str) -> Route {
        Route::new(Verb::Delete, path)
    }
    pub const fn when(mut self, when: When) -> Route {
        self.when = when;
        self
    }
    pub const fn query(mut self, query: &'static [(&'static str, &'static str)]) -> Route {
        self.query = query;
        self
    }
    /// Answers one request's rows.
    pub const fn list(mut self) -> Route {
        self.answer = Answer::List(Pages::One);
        self
    }
    /// ZIA numbered pages (`page`, `pageSize`).
    pub const fn pages(mut self, page: &'static str, size: &'static str, page_size: u32) -> Route {
        self.answer = Answer::List(Pages::Numbered {
            page,
            size,
            page_size,
        });
        self
    }
    /// The service's own paging: every page, or the one page asked for.
    pub const fn paged(mut self) -> Route {
        self.answer = Answer::List(Pages::Service);
        self
    }
    /// The service's own paging, page number and size in the body: every page, or the one
    /// page asked for.
    pub const fn paged_in_body(mut self) -> Route {
        self.answer = Answer::List(Pages::ServiceInBody);
        self
    }
    /// Pages walked as `paging` says ([`Pages::Walk`]); `one_page`: the query key that asks for
    /// one page instead.
    pub const fn walk(
        mut self,
        paging: crate::client::paging::Paging,
        one_page: Option<&'static str>,
    ) -> Route {
        self.answer = Answer::List(Pages::Walk { paging, one_page });
        self
    }
    pub const fn no_body(mut self) -> Route {
        self.body = false;
        self
    }
    pub const fn fixed(mut self, fixed: &'static [(&'static str, Lit)]) -> Route {
        self.fixed = fixed;
        self
    }
    pub const fn id_lists(mut self, keys: &'static [&'static str]) -> Route {
        self.id_lists = keys;
        self
    }
    pub const fn lookups(mut self, lookups: &'static [Lookup]) -> Route {
        self.lookups = lookups;
        self
    }
    /// Read-merge-write on the route's own path.
    pub const fn merge_current(mut self) -> Route {
        self.merge_from = Some(self.path);
        self
    }
    /// Read-merge-write, reading the current record from `path` (ZPA reads v1, writes v2).
    pub const fn merge_from(mut self, path: &'static str) -> Route {
        self.merge_from = Some(path);
        self
    }
    /// Read-merge-write, reading the current record from `path` and converting it with
    /// `adapter` before the changes are applied.
    pub const fn merge_adapted(
        mut self,
        path: &'static str,
        adapter: &'static RecordAdapter,
    ) -> Route {
        self.merge_from = Some(path);
        self.merge_adapter = Some(adapter);
        self
    }
    pub const fn read_back(mut self, path: &'static str) -> Route {
        self.read_back = Some(path);
        self
    }
    pub const fn read_only(mut self) -> Route {
        self.read_only = true;
        self
    }
    /// Rows are filtered by the server on these arguments.
    pub const fn filters(mut self, filters: &'static [Filter]) -> Route {
        self.filters = filters;
        self
    }
    /// The call carries a time window computed from its arguments.
    pub const fn window(mut self, window: &'static Window) -> Route {
        self.window = Some(window);
        self
    }
    /// A GraphQL operation: POST `{"query", "variables", "operationName"}` to `path`; a read,
    /// safe to retry. The answer is a list when the operation names its rows, walked page by
    /// page when it names its page variables ([`Graphql`]).
    pub const fn graphql(path: &'static str, operation: &'static Graphql) -> Route {
        let mut r = Route::new(Verb::Post, path);
        r.read_only = true;
        r.graphql = Some(operation);
        r.answer = match (operation.rows, operation.pages) {
            (None, _) => Answer::Object,
            (Some(_), None) => Answer::List(Pages::One),
            (Some(_), Some(_)) => Answer::List(Pages::Service),
        };
        r
    }
}

/// A GraphQL operation a route posts: the query document (ours, written against the API's
/// schema), its variables built from the call's arguments, and where the answer sits.
///
/// The variables are a JSON template (text, parsed when the call runs; the catalog tests parse
/// every one). A string leaf that is exactly `"{name}"` becomes the argument's JSON value as
/// given (typed: numbers stay numbers, lists stay lists), the service's tenant id when `name`
/// is its placeholder (`{customerId}`), or a time window bound (`{@start}`, `{@end}`). An object
/// key written `"{name}"` is replaced by the argument's text (`orderBy: {"{sort_by}": ...}`). A
/// leaf naming an absent argument is left out, and so is an object or list left with nothing:
/// a filter object none of whose filters was given disappears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Graphql {
    /// The operation's name (`operationName`), as in the document.
    pub operation: &'static str,
    pub document: &'static str,
    pub variables: &'static str,
    /// The path of the answer under `data`: the root field, then any fields below it
    /// (Z-Insights: the domain, then the report).
    pub at: &'static [&'static str],
    /// The field of the answer holding rows (`nodes` of a connection, `entries` of a report);
    /// `None`: the answer is one record, the object at [`Graphql::at`].
    pub rows: Option<&'static str>,
    /// How a connection pages, when it does.
    pub pages: Option<GraphqlPages>,
    /// The argument capping the rows the API answers (Z-Insights `limit`): an answer that
    /// holds that many says there may be more.
    pub limit: Option<&'static str>,
}

/// The page variables of a GraphQL connection (`{nodes, pageInfo {totalPages, totalCount}}`).
/// Without the page argument every page is walked (complete, or cut at the caps with a
/// continuation); with it, that page and where the next one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphqlPages {
    /// The page-number variable and the argument that fills it.
    pub page_var: &'static str,
    pub page_arg: &'static str,
    /// The page-size variable, and the size used when walking if the caller gives none.
    pub size_var: &'static str,
    pub page_size: u32,
}

impl Graphql {
    /// A query answering the record at `data.<at...>`.
    pub const fn query(
        operation: &'static str,
        document: &'static str,
        variables: &'static str,
        at: &'static [&'static str],
    ) -> Graphql {
        Graphql {
            operation,
            document,
            variables,
            at,
            rows: None,
            pages: None,
            limit: None,
        }
    }
    /// The answer's rows are under `field` of the object at `at`.
    pub const fn rows(mut self, field: &'static str) -> Graphql {
        self.rows = Some(field);
        self
    }
    /// A connection paged by these variables.
    pub const fn pages(mut self, pages: GraphqlPages) -> Graphql {
        self.pages = Some(pages);
        self
    }
    /// The API answers at most as many rows as the argument `arg` says.
    pub const fn limit(mut self, arg: &'static str) -> Graphql {
        self.limit = Some(arg);
        self
    }
}

/// Named behaviour a declaration cannot express as routes. Each handler receives its routes
/// by name, so a declaration cannot hand it a misordered list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Special {
    /// ZIA URL lookup: 100 URLs per request, results concatenated.
    ZiaUrlLookup { lookup: &'static Route },
    /// ZIA GRE tunnel: resolve (or create) the static IP, pick the recommended VIPs, create.
    ZiaGreTunnelCreate(&'static GreTunnelRoutes),
    /// ZIA GRE tunnel delete: the tunnel, then its static IP.
    ZiaGreTunnelDelete {
        tunnel: &'static Route,
        static_ip: &'static Route,
    },
    /// ZIA predefined URL category, addressed by name or id: GET, else find it in the list;
    /// then, for the update tool, PUT the merged record.
    ZiaPredefinedCategory {
        by_id: &'static Route,
        all: &'static Route,
        update: Option<&'static Route>,
    },
    /// ZIA IPS signature rule: validate the rule text, then create.
    ZiaIpsSignatureCreate {
        validate: &'static Route,
        create: &'static Route,
    },
    /// ZPA LSS log types: a fixed table (the API has no list of them), no request.
    ZpaLssLogTypes,
}

/// The routes of [`Special::ZiaGreTunnelCreate`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GreTunnelRoutes {
    /// Finds the static IP by address.
    pub find_static_ip: Route,
    /// Creates the static IP when it is not provisioned yet.
    pub create_static_ip: Route,
    /// Free internal ranges for the tunnel.
    pub internal_ranges: Route,
    /// The recommended virtual IPs for the source IP.
    pub recommended_vips: Route,
    /// Creates the tunnel.
    pub create_tunnel: Route,
}

impl Special {
    /// Every route the handler may call.
    pub fn routes(&self) -> Vec<&'static Route> {
        match *self {
            Special::ZiaUrlLookup { lookup } => vec![lookup],
            Special::ZiaGreTunnelCreate(r) => vec![
                &r.find_static_ip,
                &r.create_static_ip,
                &r.internal_ranges,
                &r.recommended_vips,
                &r.create_tunnel,
            ],
            Special::ZiaGreTunnelDelete { tunnel, static_ip } => vec![tunnel, static_ip],
            Special::ZiaPredefinedCategory { by_id, all, update } => {
                let mut r = vec![by_id, all];
                r.extend(update);
                r
            }
            Special::ZiaIpsSignatureCreate { validate, create } => vec![validate, create],
            Special::ZpaLssLogTypes => Vec::new(),
        }
    }
}

/// How a tool is executed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Handler {
    /// A server-introspection tool answered without calling Zscaler.
    Meta(meta::MetaTool),
    /// The generic executor, on the first route whose condition holds.
    Routes(&'static [Route]),
    /// A named handler, with the routes it uses.
    Special(Special),
}

/// One tool, as declared.
#[derive(Debug, Clone, Copy)]
pub struct ToolDeclaration {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// `None` for the always-on meta tools.
    pub service: Option<Service>,
    pub toolset: &'static str,
    pub action: Action,
    pub params: &'static [Param],
    pub handler: Handler,
    /// Answers rows: `structuredContent` is `{"result": [...], "complete": ...}`.
    pub list: bool,
    /// Accepts a JMESPath `query` applied to the result.
    pub query: bool,
    /// Returns content from outside the tenant's trust boundary.
    pub untrusted: bool,
    /// A successful write is followed by the service's staged-change note, if it has one.
    pub staged_note: bool,
    /// Rules between arguments (which alternative is needed, what an argument needs), checked
    /// before any request ([`Rule`]).
    pub rules: &'static [Rule],
}

impl ToolDeclaration {
    /// One of the tool's routes walks pages, so an answer may stop at the row or byte caps
    /// with a continuation token the tool accepts as [`schema::CURSOR_PARAM`].
    pub fn continues(&self) -> bool {
        match self.handler {
            Handler::Routes(routes) => routes
                .iter()
                .any(|r| matches!(r.answer, Answer::List(p) if p != Pages::One)),
            _ => false,
        }
    }

    /// Runs the first of these routes whose condition holds.
    pub const fn routes(mut self, routes: &'static [Route]) -> ToolDeclaration {
        self.handler = Handler::Routes(routes);
        self
    }
    /// Runs a named handler.
    pub const fn special(mut self, special: Special) -> ToolDeclaration {
        self.handler = Handler::Special(special);
        self
    }
    pub const fn params(mut self, params: &'static [Param]) -> ToolDeclaration {
        self.params = params;
        self
    }
    /// Answers rows and accepts a JMESPath `query`.
    pub const fn list(mut self) -> ToolDeclaration {
        self.list = true;
        self.query = true;
        self
    }
    /// Accepts a JMESPath `query` on the record it answers.
    pub const fn queryable(mut self) -> ToolDeclaration {
        self.query = true;
        self
    }
    pub const fn untrusted(mut self) -> ToolDeclaration {
        self.untrusted = true;
        self
    }
    /// The tool's own answer needs no staged-change note (it applies the staged changes).
    pub const fn without_staged_note(mut self) -> ToolDeclaration {
        self.staged_note = false;
        self
    }
    /// Rules between the arguments, checked with them before any request: a call that breaks
    /// one is refused with the rule. The parameters concerned say the rule in their description.
    pub const fn requires(mut self, rules: &'static [Rule]) -> ToolDeclaration {
        self.rules = rules;
        self
    }

    /// Every route the tool may call.
    pub fn declared_routes(&self) -> Vec<&'static Route> {
        match self.handler {
            Handler::Meta(_) => Vec::new(),
            Handler::Routes(r) => r.iter().collect(),
            Handler::Special(s) => s.routes(),
        }
    }

    /// The MCP tool as advertised in `tools/list`.
    pub fn to_mcp_tool(&self) -> Tool {
        // The title sits on the tool itself (not repeated in the annotations); the destructive
        // and idempotent hints mean something only for writes, so reads omit them: every byte
        // of the list is context an agent pays for.
        let mut annotations = ToolAnnotations::new();
        annotations.read_only_hint = Some(!self.action.is_write());
        if self.action.is_write() {
            annotations.destructive_hint =
                Some(matches!(self.action, Action::Update | Action::Delete));
            annotations.idempotent_hint = Some(self.action != Action::Create);
        }
        // The tenant's API is a closed domain; only tools returning content from outside the
        // tenant (EASM findings, sandbox reports) reach an open world.
        annotations.open_world_hint = Some(self.untrusted);
        let mut tool = Tool::new(
            self.name,
            self.description,
            Arc::new(schema::input_schema(self)),
        );
        tool.title = Some(self.title.to_string());
        tool.annotations = Some(annotations);
        tool
    }
}

/// Every tool name a name filter may refer to: declared tools and [`planned::PLANNED`].
pub fn known_names() -> impl Iterator<Item = &'static str> {
    all_tools()
        .map(|t| t.name)
        .chain(planned::PLANNED.iter().copied())
}

/// Every declared tool, meta tools first, then by service.
pub fn all_tools() -> impl Iterator<Item = &'static ToolDeclaration> {
    meta::TOOLS
        .iter()
        .chain(zia::tools())
        .chain(zpa::tools())
        .chain(zcc::tools())
        .chain(zeasm::tools())
        .chain(zid::tools())
        .chain(ztw::tools())
        .chain(zcell::tools())
        .chain(zdx::tools())
        .chain(zms::tools())
        .chain(zins::tools())
}
