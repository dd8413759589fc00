//! A session as written to disk when the person asks: which knowledge it was
//! made with and the answers, by question id. Facts and notes are not saved;
//! they are replayed from the answers.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Session;
use crate::compile::{AnswerValue, Flow};

const FORMAT: &str = "backcheck-session";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedKnowledge {
    pub name: String,
    pub version: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedAnswer {
    pub question: String,
    pub answer: AnswerValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSession {
    pub format: String,
    pub knowledge: SavedKnowledge,
    pub answers: Vec<SavedAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumeError {
    /// Not a saved session of ours.
    Foreign,
    /// Saved with other knowledge; `force` replays anyway.
    KnowledgeChanged {
        saved: Box<SavedKnowledge>,
        current: Box<SavedKnowledge>,
    },
    /// An answer that does not fit the knowledge (only without `force`).
    AnswerDoesNotFit { question: String, answer: String },
    /// A choice named twice in one answer: no session saves that.
    RepeatedChoice { question: String, choice: String },
    /// More answers than the knowledge has questions.
    TooManyAnswers { saved: usize, questions: usize },
}

impl fmt::Display for ResumeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResumeError::Foreign => write!(f, "this is not a backcheck session file"),
            ResumeError::KnowledgeChanged { saved, current } => write!(
                f,
                "the session was saved with {} {} (content {}), but this is {} {} (content {}); \
                 its questions may have changed. Use --force to replay the answers that still fit.",
                saved.name, saved.version, saved.hash, current.name, current.version, current.hash
            ),
            ResumeError::AnswerDoesNotFit { question, answer } => write!(
                f,
                "the saved answer {question}={answer} does not fit this knowledge"
            ),
            ResumeError::RepeatedChoice { question, choice } => write!(
                f,
                "the saved answer to {question} names `{choice}` more than once; \
                 the file was changed after it was saved"
            ),
            ResumeError::TooManyAnswers { saved, questions } => write!(
                f,
                "it holds {saved} answers, but the knowledge has only {questions} questions"
            ),
        }
    }
}

impl std::error::Error for ResumeError {}

impl SavedKnowledge {
    pub fn of(flow: &Flow) -> SavedKnowledge {
        SavedKnowledge {
            name: flow.meta().name.clone(),
            version: flow.meta().version.clone(),
            hash: flow.meta().hash.clone(),
        }
    }
}

impl Session<'_> {
    pub fn to_saved(&self) -> SavedSession {
        SavedSession {
            format: FORMAT.into(),
            knowledge: SavedKnowledge::of(self.flow()),
            answers: self
                .answers()
                .map(|(q, answer)| SavedAnswer {
                    question: self.flow().node(q).id.to_string(),
                    answer: answer.clone(),
                })
                .collect(),
        }
    }
}

impl SavedSession {
    /// Replays the saved answers in order. With `force`, knowledge that
    /// changed is accepted and the replay stops at the first answer that no
    /// longer fits; the answers not replayed are returned.
    pub fn resume<'f>(
        &self,
        flow: &'f Flow,
        force: bool,
    ) -> Result<(Session<'f>, Vec<SavedAnswer>), ResumeError> {
        if self.format != FORMAT {
            return Err(ResumeError::Foreign);
        }
        let current = SavedKnowledge::of(flow);
        if self.knowledge.hash != current.hash && !force {
            return Err(ResumeError::KnowledgeChanged {
                saved: Box::new(self.knowledge.clone()),
                current: Box::new(current),
            });
        }
        let questions = flow
            .nodes()
            .iter()
            .filter(|node| matches!(node.kind, crate::compile::NodeKind::Question(_)))
            .count();
        if self.answers.len() > questions {
            return Err(ResumeError::TooManyAnswers {
                saved: self.answers.len(),
                questions,
            });
        }
        for saved in &self.answers {
            let choices = saved.answer.choices();
            if let Some((_, choice)) = choices
                .iter()
                .enumerate()
                .find(|(i, choice)| choices[..*i].contains(choice))
            {
                return Err(ResumeError::RepeatedChoice {
                    question: saved.question.clone(),
                    choice: choice.to_string(),
                });
            }
        }
        let mut session = Session::new(flow);
        for (position, saved) in self.answers.iter().enumerate() {
            let fits = flow.find(&saved.question) == Some(session.current_index())
                && session.answer(saved.answer.clone()).is_ok();
            if !fits {
                if !force {
                    return Err(ResumeError::AnswerDoesNotFit {
                        question: saved.question.clone(),
                        answer: saved.answer.to_string(),
                    });
                }
                return Ok((session, self.answers[position..].to_vec()));
            }
        }
        Ok((session, Vec::new()))
    }
}
