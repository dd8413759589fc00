//! The walk through a [`Flow`](crate::compile::Flow): a [`Session`] holds the
//! answers, the facts they set, the notes collected and the path taken.
//! Pure: no I/O, no printing.

mod check_back;
mod counterfactual;
mod likely_root;
mod mentions;
mod navigation;
mod progress;
mod reasons;
mod saved_session;
mod session;
mod uncertainty;
mod understand;
mod what_decided;

pub use check_back::{CheckBack, CheckReason, Heard};
pub use likely_root::{RootReading, read_roots};
pub use mentions::Mention;
pub use navigation::FindError;
pub use saved_session::{ResumeError, SavedAnswer, SavedKnowledge, SavedSession};
pub use session::{ChangeError, Current, FactState, PathStep, Session, Taken};
pub use understand::{
    AnswerError, Certainty, Understood, is_safety_question, options_as_shown, says_no, shorten,
    understand,
};
pub use what_decided::{DecidingAnswer, WhatDecided, other_answers};

#[cfg(test)]
mod tests;
