//! ZTW (Cloud & Branch Connector). Its tools arrive with the other services; its conventions
//! are already known to the executor.

use super::conventions::{Conventions, Ids};

/// ZTW's conventions: numeric ids in bodies, as in ZIA.
pub static CONVENTIONS: Conventions = Conventions {
    ids: Ids::Numeric,
    ..Conventions::PLAIN
};
