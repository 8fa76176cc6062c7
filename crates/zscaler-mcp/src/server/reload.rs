//! Configuration reload (SIGHUP, `zscaler-mcp reload`): the whole configuration is parsed again
//! by the same parser as at startup (`config::reparse`: flags, a fresh environment snapshot,
//! the `.env` file), validated, and only the settings that can change safely at run time are
//! put in force; every other change is logged as needing a restart and the running value kept.
//! An invalid configuration is refused with a log line and the running one stays.
//!
//! Applied at run time (the [`RELOADABLE`] list): the log level (`ZSCALER_MCP_DEBUG`), the
//! audit line (`ZSCALER_MCP_LOG_TOOL_CALLS`), the tool selection (services, toolsets, tools and
//! their exclusions) and the write gate (`ZSCALER_MCP_WRITE_ENABLED`, `ZSCALER_MCP_WRITE_TOOLS`).
//! They only change which tools a view exposes and what is logged: every session sees the new
//! view on its next request (a session's enabled toolsets are kept), in-flight calls finish
//! under the view they started with.

use std::sync::Arc;

use super::state::Shared;
use crate::config::Config;

/// The settings a reload applies, as operators name them.
pub const RELOADABLE: &[&str] = &[
    "ZSCALER_MCP_DEBUG",
    "ZSCALER_MCP_LOG_TOOL_CALLS",
    "ZSCALER_MCP_SERVICES",
    "ZSCALER_MCP_DISABLED_SERVICES",
    "ZSCALER_MCP_TOOLSETS",
    "ZSCALER_MCP_DISABLED_TOOLSETS",
    "ZSCALER_MCP_TOOLS",
    "ZSCALER_MCP_DISABLED_TOOLS",
    "ZSCALER_MCP_WRITE_ENABLED",
    "ZSCALER_MCP_WRITE_TOOLS",
];

/// What a reload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Reloadable settings that changed and are now in force.
    pub applied: Vec<&'static str>,
    /// Settings that changed but need a restart; their running values were kept.
    pub needs_restart: Vec<&'static str>,
}

/// Applies reloaded configurations to a running server.
#[derive(Clone)]
pub struct Reloader {
    shared: Arc<Shared>,
}

fn differs<T: std::fmt::Debug>(a: &T, b: &T) -> bool {
    format!("{a:?}") != format!("{b:?}")
}

impl Reloader {
    pub(crate) fn new(shared: Arc<Shared>) -> Reloader {
        Reloader { shared }
    }

    /// The configuration in force.
    pub fn config(&self) -> Arc<Config> {
        self.shared.config()
    }

    /// Puts the run-time toggles of `next` in force and reports what changed. The log level is
    /// the caller's to apply (the binary owns the subscriber): see `logging::set_debug`.
    pub fn apply(&self, next: &Config) -> Outcome {
        let old = self.shared.config();
        let mut merged = (*old).clone();
        let mut applied = Vec::new();

        let mut take = |name: &'static str, changed: bool| {
            if changed {
                applied.push(name);
            }
        };
        take("ZSCALER_MCP_DEBUG", old.logging.debug != next.logging.debug);
        take(
            "ZSCALER_MCP_LOG_TOOL_CALLS",
            old.logging.log_tool_calls != next.logging.log_tool_calls,
        );
        let (o, n) = (&old.selection, &next.selection);
        take("ZSCALER_MCP_SERVICES", differs(&o.services, &n.services));
        take(
            "ZSCALER_MCP_DISABLED_SERVICES",
            differs(&o.disabled_services, &n.disabled_services),
        );
        take("ZSCALER_MCP_TOOLSETS", differs(&o.toolsets, &n.toolsets));
        take(
            "ZSCALER_MCP_DISABLED_TOOLSETS",
            differs(&o.disabled_toolsets, &n.disabled_toolsets),
        );
        take("ZSCALER_MCP_TOOLS", differs(&o.tools, &n.tools));
        take(
            "ZSCALER_MCP_DISABLED_TOOLS",
            differs(&o.disabled_tools, &n.disabled_tools),
        );
        take(
            "ZSCALER_MCP_WRITE_ENABLED",
            old.write.enabled != next.write.enabled,
        );
        take(
            "ZSCALER_MCP_WRITE_TOOLS",
            differs(&old.write.allowlist, &next.write.allowlist),
        );
        merged.logging.debug = next.logging.debug;
        merged.logging.log_tool_calls = next.logging.log_tool_calls;
        merged.selection.services = n.services.clone();
        merged.selection.disabled_services = n.disabled_services.clone();
        merged.selection.toolsets = n.toolsets.clone();
        merged.selection.disabled_toolsets = n.disabled_toolsets.clone();
        merged.selection.tools = n.tools.clone();
        merged.selection.disabled_tools = n.disabled_tools.clone();
        merged.write.enabled = next.write.enabled;
        merged.write.allowlist = next.write.allowlist.clone();

        let needs_restart = needs_restart(&old, next);
        if !applied.is_empty() {
            self.shared.replace_config(merged);
            if (applied.contains(&"ZSCALER_MCP_WRITE_ENABLED")
                || applied.contains(&"ZSCALER_MCP_WRITE_TOOLS"))
                && let Some(warning) = crate::policy::write_gate::warning(&self.shared.config())
            {
                tracing::warn!("{warning}");
            }
        }
        Outcome {
            applied,
            needs_restart,
        }
    }
}

/// Settings outside [`RELOADABLE`] that differ: their running values are kept.
fn needs_restart(old: &Config, next: &Config) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, changed: bool| {
        if changed {
            out.push(name);
        }
    };
    check("ZSCALER_MCP_TRANSPORT", old.transport != next.transport);
    check(
        "HTTP listener and edge (ZSCALER_MCP_HOST, _PORT, _TLS_*, _ALLOWED_*, limits, sessions)",
        differs(&old.http, &next.http),
    );
    check(
        "client authentication (ZSCALER_MCP_AUTH_*, OIDCPROXY_*)",
        differs(&old.client_auth, &next.client_auth)
            || old.client_auth.api_key != next.client_auth.api_key
            || old.client_auth.oidc.client_secret != next.client_auth.oidc.client_secret,
    );
    check(
        "OneAPI credentials and cloud (ZSCALER_CLIENT_ID, _CLIENT_SECRET, _PRIVATE_KEY, _CLOUD, ...)",
        differs(&old.zscaler, &next.zscaler)
            || old.zscaler.client_secret != next.zscaler.client_secret,
    );
    check(
        "Zscaler client (timeouts, retries, rate limits, proxy)",
        differs(&old.client, &next.client),
    );
    check(
        "output (ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION, _REPORT_TOKENS, _TOKEN_ENCODING)",
        differs(&old.output, &next.output),
    );
    check(
        "ZSCALER_MCP_LOG_FORMAT",
        old.logging.json != next.logging.json,
    );
    check(
        "ZSCALER_MCP_TOOL_MODE",
        old.selection.tool_mode != next.selection.tool_mode,
    );
    check(
        "ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER",
        old.selection.entitlement_filter != next.selection.entitlement_filter,
    );
    check(
        "delete confirmations (ZSCALER_MCP_SKIP_CONFIRMATIONS, _CONFIRMATION_TTL, _REQUEST_STATE_KEYS)",
        old.write.skip_confirmations != next.write.skip_confirmations
            || old.write.confirmation_ttl != next.write.confirmation_ttl
            || old.write.request_state_keys != next.write.request_state_keys,
    );
    check(
        "ZSCALER_MCP_WRITE_SCOPE",
        old.write.scope != next.write.scope,
    );
    check("sandbox", differs(&old.sandbox, &next.sandbox));
    check(
        "cloud secret stores (ZSCALER_SECRET_NAME, ZSCALER_MCP_GCP_SECRET_MANAGER, ...)",
        old.secrets.aws_secret_name != next.secrets.aws_secret_name
            || old.secrets.aws_region != next.secrets.aws_region
            || old.secrets.gcp_secret_manager != next.secrets.gcp_secret_manager
            || old.secrets.gcp_project_id != next.secrets.gcp_project_id,
    );
    check(
        "ZSCALER_MCP_STATE_STORE, ZSCALER_MCP_STATE_PREFIX",
        old.state_store != next.state_store,
    );
    check(
        "ZSCALER_MCP_PID_FILE",
        old.pid_file != next.pid_file || old.default_pid_file != next.default_pid_file,
    );
    out
}

impl Reloader {
    /// A reload request (SIGHUP): parse the configuration again as at startup, refuse it if
    /// invalid (the running one stays), else apply the run-time toggles; logged either way.
    pub async fn reload(&self) -> Option<Outcome> {
        tracing::info!("[LIFECYCLE] SIGHUP received: reloading the configuration");
        let next = match crate::config::reparse().await {
            Ok(next) => next,
            Err(why) => {
                crate::metrics::reload("refused");
                tracing::error!(
                    "configuration reload refused, the running configuration stays: {why}"
                );
                return None;
            }
        };
        let outcome = self.apply(&next);
        crate::logging::set_debug(self.shared.config().logging.debug);
        let restart = if outcome.needs_restart.is_empty() {
            "none".to_string()
        } else {
            outcome.needs_restart.join("; ")
        };
        if outcome.applied.is_empty() {
            crate::metrics::reload("unchanged");
            tracing::info!(
                "configuration reload: no run-time setting changed; changed but needing a \
                 restart (running values kept): {restart}"
            );
        } else {
            crate::metrics::reload("applied");
            let exposed = self.shared.exposed();
            tracing::info!(
                "configuration reload: applied {}; now {} tool(s) exposed; changed but needing \
                 a restart (running values kept): {restart}",
                outcome.applied.join(", "),
                exposed.resolved.tools.len()
            );
        }
        Some(outcome)
    }
}
