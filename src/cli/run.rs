//! `backcheck run`: one assessment from answers given up front, no prompts.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use super::parse_answers::parse_answers;
use super::report_file::{report_writable, write_report};
use crate::compile::{AnswerValue, Flow, NodeId};
use crate::engine::{Current, Session};
use crate::printable::printable_list;
use crate::report::{Audience, RunJson, outcome_text};

/// Walks the knowledge with `answers` (`id=value,...`): the outcome, as
/// text or JSON, or [`Exit::Incomplete`] with the next question.
pub fn run(
    answers: &str,
    json: bool,
    knowledge: Option<&Path>,
    report: Option<&Path>,
    force: bool,
    io: &mut Streams,
) -> Outcome {
    if let Some(file) = report {
        report_writable(file, force)?;
    }
    let flow = load(knowledge, io.colour)?;
    let given = parse_answers(flow, answers)?;
    // Answers the walk does not reach are kept: a warning sign told there is
    // still shown with the result.
    let session = Session::from_answers(flow, &given);
    report_unused(flow, &session, &given, io)?;
    if let Some(file) = report {
        write_report(&session, Audience::Lay, file, force)?;
    }
    let code = if session.is_complete() {
        Exit::Success
    } else {
        Exit::Incomplete
    };
    if json {
        let text = serde_json::to_string_pretty(&RunJson::of(&session))
            .map_err(|error| Failure::new(Exit::BadInput, format!("error: {error}")))?;
        writeln!(io.out, "{text}")?;
        return Ok(code);
    }
    match session.current() {
        Current::Outcome { .. } => {
            write!(io.out, "{}", outcome_text(&session, Audience::Lay))?;
            Ok(Exit::Success)
        }
        Current::Question {
            index, question, ..
        } => Err(Failure::new(
            Exit::Incomplete,
            format!(
                "incomplete: the next question is `{}`: {}\nvalid answers: {}",
                flow.short_id(index),
                question.ask,
                question.valid_answers().join(", ")
            ),
        )),
    }
}

/// Answers given for questions the walk did not reach are not silently
/// dropped: they are named on stderr (the result stands without them).
fn report_unused(
    flow: &Flow,
    session: &Session,
    given: &HashMap<NodeId, AnswerValue>,
    io: &mut Streams,
) -> Result<(), Failure> {
    let used: HashSet<NodeId> = session.answers().map(|(q, _)| q).collect();
    let mut unused: Vec<NodeId> = given
        .keys()
        .copied()
        .filter(|q| !used.contains(q))
        .collect();
    if unused.is_empty() {
        return Ok(());
    }
    unused.sort_unstable();
    let names: Vec<&str> = unused.iter().map(|&q| flow.short_id(q)).collect();
    let count = names.len();
    writeln!(
        io.err,
        "note: {count} answer{} not used, as {} not on this path: {}",
        if count == 1 { " was" } else { "s were" },
        if count == 1 {
            "its question is"
        } else {
            "their questions are"
        },
        printable_list(names, 10)
    )?;
    Ok(())
}
