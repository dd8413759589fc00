//! What the tag vocabulary makes checkable about red flags, as conditions
//! the proof already knows how to decide on every path:
//!
//! - where a red flag leads: its `yes` refers at least as soon as its
//!   urgency tag says, and some `yes` refers exactly that soon (E029);
//! - the red-flag order: a walk that ends below a red flag's urgency has
//!   asked it, unless the flag's own `applies when` is false on that walk,
//!   so every emergency flag comes before any urgent exit and every urgent
//!   flag before any routine one (`verify`).

use crate::compile::{
    CompareOp, Cond, Flow, NodeId, NodeKind, Operand, QuestionKind, Urgency, Value,
};

fn word(w: &str) -> Value {
    Value::Word(w.to_string())
}

/// `verdict == refer and urgency >= U`.
pub(super) fn refers_at_least(urgency: Urgency) -> Cond {
    refers(CompareOp::Ge, urgency)
}

/// `verdict == refer and urgency == U`.
pub(super) fn refers_exactly(urgency: Urgency) -> Cond {
    refers(CompareOp::Eq, urgency)
}

/// `verdict == refer and urgency OP U`.
fn refers(op: CompareOp, urgency: Urgency) -> Cond {
    Cond::And(vec![
        Cond::Compare {
            operand: Operand::Verdict,
            op: CompareOp::Eq,
            value: word("refer"),
        },
        Cond::Compare {
            operand: Operand::Urgency,
            op,
            value: word(urgency.word()),
        },
    ])
}

/// `q in [answers...]`.
pub(super) fn answered(q: NodeId, answers: &[&str]) -> Cond {
    Cond::In {
        operand: Operand::Question(q),
        values: answers.iter().map(|a| word(a)).collect(),
    }
}

/// Every red flag the red-flag order holds to, with its urgency tag: the
/// yes/no ones, and a "which of these" red flag (the pregnancy signs),
/// which is asked, or not, as a whole.
pub(super) fn red_flags_in_order(
    flow: &Flow,
) -> impl Iterator<Item = (NodeId, Option<Urgency>)> + '_ {
    flow.node_ids().filter_map(|q| {
        let node = flow.node(q);
        match &node.kind {
            NodeKind::Question(question) if node.is_red_flag() => match question.kind {
                QuestionKind::YesNo { .. } | QuestionKind::Multiple { .. } => {
                    Some((q, node.marks.urgency))
                }
                QuestionKind::Single { .. } | QuestionKind::Number { .. } => None,
            },
            _ => None,
        }
    })
}

/// Every red flag that is a yes/no question, with its urgency tag.
pub(super) fn red_flags(flow: &Flow) -> impl Iterator<Item = (NodeId, Option<Urgency>)> + '_ {
    flow.node_ids().filter_map(|q| {
        let node = flow.node(q);
        match &node.kind {
            NodeKind::Question(question) if node.is_red_flag() => match question.kind {
                QuestionKind::YesNo { .. } => Some((q, node.marks.urgency)),
                QuestionKind::Single { .. }
                | QuestionKind::Multiple { .. }
                | QuestionKind::Number { .. } => None,
            },
            _ => None,
        }
    })
}

/// The red-flag order for `q` tagged `urgency`, as an invariant's two
/// sides: a walk that did not ask `q`, where `q` applies (its `applies
/// when` holds at the end of the walk, or it has none), ends in a referral
/// at least that soon, or at an outcome for someone the screen is not for.
///
/// Only a declared reason lets a walk pass a red flag by: an answer that
/// merely leads elsewhere does not (issue 27: `spread=buttock` straight to
/// a treat outcome passed `saddle_numbness` unasked, and the proof called
/// that a screen's "no"). A screen that covers the flag says so on the
/// flag: `applies when history_screen in [yes, unsure]`.
pub(super) fn order_condition(flow: &Flow, q: NodeId, urgency: Urgency) -> (Cond, Cond) {
    let mut unasked = Vec::new();
    if let Some(question) = flow.question(q) {
        let ids: Vec<&str> = question.answers().iter().map(|a| a.id.as_str()).collect();
        unasked.push(Cond::Not(Box::new(answered(q, &ids))));
        if let Some(applies) = &question.applies {
            unasked.push(applies.clone());
        }
    }
    // An outcome for someone the screen is not for ends the walk before the
    // red flags by design; its own safety net names the danger signs.
    let mut allowed = vec![refers_at_least(urgency)];
    allowed.extend(out_of_scope_outcomes(flow).map(|outcome| Cond::Compare {
        operand: Operand::Outcome,
        op: CompareOp::Eq,
        value: word(&flow.node(outcome).id),
    }));
    (Cond::And(unasked), Cond::Or(allowed))
}

/// The referral outcomes tagged with a tag that means `out_of_scope`.
pub(super) fn out_of_scope_outcomes(flow: &Flow) -> impl Iterator<Item = NodeId> + '_ {
    flow.node_ids().filter(|&n| {
        let node = flow.node(n);
        node.marks.out_of_scope
            && matches!(&node.kind, NodeKind::Outcome(o) if o.verdict.is_referral())
    })
}

/// `flow` with `probes` added as invariants. The proof tells answers and
/// numbers apart only where some condition of the flow does (answer
/// classes): a condition made here must be among them to be decided.
pub(super) fn with_probes(flow: &Flow, probes: &[(Cond, Cond)]) -> Flow {
    let mut flow = flow.clone();
    flow.invariants_mut()
        .extend(probes.iter().map(|(when, then)| crate::compile::Invariant {
            text: String::new(),
            when: when.clone(),
            then: then.clone(),
            span: Default::default(),
        }));
    flow
}
