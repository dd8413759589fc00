//! `backcheck mutate`: the mutation score, then every survivor with its
//! place. Knowledge that already fails is refused: its mutants say nothing.

use std::path::Path;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use super::load::{has_errors, load};
use crate::check::{AnalysisRequest, Harmless, analyse};

/// Mutation testing: the score, then every survivor with its place.
pub fn mutate(dir: Option<&Path>, io: &mut Streams) -> Outcome {
    let flow = load(dir, io.colour)?;
    // Mutants of knowledge that already fails say nothing.
    let errors = analyse(flow, &AnalysisRequest::ERRORS)
        .errors(flow)
        .map_err(|e| Failure::new(Exit::Failed, format!("error: {e}")))?;
    if !errors.is_empty() {
        return Err(has_errors(&errors, flow.files(), io.colour));
    }
    let report = crate::check::mutate(flow);
    for (description, span) in &report.survivors {
        writeln!(io.out, "SURVIVED {}: {description}", flow.location(*span))?;
    }
    for (description, span, why) in &report.harmless {
        let why = match why {
            Harmless::Equivalent => "equivalent: every outcome as before",
            Harmless::SameVerdicts => "not safety-relevant: every verdict as before",
        };
        writeln!(
            io.out,
            "harmless {} ({why}): {description}",
            flow.location(*span)
        )?;
    }
    writeln!(
        io.out,
        "{} mutants, {} safety-relevant: {} killed, {} survived (score {:.1}%), {} harmless, in {:.1} s",
        report.mutants,
        report.relevant(),
        report.killed,
        report.survivors.len(),
        report.score(),
        report.harmless.len(),
        report.elapsed.as_secs_f64()
    )?;
    Ok(if report.survivors.is_empty() {
        Exit::Success
    } else {
        Exit::Failed
    })
}
