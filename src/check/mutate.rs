//! `backcheck mutate`: every single slip of the pen that could make the
//! knowledge less safe, planted one at a time in memory, each run through
//! `check`, `verify` and `test`. A mutant nothing catches (a survivor)
//! names a rule nothing guards.
//!
//! The slips: an urgency lowered; the `yes` or `unsure` of a red flag sent
//! to where its `no` goes (the next question) or to a treat or modify
//! outcome; any other answer that leads to a red flag sent around it (to
//! where the flag's `no` goes, so the flag is never asked there); a `set` dropped; a comparison flipped (`<` for `>=`, `==` for
//! `!=`); two neighbouring `when` arms of a decide node swapped.
//!
//! Some mutants are known to be no danger from the knowledge alone, and do
//! not count against the score: equivalent ones (a dropped `set radiation =
//! none` where no condition that steers a walk tells `none` from unset and
//! nothing else sets it; two arms swapped that test one operand for values
//! that never meet) and those that are not safety-relevant (two arms
//! swapped that lead straight to outcomes with the same verdict).

use std::time::{Duration, Instant};

use super::analysis::{AnalysisRequest, analyse};
use super::flow_conditions::{Place, conditions};
use crate::compile::{
    CompareOp, Cond, DecideArm, Effect, Flow, NodeId, NodeKind, Operand, QuestionKind, Urgency,
    Value, Verdict, YesNo,
};
use crate::diagnostic::Span;

/// One planted slip: what it changes and where.
pub struct Mutant {
    pub description: String,
    pub span: Span,
    /// Known from the knowledge alone to be no danger, and why.
    pub harmless: Option<Harmless>,
    change: Box<dyn Fn(&mut Flow) + Send + Sync>,
}

/// What the mutants came to.
pub struct MutationReport {
    pub mutants: usize,
    pub killed: usize,
    /// Those nothing caught that change some walk's verdict, in the order
    /// planted: the rules nothing guards.
    pub survivors: Vec<(String, Span)>,
    /// Survivors that are no danger, with why: equivalent (every outcome is
    /// reached by as many paths as before: the slip changes nothing), or
    /// not safety-relevant (outcomes change, but every verdict and urgency
    /// is reached by as many paths as before).
    pub harmless: Vec<(String, Span, Harmless)>,
    pub elapsed: Duration,
}

/// Why a surviving mutant is no danger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harmless {
    Equivalent,
    SameVerdicts,
}

impl MutationReport {
    /// Safety-relevant mutants: those that change some walk's verdict.
    pub fn relevant(&self) -> usize {
        self.mutants - self.harmless.len()
    }

    /// Killed per hundred safety-relevant mutants (100 when there are none).
    pub fn score(&self) -> f64 {
        if self.relevant() == 0 {
            100.0
        } else {
            self.killed as f64 * 100.0 / self.relevant() as f64
        }
    }
}

/// Plants every mutant of `flow` and runs the checks on each.
pub fn mutate(flow: &Flow) -> MutationReport {
    let started = Instant::now();
    let mutants = mutants(flow);
    let total = mutants.len();
    // Two halves on two threads: each mutant is independent of the others.
    let killed: Vec<bool> = std::thread::scope(|scope| {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let chunk = total.div_ceil(threads.max(1)).max(1);
        let handles: Vec<_> = mutants
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|m| caught(flow, m)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut survivors = Vec::new();
    let mut harmless = Vec::new();
    for (mutant, _) in mutants.iter().zip(&killed).filter(|(_, killed)| !**killed) {
        let found = (mutant.description.clone(), mutant.span);
        match mutant.harmless {
            Some(why) => harmless.push((found.0, found.1, why)),
            None => survivors.push(found),
        }
    }
    MutationReport {
        mutants: total,
        killed: killed.iter().filter(|k| **k).count(),
        survivors,
        harmless,
        elapsed: started.elapsed(),
    }
}

/// Whether `check`, `verify` or `test` fails on the mutant, cheapest first.
fn caught(flow: &Flow, mutant: &Mutant) -> bool {
    let mut mutated = flow.clone();
    (mutant.change)(&mut mutated);
    if !mutated.rebuild().is_empty() {
        return true;
    }
    analyse(&mutated, &AnalysisRequest::CAUGHT).failed()
}

/// Whether checking fact `fact` against `value` and against no value at
/// all gives the same on every condition that steers a walk, and no node
/// but `at` sets it (so a walk that drops this `set` has no other value
/// there): then dropping `set fact = value` changes nothing.
fn unset_is_alike(flow: &Flow, at: NodeId, fact: usize, value: &Value) -> bool {
    if flow.facts()[fact].initial.is_some() {
        return false;
    }
    let mut sets = 0;
    for (index, node) in flow.nodes().iter().enumerate() {
        let elsewhere = index != at.index();
        let mut count = |effects: &[Effect]| {
            sets += effects
                .iter()
                .filter(|e| elsewhere && matches!(e, Effect::Set { fact: f, .. } if *f == fact))
                .count()
        };
        match &node.kind {
            NodeKind::Question(q) => {
                q.answers().iter().for_each(|a| count(&a.effects));
                if let Some(then) = q.then() {
                    count(&then.effects);
                }
                if q.into_fact() == Some(fact) {
                    return false;
                }
            }
            NodeKind::Decide(d) => {
                d.arms.iter().for_each(|a| count(&a.step.effects));
                count(&d.otherwise.effects);
            }
            NodeKind::Outcome(_) => {}
        }
    }
    if sets != 0 {
        return false;
    }
    conditions(flow)
        .into_iter()
        .filter(|(place, _)| !matches!(place, Place::Invariant { .. }))
        .all(|(_, cond)| !atom_holds_for(cond, fact, value))
}

/// Whether some atom of `cond` reading `fact` holds when it is `value`
/// (with no value every atom is false).
fn atom_holds_for(cond: &Cond, fact: usize, value: &Value) -> bool {
    let this = |operand: &Operand| *operand == Operand::Fact(fact);
    match cond {
        Cond::Or(parts) | Cond::And(parts) => parts.iter().any(|p| atom_holds_for(p, fact, value)),
        Cond::Not(inner) => atom_holds_for(inner, fact, value),
        Cond::Truth(operand) => this(operand) && *value == Value::Bool(true),
        Cond::In { operand, values } => this(operand) && values.contains(value),
        Cond::Compare {
            operand,
            op,
            value: against,
        } => {
            if !this(operand) {
                return false;
            }
            let ordering = match (value, against) {
                (Value::Number(a), Value::Number(b)) => a.cmp(b),
                (a, b) if a == b => std::cmp::Ordering::Equal,
                _ => std::cmp::Ordering::Less,
            };
            match op {
                CompareOp::Eq => ordering.is_eq(),
                CompareOp::Ne => ordering.is_ne(),
                CompareOp::Lt => ordering.is_lt(),
                CompareOp::Le => ordering.is_le(),
                CompareOp::Gt => ordering.is_gt(),
                CompareOp::Ge => ordering.is_ge(),
            }
        }
        Cond::AnyTagged { .. } => false,
    }
}

/// The values a condition that is a single `x == v` or `x in [...]` lets
/// through, with its operand.
fn single_test(cond: &Cond) -> Option<(Operand, Vec<&Value>)> {
    match cond {
        Cond::Compare {
            operand,
            op: CompareOp::Eq,
            value,
        } => Some((*operand, vec![value])),
        Cond::In { operand, values } => Some((*operand, values.iter().collect())),
        _ => None,
    }
}

/// Why swapping two neighbouring arms is no danger, if it is none: they
/// test one operand for values that never meet (they never both hold), or
/// both lead straight to outcomes with the same verdict.
fn swap_is_harmless(flow: &Flow, first: &DecideArm, second: &DecideArm) -> Option<Harmless> {
    // A "which of these" answer holds several values at once: `in [unwell]`
    // and `in [belly]` both hold for someone who picked both.
    let one_value_at_a_time = |operand: &Operand| match operand {
        Operand::Question(q) => !matches!(
            flow.question(*q).map(|question| &question.kind),
            Some(QuestionKind::Multiple { .. })
        ),
        _ => true,
    };
    if let (Some((a, xs)), Some((b, ys))) = (
        single_test(&first.condition),
        single_test(&second.condition),
    ) && a == b
        && one_value_at_a_time(&a)
        && !xs.iter().any(|x| ys.contains(x))
    {
        return Some(Harmless::Equivalent);
    }
    let verdict = |target: NodeId| match &flow.node(target).kind {
        NodeKind::Outcome(o) => Some(o.verdict),
        _ => None,
    };
    match (verdict(first.step.target), verdict(second.step.target)) {
        (Some(x), Some(y)) if x == y => Some(Harmless::SameVerdicts),
        _ => None,
    }
}

/// Every mutant of `flow`, in node order.
pub fn mutants(flow: &Flow) -> Vec<Mutant> {
    let mut out = Vec::new();
    let first_of = |want: fn(Verdict) -> bool| {
        flow.node_ids()
            .find(|&id| matches!(&flow.node(id).kind, NodeKind::Outcome(o) if want(o.verdict)))
    };
    let treat = first_of(|v| v == Verdict::Treat);
    let modify = first_of(|v| v == Verdict::Modify);
    for id in flow.node_ids() {
        let node = flow.node(id);
        match &node.kind {
            NodeKind::Outcome(outcome) => {
                if let Verdict::Refer(urgency) = outcome.verdict {
                    for lower in [Urgency::Routine, Urgency::Urgent] {
                        if lower < urgency {
                            out.push(Mutant {
                                description: format!(
                                    "outcome `{}`: refer {urgency} lowered to refer {lower}",
                                    node.id
                                ),
                                span: node.span,
                                harmless: None,
                                change: Box::new(move |f: &mut Flow| {
                                    if let NodeKind::Outcome(o) = &mut f.node_mut(id).kind {
                                        o.verdict = Verdict::Refer(lower);
                                    }
                                }),
                            });
                        }
                    }
                }
            }
            NodeKind::Question(question) => {
                for (index, answer) in question.answers().iter().enumerate() {
                    // A "which of these" answer has no way on of its own
                    // (its question goes on by `then`, through a decide whose
                    // arms are mutated there): nothing to send elsewhere.
                    if node.is_red_flag()
                        && answer.target.is_some()
                        && (YesNo::Yes.is_id(&answer.id) || YesNo::Unsure.is_id(&answer.id))
                    {
                        let no = question.answer(YesNo::No.id()).and_then(|a| a.target);
                        let places = [
                            (no, "where `no` goes"),
                            (treat, "a treat outcome"),
                            (modify, "a modify outcome"),
                        ];
                        for (target, what) in places {
                            let Some(target) = target else { continue };
                            if Some(target) == answer.target {
                                continue;
                            }
                            out.push(reroute(flow, id, index, target, what));
                        }
                    }
                    let raises = node.is_red_flag()
                        && (YesNo::Yes.is_id(&answer.id) || YesNo::Unsure.is_id(&answer.id));
                    if !raises && let Some(around) = around_red_flag(flow, answer.target) {
                        out.push(sent_around(flow, id, index, around));
                    }
                    for (at, effect) in answer.effects.iter().enumerate() {
                        if let Effect::Set { fact, .. } = effect {
                            out.push(dropped(
                                flow,
                                id,
                                drop_set(flow, id, Some(index), at, *fact, &answer.id),
                                effect,
                            ));
                        }
                    }
                }
                if let Some(then) = question.then() {
                    for (at, effect) in then.effects.iter().enumerate() {
                        if let Effect::Set { fact, .. } = effect {
                            out.push(dropped(
                                flow,
                                id,
                                drop_set(flow, id, None, at, *fact, "then"),
                                effect,
                            ));
                        }
                    }
                }
                if let Some((cond, _)) = &question.skip {
                    flips(cond, &mut Vec::new(), &mut |path, op| {
                        out.push(flip(flow, id, None, path, op));
                    });
                }
            }
            NodeKind::Decide(decide) => {
                for (arm_index, arm) in decide.arms.iter().enumerate() {
                    flips(&arm.condition, &mut Vec::new(), &mut |path, op| {
                        out.push(flip(flow, id, Some(arm_index), path, op));
                    });
                    for (at, effect) in arm.step.effects.iter().enumerate() {
                        if let Effect::Set { fact, .. } = effect {
                            out.push(dropped(
                                flow,
                                id,
                                drop_arm_set(flow, id, Some(arm_index), at, *fact),
                                effect,
                            ));
                        }
                    }
                    if arm_index + 1 < decide.arms.len() {
                        let next = &decide.arms[arm_index + 1];
                        if next.step.target != arm.step.target {
                            out.push(Mutant {
                                description: format!(
                                    "decide `{}`: `when {}` tried before `when {}`",
                                    node.id, next.text, arm.text
                                ),
                                span: node.span,
                                harmless: swap_is_harmless(flow, arm, next),
                                change: Box::new(move |f: &mut Flow| {
                                    if let NodeKind::Decide(d) = &mut f.node_mut(id).kind {
                                        d.arms.swap(arm_index, arm_index + 1);
                                    }
                                }),
                            });
                        }
                    }
                }
                for (at, effect) in decide.otherwise.effects.iter().enumerate() {
                    if let Effect::Set { fact, .. } = effect {
                        out.push(dropped(
                            flow,
                            id,
                            drop_arm_set(flow, id, None, at, *fact),
                            effect,
                        ));
                    }
                }
            }
        }
    }
    out
}

fn reroute(flow: &Flow, id: NodeId, index: usize, target: NodeId, what: &str) -> Mutant {
    let node = flow.node(id);
    let answer = match &node.kind {
        NodeKind::Question(q) => q.answers()[index].id.clone(),
        _ => String::new(),
    };
    Mutant {
        description: format!(
            "red flag `{}`: `{answer}` sent to `{}` ({what})",
            node.id,
            flow.node(target).id
        ),
        span: node.span,
        harmless: None,
        change: Box::new(move |f: &mut Flow| {
            if let NodeKind::Question(q) = &mut f.node_mut(id).kind {
                q.answers_mut()[index].target = Some(target);
            }
        }),
    }
}

/// Where a walk would go round the red flag at `target`, if it is one:
/// where its `no` goes, when that is elsewhere.
fn around_red_flag(flow: &Flow, target: Option<NodeId>) -> Option<(NodeId, NodeId)> {
    let flag = target?;
    if !flow.node(flag).is_red_flag() {
        return None;
    }
    let no = flow.question(flag)?.answer(YesNo::No.id())?.target?;
    (no != flag).then_some((flag, no))
}

/// An answer that is no danger sign (not a red flag's `yes` or `unsure`)
/// sent past the red flag it leads to, to where that flag's `no` goes: the
/// flag is then never asked on those walks, the bypass of issue 27.
fn sent_around(flow: &Flow, id: NodeId, index: usize, (flag, past): (NodeId, NodeId)) -> Mutant {
    let node = flow.node(id);
    let answer = match &node.kind {
        NodeKind::Question(q) => q.answers()[index].id.clone(),
        _ => String::new(),
    };
    Mutant {
        description: format!(
            "question `{}`: `{answer}` sent around red flag `{}` to `{}`",
            node.id,
            flow.node(flag).id,
            flow.node(past).id
        ),
        span: node.span,
        harmless: None,
        change: Box::new(move |f: &mut Flow| {
            if let NodeKind::Question(q) = &mut f.node_mut(id).kind {
                q.answers_mut()[index].target = Some(past);
            }
        }),
    }
}

/// A dropped `set`, marked equivalent when nothing can tell it was dropped.
fn dropped(flow: &Flow, at: NodeId, mut mutant: Mutant, effect: &Effect) -> Mutant {
    if let Effect::Set { fact, value } = effect
        && unset_is_alike(flow, at, *fact, value)
    {
        mutant.harmless = Some(Harmless::Equivalent);
    }
    mutant
}

fn drop_set(
    flow: &Flow,
    id: NodeId,
    answer: Option<usize>,
    at: usize,
    fact: usize,
    arm: &str,
) -> Mutant {
    let node = flow.node(id);
    Mutant {
        description: format!(
            "question `{}`: `set {}` dropped from `{arm}`",
            node.id,
            flow.facts()[fact].name
        ),
        span: node.span,
        harmless: None,
        change: Box::new(move |f: &mut Flow| {
            if let NodeKind::Question(q) = &mut f.node_mut(id).kind {
                let effects = match answer {
                    Some(index) => &mut q.answers_mut()[index].effects,
                    None => match q.then_mut() {
                        Some(then) => &mut then.effects,
                        None => return,
                    },
                };
                effects.remove(at);
            }
        }),
    }
}

fn drop_arm_set(flow: &Flow, id: NodeId, arm: Option<usize>, at: usize, fact: usize) -> Mutant {
    let node = flow.node(id);
    Mutant {
        description: format!(
            "decide `{}`: `set {}` dropped from {}",
            node.id,
            flow.facts()[fact].name,
            arm.map_or_else(|| "`otherwise`".to_string(), |a| format!("arm {}", a + 1))
        ),
        span: node.span,
        harmless: None,
        change: Box::new(move |f: &mut Flow| {
            if let NodeKind::Decide(d) = &mut f.node_mut(id).kind {
                let step = match arm {
                    Some(a) => &mut d.arms[a].step,
                    None => &mut d.otherwise,
                };
                step.effects.remove(at);
            }
        }),
    }
}

/// The opposite comparison: what a slip of `<` for `>=` gives.
fn flipped(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Eq => CompareOp::Ne,
        CompareOp::Ne => CompareOp::Eq,
        CompareOp::Lt => CompareOp::Ge,
        CompareOp::Ge => CompareOp::Lt,
        CompareOp::Gt => CompareOp::Le,
        CompareOp::Le => CompareOp::Gt,
    }
}

/// Calls `found` with the path to every comparison in `cond`.
fn flips(cond: &Cond, path: &mut Vec<usize>, found: &mut dyn FnMut(Vec<usize>, CompareOp)) {
    match cond {
        Cond::Or(parts) | Cond::And(parts) => {
            for (i, part) in parts.iter().enumerate() {
                path.push(i);
                flips(part, path, found);
                path.pop();
            }
        }
        Cond::Not(inner) => {
            path.push(0);
            flips(inner, path, found);
            path.pop();
        }
        Cond::Compare { op, .. } => found(path.clone(), *op),
        _ => {}
    }
}

fn at_path<'c>(cond: &'c mut Cond, path: &[usize]) -> Option<&'c mut Cond> {
    let Some((&first, rest)) = path.split_first() else {
        return Some(cond);
    };
    match cond {
        Cond::Or(parts) | Cond::And(parts) => at_path(parts.get_mut(first)?, rest),
        Cond::Not(inner) => at_path(inner, rest),
        _ => None,
    }
}

fn flip(flow: &Flow, id: NodeId, arm: Option<usize>, path: Vec<usize>, op: CompareOp) -> Mutant {
    let node = flow.node(id);
    let text = match (&node.kind, arm) {
        (NodeKind::Decide(d), Some(a)) => format!("`when {}`", d.arms[a].text),
        _ => "`skip when`".to_string(),
    };
    Mutant {
        description: format!(
            "{} `{}`: a `{}` in {text} flipped to `{}`",
            if arm.is_some() { "decide" } else { "question" },
            node.id,
            op_text(op),
            op_text(flipped(op))
        ),
        span: node.span,
        harmless: None,
        change: Box::new(move |f: &mut Flow| {
            let cond = match (&mut f.node_mut(id).kind, arm) {
                (NodeKind::Decide(d), Some(a)) => &mut d.arms[a].condition,
                (NodeKind::Question(q), None) => match &mut q.skip {
                    Some((cond, _)) => cond,
                    None => return,
                },
                _ => return,
            };
            if let Some(Cond::Compare { op, .. }) = at_path(cond, &path) {
                *op = flipped(*op);
            }
        }),
    }
}

fn op_text(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Eq => "==",
        CompareOp::Ne => "!=",
        CompareOp::Lt => "<",
        CompareOp::Le => "<=",
        CompareOp::Gt => ">",
        CompareOp::Ge => ">=",
    }
}
