//! "How did we get here": each answer, the facts and notes it set, each rule
//! that fired, and where that led.

use std::fmt::Write as _;

use crate::compile::{AnswerValue, Effect, Flow, NodeKind, Question};
use crate::engine::{Session, Taken};

use super::Audience;

/// The words of the chosen answer(s): `Down the thigh`, `Sitting, Lying face-down`, `34 years`.
pub fn answer_words(question: &Question, value: &AnswerValue) -> String {
    match value {
        AnswerValue::Number(n) => match &question.unit {
            Some(unit) => format!("{n} {unit}"),
            None => n.to_string(),
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

/// The chain answer -> fact -> rule -> outcome, one line per step.
pub fn how_text(session: &Session, audience: Audience) -> String {
    let flow = session.flow();
    let mut out = String::new();
    if session.path().is_empty() {
        out.push_str("Nothing has been answered yet.\n");
    }
    for (position, step) in session.path().iter().enumerate() {
        let node = &flow.nodes[step.node];
        match (&node.kind, &step.taken) {
            (NodeKind::Question(question), Taken::Answered(value)) => {
                let _ = writeln!(
                    out,
                    "{}. {} -> you answered \"{}\".",
                    position + 1,
                    wording(question, node.clinical.as_deref(), audience),
                    answer_words(question, value)
                );
                let effects = value
                    .choices()
                    .iter()
                    .filter_map(|id| question.answer(id))
                    .flat_map(|a| a.effects.iter())
                    .chain(question.then.iter().flat_map(|t| t.effects.iter()));
                describe_effects(&mut out, flow, effects, audience);
                if let (AnswerValue::Number(n), Some(fact)) = (value, question.into) {
                    let _ = writeln!(out, "   so {} is {n}.", flow.facts[fact].name);
                }
            }
            (NodeKind::Question(question), _) => {
                let _ = writeln!(
                    out,
                    "{}. Not asked \"{}\": the answer was already known.",
                    position + 1,
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
                let target = &flow.nodes[step.target];
                let _ = writeln!(
                    out,
                    "{}. Rule `{}` chose {} {rule}.",
                    position + 1,
                    node.local(),
                    describe_target(target)
                );
                describe_effects(&mut out, flow, step.effects.iter(), audience);
            }
            _ => {}
        }
    }
    if let Some(outcome) = session.outcome() {
        let _ = writeln!(
            out,
            "So the result is: {} ({}).",
            outcome.title,
            verdict_words(outcome)
        );
    }
    out
}

fn wording<'a>(question: &'a Question, clinical: Option<&'a str>, audience: Audience) -> &'a str {
    match (audience, clinical) {
        (Audience::Therapist, Some(clinical)) => clinical,
        _ => &question.ask,
    }
}

fn describe_target(node: &crate::compile::Node) -> String {
    match &node.kind {
        NodeKind::Outcome(outcome) => format!("the result \"{}\"", outcome.title),
        NodeKind::Question(question) => format!("the question \"{}\"", question.ask),
        NodeKind::Decide(_) => format!("rule `{}`", node.local()),
    }
}

fn describe_effects<'a>(
    out: &mut String,
    flow: &Flow,
    effects: impl Iterator<Item = &'a Effect>,
    audience: Audience,
) {
    for effect in effects {
        match effect {
            Effect::Set { fact, value } => {
                let _ = writeln!(out, "   so {} is {value}.", flow.facts[*fact].name);
            }
            Effect::Note(note) => {
                let text = match (audience, &note.therapist) {
                    (Audience::Therapist, Some(t)) => t,
                    _ => &note.lay,
                };
                let _ = writeln!(out, "   noted: {text}");
            }
            Effect::Finding(text) if audience == Audience::Therapist => {
                let _ = writeln!(out, "   finding: {text}");
            }
            Effect::Finding(_) => {}
        }
    }
}

/// `refer emergency` and the like.
pub(super) fn verdict_words(outcome: &crate::compile::Outcome) -> String {
    outcome.verdict.to_string()
}
