//! `backcheck rehearse`: the vignette list, a review of the recorded
//! history, practice rounds or the nerve-root drill.

use std::io;
use std::path::Path;

use super::args::RehearseArgs;
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use super::{Input, Streams};
use crate::compile::Difficulty;
use crate::diagnostic::did_you_mean;
use crate::printable::{NAME, PATH, SENTENCE, printable};
use crate::rehearse::{
    History, HistoryError, MAX_DRILL_ITEMS, Played, Progress, RehearseOptions, VignetteFilter,
    all_items, class_table, class_text, listing, progress, read_lines, rehearse as rehearse_rounds,
    review_text,
};
use crate::repl::{Width, Wrapped};
use crate::terminal::{EditorLines, LineSource, PipedLines};

/// Therapist practice, talking with the person (or script) at `input`.
pub fn rehearse(args: &RehearseArgs, io: &mut Streams, input: Input) -> Outcome {
    let flow = load(args.knowledge.dir(), io.colour)?;
    if let Some(count) = args.drill
        && !(1..=MAX_DRILL_ITEMS).contains(&count)
    {
        return Err(Failure::new(
            Exit::BadInput,
            format!("error: --drill takes from 1 to {MAX_DRILL_ITEMS} items, not {count}"),
        ));
    }
    let filter = VignetteFilter {
        difficulty: args.difficulty.map(Difficulty::from),
        topic: args.topic,
    };
    if let Some(dir) = &args.class {
        return class(dir, args, io);
    }
    if args.list {
        // The topic is the kind of outcome: the answer, shown only when asked.
        let listed = listing(flow, &filter, args.outcomes);
        if args.json {
            let json = serde_json::to_string_pretty(&listed)
                .map_err(|error| Failure::new(Exit::BadInput, format!("error: {error}")))?;
            writeln!(io.out, "{json}")?;
        } else {
            for vignette in &listed {
                match vignette.topic {
                    Some(topic) => writeln!(
                        io.out,
                        "{}\t{}\t{}\t{topic}",
                        vignette.id, vignette.title, vignette.difficulty
                    )?,
                    None => writeln!(
                        io.out,
                        "{}\t{}\t{}",
                        vignette.id, vignette.title, vignette.difficulty
                    )?,
                }
            }
        }
        return Ok(Exit::Success);
    }
    if let Some(id) = &args.vignette
        && !flow.vignettes().iter().any(|v| &v.id == id)
    {
        let hint = did_you_mean(id, flow.vignettes().iter().map(|v| v.id.as_str()))
            .map(|h| format!(" ({})", printable(&h, SENTENCE)))
            .unwrap_or_default();
        return Err(Failure::new(
            Exit::BadInput,
            format!(
                "error: no vignette `{}`{hint}; see `backcheck rehearse --list`",
                printable(id, NAME)
            ),
        ));
    }
    // A review needs rounds to review: a missing history is said first.
    let recorded = match (args.review, &args.history) {
        (true, Some(file)) => read_lines(file).map_err(|error| history_failure(file, &error))?,
        _ => Vec::new(),
    };
    // Checked before the first round: a bad name fails now, not after an hour of practice.
    let history = match &args.history {
        Some(file) => Some(History::open(file).map_err(|error| history_failure(file, &error))?),
        None => None,
    };
    let mut replay = None;
    let mut drill_replay = None;
    let mut figures = None;
    if args.review {
        let rounds: Vec<_> = recorded
            .into_iter()
            .filter(|r| filter.keeps_recorded(r.difficulty.as_deref(), &r.topic))
            .collect();
        let figures_now = progress(&rounds, args.blind);
        let missed: Vec<String> = figures_now
            .replay_vignettes
            .iter()
            .filter(|id| flow.vignettes().iter().any(|v| &v.id == *id))
            .cloned()
            .collect();
        let bank = all_items(flow.root_table());
        let drill_missed: Vec<String> = figures_now
            .replay_drill
            .iter()
            .filter(|id| bank.iter().any(|item| &item.id == *id))
            .cloned()
            .collect();
        let mut text = review_text(&rounds, args.blind);
        if rounds.is_empty() {
            text.push_str("\nNothing to replay yet: play some rounds with --history first.\n");
        } else if missed.is_empty() && drill_missed.is_empty() {
            text.push_str(
                "\nNothing to replay: no vignette's latest round is below full marks and no\n\
                 drill item's latest answer is wrong. Well done; try `--seed N` for a fresh\n\
                 order, or the drill.\n",
            );
        } else {
            if !missed.is_empty() {
                text.push_str(&format!(
                    "\nReplaying the {} missed vignette{}: {}\n",
                    missed.len(),
                    if missed.len() == 1 { "" } else { "s" },
                    missed.join(", ")
                ));
            }
            if !drill_missed.is_empty() {
                text.push_str(&format!(
                    "\nThen the {} drill item{} last answered wrong.\n",
                    drill_missed.len(),
                    if drill_missed.len() == 1 { "" } else { "s" },
                ));
            }
        }
        if args.json {
            write!(io.err, "{text}")?;
        } else {
            write!(io.out, "{text}")?;
        }
        figures = Some(figures_now);
        if missed.is_empty() && drill_missed.is_empty() {
            if args.json {
                write_json(io, &review_json(figures.as_ref(), Played::default()))?;
            }
            return Ok(Exit::Success);
        }
        replay = Some(missed);
        drill_replay = Some(drill_missed);
    } else if args.drill.is_none() && !flow.vignettes().iter().any(|v| filter.keeps(flow, v)) {
        return Err(Failure::new(
            Exit::BadInput,
            "error: no vignette has that difficulty and topic; see `backcheck rehearse --list`",
        ));
    }
    let options = RehearseOptions {
        vignette: args.vignette.clone(),
        seed: args.seed,
        drill: args.drill,
        filter,
        replay,
        history,
        student: args.student.clone(),
        drill_replay,
    };
    // Wrapped at words for a person at a terminal; piped lines stay whole.
    let width = match input {
        Input::Terminal => Width::Terminal,
        Input::Piped(_) => Width::Unwrapped,
    };
    // With --json the conversation goes to stderr: stdout is the summary's.
    let talk_to: &mut dyn io::Write = if args.json {
        &mut *io.err
    } else {
        &mut *io.out
    };
    let mut out = Wrapped::new(talk_to, width);
    let played = talk(input, args.json, |lines| {
        rehearse_rounds(flow, &options, lines, &mut out)
    })?;
    drop(out);
    if args.json {
        // A drill prints its answers, rounds their summaries, a review both
        // with its figures: one JSON document on stdout either way.
        let json = if args.review {
            review_json(figures.as_ref(), played)
        } else if args.drill.is_some() {
            serde_json::to_value(&played.drill)
        } else {
            serde_json::to_value(&played.rounds)
        };
        write_json(io, &json)?;
    }
    Ok(Exit::Success)
}

/// `--review --json`: the history's figures, then what was replayed.
fn review_json(
    figures: Option<&Progress>,
    played: Played,
) -> Result<serde_json::Value, serde_json::Error> {
    Ok(serde_json::json!({
        "progress": serde_json::to_value(figures)?,
        "rounds": serde_json::to_value(&played.rounds)?,
        "drill": serde_json::to_value(&played.drill)?,
    }))
}

fn write_json(
    io: &mut Streams,
    json: &Result<serde_json::Value, serde_json::Error>,
) -> Result<(), Failure> {
    let text = json
        .as_ref()
        .map_err(|error| Failure::new(Exit::BadInput, format!("error: {error}")))
        .and_then(|value| {
            serde_json::to_string_pretty(value)
                .map_err(|error| Failure::new(Exit::BadInput, format!("error: {error}")))
        })?;
    writeln!(io.out, "{text}")?;
    Ok(())
}

/// `--class DIR`: every student's history in DIR, in one table.
fn class(dir: &Path, args: &RehearseArgs, io: &mut Streams) -> Outcome {
    let shown_dir = printable(&dir.display().to_string(), PATH);
    let entries = std::fs::read_dir(dir).map_err(|error| {
        Failure::new(
            Exit::BadInput,
            format!(
                "error: cannot read the class folder {shown_dir}: {}",
                printable(&error.to_string(), SENTENCE)
            ),
        )
    })?;
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        // Regular files only, links not followed: a class folder holds histories.
        .filter(|path| std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file()))
        .collect();
    files.sort();
    let mut histories = Vec::new();
    let mut unreadable = Vec::new();
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_lines(&file) {
            Ok(lines) => histories.push((name, lines)),
            Err(error) => unreadable.push((name, error.to_string())),
        }
    }
    if histories.is_empty() {
        return Err(Failure::new(
            Exit::BadInput,
            format!(
                "error: no rehearsal history in {shown_dir}: put one file per student there (`rehearse --history FILE --student NAME`)"
            ),
        ));
    }
    let table = class_table(&histories, unreadable, args.blind);
    if args.json {
        write_json(io, &serde_json::to_value(&table))?;
    } else {
        write!(io.out, "{}", class_text(&table))?;
    }
    Ok(Exit::Success)
}

fn history_failure(file: &Path, error: &HistoryError) -> Failure {
    Failure::new(
        Exit::BadInput,
        format!(
            "error: cannot keep the rehearsal history in {}: {}",
            printable(&file.display().to_string(), PATH),
            printable(&error.to_string(), SENTENCE)
        ),
    )
}

/// Runs `body` on the terminal's line editor, or on piped lines. With
/// `off_stdout` the editor draws its prompts on the terminal itself, so
/// stdout holds only what the command prints (`--json`).
fn talk<T>(
    input: Input,
    off_stdout: bool,
    body: impl FnOnce(&mut dyn LineSource) -> io::Result<T>,
) -> io::Result<T> {
    match input {
        Input::Terminal => {
            let mut lines = if off_stdout {
                EditorLines::on_the_terminal(None)
            } else {
                EditorLines::new(None)
            }
            .map_err(io::Error::other)?;
            body(&mut lines)
        }
        Input::Piped(reader) => body(&mut PipedLines::new(reader)),
    }
}
