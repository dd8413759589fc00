//! `backcheck test`: the cases (and vignettes) written in the knowledge,
//! each `ok` or `FAIL` with what went wrong and the path it took.

use std::path::Path;

use super::Streams;
use super::failure::{Exit, Outcome};
use super::load::load;
use crate::check::{AnalysisRequest, analyse};

/// Runs every case of the knowledge.
pub fn test(dir: Option<&Path>, io: &mut Streams) -> Outcome {
    let flow = load(dir, io.colour)?;
    let results = analyse(flow, &AnalysisRequest::TEST).cases;
    let failed = results.iter().filter(|r| !r.passed()).count();
    for result in &results {
        if result.passed() {
            writeln!(io.out, "ok   {}", result.name)?;
        } else {
            writeln!(
                io.out,
                "FAIL {}: {}",
                flow.location(result.span),
                result.name
            )?;
            for failure in &result.failures {
                writeln!(io.out, "     {failure}")?;
            }
            writeln!(io.out, "     path: {}", result.path.join(","))?;
        }
    }
    writeln!(io.out, "{} passed, {failed} failed", results.len() - failed)?;
    Ok(if failed == 0 {
        Exit::Success
    } else {
        Exit::Failed
    })
}
