//! What a walk standing at a node can still read: the facts and question
//! answers that conditions at that node or after it test. Anything else a
//! walk holds cannot change where it ends, so walks that differ only there
//! are one state.

use std::collections::BTreeSet;

use crate::compile::{Cond, Flow, NodeId, NodeKind, Operand};

/// Per node of one flow, the facts (by index) and questions (by id) read
/// from there on.
pub(super) struct LiveReads {
    facts: Vec<BTreeSet<usize>>,
    questions: Vec<BTreeSet<String>>,
}

impl LiveReads {
    pub(super) fn of(flow: &Flow) -> LiveReads {
        let count = flow.nodes().len();
        let mut live = LiveReads {
            facts: vec![BTreeSet::new(); count],
            questions: vec![BTreeSet::new(); count],
        };
        // Each node after every node it leads to: successors are done first.
        for &id in flow.order().iter().rev() {
            let mut operands = Vec::new();
            for cond in conditions_at(flow, id) {
                cond.operands(&mut operands);
            }
            let (mut facts, mut questions) = (BTreeSet::new(), BTreeSet::new());
            for operand in operands {
                match operand {
                    Operand::Fact(f) => {
                        facts.insert(f);
                    }
                    Operand::Question(q) => {
                        questions.insert(flow.node(q).id.to_string());
                    }
                    Operand::Verdict | Operand::Urgency | Operand::Outcome => {}
                }
            }
            for next in flow.successors(id) {
                facts.extend(live.facts[next.index()].iter().copied());
                questions.extend(live.questions[next.index()].iter().cloned());
            }
            live.facts[id.index()] = facts;
            live.questions[id.index()] = questions;
        }
        live
    }

    /// Whether fact `fact` may still be read at node `at`.
    pub(super) fn fact(&self, at: NodeId, fact: usize) -> bool {
        self.facts
            .get(at.index())
            .is_none_or(|facts| facts.contains(&fact))
    }

    /// Whether the answer to question `id` may still be read at node `at`.
    pub(super) fn question(&self, at: NodeId, id: &str) -> bool {
        self.questions
            .get(at.index())
            .is_none_or(|questions| questions.contains(id))
    }
}

/// The conditions a walk tests at node `id`: a decide node's arms, a
/// question's `skip when`.
fn conditions_at(flow: &Flow, id: NodeId) -> Vec<&Cond> {
    match &flow.node(id).kind {
        NodeKind::Decide(decide) => decide.arms.iter().map(|arm| &arm.condition).collect(),
        NodeKind::Question(question) => question.skip.iter().map(|(cond, _)| cond).collect(),
        NodeKind::Outcome(_) => Vec::new(),
    }
}
