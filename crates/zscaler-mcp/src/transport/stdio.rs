//! stdio: newline-delimited JSON-RPC on stdin/stdout. Logs go to stderr only (see `logging`).
//! EOF on stdin ends the session and the process exits 0.

use rmcp::ServerHandler;
use rmcp::service::{ServerInitializeError, serve_server_with_ct};
use tokio_util::sync::CancellationToken;

/// Serves one session on stdin/stdout until EOF or `cancel`.
pub async fn serve<S: ServerHandler + Send + 'static>(
    handler: S,
    cancel: CancellationToken,
) -> std::io::Result<()> {
    let running = tokio::select! {
        r = serve_server_with_ct(handler, rmcp::transport::stdio(), cancel.clone()) => r,
        _ = cancel.cancelled() => return Ok(()),
    };
    match running {
        Ok(running) => {
            let reason = running.waiting().await.map_err(std::io::Error::other)?;
            tracing::debug!(?reason, "stdio session ended");
            Ok(())
        }
        // The client went away before completing the handshake: nothing to serve.
        Err(ServerInitializeError::ConnectionClosed(_)) => Ok(()),
        Err(e) => Err(std::io::Error::other(e)),
    }
}
