use super::{NodeId, Value};

/// What a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    /// Index into `Flow::facts`.
    Fact(usize),
    /// The answer given to that question.
    Question(NodeId),
    /// The verdict reached (invariants only).
    Verdict,
    /// The urgency reached, ordered routine < urgent < emergency (invariants only).
    Urgency,
    /// The outcome id reached (invariants only).
    Outcome,
}

pub use crate::syntax::ast::CompareOp;

/// A resolved condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    Or(Vec<Cond>),
    And(Vec<Cond>),
    Not(Box<Cond>),
    Compare {
        operand: Operand,
        op: CompareOp,
        value: Value,
    },
    In {
        operand: Operand,
        values: Vec<Value>,
    },
    /// Some question of `questions` (those with the tag) got one of `values`.
    AnyTagged {
        questions: Vec<NodeId>,
        values: Vec<Value>,
    },
    Truth(Operand),
}

impl Cond {
    /// Every operand the condition reads, for analyses that need only those.
    pub fn operands(&self, out: &mut Vec<Operand>) {
        match self {
            Cond::Or(parts) | Cond::And(parts) => parts.iter().for_each(|p| p.operands(out)),
            Cond::Not(inner) => inner.operands(out),
            Cond::Compare { operand, .. } | Cond::In { operand, .. } | Cond::Truth(operand) => {
                out.push(*operand)
            }
            Cond::AnyTagged { questions, .. } => {
                out.extend(questions.iter().map(|q| Operand::Question(*q)))
            }
        }
    }
}
