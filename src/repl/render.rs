//! How a question and the help look on screen.

use std::fmt::Write as _;

use colored::Colorize;

use super::command::CHAT_COMMANDS;
use crate::compile::{Node, Question, QuestionKind, QuestionsLeft};
use crate::engine::Session;
use crate::report::{Audience, addressed, lettered_list};

/// A question as shown: its text (a lettered list in it on lines of its
/// own; "they" for "you" when someone answers for the person, see
/// [`addressed`]), the clinical wording for a therapist, then the numbered
/// answers.
pub fn question_text(
    session: &Session,
    node: &Node,
    question: &Question,
    audience: Audience,
) -> String {
    let mut out = String::new();
    let ask = addressed(session, &question.ask);
    let (intro, items) = lettered_list(&ask);
    let _ = writeln!(out, "{}", intro.bold());
    for (letter, item) in items {
        let _ = writeln!(out, "    {letter}) {item}");
    }
    if audience == Audience::Therapist
        && let Some(clinical) = &node.clinical
    {
        let _ = writeln!(out, "{}", format!("[clinical] {clinical}").dimmed());
    }
    match &question.kind {
        QuestionKind::Number {
            range: (min, max),
            unit,
            ..
        } => {
            let unit = unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            let _ = writeln!(out, "  Type a number from {min} to {max}{unit}.");
        }
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {
            numbered_answers(&mut out, session, question)
        }
        QuestionKind::Multiple { .. } => {
            numbered_answers(&mut out, session, question);
            let _ = writeln!(out, "  Choose all that apply, e.g. 1,3.");
        }
    }
    out
}

fn numbered_answers(out: &mut String, session: &Session, question: &Question) {
    for (i, answer) in question.answers().iter().enumerate() {
        let label = addressed(session, &answer.label);
        let _ = writeln!(out, "  {}) {label}", (i + 1).to_string().cyan());
    }
}

/// "Question 4 (about 6 to go if all is well, at most 19)": honest about the
/// range. `before` is what was left at the question just answered: when more
/// are left now than then, less the one answered, the line says why.
pub fn progress_text(session: &Session, before: Option<QuestionsLeft>) -> String {
    let left = session.questions_left();
    let number = session.answered() + 1;
    let to_go = match left.likely {
        Some(likely) if likely < left.max => {
            format!("about {likely} to go if all is well, at most {}", left.max)
        }
        Some(likely) => format!("{likely} to go"),
        None => format!("at most {} to go", left.max),
    };
    let mut text = format!("\n{}\n", format!("Question {number} ({to_go})").dimmed());
    if let Some(before) = before
        && shown_to_go(left) + 1 > shown_to_go(before)
    {
        text.push_str(&format!(
            "{}\n",
            "(More to go now: your last answer means we need to ask a little more.)".dimmed()
        ));
    }
    text
}

/// The number of questions to go that the progress line leads with.
fn shown_to_go(left: QuestionsLeft) -> u32 {
    left.likely.unwrap_or(left.max)
}

/// The width of `help`'s first column, where each command is shown typed.
const USAGE_WIDTH: usize = 14;

/// What `help` (and `?`) shows: a line or two for each command of
/// [`CHAT_COMMANDS`], in its order, between an opening and a closing.
pub fn help_text() -> String {
    let mut lines: Vec<String> = [
        "",
        "Answer with the number or the words of an answer (\"2\", \"no\", \"not sure\").",
        "Commands:",
    ]
    .map(String::from)
    .to_vec();
    for command in CHAT_COMMANDS {
        for (i, line) in command.help.iter().enumerate() {
            let usage = if i == 0 { command.usage } else { "" };
            lines.push(format!("  {usage:<USAGE_WIDTH$}{line}"));
        }
    }
    lines.extend(
        [
            "Tab completes commands, question numbers and answers. Ctrl-C clears the line;",
            "Ctrl-D leaves like `quit`. Nothing is written to disk unless you ask (`save`).",
            "",
        ]
        .map(String::from),
    );
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use std::mem::discriminant;

    use super::super::command::{CHAT_COMMANDS, Command};
    use super::{USAGE_WIDTH, help_text};

    /// The commands in `help`'s first column, as shown (`change N A`).
    fn usages_shown(help: &str) -> Vec<&str> {
        help.lines()
            .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
            .map(|line| line[2..2 + USAGE_WIDTH].trim())
            .collect()
    }

    /// Everything `help` quotes in backticks: examples and commands.
    fn quoted(help: &str) -> Vec<&str> {
        help.split('`').skip(1).step_by(2).collect()
    }

    #[test]
    fn everything_help_shows_parses_as_a_command() {
        let help = help_text();
        let usages = usages_shown(&help);
        assert_eq!(usages.len(), 9, "{help}");
        let quotes = quoted(&help);
        assert!(quotes.len() >= 6, "{help}");
        for typed in usages.into_iter().chain(quotes) {
            assert!(
                !matches!(Command::parse(typed), Command::Answer(_)),
                "help shows `{typed}`, which reads as an answer"
            );
        }
    }

    #[test]
    fn every_command_that_parses_is_in_help() {
        let help = help_text();
        let usages = usages_shown(&help);
        for row in CHAT_COMMANDS {
            let command = Command::parse(row.usage);
            if row.help.is_empty() {
                // Only `help` goes without a line: it is the whole text.
                assert_eq!(command, Command::Help, "`{}` is not in help", row.name);
                continue;
            }
            assert!(usages.contains(&row.usage), "`{}` is not in help", row.name);
            // Its aliases are other spellings of what help shows.
            for alias in row.aliases {
                assert_eq!(
                    discriminant(&Command::parse(alias)),
                    discriminant(&command),
                    "{alias}"
                );
            }
        }
        // No word that help's own text is made of calls a command help does not show.
        for word in help.split(|c: char| !c.is_alphanumeric()) {
            let command = Command::parse(word);
            if matches!(command, Command::Answer(_) | Command::Help) {
                continue;
            }
            let shown = usages
                .iter()
                .any(|usage| discriminant(&Command::parse(usage)) == discriminant(&command));
            assert!(shown, "`{word}` is a command that help does not show");
        }
    }
}
