//! `verify` in the editor: an invariant some path breaks is an error on the
//! invariant, with the counter-example's answers and the outcome it reaches
//! as related information pointing at each node.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use super::line_index::LineIndex;
use super::lsp_diagnostic::SOURCE;
use super::names::Names;
use crate::check::Verification;
use crate::compile::{Flow, NodeId, NodeKind, Symbol};
use crate::diagnostic::DiagnosticKind;

/// (file, diagnostic) for every invariant some path breaks.
pub fn verify_diagnostics(
    flow: &Flow,
    verification: &Verification,
    index: &Names,
    uris: &[Url],
    lines: &[LineIndex],
) -> Vec<(usize, lsp_types::Diagnostic)> {
    let location = |node: NodeId| -> Option<Location> {
        let found = index
            .table
            .find(&Symbol::Node(flow.node(node).id.clone()))?;
        let span = index.table.declaration(found).span;
        Some(Location::new(
            uris.get(span.file())?.clone(),
            lines.get(span.file())?.range(span.range()),
        ))
    };
    let mut out = Vec::new();
    for (invariant, result) in flow.invariants().iter().zip(&verification.invariants) {
        let Some(broken) = &result.broken else {
            continue;
        };
        let file = invariant.span.file();
        let Some(line_index) = lines.get(file) else {
            continue;
        };
        let mut related = Vec::new();
        for (step, (question, answer)) in broken.answers.iter().enumerate() {
            if let Some(at) = location(*question) {
                related.push(DiagnosticRelatedInformation {
                    location: at,
                    message: format!("{}. {} = {answer}", step + 1, flow.short_id(*question)),
                });
            }
        }
        let reached = match &flow.node(broken.outcome).kind {
            NodeKind::Outcome(outcome) => format!(
                "reaches outcome `{}`: {} (\"{}\")",
                flow.short_id(broken.outcome),
                outcome.verdict,
                outcome.title
            ),
            _ => format!("reaches `{}`", flow.short_id(broken.outcome)),
        };
        if let Some(at) = location(broken.outcome) {
            related.push(DiagnosticRelatedInformation {
                location: at,
                message: reached.clone(),
            });
        }
        let message = format!(
            "invariant \"{}\" does not hold: broken on {} of {} paths\ncounter-example: {}\n{reached}",
            result.text,
            broken.breaking_paths,
            verification.paths,
            broken.answers_arg(flow)
        );
        out.push((
            file,
            lsp_types::Diagnostic {
                range: line_index.range(invariant.span.range()),
                severity: Some(DiagnosticSeverity::ERROR),
                code: Some(NumberOrString::String(
                    DiagnosticKind::BrokenInvariant.code().to_string(),
                )),
                source: Some(SOURCE.to_string()),
                message,
                related_information: Some(related),
                ..lsp_types::Diagnostic::default()
            },
        ));
    }
    out
}
