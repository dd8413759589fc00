//! What the tag vocabulary makes checkable about red flags, as conditions
//! the proof already knows how to decide on every path:
//!
//! - where a red flag leads: its `yes` refers at least as soon as its
//!   urgency tag says, and some `yes` refers exactly that soon (E029);
//! - the red-flag order: a walk that ends below a red flag's urgency has
//!   asked it (or was steered away from it by a screening question's other
//!   answer), so every emergency flag comes before any urgent exit and every
//!   urgent flag before any routine one (`verify`).

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

/// Every red flag that is a yes/no question, with its urgency tag.
pub(super) fn red_flags(flow: &Flow) -> impl Iterator<Item = (NodeId, Option<Urgency>)> + '_ {
    flow.node_ids().filter_map(|q| {
        let node = flow.node(q);
        match &node.kind {
            NodeKind::Question(question) if node.is_red_flag() => match question.kind {
                QuestionKind::YesNo => Some((q, node.marks.urgency)),
                QuestionKind::Single
                | QuestionKind::Multiple { .. }
                | QuestionKind::Number { .. } => None,
            },
            _ => None,
        }
    })
}

/// The red-flag order for `q` tagged `urgency`, as an invariant's two
/// sides: a walk that neither asked `q` nor took an answer that steered it
/// away from `q` (an answer of a question from which `q` could still be
/// reached, leading where it can no longer be) ends in a referral at least
/// that soon. A decide node's arm that goes on to a question or decide
/// node where `q` can no longer be reached steers away when its condition
/// (and no earlier one) holds at the end of the walk: such a condition
/// reads what earlier answers told (`neuro_signs` from the leg question),
/// which later questions seldom change. An arm straight to an outcome is
/// an exit, never a steer: that is the exit a red flag must come before.
/// Skips steer nothing away.
pub(super) fn order_condition(flow: &Flow, q: NodeId, urgency: Urgency) -> (Cond, Cond) {
    let reaches = reaching(flow, q);
    let mut settled = Vec::new();
    if let Some(question) = flow.question(q) {
        let ids: Vec<&str> = question.answers.iter().map(|a| a.id.as_str()).collect();
        settled.push(Cond::Not(Box::new(answered(q, &ids))));
    }
    for p in flow.node_ids() {
        if p == q || !reaches[p.index()] {
            continue;
        }
        if let NodeKind::Decide(decide) = &flow.node(p).kind {
            let mut earlier: Vec<Cond> = Vec::new();
            let steers = |target: NodeId| {
                !reaches[target.index()] && !matches!(flow.node(target).kind, NodeKind::Outcome(_))
            };
            for arm in &decide.arms {
                if steers(arm.step.target) {
                    let mut taken = earlier.clone();
                    taken.push(arm.condition.clone());
                    settled.push(Cond::Not(Box::new(Cond::And(taken))));
                }
                earlier.push(Cond::Not(Box::new(arm.condition.clone())));
            }
            if steers(decide.otherwise.target) {
                settled.push(Cond::Not(Box::new(Cond::And(earlier))));
            }
            continue;
        }
        let Some(screen) = flow.question(p) else {
            continue;
        };
        let away: Vec<&str> = screen
            .answers
            .iter()
            .filter(|a| a.target.is_some_and(|t| !reaches[t.index()]))
            .map(|a| a.id.as_str())
            .collect();
        if !away.is_empty() {
            settled.push(Cond::Not(Box::new(answered(p, &away))));
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
    (Cond::And(settled), Cond::Or(allowed))
}

/// The referral outcomes tagged with a tag that means `out_of_scope`.
pub(super) fn out_of_scope_outcomes(flow: &Flow) -> impl Iterator<Item = NodeId> + '_ {
    flow.node_ids().filter(|&n| {
        let node = flow.node(n);
        node.marks.out_of_scope
            && matches!(&node.kind, NodeKind::Outcome(o) if o.verdict.is_referral())
    })
}

/// Per node: whether some path from it reaches `q` (`q` itself included).
fn reaching(flow: &Flow, q: NodeId) -> Vec<bool> {
    use petgraph::Direction;
    use petgraph::graph::NodeIndex;
    let mut seen = vec![false; flow.nodes.len()];
    let mut stack = vec![q];
    seen[q.index()] = true;
    while let Some(node) = stack.pop() {
        for from in flow
            .graph
            .neighbors_directed(NodeIndex::new(node.index()), Direction::Incoming)
        {
            let from = flow.graph[from];
            if !seen[from.index()] {
                seen[from.index()] = true;
                stack.push(from);
            }
        }
    }
    seen
}

/// `flow` with `probes` added as invariants. The proof tells answers and
/// numbers apart only where some condition of the flow does (answer
/// classes): a condition made here must be among them to be decided.
pub(super) fn with_probes(flow: &Flow, probes: &[(Cond, Cond)]) -> Flow {
    let mut flow = flow.clone();
    flow.invariants
        .extend(probes.iter().map(|(when, then)| crate::compile::Invariant {
            text: String::new(),
            when: when.clone(),
            then: then.clone(),
            span: Default::default(),
        }));
    flow
}
