//! Where lines come from, as the readers see it.

/// One read from the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Line(String),
    /// Ctrl-C: the line being typed was dropped.
    Interrupted,
    /// Ctrl-D or the end of piped input.
    Eof,
    /// Bytes that are not text.
    Unreadable,
    /// A line longer than [`MAX_LINE`](super::MAX_LINE) bytes: not kept, not read.
    TooLong,
}

/// A source of lines: a terminal or a pipe.
pub trait LineSource {
    fn read(&mut self, prompt: &str) -> Input;
    /// What Tab should offer for the next read; sources without Tab ignore it.
    fn set_completion(&mut self, _completion: Box<dyn Complete>) {}
    /// Whether a person is typing (prompts and Ctrl-D questions make sense).
    fn is_interactive(&self) -> bool;
}

/// Tab completion for a line being typed.
pub trait Complete {
    /// Where the word being completed starts in `typed`, and what may replace it.
    fn complete(&self, typed: &str) -> (usize, Vec<Candidate>);
}

/// One thing Tab may put in place of the word being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// What the list of candidates shows.
    pub display: String,
    /// What goes into the line.
    pub replacement: String,
}
