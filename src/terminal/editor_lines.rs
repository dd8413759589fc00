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

use super::{Complete, Input, LineSource};

/// A line editor on a terminal, with tab completion of commands and answers.
/// History stays in memory: answers are health data and are not written to disk.
pub struct EditorLines {
    editor: Editor<TabHelper, DefaultHistory>,
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
        editor.set_helper(Some(TabHelper::default()));
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
