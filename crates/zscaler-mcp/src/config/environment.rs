//! The variables configuration is read from: the process environment, then a `.env` file.
//!
//! Precedence (highest first): command-line flag, process environment, `.env`. A `.env` never
//! overrides a variable already set in the process (unlike the reference server, whose `./.env`
//! silently beat the environment). The `.env` is the file named by `--dotenv-path` or
//! `ZSCALER_MCP_DOTENV_PATH` (which must exist), else `./.env` when present.
//!
//! This is read exactly once, into [`Environment`]; nothing reads `std::env` after that.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::ConfigError;

/// A snapshot of the variables that configure the server, and where each came from.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    vars: BTreeMap<String, String>,
    /// Names whose value came from the `.env` file, so errors can say where to fix them.
    from_file: BTreeSet<String>,
    /// The `.env` file that was loaded, if any (reported by `zscaler_get_server_info`).
    dotenv_file: Option<PathBuf>,
    /// Names set from a cloud secret store, and which (errors name it).
    from_store: BTreeMap<String, String>,
}

impl Environment {
    /// Snapshot of the process environment, completed by the `.env` file. `explicit` is the
    /// `--dotenv-path` flag; when absent, `ZSCALER_MCP_DOTENV_PATH` from the process environment
    /// is used, else `./.env` if it exists.
    pub fn load(explicit: Option<&Path>) -> Result<Environment, ConfigError> {
        let vars: BTreeMap<String, String> = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect();
        let mut env = Environment::from_vars(vars);
        let (path, source) = match explicit {
            Some(p) => (Some(p.to_path_buf()), Some("--dotenv-path")),
            None => match env.get("ZSCALER_MCP_DOTENV_PATH") {
                Some(p) => (Some(PathBuf::from(p)), Some("ZSCALER_MCP_DOTENV_PATH")),
                None => (None, None),
            },
        };
        match (path, source) {
            (Some(path), Some(source)) => {
                let path = expand_home(&path, env.get("HOME"));
                if !path.is_file() {
                    return Err(ConfigError::new(
                        source,
                        path.display().to_string(),
                        "the path of an existing .env file",
                    ));
                }
                env.merge_dotenv(&path, source)?;
            }
            _ => {
                let local = PathBuf::from(".env");
                if local.is_file() {
                    env.merge_dotenv(&local, ".env")?;
                }
            }
        }
        Ok(env)
    }

    /// An environment from explicit variables (tests, embedding).
    pub fn from_vars<I, K, V>(vars: I) -> Environment
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Environment {
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            from_file: BTreeSet::new(),
            dotenv_file: None,
            from_store: BTreeMap::new(),
        }
    }

    fn merge_dotenv(&mut self, path: &Path, source: &str) -> Result<(), ConfigError> {
        let iter = dotenvy::from_path_iter(path).map_err(|e| {
            ConfigError::new(
                source,
                path.display().to_string(),
                format!("a readable .env file ({e})"),
            )
        })?;
        for item in iter {
            let (key, value) = item.map_err(|e| {
                ConfigError::new(
                    source,
                    path.display().to_string(),
                    format!("a well-formed .env file ({})", describe_dotenv_error(&e)),
                )
            })?;
            if !self.vars.contains_key(&key) {
                self.from_file.insert(key.clone());
                self.vars.insert(key, value);
            }
        }
        self.dotenv_file = Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
        Ok(())
    }

    /// The variable's value, trimmed; an empty or blank value counts as unset, as container
    /// env files commonly leave optional variables empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Sets `name` from a cloud secret store (`store` describes it), over any value the process
    /// environment or `.env` gave.
    pub fn set_from(&mut self, name: &str, value: String, store: &str) {
        self.from_file.remove(name);
        self.from_store.insert(name.to_string(), store.to_string());
        self.vars.insert(name.to_string(), value);
    }

    /// How to name the variable in an error: `NAME`, `NAME (from /path/.env)`, or
    /// `NAME (from <secret store>)`.
    pub fn describe(&self, name: &str) -> String {
        if let Some(store) = self.from_store.get(name) {
            return format!("{name} (from {store})");
        }
        match (&self.dotenv_file, self.from_file.contains(name)) {
            (Some(file), true) => format!("{name} (from {})", file.display()),
            _ => name.to_string(),
        }
    }

    pub fn dotenv_file(&self) -> Option<&Path> {
        self.dotenv_file.as_deref()
    }
}

/// dotenvy's parse error names the offending line; its Display may echo the line's contents,
/// which can hold a secret, so only the position is reported.
fn describe_dotenv_error(e: &dotenvy::Error) -> String {
    match e {
        dotenvy::Error::LineParse(_, index) => format!("cannot parse the line at byte {index}"),
        dotenvy::Error::Io(io) => io.to_string(),
        _ => "malformed content".to_string(),
    }
}

fn expand_home(path: &Path, home: Option<&str>) -> PathBuf {
    match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => Path::new(home).join(rest),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_values_count_as_unset_and_values_are_trimmed() {
        let env = Environment::from_vars([("A", "  "), ("B", " x ")]);
        assert_eq!(env.get("A"), None);
        assert_eq!(env.get("B"), Some("x"));
        assert_eq!(env.get("C"), None);
    }

    #[test]
    fn dotenv_never_overrides_the_process_environment() {
        let dir = std::env::temp_dir().join(format!("zmcp-env-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("test.env");
        std::fs::write(&file, "ZSCALER_MCP_SERVICES=zcc\nZSCALER_MCP_PORT=9001\n").expect("write");
        let mut env = Environment::from_vars([("ZSCALER_MCP_SERVICES", "zid")]);
        env.merge_dotenv(&file, "--dotenv-path").expect("merge");
        assert_eq!(env.get("ZSCALER_MCP_SERVICES"), Some("zid"));
        assert_eq!(env.get("ZSCALER_MCP_PORT"), Some("9001"));
        assert_eq!(env.describe("ZSCALER_MCP_SERVICES"), "ZSCALER_MCP_SERVICES");
        assert!(
            env.describe("ZSCALER_MCP_PORT")
                .starts_with("ZSCALER_MCP_PORT (from ")
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn home_is_expanded() {
        assert_eq!(
            expand_home(Path::new("~/x/.env"), Some("/h")),
            PathBuf::from("/h/x/.env")
        );
        assert_eq!(
            expand_home(Path::new("/a/.env"), Some("/h")),
            PathBuf::from("/a/.env")
        );
    }
}
