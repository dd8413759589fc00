//! `backcheck chat` (and no command at all): the conversation, on the line
//! editor at a terminal or on piped lines, optionally resumed from a saved
//! session and ended with a report.

use std::path::Path;

use super::args::ChatArgs;
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use super::report_file::{report_writable, write_report};
use super::{Input, Streams};
use crate::compile::Flow;
use crate::engine::{SavedSession, Session};
use crate::file_read::{ReadError, SESSION_FILE_LIMIT, read_bounded};
use crate::printable::{PATH, SENTENCE, printable, printable_list};
use crate::repl::{ChatOptions, Conversation};
use crate::terminal::{EditorLines, PipedLines};

/// Talks through an assessment with the person (or script) at `input`.
pub fn chat(args: &ChatArgs, io: &mut Streams, input: Input) -> Outcome {
    if args.force && args.resume.is_none() && args.report.is_none() {
        return Err(Failure::new(
            Exit::BadInput,
            "error: --force applies to --resume or --report; neither was given",
        ));
    }
    // The line editor's history is kept only at a terminal: a script's
    // lines are not typed, and ignoring the option silently would let the
    // person believe it is kept.
    if args.history.is_some() && matches!(input, Input::Piped(_)) {
        return Err(Failure::new(
            Exit::BadInput,
            "error: --history keeps what is typed at a terminal, and standard input is not one (it is piped); leave --history out",
        ));
    }
    // Found out now, not after the whole conversation.
    if let Some(file) = &args.report {
        report_writable(file, args.force)?;
    }
    let flow = load(args.knowledge.dir(), io.colour)?;
    let options = ChatOptions {
        audience: args.audience,
        ..ChatOptions::default()
    };
    let (session, notes) = match &args.resume {
        Some(file) => resume(flow, file, args.force)?,
        None => (Session::new(flow), Vec::new()),
    };
    let mut conversation = Conversation::resume(session, options, &mut *io.out);
    for note in notes {
        conversation.add_greeting_note(note);
    }
    if let Some(file) = &args.report {
        conversation.will_report_to(file);
    }
    let result = match input {
        Input::Terminal => {
            let mut lines = EditorLines::new(args.history.as_deref()).map_err(|error| {
                Failure::new(
                    Exit::BadInput,
                    format!("error: {}", printable(&error, SENTENCE)),
                )
            })?;
            let result = conversation.run(&mut lines);
            if let Err(error) = lines.save_history() {
                let _ = writeln!(io.err, "{}", printable(&error, SENTENCE));
            }
            result
        }
        Input::Piped(reader) => conversation.run(&mut PipedLines::new(reader)),
    };
    if let Some(file) = &args.report {
        write_report(conversation.session(), options.audience, file, args.force)?;
    }
    result?;
    Ok(Exit::Success)
}

/// Reads a saved session and replays it, with what to tell the person of
/// it (said under the greeting). The file is only read, never changed.
fn resume<'f>(
    flow: &'f Flow,
    file: &Path,
    force: bool,
) -> Result<(Session<'f>, Vec<String>), Failure> {
    let shown = printable(&file.display().to_string(), PATH);
    let cannot = |reason: String| {
        Failure::new(
            Exit::BadInput,
            format!(
                "error: cannot resume {shown}: {}",
                printable(&reason, SENTENCE)
            ),
        )
    };
    let text = read_bounded(file, SESSION_FILE_LIMIT).map_err(|error| match error {
        ReadError::Io { error, .. } => cannot(error.to_string()),
        ReadError::NotRegular { .. } => {
            cannot("it is not a regular file (a folder, a pipe or a device?)".into())
        }
        ReadError::TooLarge { limit, .. } => cannot(format!(
            "it is larger than {} MiB, more than a saved session holds",
            limit >> 20
        )),
    })?;
    let saved: SavedSession = serde_json::from_slice(&text).map_err(|error| {
        // serde's own words ("invalid type: integer, expected a string")
        // are for programmers; the place is what helps.
        cannot(format!(
            "it is not a backcheck session file (unexpected content at line {}, column {})",
            error.line(),
            error.column()
        ))
    })?;
    let (session, not_replayed) = saved
        .resume(flow, force)
        .map_err(|error| cannot(error.to_string()))?;
    let mut notes = vec![format!(
        "Resumed {} answer(s) from {shown}.",
        session.answered()
    )];
    if !not_replayed.is_empty() {
        let names: Vec<String> = not_replayed
            .iter()
            .map(|a| format!("{}={}", a.question, a.answer))
            .collect();
        notes.push(format!(
            "These saved answers no longer fit the knowledge and were not used: {}",
            printable_list(names.iter().map(String::as_str), 10)
        ));
    }
    Ok((session, notes))
}
