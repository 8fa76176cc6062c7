//! Graceful shutdown: on SIGINT or SIGTERM, stop taking new work, let in-flight tool calls
//! finish within a bound, then close sessions and exit 0.

use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Resolves on the first SIGINT or SIGTERM.
pub async fn signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => tracing::info!("SIGINT received: shutting down"),
        _ = term => tracing::info!("SIGTERM received: shutting down"),
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
        tracing::info!(pending, grace_secs = grace.as_secs(), "waiting for in-flight tool calls");
    }
    if tokio::time::timeout(grace, inflight.wait()).await.is_err() {
        tracing::warn!(
            abandoned = inflight.len(),
            "in-flight tool calls did not finish within the shutdown grace period"
        );
    }
    sessions.cancel();
}
