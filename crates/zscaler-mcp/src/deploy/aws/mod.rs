//! `zscaler-mcp aws ...`: the Zscaler MCP Server on Amazon Bedrock AgentCore (spec 004).
//!
//! * `export-tool-schema`: the Gateway target's tool schema from the live catalog ([`schema`]).
//! * `deploy`: reads `.env` / `env.properties` ([`settings`]), asks for the architecture
//!   (Direct runtime, new Gateway, existing Gateway) unless `--non-interactive`, writes the
//!   OneAPI credentials to AWS Secrets Manager, then creates or updates the CloudFormation stack
//!   of `deploy/aws/zscaler-mcp-agentcore.yaml` (built in) and waits, printing its events and
//!   then its outputs ([`stack`]). Credentials go only to Secrets Manager: never to a stack
//!   parameter, the runtime's environment, the output or a log.
//! * `status`, `destroy`.
//!
//! AWS is reached through the SDK over rustls with ring (as `config::cloud::aws`), with the
//! standard credential chain; the settings' `AWS_REGION`, `AWS_ACCESS_KEY_ID` /
//! `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` and `AWS_ENDPOINT_URL` win over the chain's
//! own look-up. Exit codes: 0 done, 1 AWS failed, 2 a setting is missing or invalid.

pub mod schema;
pub mod settings;
pub mod stack;

use std::io::Write as _;
use std::process::ExitCode;

use aws_config::{BehaviorVersion, SdkConfig};
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};

use crate::config::Config;
use crate::config::aws_args::{AwsCommand, ExportToolSchemaArgs};
use settings::Settings;

/// The template `deploy` uses unless `--template` names another.
pub const TEMPLATE: &str = include_str!("../../../../../deploy/aws/zscaler-mcp-agentcore.yaml");

/// Why a command stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwsError {
    /// A setting is missing or invalid (exit 2).
    Usage(String),
    /// AWS refused or failed (exit 1).
    Failed(String),
}

impl std::fmt::Display for AwsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AwsError::Usage(s) | AwsError::Failed(s) => f.write_str(s),
        }
    }
}

/// Runs one `zscaler-mcp aws` command; the process's exit code.
pub fn run(command: AwsCommand, config: Option<&Config>) -> ExitCode {
    let result = match &command {
        AwsCommand::ExportToolSchema(args) => match config {
            Some(config) => export_tool_schema(args, config),
            None => Err(AwsError::Failed(
                "no configuration for the selection".into(),
            )),
        },
        _ => match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime.block_on(run_async(command)),
            Err(e) => Err(AwsError::Failed(format!(
                "cannot start the async runtime: {e}"
            ))),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(AwsError::Usage(why)) => {
            eprintln!("zscaler-mcp aws: {why}");
            ExitCode::from(2)
        }
        Err(AwsError::Failed(why)) => {
            eprintln!("zscaler-mcp aws: {why}");
            ExitCode::from(1)
        }
    }
}

async fn run_async(command: AwsCommand) -> Result<(), AwsError> {
    let process = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)));
    match command {
        AwsCommand::ExportToolSchema(_) => Ok(()),
        AwsCommand::Deploy(args) => {
            let settings = Settings::load(args.env_file.as_deref(), process)?;
            stack::deploy(&settings, &args).await
        }
        AwsCommand::Status(args) => {
            let settings = Settings::load(args.env_file.as_deref(), process)?;
            stack::status(&settings, &args).await
        }
        AwsCommand::Destroy(args) => {
            let settings = Settings::load(args.stack.env_file.as_deref(), process)?;
            stack::destroy(&settings, &args).await
        }
    }
}

/// `export-tool-schema`: writes the tool schema, says how many tools and where.
fn export_tool_schema(args: &ExportToolSchemaArgs, config: &Config) -> Result<(), AwsError> {
    let value = schema::tool_schema(config);
    let count = value.as_array().map(Vec::len).unwrap_or(0);
    let mut text = serde_json::to_string_pretty(&value)
        .map_err(|e| AwsError::Failed(format!("cannot encode the tool schema: {e}")))?;
    text.push('\n');
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| "tool-schema.json".into());
    if output.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| AwsError::Failed(format!("cannot write the tool schema: {e}")))?;
    } else {
        std::fs::write(&output, text)
            .map_err(|e| AwsError::Failed(format!("cannot write {}: {e}", output.display())))?;
        eprintln!(
            "Wrote {count} tool definition(s) to {}. Set GATEWAY_TOOL_SCHEMA_FILE={} in .env \
             (or env.properties) and run 'zscaler-mcp aws deploy' to put the Gateway target in \
             SchemaUpfront mode.",
            output.display(),
            output.display()
        );
    }
    Ok(())
}

/// The SDK configuration for `region`, from the settings (see the module documentation).
pub async fn sdk_config(settings: &Settings, region: &str) -> SdkConfig {
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .http_client(http)
        .region(aws_config::Region::new(region.to_string()));
    if let (Some(id), Some(secret)) = (
        settings.get("AWS_ACCESS_KEY_ID"),
        settings.get("AWS_SECRET_ACCESS_KEY"),
    ) {
        loader = loader.credentials_provider(aws_sdk_cloudformation::config::Credentials::new(
            id,
            secret,
            settings.get("AWS_SESSION_TOKEN").map(str::to_string),
            None,
            "settings",
        ));
    }
    if let Some(endpoint) = settings.get("AWS_ENDPOINT_URL") {
        loader = loader.endpoint_url(endpoint);
    }
    loader.load().await
}

/// One line of an SDK error: the service's code and message, or the transport's failure.
pub fn describe<E, R>(e: &aws_sdk_cloudformation::error::SdkError<E, R>) -> String
where
    E: aws_sdk_cloudformation::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    use aws_sdk_cloudformation::error::{DisplayErrorContext, SdkError};
    match e {
        SdkError::ServiceError(service) => {
            let err = service.err();
            match (err.code(), err.message()) {
                (Some(code), Some(message)) => format!("{code}: {message}"),
                (Some(code), None) => code.to_string(),
                _ => DisplayErrorContext(e).to_string(),
            }
        }
        _ => format!(
            "{} (check the network path, AWS_REGION, AWS_ENDPOINT_URL and the AWS credentials)",
            DisplayErrorContext(e)
        ),
    }
}
