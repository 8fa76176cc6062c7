//! `zscaler-mcp aws ...` flags: deployment to Amazon Bedrock AgentCore (spec 004). The commands
//! themselves live in [`crate::deploy::aws`]; settings come from `.env` / `env.properties`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Clone, Args)]
pub struct AwsArgs {
    #[command(subcommand)]
    pub command: AwsCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum AwsCommand {
    /// Write the AgentCore Gateway's tool schema (SchemaUpfront) for the current selection
    /// (--services, --toolsets, write settings: global flags, the environment or .env)
    ExportToolSchema(ExportToolSchemaArgs),
    /// Create or update the AgentCore stack: the credentials secret, then the CloudFormation stack
    Deploy(DeployArgs),
    /// Describe the stack, its runtime and its outputs
    Status(StackArgs),
    /// Delete the stack (and the credentials secret when this command created it)
    Destroy(DestroyArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ExportToolSchemaArgs {
    /// Where to write the JSON tool schema; '-' for standard output [default: tool-schema.json]
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct DeployArgs {
    /// Settings file [default: ./.env, else ./env.properties]
    #[arg(long, value_name = "PATH")]
    pub env_file: Option<PathBuf>,
    /// Take every value from the settings file and the environment; never prompt
    #[arg(long)]
    pub non_interactive: bool,
    /// Deploy this CloudFormation template instead of the built-in one
    #[arg(long, value_name = "PATH")]
    pub template: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct StackArgs {
    /// Settings file [default: ./.env, else ./env.properties]
    #[arg(long, value_name = "PATH")]
    pub env_file: Option<PathBuf>,
    /// Region [default: AWS_REGION from the settings, else us-east-1]
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Stack name [default: AWS_STACK_NAME from the settings, else zscaler-mcp-agentcore]
    #[arg(long, value_name = "NAME")]
    pub stack_name: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct DestroyArgs {
    #[command(flatten)]
    pub stack: StackArgs,
    /// Also delete a secret this command did not create (7-day recovery window)
    #[arg(long)]
    pub delete_secret: bool,
    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,
}
