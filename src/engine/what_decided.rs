//! What truly decided a result: the answers that, given another way one at
//! a time, change the verdict or its urgency, and the answers that each lead
//! to the result on their own (so changing one of them alone changes
//! nothing, but changing them all does). Built on counterfactual replays
//! ([`Session::with_answer`] and [`Session::replay_with_answer`]), so the
//! result screen, `how`, `run --json` and the rehearsal's scoring say the
//! same thing.

use std::collections::HashMap;

use super::Session;
use super::understand::none_option;
use crate::compile::{AnswerValue, Flow, NodeId, Question, QuestionKind, Verdict, YesNo};

/// The largest group of answers tried together when looking for answers
/// that each lead to the result on their own: three notes that each make a
/// massage "with changes" are found; four are not (none of the shipped
/// knowledge's walks has more than two).
const LARGEST_GROUP: usize = 3;

/// At most this many other answers per question are tried together in a
/// group (all are tried one at a time): it keeps a group's search small.
const GROUP_ALTERNATIVES: usize = 4;

/// What a complete walk's result rests on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WhatDecided {
    /// The answers each of which, given another way, changes the verdict or
    /// urgency (or leaves the walk needing more answers, so it could), in
    /// the order asked.
    pub each: Vec<DecidingAnswer>,
    /// Groups of answers of which each one alone leads to this result:
    /// changing any one of a group changes nothing, changing all of it
    /// does. Each group is minimal and holds no answer of `each`.
    pub each_alone: Vec<Vec<NodeId>>,
}

/// One answer the result rests on, and what other answers would have led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidingAnswer {
    pub question: NodeId,
    /// The answer was a plain "no", or "none of these" alone, and no other
    /// answer to it reaches a less cautious result: it ruled something out
    /// rather than told of something.
    pub rules_out: bool,
    /// The other answers that change the result, with the verdict each
    /// reaches; `None` when the walk would need more answers (the result
    /// could change).
    pub instead: Vec<(AnswerValue, Option<Verdict>)>,
}

impl WhatDecided {
    /// Every question named, in `each` or in a group of `each_alone`.
    pub fn questions(&self) -> Vec<NodeId> {
        let mut all: Vec<NodeId> = self.each.iter().map(|d| d.question).collect();
        for &q in self.each_alone.iter().flatten() {
            if !all.contains(&q) {
                all.push(q);
            }
        }
        all
    }

    /// Whether `question` is named, alone or in a group.
    pub fn names(&self, question: NodeId) -> bool {
        self.each.iter().any(|d| d.question == question)
            || self.each_alone.iter().flatten().any(|&q| q == question)
    }
}

impl<'f> Session<'f> {
    /// What decided this walk's result; empty while the walk is not complete.
    pub fn what_decided(&self) -> WhatDecided {
        let Some(reached) = self.outcome().map(|o| o.verdict) else {
            return WhatDecided::default();
        };
        let flow = self.flow();
        let in_scope = !out_of_scope(self);
        let given: HashMap<NodeId, AnswerValue> =
            self.answers().map(|(q, v)| (q, v.clone())).collect();
        let mut each = Vec::new();
        let mut undecided: Vec<(NodeId, Vec<AnswerValue>)> = Vec::new();
        for (q, value) in self.answers() {
            let Some(question) = flow.question(q) else {
                continue;
            };
            let others = other_answers(question, value);
            let endings: Vec<(AnswerValue, Ending)> = others
                .iter()
                .filter_map(|other| {
                    let mut changed = given.clone();
                    changed.insert(q, other.clone());
                    differs(flow, &changed, reached, in_scope).map(|ending| (other.clone(), ending))
                })
                .collect();
            if endings.is_empty() {
                if !matches!(question.kind, QuestionKind::Number { .. }) && !others.is_empty() {
                    undecided.push((q, others));
                }
            } else {
                // A "no" that kept the person from a gentler result (as
                // "already seen a doctor? no") is a reason, not a sign
                // ruled out.
                let gentler = (endings.iter())
                    .any(|(_, e)| e.finished.is_some_and(|v| caution(v) < caution(reached)));
                each.push(DecidingAnswer {
                    question: q,
                    rules_out: rules_out(question, value) && !gentler,
                    instead: (endings.into_iter())
                        .map(|(answer, ending)| (answer, ending.outright))
                        .collect(),
                });
            }
        }
        WhatDecided {
            each,
            each_alone: each_alone(flow, &given, reached, in_scope, &undecided),
        }
    }
}

/// What the walk of `changed` reaches when it is not `reached`: `Some` of
/// another verdict, or `Some(None)` when the walk stops for more answers
/// that could take it elsewhere; `None` when it comes to `reached` (or
/// could only come there). An outcome for someone the check is not for (a
/// child, pain elsewhere) does not count against a result that is in
/// scope: such an answer says whether the check applies, not what it found.
fn differs(
    flow: &Flow,
    changed: &HashMap<NodeId, AnswerValue>,
    reached: Verdict,
    in_scope: bool,
) -> Option<Ending> {
    let walk = Session::replay(flow, changed);
    match walk.outcome().map(|o| o.verdict) {
        Some(verdict) => {
            (verdict != reached && !(in_scope && out_of_scope(&walk))).then_some(Ending {
                outright: Some(verdict),
                finished: Some(verdict),
            })
        }
        None => {
            could_differ(&walk, changed, reached, &mut COMPLETION_BUDGET.clone()).map(|finished| {
                Ending {
                    outright: None,
                    finished,
                }
            })
        }
    }
}

/// Where a walk with one answer changed ends, when not at the result.
struct Ending {
    /// The verdict the changed walk reaches itself; none when it needs
    /// more answers.
    outright: Option<Verdict>,
    /// The verdict it reaches, with what it opens answered "no" where it
    /// needed more answers; none when not known (a number, a spent budget).
    finished: Option<Verdict>,
}

/// How cautious a verdict is, from treat (0) to refer emergency (4).
fn caution(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Treat => 0,
        Verdict::Modify => 1,
        Verdict::Refer(crate::compile::Urgency::Routine) => 2,
        Verdict::Refer(crate::compile::Urgency::Urgent) => 3,
        Verdict::Refer(crate::compile::Urgency::Emergency) => 4,
    }
}

/// A plain "no", "none of these" alone, or a choice meaning none.
fn rules_out(question: &Question, value: &AnswerValue) -> bool {
    match &question.kind {
        QuestionKind::YesNo { .. } => YesNo::No.is(value),
        // "None of these", or a single choice that says "no" ("No, it
        // stays in my lower back").
        QuestionKind::Multiple { answers, .. } | QuestionKind::Single { answers } => {
            none_option(question).is_some_and(|i| value.choices() == [answers[i].id.clone()])
        }
        QuestionKind::Number { .. } => false,
    }
}

/// Whether a walk ended in an outcome for someone the check is not for.
fn out_of_scope(walk: &Session) -> bool {
    walk.is_complete() && walk.flow().node(walk.current_index()).marks.out_of_scope
}

/// How many replays one changed answer may spend finishing its walk.
const COMPLETION_BUDGET: usize = 400;

/// Whether a walk that stopped for more answers could end anywhere but at
/// `reached` with nothing new reported: each question it opens answered
/// "no" (or "none of these"), a question that has no such answer every way
/// (every subset of a choose-all question with few options), until one
/// ends elsewhere. So an age that only opens one more question ("sudden
/// pain in the belly?") is not what decided a result, while a "yes" that
/// made a walk go on to its follow-ups is. A number question, a large
/// choose-all question or a spent budget count as "could", the cautious
/// side: the answer is then named as deciding.
fn could_differ(
    walk: &Session,
    given: &HashMap<NodeId, AnswerValue>,
    reached: Verdict,
    budget: &mut usize,
) -> Option<Option<Verdict>> {
    let flow = walk.flow();
    let open = walk.current_index();
    let Some(question) = flow.question(open) else {
        let verdict = walk.outcome().map(|o| o.verdict);
        return (verdict != Some(reached)).then_some(verdict);
    };
    let nothing_new = match &question.kind {
        QuestionKind::YesNo { .. } => question
            .answer(YesNo::No.id())
            .map(|a| AnswerValue::Choice(a.id.clone())),
        QuestionKind::Multiple { answers, .. } => {
            none_option(question).map(|i| AnswerValue::Many(vec![answers[i].id.clone()]))
        }
        QuestionKind::Single { .. } | QuestionKind::Number { .. } => None,
    };
    let answers: Vec<AnswerValue> = match &question.kind {
        _ if nothing_new.is_some() => nothing_new.into_iter().collect(),
        QuestionKind::YesNo { answers } | QuestionKind::Single { answers } => answers
            .iter()
            .map(|a| AnswerValue::Choice(a.id.clone()))
            .collect(),
        QuestionKind::Multiple { answers, .. } if answers.len() <= MOST_SUBSET_OPTIONS => (1
            ..1usize << answers.len())
            .map(|bits| {
                AnswerValue::Many(
                    (answers.iter().enumerate())
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .map(|(_, a)| a.id.clone())
                        .collect(),
                )
            })
            .collect(),
        QuestionKind::Multiple { .. } | QuestionKind::Number { .. } => return Some(None),
    };
    for answer in answers {
        if *budget == 0 {
            return Some(None);
        }
        *budget -= 1;
        let mut more = given.clone();
        more.insert(open, answer);
        let next = Session::replay(flow, &more);
        if next.current_index() == open {
            // Not taken (a choice the engine refuses): nothing to learn.
            continue;
        }
        if let Some(ending) = could_differ(&next, &more, reached, budget) {
            return Some(ending);
        }
    }
    None
}

/// The most options of a choose-all question whose every subset is tried
/// when finishing a walk (2^6 - 1 = 63 subsets).
const MOST_SUBSET_OPTIONS: usize = 6;

/// The minimal groups of `undecided` answers that, changed together, change
/// the result: smallest groups first, no group containing a smaller one.
fn each_alone(
    flow: &Flow,
    given: &HashMap<NodeId, AnswerValue>,
    reached: Verdict,
    in_scope: bool,
    undecided: &[(NodeId, Vec<AnswerValue>)],
) -> Vec<Vec<NodeId>> {
    let mut found: Vec<Vec<usize>> = Vec::new();
    for size in 2..=LARGEST_GROUP.min(undecided.len()) {
        for group in combinations(undecided.len(), size) {
            if found.iter().any(|f| f.iter().all(|i| group.contains(i))) {
                continue;
            }
            if changes_together(flow, given, reached, in_scope, undecided, &group) {
                found.push(group);
            }
        }
    }
    found
        .into_iter()
        .map(|group| group.into_iter().map(|i| undecided[i].0).collect())
        .collect()
}

/// Whether some choice of other answers for every member of `group` at once
/// changes the result.
fn changes_together(
    flow: &Flow,
    given: &HashMap<NodeId, AnswerValue>,
    reached: Verdict,
    in_scope: bool,
    undecided: &[(NodeId, Vec<AnswerValue>)],
    group: &[usize],
) -> bool {
    let choices: Vec<&[AnswerValue]> = group
        .iter()
        .map(|&i| {
            let others = &undecided[i].1;
            &others[..others.len().min(GROUP_ALTERNATIVES)]
        })
        .collect();
    let mut pick = vec![0; group.len()];
    loop {
        let mut changed = given.clone();
        for (slot, &i) in group.iter().enumerate() {
            changed.insert(undecided[i].0, choices[slot][pick[slot]].clone());
        }
        if differs(flow, &changed, reached, in_scope).is_some() {
            return true;
        }
        // The next choice, like counting with a digit per member.
        let mut slot = 0;
        loop {
            if slot == group.len() {
                return false;
            }
            pick[slot] += 1;
            if pick[slot] < choices[slot].len() {
                break;
            }
            pick[slot] = 0;
            slot += 1;
        }
    }
}

/// Every way to pick `size` of `0..n`, in order.
fn combinations(n: usize, size: usize) -> Vec<Vec<usize>> {
    let mut all = Vec::new();
    let mut current = Vec::with_capacity(size);
    fn grow(
        start: usize,
        n: usize,
        size: usize,
        current: &mut Vec<usize>,
        all: &mut Vec<Vec<usize>>,
    ) {
        if current.len() == size {
            all.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            grow(i + 1, n, size, current, all);
            current.pop();
        }
    }
    grow(0, n, size, &mut current, &mut all);
    all
}

/// The answers `question` could have had instead of `value`: every other
/// answer of a yes/no or single-choice question; for a choose-all question
/// "none", each choice taken away, each other choice alone and each other
/// choice added; for a number,
/// every other number in its range.
pub fn other_answers(question: &Question, value: &AnswerValue) -> Vec<AnswerValue> {
    match &question.kind {
        QuestionKind::YesNo { answers } | QuestionKind::Single { answers } => answers
            .iter()
            .map(|a| AnswerValue::Choice(a.id.clone()))
            .filter(|other| other != value)
            .collect(),
        QuestionKind::Multiple { answers, .. } => {
            let none = none_option(question).map(|i| answers[i].id.clone());
            let chosen = value.choices();
            let mut others: Vec<Vec<String>> = Vec::new();
            if let Some(none) = &none {
                others.push(vec![none.clone()]);
            }
            for taken in chosen {
                let rest: Vec<String> = chosen.iter().filter(|c| *c != taken).cloned().collect();
                if !rest.is_empty() {
                    others.push(rest);
                }
            }
            for answer in answers {
                if chosen.contains(&answer.id) || Some(&answer.id) == none.as_ref() {
                    continue;
                }
                others.push(vec![answer.id.clone()]);
                // "None" with something else is not an answer: replace it.
                let mut with: Vec<String> = chosen
                    .iter()
                    .filter(|c| Some(*c) != none.as_ref())
                    .cloned()
                    .collect();
                with.push(answer.id.clone());
                others.push(with);
            }
            let mut unique: Vec<AnswerValue> = Vec::new();
            for other in others {
                let other = AnswerValue::Many(other);
                if !same_choices(&other, value) && !unique.iter().any(|u| same_choices(u, &other)) {
                    unique.push(other);
                }
            }
            unique
        }
        QuestionKind::Number {
            range: (min, max), ..
        } => numbers_between(*min, *max)
            .map(AnswerValue::Number)
            .filter(|other| other != value)
            .collect(),
    }
}

/// The same choices, whatever their order.
fn same_choices(one: &AnswerValue, other: &AnswerValue) -> bool {
    let mut a = one.choices().to_vec();
    let mut b = other.choices().to_vec();
    a.sort();
    b.sort();
    a == b
}

/// The most numbers of a range tried one at a time: every number of a
/// range this wide or narrower (an age in years), else this many spread
/// evenly from one end to the other.
const MOST_NUMBERS: i64 = 200;

/// The numbers tried for a number question.
fn numbers_between(min: i64, max: i64) -> impl Iterator<Item = i64> {
    let width = max.saturating_sub(min);
    let step = (width / MOST_NUMBERS).max(1);
    (0..=width / step)
        .map(move |i| min.saturating_add(i.saturating_mul(step)))
        .chain(std::iter::once(max))
        .filter(move |&n| n <= max)
        .scan(None, |last, n| {
            let fresh = *last != Some(n);
            *last = Some(n);
            Some(fresh.then_some(n))
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use crate::compile::{compile, tests::shipped};
    use crate::engine::Session;

    fn case_walk<'f>(flow: &'f crate::compile::Flow, name: &str) -> Session<'f> {
        let case = (flow.cases().iter())
            .find(|case| case.name == name)
            .unwrap_or_else(|| panic!("no case {name}"));
        Session::replay(flow, &case.answers.iter().cloned().collect())
    }

    fn names(flow: &crate::compile::Flow, questions: &[crate::compile::NodeId]) -> Vec<String> {
        questions
            .iter()
            .map(|&q| flow.short_id(q).to_string())
            .collect()
    }

    #[test]
    fn an_emergency_rests_on_its_sign_not_on_the_answers_before_it() {
        // Age, the opening and "not pregnant" only say who is asking: with
        // them given another way the walk still meets saddle numbness.
        let flow = compile(&shipped()).unwrap();
        let decided = case_walk(&flow, "saddle numbness").what_decided();
        let each: Vec<_> = decided.each.iter().map(|d| d.question).collect();
        assert_eq!(names(&flow, &each), ["saddle_numbness"]);
        assert!(decided.each_alone.is_empty(), "{decided:?}");
    }

    #[test]
    fn two_answers_that_each_lead_to_modify_are_a_group() {
        let flow = compile(&shipped()).unwrap();
        let decided = case_walk(&flow, "spasm, rash and face-down not tolerated").what_decided();
        let groups: Vec<Vec<String>> = (decided.each_alone.iter())
            .map(|group| names(&flow, group))
            .collect();
        assert_eq!(groups, [["conditions", "worse_positions"]]);
        assert!(!decided.names(flow.find("opening").unwrap()));
    }

    #[test]
    fn a_treat_rests_on_every_warning_sign_ruled_out() {
        let flow = compile(&shipped()).unwrap();
        let decided = case_walk(&flow, "office worker, simple strain").what_decided();
        for sign in ["saddle_numbness", "fever", "leg_symptoms"] {
            assert!(decided.names(flow.find(sign).unwrap()), "{sign}");
        }
    }

    #[test]
    fn an_unfinished_walk_has_nothing_decided() {
        let flow = compile(&shipped()).unwrap();
        assert_eq!(Session::new(&flow).what_decided(), Default::default());
    }
}
