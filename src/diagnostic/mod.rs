//! Messages about knowledge text that point at the source: compile errors and
//! lints share one type and one renderer.

mod diagnostic_kind;
mod message;
mod render;
mod suggest;

pub use diagnostic_kind::DiagnosticKind;
pub use message::{Diagnostic, Severity, Span};
pub use render::{render_all, render_one};
pub use suggest::did_you_mean;
