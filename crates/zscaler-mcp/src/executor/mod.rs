//! The generic executor: the one place every Zscaler tool call goes through, after policy has
//! let it pass. It names no service: what differs between services is read from their
//! [`Conventions`](crate::catalog::conventions::Conventions).
//!
//! - [`dispatch`]: the declaration's handler (routes or a named special handler), errors as
//!   `isError` results, the hand-off to shaping;
//! - [`route`]: one route: lookups, path, query and body, read-merge-write, read-back;
//! - [`request`]: path placeholders, query templates and bodies from the arguments;
//! - [`lists`]: rows from envelopes, one asked page or every page, server-side row filters;
//! - [`special`]: the named handlers, each with its routes by name;
//! - [`window`]: time windows computed from relative arguments, checked against the API's rules;
//! - [`graphql`]: GraphQL routes: variables from a template, answers out of `data`, connections;
//! - [`arguments`]: validation of the arguments against the declared parameters.
//!
//! Shaping (sanitize → JMESPath → CSV/JSON → notes) is [`crate::shaping`].

pub mod arguments;
mod dispatch;
mod graphql;
mod lists;
pub mod request;
mod route;
mod special;
mod window;

use crate::catalog::ToolDeclaration;
use crate::catalog::conventions::Conventions;
use crate::client::ZscalerClient;
use crate::client::error::ApiError;
use crate::service::Service;

pub use dispatch::run;

/// What a call needs besides its arguments.
pub struct Context<'a> {
    pub client: &'a ZscalerClient,
    /// The tenant id a service's paths carry (ZPA `{customerId}`), when configured.
    pub customer_id: Option<&'a str>,
    /// ZCell's own tenant id (`ZCELL_CUSTOMER_ID`), when configured.
    pub zcell_customer_id: Option<&'a str>,
    /// Sanitize answers (strings of results and of API error messages); on by default.
    pub sanitize: bool,
}

/// One call of one tool: the declaration, its service's conventions, the context.
pub(crate) struct Call<'a> {
    pub tool: &'a ToolDeclaration,
    pub service: Service,
    pub conventions: &'static Conventions,
    pub ctx: &'a Context<'a>,
}

/// Why a call failed.
#[derive(Debug)]
pub enum Failure {
    /// The caller's arguments (or the server's configuration) cannot make this call.
    Invalid(String),
    /// The Zscaler API refused or failed (boxed: errors are rare, results are hot).
    Api(Box<ApiError>),
    /// A later step of a multi-request operation failed after earlier steps took effect:
    /// `done` says what was already changed, so the caller is never left guessing.
    After { done: String, failure: Box<Failure> },
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Failure {
        Failure::Api(Box::new(e))
    }
}

impl From<String> for Failure {
    fn from(e: String) -> Failure {
        Failure::Invalid(e)
    }
}
