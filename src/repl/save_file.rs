//! Saving in the conversation: `save [FILE]`, and the offer to save when the
//! person leaves (Ctrl-D or `quit`) with answers not yet saved. The writing
//! itself is [`crate::file_write`]'s; this is the talk around it: the name
//! says what is saved (`.json` the answers, `.md`, `.txt` or `.html` a
//! report; any other name is asked about), a file that exists is replaced
//! only after a clear question, a reply that means "no" or "yes" is not a
//! file name, and a save that fails can be tried again.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use colored::Colorize;

use super::conversation::Conversation;
use crate::file_write::{IfExists, folder_link, is_regular_file, write_file};
use crate::printable::{PATH, printable};
use crate::report::{ReportFormat, report_in};
use crate::terminal::{Input, LineSource, set_stop_note};

/// Where `save` writes when no file is named.
pub const DEFAULT_SAVE_FILE: &str = "backcheck-session.json";

/// Replies to "save as>" that mean leaving without saving, not a file name.
const NOT_SAVING: &[&str] = &[
    "no",
    "n",
    "nope",
    "no thanks",
    "none",
    "nothing",
    "don't",
    "dont",
    "skip",
    "cancel",
    "quit",
    "exit",
    "q",
    "leave",
];

/// Replies to "save as>" that mean "yes, save": under the suggested name,
/// not in a file called `yes`.
const SAVING: &[&str] = &[
    "yes", "y", "yeah", "yep", "sure", "ok", "okay", "please", "save",
];

/// What a save writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Saving {
    /// The session, to continue later (`--resume`).
    Answers,
    /// A report to read.
    Report(ReportFormat),
}

impl Saving {
    /// What `name` asks for by its extension; `None` when it does not say.
    fn of_name(name: &str) -> Option<Saving> {
        let path = Path::new(name);
        let json = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
        if json {
            return Some(Saving::Answers);
        }
        ReportFormat::of_name(path).map(Saving::Report)
    }
}

impl<W: Write> Conversation<'_, W> {
    /// Ctrl-D or `quit` on a terminal: answers are not lost without being asked.
    pub(super) fn offer_to_save(&mut self, lines: &mut impl LineSource) -> io::Result<()> {
        if self.session.answered() == 0 || self.saved {
            return Ok(());
        }
        writeln!(
            self.out,
            "\nSave your answers before leaving? Type a file name (e.g. {DEFAULT_SAVE_FILE}), or press Enter to leave without saving."
        )?;
        loop {
            self.out.flush()?;
            let name = match lines.read("save as> ") {
                Input::Line(name) => name,
                // Ctrl-C clears the line, as at any prompt; it does not
                // throw the answers away.
                Input::Interrupted => {
                    writeln!(
                        self.out,
                        "(Line cleared. Type a file name, or press Enter to leave without saving.)"
                    )?;
                    continue;
                }
                Input::Unreadable | Input::TooLong => {
                    writeln!(
                        self.out,
                        "That is not a file name. Type another, or press Enter to leave without saving."
                    )?;
                    continue;
                }
                Input::Eof => return Ok(()),
            };
            let name = name.trim();
            if name.is_empty() {
                return Ok(());
            }
            let reply = name.to_lowercase();
            if NOT_SAVING.contains(&reply.as_str()) {
                // Leaving an unfinished assessment says so itself.
                if self.session.is_complete() {
                    writeln!(self.out, "Not saved.")?;
                }
                return Ok(());
            }
            let name = (!SAVING.contains(&reply.as_str())).then_some(name);
            if self.save(name, lines)? {
                return Ok(());
            }
            writeln!(
                self.out,
                "Type another file name, or press Enter to leave without saving."
            )?;
        }
    }

    /// `save [FILE]`: the session as JSON for `.json` (and with no name), a
    /// report for `.md`, `.txt` or `.html`; any other name is asked about.
    /// Whether it was saved.
    pub(super) fn save(
        &mut self,
        file: Option<&str>,
        lines: &mut impl LineSource,
    ) -> io::Result<bool> {
        let file = file.unwrap_or(DEFAULT_SAVE_FILE);
        let (file, saving) = match Saving::of_name(file) {
            Some(saving) => (file.to_string(), saving),
            None => match self.which_to_save(file, lines)? {
                Some(chosen) => chosen,
                None => return Ok(false),
            },
        };
        let file = file.as_str();
        let shown = printable(file, PATH);
        let path = Path::new(file);
        let contents = match saving {
            Saving::Report(format) => report_in(
                format,
                &self.session,
                self.options.audience,
                std::time::SystemTime::now(),
            ),
            Saving::Answers => match serde_json::to_string_pretty(&self.session.to_saved()) {
                Ok(json) => json + "\n",
                Err(error) => {
                    writeln!(self.out, "Could not save: {error}")?;
                    return Ok(false);
                }
            },
        };
        let is_report = saving != Saving::Answers;
        let path_buf = PathBuf::from(file);
        // A file this conversation saved is its own to update.
        let mut if_exists = if self.saved_files.contains(&path_buf) {
            IfExists::Replace
        } else {
            IfExists::Refuse
        };
        if if_exists == IfExists::Refuse && is_regular_file(path) {
            if !self.replace_confirmed(&shown, lines)? {
                writeln!(self.out, "{shown} was left as it was. Nothing was saved.")?;
                return Ok(false);
            }
            if_exists = IfExists::Replace;
        }
        match write_file(path, contents.as_bytes(), if_exists) {
            Ok(()) => {
                self.saved = true;
                set_stop_note(format!(
                    "The answers since your last save (to {shown}) were not saved."
                ));
                if !self.saved_files.contains(&path_buf) {
                    self.saved_files.push(path_buf);
                }
                if is_report {
                    writeln!(self.out, "Report saved to {shown}.")?;
                } else {
                    writeln!(
                        self.out,
                        "Answers saved to {shown}. Continue later with: backcheck chat --resume {}",
                        shell_word(&shown)
                    )?;
                }
                if let Some((link, real)) = folder_link(path) {
                    writeln!(
                        self.out,
                        "({} is a link: the file is in {}.)",
                        printable(&link.display().to_string(), PATH),
                        printable(&real.display().to_string(), PATH)
                    )?;
                }
                Ok(true)
            }
            Err(error) => {
                writeln!(
                    self.out,
                    "{}",
                    format!("Could not save to {shown}: {error}").yellow()
                )?;
                Ok(false)
            }
        }
    }

    /// A name that does not say what to save (`save report`): the person
    /// is asked, and a name without extension gets the one chosen. Piped
    /// input has no one to ask: nothing is saved, and the message says how.
    fn which_to_save(
        &mut self,
        name: &str,
        lines: &mut impl LineSource,
    ) -> io::Result<Option<(String, Saving)>> {
        let bare = Path::new(name).extension().is_none();
        let named = |extension: &str| {
            if bare {
                format!("{name}.{extension}")
            } else {
                name.to_string()
            }
        };
        let (answers, report) = (named("json"), named("md"));
        let (shown_answers, shown_report) = (printable(&answers, PATH), printable(&report, PATH));
        if !lines.is_interactive() {
            writeln!(
                self.out,
                "{}",
                format!(
                    "Could not save to {}: the name does not say what to save. Type `save {shown_answers}` for your answers (to continue later), or `save {shown_report}` for a report to read.",
                    printable(name, PATH)
                )
                .yellow()
            )?;
            return Ok(None);
        }
        writeln!(
            self.out,
            "Save your answers to continue later ({shown_answers}), or a report to read ({shown_report})? Type `answers` or `report`; anything else saves nothing."
        )?;
        self.out.flush()?;
        let chosen = match lines.read("answers or report? ") {
            Input::Line(reply) => match reply.trim().to_lowercase().as_str() {
                "answers" | "answer" | "a" | "json" => Some((answers, Saving::Answers)),
                "report" | "r" | "md" => Some((report, Saving::Report(ReportFormat::Markdown))),
                _ => None,
            },
            _ => None,
        };
        if chosen.is_none() {
            writeln!(self.out, "Not saved.")?;
        }
        Ok(chosen)
    }

    /// Asks before replacing a file. Piped input has no one to ask: the
    /// file is kept.
    fn replace_confirmed(&mut self, shown: &str, lines: &mut impl LineSource) -> io::Result<bool> {
        if !lines.is_interactive() {
            writeln!(
                self.out,
                "{}",
                format!("{shown} already exists and is not replaced; save under another name.")
                    .yellow()
            )?;
            return Ok(false);
        }
        writeln!(
            self.out,
            "{shown} already exists. Type `yes` to replace it, anything else to keep it."
        )?;
        self.out.flush()?;
        Ok(match lines.read("replace? ") {
            Input::Line(reply) => matches!(reply.trim().to_lowercase().as_str(), "yes" | "y"),
            _ => false,
        })
    }
}

/// `name` as one word a POSIX shell passes on as it is: quoted when it
/// holds anything but plain characters, and `./` before a relative name
/// that starts with `-` (or it would be read as an option).
fn shell_word(name: &str) -> String {
    let name = if name.starts_with('-') {
        format!("./{name}")
    } else {
        name.to_string()
    };
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./,:@%+=".contains(c));
    if plain {
        name
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn names_are_quoted_for_the_shell() {
        assert_eq!(shell_word("s.json"), "s.json");
        assert_eq!(shell_word("-rf.json"), "./-rf.json");
        assert_eq!(shell_word("my answers.json"), "'my answers.json'");
        assert_eq!(shell_word("it's.json"), "'it'\\''s.json'");
    }
}
