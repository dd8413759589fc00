//! What a person types, one line at a time: from a line editor on a
//! terminal (history, Tab completion, Ctrl-C and Ctrl-D) or from a pipe.
//! The conversation (`repl`) and the rehearsal (`rehearse`) both read
//! through [`LineSource`]; this module knows nothing of either: it neither
//! decides nor renders, and what Tab offers is given to it by the caller.

mod editor_lines;
mod line_source;
mod piped_lines;
mod stop_signals;

pub use editor_lines::EditorLines;
pub use line_source::{Candidate, Complete, Input, LineSource};
pub use piped_lines::{MAX_LINE, PipedLines};
pub use stop_signals::set_stop_note;
