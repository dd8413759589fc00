//! "How did we get here". For a person in pain: each answer in plain words
//! and what it led to ("You said "No", so we asked question 3"), with the
//! question numbers shown on screen and no ids. For a therapist: the same
//! walk with the facts set and the rules that fired, by name.

use std::fmt::Write as _;

use crate::compile::{
    AnswerValue, Effect, Flow, NodeId, NodeKind, Outcome, Question, QuestionKind, Urgency, Verdict,
};
use crate::engine::{PathStep, Session, Taken};

use super::Audience;

/// The words of the chosen answer(s): `Down the thigh`, `Sitting, Lying face-down`, `34 years`.
pub fn answer_words(question: &Question, value: &AnswerValue) -> String {
    match value {
        AnswerValue::Number(n) => match &question.kind {
            QuestionKind::Number {
                unit: Some(unit), ..
            } => format!("{n} {unit}"),
            QuestionKind::Number { unit: None, .. }
            | QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => n.to_string(),
        },
        _ => value
            .choices()
            .iter()
            .map(|id| {
                question
                    .answer(id)
                    .map_or(id.as_str(), |a| a.label.as_str())
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A source as a reader sees it: a declared source by its full title and
/// section (`NICE guideline NG59: ... — Scope`); one written in place as
/// `document (part)`. A therapist also sees a seed's file (`file "..."`).
pub fn source_words(source: &crate::compile::SourceRef, audience: Audience) -> String {
    let document = match (&source.file, audience) {
        // A therapist may look the seed up; to a person in pain its file
        // name is noise.
        (Some(file), Audience::Therapist) => format!("{} (seed document {file})", source.document),
        _ => source.document.clone(),
    };
    match (&source.part, &source.id) {
        (Some(part), Some(_)) => format!("{document} — {part}"),
        (Some(part), None) => format!("{document} ({part})"),
        (None, _) => document,
    }
}

/// The walk so far, one answered question at a time, numbered as shown.
pub fn how_text(session: &Session, audience: Audience) -> String {
    let mut out = String::new();
    if session.path().is_empty() {
        out.push_str("Nothing has been answered yet.\n");
    }
    let summary = super::reasons::decided_summary(session, audience == Audience::Therapist);
    if !summary.is_empty() {
        for line in &summary {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "\nThe whole walk:");
    }
    match audience {
        Audience::Lay => plain_walk(&mut out, session),
        Audience::Therapist => clinical_walk(&mut out, session),
    }
    match (session.outcome(), audience) {
        (Some(outcome), Audience::Lay) => {
            let _ = writeln!(out, "So the result is: {}.", outcome.title);
        }
        (Some(outcome), Audience::Therapist) => {
            let _ = writeln!(
                out,
                "So the result is: {} ({}).",
                outcome.title,
                verdict_words(outcome)
            );
        }
        (None, _) => {}
    }
    out
}

/// "You said ..., so we asked ...": answers, notes and skipped questions.
fn plain_walk(out: &mut String, session: &Session) {
    let flow = session.flow();
    let path = session.path();
    let mut number = 0;
    for (position, step) in path.iter().enumerate() {
        let node = flow.node(step.node);
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        match &step.taken {
            Taken::Answered(value) => {
                number += 1;
                // The answer lines up under the question's text.
                let under = " ".repeat(number.to_string().len() + 2);
                let _ = writeln!(
                    out,
                    "{number}. {}",
                    super::addressed(session, &question.ask)
                );
                let led_to = led_to(session, &path[position + 1..], number + 1);
                let _ = writeln!(
                    out,
                    "{under}You said \"{}\", {led_to}.",
                    super::said_words(session, question, value)
                );
                for note in effects_of(question, value).filter_map(|effect| match effect {
                    Effect::Note(note) => Some(&note.lay),
                    _ => None,
                }) {
                    let _ = writeln!(out, "{under}Noted: {note}");
                }
            }
            _ => {
                let _ = writeln!(
                    out,
                    "   We did not ask \"{}\": your earlier answers already told us.",
                    super::addressed(session, &question.ask)
                );
            }
        }
    }
}

/// What came after an answer: the next question asked, or the result.
fn led_to(session: &Session, rest: &[PathStep], next_number: usize) -> String {
    let next_asked = rest
        .iter()
        .any(|step| matches!(step.taken, Taken::Answered(_)));
    match (next_asked, session.is_complete()) {
        (true, _) => format!("so we asked question {next_number}"),
        (false, true) => "so we came to the result".to_string(),
        (false, false) => format!("so we are now asking question {next_number}"),
    }
}

/// The chain answer -> fact -> rule -> outcome, with the names the knowledge uses.
fn clinical_walk(out: &mut String, session: &Session) {
    let flow = session.flow();
    let mut number = 0;
    for step in session.path() {
        let node = flow.node(step.node);
        match (&node.kind, &step.taken) {
            (NodeKind::Question(question), Taken::Answered(value)) => {
                number += 1;
                let _ = writeln!(
                    out,
                    "{number}. {} -> answered \"{}\".",
                    node.clinical.as_deref().unwrap_or(&question.ask),
                    answer_words(question, value)
                );
                describe_effects(out, flow, effects_of(question, value));
                if let (AnswerValue::Number(n), Some(fact)) = (value, question.into_fact()) {
                    let _ = writeln!(out, "   so {} is {n}.", flow.facts()[fact].name);
                }
            }
            (NodeKind::Question(question), _) => {
                let _ = writeln!(
                    out,
                    "   Not asked \"{}\": the answer was already known.",
                    question.ask
                );
            }
            (NodeKind::Decide(decide), Taken::Decided(arm)) => {
                let (rule, step) = match arm {
                    Some(i) => (
                        format!("because {}", decide.arms[*i].text),
                        &decide.arms[*i].step,
                    ),
                    None => (
                        "because none of its other rules applied".to_string(),
                        &decide.otherwise,
                    ),
                };
                let _ = writeln!(
                    out,
                    "   Rule `{}` chose {} {rule}.",
                    node.local(),
                    describe_target(session, step.target)
                );
                describe_effects(out, flow, step.effects.iter());
            }
            _ => {}
        }
    }
}

/// The effects of the chosen answers, and of going on after them.
fn effects_of<'q>(
    question: &'q Question,
    value: &'q AnswerValue,
) -> impl Iterator<Item = &'q Effect> {
    value
        .choices()
        .iter()
        .filter_map(|id| question.answer(id))
        .flat_map(|a| a.effects.iter())
        .chain(question.then().into_iter().flat_map(|t| t.effects.iter()))
}

/// Where a rule led: a result, a rule, or a question by the number it was
/// shown with (its text when it is the one being asked now).
fn describe_target(session: &Session, target: NodeId) -> String {
    let node = session.flow().node(target);
    match &node.kind {
        NodeKind::Outcome(outcome) => format!("the result \"{}\"", outcome.title),
        NodeKind::Question(question) => match session.question_number(target) {
            Some(number) => format!("question {number} (`{}`)", node.local()),
            None => format!("the question \"{}\"", question.ask),
        },
        NodeKind::Decide(_) => format!("rule `{}`", node.local()),
    }
}

fn describe_effects<'a>(out: &mut String, flow: &Flow, effects: impl Iterator<Item = &'a Effect>) {
    for effect in effects {
        match effect {
            Effect::Set { fact, value } => {
                let _ = writeln!(out, "   so {} is {value}.", flow.facts()[*fact].name);
            }
            Effect::Note(note) => {
                let _ = writeln!(
                    out,
                    "   noted: {}",
                    note.therapist.as_deref().unwrap_or(&note.lay)
                );
            }
            Effect::Finding(text) => {
                let _ = writeln!(out, "   finding: {}", text.text);
            }
        }
    }
}

/// `refer emergency` and the like.
pub(super) fn verdict_words(outcome: &Outcome) -> String {
    outcome.verdict.to_string()
}

/// The verdict for the reader: `refer urgent` for a therapist, "see a
/// doctor today" for a person.
pub(super) fn result_words(outcome: &Outcome, audience: Audience) -> String {
    if audience == Audience::Therapist {
        return verdict_words(outcome);
    }
    match outcome.verdict {
        Verdict::Treat => "massage is suitable".into(),
        Verdict::Modify => "massage with changes".into(),
        Verdict::Refer(Urgency::Emergency) => "call emergency services now".into(),
        Verdict::Refer(Urgency::Urgent) => "see a doctor today, no massage".into(),
        Verdict::Refer(Urgency::Routine) => "see your doctor before any massage".into(),
    }
}
