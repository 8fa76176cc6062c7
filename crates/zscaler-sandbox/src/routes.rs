//! The route table: method + path template → operation. Templates use `{name}` for path
//! parameters; a more literal template wins over a more generic one
//! (`/dlpDictionaries/lite` beats `/dlpDictionaries/{id}`).

use axum::http::Method;

use crate::engine::{Call, Read, Reply, ResourceDef};
use crate::errors::ApiError;

/// A hand-written operation for endpoints that are not plain CRUD.
pub type Handler = fn(&mut Call<'_>) -> Result<Reply, ApiError>;

/// A hand-written operation that only reads: served under the tenant's shared lock, so such
/// requests run in parallel.
pub type ReadHandler = fn(&Read<'_>) -> Result<Reply, ApiError>;

/// What a route does.
#[derive(Clone, Copy)]
pub enum Op {
    /// GET a collection: filters, pagination and the service's envelope.
    List(&'static ResourceDef),
    /// GET one record by the last path parameter.
    Get(&'static ResourceDef),
    /// POST a new record to the collection.
    Create(&'static ResourceDef),
    /// PUT: full replacement of the record named by the last path parameter.
    Replace(&'static ResourceDef),
    /// DELETE the record named by the last path parameter: 204.
    Delete(&'static ResourceDef),
    /// GET the single record of a settings-style resource.
    GetSingleton(&'static ResourceDef),
    /// PUT the single record of a settings-style resource (full replacement).
    ReplaceSingleton(&'static ResourceDef),
    /// A service's own handler that changes state.
    Custom(Handler),
    /// A service's own handler that only reads.
    CustomRead(ReadHandler),
}

impl Op {
    /// Whether the operation changes state (takes the tenant's write lock).
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            Op::List(_) | Op::Get(_) | Op::GetSingleton(_) | Op::CustomRead(_)
        )
    }
}

#[derive(Clone)]
pub struct Route {
    pub method: Method,
    pub template: &'static str,
    pub op: Op,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(&'static str),
    Param(&'static str),
}

impl Route {
    pub fn new(method: Method, template: &'static str, op: Op) -> Route {
        let segments = template
            .trim_matches('/')
            .split('/')
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => Segment::Param(name),
                    None => Segment::Literal(s),
                },
            )
            .collect();
        Route {
            method,
            template,
            op,
            segments,
        }
    }

    /// Path parameters if `path` matches this template.
    fn matches(&self, path: &[&str]) -> Option<Params> {
        if path.len() != self.segments.len() {
            return None;
        }
        let mut params = Vec::new();
        for (segment, actual) in self.segments.iter().zip(path) {
            match segment {
                Segment::Literal(l) if l == actual => {}
                Segment::Literal(_) => return None,
                Segment::Param(name) => params.push((*name, percent_decode(actual))),
            }
        }
        Some(Params(params))
    }

    fn literal_count(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    }
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Path parameters, in template order.
#[derive(Debug, Clone, Default)]
pub struct Params(pub Vec<(&'static str, String)>);

impl Params {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
    /// The last parameter: by convention the record id.
    pub fn last(&self) -> Option<&str> {
        self.0.last().map(|(_, v)| v.as_str())
    }
}

/// The compiled table.
pub struct Table {
    routes: Vec<Route>,
}

/// Outcome of a lookup.
pub enum Lookup<'a> {
    Found(&'a Route, Params),
    /// The path exists with other methods.
    WrongMethod(Vec<Method>),
    NotFound,
}

impl Table {
    pub fn new(routes: Vec<Route>) -> Table {
        Table { routes }
    }

    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    pub fn lookup(&self, method: &Method, path: &str) -> Lookup<'_> {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut best: Option<(&Route, Params)> = None;
        let mut methods = Vec::new();
        for route in &self.routes {
            let Some(params) = route.matches(&parts) else {
                continue;
            };
            if route.method != *method {
                methods.push(route.method.clone());
                continue;
            }
            if best
                .as_ref()
                .is_none_or(|(b, _)| route.literal_count() > b.literal_count())
            {
                best = Some((route, params));
            }
        }
        match best {
            Some((route, params)) => Lookup::Found(route, params),
            None if !methods.is_empty() => Lookup::WrongMethod(methods),
            None => Lookup::NotFound,
        }
    }
}
