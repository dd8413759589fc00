//! Where lines come from: rustyline on a terminal, or plain lines from a pipe.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};

use super::completion::{Completions, ReplHelper};

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
}

pub trait LineSource {
    fn read(&mut self, prompt: &str) -> Input;
    /// What tab completion should offer for the next read.
    fn set_completions(&mut self, _completions: Completions) {}
    /// Whether a person is typing (prompts and Ctrl-D questions make sense).
    fn is_interactive(&self) -> bool;
}

/// Lines from a pipe or file: no prompts, no escape codes.
pub struct PipedLines<R> {
    reader: R,
    buffer: Vec<u8>,
}

impl<R: BufRead> PipedLines<R> {
    pub fn new(reader: R) -> Self {
        PipedLines {
            reader,
            buffer: Vec::new(),
        }
    }
}

impl<R: BufRead> LineSource for PipedLines<R> {
    fn read(&mut self, _prompt: &str) -> Input {
        self.buffer.clear();
        match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) => match std::str::from_utf8(&self.buffer) {
                Ok(text) => Input::Line(text.trim_end_matches(['\n', '\r']).to_string()),
                Err(_) => Input::Unreadable,
            },
        }
    }

    fn is_interactive(&self) -> bool {
        false
    }
}

/// A line editor on a terminal, with tab completion of commands and answers.
/// History stays in memory: answers are health data and are not written to disk.
pub struct EditorLines {
    editor: Editor<ReplHelper, DefaultHistory>,
    /// Only when the person asked for one (`--history FILE`).
    history: Option<PathBuf>,
}

impl EditorLines {
    pub fn new(history: Option<&Path>) -> rustyline::Result<EditorLines> {
        // While a line is read, the editor turns Ctrl-C into `Interrupted`.
        // Between reads the terminal would turn it into a signal that ends the
        // process and loses the answers: catch it and let it do nothing.
        // (A second editor in one process finds the handler already set.)
        let _ = ctrlc::set_handler(|| {});
        // Tab lists the candidates (question numbers with their text) rather
        // than cycling through them one by one.
        let config = Config::builder()
            .auto_add_history(true)
            .completion_type(CompletionType::List)
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(ReplHelper::default()));
        if let Some(file) = history {
            // A missing history file is normal the first time.
            let _ = editor.load_history(file);
        }
        Ok(EditorLines {
            editor,
            history: history.map(Path::to_path_buf),
        })
    }

    /// Writes the history, if a file was given; failures are not fatal.
    pub fn save_history(&mut self) {
        if let Some(file) = &self.history {
            let _ = self.editor.save_history(file);
        }
    }
}

impl LineSource for EditorLines {
    fn read(&mut self, prompt: &str) -> Input {
        match self.editor.readline(prompt) {
            Ok(line) => Input::Line(line),
            Err(ReadlineError::Interrupted) => Input::Interrupted,
            Err(ReadlineError::Eof) => Input::Eof,
            Err(_) => Input::Eof,
        }
    }

    fn set_completions(&mut self, completions: Completions) {
        if let Some(helper) = self.editor.helper_mut() {
            helper.completions = completions;
        }
    }

    fn is_interactive(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn piped_lines_survive_garbage() {
        let bytes: &[u8] = b"yes\n\xff\xfe\x00\nno\r\n";
        let mut lines = PipedLines::new(bytes);
        assert_eq!(lines.read(""), Input::Line("yes".into()));
        assert_eq!(lines.read(""), Input::Unreadable);
        assert_eq!(lines.read(""), Input::Line("no".into()));
        assert_eq!(lines.read(""), Input::Eof);
    }
}
