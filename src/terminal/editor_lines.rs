//! A line editor on a terminal (rustyline), with Tab completion of what the
//! caller offers.

use std::path::{Path, PathBuf};

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Behavior, CompletionType, Config, Context, Editor, Helper};

use super::piped_lines::MAX_LINE;
use super::{Complete, Input, LineSource};
use crate::file_read::{ReadError, read_first_line, read_tail};
use crate::file_write::{IfExists, check_writable, write_file};
use crate::printable::{PATH, SENTENCE, printable};

/// The first line of a history file backcheck wrote: a file without it
/// was not made by `--history` and is neither read nor replaced.
const HISTORY_HEADER: &str = "# backcheck chat history: lines typed in `backcheck chat --history`. Delete it to forget them.";
/// The most lines kept in a history file.
const HISTORY_LINES: usize = 100;
/// The most of a history file read: its newest lines. What backcheck
/// writes is smaller (100 lines of at most 4096 bytes).
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
        EditorLines::with_behavior(history, Behavior::Stdio)
    }

    /// The editor drawing on the terminal itself (`/dev/tty`), not on
    /// stdout: for a command whose stdout is its result (`rehearse --json`).
    pub fn on_the_terminal(history: Option<&Path>) -> Result<EditorLines, String> {
        EditorLines::with_behavior(history, Behavior::PreferTerm)
    }

    fn with_behavior(history: Option<&Path>, behavior: Behavior) -> Result<EditorLines, String> {
        let earlier = match history {
            Some(file) => Some((file.to_path_buf(), read_history(file)?)),
            None => None,
        };
        // Ctrl-C between reads, SIGTERM and SIGHUP: see stop_signals.
        super::stop_signals::catch_stop_signals();
        // Tab lists the candidates (question numbers with their text) rather
        // than cycling through them one by one.
        // Lines are added to the history by `read`, once they are accepted:
        // a refused line is neither kept nor written.
        let config = Config::builder()
            .auto_add_history(false)
            .completion_type(CompletionType::List)
            .behavior(behavior)
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
        // Every entry was accepted by `read` (at most MAX_LINE bytes), so the
        // file stays well under HISTORY_FILE_LIMIT; a line holding a line
        // end (a paste) would come back as two, so it is left out.
        for line in self.editor.history().iter() {
            if line.len() > MAX_LINE || line.contains(['\n', '\r']) {
                continue;
            }
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
    let unreadable = |error: ReadError| printable(&error.to_string(), SENTENCE);
    let header = read_first_line(file, HISTORY_HEADER.len() as u64).map_err(unreadable)?;
    if header.as_deref() != Some(HISTORY_HEADER.as_bytes()) {
        return Err(not_ours());
    }
    // A file grown past its size (by hand, or by an older backcheck that
    // kept refused lines) is read from its newest end: the person keeps
    // their history rather than being refused it. The next save trims it.
    let bytes = read_tail(file, HISTORY_FILE_LIMIT).map_err(unreadable)?;
    let mut lines: Vec<String> = bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty() && line.len() <= MAX_LINE)
        .filter_map(|line| std::str::from_utf8(line).ok())
        .filter(|line| *line != HISTORY_HEADER)
        .map(|line| line.trim_end_matches('\r').to_string())
        .collect();
    let surplus = lines.len().saturating_sub(HISTORY_LINES);
    lines.drain(..surplus);
    Ok(Some(lines))
}

impl LineSource for EditorLines {
    fn read(&mut self, prompt: &str) -> Input {
        match self.editor.readline(prompt) {
            Ok(line) if line.len() > MAX_LINE => Input::TooLong,
            Ok(line) => {
                let _ = self.editor.add_history_entry(line.as_str());
                Input::Line(line)
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_history_file_grown_too_large_is_trimmed_not_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("h.txt");
        let mut text = format!("{HISTORY_HEADER}\n");
        for n in 0..400 {
            text.push_str(&format!("{n} {}\n", "x".repeat(4000)));
        }
        text.push_str(&"y".repeat(MAX_LINE + 1));
        text.push_str("\nlast\n");
        assert!(text.len() as u64 > HISTORY_FILE_LIMIT);
        std::fs::write(&file, &text).unwrap();
        let lines = read_history(&file).unwrap().unwrap();
        assert!(lines.len() <= HISTORY_LINES, "{} lines", lines.len());
        assert_eq!(lines.last().map(String::as_str), Some("last"));
        assert!(lines.iter().all(|line| line.len() <= MAX_LINE));
        assert!(lines.iter().any(|line| line.starts_with("399 ")));
    }

    #[test]
    fn a_file_without_the_header_is_still_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "my notes\n".repeat(200_000)).unwrap();
        assert!(read_history(&file).is_err());
    }
}
