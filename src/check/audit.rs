//! The errors `backcheck check` finds by analysing a compiled flow, beyond
//! what the compiler can see: safety rules that compile but leave a hole.
//!
//! | code | what |
//! | --- | --- |
//! | E024 | an invariant that proves nothing: its left side holds on no path, or its right side on every path |
//! | E025 | a red flag no invariant reads on its left side, or no case answers with `yes` or `unsure` |
//! | E026 | a red flag whose "not sure" does not count as "yes" |
//! | E029 | a red flag whose urgency tag is not where its `yes` leads |
//! | E031 | a tag that means `out_of_scope` on anything but a referral outcome |
//! | E034 | a tag that means `emergency` or `urgent` on anything not tagged as a red flag |
//! | E035 | the proof could not run to the end (its state budget ran out) |
//! | E036 | `applies when` on a question that is not a red flag |
//!
//! They are errors, not lints: each is a rule about a danger sign that
//! nothing would check.
//!
//! E025, E026, E031, E034 and E036 are read off the graph and cost nothing: `check` finds
//! them. E024 and E029 each need a walk of every path, so they belong to
//! the proof: `verify` (and `author`, `mutate` and the language server)
//! finds them, and `check` stays quick on large folders.

use super::exploration::CycleError;
use super::lint_questions::red_flags_unsure;
use super::prover::Prover;
use super::verify::{Vacuity, vacuity};
use crate::compile::{Cond, Flow, Invariant, NodeId, NodeKind, Operand, YesNo};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// The errors read off the graph without walking it (E025, E026), in
/// source order: what `check` reports beside the compiler's.
pub fn audit(flow: &Flow) -> Vec<Diagnostic> {
    let mut errors = unguarded_red_flags(flow);
    errors.extend(red_flags_unsure(flow));
    errors.extend(super::tag_rules::out_of_scope_errors(flow));
    errors.extend(super::tag_rules::urgency_without_red_flag(flow));
    errors.extend(super::tag_rules::applies_without_red_flag(flow));
    errors.sort_by_key(|e| (e.span.file(), e.span.start(), e.code()));
    errors
}

/// The errors only a walk of every path finds (E024, E029), in source
/// order: `verify`'s, beside its invariants and the red-flag order.
pub fn proof_audit(flow: &Flow) -> Result<Vec<Diagnostic>, CycleError> {
    let mut errors = vacuous_invariants(flow)?;
    errors.extend(super::tag_rules::tag_errors(flow)?);
    errors.sort_by_key(|e| (e.span.file(), e.span.start(), e.code()));
    Ok(errors)
}

/// E035: the proof could not run to the end, shown on the node where it
/// stopped (or the start): nothing is proved, and a silent "no findings"
/// would say the opposite.
pub fn proof_stopped(flow: &Flow, error: &CycleError) -> Diagnostic {
    let node = match error {
        super::exploration::ProofError::Cycle { node }
        | super::exploration::ProofError::TooManyStates { node, .. } => node,
    };
    let at = flow.find(node).unwrap_or(flow.start());
    Diagnostic::new(
        DiagnosticKind::ProofStopped,
        flow.node(at).span,
        format!("{error}"),
    )
    .with_label("the proof stopped here: no invariant or red-flag order is proved")
}

/// E024: an invariant that holds whatever the graph does.
fn vacuous_invariants(flow: &Flow) -> Result<Vec<Diagnostic>, CycleError> {
    let mut errors = Vec::new();
    let prover = Prover::new(flow)?;
    for invariant in flow.invariants() {
        if let Some(vacuity) = vacuity(&prover, invariant)? {
            errors.push(proves_nothing(invariant, vacuity));
        }
    }
    Ok(errors)
}

/// The E024 error for `invariant`, which proves nothing in the way `vacuity` says.
pub fn proves_nothing(invariant: &Invariant, vacuity: Vacuity) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::ProvesNothing,
        invariant.span,
        format!(
            "invariant \"{}\" proves nothing: {}",
            invariant.text,
            vacuity.describe()
        ),
    )
    .with_label("holds without checking anything")
    .with_hint(Some(vacuity.hint().into()))
}

/// Whether the condition reads question `q` itself (not through `any TAG`).
fn names_question(cond: &Cond, q: NodeId) -> bool {
    match cond {
        Cond::Or(parts) | Cond::And(parts) => parts.iter().any(|p| names_question(p, q)),
        Cond::Not(inner) => names_question(inner, q),
        Cond::Compare { operand, .. } | Cond::In { operand, .. } | Cond::Truth(operand) => {
            *operand == Operand::Question(q)
        }
        Cond::AnyTagged { .. } => false,
    }
}

/// E025: every red flag needs its own invariant (read on the left side)
/// and a case that answers it with something other than `no`.
fn unguarded_red_flags(flow: &Flow) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for q in flow.node_ids() {
        let node = flow.node(q);
        if !matches!(node.kind, NodeKind::Question(_)) || !node.is_red_flag() {
            continue;
        }
        let invariant = flow
            .invariants()
            .iter()
            .any(|invariant| names_question(&invariant.when, q));
        let case = flow
            .cases()
            .iter()
            .chain(flow.vignettes().iter().map(|v| &v.case))
            .any(|case| {
                case.answers
                    .iter()
                    .any(|(asked, answer)| *asked == q && answer.choices() != [YesNo::No.id()])
            });
        let missing = match (invariant, case) {
            (true, true) => continue,
            (false, false) => "no invariant and no case",
            (false, true) => "no invariant",
            (true, false) => "no case",
        };
        let local = node.local();
        errors.push(
            Diagnostic::new(
                DiagnosticKind::UnguardedRedFlag,
                node.span,
                format!("red flag `{}` has {missing} guarding it", node.id),
            )
            .with_label(format!("nothing at {} checks where it leads", flow.location(node.span)))
            .with_hint(Some(match (invariant, case) {
                (false, _) => format!(
                    "add `invariant \"...\" {{ {local} in [yes, unsure] => verdict == refer and urgency >= {} }}`{}",
                    // The urgency its tag gives it; `...` only when it has none.
                    node.marks.urgency.map_or("...", |urgency| urgency.word()),
                    if case { "" } else { ", and a case that answers it `yes` or `unsure`" }
                ),
                _ => format!("add a case with `answers ... {local}=yes` and its expected referral"),
            })),
        );
    }
    errors
}
