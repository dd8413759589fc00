//! Where lines come from: rustyline on a terminal, or plain lines from a pipe.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};

use super::completion::ReplHelper;
use crate::file_write::{IfExists, write_file};
use crate::printable::{PATH, SENTENCE, printable};
use crate::source::{ReadError, read_bounded};

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
    /// A line longer than [`MAX_LINE`] bytes: not kept, not read.
    TooLong,
}

pub trait LineSource {
    fn read(&mut self, prompt: &str) -> Input;
    /// The words tab completion should offer for the next read.
    fn set_completions(&mut self, _words: Vec<String>) {}
    /// Whether a person is typing (prompts and Ctrl-D questions make sense).
    fn is_interactive(&self) -> bool;
}

/// The longest line read, in bytes: an answer or a command is a few words,
/// and a longer line is refused rather than held (`backcheck </dev/zero`).
pub const MAX_LINE: usize = 4096;
/// How much of one over-long line is skipped, looking for its end, before
/// the input is taken as ended: /dev/zero has no end of line.
const MAX_SKIPPED: usize = 1 << 20;

/// Lines from a pipe or file: no prompts, no escape codes.
pub struct PipedLines<R> {
    reader: R,
    buffer: Vec<u8>,
    /// A line without end was found: nothing more is read.
    ended: bool,
}

impl<R: BufRead> PipedLines<R> {
    pub fn new(reader: R) -> Self {
        PipedLines {
            reader,
            buffer: Vec::new(),
            ended: false,
        }
    }

    /// Skips the rest of an over-long line, holding none of it.
    fn skip_line(&mut self) {
        let mut skipped = 0;
        loop {
            let Ok(available) = self.reader.fill_buf() else {
                self.ended = true;
                return;
            };
            if available.is_empty() {
                return;
            }
            if let Some(end) = available.iter().position(|&b| b == b'\n') {
                self.reader.consume(end + 1);
                return;
            }
            let length = available.len();
            self.reader.consume(length);
            skipped += length;
            if skipped > MAX_SKIPPED {
                self.ended = true;
                return;
            }
        }
    }
}

impl<R: BufRead> LineSource for PipedLines<R> {
    fn read(&mut self, _prompt: &str) -> Input {
        if self.ended {
            return Input::Eof;
        }
        self.buffer.clear();
        let mut limited = (&mut self.reader).take(MAX_LINE as u64 + 1);
        match limited.read_until(b'\n', &mut self.buffer) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) if self.buffer.len() > MAX_LINE && self.buffer.last() != Some(&b'\n') => {
                self.skip_line();
                Input::TooLong
            }
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

/// The first line of a history file backcheck wrote: a file without it
/// was not made by `--history` and is neither read nor replaced.
const HISTORY_HEADER: &str = "# backcheck chat history: lines typed in `backcheck chat --history`. Delete it to forget them.";
/// The most lines kept in a history file.
const HISTORY_LINES: usize = 100;
/// A history file larger than this is not one backcheck wrote.
const HISTORY_FILE_LIMIT: u64 = 1 << 20;

/// A line editor on a terminal, with tab completion of commands and answers.
/// History stays in memory: answers are health data and are not written to disk.
pub struct EditorLines {
    editor: Editor<ReplHelper, DefaultHistory>,
    /// Only when the person asked for one (`--history FILE`), and whether
    /// the file was there already (and so is replaced, being ours).
    history: Option<(PathBuf, IfExists)>,
}

impl EditorLines {
    /// The editor, with the history of `history` when given. Fails when
    /// that file is not one `--history` wrote (it is left untouched), or
    /// when the terminal cannot be used.
    pub fn new(history: Option<&Path>) -> Result<EditorLines, String> {
        let earlier = match history {
            Some(file) => Some((file.to_path_buf(), read_history(file)?)),
            None => None,
        };
        super::stop_signals::catch_stop_signals();
        let config = Config::builder()
            .auto_add_history(true)
            .max_history_size(HISTORY_LINES)
            .map_err(|error| error.to_string())?
            .build();
        let mut editor = Editor::with_config(config)
            .map_err(|error| format!("cannot use the terminal: {error}"))?;
        editor.set_helper(Some(ReplHelper::default()));
        let history = match earlier {
            Some((file, Some(lines))) => {
                for line in lines {
                    let _ = editor.add_history_entry(line);
                }
                Some((file, IfExists::Replace))
            }
            Some((file, None)) => Some((file, IfExists::Refuse)),
            None => None,
        };
        Ok(EditorLines { editor, history })
    }

    /// Writes the history, if a file was given.
    pub fn save_history(&mut self) -> Result<(), String> {
        let Some((file, if_exists)) = &self.history else {
            return Ok(());
        };
        let mut text = String::from(HISTORY_HEADER);
        text.push('\n');
        for line in self.editor.history().iter() {
            text.push_str(line);
            text.push('\n');
        }
        write_file(file, text.as_bytes(), *if_exists).map_err(|error| {
            format!(
                "The history was not saved to {}: {error}",
                printable(&file.display().to_string(), PATH)
            )
        })
    }
}

/// The lines of a history file `--history` wrote; `None` when there is no
/// file yet. Anything else (a link, a file without our header) is refused.
fn read_history(file: &Path) -> Result<Option<Vec<String>>, String> {
    let shown = printable(&file.display().to_string(), PATH);
    match std::fs::symlink_metadata(file) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Ok(metadata) if metadata.file_type().is_symlink() => {
            return Err(format!(
                "--history {shown} is a link; backcheck only keeps its history in a file of its own"
            ));
        }
        _ => {}
    }
    let not_ours = || {
        format!(
            "--history {shown} is not a history file backcheck wrote, so it is neither read nor changed; give a new file name"
        )
    };
    let bytes = read_bounded(file, HISTORY_FILE_LIMIT).map_err(|error| match error {
        ReadError::TooLarge { .. } => not_ours(),
        error => printable(&error.to_string(), SENTENCE),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| not_ours())?;
    let mut lines = text.lines();
    if lines.next() != Some(HISTORY_HEADER) {
        return Err(not_ours());
    }
    Ok(Some(lines.map(str::to_string).collect()))
}

impl LineSource for EditorLines {
    fn read(&mut self, prompt: &str) -> Input {
        match self.editor.readline(prompt) {
            Ok(line) if line.len() > MAX_LINE => Input::TooLong,
            Ok(line) => Input::Line(line),
            Err(ReadlineError::Interrupted) => Input::Interrupted,
            Err(ReadlineError::Eof) => Input::Eof,
            Err(_) => Input::Eof,
        }
    }

    fn set_completions(&mut self, words: Vec<String>) {
        if let Some(helper) = self.editor.helper_mut() {
            helper.words = words;
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

    #[test]
    fn an_over_long_line_is_refused_and_the_next_one_read() {
        let mut bytes = vec![b'x'; MAX_LINE * 3];
        bytes.extend_from_slice(b"\nno\n");
        let mut lines = PipedLines::new(&bytes[..]);
        assert_eq!(lines.read(""), Input::TooLong);
        assert_eq!(lines.read(""), Input::Line("no".into()));
        assert_eq!(lines.read(""), Input::Eof);
    }

    #[test]
    fn a_line_without_end_ends_the_input() {
        let mut lines = PipedLines::new(std::io::BufReader::new(std::io::repeat(0)));
        assert_eq!(lines.read(""), Input::TooLong);
        assert_eq!(lines.read(""), Input::Eof);
    }
}
