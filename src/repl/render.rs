//! How a question and the help look on screen.

use std::fmt::Write as _;

use colored::Colorize;

use crate::compile::{Form, Node, Question};
use crate::engine::Session;
use crate::report::Audience;

pub fn question_text(node: &Node, question: &Question, audience: Audience) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", question.ask.bold());
    if audience == Audience::Therapist
        && let Some(clinical) = &node.clinical
    {
        let _ = writeln!(out, "{}", format!("[clinical] {clinical}").dimmed());
    }
    match question.form {
        Form::Number => {
            let (min, max) = question.range.unwrap_or((0, 0));
            let unit = question
                .unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            let _ = writeln!(out, "  Type a number from {min} to {max}{unit}.");
        }
        form => {
            for (i, answer) in question.answers.iter().enumerate() {
                let _ = writeln!(out, "  {}) {}", (i + 1).to_string().cyan(), answer.label);
            }
            if form == Form::Multiple {
                let _ = writeln!(out, "  Choose all that apply, e.g. 1,3.");
            }
        }
    }
    out
}

/// "Question 4 · about 6 to go (at most 19)": honest about the range.
pub fn progress_text(session: &Session) -> String {
    let left = session.questions_left();
    let number = session.answered() + 1;
    let to_go = match left.likely {
        Some(likely) if likely < left.max => {
            format!("about {likely} to go if all is well, at most {}", left.max)
        }
        Some(likely) => format!("{likely} to go"),
        None => format!("at most {} to go", left.max),
    };
    format!("\n{}\n", format!("Question {number} ({to_go})").dimmed())
}

/// The commands `help` shows as examples, each with an answered question 1
/// to work on. A test runs every one of them (tests/cli_chat.rs).
pub const HELP_EXAMPLES: &[&str] = &[
    "change 1 no",
    "change numb no",
    "whatif 1=yes",
    "save my-report.md",
];

pub fn help_text() -> String {
    let [change, change_words, what_if, save] = HELP_EXAMPLES else {
        return String::new();
    };
    [
        "",
        "Answer with the number or the words of an answer (\"2\", \"no\", \"not sure\").",
        "Commands:",
        "  why           why this question is asked, and its source",
        "  how           how your answers so far led here",
        "  summary       your answers so far, with their question numbers",
        "  back          undo your last answer",
        &format!("  change N A    give question N a new answer (e.g. `{change}`)"),
        &format!("                or name it by its words (e.g. `{change_words}`)"),
        "  whatif N=A    what another answer to question N would lead to, without",
        &format!("                changing anything (e.g. `{what_if}`)"),
        "  save [FILE]   save your answers (FILE.json, to resume later)",
        &format!("                or a report (e.g. `{save}`)"),
        "  restart       start again",
        "  quit          leave",
        "Tab completes commands, question numbers and answers. Ctrl-C clears the line;",
        "Ctrl-D leaves. Nothing you type is written to disk unless you ask (`save`).",
        "",
    ]
    .join("\n")
}
