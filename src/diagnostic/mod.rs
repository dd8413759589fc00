//! Messages about knowledge text that point at the source: compile errors and
//! lints share one type and one renderer.

mod cut_words;
mod diagnostic_kind;
mod json;
mod message;
mod render;
mod suggest;

pub use diagnostic_kind::DiagnosticKind;
pub use json::{DiagnosticJson, diagnostics_json};
pub use message::{Diagnostic, Severity, Span};
pub use render::{render_all, render_one};
pub use suggest::{Suggestion, closest_name, did_you_mean, suggest_name};
