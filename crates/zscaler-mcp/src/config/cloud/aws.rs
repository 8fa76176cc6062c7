//! AWS Secrets Manager (`ZSCALER_SECRET_NAME`: a secret name or ARN).
//!
//! Through the AWS SDK (signing, the standard credential chain: environment, shared profile,
//! container and instance roles, web identity). The region is `AWS_REGION`, else
//! `AWS_DEFAULT_REGION`, else the chain's (profile, instance metadata). Values read from this
//! server's environment snapshot (so a `.env` file counts too) win over the chain's own look-up:
//! the region, `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, and the standard
//! endpoint overrides `AWS_ENDPOINT_URL_SECRETS_MANAGER` / `AWS_ENDPOINT_URL` (VPC endpoints,
//! tests).

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_sdk_secretsmanager::config::http::HttpResponse;
use aws_sdk_secretsmanager::config::{Credentials, Region};
use aws_sdk_secretsmanager::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_secretsmanager::operation::get_secret_value::GetSecretValueError;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};

use super::{AWS_KEYS, Loaded, Note, flat_object};
use crate::config::Environment;

/// Longest wait for the secret (credential look-up included).
const TIMEOUT: Duration = Duration::from_secs(30);

/// Reads the secret `name` and returns the allowed keys' values.
pub async fn load(env: &Environment, name: &str) -> Result<Loaded, String> {
    let region = env
        .get("AWS_REGION")
        .or_else(|| env.get("AWS_DEFAULT_REGION"))
        .map(str::to_string);
    let mut notes = vec![Note::Info(format!(
        "Loading credentials from AWS Secrets Manager (secret: {name}, region: {})",
        region
            .as_deref()
            .unwrap_or("resolved by the AWS credential chain")
    ))];
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(http);
    if let Some(region) = &region {
        loader = loader.region(Region::new(region.clone()));
    }
    if let (Some(id), Some(secret)) = (
        env.get("AWS_ACCESS_KEY_ID"),
        env.get("AWS_SECRET_ACCESS_KEY"),
    ) {
        loader = loader.credentials_provider(Credentials::new(
            id,
            secret,
            env.get("AWS_SESSION_TOKEN").map(str::to_string),
            None,
            "environment",
        ));
    }
    if let Some(endpoint) = env
        .get("AWS_ENDPOINT_URL_SECRETS_MANAGER")
        .or_else(|| env.get("AWS_ENDPOINT_URL"))
    {
        loader = loader.endpoint_url(endpoint);
    }
    let sdk = loader.load().await;
    let region = sdk
        .region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "(no region)".into());
    let client = aws_sdk_secretsmanager::Client::new(&sdk);
    let answer = tokio::time::timeout(TIMEOUT, client.get_secret_value().secret_id(name).send())
        .await
        .map_err(|_| {
            format!(
                "AWS Secrets Manager did not answer for secret '{name}' within {} s (region \
             {region}): check the network path to Secrets Manager (a VPC endpoint, a proxy) and \
             that AWS credentials are available to this process.",
                TIMEOUT.as_secs()
            )
        })?
        .map_err(|e| explain(&e, name, &region))?;
    let Some(text) = answer.secret_string() else {
        return Err(format!(
            "AWS Secrets Manager secret '{name}' holds binary data; store the credentials as a \
             JSON object of KEY: value text (SecretString)."
        ));
    };
    let (values, unknown) = flat_object(text, AWS_KEYS)
        .map_err(|why| format!("AWS Secrets Manager secret '{name}': {why}."))?;
    notes.push(Note::Info(
        "Successfully retrieved and parsed secret from Secrets Manager".into(),
    ));
    for (key, _) in &values {
        notes.push(Note::Info(format!("Set environment variable: {key}")));
    }
    if !unknown.is_empty() {
        notes.push(Note::Warn(format!(
            "Ignoring {} unrecognised key(s) in secret '{name}': {}. Only these are published \
             to the environment: {}",
            unknown.len(),
            unknown.join(", "),
            AWS_KEYS.join(", ")
        )));
    }
    notes.push(Note::Info(
        "Zscaler credentials injected into environment variables".into(),
    ));
    notes.push(Note::Info(format!(
        "Loaded {} credential(s) from AWS Secrets Manager",
        values.len()
    )));
    Ok(Loaded {
        source: format!("AWS Secrets Manager secret '{name}'"),
        values,
        notes,
    })
}

/// What went wrong, with what to do about it (never a credential).
fn explain(e: &SdkError<GetSecretValueError, HttpResponse>, name: &str, region: &str) -> String {
    let said = e.message().unwrap_or("").to_string();
    // The error code: from the SDK, or from an XML error body it could not read (`<Code>`, as
    // query-protocol endpoints and some proxies answer).
    let code = e.code().map(str::to_string).or_else(|| match e {
        SdkError::ServiceError(service) => service
            .raw()
            .body()
            .bytes()
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|text| {
                let start = text.find("<Code>")? + "<Code>".len();
                let end = text[start..].find("</Code>")? + start;
                Some(text[start..end].trim().to_string())
            }),
        _ => None,
    });
    match code.as_deref() {
        Some("ResourceNotFoundException") => format!(
            "AWS Secrets Manager has no secret '{name}' in region {region}: check \
             ZSCALER_SECRET_NAME (a secret name or ARN) and AWS_REGION."
        ),
        Some("AccessDeniedException" | "AccessDenied") => format!(
            "AWS Secrets Manager refused to let this identity read secret '{name}': allow \
             secretsmanager:GetSecretValue on the secret (and kms:Decrypt on its key when it \
             uses a customer managed KMS key) for the role the server runs as."
        ),
        Some("DecryptionFailureException") => format!(
            "AWS Secrets Manager cannot decrypt secret '{name}' with its KMS key: allow \
             kms:Decrypt on that key for the role the server runs as."
        ),
        Some("InvalidRequestException") => format!(
            "AWS Secrets Manager cannot return secret '{name}' now ({said}): it may be \
             scheduled for deletion or disabled."
        ),
        Some(
            code @ ("UnrecognizedClientException"
            | "InvalidClientTokenId"
            | "InvalidSignatureException"
            | "ExpiredTokenException"
            | "SignatureDoesNotMatch"),
        ) => format!(
            "AWS refused this process's credentials ({code}) reading secret '{name}': check \
             the AWS credentials (environment, profile, container or instance role)."
        ),
        Some(code) => format!("AWS Secrets Manager refused secret '{name}' ({code})."),
        None => match e {
            SdkError::ServiceError(service) => format!(
                "AWS Secrets Manager answered HTTP {} for secret '{name}' (region {region}) with \
                 a body that is not a Secrets Manager error; check \
                 AWS_ENDPOINT_URL_SECRETS_MANAGER and any proxy in between.",
                service.raw().status().as_u16()
            ),
            SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => format!(
                "cannot reach AWS Secrets Manager in region {region} for secret '{name}': {} \
                 (check the network path, a proxy, AWS_ENDPOINT_URL_SECRETS_MANAGER).",
                DisplayErrorContext(e)
            ),
            _ => format!(
                "cannot read AWS Secrets Manager secret '{name}' (region {region}): {} (are AWS \
                 credentials and a region available? environment, profile, container or \
                 instance role)",
                DisplayErrorContext(e)
            ),
        },
    }
}
