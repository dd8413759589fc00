//! Accepting connections and serving the pages on each, HTTP/1.1 only. As
//! `axum::serve` does, plus what it leaves out: a client must send its
//! request's headers within a time limit (else one that sends a byte a
//! minute holds a connection for ever), and the headers must fit a small
//! buffer. The body's limit and the whole request's are the router's.

use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// How long a client has to send a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The most a request's line and headers may hold.
const HEADER_BUFFER: usize = 16 * 1024;

/// Serves `router` on every connection `listener` accepts, until the
/// process ends. Nothing is logged: not an address, not a request.
pub async fn serve(listener: TcpListener, router: Router, header_timeout: Duration) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it
            // was taken: pause, so a full table is not spun on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            // A connection that fails (closed, timed out, bad request
            // line) ends alone; hyper has answered it where it could.
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .max_buf_size(HEADER_BUFFER)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
