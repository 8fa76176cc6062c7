//! The AWS side of `deploy`, `status` and `destroy`: the credentials secret, the tool schema in
//! S3, and the CloudFormation stack with its progress.

use std::collections::BTreeSet;
use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::time::{Duration, Instant};

use aws_sdk_cloudformation::Client as Cfn;
use aws_sdk_cloudformation::error::ProvideErrorMetadata as _;
use aws_sdk_cloudformation::types::{Capability, Parameter, Stack, Tag};
use aws_sdk_secretsmanager::Client as SecretsManager;

use super::settings::{Architecture, Credentials, GatewayPlan, Plan, Settings};
use super::{AwsError, TEMPLATE, describe, schema, sdk_config};
use crate::config::aws_args::{DeployArgs, DestroyArgs, StackArgs};

/// Tag marking what `deploy` created (destroy deletes only those unless told otherwise).
const MANAGED_BY: (&str, &str) = ("zscaler-mcp:managed-by", "zscaler-mcp aws deploy");
const STACK_TAG: &str = "zscaler-mcp:stack";
/// Longest wait for a stack operation.
const STACK_TIMEOUT: Duration = Duration::from_secs(60 * 60);

fn failed(what: &str) -> impl Fn(String) -> AwsError + '_ {
    move |why| AwsError::Failed(format!("{what}: {why}"))
}

/// Seconds between polls (`ZSCALER_MCP_AWS_POLL_SECONDS`, default 10).
fn poll_interval(settings: &Settings) -> Duration {
    let secs = settings
        .get("ZSCALER_MCP_AWS_POLL_SECONDS")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(10)
        .clamp(1, 300);
    Duration::from_secs(secs)
}

/// The architecture: the prompt (spec 004, Step 7) or, `--non-interactive`, the settings.
fn architecture(settings: &Settings, interactive: bool) -> Result<Architecture, AwsError> {
    let default = Architecture::default_from(settings)?;
    if !interactive {
        return Ok(default);
    }
    let mut out = std::io::stdout().lock();
    let stdin = std::io::stdin();
    for _ in 0..3 {
        let _ = writeln!(out, "\nArchitecture:");
        for a in [
            Architecture::Direct,
            Architecture::CreateGateway,
            Architecture::AttachGateway,
        ] {
            let tag = if a == Architecture::Direct {
                "[recommended]"
            } else {
                "[experimental]"
            };
            let _ = writeln!(out, "  [{}] {} {tag}", a.number(), a.describe());
        }
        let _ = write!(out, "Choice [1-3] (default {}): ", default.number());
        let _ = out.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            // End of input: the default.
            Ok(0) | Err(_) => {
                let _ = writeln!(out);
                return Ok(default);
            }
            Ok(_) if line.trim().is_empty() => return Ok(default),
            Ok(_) => match Architecture::from_number(&line) {
                Some(a) => return Ok(a),
                None => {
                    let _ = writeln!(out, "Please answer 1, 2 or 3.");
                }
            },
        }
    }
    Err(AwsError::Usage(
        "no architecture chosen (answer 1, 2 or 3)".into(),
    ))
}

/// `zscaler-mcp aws deploy`.
pub async fn deploy(settings: &Settings, args: &DeployArgs) -> Result<(), AwsError> {
    let interval = poll_interval(settings);
    let template = match &args.template {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| AwsError::Usage(format!("--template {}: {e}", path.display())))?,
        None => TEMPLATE.to_string(),
    };
    if let Some(file) = &settings.file {
        println!("Settings: {}", file.display());
    }
    let architecture = architecture(settings, !args.non_interactive)?;
    let plan = Plan::from_settings(settings, architecture)?;
    // The schema is checked before anything is created.
    let schema_text = match plan
        .gateway
        .as_ref()
        .and_then(|g| g.tool_schema_file.as_ref())
    {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                AwsError::Usage(format!("GATEWAY_TOOL_SCHEMA_FILE={}: {e}", path.display()))
            })?;
            let count = schema::validate(&text).map_err(|why| {
                AwsError::Usage(format!(
                    "GATEWAY_TOOL_SCHEMA_FILE={} is not a Gateway tool schema: {why} (write one \
                     with 'zscaler-mcp aws export-tool-schema')",
                    path.display()
                ))
            })?;
            Some((text, count))
        }
        None => None,
    };
    println!(
        "Deploying stack {} in {} ({}; client authentication {})",
        plan.stack_name,
        plan.region,
        architecture.describe(),
        plan.auth.as_str()
    );
    let sdk = sdk_config(settings, &plan.region).await;
    let sm = SecretsManager::new(&sdk);
    let cfn = Cfn::new(&sdk);

    let mut parameters = plan.parameters.clone();
    parameters.push(("ECRImageUri", plan.image_uri.clone()));
    parameters.push(("CredentialSource", "UseExisting".into()));
    let (secret_arn, kms_key) = put_credentials(&sm, &plan).await?;
    parameters.push(("ExistingSecretName", secret_arn.clone()));
    parameters.push(("SecretKmsKeyArn", kms_key.unwrap_or_default()));
    if let Some(gateway) = &plan.gateway {
        gateway_parameters(
            &sdk,
            &sm,
            &plan,
            gateway,
            &secret_arn,
            schema_text,
            &mut parameters,
        )
        .await?;
    }
    let parameters: Vec<Parameter> = parameters
        .into_iter()
        .map(|(k, v)| {
            Parameter::builder()
                .parameter_key(k)
                .parameter_value(v)
                .build()
        })
        .collect();
    let tags = vec![
        tag(MANAGED_BY.0, MANAGED_BY.1),
        tag(STACK_TAG, &plan.stack_name),
    ];

    let existing = find_stack(&cfn, &plan.stack_name).await?;
    let started = aws_sdk_cloudformation::primitives::DateTime::from(std::time::SystemTime::now());
    let operation = match existing
        .as_ref()
        .and_then(|s| s.stack_status())
        .map(|s| s.as_str())
    {
        None => {
            cfn.create_stack()
                .stack_name(&plan.stack_name)
                .template_body(&template)
                .set_parameters(Some(parameters))
                .capabilities(Capability::CapabilityIam)
                .set_tags(Some(tags))
                .send()
                .await
                .map_err(|e| failed("CloudFormation refused to create the stack")(describe(&e)))?;
            println!("Creating stack {} ...", plan.stack_name);
            "create"
        }
        Some(status) if status.ends_with("_IN_PROGRESS") => {
            return Err(AwsError::Failed(format!(
                "stack {} is busy ({status}); wait for it, then run deploy again",
                plan.stack_name
            )));
        }
        Some(status @ ("ROLLBACK_COMPLETE" | "ROLLBACK_FAILED" | "DELETE_FAILED")) => {
            return Err(AwsError::Failed(format!(
                "stack {} is {status} and cannot be updated: run 'zscaler-mcp aws destroy', then \
                 deploy again",
                plan.stack_name
            )));
        }
        Some(_) => {
            let sent = cfn
                .update_stack()
                .stack_name(&plan.stack_name)
                .template_body(&template)
                .set_parameters(Some(parameters))
                .capabilities(Capability::CapabilityIam)
                .set_tags(Some(tags))
                .send()
                .await;
            match sent {
                Ok(_) => {
                    println!("Updating stack {} ...", plan.stack_name);
                    "update"
                }
                Err(e) if e.message().is_some_and(|m| m.contains("No updates")) => {
                    println!("Stack {} is already up to date.", plan.stack_name);
                    "none"
                }
                Err(e) => {
                    return Err(failed("CloudFormation refused to update the stack")(
                        describe(&e),
                    ));
                }
            }
        }
    };
    let stack = if operation == "none" {
        existing
    } else {
        Some(wait(&cfn, &plan.stack_name, started, interval).await?)
    };
    if let Some(stack) = stack {
        let status = stack.stack_status().map(|s| s.as_str()).unwrap_or("?");
        if !matches!(status, "CREATE_COMPLETE" | "UPDATE_COMPLETE") {
            return Err(AwsError::Failed(format!(
                "stack {} ended {status}{}",
                plan.stack_name,
                stack
                    .stack_status_reason()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            )));
        }
        println!("\nStack {}: {status}", plan.stack_name);
        print_outputs(&stack);
    }
    if plan.auth == super::settings::AuthMode::ApiKey {
        println!(
            "\nThe API key (X-Api-Key) is ZSCALER_MCP_AUTH_API_KEY in the secret {secret_arn}; \
             read it with: aws secretsmanager get-secret-value --secret-id {secret_arn}"
        );
    }
    Ok(())
}

fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build()
}

/// The tags of a secret `deploy` creates: it manages it, for this stack (`destroy` deletes only
/// such secrets).
fn secret_tags(stack_name: &str) -> Vec<aws_sdk_secretsmanager::types::Tag> {
    [(MANAGED_BY.0, MANAGED_BY.1), (STACK_TAG, stack_name)]
        .into_iter()
        .map(|(k, v)| {
            aws_sdk_secretsmanager::types::Tag::builder()
                .key(k)
                .value(v)
                .build()
        })
        .collect()
}

/// Creates or updates the credentials secret (`New`), or finds the existing one. Returns its
/// ARN and its customer managed KMS key, if any. Never prints a value.
async fn put_credentials(
    sm: &SecretsManager,
    plan: &Plan,
) -> Result<(String, Option<String>), AwsError> {
    match &plan.credentials {
        Credentials::Existing { name } => {
            let found = sm
                .describe_secret()
                .secret_id(name)
                .send()
                .await
                .map_err(|e| {
                    failed(&format!("cannot use the secret ZSCALER_SECRET_NAME={name}"))(describe(
                        &e,
                    ))
                })?;
            let arn = found.arn().unwrap_or(name).to_string();
            println!("Credentials: existing secret {arn} (not modified)");
            Ok((arn, customer_key(found.kms_key_id())))
        }
        Credentials::New {
            name,
            values,
            kms_key,
        } => {
            let mut object = serde_json::Map::new();
            for (k, v) in values {
                object.insert((*k).to_string(), serde_json::Value::String(v.clone()));
            }
            let arn = match live_secret(sm, name).await? {
                Some(arn) => {
                    // Keep a generated API key across deploys when the settings give none.
                    if plan.auth == super::settings::AuthMode::ApiKey
                        && !object.contains_key("ZSCALER_MCP_AUTH_API_KEY")
                        && let Some(key) = current_api_key(sm, &arn).await
                    {
                        object.insert(
                            "ZSCALER_MCP_AUTH_API_KEY".into(),
                            serde_json::Value::String(key),
                        );
                    }
                    ensure_api_key(plan, &mut object)?;
                    let text = serde_json::Value::Object(object).to_string();
                    sm.put_secret_value()
                        .secret_id(&arn)
                        .secret_string(text)
                        .send()
                        .await
                        .map_err(|e| failed("cannot update the secret")(describe(&e)))?;
                    println!("Credentials: secret {arn} updated");
                    arn
                }
                None => {
                    ensure_api_key(plan, &mut object)?;
                    let text = serde_json::Value::Object(object).to_string();
                    let created = sm
                        .create_secret()
                        .name(name)
                        .description(
                            "Zscaler OneAPI credentials of the Zscaler MCP Server on AgentCore",
                        )
                        .set_kms_key_id(kms_key.clone())
                        .secret_string(text)
                        .set_tags(Some(secret_tags(&plan.stack_name)))
                        .send()
                        .await
                        .map_err(|e| failed("cannot create the secret")(describe(&e)))?;
                    let arn = created.arn().unwrap_or(name).to_string();
                    println!(
                        "Credentials: secret {arn} created (KMS key: {})",
                        kms_key
                            .as_deref()
                            .unwrap_or("AWS managed aws/secretsmanager")
                    );
                    arn
                }
            };
            Ok((arn, kms_key.clone()))
        }
    }
}

/// A key ARN that is not the AWS managed `aws/secretsmanager` key.
fn customer_key(key: Option<&str>) -> Option<String> {
    key.filter(|k| k.starts_with("arn:") && k.contains(":key/"))
        .map(str::to_string)
}

async fn current_api_key(sm: &SecretsManager, arn: &str) -> Option<String> {
    let value = sm.get_secret_value().secret_id(arn).send().await.ok()?;
    let parsed: serde_json::Value = serde_json::from_str(value.secret_string()?).ok()?;
    parsed
        .get("ZSCALER_MCP_AUTH_API_KEY")?
        .as_str()
        .map(str::to_string)
}

/// api-key mode: a key for the secret, generated when the settings give none (spec 004).
fn ensure_api_key(
    plan: &Plan,
    object: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<(), AwsError> {
    use base64::Engine as _;
    if plan.auth != super::settings::AuthMode::ApiKey
        || object.contains_key("ZSCALER_MCP_AUTH_API_KEY")
    {
        return Ok(());
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| AwsError::Failed(format!("no secure random source available: {e}")))?;
    let key = format!(
        "zmcp_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    object.insert(
        "ZSCALER_MCP_AUTH_API_KEY".into(),
        serde_json::Value::String(key),
    );
    println!("Credentials: generated an API key (ZSCALER_MCP_AUTH_API_KEY in the secret)");
    Ok(())
}

/// The Gateway's parameters; the outbound OAuth client secret goes to its own secret and the
/// tool schema to S3.
async fn gateway_parameters(
    sdk: &aws_config::SdkConfig,
    sm: &SecretsManager,
    plan: &Plan,
    gateway: &GatewayPlan,
    credentials_arn: &str,
    schema: Option<(String, usize)>,
    parameters: &mut Vec<(&'static str, String)>,
) -> Result<(), AwsError> {
    parameters.push(("EnableAgentCoreGateway", "true".into()));
    parameters.push((
        "GatewayMode",
        if gateway.attach { "attach" } else { "create" }.into(),
    ));
    if let Some(id) = &gateway.existing_id {
        parameters.push(("ExistingGatewayId", id.clone()));
    }
    if let Some(url) = &gateway.discovery_url {
        parameters.push(("GatewayInboundDiscoveryUrl", url.clone()));
    }
    if !gateway.allowed_clients.is_empty() {
        parameters.push(("GatewayAllowedClients", gateway.allowed_clients.join(",")));
    }
    parameters.push(("GatewayClientClaimName", gateway.claim_name.clone()));
    if let Some(aud) = &gateway.audience {
        parameters.push(("GatewayAllowedAudience", aud.clone()));
    }
    if !gateway.scopes.is_empty() {
        parameters.push(("GatewayAllowedScopes", gateway.scopes.join(",")));
    }
    if !gateway.provider_scopes.is_empty() {
        parameters.push((
            "GatewayOAuthProviderScopes",
            gateway.provider_scopes.join(","),
        ));
    }
    parameters.push(("GatewayOAuthGrantType", gateway.grant_type.clone()));
    match (&gateway.provider_arn, &gateway.client_secret) {
        (Some(arn), _) => parameters.push(("GatewayOAuthProviderArn", arn.clone())),
        (None, Some(secret)) => {
            let name = format!("{}/{}/gateway-oauth", plan.prefix, plan.stack_name);
            let text = serde_json::json!({ "client_secret": secret }).to_string();
            let arn = put_plain_secret(sm, plan, &name, text).await?;
            println!("Gateway: outbound OAuth client secret stored in {arn}");
            parameters.push(("GatewayOAuthClientSecretArn", arn));
        }
        (None, None) => {}
    }
    if let Some((text, count)) = schema {
        // The account is the secret's (arn:aws:secretsmanager:<region>:<account>:secret:...).
        let account = credentials_arn.split(':').nth(4).unwrap_or("account");
        let bucket = gateway
            .asset_bucket
            .clone()
            .unwrap_or_else(|| format!("{}-assets-{account}-{}", plan.prefix, plan.region));
        let key = format!("{}/tool-schema.json", plan.stack_name);
        upload(sdk, &plan.region, &bucket, &key, text).await?;
        println!("Gateway: tool schema ({count} tools) uploaded to s3://{bucket}/{key}");
        parameters.push(("GatewayToolSchemaS3Uri", format!("s3://{bucket}/{key}")));
    }
    Ok(())
}

/// Creates or updates a secret of ours holding `text`; its ARN.
async fn put_plain_secret(
    sm: &SecretsManager,
    plan: &Plan,
    name: &str,
    text: String,
) -> Result<String, AwsError> {
    match live_secret(sm, name).await? {
        Some(arn) => {
            sm.put_secret_value()
                .secret_id(&arn)
                .secret_string(text)
                .send()
                .await
                .map_err(|e| failed("cannot update the secret")(describe(&e)))?;
            Ok(arn)
        }
        None => {
            let created = sm
                .create_secret()
                .name(name)
                .secret_string(text)
                .set_tags(Some(secret_tags(&plan.stack_name)))
                .send()
                .await
                .map_err(|e| failed("cannot create the secret")(describe(&e)))?;
            Ok(created.arn().unwrap_or(name).to_string())
        }
    }
}

/// The ARN of the secret `name`, restored first if it is scheduled for deletion; `None` when
/// there is no such secret.
async fn live_secret(sm: &SecretsManager, name: &str) -> Result<Option<String>, AwsError> {
    match sm.describe_secret().secret_id(name).send().await {
        Ok(found) => {
            let arn = found.arn().unwrap_or(name).to_string();
            if found.deleted_date().is_some() {
                sm.restore_secret()
                    .secret_id(&arn)
                    .send()
                    .await
                    .map_err(|e| failed("cannot restore the secret")(describe(&e)))?;
            }
            Ok(Some(arn))
        }
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(None),
        Err(e) => Err(failed(&format!("cannot look up the secret {name}"))(
            describe(&e),
        )),
    }
}

/// Puts the tool schema in S3, creating the bucket when it does not exist.
async fn upload(
    sdk: &aws_config::SdkConfig,
    region: &str,
    bucket: &str,
    key: &str,
    text: String,
) -> Result<(), AwsError> {
    use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
    // Path-style addressing for endpoint overrides (VPC endpoints, tests).
    let path_style = sdk.endpoint_url().is_some();
    let s3 = aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::config::Builder::from(sdk)
            .force_path_style(path_style)
            .build(),
    );
    if s3.head_bucket().bucket(bucket).send().await.is_err() {
        let mut create = s3.create_bucket().bucket(bucket);
        if region != "us-east-1" {
            create = create.create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::from(region))
                    .build(),
            );
        }
        create
            .send()
            .await
            .map_err(|e| failed(&format!("cannot create the bucket {bucket}"))(describe(&e)))?;
    }
    s3.put_object()
        .bucket(bucket)
        .key(key)
        .content_type("application/json")
        .body(aws_sdk_s3::primitives::ByteStream::from(text.into_bytes()))
        .send()
        .await
        .map_err(|e| failed(&format!("cannot upload s3://{bucket}/{key}"))(describe(&e)))?;
    Ok(())
}

/// The stack, or `None` when it does not exist (or is deleted).
async fn find_stack(cfn: &Cfn, name: &str) -> Result<Option<Stack>, AwsError> {
    match cfn.describe_stacks().stack_name(name).send().await {
        Ok(out) => Ok(out
            .stacks()
            .first()
            .filter(|s| s.stack_status().map(|s| s.as_str()) != Some("DELETE_COMPLETE"))
            .cloned()),
        Err(e) if e.message().is_some_and(|m| m.contains("does not exist")) => Ok(None),
        Err(e) => Err(failed(&format!("cannot describe the stack {name}"))(
            describe(&e),
        )),
    }
}

/// Polls the stack until its operation ends, printing each new event once; the final stack
/// (`None` when it no longer exists, after a delete).
async fn wait_any(
    cfn: &Cfn,
    name: &str,
    since: aws_sdk_cloudformation::primitives::DateTime,
    interval: Duration,
) -> Result<Option<Stack>, AwsError> {
    let began = Instant::now();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    loop {
        if let Ok(out) = cfn.describe_stack_events().stack_name(name).send().await {
            let mut events: Vec<_> = out
                .stack_events()
                .iter()
                .filter(|e| e.timestamp().is_some_and(|t| t.secs() >= since.secs()))
                .filter(|e| seen.insert(e.event_id().unwrap_or_default().to_string()))
                .collect();
            events.reverse();
            for e in events {
                println!(
                    "  [{:>4}s] {:<22} {:<44} {}{}",
                    began.elapsed().as_secs(),
                    e.resource_status().map(|s| s.as_str()).unwrap_or(""),
                    e.resource_type().unwrap_or(""),
                    e.logical_resource_id().unwrap_or(""),
                    e.resource_status_reason()
                        .filter(|r| !r.is_empty())
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default()
                );
            }
        }
        let Some(stack) = find_stack(cfn, name).await? else {
            return Ok(None);
        };
        let status = stack.stack_status().map(|s| s.as_str()).unwrap_or("");
        if !status.ends_with("_IN_PROGRESS") {
            return Ok(Some(stack));
        }
        if began.elapsed() > STACK_TIMEOUT {
            return Err(AwsError::Failed(format!(
                "stack {name} is still {status} after {} minutes; follow it with \
                 'zscaler-mcp aws status'",
                STACK_TIMEOUT.as_secs() / 60
            )));
        }
        tokio::time::sleep(interval).await;
    }
}

async fn wait(
    cfn: &Cfn,
    name: &str,
    since: aws_sdk_cloudformation::primitives::DateTime,
    interval: Duration,
) -> Result<Stack, AwsError> {
    wait_any(cfn, name, since, interval).await?.ok_or_else(|| {
        AwsError::Failed(format!(
            "stack {name} disappeared (rolled back and deleted?)"
        ))
    })
}

fn print_outputs(stack: &Stack) {
    if stack.outputs().is_empty() {
        return;
    }
    println!("Outputs:");
    for o in stack.outputs() {
        println!(
            "  {:<24} {}",
            o.output_key().unwrap_or(""),
            o.output_value().unwrap_or("")
        );
    }
}

fn parameter<'s>(stack: &'s Stack, key: &str) -> Option<&'s str> {
    stack
        .parameters()
        .iter()
        .find(|p| p.parameter_key() == Some(key))
        .and_then(|p| p.parameter_value())
        .filter(|v| !v.is_empty())
}

/// `zscaler-mcp aws status`.
pub async fn status(settings: &Settings, args: &StackArgs) -> Result<(), AwsError> {
    let region = settings.region(args.region.as_deref());
    let name = settings.stack_name(args.stack_name.as_deref());
    let sdk = sdk_config(settings, &region).await;
    let cfn = Cfn::new(&sdk);
    let Some(stack) = find_stack(&cfn, &name).await? else {
        return Err(AwsError::Failed(format!(
            "stack {name} does not exist in {region} (deploy it with 'zscaler-mcp aws deploy')"
        )));
    };
    println!("Stack:   {name} ({region})");
    println!(
        "Status:  {}{}",
        stack.stack_status().map(|s| s.as_str()).unwrap_or("?"),
        stack
            .stack_status_reason()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default()
    );
    if let Some(t) = stack.last_updated_time().or(stack.creation_time()) {
        println!("Updated: {t}");
    }
    println!("Parameters:");
    for p in stack.parameters() {
        println!(
            "  {:<28} {}",
            p.parameter_key().unwrap_or(""),
            p.parameter_value().unwrap_or("")
        );
    }
    let resources = cfn
        .list_stack_resources()
        .stack_name(&name)
        .send()
        .await
        .map_err(|e| failed("cannot list the stack's resources")(describe(&e)))?;
    println!("Resources:");
    for r in resources.stack_resource_summaries() {
        println!(
            "  {:<22} {:<44} {:<20} {}",
            r.logical_resource_id().unwrap_or(""),
            r.resource_type().unwrap_or(""),
            r.resource_status().map(|s| s.as_str()).unwrap_or(""),
            r.physical_resource_id().unwrap_or("")
        );
    }
    let runtime = resources
        .stack_resource_summaries()
        .iter()
        .find(|r| r.resource_type() == Some("AWS::BedrockAgentCore::Runtime"));
    match runtime {
        Some(r) => println!(
            "Runtime: {} {}",
            r.physical_resource_id().unwrap_or("?"),
            r.resource_status().map(|s| s.as_str()).unwrap_or("?")
        ),
        None => println!("Runtime: not in the stack"),
    }
    print_outputs(&stack);
    Ok(())
}

/// `zscaler-mcp aws destroy`.
pub async fn destroy(settings: &Settings, args: &DestroyArgs) -> Result<(), AwsError> {
    let region = settings.region(args.stack.region.as_deref());
    let name = settings.stack_name(args.stack.stack_name.as_deref());
    let interval = poll_interval(settings);
    let sdk = sdk_config(settings, &region).await;
    let cfn = Cfn::new(&sdk);
    let sm = SecretsManager::new(&sdk);
    let Some(stack) = find_stack(&cfn, &name).await? else {
        return Err(AwsError::Failed(format!(
            "stack {name} does not exist in {region}"
        )));
    };
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(AwsError::Usage(
                "destroy needs --yes when not run from a terminal".into(),
            ));
        }
        print!("Delete stack {name} in {region}? [y/N] ");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        let _ = std::io::stdin().lock().read_line(&mut line);
        if !matches!(line.trim(), "y" | "Y" | "yes") {
            return Err(AwsError::Failed("not confirmed; nothing deleted".into()));
        }
    }
    let secrets: Vec<String> = ["ExistingSecretName", "GatewayOAuthClientSecretArn"]
        .iter()
        .filter_map(|k| parameter(&stack, k).map(str::to_string))
        .collect();
    let schema_uri = parameter(&stack, "GatewayToolSchemaS3Uri").map(str::to_string);
    let started = aws_sdk_cloudformation::primitives::DateTime::from(std::time::SystemTime::now());
    cfn.delete_stack()
        .stack_name(&name)
        .send()
        .await
        .map_err(|e| failed("CloudFormation refused to delete the stack")(describe(&e)))?;
    println!("Deleting stack {name} ...");
    if let Some(left) = wait_any(&cfn, &name, started, interval).await? {
        let status = left.stack_status().map(|s| s.as_str()).unwrap_or("?");
        return Err(AwsError::Failed(format!(
            "stack {name} ended {status}{}",
            left.stack_status_reason()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        )));
    }
    println!("Stack {name} deleted.");
    for secret in secrets {
        let Ok(found) = sm.describe_secret().secret_id(&secret).send().await else {
            continue;
        };
        if found.deleted_date().is_some() {
            continue;
        }
        let ours = found
            .tags()
            .iter()
            .any(|t| t.key() == Some(MANAGED_BY.0) && t.value() == Some(MANAGED_BY.1))
            && found
                .tags()
                .iter()
                .any(|t| t.key() == Some(STACK_TAG) && t.value() == Some(name.as_str()));
        let arn = found.arn().unwrap_or(&secret).to_string();
        if ours {
            // Written by deploy from the settings file, which still holds the values.
            sm.delete_secret()
                .secret_id(&arn)
                .force_delete_without_recovery(true)
                .send()
                .await
                .map_err(|e| failed(&format!("cannot delete the secret {arn}"))(describe(&e)))?;
            println!("Secret {arn} deleted (created by deploy).");
        } else if args.delete_secret {
            sm.delete_secret()
                .secret_id(&arn)
                .recovery_window_in_days(7)
                .send()
                .await
                .map_err(|e| failed(&format!("cannot delete the secret {arn}"))(describe(&e)))?;
            println!("Secret {arn} scheduled for deletion in 7 days (--delete-secret).");
        } else {
            println!("Secret {arn} kept (not created by deploy; --delete-secret deletes it).");
        }
    }
    if let Some(uri) = schema_uri
        && let Some((bucket, key)) = uri.trim_start_matches("s3://").split_once('/')
    {
        let path_style = sdk.endpoint_url().is_some();
        let s3 = aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&sdk)
                .force_path_style(path_style)
                .build(),
        );
        if s3
            .delete_object()
            .bucket(bucket)
            .key(key)
            .send()
            .await
            .is_ok()
        {
            println!("Tool schema {uri} deleted.");
        }
    }
    Ok(())
}
