//! The conversation in a terminal: reads a line, hands it to the engine,
//! renders what the engine says. It never decides anything itself.

mod command;
mod completion;
mod conversation;
mod line_source;
mod render;
mod save_file;
mod stop_signals;

pub use command::Command;
pub use conversation::{ChatOptions, Conversation};
pub use line_source::{EditorLines, Input, LineSource, MAX_LINE, PipedLines};
pub use save_file::DEFAULT_SAVE_FILE;
