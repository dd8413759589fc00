//! `backcheck diff OLD NEW`: what an edit of a knowledge folder changes for
//! patients, and whether any of it is safety-relevant (the exit code).

use std::path::Path;
use std::time::Instant;

use super::Streams;
use super::args::DiffFormat;
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use crate::diff::compare;

/// Compares the folders `old` and `new`: exit 0 when nothing safety-relevant
/// changed, 1 when something did, 2 when a folder cannot be read or compiled.
pub fn diff(old: &Path, new: &Path, format: DiffFormat, io: &mut Streams) -> Outcome {
    let old_flow = load(Some(old), io.colour).map_err(unusable(old))?;
    let new_flow = load(Some(new), io.colour).map_err(unusable(new))?;
    let started = Instant::now();
    let found = compare(old_flow, new_flow);
    let elapsed = started.elapsed();
    match format {
        DiffFormat::Text => {
            write!(io.out, "{}", found.text())?;
            writeln!(
                io.out,
                "compared in {:.1} ms",
                elapsed.as_secs_f64() * 1000.0
            )?;
        }
        DiffFormat::Json => {
            let text = serde_json::to_string_pretty(&found.json())
                .map_err(|error| Failure::new(Exit::Failed, format!("error: {error}")))?;
            writeln!(io.out, "{text}")?;
        }
    }
    Ok(if found.safety_relevant() {
        Exit::Failed
    } else {
        Exit::Success
    })
}

/// A folder that cannot be read or compiled is bad input here (exit 2): exit
/// 1 means the edit is safety-relevant.
fn unusable(folder: &Path) -> impl Fn(Failure) -> Failure + '_ {
    move |failure| {
        Failure::new(
            Exit::BadInput,
            format!(
                "{}\nerror: cannot compare {}",
                failure.message.trim_end(),
                crate::printable::printable(
                    &folder.display().to_string(),
                    crate::printable::SENTENCE
                )
            ),
        )
    }
}
