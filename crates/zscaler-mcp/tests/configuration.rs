//! Configuration: precedence, uniform booleans, and one-line errors naming the flag or variable.

use clap::Parser;
use zscaler_mcp::config::{
    self, AuthMode, Cli, ConfigError, Environment, Invocation, TokenFormat, ToolsetSelection,
    Transport,
};

fn resolve(args: &[&str], vars: &[(&str, &str)]) -> Result<Invocation, ConfigError> {
    let mut argv = vec!["zscaler-mcp"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).expect("arguments parse");
    config::resolve(cli, &Environment::from_vars(vars.iter().copied()))
}

fn serve(args: &[&str], vars: &[(&str, &str)]) -> config::Config {
    match resolve(args, vars) {
        Ok(Invocation::Serve(c)) => *c,
        other => panic!("expected Serve, got {other:?}"),
    }
}

fn error(args: &[&str], vars: &[(&str, &str)]) -> ConfigError {
    resolve(args, vars).expect_err("configuration must be refused")
}

#[test]
fn defaults_match_the_documented_ones() {
    let c = serve(&[], &[]);
    assert_eq!(c.transport, Transport::Stdio);
    assert_eq!(c.http.host, "127.0.0.1");
    assert_eq!(c.http.port, 8000);
    assert!(!c.http.stateless);
    assert!(!c.write.enabled);
    assert!(c.write.allowlist.is_empty());
    assert_eq!(c.write.confirmation_ttl.as_secs(), 300);
    assert!(c.selection.entitlement_filter);
    assert!(c.output.sanitize);
    assert_eq!(c.selection.toolsets, ToolsetSelection::Unset);
    assert_eq!(c.zscaler.cloud, "production");
    assert_eq!(c.client_auth.audience, "zscaler-mcp-server");
    assert_eq!(c.client_auth.algorithms, vec!["RS256".to_string()]);
}

#[test]
fn a_flag_beats_the_environment() {
    let c = serve(
        &[
            "--transport",
            "sse",
            "--port",
            "9100",
            "--host",
            "localhost",
        ],
        &[
            ("ZSCALER_MCP_TRANSPORT", "stdio"),
            ("ZSCALER_MCP_PORT", "1"),
            ("ZSCALER_MCP_HOST", "::1"),
        ],
    );
    assert_eq!(c.transport, Transport::Sse);
    assert_eq!(c.http.port, 9100);
    assert_eq!(c.http.host, "localhost");
}

#[test]
fn the_environment_is_used_when_no_flag_is_given() {
    let c = serve(
        &[],
        &[
            ("ZSCALER_MCP_TRANSPORT", "streamable-http"),
            ("ZSCALER_MCP_PORT", "9200"),
            ("ZSCALER_MCP_SERVICES", "zia, zpa"),
            ("ZSCALER_MCP_WRITE_ENABLED", "YES"),
            ("ZSCALER_MCP_WRITE_TOOLS", "zpa_create_*,zia_update_*"),
            ("ZSCALER_MCP_DISABLED_TOOLS", "zcc_*"),
            ("ZSCALER_MCP_TOOLSETS", "zia_url_filtering,default"),
            ("ZSCALER_MCP_AUTH_MODE", "api-key"),
            (
                "ZSCALER_MCP_ALLOWED_SOURCE_IPS",
                "10.0.0.0/8, 203.0.113.42,2001:db8::/32",
            ),
            ("ZSCALER_CLOUD", "Beta"),
        ],
    );
    assert_eq!(c.transport, Transport::StreamableHttp);
    assert_eq!(c.http.port, 9200);
    let services: Vec<&str> = c
        .selection
        .services
        .as_ref()
        .expect("services")
        .iter()
        .map(|s| s.code())
        .collect();
    assert_eq!(services, ["zia", "zpa"]);
    assert!(c.write.enabled);
    assert_eq!(c.write.allowlist.len(), 2);
    assert!(c.write.allowlist[0].matches("zpa_create_segment"));
    assert!(c.selection.disabled_tools[0].matches("zcc_list_devices"));
    assert_eq!(
        c.selection.toolsets,
        ToolsetSelection::Ids(vec!["zia_url_filtering".into(), "default".into()])
    );
    assert_eq!(c.client_auth.mode, Some(AuthMode::ApiKey));
    assert_eq!(c.http.allowed_source_ips.len(), 3);
    assert_eq!(c.zscaler.cloud, "beta");
}

#[test]
fn every_boolean_spelling_is_accepted_everywhere() {
    for (value, expected) in [
        ("true", true),
        ("TRUE", true),
        ("1", true),
        ("yes", true),
        ("On", true),
        ("false", false),
        ("0", false),
        ("No", false),
        ("off", false),
        ("FALSE", false),
    ] {
        let c = serve(
            &[],
            &[
                ("ZSCALER_MCP_DEBUG", value),
                ("ZSCALER_MCP_WRITE_ENABLED", value),
                ("ZSCALER_MCP_LOG_TOOL_CALLS", value),
                ("ZSCALER_MCP_DISABLE_ENTITLEMENT_FILTER", value),
                ("ZSCALER_MCP_STATELESS_HTTP", value),
                ("ZSCALER_MCP_ALLOW_HTTP", value),
            ],
        );
        assert_eq!(c.logging.debug, expected, "{value}");
        assert_eq!(c.write.enabled, expected, "{value}");
        assert_eq!(c.logging.log_tool_calls, expected, "{value}");
        assert_eq!(c.selection.entitlement_filter, !expected, "{value}");
        assert_eq!(c.http.stateless, expected, "{value}");
        assert_eq!(c.http.allow_http, expected, "{value}");
    }
}

#[test]
fn an_invalid_boolean_names_the_variable_and_the_accepted_values() {
    let e = error(&[], &[("ZSCALER_MCP_WRITE_ENABLED", "maybe")]);
    assert_eq!(
        e.to_string(),
        "invalid ZSCALER_MCP_WRITE_ENABLED 'maybe': expected a boolean: true/false, 1/0, yes/no or on/off"
    );
}

#[test]
fn stateless_http_accepts_the_fastmcp_alias_and_ours_wins() {
    assert!(
        serve(&[], &[("FASTMCP_STATELESS_HTTP", "true")])
            .http
            .stateless
    );
    assert!(
        !serve(
            &[],
            &[
                ("FASTMCP_STATELESS_HTTP", "true"),
                ("ZSCALER_MCP_STATELESS_HTTP", "false")
            ]
        )
        .http
        .stateless
    );
    assert!(
        serve(
            &["--stateless-http"],
            &[("ZSCALER_MCP_STATELESS_HTTP", "false")]
        )
        .http
        .stateless
    );
}

#[test]
fn invalid_port_names_flag_value_and_range() {
    let e = error(&["--port", "80a"], &[]);
    assert_eq!(e.source, "--port");
    assert_eq!(e.value, "80a");
    assert!(e.expected.contains("0 to 65535"));
    let e = error(&[], &[("ZSCALER_MCP_PORT", "70000")]);
    assert_eq!(e.source, "ZSCALER_MCP_PORT");
}

#[test]
fn unknown_transport_is_refused_not_run_as_sse() {
    let e = error(&[], &[("ZSCALER_MCP_TRANSPORT", "bogus")]);
    assert_eq!(
        e.to_string(),
        "invalid ZSCALER_MCP_TRANSPORT 'bogus': expected one of: stdio, streamable-http, sse"
    );
}

#[test]
fn unknown_service_or_toolset_lists_the_valid_values() {
    let e = error(&["--services", "zia,easm"], &[]);
    assert_eq!(e.value, "easm");
    assert!(e.expected.contains("zeasm"));
    let e = error(&[], &[("ZSCALER_MCP_TOOLSETS", "zia_url_filtrng")]);
    assert_eq!(e.value, "zia_url_filtrng");
    assert!(e.expected.contains("zia_url_filtering"));
    assert!(e.expected.contains("default"));
    let e = error(&["--disabled-toolsets", "all"], &[]);
    assert_eq!(e.source, "--disabled-toolsets");
}

#[test]
fn all_keyword_selects_every_toolset() {
    assert_eq!(
        serve(&["--toolsets", "zpa_idp,all"], &[])
            .selection
            .toolsets,
        ToolsetSelection::All
    );
}

#[test]
fn malformed_pattern_is_refused_with_its_position() {
    let e = error(&["--write-tools", "zpa_[create"], &[]);
    assert_eq!(e.source, "--write-tools");
    assert!(
        e.expected.contains("unclosed '[' at position 5"),
        "{}",
        e.expected
    );
}

#[test]
fn bad_source_ip_and_origin_are_refused() {
    let e = error(&[], &[("ZSCALER_MCP_ALLOWED_SOURCE_IPS", "10.0.0.0/33")]);
    assert_eq!(e.value, "10.0.0.0/33");
    let e = error(&[], &[("ZSCALER_MCP_ALLOWED_ORIGINS", "app.example.com")]);
    assert!(e.expected.contains("https://"));
}

#[test]
fn tls_needs_both_files_under_either_spelling() {
    let e = error(&[], &[("ZSCALER_MCP_TLS_CERTFILE", "/c.pem")]);
    assert_eq!(e.source, "ZSCALER_MCP_TLS_KEY_FILE");
    let c = serve(
        &[],
        &[
            ("ZSCALER_MCP_TLS_CERT_FILE", "/c.pem"),
            ("ZSCALER_MCP_TLS_KEYFILE", "/k.pem"),
        ],
    );
    let tls = c.http.tls.expect("tls configured");
    assert_eq!(tls.cert_file.to_str(), Some("/c.pem"));
    assert_eq!(tls.key_file.to_str(), Some("/k.pem"));
}

#[test]
fn secrets_never_appear_in_errors_or_debug_output() {
    let e = error(
        &[],
        &[("ZSCALER_MCP_REQUEST_STATE_KEYS", "short-secret-value")],
    );
    assert!(!e.to_string().contains("short-secret-value"));
    assert_eq!(e.value, "<redacted>");
    let c = serve(
        &[],
        &[
            ("ZSCALER_CLIENT_SECRET", "s3cr3t-value"),
            ("ZSCALER_MCP_AUTH_API_KEY", "k3y-value"),
        ],
    );
    let debug = format!("{c:?}");
    assert!(!debug.contains("s3cr3t-value") && !debug.contains("k3y-value"));
}

#[test]
fn user_agent_comment_rejects_control_characters() {
    let e = error(&["--user-agent-comment", "a\r\nX-Injected: 1"], &[]);
    assert_eq!(e.source, "--user-agent-comment");
    assert_eq!(
        serve(&[], &[("ZSCALER_MCP_USER_AGENT_COMMENT", "My App")])
            .zscaler
            .user_agent_comment
            .as_deref(),
        Some("My App")
    );
}

#[test]
fn confirmation_ttl_must_be_positive_seconds() {
    assert_eq!(
        error(&[], &[("ZSCALER_MCP_CONFIRMATION_TTL", "0")]).source,
        "ZSCALER_MCP_CONFIRMATION_TTL"
    );
    assert_eq!(
        serve(&[], &[("ZSCALER_MCP_CONFIRMATION_TTL", "60")])
            .write
            .confirmation_ttl
            .as_secs(),
        60
    );
}

#[test]
fn auth_mode_aliases_and_unknown_mode() {
    assert_eq!(
        serve(&[], &[("ZSCALER_MCP_AUTH_MODE", "OIDCProxy")])
            .client_auth
            .mode,
        Some(AuthMode::Oidc)
    );
    assert!(
        error(&[], &[("ZSCALER_MCP_AUTH_MODE", "basic")])
            .expected
            .contains("api-key")
    );
    assert!(
        error(&[], &[("ZSCALER_MCP_AUTH_ALGORITHMS", "HS256")])
            .expected
            .contains("RS256")
    );
}

#[test]
fn one_shot_commands() {
    assert!(matches!(
        resolve(&["--version"], &[("ZSCALER_MCP_PORT", "bad")]),
        Ok(Invocation::Version)
    ));
    assert!(matches!(
        resolve(&["--list-tools", "--json"], &[]),
        Ok(Invocation::ListTools { json: true, .. })
    ));
    assert!(matches!(
        resolve(&["--generate-auth-token"], &[]),
        Ok(Invocation::GenerateAuthToken {
            format: TokenFormat::Basic,
            ..
        })
    ));
    assert!(matches!(
        resolve(&["--generate-auth-token", "BEARER"], &[]),
        Ok(Invocation::GenerateAuthToken {
            format: TokenFormat::Bearer,
            ..
        })
    ));
    assert_eq!(
        error(&["--generate-auth-token", "jwt"], &[]).source,
        "--generate-auth-token"
    );
}

#[test]
fn secret_store_and_token_encoding_settings_are_carried() {
    let c = serve(
        &[],
        &[
            ("ZSCALER_SECRET_NAME", "zscaler/mcp/credentials"),
            ("AWS_DEFAULT_REGION", "eu-west-1"),
            ("ZSCALER_MCP_GCP_SECRET_MANAGER", "no"),
            ("ZSCALER_MCP_TOKEN_ENCODING", "cl100k_base"),
        ],
    );
    assert_eq!(
        c.secrets.aws_secret_name.as_deref(),
        Some("zscaler/mcp/credentials")
    );
    assert_eq!(c.secrets.aws_region.as_deref(), Some("eu-west-1"));
    assert!(!c.secrets.gcp_secret_manager);
    assert_eq!(c.output.token_encoding, "cl100k_base");
    assert_eq!(
        error(&[], &[("ZSCALER_MCP_TOKEN_ENCODING", "gpt2")]).source,
        "ZSCALER_MCP_TOKEN_ENCODING"
    );
}

#[test]
fn client_settings_have_safe_defaults_and_refuse_bad_values() {
    let c = serve(&[], &[]);
    assert_eq!(c.client.max_retries, 4);
    assert_eq!(c.client.max_rows, 10_000);
    assert_eq!(c.client.call_timeout, std::time::Duration::from_secs(180));
    assert!(
        c.client
            .rate_limits
            .describe()
            .contains("zia.get=2/s+1000/h")
    );
    let c = serve(
        &[],
        &[
            ("ZSCALER_MCP_MAX_ROWS", "50000"),
            ("ZSCALER_MCP_MAX_BYTES", "16M"),
            ("ZSCALER_MCP_RATE_LIMITS", "off"),
            ("ZSCALER_MCP_CALL_TIMEOUT", "30"),
            ("ZSCALER_PARTNER_ID", "partner-7"),
        ],
    );
    assert_eq!(c.client.max_rows, 50_000);
    assert_eq!(c.client.max_bytes, 16 << 20);
    assert_eq!(c.client.rate_limits.describe(), "off");
    assert_eq!(c.client.call_timeout, std::time::Duration::from_secs(30));
    assert_eq!(c.client.partner_id.as_deref(), Some("partner-7"));

    for (var, value, expected) in [
        (
            "ZSCALER_MCP_MAX_ROWS",
            "0",
            "a number of rows from 1 to 1000000",
        ),
        (
            "ZSCALER_MCP_MAX_RETRIES",
            "11",
            "a number of retries from 0 to 10",
        ),
        ("ZSCALER_MCP_MAX_BYTES", "1T", "a size from 64K to 4G"),
        (
            "ZSCALER_MCP_REQUEST_TIMEOUT",
            "-1",
            "a whole number of seconds",
        ),
        (
            "ZSCALER_MCP_RATE_LIMITS",
            "zia.get=2/week",
            "unknown unit 'week'",
        ),
        (
            "ZSCALER_MCP_UPSTREAM_CA_BUNDLE",
            "/nonexistent/ca.pem",
            "a readable PEM file",
        ),
    ] {
        let e = error(&[], &[(var, value)]);
        assert_eq!(e.source, var);
        assert_eq!(e.value, value);
        assert!(e.expected.contains(expected), "{var}: {e}");
    }
}

#[test]
fn an_unusable_private_key_stops_startup_without_quoting_it() {
    let e = error(
        &[],
        &[(
            "ZSCALER_PRIVATE_KEY",
            "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXNlY3JldA==\n-----END PRIVATE KEY-----",
        )],
    );
    assert_eq!(e.source, "ZSCALER_PRIVATE_KEY");
    assert_eq!(e.value, "<redacted>");
    assert!(!e.to_string().contains("bm90LWEta2V5"), "{e}");
    assert!(e.expected.contains("PKCS#8"), "{e}");
    let e = error(&[], &[("ZSCALER_PRIVATE_KEY", "/nonexistent/key.pem")]);
    assert!(e.expected.contains("readable file path"), "{e}");
}

#[test]
fn a_tool_name_or_pattern_that_matches_nothing_stops_startup_with_suggestions() {
    let e = error(
        &["--disabled-tools", "zia_list_locations,zia_lst_locations"],
        &[],
    );
    assert_eq!(e.source, "--disabled-tools");
    assert_eq!(e.value, "zia_lst_locations");
    assert!(
        e.expected.contains("did you mean zia_list_locations"),
        "{}",
        e.expected
    );
    let e = error(
        &[],
        &[("ZSCALER_MCP_WRITE_TOOLS", "zpa_create_*,zpa_creat_*")],
    );
    assert_eq!(e.value, "zpa_creat_*");
    assert!(e.expected.contains("--list-tools"), "{}", e.expected);
    let e = error(&["--tools", "nothing"], &[]);
    assert_eq!(e.source, "--tools");
    // Names of the reference's tools for services not declared yet are accepted.
    let c = serve(&["--disabled-tools", "zdx_*,zcc_list_devices"], &[]);
    assert_eq!(c.selection.disabled_tools.len(), 2);
}

#[test]
fn api_and_token_url_overrides_allow_https_or_loopback_http_only() {
    let c = serve(
        &[],
        &[
            ("ZSCALER_MCP_API_BASE_URL", "http://127.0.0.1:9000/"),
            (
                "ZSCALER_MCP_TOKEN_URL",
                "https://login.example.net/oauth2/v1/token",
            ),
        ],
    );
    assert_eq!(
        c.zscaler.api_base_url.as_deref(),
        Some("http://127.0.0.1:9000")
    );
    assert_eq!(
        c.zscaler.token_url.as_deref(),
        Some("https://login.example.net/oauth2/v1/token")
    );
    for bad in [
        "http://example.net",
        "ftp://127.0.0.1",
        "127.0.0.1:9000",
        "https://",
    ] {
        let e = error(&[], &[("ZSCALER_MCP_API_BASE_URL", bad)]);
        assert_eq!(e.source, "ZSCALER_MCP_API_BASE_URL", "{bad}");
        assert!(
            e.expected.contains("loopback") || e.expected.contains("127.0.0.1"),
            "{bad}: {}",
            e.expected
        );
    }
}

fn exposed(args: &[&str]) -> Vec<&'static str> {
    zscaler_mcp::policy::selection::resolve(&serve(args, &[]))
        .tools
        .iter()
        .map(|t| t.name)
        .collect()
}

#[test]
fn selection_follows_the_documented_precedence() {
    use zscaler_mcp::policy::selection::resolve_with;
    use zscaler_mcp::policy::write_gate::warning as write_gate_warning;
    use zscaler_mcp::service::Service;

    // Reads by default, no writes; meta tools always.
    let all = exposed(&[]);
    assert!(all.contains(&"zia_list_locations") && all.contains(&"zscaler_list_toolsets"));
    assert!(!all.iter().any(|n| n.contains("_create_")));
    // The write gate needs both halves; one half alone warns, naming the missing one.
    let only_enabled = serve(&["--enable-write-tools"], &[]);
    assert!(write_gate_warning(&only_enabled).is_some_and(|w| w.contains("no allowlist")));
    let only_list = serve(&["--write-tools", "zia_*"], &[]);
    assert!(write_gate_warning(&only_list).is_some_and(|w| w.contains("--enable-write-tools")));
    assert!(
        !exposed(&["--write-tools", "zia_*"])
            .iter()
            .any(|n| n.contains("_create_"))
    );
    let both = exposed(&[
        "--enable-write-tools",
        "--write-tools",
        "zia_create_rule_label",
    ]);
    assert!(both.contains(&"zia_create_rule_label"));
    assert!(!both.contains(&"zia_update_rule_label"));
    // --disabled-tools beats the write allowlist.
    let beaten = exposed(&[
        "--enable-write-tools",
        "--write-tools",
        "zia_*",
        "--disabled-tools",
        "zia_create_rule_label",
    ]);
    assert!(
        !beaten.contains(&"zia_create_rule_label") && beaten.contains(&"zia_update_rule_label")
    );
    // Toolsets, then disabled toolsets (which win), and `default`.
    let ts = exposed(&[
        "--toolsets",
        "zia_rule_labels,zpa_idp",
        "--disabled-toolsets",
        "zpa_idp",
    ]);
    assert!(ts.contains(&"zia_list_rule_labels") && !ts.iter().any(|n| n.contains("zpa_")));
    let default = exposed(&["--toolsets", "default"]);
    assert!(
        default.contains(&"zpa_list_application_segments")
            || default.iter().any(|n| n.starts_with("zpa_list_app"))
    );
    assert!(!default.iter().any(|n| n.starts_with("zia_get_atp")));
    // Services, disabled services, and the entitlement filter's result.
    assert!(
        !exposed(&["--services", "zpa"])
            .iter()
            .any(|n| n.starts_with("zia_"))
    );
    assert!(
        !exposed(&["--disabled-services", "zia"])
            .iter()
            .any(|n| n.starts_with("zia_"))
    );
    let entitled = resolve_with(&serve(&[], &[]), Some(&[Service::Zpa]), &[]);
    assert_eq!(entitled.services, vec![Service::Zpa]);
    assert!(!entitled.tools.iter().any(|t| t.name.starts_with("zia_")));
    // A session's extra toolset passes every other filter still.
    let c = serve(
        &[
            "--toolsets",
            "zia_rule_labels",
            "--disabled-toolsets",
            "zpa_idp",
        ],
        &[],
    );
    let extra = resolve_with(&c, None, &["zpa_segment_groups", "zpa_idp"]);
    assert!(extra.toolsets.contains(&"zpa_segment_groups") && !extra.toolsets.contains(&"zpa_idp"));
}

#[test]
fn what_is_enforced_passes_the_startup_check() {
    use zscaler_mcp::config::unenforced::refuse_unenforced;
    // Defaults, every transport on loopback, and a non-loopback bind behind a TLS proxy.
    for (args, vars) in [
        (vec![], vec![]),
        (
            vec!["--transport", "streamable-http"],
            vec![("ZSCALER_MCP_AUTH_API_KEY", "zmcp_0123456789abcdef")],
        ),
        (
            vec!["--transport", "sse", "--host", "::1"],
            vec![("ZSCALER_MCP_AUTH_MODE", "none")],
        ),
        (
            vec!["--transport", "streamable-http", "--host", "0.0.0.0"],
            vec![
                ("ZSCALER_MCP_ALLOW_HTTP", "true"),
                ("ZSCALER_MCP_AUTH_ENABLED", "false"),
            ],
        ),
        (
            vec![],
            vec![
                ("ZSCALER_MCP_WRITE_ENABLED", "true"),
                ("ZSCALER_MCP_WRITE_TOOLS", "zia_*"),
                ("ZSCALER_MCP_LOG_TOOL_CALLS", "true"),
                ("ZSCALER_MCP_ALLOWED_HOSTS", "mcp.example.com"),
            ],
        ),
    ] {
        let c = serve(&args, &vars);
        assert_eq!(refuse_unenforced(&c), Ok(()), "{args:?} {vars:?}");
    }
    // The library path refuses what the binary refuses.
    let c = serve(
        &["--transport", "sse", "--host", "0.0.0.0"],
        &[("ZSCALER_MCP_AUTH_MODE", "none")],
    );
    let e = refuse_unenforced(&c).expect_err("plaintext on a public interface");
    assert!(e.to_string().contains("ZSCALER_MCP_ALLOW_HTTP"), "{e}");
    // HTTP authenticates clients unless told not to.
    let c = serve(&["--transport", "streamable-http"], &[]);
    let e = refuse_unenforced(&c).expect_err("HTTP without client authentication");
    assert!(e.to_string().contains("ZSCALER_MCP_AUTH_MODE=none"), "{e}");
}
