//! The commands of the `backcheck` binary, as library functions: each reads
//! its arguments, writes to the streams it is given and returns the exit
//! code it ends with ([`Exit`]) or why it stopped ([`Failure`]). The binary
//! only parses the arguments and wires the process's streams in, so every
//! command runs the same in a test as at a terminal.

mod args;
mod author;
mod chat;
mod check;
mod diff;
mod failure;
mod fmt;
mod graph;
mod load;
mod mutate;
mod parse_answers;
mod rehearse;
mod report_file;
mod run;
mod serve;
mod test_cases;
mod verify;

use std::io::{BufRead, Write};

pub use args::{
    ChatArgs, CheckFormat, Command, DiffFormat, DifficultyArg, FolderArg, GraphFormat, GraphPart,
    KnowledgeArg, RehearseArgs,
};
pub use author::author;
pub use chat::chat;
pub use check::{check, check_json};
pub use diff::diff;
pub use failure::{Exit, Failure, Outcome};
pub use fmt::fmt;
pub use graph::graph;
pub use mutate::mutate;
pub use rehearse::rehearse;
pub use run::run;
pub use serve::serve;
pub use test_cases::test;
pub use verify::verify;

/// Where a command writes: what it says (`out`) and the diagnostics, notes
/// and errors (`err`).
pub struct Streams<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether the diagnostics written to `err` get colour.
    pub colour: bool,
}

/// Where a conversation's lines come from: a person at the terminal (the
/// line editor), or lines piped in (a script is talking).
pub enum Input<'a> {
    Terminal,
    Piped(&'a mut dyn BufRead),
}

#[cfg(test)]
mod tests;
