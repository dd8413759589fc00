//! The answers the verifier tries at a question, grouped into classes that
//! no condition can tell apart, each with the number of distinct answers it
//! stands for.
//!
//! - yes/no and single choice: every answer is its own class.
//! - multiple choice: every non-empty subset is an answer. Answers that set
//!   no tracked fact and that no condition names are *inert*; the subsets
//!   are grouped by their non-inert part, so a class stands for `2^inert`
//!   subsets (`2^inert - 1` when the non-inert part is empty).
//! - numbers: the thresholds that any condition compares the question or
//!   its `into` fact with cut the range into intervals (below, at and above
//!   each threshold); **each interval counts as one path**, since every
//!   number in it walks the same way and meets the same conditions. Paths
//!   therefore count distinct walks, not distinct integers.
//!
//! Thresholds and words come from every condition in the flow, so the
//! number of paths does not depend on the invariant being proved.

use num_bigint::BigUint;

use super::flow_conditions::{atoms, conditions};
use crate::compile::{AnswerValue, Effect, Flow, NodeId, Operand, Question, QuestionKind, Value};

/// The constants conditions compare operands with.
#[derive(Debug, Clone)]
pub(super) struct Constants {
    fact_numbers: Vec<Vec<i64>>,
    question_numbers: Vec<Vec<i64>>,
    question_words: Vec<Vec<String>>,
    /// Per question, the word lists conditions test it against: `q in [a,
    /// b]` is one, `q == a` another (a multiple-choice answer holds when it
    /// took any word of the list).
    question_lists: Vec<Vec<Vec<String>>>,
}

impl Constants {
    pub(super) fn of(flow: &Flow) -> Constants {
        let mut constants = Constants {
            fact_numbers: vec![Vec::new(); flow.facts().len()],
            question_numbers: vec![Vec::new(); flow.nodes().len()],
            question_words: vec![Vec::new(); flow.nodes().len()],
            question_lists: vec![Vec::new(); flow.nodes().len()],
        };
        for (_, cond) in conditions(flow) {
            atoms(cond, &mut |operand, value| match (operand, value) {
                (Operand::Fact(f), Value::Number(n)) => {
                    if let Some(list) = constants.fact_numbers.get_mut(f) {
                        list.push(*n)
                    }
                }
                (Operand::Question(q), Value::Number(n)) => {
                    if let Some(list) = constants.question_numbers.get_mut(q.index()) {
                        list.push(*n)
                    }
                }
                (Operand::Question(q), Value::Word(w)) => {
                    if let Some(list) = constants.question_words.get_mut(q.index())
                        && !list.contains(w)
                    {
                        list.push(w.clone())
                    }
                }
                _ => {}
            });
        }
        for (_, cond) in conditions(flow) {
            word_lists(cond, &mut |q, list| {
                if let Some(lists) = constants.question_lists.get_mut(q.index())
                    && !lists.contains(&list)
                {
                    lists.push(list)
                }
            });
        }
        constants
    }

    /// Per word list some condition tests question `q` against, whether it
    /// holds `id`.
    pub(super) fn lists_holding(&self, q: usize, id: &str) -> Vec<bool> {
        (self.question_lists.get(q).into_iter().flatten())
            .map(|list| list.iter().any(|w| w == id))
            .collect()
    }

    /// Whether some condition compares question `q` with the word `id`.
    pub(super) fn names(&self, q: usize, id: &str) -> bool {
        self.question_words
            .get(q)
            .is_some_and(|words| words.iter().any(|w| w == id))
    }

    /// The intervals of `question`'s range that no condition tells apart, as
    /// (lowest, highest).
    pub(super) fn number_intervals(&self, q: usize, question: &Question) -> Vec<(i64, i64)> {
        let ((min, max), into) = match question.kind {
            QuestionKind::Number { range, into, .. } => (range, into),
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => ((i64::MIN, i64::MAX), None),
        };
        let mut cuts: Vec<i64> = self.question_numbers.get(q).cloned().unwrap_or_default();
        if let Some(fact) = into {
            cuts.extend(self.fact_numbers.get(fact).into_iter().flatten());
        }
        cuts.retain(|t| (min..=max).contains(t));
        cuts.sort_unstable();
        cuts.dedup();
        let mut intervals = Vec::new();
        let mut low = i128::from(min);
        for cut in cuts {
            let cut = i128::from(cut);
            if low < cut {
                intervals.push((low, cut - 1));
            }
            intervals.push((cut, cut));
            low = cut + 1;
        }
        if low <= i128::from(max) {
            intervals.push((low, i128::from(max)));
        }
        intervals
            .into_iter()
            .filter_map(|(a, b)| Some((i64::try_from(a).ok()?, i64::try_from(b).ok()?)))
            .collect()
    }
}

/// Calls `f` with each question a comparison of `cond` reads and the words
/// it compares that question with, one list per comparison.
fn word_lists(cond: &crate::compile::Cond, f: &mut impl FnMut(NodeId, Vec<String>)) {
    use crate::compile::Cond;
    let words = |values: &[Value]| -> Vec<String> {
        (values.iter())
            .filter_map(|v| match v {
                Value::Word(w) => Some(w.clone()),
                _ => None,
            })
            .collect()
    };
    // `q == a or q in [b, c]` holds exactly when `q in [a, b, c]` does: one
    // list, not one a comparison (which would keep every answer apart).
    let positive = |part: &Cond| match part {
        Cond::Compare {
            operand: Operand::Question(q),
            op: crate::compile::CompareOp::Eq,
            value,
        } => Some((*q, words(std::slice::from_ref(value)))),
        Cond::In {
            operand: Operand::Question(q),
            values,
        } => Some((*q, words(values))),
        _ => None,
    };
    match cond {
        Cond::Or(parts) if parts.len() > 1 => {
            let mut union: Option<(NodeId, Vec<String>)> = None;
            for part in parts {
                match (positive(part), union.as_mut()) {
                    (Some((q, list)), None) => union = Some((q, list)),
                    (Some((q, list)), Some((same, all))) if q == *same => all.extend(list),
                    _ => {
                        union = None;
                        break;
                    }
                }
            }
            match union {
                Some((q, all)) => f(q, all),
                None => parts.iter().for_each(|p| word_lists(p, f)),
            }
        }
        Cond::Or(parts) | Cond::And(parts) => parts.iter().for_each(|p| word_lists(p, f)),
        Cond::Not(inner) => word_lists(inner, f),
        Cond::Compare {
            operand: Operand::Question(q),
            value,
            ..
        } => f(*q, words(std::slice::from_ref(value))),
        Cond::In {
            operand: Operand::Question(q),
            values,
        } => f(*q, words(values)),
        Cond::AnyTagged { questions, values } => {
            questions.iter().for_each(|q| f(*q, words(values)))
        }
        Cond::Truth(Operand::Question(q)) => f(*q, vec![crate::compile::YesNo::Yes.id().into()]),
        Cond::Compare { .. } | Cond::In { .. } | Cond::Truth(_) => {}
    }
}

/// Answers that walk the same way and look the same to every condition.
#[derive(Debug, Clone)]
pub(super) struct AnswerClass<'f> {
    /// One concrete answer of the class, as `run --answers` takes it.
    pub(super) answer: AnswerValue,
    /// How many distinct answers (paths out of the question) it stands for.
    pub(super) count: BigUint,
    /// The answer as conditions see it: words no condition names are dropped.
    pub(super) seen: AnswerValue,
    /// The effects, in the order the engine applies them.
    pub(super) effects: Vec<&'f Effect>,
    /// The number stored in the question's `into` fact.
    pub(super) number: Option<i64>,
    /// Where the walk goes on; `None` only in a flow the compiler refused.
    pub(super) target: Option<usize>,
}

/// The classes of answers to question `q`. `tracked_fact` says which facts
/// the caller follows: a multiple-choice answer setting none of them, and
/// named by no condition, is inert.
pub(super) fn answer_classes<'f>(
    q: usize,
    question: &'f Question,
    constants: &Constants,
    tracked_fact: &dyn Fn(usize) -> bool,
) -> Vec<AnswerClass<'f>> {
    let then_effects = question
        .then()
        .into_iter()
        .flat_map(|step| step.effects.iter());
    let then_target = question.then().map(|step| step.target.index());
    match question.kind {
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => question
            .answers()
            .iter()
            .map(|answer| AnswerClass {
                answer: AnswerValue::Choice(answer.id.clone()),
                count: BigUint::from(1u8),
                seen: AnswerValue::Choice(if constants.names(q, &answer.id) {
                    answer.id.clone()
                } else {
                    String::new()
                }),
                effects: answer.effects.iter().chain(then_effects.clone()).collect(),
                number: None,
                target: then_target.or(answer.target.map(NodeId::index)),
            })
            .collect(),
        QuestionKind::Number { .. } => constants
            .number_intervals(q, question)
            .into_iter()
            .map(|(low, _)| AnswerClass {
                answer: AnswerValue::Number(low),
                count: BigUint::from(1u8),
                seen: AnswerValue::Number(low),
                effects: then_effects.clone().collect(),
                number: Some(low),
                target: then_target,
            })
            .collect(),
        QuestionKind::Multiple { .. } => {
            let inert = |answer: &crate::compile::Answer| {
                !constants.names(q, &answer.id)
                    && !answer
                        .effects
                        .iter()
                        .any(|e| matches!(e, Effect::Set { fact, .. } if tracked_fact(*fact)))
            };
            let sets_tracked = |answer: &crate::compile::Answer| {
                answer
                    .effects
                    .iter()
                    .any(|e| matches!(e, Effect::Set { fact, .. } if tracked_fact(*fact)))
            };
            let (quiet, loud): (Vec<_>, Vec<_>) = question.answers().iter().partition(|a| inert(a));
            let all_quiet = BigUint::from(1u8) << quiet.len();
            // Loud answers that every condition reading the question sees
            // alike (each `in [...]` or `==` list holds all or none of them)
            // and that set no tracked fact are one group: a subset is seen
            // only through which groups it takes from, so a class is a set of
            // groups, standing for every non-empty choice within each. An
            // answer that sets a tracked fact is a group of its own (the
            // engine applies choices in declared order, so which of several
            // setters comes last depends on the answers themselves).
            let mut groups: Vec<(Vec<bool>, Vec<&crate::compile::Answer>)> = Vec::new();
            for answer in loud {
                let sets = sets_tracked(answer);
                let seen_by = constants.lists_holding(q, &answer.id);
                match groups.iter_mut().find(|(by, members)| {
                    !sets && *by == seen_by && !members.iter().any(|m| sets_tracked(m))
                }) {
                    Some((_, members)) => members.push(answer),
                    None => groups.push((seen_by, vec![answer])),
                }
            }
            let mut classes = Vec::new();
            // Masks over the groups in increasing order, so the first class is
            // the simplest answer; more than a few dozen groups would be
            // beyond any dynamic programme, and the compiler's forms keep
            // questions far smaller.
            let group_count = u32::try_from(groups.len()).unwrap_or(u32::MAX).min(63);
            for mask in 0u64..(1u64 << group_count) {
                let taken = || {
                    (groups.iter().enumerate())
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, (_, members))| members)
                };
                // One of each group taken stands for every non-empty choice in it.
                let mut chosen: Vec<&crate::compile::Answer> =
                    taken().map(|members| members[0]).collect();
                let within: BigUint = taken()
                    .map(|members| (BigUint::from(1u8) << members.len()) - 1u8)
                    .product();
                let count = if mask == 0 {
                    let Some(first) = quiet.first() else {
                        continue;
                    };
                    chosen.push(first);
                    &all_quiet - 1u8
                } else {
                    &all_quiet * within
                };
                // The engine applies choices in declared order.
                chosen.sort_by_key(|a| question.answers().iter().position(|b| b.id == a.id));
                let seen = chosen
                    .iter()
                    .filter(|a| constants.names(q, &a.id))
                    .map(|a| a.id.clone())
                    .collect();
                classes.push(AnswerClass {
                    answer: AnswerValue::Many(chosen.iter().map(|a| a.id.clone()).collect()),
                    count,
                    seen: AnswerValue::Many(seen),
                    effects: chosen
                        .iter()
                        .flat_map(|a| a.effects.iter())
                        .chain(then_effects.clone())
                        .collect(),
                    number: None,
                    target: then_target,
                });
            }
            classes
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, tests::folder};

    fn flow(text: &str) -> Flow {
        let header =
            "flow t \"T\" { version \"1\" start a.q }\nfact age: number 0..120\nfact f: bool\n";
        compile(&folder(&[("h.flow", header), ("a.flow", text)]))
            .unwrap_or_else(|e| panic!("{e:#?}"))
    }

    const END: &str = "outcome a_end { verdict treat title \"T\" }\noutcome b_end { verdict modify title \"T\" }\n";

    #[test]
    fn thresholds_cut_a_number_range_into_intervals() {
        let flow = flow(&format!(
            "question q {{ ask \"Age?\" number 0..120 into age then -> route }}
             decide route {{ when age < 16 or age >= 50 -> a_end otherwise -> b_end }}\n{END}"
        ));
        let q = flow.find("q").unwrap();
        let constants = Constants::of(&flow);
        let question = flow.question(q).unwrap();
        assert_eq!(
            constants.number_intervals(q.index(), question),
            vec![(0, 15), (16, 16), (17, 49), (50, 50), (51, 120)]
        );
    }

    #[test]
    fn inert_choices_of_a_multiple_question_are_counted_not_enumerated() {
        let flow = flow(&format!(
            "question q {{ ask \"Which?\" multiple
               answer a \"A\" set f
               answer b \"B\"
               answer c \"C\"
               answer d \"D\" note \"x\"
               then -> route }}
             decide route {{ when f or q in [b] -> a_end otherwise -> b_end }}\n{END}"
        ));
        let q = flow.find("q").unwrap();
        let classes = answer_classes(
            q.index(),
            flow.question(q).unwrap(),
            &Constants::of(&flow),
            &|_| true,
        );
        // a and b matter; c and d do not: 4 classes for 15 subsets.
        let counts: Vec<String> = classes.iter().map(|c| c.count.to_string()).collect();
        assert_eq!(counts, ["3", "4", "4", "4"]);
        let answers: Vec<String> = classes.iter().map(|c| c.answer.to_string()).collect();
        assert_eq!(answers, ["c", "a", "b", "a+b"]);
        assert_eq!(classes[2].seen, AnswerValue::Many(vec!["b".into()]));
    }

    #[test]
    fn answers_every_condition_sees_alike_are_one_group_not_every_subset() {
        // Issue 27: 24 choices read by one list were 2^24 classes.
        let ids: Vec<String> = (1..=24).map(|i| format!("o{i}")).collect();
        let answers: String = ids
            .iter()
            .map(|id| format!("answer {id} \"{id}\"\n"))
            .collect();
        let each = (ids.iter().map(|id| format!("q == {id}"))).collect::<Vec<_>>();
        for read in [format!("q in [{}]", ids.join(", ")), each.join(" or ")] {
            let flow = flow(&format!(
                "question q {{ ask \"Which?\" multiple\n{answers} then -> route }}
                 decide route {{ when {read} -> a_end otherwise -> b_end }}\n{END}"
            ));
            let q = flow.find("q").unwrap();
            let classes = answer_classes(
                q.index(),
                flow.question(q).unwrap(),
                &Constants::of(&flow),
                &|_| true,
            );
            assert_eq!(classes.len(), 1, "{read}");
            let total: BigUint = classes.iter().map(|c| &c.count).sum();
            assert_eq!(total, (BigUint::from(1u8) << 24) - 1u8, "{read}");
        }
        // Two lists that overlap: {o1}, {o2, o3}, {o4..o24} are read alike
        // within each; every choice is counted once.
        let flow = flow(&format!(
            "question q {{ ask \"Which?\" multiple\n{answers} then -> route }}
             decide route {{ when q in [o1, o2, o3] -> a_end when q == o1 or q in [o4] -> a_end otherwise -> b_end }}\n{END}"
        ));
        let q = flow.find("q").unwrap();
        let classes = answer_classes(
            q.index(),
            flow.question(q).unwrap(),
            &Constants::of(&flow),
            &|_| true,
        );
        let total: BigUint = classes.iter().map(|c| &c.count).sum();
        assert_eq!(total, (BigUint::from(1u8) << 24) - 1u8);
        // o1 | o2,o3 | o4 | the 20 quiet ones: 2^3 masks of the loud groups.
        assert_eq!(classes.len(), 8);
    }
}
