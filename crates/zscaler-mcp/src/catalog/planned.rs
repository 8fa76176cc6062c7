//! Names of the reference tools whose services are not declared in this catalog yet. Name
//! filters (`--tools`, `--disabled-tools`, `--write-tools`) accept them, so a configuration
//! written for the full tool surface keeps working; a name that matches neither a declared tool
//! nor one of these is a typo and stops startup. Each service's declarations remove its names.

pub const PLANNED: &[&str] = &[];
