//! Every condition written in a flow, with where it is written, and the
//! constants each one compares an operand against. Shared by the lints
//! (which facts are read, and where) and the verifier (which numbers and
//! answer words a condition can tell apart).

use crate::compile::{Cond, Flow, NodeKind, Operand, Value, YesNo};

/// Where a condition is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Arm `arm` of decide node `node`.
    Decide { node: usize, arm: usize },
    /// The `skip when` of question `node`.
    Skip { node: usize },
    /// The `when` or the `then` side of invariant `index`.
    Invariant { index: usize },
}

/// Every condition of the flow, decide arms and skips first, in node order.
pub(super) fn conditions(flow: &Flow) -> Vec<(Place, &Cond)> {
    let mut found = Vec::new();
    for (node, n) in flow.nodes.iter().enumerate() {
        match &n.kind {
            NodeKind::Decide(decide) => {
                for (arm, a) in decide.arms.iter().enumerate() {
                    found.push((Place::Decide { node, arm }, &a.condition));
                }
            }
            NodeKind::Question(question) => {
                if let Some((cond, _)) = question.skip.as_ref() {
                    found.push((Place::Skip { node }, cond));
                }
            }
            NodeKind::Outcome(_) => {}
        }
    }
    for (index, invariant) in flow.invariants.iter().enumerate() {
        found.push((Place::Invariant { index }, &invariant.when));
        found.push((Place::Invariant { index }, &invariant.then));
    }
    found
}

/// Calls `f` with every (operand, constant) pair the condition compares. A
/// bare yes/no question is a comparison with `yes`.
pub(super) fn atoms(cond: &Cond, f: &mut impl FnMut(Operand, &Value)) {
    match cond {
        Cond::Or(parts) | Cond::And(parts) => parts.iter().for_each(|p| atoms(p, f)),
        Cond::Not(inner) => atoms(inner, f),
        Cond::Compare { operand, value, .. } => f(*operand, value),
        Cond::In { operand, values } => values.iter().for_each(|v| f(*operand, v)),
        Cond::AnyTagged { questions, values } => {
            for q in questions {
                values.iter().for_each(|v| f(Operand::Question(*q), v));
            }
        }
        Cond::Truth(operand @ Operand::Question(_)) => {
            f(*operand, &Value::Word(YesNo::Yes.id().into()))
        }
        Cond::Truth(operand) => f(*operand, &Value::Bool(true)),
    }
}
