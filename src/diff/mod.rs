//! `backcheck diff`: what an edit of the knowledge changes for patients.
//! Two compiled flows are walked together over the same answers
//! ([`walk_together`]), and their invariants and cases compared
//! ([`compare`]). It uses the engine to walk (the one meaning of a walk) and
//! `check` for the proof and the cases; it decides nothing about a patient.

mod answer_choices;
mod care;
mod flow_diff;
mod live_reads;
mod walk_together;

pub use care::care_rank;
pub use flow_diff::{CheckChange, FlowDiff, compare};
pub use walk_together::{
    Ending, PathChanges, STATE_BUDGET, VerdictGroup, walk_together, walk_together_while,
};

#[cfg(test)]
mod tests;
