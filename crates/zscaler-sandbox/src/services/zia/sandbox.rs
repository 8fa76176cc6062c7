//! ZIA `zia_sandbox` endpoints.

use crate::engine::ResourceDef;
use crate::routes::Route;

pub static RESOURCES: &[&ResourceDef] = &[];

pub fn routes() -> Vec<Route> {
    Vec::new()
}
