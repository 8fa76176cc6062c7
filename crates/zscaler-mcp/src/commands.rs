//! One-shot CLI commands that print and exit.

use std::fmt::Write as _;

use serde_json::json;

use crate::catalog::ToolDeclaration;
use crate::config::{Config, TokenFormat};
use crate::policy::selection;
use crate::server::VERSION;
use crate::service::Service;

/// `--version`.
pub fn version() -> String {
    format!("zscaler-mcp {VERSION}\n")
}

/// Tools `--list-tools` shows: every tool of the enabled services, write tools included (the
/// allowlist decides what is registered at run time, not what exists).
fn listed_tools(config: &Config) -> Vec<&'static ToolDeclaration> {
    let mut unrestricted = config.clone();
    unrestricted.selection.toolsets = crate::config::ToolsetSelection::All;
    unrestricted.selection.disabled_toolsets.clear();
    unrestricted.selection.tools = None;
    unrestricted.write.enabled = true;
    unrestricted.write.allowlist =
        vec![crate::pattern::NamePattern::parse("*").expect("literal pattern")];
    selection::resolve(&unrestricted).tools
}

/// `--list-tools`: tools grouped by service with their action; `json` for machines.
pub fn list_tools(config: &Config, json: bool) -> String {
    let tools = listed_tools(config);
    let mut groups: Vec<(String, Vec<&ToolDeclaration>)> = Vec::new();
    let mut push =
        |key: &str, t: &'static ToolDeclaration| match groups.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => v.push(t),
            None => groups.push((key.to_string(), vec![t])),
        };
    for t in tools.iter().filter(|t| t.service.is_none()) {
        push("meta", t);
    }
    for service in Service::ALL {
        for t in tools.iter().filter(|t| t.service == Some(service)) {
            push(service.code(), t);
        }
    }
    for (_, v) in groups.iter_mut() {
        v.sort_by_key(|t| t.name);
    }
    if json {
        let value = json!({
            "version": VERSION,
            "toolCount": tools.len(),
            "services": groups.iter().map(|(service, tools)| json!({
                "service": service,
                "tools": tools.iter().map(|t| json!({
                    "name": t.name,
                    "action": t.action.as_str(),
                    "toolset": t.toolset,
                    "title": t.title,
                    "description": t.description,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        return format!(
            "{}\n",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    }
    let mut out = format!(
        "zscaler-mcp {VERSION}: {} tool(s) across {} group(s)\n",
        tools.len(),
        groups.len()
    );
    for (service, tools) in &groups {
        let _ = write!(out, "\n{service} ({}):\n", tools.len());
        for t in tools {
            let action = if t.action.is_write() {
                format!(" [{}]", t.action.as_str())
            } else {
                String::new()
            };
            let summary = t
                .description
                .split(". ")
                .next()
                .unwrap_or(t.description)
                .trim_end_matches('.');
            let _ = writeln!(out, "  {}{action}: {summary}.", t.name);
        }
    }
    out
}

/// Failure of a one-shot command: printed on stderr, exit 1.
#[derive(Debug)]
pub struct CommandError(pub String);

/// `--generate-auth-token`: ready-to-paste MCP client configurations for the configured bind and
/// scheme: a streamable-HTTP entry with headers, and a stdio bridge through `mcp-remote`.
///
/// `bearer` prints the configured API key, or generates a fresh one and says where to set it.
/// `basic` (zscaler mode) never prints the OneAPI client secret: the header is built on the
/// operator's machine by the command it prints.
pub fn generate_auth_token(config: &Config, format: TokenFormat) -> Result<String, CommandError> {
    use base64::Engine as _;
    let scheme = if config.http.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let url = format!(
        "{scheme}://{}:{}/mcp",
        display_host(&config.http.host),
        config.http.port
    );
    let mut out = String::new();
    let rule = "=".repeat(70);
    let _ = writeln!(out, "{rule}\nMCP client authentication\n{rule}");
    // The header value, or the placeholder the configurations carry.
    let header = match format {
        TokenFormat::Basic => {
            let id = config
                .zscaler
                .client_id
                .clone()
                .unwrap_or_else(|| "$ZSCALER_CLIENT_ID".to_string());
            let _ = writeln!(
                out,
                "Mode: zscaler (server: ZSCALER_MCP_AUTH_MODE=zscaler). Clients send their own \
                 OneAPI client credentials as HTTP Basic.\n\n\
                 The client secret is not printed here. Build the header where the secret is:\n  \
                 printf '%s' \"{id}:$ZSCALER_CLIENT_SECRET\" | base64 | tr -d '\\n'\n\
                 and use \"Basic <that output>\" as ZSCALER_MCP_AUTH_HEADER below.\n"
            );
            "${ZSCALER_MCP_AUTH_HEADER}".to_string()
        }
        TokenFormat::Bearer => {
            let key = match &config.client_auth.api_key {
                Some(key) => {
                    let _ = writeln!(
                        out,
                        "Mode: api-key, with the key configured in ZSCALER_MCP_AUTH_API_KEY.\n"
                    );
                    key.expose().to_string()
                }
                None => {
                    let mut bytes = [0u8; 32];
                    getrandom::fill(&mut bytes).map_err(|e| {
                        CommandError(format!("no secure random source available: {e}"))
                    })?;
                    let key = format!(
                        "zmcp_{}",
                        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
                    );
                    let _ = writeln!(
                        out,
                        "Mode: api-key. A new API key was generated; set it on the server:\n  \
                         ZSCALER_MCP_AUTH_MODE=api-key\n  ZSCALER_MCP_AUTH_API_KEY={key}\n"
                    );
                    key
                }
            };
            format!("Bearer {key}")
        }
    };
    let literal = !header.starts_with("${");
    let http_entry = json!({"mcpServers": {"zscaler": {
        "type": "http", "url": url, "headers": {"Authorization": header}
    }}});
    let _ = writeln!(
        out,
        "Streamable HTTP client entry (Claude Code, Cursor, VS Code and similar{}):\n{}\n",
        if literal {
            ""
        } else {
            "; set ZSCALER_MCP_AUTH_HEADER in the client's environment"
        },
        serde_json::to_string_pretty(&http_entry).unwrap_or_default()
    );
    // mcp-remote substitutes ${VAR} from `env`; no space after the colon keeps Windows quoting
    // intact.
    let bridge = json!({"mcpServers": {"zscaler": {
        "command": "npx",
        "args": ["-y", "mcp-remote", url, "--header", "Authorization:${ZSCALER_MCP_AUTH_HEADER}"],
        "env": {"ZSCALER_MCP_AUTH_HEADER": if literal { header.as_str() } else { "Basic <the output above>" }}
    }}});
    let _ = writeln!(
        out,
        "stdio bridge through mcp-remote (Claude Desktop and other stdio-only clients):\n{}",
        serde_json::to_string_pretty(&bridge).unwrap_or_default()
    );
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(
        out,
        "The Authorization value is a credential: store it like a password."
    );
    Ok(out)
}

fn display_host(host: &str) -> String {
    match host {
        "0.0.0.0" | "::" => "localhost".to_string(),
        h if h.contains(':') => format!("[{h}]"),
        h => h.to_string(),
    }
}

/// `zscaler-mcp sandbox`: starts the simulated tenant, prints how to reach it (one
/// `name: value` per line on stdout), and serves until `stop` resolves.
pub async fn sandbox(
    config: zscaler_sandbox::SandboxConfig,
    stop: impl Future<Output = ()>,
) -> Result<(), zscaler_sandbox::server::SandboxError> {
    use std::io::Write as _;
    let running = zscaler_sandbox::Sandbox::start(config).await?;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(running.describe().as_bytes());
    let _ = out.flush();
    drop(out);
    tracing::info!(
        "SANDBOX: simulated Zscaler tenant at {} (not a real tenant)",
        running.base_url
    );
    stop.await;
    running
        .stop()
        .await
        .map_err(|e| zscaler_sandbox::server::SandboxError::Setup(e.to_string()))
}
