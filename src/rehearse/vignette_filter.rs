//! Choosing vignettes by difficulty and topic (`--difficulty`, `--topic`),
//! and the sorted listing of `rehearse --list` (by difficulty, easy first,
//! then by id).

use serde::Serialize;

use super::topic::{Topic, difficulty_word, topic_of};
use crate::compile::{Difficulty, Flow, Vignette};

/// Which vignettes to play, list or review; empty keeps them all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VignetteFilter {
    pub difficulty: Option<Difficulty>,
    pub topic: Option<Topic>,
}

impl VignetteFilter {
    pub fn keeps(&self, flow: &Flow, vignette: &Vignette) -> bool {
        self.difficulty.is_none_or(|d| d == vignette.difficulty)
            && self.topic.is_none_or(|t| t == topic_of(flow, vignette))
    }

    /// Whether a recorded round passes: by its recorded difficulty and topic.
    pub fn keeps_recorded(&self, difficulty: Option<&str>, topic: &str) -> bool {
        self.difficulty
            .is_none_or(|d| difficulty == Some(difficulty_word(d)))
            && self.topic.is_none_or(|t| t.word() == topic)
    }
}

/// One line of `rehearse --list` (and one object of `--list --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedVignette {
    pub id: String,
    pub title: String,
    /// `easy`, `medium` or `hard`.
    pub difficulty: &'static str,
    /// The kind of outcome the graph reaches: shown only when asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
}

/// The vignettes `filter` keeps, by difficulty (easy first) then id, with
/// their topic when `outcomes`.
pub fn listing(flow: &Flow, filter: &VignetteFilter, outcomes: bool) -> Vec<ListedVignette> {
    let mut kept: Vec<&Vignette> = flow
        .vignettes()
        .iter()
        .filter(|v| filter.keeps(flow, v))
        .collect();
    kept.sort_by(|a, b| a.difficulty.cmp(&b.difficulty).then(a.id.cmp(&b.id)));
    kept.into_iter()
        .map(|v| ListedVignette {
            id: v.id.clone(),
            title: v.title.clone(),
            difficulty: difficulty_word(v.difficulty),
            topic: outcomes.then(|| topic_of(flow, v)),
        })
        .collect()
}
