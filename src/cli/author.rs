//! `backcheck author`: check, verify, test and fmt --check, each reported,
//! with one exit code.

use std::path::Path;

use super::Streams;
use super::check::check;
use super::failure::{Exit, Failure, Outcome};
use super::fmt::fmt_check_files;
use super::load::load;
use super::test_cases::test;
use super::verify::verify;

/// An author's whole loop in one. Each step runs even when an earlier one
/// failed, so one run shows everything to fix; only knowledge that does not
/// compile stops it.
pub fn author(dir: Option<&Path>, io: &mut Streams) -> Outcome {
    let flow = load(dir, io.colour)?;
    let result = check(dir, false, io);
    let checked = step("check", result, io)?;
    let result = verify(dir, io);
    let verified = step("verify", result, io)?;
    let result = test(dir, io);
    let tested = step("test", result, io)?;
    let result = fmt_check_files(flow.files(), io);
    let formatted = step("fmt --check", result, io)?;
    let all = checked && verified && tested && formatted;
    writeln!(
        io.out,
        "{}",
        if all {
            "author: check, verify, test and fmt all pass"
        } else {
            "author: not ready; see FAIL above"
        }
    )?;
    Ok(if all { Exit::Success } else { Exit::Failed })
}

/// Reports one step's result: whether it passed. Only a failed output (closed,
/// or a full disk) stops the loop.
fn step(name: &str, result: Outcome, io: &mut Streams) -> Result<bool, Failure> {
    let passed = match result {
        Ok(Exit::Success) => true,
        Ok(_) => false,
        // The output itself failed: said once, by main, and nothing after.
        Err(failure) if failure.streams_failed() => return Err(failure),
        Err(failure) => {
            if !failure.message.is_empty() {
                let _ = writeln!(io.err, "{}", failure.message);
            }
            false
        }
    };
    writeln!(io.out, "{} {name}", if passed { "ok  " } else { "FAIL" })?;
    Ok(passed)
}
