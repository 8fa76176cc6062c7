//! Graceful shutdown: on SIGINT or SIGTERM, stop taking new work, let in-flight tool calls
//! finish within a bound, then close sessions and exit 0.

use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Resolves on the first SIGINT or SIGTERM. The handlers are installed when this is called,
/// not when the future is first polled, so a signal that arrives while the server is still
/// starting (e.g. seeding the embedded sandbox) is not lost to the default action. Must be
/// called inside the Tokio runtime.
pub fn signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            let (mut interrupt, mut terminate) = match (interrupt, terminate) {
                (Ok(i), Ok(t)) => (i, t),
                _ => {
                    tracing::warn!(
                        "cannot install signal handlers: stop the server with EOF or kill"
                    );
                    return std::future::pending::<()>().await;
                }
            };
            tokio::select! {
                _ = interrupt.recv() => tracing::info!("SIGINT received: shutting down"),
                _ = terminate.recv() => tracing::info!("SIGTERM received: shutting down"),
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            if tokio::signal::ctrl_c().await.is_ok() {
                tracing::info!("Ctrl-C received: shutting down");
            } else {
                std::future::pending::<()>().await;
            }
        }
    }
}

/// Waits for `trigger`, then for in-flight calls (at most `grace`), then cancels `sessions`.
pub async fn drain(
    trigger: impl Future<Output = ()>,
    inflight: TaskTracker,
    grace: Duration,
    sessions: CancellationToken,
) {
    tokio::select! {
        _ = trigger => {}
        _ = sessions.cancelled() => return,
    }
    inflight.close();
    let pending = inflight.len();
    if pending > 0 {
        tracing::info!(
            pending,
            grace_secs = grace.as_secs(),
            "waiting for in-flight tool calls"
        );
    }
    if tokio::time::timeout(grace, inflight.wait()).await.is_err() {
        tracing::warn!(
            abandoned = inflight.len(),
            "in-flight tool calls did not finish within the shutdown grace period"
        );
    } else if pending > 0 {
        // A finished call's answer is still on its way out (rmcp serializes it after the
        // handler returns); give it a moment to reach the client before streams close.
        tokio::time::sleep(FLUSH).await;
    }
    sessions.cancel();
}

/// What graceful shutdown needs to know about a running HTTP server.
#[derive(Clone)]
pub struct Lifecycle {
    /// Tool calls in flight; shutdown waits for them (up to `grace`).
    pub inflight: TaskTracker,
    pub grace: Duration,
    /// Cancelling it closes every MCP session and stream.
    pub sessions: CancellationToken,
}

/// Time for the answers of just-finished calls to be written before sessions close.
const FLUSH: Duration = Duration::from_millis(250);

/// How long connections may linger after sessions were closed before the server stops anyway.
const LINGER: Duration = Duration::from_secs(2);

/// Serves `app` until `stop` resolves; then stops accepting, lets in-flight calls finish within
/// the grace period, closes sessions, and returns.
pub async fn serve_http(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    lifecycle: Lifecycle,
    tls: Option<std::sync::Arc<rustls::ServerConfig>>,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let stop_accepting = CancellationToken::new();
    let drain_task = tokio::spawn({
        let stop_accepting = stop_accepting.clone();
        let lifecycle = lifecycle.clone();
        async move {
            stop.await;
            stop_accepting.cancel();
            drain(
                async {},
                lifecycle.inflight,
                lifecycle.grace,
                lifecycle.sessions,
            )
            .await;
        }
    });
    let app = app.layer(axum::middleware::from_fn_with_state(
        lifecycle.inflight.clone(),
        track_posts,
    ));
    let server = super::http::serve(listener, app, tls, stop_accepting.cancelled_owned());
    let lingering = async {
        lifecycle.sessions.cancelled().await;
        tokio::time::sleep(LINGER).await;
    };
    let result = tokio::select! {
        r = server => r,
        _ = lingering => {
            tracing::warn!("connections still open after shutdown; closing them");
            Ok(())
        }
    };
    drain_task.abort();
    result
}

/// Counts every POST as in flight until its response body has been sent (or dropped), so a
/// streamable-HTTP answer is never cut off by shutdown. Long-lived GET streams are not counted:
/// shutdown closes them.
async fn track_posts(
    axum::extract::State(inflight): axum::extract::State<TaskTracker>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if request.method() != axum::http::Method::POST {
        return next.run(request).await;
    }
    let token = inflight.token();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    let body = futures::StreamExt::map(body.into_data_stream(), move |chunk| {
        let _held = &token;
        chunk
    });
    axum::response::Response::from_parts(parts, axum::body::Body::from_stream(body))
}
