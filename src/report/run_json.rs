//! The JSON printed by `backcheck run --json`: one object, complete or not.

use serde::Serialize;

use super::VerdictJson;
use crate::compile::{AdviceField, Form, Note, SourceRef};
use crate::engine::{Current, SavedKnowledge, Session};

#[derive(Debug, Serialize)]
pub struct PathEntry {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Serialize)]
pub struct NextQuestion {
    pub id: String,
    pub text: String,
    pub kind: Form,
    pub answers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

// Made once per run, printed and dropped: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RunJson<'f> {
    Complete {
        #[serde(flatten)]
        verdict: VerdictJson,
        outcome: String,
        title: String,
        path: Vec<PathEntry>,
        /// The questions answered "not sure" that decided this outcome
        /// (caution taken because a sign could not be ruled out).
        doubts: Vec<String>,
        /// The question a referral rests on (see `Session::deciding_answer`).
        #[serde(skip_serializing_if = "Option::is_none")]
        deciding: Option<String>,
        /// Every other warning sign reported, asked or given up front.
        warning_signs: Vec<PathEntry>,
        /// Empty for a referral: there is no massage to change.
        notes: Vec<&'f Note>,
        findings: Vec<&'f str>,
        plan: Vec<&'f str>,
        /// The plan for the therapist, apart from `plan`, which speaks to the person.
        therapist_plan: &'f [String],
        avoid: Vec<&'f str>,
        selfcare: Vec<&'f str>,
        safety: Vec<&'f str>,
        sources: &'f [SourceRef],
        knowledge: SavedKnowledge,
    },
    Incomplete {
        path: Vec<PathEntry>,
        next: NextQuestion,
        knowledge: SavedKnowledge,
    },
}

impl<'f> RunJson<'f> {
    pub fn of(session: &Session<'f>) -> RunJson<'f> {
        let flow = session.flow();
        let path = session
            .answers()
            .map(|(q, answer)| PathEntry {
                question: flow.node(q).id.to_string(),
                answer: answer.to_string(),
            })
            .collect();
        let knowledge = SavedKnowledge::of(flow);
        match session.current() {
            Current::Outcome { node, outcome, .. } => RunJson::Complete {
                verdict: outcome.verdict.into(),
                outcome: node.id.to_string(),
                title: outcome.title.clone(),
                path,
                doubts: session
                    .deciding_doubts()
                    .into_iter()
                    .map(|q| flow.node(q).id.to_string())
                    .collect(),
                deciding: session
                    .deciding_answer()
                    .map(|q| flow.node(q).id.to_string()),
                warning_signs: session
                    .other_warning_signs()
                    .into_iter()
                    .map(|(q, answer)| PathEntry {
                        question: flow.node(q).id.to_string(),
                        answer: answer.to_string(),
                    })
                    .collect(),
                notes: if outcome.verdict.is_referral() {
                    Vec::new()
                } else {
                    session.notes().iter().map(|(_, note)| *note).collect()
                },
                findings: session.findings().iter().map(|(_, f)| *f).collect(),
                // The advice that fits this walk (`when`).
                plan: outcome.advice(AdviceField::Plan, session),
                therapist_plan: &outcome.therapist_plan,
                avoid: outcome.advice(AdviceField::Avoid, session),
                selfcare: outcome.advice(AdviceField::Selfcare, session),
                safety: outcome.advice(AdviceField::Safety, session),
                sources: &node.sources,
                knowledge,
            },
            Current::Question { node, question, .. } => RunJson::Incomplete {
                path,
                next: NextQuestion {
                    id: node.id.to_string(),
                    text: question.ask.to_string(),
                    kind: question.form(),
                    answers: question
                        .answers()
                        .iter()
                        .map(|a| a.id.to_string())
                        .collect(),
                    min: question.range().map(|r| r.0),
                    max: question.range().map(|r| r.1),
                },
                knowledge,
            },
        }
    }
}
