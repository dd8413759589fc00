//! `backcheck serve`: the assessment as web pages (src/web/), on one
//! address, until the process is stopped.

use std::net::SocketAddr;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use crate::printable::{SENTENCE, printable};
use crate::report::Audience;
use crate::web::{App, HEADER_TIMEOUT, router, serve as serve_pages};

/// Serves the pages on `bind`. Says where once it listens; then only
/// errors, never a request (the answers are health data).
pub fn serve(
    bind: SocketAddr,
    knowledge: Option<&std::path::Path>,
    audience: Audience,
    io: &mut Streams,
) -> Outcome {
    let flow = load(knowledge, io.colour)?;
    let failed = |what: &str, error: std::io::Error| {
        Failure::new(
            Exit::Failed,
            format!("error: {what}: {}", printable(&error.to_string(), SENTENCE)),
        )
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| failed("cannot start the server", error))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|error| failed(&format!("cannot listen on {bind}"), error))?;
        let address = listener
            .local_addr()
            .map_err(|error| failed("cannot listen", error))?;
        writeln!(
            io.out,
            "Serving the assessment on http://{address}/ (Ctrl-C stops it)"
        )?;
        io.out.flush()?;
        // Serves until the process is stopped.
        serve_pages(listener, router(App { flow, audience }), HEADER_TIMEOUT).await;
        Ok::<(), Failure>(())
    })?;
    Ok(Exit::Success)
}
