//! A line editor on a terminal (rustyline), with Tab completion of what the
//! caller offers.

use std::path::{Path, PathBuf};

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};

use super::piped_lines::MAX_LINE;
use super::{Complete, Input, LineSource};
use crate::file_read::{ReadError, read_bounded};
use crate::file_write::{IfExists, check_writable, write_file};
use crate::printable::{PATH, SENTENCE, printable};

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
    editor: Editor<TabHelper, DefaultHistory>,
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
        // Ctrl-C between reads, SIGTERM and SIGHUP: see stop_signals.
        super::stop_signals::catch_stop_signals();
        // Tab lists the candidates (question numbers with their text) rather
        // than cycling through them one by one.
        let config = Config::builder()
            .auto_add_history(true)
            .completion_type(CompletionType::List)
            .max_history_size(HISTORY_LINES)
            .map_err(|error| error.to_string())?
            .build();
        let mut editor = Editor::with_config(config)
            .map_err(|error| format!("cannot use the terminal: {error}"))?;
        editor.set_helper(Some(TabHelper::default()));
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
        // Found out now, not when the conversation ends.
        if let Some((file, if_exists)) = &history {
            check_writable(file, *if_exists).map_err(|error| {
                format!(
                    "cannot keep the history in {}: {}",
                    printable(&file.display().to_string(), PATH),
                    printable(&error.to_string(), SENTENCE)
                )
            })?;
        }
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

    fn set_completion(&mut self, completion: Box<dyn Complete>) {
        if let Some(helper) = self.editor.helper_mut() {
            helper.completion = Some(completion);
        }
    }

    fn is_interactive(&self) -> bool {
        true
    }
}

/// What rustyline asks of a helper; only completion does anything.
#[derive(Default)]
struct TabHelper {
    completion: Option<Box<dyn Complete>>,
}

impl Completer for TabHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let Some(completion) = &self.completion else {
            return Ok((0, Vec::new()));
        };
        let typed = line.get(..pos).unwrap_or(line);
        let (start, candidates) = completion.complete(typed);
        let pairs = candidates
            .into_iter()
            .map(|c| Pair {
                display: c.display,
                replacement: c.replacement,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for TabHelper {
    type Hint = String;
}
impl Highlighter for TabHelper {}
impl Validator for TabHelper {}
impl Helper for TabHelper {}
