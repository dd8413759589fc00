//! W002 and W003: facts nobody reads, and facts read before any path can
//! have set them (every test of an unknown fact is false, so such a
//! condition never means what it says).

use super::flow_conditions::{Place, conditions};
use crate::compile::{Effect, Flow, NodeId, NodeKind, Operand};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// W002: declared, but no condition reads it.
pub(super) fn unused_facts(flow: &Flow) -> Vec<Diagnostic> {
    let mut read = vec![false; flow.facts.len()];
    for (_, cond) in conditions(flow) {
        for f in facts_read(cond) {
            read[f] = true;
        }
    }
    flow.facts
        .iter()
        .zip(read)
        .filter(|(_, read)| !read)
        .map(|(fact, _)| {
            Diagnostic::new(
                DiagnosticKind::UnreadFact,
                fact.span,
                format!("fact `{}` is never read", fact.name),
            )
            .with_label("no condition reads this fact")
            .with_hint(Some(format!(
                "use `{}` in a `decide`, `skip when` or invariant, or remove it",
                fact.name
            )))
        })
        .collect()
}

/// W003: a condition reads a fact that no path to it sets.
pub(super) fn facts_never_set(flow: &Flow) -> Vec<Diagnostic> {
    let Some(set_before) = set_before(flow) else {
        return Vec::new();
    };
    // An invariant is read at every outcome: the fact must be set on the way
    // to at least one of them.
    let mut before_outcomes = vec![false; flow.facts.len()];
    for (node, n) in flow.nodes.iter().enumerate() {
        if matches!(n.kind, NodeKind::Outcome(_)) {
            for (b, s) in before_outcomes.iter_mut().zip(set_before.row(node)) {
                *b |= *s;
            }
        }
    }
    let mut warnings = Vec::new();
    let mut seen = Vec::new();
    for (place, cond) in conditions(flow) {
        let (span, before, what) = match place {
            Place::Decide { node, .. } | Place::Skip { node } => (
                flow.nodes[node].span,
                set_before.row(node),
                format!("`{}`", flow.nodes[node].id),
            ),
            Place::Invariant { index } => {
                let invariant = &flow.invariants[index];
                (
                    invariant.span,
                    &before_outcomes[..],
                    format!("invariant \"{}\"", invariant.text),
                )
            }
        };
        for fact in facts_read(cond) {
            if before[fact] || seen.contains(&(span, fact)) {
                continue;
            }
            seen.push((span, fact));
            let name = &flow.facts[fact].name;
            warnings.push(
                Diagnostic::new(
                    DiagnosticKind::UnsetFact,
                    span,
                    format!("{what} reads fact `{name}`, but no path to it sets `{name}`"),
                )
                .with_label(format!("`{name}` is always unknown here"))
                .with_hint(Some(format!(
                    "set `{name}` on an answer before this point, or give it a starting value (`= ...`)"
                ))),
            );
        }
    }
    warnings
}

fn facts_read(cond: &crate::compile::Cond) -> Vec<usize> {
    let mut operands = Vec::new();
    cond.operands(&mut operands);
    operands
        .into_iter()
        .filter_map(|o| match o {
            Operand::Fact(f) => Some(f),
            _ => None,
        })
        .collect()
}

/// For each node, the facts some path from the start has set on arriving
/// there, one row of flags per node in one vector (a vector per node costs
/// an allocation each on a large flow).
struct SetBefore {
    facts: usize,
    flags: Vec<bool>,
}

impl SetBefore {
    fn row(&self, node: usize) -> &[bool] {
        &self.flags[node * self.facts..(node + 1) * self.facts]
    }
}

/// The facts set before each node (a starting value counts as set). `None`
/// for a cyclic graph.
fn set_before(flow: &Flow) -> Option<SetBefore> {
    if flow.order.len() < flow.nodes.len() {
        return None;
    }
    let facts = flow.facts.len();
    let mut before = SetBefore {
        facts,
        flags: vec![false; facts * flow.nodes.len()],
    };
    let start = flow.start.index();
    if start >= flow.nodes.len() {
        return None;
    }
    for (fact, set) in flow.facts.iter().zip(&mut before.flags[start * facts..]) {
        *set = fact.initial.is_some();
    }
    let mut here = vec![false; facts];
    let mut after = vec![false; facts];
    for &node in &flow.order {
        here.copy_from_slice(before.row(node));
        let mut go =
            |target: NodeId, effects: &mut dyn Iterator<Item = &Effect>, into: Option<usize>| {
                let target = target.index();
                after.copy_from_slice(&here);
                for effect in effects {
                    if let Effect::Set { fact, .. } = effect {
                        after[*fact] = true;
                    }
                }
                if let Some(fact) = into {
                    after[fact] = true;
                }
                if target < flow.nodes.len() {
                    let there = &mut before.flags[target * facts..(target + 1) * facts];
                    for (t, a) in there.iter_mut().zip(&after) {
                        *t |= *a;
                    }
                }
            };
        match &flow.nodes[node].kind {
            NodeKind::Outcome(_) => {}
            NodeKind::Decide(decide) => {
                for arm in &decide.arms {
                    go(arm.step.target, &mut arm.step.effects.iter(), None);
                }
                go(
                    decide.otherwise.target,
                    &mut decide.otherwise.effects.iter(),
                    None,
                );
            }
            NodeKind::Question(question) => {
                if let Some((_, target)) = question.skip.as_ref() {
                    go(*target, &mut std::iter::empty(), None);
                }
                let then = question.then();
                let then_effects = then.into_iter().flat_map(|s| s.effects.iter());
                let mut all: Vec<&Effect> = then_effects.collect();
                for answer in &question.answers {
                    match (then, answer.target) {
                        (None, Some(target)) => {
                            go(target, &mut answer.effects.iter(), None);
                        }
                        // Multiple choice: any chosen answer's effects may apply.
                        _ => all.extend(answer.effects.iter()),
                    }
                }
                if let Some(step) = then {
                    go(step.target, &mut all.into_iter(), question.into_fact());
                }
            }
        }
    }
    Some(before)
}
