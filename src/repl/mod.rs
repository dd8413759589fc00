//! The conversation in a terminal: reads a line, hands it to the engine,
//! renders what the engine says. It never decides anything itself.

mod command;
mod completion;
mod conversation;
mod render;
mod save_file;
mod wrapped;

pub use command::Command;
pub use completion::{AnsweredQuestion, Completions};
pub use conversation::{ChatOptions, Conversation};
pub use save_file::DEFAULT_SAVE_FILE;
pub use wrapped::{Width, Wrapped, wrap_line};
