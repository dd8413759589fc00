//! How a question and the help look on screen.

use std::fmt::Write as _;

use colored::Colorize;

use crate::compile::{Node, Question, QuestionKind, QuestionsLeft};
use crate::engine::Session;
use crate::report::Audience;

/// A question as shown: its text (a lettered list in it on lines of its
/// own), the clinical wording for a therapist, then the numbered answers.
pub fn question_text(node: &Node, question: &Question, audience: Audience) -> String {
    let mut out = String::new();
    let (intro, items) = lettered_list(&question.ask);
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
            numbered_answers(&mut out, question)
        }
        QuestionKind::Multiple { .. } => {
            numbered_answers(&mut out, question);
            let _ = writeln!(out, "  Choose all that apply, e.g. 1,3.");
        }
    }
    out
}

fn numbered_answers(out: &mut String, question: &Question) {
    for (i, answer) in question.answers().iter().enumerate() {
        let _ = writeln!(out, "  {}) {}", (i + 1).to_string().cyan(), answer.label);
    }
}

/// A question text holding a lettered list ("Does any apply? a) ... b) ...")
/// split into its opening and its items, so each item gets its own line and
/// the list is not mistaken for the numbered answers below it.
pub fn lettered_list(ask: &str) -> (&str, Vec<(char, &str)>) {
    let mut starts = Vec::new();
    let mut from = 0;
    for letter in 'a'..='z' {
        let marker = format!(" {letter}) ");
        match ask[from..].find(&marker) {
            Some(at) => {
                starts.push((letter, from + at));
                from += at + marker.len();
            }
            None => break,
        }
    }
    if starts.len() < 2 {
        return (ask, Vec::new());
    }
    let items = starts
        .iter()
        .enumerate()
        .map(|(i, &(letter, at))| {
            let end = starts.get(i + 1).map_or(ask.len(), |&(_, next)| next);
            (letter, ask[at + 4..end].trim())
        })
        .collect();
    (ask[..starts[0].1].trim_end(), items)
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

/// The commands `help` shows as examples, each with an answered yes/no
/// question 4 to work on (on the shipped knowledge, the saddle numbness
/// question). A test runs every one of them (tests/cli_chat.rs).
pub const HELP_EXAMPLES: &[&str] = &[
    "change 4 no",
    "change numb no",
    "whatif 4=yes",
    "save my-report.md",
];

/// What `help` (and `?`) shows.
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
        "  quit          leave (offering to save answers not saved yet)",
        "Tab completes commands, question numbers and answers. Ctrl-C clears the line;",
        "Ctrl-D leaves like `quit`. Nothing is written to disk unless you ask (`save`).",
        "",
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::lettered_list;

    #[test]
    fn a_lettered_list_is_split_into_items() {
        let (intro, items) = lettered_list("Does any apply? a) A fall. b) Cancer, now or before.");
        assert_eq!(intro, "Does any apply?");
        assert_eq!(
            items,
            vec![('a', "A fall."), ('b', "Cancer, now or before.")]
        );
        let (intro, items) = lettered_list("Is it a) sore?");
        assert_eq!((intro, items.len()), ("Is it a) sore?", 0));
    }
}
