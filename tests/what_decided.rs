//! What decided a result, checked from outside over every case of the
//! shipped knowledge and over random walks: each answer named as deciding,
//! given the other answers it lists, reaches what it says (another verdict
//! or urgency, or a walk that needs more answers); no answer left unnamed
//! changes the result when given another way on its own; and each group of
//! answers that "each alone would lead here" does change the result when
//! all its answers are changed together.

use std::collections::HashMap;

use backcheck::compile::{AnswerValue, Flow, NodeId, QuestionKind, Verdict, compile};
use backcheck::engine::{Current, Session};
use backcheck::source::KnowledgeSource;
use proptest::prelude::*;

fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap()
}

/// Other answers, chosen here and not by the engine: every other answer of
/// a yes/no or single choice; for a choose-all question every single
/// option, and the answer with each of its choices taken away; for a
/// number the ends of its range and the ages around the knowledge's limits.
fn other_answers(flow: &Flow, q: NodeId, value: &AnswerValue) -> Vec<AnswerValue> {
    let question = flow.question(q).unwrap();
    let mut others: Vec<AnswerValue> = match &question.kind {
        QuestionKind::YesNo { answers } | QuestionKind::Single { answers } => answers
            .iter()
            .map(|a| AnswerValue::Choice(a.id.clone()))
            .collect(),
        QuestionKind::Multiple { answers, .. } => {
            let mut all: Vec<AnswerValue> = answers
                .iter()
                .map(|a| AnswerValue::Many(vec![a.id.clone()]))
                .collect();
            let chosen = value.choices();
            for taken in chosen {
                let rest: Vec<String> = chosen.iter().filter(|c| *c != taken).cloned().collect();
                if !rest.is_empty() {
                    all.push(AnswerValue::Many(rest));
                }
            }
            all
        }
        QuestionKind::Number {
            range: (min, max), ..
        } => [*min, *max, 15, 16, 17, 49, 50, 51, 55, 56, 69, 70, 71]
            .into_iter()
            .filter(|n| n >= min && n <= max)
            .map(AnswerValue::Number)
            .collect(),
    };
    let same = |a: &AnswerValue, b: &AnswerValue| {
        let (mut x, mut y) = (a.choices().to_vec(), b.choices().to_vec());
        x.sort();
        y.sort();
        match (a, b) {
            (AnswerValue::Number(m), AnswerValue::Number(n)) => m == n,
            _ => x == y,
        }
    };
    others.retain(|other| !same(other, value));
    others
}

fn given_of(session: &Session) -> HashMap<NodeId, AnswerValue> {
    session.answers().map(|(q, v)| (q, v.clone())).collect()
}

/// A result for someone the check is not for (a child, pain elsewhere).
fn out_of_scope(walk: &Session) -> bool {
    walk.is_complete() && walk.flow().node(walk.current_index()).marks.out_of_scope
}

/// Every claim `what_decided` makes about a complete walk, checked by replay.
fn check(session: &Session) -> Result<(), String> {
    let flow = session.flow();
    let Some(reached) = session.outcome().map(|o| o.verdict) else {
        return Ok(());
    };
    let in_scope = !out_of_scope(session);
    let given = given_of(session);
    let decided = session.what_decided();
    let name = |q: NodeId| flow.short_id(q).to_string();
    let replay = |changes: &[(NodeId, AnswerValue)]| {
        let mut changed = given.clone();
        for (q, v) in changes {
            changed.insert(*q, v.clone());
        }
        let walk = Session::replay(flow, &changed);
        (walk.outcome().map(|o| o.verdict), out_of_scope(&walk))
    };
    for answer in &decided.each {
        if answer.instead.is_empty() {
            return Err(format!(
                "{} named with no other answer",
                name(answer.question)
            ));
        }
        for (other, says) in &answer.instead {
            let (verdict, _) = replay(&[(answer.question, other.clone())]);
            if verdict != *says {
                return Err(format!(
                    "{}={other} said to reach {says:?}, reaches {verdict:?}",
                    name(answer.question)
                ));
            }
            if verdict == Some(reached) {
                return Err(format!(
                    "{}={other} does not change {reached}",
                    name(answer.question)
                ));
            }
        }
    }
    for (q, value) in session.answers() {
        if decided.each.iter().any(|d| d.question == q) {
            continue;
        }
        for other in other_answers(flow, q, value) {
            let (verdict, elsewhere) = replay(&[(q, other.clone())]);
            let changed =
                verdict.is_some_and(|v: Verdict| v != reached) && !(in_scope && elsewhere);
            if changed {
                return Err(format!(
                    "{}={other} reaches {verdict:?} from {reached}, yet {} is not named",
                    name(q),
                    name(q)
                ));
            }
        }
    }
    for group in &decided.each_alone {
        if group.len() < 2 {
            return Err(format!(
                "a group of one: {:?}",
                group.iter().map(|&q| name(q)).collect::<Vec<_>>()
            ));
        }
        let choices: Vec<Vec<AnswerValue>> = group
            .iter()
            .map(|&q| other_answers(flow, q, &given[&q]))
            .collect();
        let mut changes_together = false;
        let mut pick = vec![0usize; group.len()];
        'all: loop {
            let changes: Vec<(NodeId, AnswerValue)> = (group.iter().zip(&choices).zip(&pick))
                .map(|((&q, options), &i)| (q, options[i].clone()))
                .collect();
            let (verdict, elsewhere) = replay(&changes);
            if verdict != Some(reached) && !(in_scope && elsewhere) {
                changes_together = true;
                break;
            }
            let mut slot = 0;
            loop {
                if slot == group.len() {
                    break 'all;
                }
                pick[slot] += 1;
                if pick[slot] < choices[slot].len() {
                    break;
                }
                pick[slot] = 0;
                slot += 1;
            }
        }
        if !changes_together {
            return Err(format!(
                "the group {:?} does not change {reached} together",
                group.iter().map(|&q| name(q)).collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

#[test]
fn every_case_names_only_what_decides_it_and_all_of_it() {
    let flow = shipped();
    let mut checked = 0;
    for case in flow.cases() {
        let session = Session::replay(&flow, &case.answers.iter().cloned().collect());
        if !session.is_complete() {
            continue;
        }
        if let Err(problem) = check(&session) {
            panic!("case \"{}\": {problem}", case.name);
        }
        checked += 1;
    }
    assert!(checked > 100, "only {checked} cases checked");
}

#[test]
fn a_modify_from_two_changes_names_both_as_each_alone_enough() {
    // Spasm and face-down each make the massage one "with changes":
    // neither alone decides, both are named.
    let flow = shipped();
    let case = (flow.cases().iter())
        .find(|c| c.name == "spasm, rash and face-down not tolerated")
        .unwrap();
    let session = Session::replay(&flow, &case.answers.iter().cloned().collect());
    let decided = session.what_decided();
    let groups: Vec<Vec<&str>> = (decided.each_alone.iter())
        .map(|g| g.iter().map(|&q| flow.short_id(q)).collect())
        .collect();
    assert_eq!(groups, [["conditions", "worse_positions"]]);
}

/// A walk from the start, each question answered by the next pick.
fn random_walk<'f>(flow: &'f Flow, picks: &[u16]) -> Session<'f> {
    let mut session = Session::new(flow);
    for &pick in picks {
        let Current::Question { question, .. } = session.current() else {
            break;
        };
        // Mostly "no" and "none of these", so that many walks reach a
        // treat or modify deep in the knowledge.
        let clear = ["no", "none"]
            .into_iter()
            .find(|id| question.answer(id).is_some());
        let value = match (&question.kind, clear) {
            (QuestionKind::YesNo { .. }, Some(no)) if pick % 4 != 0 => {
                AnswerValue::Choice(no.to_string())
            }
            (QuestionKind::Multiple { .. }, Some(none)) if pick % 4 != 0 => {
                AnswerValue::Many(vec![none.to_string()])
            }
            (QuestionKind::YesNo { answers } | QuestionKind::Single { answers }, _) => {
                AnswerValue::Choice(answers[pick as usize % answers.len()].id.clone())
            }
            (QuestionKind::Multiple { answers, .. }, _) => {
                let chosen: Vec<String> = (answers.iter().enumerate())
                    .filter(|(i, _)| pick & (1 << (i % 16)) != 0)
                    .map(|(_, a)| a.id.clone())
                    .collect();
                if chosen.is_empty() {
                    AnswerValue::Many(vec![answers[0].id.clone()])
                } else {
                    AnswerValue::Many(chosen)
                }
            }
            (
                QuestionKind::Number {
                    range: (min, max), ..
                },
                _,
            ) => AnswerValue::Number((min + i64::from(pick) % (max - min + 1)).min(*max)),
        };
        if session.answer(value).is_err() {
            break;
        }
    }
    session
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_walks_name_only_what_decides_them(
        picks in proptest::collection::vec(any::<u16>(), 40)
    ) {
        let flow = shipped();
        let session = random_walk(&flow, &picks);
        if let Err(problem) = check(&session) {
            let path: Vec<String> = session
                .answers()
                .map(|(q, v)| format!("{}={v}", flow.short_id(q)))
                .collect();
            prop_assert!(false, "{problem}\nwalk: {}", path.join(","));
        }
    }
}
