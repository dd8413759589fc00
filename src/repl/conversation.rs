//! The conversation loop: one line in, one rendering out.

use std::io::{self, Write};

use colored::Colorize;

use super::command::{CHAT_COMMANDS, Command};
use super::completion::{AnsweredQuestion, Completions};
use super::render::{help_text, progress_text, question_text};
use super::wrapped::{Width, Wrapped};
use crate::compile::{Flow, NodeId, QuestionsLeft};
use crate::engine::{AnswerError, CheckReason, Current, Heard, Session, shorten};
use crate::report::{
    Audience, addressed, asked_again_text, check_back_text, how_text, outcome_text, said_words,
    source_words, what_if_for,
};
use crate::terminal::{Input, LineSource, MAX_LINE};

#[derive(Debug, Clone, Copy, Default)]
pub struct ChatOptions {
    pub audience: Audience,
    /// How wide lines may be (the terminal's width by default).
    pub width: Width,
}

/// A person's conversation with the assistant, writing to `out`.
pub struct Conversation<'f, W: Write> {
    pub(super) session: Session<'f>,
    pub(super) options: ChatOptions,
    pub(super) out: Wrapped<W>,
    /// The sections whose heading has been shown: each shows once, so
    /// headings never repeat or go back and forth.
    announced: Vec<usize>,
    /// The progress at the last question shown: the number of answers then,
    /// and how many questions were left.
    last_progress: Option<(usize, QuestionsLeft)>,
    /// Whether the answers as they stand were saved.
    pub(super) saved: bool,
    /// The files this conversation saved to: updating one needs no question.
    pub(super) saved_files: Vec<std::path::PathBuf>,
    /// The report written when the conversation ends (`chat --report`), as shown.
    report_file: Option<String>,
    /// Said right under the greeting (what was resumed), where it is seen.
    greeting_notes: Vec<String>,
}

impl<'f, W: Write> Conversation<'f, W> {
    pub fn new(flow: &'f Flow, options: ChatOptions, out: W) -> Self {
        Self::resume(Session::new(flow), options, out)
    }

    pub fn resume(session: Session<'f>, options: ChatOptions, out: W) -> Self {
        Conversation {
            session,
            options,
            out: Wrapped::new(out, options.width),
            announced: Vec::new(),
            last_progress: None,
            saved: false,
            saved_files: Vec::new(),
            report_file: None,
            greeting_notes: Vec::new(),
        }
    }

    /// A line said under the greeting, before the first question (what a
    /// resumed session holds).
    pub fn add_greeting_note(&mut self, note: String) {
        self.greeting_notes.push(note);
    }

    /// A report of the session is written to `file` when the conversation
    /// ends: leaving says so rather than "Nothing was saved".
    pub fn will_report_to(&mut self, file: &std::path::Path) {
        self.report_file = Some(crate::printable::printable(
            &file.display().to_string(),
            crate::printable::PATH,
        ));
    }

    pub fn session(&self) -> &Session<'f> {
        &self.session
    }

    /// Talks until the person quits or the input ends.
    pub fn run(&mut self, lines: &mut impl LineSource) -> io::Result<()> {
        if !lines.is_interactive() && self.options.width == Width::Terminal {
            self.out.set_width(Width::Unwrapped);
        }
        self.greet()?;
        self.show_current()?;
        loop {
            lines.set_completion(Box::new(self.completions()));
            let prompt = if self.session.is_complete() {
                "done> "
            } else {
                "> "
            };
            self.out.flush()?;
            match lines.read(prompt) {
                Input::Eof => {
                    if lines.is_interactive() {
                        self.offer_to_save(lines)?;
                    }
                    return self.leave();
                }
                Input::Interrupted => writeln!(
                    self.out,
                    "(Line cleared. Your answers are kept. Type `quit` to leave.)"
                )?,
                Input::TooLong => {
                    writeln!(
                        self.out,
                        "That line is longer than {MAX_LINE} bytes and was not read. Please type a shorter answer."
                    )?;
                    self.show_current()?;
                }
                Input::Unreadable => {
                    writeln!(
                        self.out,
                        "That line could not be read as text. Please type your answer again."
                    )?;
                    self.show_current()?;
                }
                Input::Line(line) => {
                    if !lines.is_interactive() && !line.trim().is_empty() {
                        // Piped answers are not echoed by a terminal; show them.
                        writeln!(self.out, "> {}", shorten(line.trim()))?;
                    }
                    if !self.handle(&line, lines)? {
                        if lines.is_interactive() {
                            self.offer_to_save(lines)?;
                        }
                        return self.leave();
                    }
                }
            }
        }
    }

    fn greet(&mut self) -> io::Result<()> {
        let meta = &self.session.flow().meta();
        writeln!(self.out, "{} (version {})", meta.title.bold(), meta.version)?;
        if let Some(disclaimer) = &meta.disclaimer {
            writeln!(self.out, "{disclaimer}")?;
        }
        writeln!(self.out, "Type `help` for commands at any time.")?;
        for note in &self.greeting_notes {
            writeln!(self.out, "{note}")?;
        }
        Ok(())
    }

    fn leave(&mut self) -> io::Result<()> {
        if !self.session.is_complete() && !self.saved {
            match self.saved_files.last() {
                Some(file) => writeln!(
                    self.out,
                    "\nThe assessment was not finished. The answers since your last save (to {}) were not saved.",
                    crate::printable::printable(&file.to_string_lossy(), crate::printable::PATH)
                )?,
                None => match &self.report_file {
                    Some(report) => writeln!(
                        self.out,
                        "\nThe assessment was not finished. Your answers so far go into the report ({report}); they were not saved to continue later."
                    )?,
                    None => writeln!(
                        self.out,
                        "\nThe assessment was not finished. Nothing was saved."
                    )?,
                },
            }
        }
        writeln!(self.out, "Goodbye. Take care.")
    }

    /// Acts on one line; `false` means the person wants to leave.
    fn handle(&mut self, line: &str, lines: &mut impl LineSource) -> io::Result<bool> {
        match Command::parse(line) {
            Command::Quit => return Ok(false),
            Command::Help => write!(self.out, "{}", help_text())?,
            Command::Why => self.why()?,
            Command::How => write!(
                self.out,
                "\n{}",
                how_text(&self.session, self.options.audience)
            )?,
            Command::Summary => self.summary()?,
            Command::Back => match self.session.back() {
                Some(_) => {
                    self.saved = false;
                    writeln!(self.out, "Your last answer was undone.")?;
                    self.show_current()?;
                }
                None => writeln!(self.out, "There is no answer to undo yet.")?,
            },
            Command::Restart => {
                self.session.restart();
                self.announced.clear();
                writeln!(
                    self.out,
                    "Starting again. Your earlier answers were cleared."
                )?;
                self.show_current()?;
            }
            Command::Change(request) => self.change(&request)?,
            Command::Save(file) => {
                self.save(file.as_deref(), lines)?;
            }
            Command::WhatIf(request) => writeln!(
                self.out,
                "{}",
                what_if_for(&self.session, &request, self.options.audience)
            )?,
            Command::Answer(text) if text.is_empty() => {}
            Command::Answer(text) => self.answer(&text)?,
        }
        Ok(true)
    }

    fn answer(&mut self, text: &str) -> io::Result<()> {
        if self.session.is_complete() {
            return writeln!(
                self.out,
                "The assessment is complete. Type `how`, `back`, `restart` or `quit`."
            );
        }
        let asked = match self.session.current() {
            Current::Question { question, .. } => Some(question),
            Current::Outcome { .. } => None,
        };
        match self.session.answer_text(text) {
            Ok(Heard::CheckBack(_) | Heard::Declined) => self.show_current(),
            Err(AnswerError::NotConfirmed) => {
                writeln!(
                    self.out,
                    "{}",
                    AnswerError::NotConfirmed.to_string().yellow()
                )?;
                self.show_current()
            }
            Ok(Heard::Recorded(understood)) => {
                self.saved = false;
                // Anything but an option as shown is said back, so a misreading can be undone.
                if let Some(question) = asked.filter(|_| !understood.is_exact()) {
                    let words = said_words(&self.session, question, understood.value());
                    writeln!(self.out, "{}", format!("→ {words}").dimmed())?;
                }
                self.show_current()
            }
            Err(AnswerError::HelpWanted) => {
                write!(self.out, "{}", help_text())?;
                self.why()?;
                self.show_current()
            }
            Err(error) => {
                // At a check-back the question shown is the check's.
                let text = match asked.filter(|_| self.session.pending_check().is_none()) {
                    Some(question) => asked_again_text(question, &error),
                    None => error.to_string(),
                };
                writeln!(self.out, "{}", text.yellow())?;
                self.show_current()
            }
        }
    }

    /// `change N ANSWER`: N as shown on screen, or words of the question.
    fn change(&mut self, request: &str) -> io::Result<()> {
        let flow = self.session.flow();
        let (question, answer) = match self.session.find_answered_with_answer(request) {
            Ok(found) => found,
            Err(error) => {
                let example = if self.session.answered() > 0 {
                    "\nWrite `change NUMBER ANSWER`, e.g. `change 1 no`; `summary` shows the numbers."
                } else {
                    ""
                };
                return writeln!(self.out, "{}{example}", error.to_string().yellow());
            }
        };
        let number = self.session.question_number(question).unwrap_or_default();
        let Some(asked) = flow.question(question) else {
            return Ok(());
        };
        if answer.is_empty() {
            writeln!(
                self.out,
                "Say the new answer too, e.g. `change {number} {}`. Question {number} was:",
                asked
                    .answers()
                    .first()
                    .map_or("2", |a| a.label.as_str())
                    .to_lowercase()
            )?;
            let node = flow.node(question);
            return write!(
                self.out,
                "{}",
                question_text(&self.session, node, asked, self.options.audience)
            );
        }
        let before: Vec<(NodeId, usize)> = self
            .session
            .numbered_answers()
            .map(|(n, q, _)| (q, n))
            .collect();
        match self.session.change(question, &answer) {
            Ok(dropped) => {
                self.saved = false;
                let words = self
                    .session
                    .answer_to(question)
                    .map(|value| said_words(&self.session, asked, value))
                    .unwrap_or_default();
                writeln!(
                    self.out,
                    "Changed your answer to question {number} to \"{words}\"."
                )?;
                if !dropped.is_empty() {
                    let numbers: Vec<String> = dropped
                        .iter()
                        .filter_map(|q| before.iter().find(|(b, _)| b == q))
                        .map(|(_, n)| n.to_string())
                        .collect();
                    let removed = match &numbers[..] {
                        [one] => format!(
                            "Your answer to question {one} no longer applies and was removed."
                        ),
                        _ => format!(
                            "Your answers to questions {} no longer apply and were removed.",
                            numbers.join(", ")
                        ),
                    };
                    writeln!(self.out, "{removed}")?;
                }
                self.show_current()
            }
            Err(error) => writeln!(self.out, "{}", error.to_string().yellow()),
        }
    }

    fn why(&mut self) -> io::Result<()> {
        let node = match self.session.current() {
            Current::Question { node, .. } | Current::Outcome { node, .. } => node,
        };
        match &node.why {
            Some(why) => writeln!(self.out, "\nWhy: {}", addressed(&self.session, why))?,
            None => writeln!(self.out, "\nNo reason is recorded for this step.")?,
        }
        for source in &node.sources {
            writeln!(
                self.out,
                "Source: {}",
                source_words(source, self.options.audience)
            )?;
        }
        Ok(())
    }

    fn summary(&mut self) -> io::Result<()> {
        let flow = self.session.flow();
        writeln!(self.out, "\nYour answers so far:")?;
        let mut any = false;
        for (number, q, value) in self.session.numbered_answers() {
            if let Some(question) = flow.question(q) {
                any = true;
                let under = " ".repeat(number.to_string().len() + 4);
                let ask = addressed(&self.session, &question.ask);
                writeln!(self.out, "  {number}. {ask}")?;
                writeln!(
                    self.out,
                    "{under}You said: {}",
                    said_words(&self.session, question, value).bold()
                )?;
            }
        }
        if any {
            writeln!(
                self.out,
                "To change one: `change NUMBER ANSWER`, e.g. `change 1 no`."
            )?;
        } else {
            writeln!(self.out, "  (none yet)")?;
        }
        let notes = self.session.notes();
        if !notes.is_empty() {
            writeln!(self.out, "Notes for the massage:")?;
            for (_, note) in notes {
                writeln!(self.out, "  - {}", note.lay)?;
            }
        }
        Ok(())
    }

    fn show_current(&mut self) -> io::Result<()> {
        let audience = self.options.audience;
        match self.session.current() {
            // A reading held back for the answer just given: only the check.
            Current::Question { index, .. }
                if self.session.pending_check().is_some_and(|check| {
                    check.question != index || check.reason != CheckReason::Mentioned
                }) =>
            {
                if let Some(text) = check_back_text(&self.session) {
                    writeln!(self.out, "\n{} Please type yes or no.", text.bold())?;
                }
                Ok(())
            }
            Current::Question { node, question, .. } => {
                if let Some(section) = node.section
                    && !self.announced.contains(&section)
                {
                    self.announced.push(section);
                    let flow = self.session.flow();
                    if let Some(section) = flow.sections().get(section) {
                        writeln!(self.out, "\n--- {} ---", section.title.cyan().bold())?;
                    }
                }
                let answered = self.session.answered();
                let left = self.session.questions_left();
                let before = self
                    .last_progress
                    .filter(|(then, _)| *then + 1 == answered)
                    .map(|(_, left)| left);
                self.last_progress = Some((answered, left));
                write!(self.out, "{}", progress_text(&self.session, before))?;
                if let Some(said) = self.session.said_earlier() {
                    writeln!(self.out, "(Earlier you said \u{201c}{said}\u{201d}.)")?;
                }
                write!(
                    self.out,
                    "{}",
                    question_text(&self.session, node, question, audience)
                )?;
                // A finding mentioned earlier, offered as already said.
                if let Some(text) = check_back_text(&self.session) {
                    writeln!(
                        self.out,
                        "{} Type yes or no, or answer the question.",
                        text.bold()
                    )?;
                }
                Ok(())
            }
            Current::Outcome { .. } => {
                write!(self.out, "{}", outcome_text(&self.session, audience))?;
                writeln!(
                    self.out,
                    "\nType `how` to see how we got here, `back` to change your last answer, `restart` or `quit`."
                )
            }
        }
    }

    fn completions(&self) -> Completions {
        let mut words: Vec<String> = CHAT_COMMANDS.iter().map(|c| c.name.to_string()).collect();
        if let Current::Question { question, .. } = self.session.current() {
            words.extend(answer_choices(question));
        }
        let flow = self.session.flow();
        let answered = self
            .session
            .numbered_answers()
            .filter_map(|(number, q, _)| {
                let question = flow.question(q)?;
                Some(AnsweredQuestion {
                    number,
                    ask: question.ask.to_string(),
                    answers: answer_choices(question),
                })
            })
            .collect();
        Completions { words, answered }
    }
}

/// The words a person can type for each answer, as shown: `not sure`, `below my knee, into the calf or foot`.
fn answer_choices(question: &crate::compile::Question) -> Vec<String> {
    question
        .answers()
        .iter()
        .map(|answer| answer.label.to_lowercase().to_string())
        .collect()
}
