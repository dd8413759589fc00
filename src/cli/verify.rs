//! `backcheck verify`: the urgency tags, then the proof of every invariant
//! and of the red-flag order, with a count of each.

use std::path::Path;
use std::time::Instant;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use super::load::{has_errors, load};
use crate::check::{AnalysisRequest, analyse};

/// Proves every invariant on every path, without enumerating them.
pub fn verify(dir: Option<&Path>, io: &mut Streams) -> Outcome {
    let flow = load(dir, io.colour)?;
    let started = Instant::now();
    // The urgency tags first: a red flag tagged wrongly makes its order proof
    // mean something else. Vacuity (E024) is in each invariant's result.
    let analysis = analyse(flow, &AnalysisRequest::VERIFY);
    let tags = analysis
        .tags
        .map_err(|e| Failure::new(Exit::Failed, format!("error: {e}")))?;
    let tags_failed = !tags.is_empty();
    if tags_failed {
        writeln!(
            io.err,
            "{}",
            has_errors(&tags, &flow.files, io.colour).message
        )?;
    }
    let verification = match analysis.proof {
        Some(proof) => proof.map_err(|e| Failure::new(Exit::Failed, format!("error: {e}")))?,
        None => return Err(Failure::new(Exit::Failed, "error: the proof was not run")),
    };
    let elapsed = started.elapsed();
    write!(io.out, "{}", verification.text(flow))?;
    let total = verification.invariants.len();
    let failed = verification
        .invariants
        .iter()
        .filter(|i| !i.passed())
        .count();
    writeln!(
        io.out,
        "{total} invariant{} over {} paths: {} held, {failed} failed in {:.1} ms",
        if total == 1 { "" } else { "s" },
        verification.paths,
        total - failed,
        elapsed.as_secs_f64() * 1000.0
    )?;
    let orders = verification.orders.len();
    let out_of_order = verification.orders.iter().filter(|o| !o.passed()).count();
    if orders > 0 {
        writeln!(
            io.out,
            "{orders} red flag{} in order: {} asked before every exit of lower urgency, {out_of_order} not",
            if orders == 1 { "" } else { "s" },
            orders - out_of_order
        )?;
    }
    let failed = failed + out_of_order;
    Ok(if failed == 0 && !tags_failed {
        Exit::Success
    } else {
        Exit::Failed
    })
}
