//! A session rendered for people and programs: the outcome screen, the
//! reasoning ("how"), and the JSON of `backcheck run`. Renders; never decides.

mod audience;
mod explain;
mod markdown;
mod outcome_text;
mod run_json;

pub use audience::Audience;
pub use explain::{answer_words, how_text};
pub use markdown::markdown_report;
pub use outcome_text::outcome_text;
pub use run_json::{NextQuestion, PathEntry, RunJson};
