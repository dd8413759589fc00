//! A session rendered for people and programs: the outcome screen, the
//! reasoning ("how"), and the JSON of `backcheck run`. Renders; never decides.

mod addressed;
mod asked_again;
mod audience;
mod check_back;
mod doubts;
mod explain;
mod graph_dot;
mod graph_json;
mod graph_mermaid;
mod graph_parts;
mod graph_scope;
mod lettered_list;
mod markdown;
mod outcome_text;
mod reasons;
mod report_format;
mod root_words;
mod run_json;
mod verdict_json;
mod what_if;

pub use addressed::{addressed, said_words, to_them};
pub use asked_again::asked_again_text;
pub use audience::Audience;
pub use check_back::check_back_text;
pub use doubts::{DOUBTS_HEADING, doubt_items, doubts_reason};
pub use explain::{answer_words, how_text, source_words};
pub use graph_dot::graph_dot;
pub use graph_json::{GRAPH_FORMAT, GRAPH_VERSION, GraphJson};
pub use graph_mermaid::graph_mermaid;
pub use graph_scope::{GraphScope, ScopeError};
pub use lettered_list::lettered_list;
pub use markdown::markdown_report;
pub use outcome_text::outcome_text;
pub use report_format::{ReportFormat, report_in};
pub use root_words::root_lines;
pub use run_json::{NextQuestion, PathEntry, RunJson};
pub use verdict_json::VerdictJson;
pub use what_if::{what_if_for, what_if_text};
