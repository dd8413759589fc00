//! One rehearsal round: the therapist asks, the client answers from the
//! vignette's facts, and the graph's own walk is the answer key.

use std::collections::HashMap;

use crate::compile::{AnswerValue, Flow, NodeId, NodeKind, Vignette, YesNo};
use crate::engine::Session;
use crate::report::answer_words;

use super::score::{Commitment, Score, score};
use super::story_facts::StoryFacts;

/// What the client says when asked a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientAnswer {
    /// The answer's words, e.g. "No" or "Down the thigh".
    Says(String),
    /// The story does not cover this question.
    NotInStory,
}

pub struct Round<'f> {
    flow: &'f Flow,
    pub vignette: &'f Vignette,
    asked: Vec<NodeId>,
    given: HashMap<NodeId, AnswerValue>,
    story: StoryFacts,
}

impl<'f> Round<'f> {
    pub fn new(flow: &'f Flow, vignette: &'f Vignette) -> Round<'f> {
        Round {
            flow,
            vignette,
            asked: Vec::new(),
            given: vignette.case.answers.iter().cloned().collect(),
            story: StoryFacts::of(vignette),
        }
    }

    /// Every question of the graph, in an order the walk respects (red flags
    /// first, as the graph asks them): the list the therapist picks from by number.
    pub fn questions(&self) -> Vec<NodeId> {
        let order: Vec<NodeId> = self
            .flow
            .depth_first_order()
            .unwrap_or_else(|| self.flow.node_ids().collect());
        order
            .into_iter()
            .filter(|&i| matches!(self.flow.node(i).kind, NodeKind::Question(_)))
            .collect()
    }

    /// A question by its number in [`Round::questions`] or by its id.
    pub fn find_question(&self, text: &str) -> Option<NodeId> {
        let text = text.trim();
        if let Ok(number) = text.parse::<usize>() {
            return number
                .checked_sub(1)
                .and_then(|i| self.questions().get(i).copied());
        }
        self.flow
            .find(text)
            .filter(|&i| self.flow.question(i).is_some())
    }

    pub fn flow(&self) -> &'f Flow {
        self.flow
    }

    /// The red flags the client has (answered yes or not sure), whether
    /// asked or not, in the order `list` shows them.
    pub fn red_flags(&self) -> Vec<NodeId> {
        self.questions()
            .into_iter()
            .filter(|&q| self.flow.node(q).is_red_flag())
            .filter(|q| {
                self.given
                    .get(q)
                    .is_some_and(|value| YesNo::Yes.is(value) || YesNo::Unsure.is(value))
            })
            .collect()
    }

    pub fn asked(&self) -> &[NodeId] {
        &self.asked
    }

    pub fn ask(&mut self, question: NodeId) -> ClientAnswer {
        if !self.asked.contains(&question) {
            self.asked.push(question);
        }
        match (self.flow.question(question), self.given.get(&question)) {
            (Some(q), Some(value)) => ClientAnswer::Says(answer_words(q, value)),
            _ => ClientAnswer::NotInStory,
        }
    }

    /// The walk `chat` would make with the client's answers.
    pub fn graph_session(&self) -> Session<'f> {
        Session::replay(self.flow, &self.given)
    }

    pub fn commit(&self, commitment: &Commitment) -> Score {
        score(self.flow, &self.given, &self.asked, commitment, &self.story)
    }

    /// The client's answers with `changes` in place of the story's (a
    /// question the story leaves open gets the answer given).
    fn given_with(&self, changes: &[(NodeId, AnswerValue)]) -> HashMap<NodeId, AnswerValue> {
        let mut given = self.given.clone();
        given.extend(changes.iter().cloned());
        given
    }

    /// The walk `chat` would make had the client answered `changes`
    /// otherwise, the rest of the story as told.
    pub fn graph_session_with(&self, changes: &[(NodeId, AnswerValue)]) -> Session<'f> {
        Session::replay(self.flow, &self.given_with(changes))
    }

    /// How `commitment` would score had the client answered `changes`
    /// otherwise, with the same questions asked.
    pub fn commit_with(&self, changes: &[(NodeId, AnswerValue)], commitment: &Commitment) -> Score {
        score(
            self.flow,
            &self.given_with(changes),
            &self.asked,
            commitment,
            &self.story,
        )
    }
}
