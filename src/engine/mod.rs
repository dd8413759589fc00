//! The walk through a [`Flow`](crate::compile::Flow): a [`Session`] holds the
//! answers, the facts they set, the notes collected and the path taken.
//! Pure: no I/O, no printing.

mod evaluate;
mod navigation;
mod saved_session;
mod session;
mod uncertainty;

pub use evaluate::{Lookup, eval};
pub use navigation::FindError;
pub use saved_session::{ResumeError, SavedAnswer, SavedKnowledge, SavedSession};
pub use session::{ChangeError, Current, FactState, PathStep, Session, Taken};

#[cfg(test)]
mod tests;
