//! E029: a red flag's urgency tag says where its `yes` leads. Proved on
//! every path: `yes` never refers later than the tag says, and some `yes`
//! refers exactly that soon (a tag lower than every exit would let the
//! red-flag order accept a flag asked too late). One walk per red flag,
//! focused on the walks that answer it `yes`, answers both.

use super::exploration::CycleError;
use super::prover::Prover;
use super::red_flag_rules::{answered, red_flags, refers_at_least, refers_exactly, with_probes};
use super::verify::judge;
use crate::compile::{Cond, Flow, Invariant, NodeKind, TagMeaning, Urgency, YesNo};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// E031: `out_of_scope` only on a referral outcome (elsewhere it would take
/// walks out of the red-flag order's proof). Read off the graph.
pub(super) fn out_of_scope_errors(flow: &Flow) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for n in flow.node_ids() {
        let node = flow.node(n);
        let referral = matches!(&node.kind, NodeKind::Outcome(o) if o.verdict.is_referral());
        if node.marks.out_of_scope && !referral {
            errors.push(
                Diagnostic::new(
                    DiagnosticKind::OutOfScopeNotReferral,
                    node.span,
                    format!(
                        "`{}` is tagged out of scope, but only a referral outcome can be",
                        node.id
                    ),
                )
                .with_label("the red-flag order is not proven for what is tagged out of scope")
                .with_hint(Some(
                    "tag only an outcome that refers someone the screen is not for".into(),
                )),
            );
        }
    }
    errors
}

/// E034: a tag that means `emergency` or `urgent` on a node that is not a
/// red flag. Those tags say how soon a red flag's `yes` refers; elsewhere
/// no check reads them, so an author who forgot `red_flag` would have the
/// red-flag checks (E025, E026, E029, the order) switched off without a
/// word. `routine` stays allowed: it also labels an ordinary question
/// whose answer refers before any massage. Read off the graph.
pub(super) fn urgency_without_red_flag(flow: &Flow) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for n in flow.node_ids() {
        let node = flow.node(n);
        if node.is_red_flag() {
            continue;
        }
        for (tag, span) in node.tags.iter().zip(&node.tag_spans) {
            let meaning = flow
                .tags()
                .iter()
                .find(|t| t.name == *tag)
                .and_then(|t| t.meaning);
            let Some(TagMeaning::Urgency(urgency @ (Urgency::Emergency | Urgency::Urgent))) =
                meaning
            else {
                continue;
            };
            errors.push(
                Diagnostic::new(
                    DiagnosticKind::UrgencyTagWithoutRedFlag,
                    *span,
                    format!(
                        "`{}` is tagged `{tag}` ({urgency}), but not as a red flag",
                        node.id
                    ),
                )
                .with_label("an urgency tag is only read on a red flag")
                .with_hint(Some(format!(
                    "if it is a danger sign, tag it `red_flag, {tag}` (then it needs an invariant, a case and `unsure` like `yes`); otherwise remove `{tag}`"
                ))),
            );
        }
    }
    errors
}

/// E036: `applies when` on a question that is not a red flag. Only the
/// red-flag order reads it; elsewhere an author would believe it declared
/// something the proof checks.
pub(super) fn applies_without_red_flag(flow: &Flow) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for n in flow.node_ids() {
        let node = flow.node(n);
        let declared = flow.question(n).is_some_and(|q| q.applies.is_some());
        if declared && !node.is_red_flag() {
            errors.push(
                Diagnostic::new(
                    DiagnosticKind::AppliesWithoutRedFlag,
                    node.span,
                    format!(
                        "`{}` says where it applies, but it is not a red flag",
                        node.id
                    ),
                )
                .with_label("`applies when` is only read on a red flag")
                .with_hint(Some(
                    "tag it as a red flag (`tags red_flag, urgent`), or remove `applies when`"
                        .into(),
                )),
            );
        }
    }
    errors
}

/// E029 for every red flag: where its `yes` leads, proved on every path.
pub fn tag_errors(flow: &Flow) -> Result<Vec<Diagnostic>, CycleError> {
    let mut errors = Vec::new();
    if red_flags(flow).next().is_none() {
        return Ok(errors);
    }
    let probes: Vec<(Cond, Cond)> = red_flags(flow)
        .filter_map(|(q, urgency)| {
            Some((answered(q, &[YesNo::Yes.id()]), refers_exactly(urgency?)))
        })
        .collect();
    let probed = with_probes(flow, &probes);
    let flow = &probed;
    let prover = Prover::new(flow)?;
    for (q, urgency) in red_flags(flow) {
        let node = flow.node(q);
        let Some(urgency) = urgency else {
            errors.push(
                Diagnostic::new(
                    DiagnosticKind::RedFlagUrgency,
                    node.span,
                    format!("red flag `{}` has no urgency tag", node.id),
                )
                .with_label("how soon does its `yes` refer?")
                .with_hint(Some(
                    "add a tag that means emergency, urgent or routine: `tags red_flag, urgent`"
                        .into(),
                )),
            );
            continue;
        };
        let yes = answered(q, &[YesNo::Yes.id()]);
        let too_late = Invariant {
            text: String::new(),
            when: yes.clone(),
            then: refers_at_least(urgency),
            span: node.span,
        };
        let exactly = Invariant {
            then: Cond::Not(Box::new(refers_exactly(urgency))),
            ..too_late.clone()
        };
        // Watching the answer and the referral, only the walks that say `yes`.
        let answered_yes = Invariant {
            then: Cond::Or(Vec::new()),
            ..too_late.clone()
        };
        let watched = [&yes, &too_late.then, &exactly.then];
        let explored = prover.shortest(&watched, Some(&answered_yes))?;
        if let Some(example) = judge(&explored, &too_late).broken {
            let reached = match &flow.node(example.outcome).kind {
                NodeKind::Outcome(outcome) => outcome.verdict.to_string(),
                _ => String::new(),
            };
            errors.push(
                Diagnostic::new(
                    DiagnosticKind::RedFlagUrgency,
                    node.span,
                    format!(
                        "red flag `{}` is tagged {urgency}, but its `yes` can end in {reached} (outcome `{}`)",
                        node.id,
                        flow.short_id(example.outcome)
                    ),
                )
                .with_label(format!("reached by {}", example.answers_arg(flow)))
                .with_hint(Some(format!(
                    "send `yes` to a referral at least {urgency}, or tag the question with the urgency it has"
                ))),
            );
            continue;
        }
        if judge(&explored, &exactly).broken.is_none() {
            errors.push(
                Diagnostic::new(
                    DiagnosticKind::RedFlagUrgency,
                    node.span,
                    format!(
                        "red flag `{}` is tagged {urgency}, but its `yes` never refers {urgency}: it always refers sooner",
                        node.id
                    ),
                )
                .with_label("the tag is lower than where it leads")
                .with_hint(Some(
                    "tag it with the urgency its `yes` refers with".into(),
                )),
            );
        }
    }
    Ok(errors)
}
