//! `backcheck mutate`: the mutation score, then every survivor with its
//! place. Knowledge that already fails is refused: its mutants say nothing.

use std::path::Path;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use super::load::{has_errors, load};
use crate::check::{Analysis, AnalysisRequest, Harmless, analyse};

/// Mutation testing: the score, then every survivor with its place.
pub fn mutate(dir: Option<&Path>, io: &mut Streams) -> Outcome {
    let flow = load(dir, io.colour)?;
    // Mutants of knowledge that already fails say nothing: a score is given
    // only when check, verify and the cases all pass.
    let analysis = analyse(
        flow,
        &AnalysisRequest {
            cases: true,
            ..AnalysisRequest::ERRORS
        },
    );
    let errors = analysis
        .errors(flow)
        .map_err(|e| Failure::new(Exit::Failed, format!("error: {e}")))?;
    if !errors.is_empty() {
        return Err(has_errors(&errors, flow.files(), io.colour));
    }
    let failed = failing(&analysis);
    if !failed.is_empty() {
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "error: no mutation score: the knowledge itself fails ({}); mutants of it would say nothing. Make `backcheck verify` and `backcheck test` pass first",
                failed.join("; ")
            ),
        ));
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

/// What fails beside the errors, each as "which command: what": broken
/// invariants and red-flag orders (`verify`), failing cases (`test`).
fn failing(analysis: &Analysis) -> Vec<String> {
    let mut failed = Vec::new();
    if let Some(Ok(verification)) = &analysis.proof {
        let broken: Vec<String> = (verification.invariants.iter())
            .chain(&verification.orders)
            .filter(|result| !result.passed())
            .map(|result| format!("\"{}\"", result.text))
            .collect();
        if !broken.is_empty() {
            failed.push(format!(
                "verify: {} broken: {}",
                broken.len(),
                broken.join(", ")
            ));
        }
    }
    let cases: Vec<String> = (analysis.cases.iter())
        .filter(|case| !case.passed())
        .map(|case| format!("\"{}\"", case.name))
        .collect();
    if !cases.is_empty() {
        failed.push(format!(
            "test: {} case(s) failed: {}",
            cases.len(),
            cases.join(", ")
        ));
    }
    failed
}
