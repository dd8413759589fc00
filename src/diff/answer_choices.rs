//! The answers tried at a question when two flows are walked together: one
//! answer of each class no condition of either flow can tell apart.
//!
//! - yes/no and single choice: every answer either flow offers.
//! - multiple choice: every subset of the *active* answers (named by a
//!   condition, or setting a fact) of either flow, the empty one through an
//!   inert answer; beyond [`MAX_ACTIVE`] active answers, each one alone, each
//!   pair and all of them, and the walk says it is not exhaustive.
//! - numbers: both ends of each range and either side of every number a
//!   condition compares the question or its fact with.

use std::collections::{BTreeSet, HashSet};

use crate::compile::{AnswerValue, Cond, Effect, Flow, Operand, Question, QuestionKind, Value};

/// Above this many active answers, subsets are sampled, not all tried.
pub(super) const MAX_ACTIVE: usize = 10;

/// What conditions of a flow read, by question and fact.
pub(super) struct Reads {
    /// (question id, word) a condition compares a question with.
    words: HashSet<(String, String)>,
    /// (question id, number) and (fact name, number) compared with.
    question_numbers: Vec<(String, i64)>,
    fact_numbers: Vec<(String, i64)>,
}

impl Reads {
    /// What the walking conditions (decide arms, `skip when`) of `flows` read.
    pub(super) fn of(flows: &[&Flow]) -> Reads {
        let mut reads = Reads {
            words: HashSet::new(),
            question_numbers: Vec::new(),
            fact_numbers: Vec::new(),
        };
        for flow in flows {
            for cond in walk_conditions(flow) {
                reads.add(flow, cond);
            }
        }
        reads
    }

    fn add(&mut self, flow: &Flow, cond: &Cond) {
        let mut values_of = |operand: &Operand, values: &[Value]| match operand {
            Operand::Question(q) => {
                let id = flow.node(*q).id.to_string();
                for value in values {
                    match value {
                        Value::Word(w) => {
                            self.words.insert((id.clone(), w.clone()));
                        }
                        Value::Number(n) => self.question_numbers.push((id.clone(), *n)),
                        Value::Bool(_) => {}
                    }
                }
            }
            Operand::Fact(f) => {
                let name = flow.facts()[*f].name.clone();
                for value in values {
                    if let Value::Number(n) = value {
                        self.fact_numbers.push((name.clone(), *n));
                    }
                }
            }
            Operand::Verdict | Operand::Urgency | Operand::Outcome => {}
        };
        match cond {
            Cond::Or(parts) | Cond::And(parts) => parts.iter().for_each(|p| self.add(flow, p)),
            Cond::Not(inner) => self.add(flow, inner),
            Cond::Compare { operand, value, .. } => values_of(operand, std::slice::from_ref(value)),
            Cond::In { operand, values } => values_of(operand, values),
            Cond::Truth(operand) => values_of(operand, &[]),
            Cond::AnyTagged { questions, values } => {
                for q in questions {
                    values_of(&Operand::Question(*q), values);
                }
            }
        }
    }
}

/// The conditions a walk reads: decide arms and `skip when`.
fn walk_conditions(flow: &Flow) -> Vec<&Cond> {
    let mut out = Vec::new();
    for node in flow.nodes() {
        match &node.kind {
            crate::compile::NodeKind::Decide(decide) => {
                out.extend(decide.arms.iter().map(|arm| &arm.condition))
            }
            crate::compile::NodeKind::Question(question) => {
                out.extend(question.skip.as_ref().map(|(cond, _)| cond))
            }
            crate::compile::NodeKind::Outcome(_) => {}
        }
    }
    out
}

/// The answers to try at question `id`, defined in one flow or both; and
/// whether they stand for every answer (false when subsets were sampled).
pub(super) fn answer_choices(
    id: &str,
    old: Option<&Question>,
    new: Option<&Question>,
    old_flow: &Flow,
    new_flow: &Flow,
    reads: &Reads,
) -> (Vec<AnswerValue>, bool) {
    let defined: Vec<(&Question, &Flow)> = [(old, old_flow), (new, new_flow)]
        .into_iter()
        .filter_map(|(q, f)| q.map(|q| (q, f)))
        .collect();
    let mut ids: Vec<String> = Vec::new();
    for (question, _) in &defined {
        for answer in question.answers() {
            if !ids.contains(&answer.id.to_string()) {
                ids.push(answer.id.to_string());
            }
        }
    }
    let Some((first, _)) = defined.first() else {
        return (Vec::new(), true);
    };
    match &first.kind {
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {
            (ids.into_iter().map(AnswerValue::Choice).collect(), true)
        }
        QuestionKind::Multiple { .. } => {
            let active: Vec<String> = ids
                .iter()
                .filter(|a| {
                    reads.words.contains(&(id.to_string(), a.to_string()))
                        || defined.iter().any(|(q, _)| sets_a_fact(q, a))
                })
                .cloned()
                .collect();
            let inert = ids.iter().find(|a| !active.contains(a)).cloned();
            subsets(&active, inert)
        }
        QuestionKind::Number { .. } => {
            let mut numbers = BTreeSet::new();
            let (mut low, mut high) = (i64::MAX, i64::MIN);
            for (question, flow) in &defined {
                if let Some((lo, hi)) = question.range() {
                    numbers.extend([lo, hi]);
                    low = low.min(lo);
                    high = high.max(hi);
                }
                let fact = question.into_fact().map(|f| flow.facts()[f].name.as_str());
                let compared = reads
                    .question_numbers
                    .iter()
                    .filter(|(q, _)| q == id)
                    .chain(
                        reads
                            .fact_numbers
                            .iter()
                            .filter(|(f, _)| Some(f.as_str()) == fact),
                    );
                for (_, n) in compared {
                    numbers.extend([n.saturating_sub(1), *n, n.saturating_add(1)]);
                }
            }
            let values = numbers
                .into_iter()
                .filter(|n| (low..=high).contains(n))
                .map(AnswerValue::Number)
                .collect();
            (values, true)
        }
    }
}

fn sets_a_fact(question: &Question, answer: &str) -> bool {
    question.answer(answer).is_some_and(|a| {
        a.effects
            .iter()
            .any(|effect| matches!(effect, Effect::Set { .. }))
    })
}

/// Every subset of `active` (the empty one as `inert` alone, when there is
/// one), or a sample when there are too many.
fn subsets(active: &[String], inert: Option<String>) -> (Vec<AnswerValue>, bool) {
    let mut out: Vec<AnswerValue> = inert
        .iter()
        .map(|a| AnswerValue::Many(vec![a.clone()]))
        .collect();
    if active.len() <= MAX_ACTIVE {
        for mask in 1u32..(1 << active.len()) {
            let chosen = active
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, a)| a.clone())
                .collect();
            out.push(AnswerValue::Many(chosen));
        }
        return (out, true);
    }
    for (i, a) in active.iter().enumerate() {
        out.push(AnswerValue::Many(vec![a.clone()]));
        for b in &active[i + 1..] {
            out.push(AnswerValue::Many(vec![a.clone(), b.clone()]));
        }
    }
    out.push(AnswerValue::Many(active.to_vec()));
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_active_answers_give_every_subset() {
        let active: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let (all, exhaustive) = subsets(&active, Some("z".into()));
        assert!(exhaustive);
        assert_eq!(all.len(), 8, "the empty set through z, and 7 non-empty");
        let (none_inert, _) = subsets(&active, None);
        assert_eq!(none_inert.len(), 7);
    }

    #[test]
    fn many_active_answers_are_sampled_and_say_so() {
        let active: Vec<String> = (0..12).map(|i| format!("a{i}")).collect();
        let (some, exhaustive) = subsets(&active, None);
        assert!(!exhaustive);
        assert_eq!(some.len(), 12 + 66 + 1);
    }
}
