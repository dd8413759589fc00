//! What a rehearsal played, as `--json` prints it for a teacher: one object
//! per vignette round and one per drill item, each with the student, what was
//! committed, what the key has, the points out of the maximum and the time
//! taken. docs/rehearse-json.md describes every field.

use std::time::Duration;

use serde::Serialize;

use super::score::Score;
use crate::report::VerdictJson;

/// Every round and drill item played, in order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Played {
    pub rounds: Vec<RoundSummary>,
    pub drill: Vec<DrillAnswer>,
}

/// One vignette round, scored or skipped.
#[derive(Debug, Clone, Serialize)]
pub struct RoundSummary {
    /// Always `vignette`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    pub vignette: String,
    pub title: String,
    pub difficulty: &'static str,
    /// The commit as typed after `commit`; none when skipped.
    pub committed: Option<String>,
    /// The committed verdict (`treat`, `modify`, `refer`) and urgency (a
    /// referral's only), as `run --json` gives them.
    #[serde(flatten)]
    pub verdict: Option<VerdictJson>,
    /// The root named (`L4`, `L5`, `S1`); none when none was.
    pub root: Option<String>,
    /// The changes named with modify, as typed.
    pub changes: Vec<String>,
    /// The questions named after `because`, by id.
    pub reasons: Vec<String>,
    /// Every question asked of the client, by id, in the order asked.
    pub questions_asked: Vec<String>,
    /// The red flags the client has (answered yes or not sure), by id.
    pub red_flags: Vec<String>,
    pub points: Option<u32>,
    pub max_score: u32,
    /// From the story to the commit (or the skip), in seconds.
    pub seconds: f64,
    pub score: Option<Score>,
}

/// One drill item answered.
#[derive(Debug, Clone, Serialize)]
pub struct DrillAnswer {
    /// Always `drill`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    pub item: String,
    pub prompt: String,
    /// The root chosen (`L4`, `L5`, `S1`, or `none`: no single root).
    pub chosen: String,
    /// The right answer: `L5`, or `L4 or L5` where either is right.
    pub expected: String,
    pub right: bool,
    pub points: u32,
    pub max_score: u32,
    pub seconds: f64,
}

/// A duration in seconds, to the tenth.
pub fn seconds(taken: Duration) -> f64 {
    (taken.as_secs_f64() * 10.0).round() / 10.0
}
