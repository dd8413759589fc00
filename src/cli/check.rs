//! `backcheck check`: compile a knowledge folder and report every error the
//! compiler and the audit find, then the lints; as text for people, or as
//! one JSON document for tools.

use std::path::Path;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use super::load::{has_errors, knowledge_source, load};
use crate::check::{AnalysisRequest, analyse};
use crate::compile::{Flow, NodeKind, compile};
use crate::diagnostic::{Diagnostic, diagnostics_json, render_all};

/// The errors (each fails), the warnings (each fails with `deny_warnings`),
/// then one line of what the knowledge holds.
pub fn check(dir: Option<&Path>, deny_warnings: bool, io: &mut Streams) -> Outcome {
    let flow = load(dir, io.colour)?;
    let analysis = analyse(flow, &AnalysisRequest::CHECK);
    if !analysis.audit.is_empty() {
        return Err(has_errors(&analysis.audit, &flow.files, io.colour));
    }
    warn(flow, analysis.warnings(), deny_warnings, io)?;
    let count = |want: fn(&NodeKind) -> bool| flow.nodes.iter().filter(|n| want(&n.kind)).count();
    writeln!(
        io.out,
        "ok: {} {} ({}): {} questions, {} decide nodes, {} outcomes, {} facts, {} invariants, {} cases",
        flow.meta.name,
        flow.meta.version,
        flow.meta.hash,
        count(|k| matches!(k, NodeKind::Question(_))),
        count(|k| matches!(k, NodeKind::Decide(_))),
        count(|k| matches!(k, NodeKind::Outcome(_))),
        flow.facts.len(),
        flow.invariants.len(),
        flow.cases.len()
    )?;
    Ok(Exit::Success)
}

/// Prints the lints; with `deny`, any warning fails the check.
fn warn(flow: &Flow, warnings: &[Diagnostic], deny: bool, io: &mut Streams) -> Result<(), Failure> {
    if warnings.is_empty() {
        return Ok(());
    }
    // A closed stderr does not stop the check: its result is the exit code.
    let _ = writeln!(
        io.err,
        "{}",
        render_all(warnings, &flow.files, io.colour).trim_end()
    );
    let count = warnings.len();
    let plural = if count == 1 { "" } else { "s" };
    if deny {
        return Err(Failure::new(
            Exit::Failed,
            format!("error: {count} warning{plural}, denied by --deny-warnings"),
        ));
    }
    let _ = writeln!(io.err, "warning: {count} warning{plural}");
    Ok(())
}

/// `check --format json`: every diagnostic (compile errors, or the errors
/// analysis finds and the lints) as one JSON document on stdout.
pub fn check_json(dir: Option<&Path>, deny_warnings: bool, io: &mut Streams) -> Outcome {
    let source = knowledge_source(dir)?;
    let (diagnostics, files) = match compile(&source) {
        Err(errors) => (errors, source.files.clone()),
        Ok(flow) => {
            let analysis = analyse(&flow, &AnalysisRequest::CHECK);
            let mut all = analysis.audit;
            all.extend(analysis.lints);
            (all, flow.files.clone())
        }
    };
    writeln!(io.out, "{}", diagnostics_json(&diagnostics, &files))?;
    let failed = diagnostics.iter().any(|d| d.is_error() || deny_warnings);
    Ok(if failed { Exit::Failed } else { Exit::Success })
}
