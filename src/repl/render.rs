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

pub fn help_text() -> String {
    "\nAnswer with the number or the words of an answer (\"2\", \"no\", \"not sure\").\n\
     Commands:\n  \
     why             why this question is asked, and its source\n  \
     how             how the answers so far lead here\n  \
     back            undo your last answer\n  \
     change Q A      change your answer to question Q (e.g. `change radiation none`)\n  \
     summary         your answers and the notes so far\n  \
     whatif Q=A      what another answer to question Q would change (nothing is changed)\n  \
     save [FILE]     save your answers (FILE.json, to resume later) or a report (FILE.md)\n  \
     restart         start again\n  \
     quit            leave\n\
     Tab completes commands and answers. Ctrl-C clears the line; Ctrl-D leaves.\n\
     Privacy: nothing you type is written to disk unless you ask for it (`save`).\n"
        .to_string()
}
