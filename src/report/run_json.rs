//! The JSON printed by `backcheck run --json`: one object, complete or not.

use serde::Serialize;

use super::VerdictJson;
use crate::compile::{AdviceField, Form, Note, SourceRef};
use crate::engine::{Current, SavedKnowledge, Session, WhatDecided};

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

/// What decided a complete walk's result, by question id.
#[derive(Debug, Serialize)]
pub struct DecidedJson {
    /// The answers each of which, given another way, could change the
    /// verdict or urgency, in the order asked.
    pub each: Vec<DecidingJson>,
    /// Groups of answers of which each one alone leads to this result.
    pub each_alone: Vec<Vec<PathEntry>>,
}

/// One answer the result rests on.
#[derive(Debug, Serialize)]
pub struct DecidingJson {
    pub question: String,
    pub answer: String,
    /// A plain "no" or "none of these": it ruled something out.
    pub rules_out: bool,
    /// The other answers that change the result, and what each leads to.
    pub instead: Vec<InsteadJson>,
}

/// Another answer and where it leads.
#[derive(Debug, Serialize)]
pub struct InsteadJson {
    pub answer: String,
    /// `treat`, `modify` or `refer`; `null` when the walk would need more
    /// answers (the result could change).
    pub verdict: Option<&'static str>,
    /// A referral's urgency; `null` otherwise.
    pub urgency: Option<crate::compile::Urgency>,
}

impl DecidedJson {
    fn of(session: &Session, decided: &WhatDecided) -> DecidedJson {
        let flow = session.flow();
        let entry = |q| PathEntry {
            question: flow.node(q).id.to_string(),
            answer: session
                .answer_to(q)
                .map_or_else(String::new, ToString::to_string),
        };
        DecidedJson {
            each: (decided.each.iter())
                .map(|d| DecidingJson {
                    question: flow.node(d.question).id.to_string(),
                    answer: session
                        .answer_to(d.question)
                        .map_or_else(String::new, ToString::to_string),
                    rules_out: d.rules_out,
                    instead: (d.instead.iter())
                        .map(|(answer, verdict)| InsteadJson {
                            answer: answer.to_string(),
                            verdict: verdict.map(|v| v.word()),
                            urgency: verdict.and_then(|v| v.urgency()),
                        })
                        .collect(),
                })
                .collect(),
            each_alone: (decided.each_alone.iter())
                .map(|group| group.iter().map(|&q| entry(q)).collect())
                .collect(),
        }
    }
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
        /// The last answer the result rests on that is not a "no" or
        /// "none" (of `decided.each`); kept for readers of earlier versions.
        #[serde(skip_serializing_if = "Option::is_none")]
        deciding: Option<String>,
        /// What decided the result (see `Session::what_decided`).
        decided: Box<DecidedJson>,
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
            Current::Outcome { node, outcome, .. } => {
                let decided = session.what_decided();
                RunJson::Complete {
                    verdict: outcome.verdict.into(),
                    outcome: node.id.to_string(),
                    title: outcome.title.clone(),
                    path,
                    doubts: session
                        .deciding_doubts()
                        .into_iter()
                        .map(|q| flow.node(q).id.to_string())
                        .collect(),
                    deciding: (decided.each.iter().rev())
                        .find(|d| !d.rules_out)
                        .map(|d| flow.node(d.question).id.to_string()),
                    decided: Box::new(DecidedJson::of(session, &decided)),
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
                    findings: session
                        .findings()
                        .iter()
                        .map(|(_, f)| f.text.as_str())
                        .collect(),
                    // The advice that fits this walk (`when`).
                    plan: outcome.advice(AdviceField::Plan, session),
                    therapist_plan: &outcome.therapist_plan,
                    avoid: outcome.advice(AdviceField::Avoid, session),
                    selfcare: outcome.advice(AdviceField::Selfcare, session),
                    safety: outcome.advice(AdviceField::Safety, session),
                    sources: &node.sources,
                    knowledge,
                }
            }
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
