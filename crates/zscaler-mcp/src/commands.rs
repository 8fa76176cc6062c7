//! One-shot CLI commands that print and exit.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::catalog::ToolDeclaration;
use crate::config::{ClientKind, Config, TokenFormat};
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
    let url = server_url(config);
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

/// `zscaler-mcp config <client>`: the client's configuration entry (JSON, on stdout) for these
/// settings, and where it goes (on stderr, returned second). No secret value is ever written:
/// credentials are named with placeholders, a client-side variable or prompt (VS Code inputs),
/// or read by the server from the `.env` file the entry points at.
///
/// - stdio: `command` (the running binary's absolute path `exe`), `args` (the loaded `.env`
///   and the non-secret settings that differ from their defaults), `env`.
/// - streamable HTTP and SSE: the URL, and an `Authorization` header placeholder when the client
///   authentication mode expects one from the client (OAuth modes need none: the client signs
///   in). Claude Desktop reaches an HTTP server through the `mcp-remote` stdio bridge.
pub fn client_config(config: &Config, client: ClientKind, exe: &str) -> (String, String) {
    let mut notes = Vec::new();
    let entry = if config.transport.is_http() {
        http_entry(config, client, &mut notes)
    } else {
        stdio_entry(config, client, exe, &mut notes)
    };
    let (wrapper, file) = match client {
        ClientKind::Claude => (
            "mcpServers",
            "claude_desktop_config.json (Settings > Developer > Edit Config)",
        ),
        ClientKind::Cursor => ("mcpServers", ".cursor/mcp.json (or ~/.cursor/mcp.json)"),
        ClientKind::VsCode => ("servers", ".vscode/mcp.json (or the user mcp.json)"),
    };
    let (server, inputs) = entry;
    let mut document = serde_json::Map::new();
    if !inputs.is_empty() {
        document.insert("inputs".into(), Value::Array(inputs));
    }
    document.insert(wrapper.into(), json!({ "zscaler": server }));
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&Value::Object(document)).unwrap_or_default()
    );
    let mut stderr = format!("Merge this entry into {file}.\n");
    notes.push(
        "No secret value is printed: replace each <...> placeholder where the client keeps it, or \
         keep the secrets in the .env file the server reads."
            .to_string(),
    );
    for note in notes {
        let _ = writeln!(stderr, "{note}");
    }
    (text, stderr)
}

/// The server entry and VS Code `inputs` for a stdio server.
fn stdio_entry(
    config: &Config,
    client: ClientKind,
    exe: &str,
    notes: &mut Vec<String>,
) -> (Value, Vec<Value>) {
    let mut args: Vec<String> = Vec::new();
    if let Some(dotenv) = &config.dotenv_file {
        args.push("--dotenv-path".into());
        args.push(dotenv.display().to_string());
        notes.push(format!(
            "The server reads its settings and credentials from {} (--dotenv-path): keep that \
             file readable by you only.",
            dotenv.display()
        ));
    }
    let csv = |items: Vec<&str>| items.join(",");
    let sel = &config.selection;
    if let Some(services) = &sel.services {
        args.push("--services".into());
        args.push(csv(services.iter().map(|s| s.code()).collect()));
    }
    if !sel.disabled_services.is_empty() {
        args.push("--disabled-services".into());
        args.push(csv(sel
            .disabled_services
            .iter()
            .map(|s| s.code())
            .collect()));
    }
    match &sel.toolsets {
        crate::config::ToolsetSelection::Unset => {}
        crate::config::ToolsetSelection::All => {
            args.extend(["--toolsets".into(), "all".into()]);
        }
        crate::config::ToolsetSelection::Ids(ids) => {
            args.push("--toolsets".into());
            args.push(ids.join(","));
        }
    }
    if !sel.disabled_toolsets.is_empty() {
        args.push("--disabled-toolsets".into());
        args.push(sel.disabled_toolsets.join(","));
    }
    if let Some(tools) = &sel.tools {
        args.push("--tools".into());
        args.push(csv(tools.iter().map(|p| p.as_str()).collect()));
    }
    if !sel.disabled_tools.is_empty() {
        args.push("--disabled-tools".into());
        args.push(csv(sel.disabled_tools.iter().map(|p| p.as_str()).collect()));
    }
    if sel.tool_mode != crate::config::ToolMode::Static {
        args.extend(["--tool-mode".into(), sel.tool_mode.as_str().into()]);
    }
    if config.write.enabled {
        args.push("--enable-write-tools".into());
        args.push("--write-tools".into());
        args.push(csv(config
            .write
            .allowlist
            .iter()
            .map(|p| p.as_str())
            .collect()));
    }
    if config.logging.log_tool_calls {
        args.push("--log-tool-calls".into());
    }
    if let Some(sandbox) = &config.sandbox {
        args.push("--sandbox".into());
        if sandbox.seed != 1 {
            args.extend(["--sandbox-seed".into(), sandbox.seed.to_string()]);
        }
    }
    // Credentials: none for the sandbox; none when the `.env` file has them; else the names.
    let mut env = serde_json::Map::new();
    let mut inputs = Vec::new();
    let credentials_in_file = config.dotenv_file.is_some() && config.zscaler.client_id.is_some();
    if config.sandbox.is_none() && !credentials_in_file {
        let plain = |value: &Option<String>, placeholder: &str| {
            Value::String(value.clone().unwrap_or_else(|| placeholder.to_string()))
        };
        env.insert(
            "ZSCALER_CLIENT_ID".into(),
            plain(&config.zscaler.client_id, "<OneAPI client id>"),
        );
        env.insert(
            "ZSCALER_VANITY_DOMAIN".into(),
            plain(&config.zscaler.vanity_domain, "<vanity domain>"),
        );
        if let Some(customer) = &config.zscaler.customer_id {
            env.insert(
                "ZSCALER_CUSTOMER_ID".into(),
                Value::String(customer.clone()),
            );
        }
        if config.zscaler.cloud != "production" && !config.zscaler.cloud.is_empty() {
            env.insert(
                "ZSCALER_CLOUD".into(),
                Value::String(config.zscaler.cloud.clone()),
            );
        }
        let secret = match client {
            // VS Code prompts once and stores the answer in its secret storage.
            ClientKind::VsCode => {
                inputs.push(json!({
                    "type": "promptString",
                    "id": "zscaler-client-secret",
                    "description": "Zscaler OneAPI client secret",
                    "password": true
                }));
                "${input:zscaler-client-secret}".to_string()
            }
            // Cursor substitutes variables of its own environment.
            ClientKind::Cursor => "${env:ZSCALER_CLIENT_SECRET}".to_string(),
            ClientKind::Claude => "<OneAPI client secret>".to_string(),
        };
        env.insert("ZSCALER_CLIENT_SECRET".into(), Value::String(secret));
    }
    let mut server = serde_json::Map::new();
    if client == ClientKind::VsCode {
        server.insert("type".into(), json!("stdio"));
    }
    server.insert("command".into(), json!(exe));
    server.insert("args".into(), json!(args));
    server.insert("env".into(), Value::Object(env));
    (Value::Object(server), inputs)
}

/// The MCP endpoint a client of this HTTP server connects to: `/sse` for the legacy SSE
/// transport, `/mcp` otherwise.
fn server_url(config: &Config) -> String {
    let scheme = if config.http.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let path = if config.transport == crate::config::Transport::Sse {
        "sse"
    } else {
        "mcp"
    };
    format!(
        "{scheme}://{}:{}/{path}",
        display_host(&config.http.host),
        config.http.port
    )
}

/// The server entry and VS Code `inputs` for an HTTP server.
fn http_entry(config: &Config, client: ClientKind, notes: &mut Vec<String>) -> (Value, Vec<Value>) {
    use crate::config::{AuthMode, Transport};
    let url = server_url(config);
    // What the client must send, as a placeholder: never the key or secret itself.
    let header = match config.client_auth.effective_mode() {
        Some(AuthMode::ApiKey) => Some("Bearer <ZSCALER_MCP_AUTH_API_KEY value>"),
        Some(AuthMode::Jwt) => Some("Bearer <a JWT from your identity provider>"),
        Some(AuthMode::Zscaler) => Some("Basic <base64 of client_id:client_secret>"),
        Some(AuthMode::Oidc) | Some(AuthMode::OidcProxy) => {
            notes.push(
                "OAuth client authentication: the client signs in through the server's OAuth \
                 metadata; no header is configured."
                    .into(),
            );
            None
        }
        Some(AuthMode::None) | None => None,
    };
    if header.is_some() {
        notes.push(
            "`zscaler-mcp --generate-auth-token` builds the Authorization value (it prints a \
             credential: store it like a password)."
                .into(),
        );
    }
    let mut inputs = Vec::new();
    let header_value = header.map(|placeholder| match client {
        ClientKind::VsCode => {
            inputs.push(json!({
                "type": "promptString",
                "id": "zscaler-mcp-authorization",
                "description": format!("Authorization header for the Zscaler MCP server ({placeholder})"),
                "password": true
            }));
            "${input:zscaler-mcp-authorization}".to_string()
        }
        ClientKind::Cursor => "${env:ZSCALER_MCP_AUTH_HEADER}".to_string(),
        ClientKind::Claude => "${ZSCALER_MCP_AUTH_HEADER}".to_string(),
    });
    let server = match client {
        // Claude Desktop runs stdio servers: the mcp-remote bridge reaches the HTTP server.
        ClientKind::Claude => {
            let mut args = vec![json!("-y"), json!("mcp-remote"), json!(url)];
            let mut env = serde_json::Map::new();
            if let (Some(value), Some(placeholder)) = (&header_value, header) {
                // No space after the colon keeps Windows quoting intact.
                args.push(json!("--header"));
                args.push(json!(format!("Authorization:{value}")));
                env.insert("ZSCALER_MCP_AUTH_HEADER".into(), json!(placeholder));
            }
            json!({"command": "npx", "args": args, "env": env})
        }
        ClientKind::Cursor => {
            let mut server = json!({"url": url});
            if let Some(value) = &header_value {
                server["headers"] = json!({"Authorization": value});
            }
            server
        }
        ClientKind::VsCode => {
            let kind = if config.transport == Transport::Sse {
                "sse"
            } else {
                "http"
            };
            let mut server = json!({"type": kind, "url": url});
            if let Some(value) = &header_value {
                server["headers"] = json!({"Authorization": value});
            }
            server
        }
    };
    (server, inputs)
}
