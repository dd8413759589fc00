//! The rehearsal conversation: rounds over vignettes and the nerve-root
//! drill, reading lines from a [`LineSource`] and writing text.

use std::io::{self, Write};

use colored::Colorize;
use std::time::Instant;

use super::danger::{MistakeClass, mistake_class};
use super::drill::{DrillItem, all_items, drill_items};
use super::history::{HISTORY_FORMAT, History, HistoryLine, now};
use super::played::{DrillAnswer, Played, RoundSummary, seconds};
use super::round::{ClientAnswer, Round};
use super::round_commands::{
    RevealCommand, RoundCommand, reveal_commands, reveal_help, round_help,
};
use super::score::{Commitment, Score};
use super::seeded_order::seeded_order;
use super::topic::{difficulty_word, topic_of};
use super::vignette_filter::VignetteFilter;
use crate::compile::{Flow, NodeId, Urgency, Verdict, Vignette};
use crate::engine::shorten;
use crate::report::how_text;
use crate::terminal::{Input, LineSource};

#[derive(Debug, Clone, Default)]
pub struct RehearseOptions {
    /// Only this vignette.
    pub vignette: Option<String>,
    /// Shuffle the vignettes (and drill items) reproducibly.
    pub seed: Option<u64>,
    /// Run the nerve-root drill instead of vignettes.
    pub drill: Option<usize>,
    /// Only vignettes of this difficulty and topic.
    pub filter: VignetteFilter,
    /// Only these vignettes (`--review` replays the missed ones).
    pub replay: Option<Vec<String>>,
    /// Record every round here (`--history FILE`), checked before the first.
    pub history: Option<History>,
    /// Who is practising (`--student NAME`), kept with every round.
    pub student: Option<String>,
    /// Only these drill items, after the vignettes (`--review` replays the
    /// items whose latest answer was wrong).
    pub drill_replay: Option<Vec<String>>,
}

/// Runs the rehearsal and returns the summary of every round played.
pub fn rehearse(
    flow: &Flow,
    options: &RehearseOptions,
    lines: &mut dyn LineSource,
    out: &mut impl Write,
) -> io::Result<Played> {
    if let Some(count) = options.drill {
        let items = drill_items(flow.root_table(), count, options.seed.unwrap_or(0));
        let drill = drill(flow, &items, options, lines, out)?;
        return Ok(Played {
            rounds: Vec::new(),
            drill,
        });
    }
    let kept: Vec<&Vignette> = flow
        .vignettes()
        .iter()
        .filter(|v| options.vignette.as_ref().is_none_or(|id| &v.id == id))
        .filter(|v| {
            options
                .replay
                .as_ref()
                .is_none_or(|ids| ids.contains(&v.id))
        })
        .filter(|v| options.filter.keeps(flow, v))
        .collect();
    let chosen: Vec<&Vignette> = match options.seed {
        Some(seed) => seeded_order(kept.len(), seed)
            .into_iter()
            .map(|i| kept[i])
            .collect(),
        None => kept,
    };
    if !chosen.is_empty() {
        writeln!(out, "{}", super::danger::SCORING_HELP)?;
    }
    let mut summaries = Vec::new();
    let mut stopped = false;
    for (n, vignette) in chosen.iter().enumerate() {
        writeln!(
            out,
            "\n=== Vignette {} of {}: \"{}\" ({}) ===",
            n + 1,
            chosen.len(),
            vignette.title.bold(),
            vignette.difficulty.word()
        )?;
        let (summary, carry_on) = round(flow, vignette, options, lines, out)?;
        summaries.push(summary);
        if !carry_on {
            stopped = true;
            break;
        }
    }
    let played: Vec<&Score> = summaries.iter().filter_map(|s| s.score.as_ref()).collect();
    if !played.is_empty() {
        let right = played.iter().filter(|s| s.verdict_right).count();
        let urgent_right = played
            .iter()
            .filter(|s| s.verdict_right && s.urgency_right)
            .count();
        let missed: usize = played.iter().map(|s| s.missed_red_flags.len()).sum();
        let points: u32 = played.iter().map(|s| s.points).sum();
        writeln!(
            out,
            "\nRounds scored: {}. Verdicts right: {right}. Verdict and urgency right: {urgent_right}. Red flags missed: {missed}. Points: {points}/{}.",
            played.len(),
            played.len() * 10
        )?;
    }
    let mut drill_answers = Vec::new();
    if let Some(ids) = &options.drill_replay
        && !ids.is_empty()
        && !stopped
    {
        let items: Vec<DrillItem> = all_items(flow.root_table())
            .into_iter()
            .filter(|item| ids.contains(&item.id))
            .collect();
        if !items.is_empty() {
            writeln!(out, "\nThe drill items last answered wrong, again:")?;
            drill_answers = drill(flow, &items, options, lines, out)?;
        }
    }
    Ok(Played {
        rounds: summaries,
        drill: drill_answers,
    })
}

fn story(vignette: &Vignette, out: &mut impl Write) -> io::Result<()> {
    for paragraph in &vignette.story {
        writeln!(out, "{paragraph}")?;
    }
    Ok(())
}

/// The summary of a round: what was committed and its score, if it was.
fn summary_of(
    round: &Round,
    student: Option<&String>,
    committed: Option<(String, &Commitment, Score)>,
    started: Instant,
) -> RoundSummary {
    let flow = round.flow();
    let ids = |questions: &[NodeId]| -> Vec<String> {
        questions
            .iter()
            .map(|&q| flow.short_id(q).to_string())
            .collect()
    };
    let (typed, commitment, score) = match committed {
        Some((typed, commitment, score)) => (Some(typed), Some(commitment), Some(score)),
        None => (None, None, None),
    };
    RoundSummary {
        kind: "vignette",
        student: student.cloned(),
        vignette: round.vignette.id.clone(),
        title: round.vignette.title.clone(),
        difficulty: difficulty_word(round.vignette.difficulty),
        committed: typed.map(|t| t.trim().to_string()),
        verdict: commitment.map(|c| c.verdict.into()),
        root: commitment.and_then(|c| c.root.clone()),
        changes: commitment.map(|c| c.changes.clone()).unwrap_or_default(),
        reasons: commitment.map(|c| ids(&c.reasons)).unwrap_or_default(),
        questions_asked: ids(round.asked()),
        red_flags: ids(&round.red_flags()),
        points: score.as_ref().map(|s| s.points),
        max_score: super::danger::FULL_MARKS.unsigned_abs(),
        seconds: seconds(started.elapsed()),
        score,
    }
}

/// Plays one vignette; `false` means the therapist wants to stop.
fn round(
    flow: &Flow,
    vignette: &Vignette,
    options: &RehearseOptions,
    lines: &mut dyn LineSource,
    out: &mut impl Write,
) -> io::Result<(RoundSummary, bool)> {
    let history = options.history.as_ref();
    let student = options.student.as_ref();
    let started = Instant::now();
    let mut round = Round::new(flow, vignette);
    story(vignette, out)?;
    writeln!(out, "\n{}", round_help())?;
    loop {
        let line = match lines.read("rehearse> ") {
            Input::Eof => return Ok((summary_of(&round, student, None, started), false)),
            Input::Interrupted | Input::Unreadable | Input::TooLong => continue,
            Input::Line(line) => line,
        };
        match RoundCommand::parse(&line) {
            RoundCommand::Nothing => {}
            RoundCommand::Quit => return Ok((summary_of(&round, student, None, started), false)),
            RoundCommand::Skip => {
                writeln!(
                    out,
                    "Skipped \"{}\": not scored{}.",
                    vignette.title,
                    if history.is_some() {
                        " and not recorded"
                    } else {
                        ""
                    }
                )?;
                return Ok((summary_of(&round, student, None, started), true));
            }
            RoundCommand::Help => writeln!(out, "{}", round_help())?,
            RoundCommand::Story => story(vignette, out)?,
            RoundCommand::Why(rest) => why(&round, &rest, out)?,
            RoundCommand::List => list(&round, out)?,
            RoundCommand::Changes => changes(&round, out)?,
            RoundCommand::Commit(rest) => match parse_commitment(&round, &rest) {
                Ok(commitment) => {
                    let score = round.commit(&commitment);
                    show_score(&round, &score, out)?;
                    if let Some(history) = history {
                        let expected = round.graph_session().outcome().map(|o| o.verdict);
                        let line = HistoryLine {
                            format: HISTORY_FORMAT.to_string(),
                            at: now(),
                            kind: "vignette".to_string(),
                            id: vignette.id.clone(),
                            difficulty: Some(difficulty_word(vignette.difficulty).to_string()),
                            topic: topic_of(flow, vignette).word().to_string(),
                            committed: commitment.verdict.to_string(),
                            expected: expected.map(|v| v.to_string()),
                            points: score.points,
                            max: super::danger::FULL_MARKS as u32,
                            mistake: mistake_class(
                                commitment.verdict,
                                expected,
                                !score.missed_red_flags.is_empty(),
                                score.points,
                            ),
                            student: student.cloned(),
                            root: commitment.root.clone(),
                            expected_root: score.expected_root.clone(),
                            red_flags: round
                                .red_flags()
                                .iter()
                                .map(|&q| flow.short_id(q).to_string())
                                .collect(),
                            missed_red_flags: score.missed_red_flags.clone(),
                            seconds: Some(seconds(started.elapsed())),
                        };
                        record(history, &line, out)?;
                    }
                    let summary =
                        summary_of(&round, student, Some((rest, &commitment, score)), started);
                    let Some(score) = &summary.score else {
                        return Ok((summary, true));
                    };
                    let go_on = after_commit(&round, &commitment, score, lines, out)?;
                    return Ok((summary, go_on));
                }
                Err(message) => writeln!(out, "{}", message.yellow())?,
            },
            RoundCommand::Ask(target) => match round.find_question(&target) {
                Some(q) => {
                    let question = flow.question(q).map_or("", |q| q.ask.as_str());
                    match round.ask(q) {
                        ClientAnswer::Says(words) => {
                            writeln!(out, "You ask: {question}\nClient: \"{words}.\"")?
                        }
                        ClientAnswer::NotInStory => writeln!(
                            out,
                            "You ask: {question}\nClient: \"Nothing to tell there.\" (not part of this story)"
                        )?,
                    }
                }
                None => writeln!(
                    out,
                    "{}",
                    format!(
                        "There is no question `{}`. Type `list` to see them, or `help`.",
                        shorten(&target)
                    )
                    .yellow()
                )?,
            },
        }
    }
}

/// `changes`: every change the knowledge declares, by id and label, for a
/// modify to name. All of them, not this client's: that is the question.
fn changes(round: &Round, out: &mut impl Write) -> io::Result<()> {
    let all = round.flow().changes();
    if all.is_empty() {
        return writeln!(out, "This knowledge declares no changes to a massage.");
    }
    writeln!(
        out,
        "The changes a modify may name (by id, by label or in other words):"
    )?;
    let width = all.iter().map(|c| c.id.len()).max().unwrap_or(0);
    for change in all {
        writeln!(out, "  {:<width$}  {}", change.id, change.label)?;
    }
    Ok(())
}

fn parse_commitment(round: &Round, text: &str) -> Result<Commitment, String> {
    let usage = "Write: commit treat | modify [CHANGES] | refer emergency|urgent|routine [L4|L5|S1|none] [because QUESTION ...]";
    let lower = text.to_lowercase();
    let (decision, reasons) = match lower.split_once("because") {
        Some((decision, reasons)) => (decision.to_string(), reasons.to_string()),
        None => (lower.clone(), String::new()),
    };
    let words: Vec<&str> = decision.split_whitespace().collect();
    let table = round.flow().root_table();
    let is_root = |w: &&str| table.root_named(w).is_some();
    let root = (words.iter())
        .find_map(|w| table.root_named(w))
        .map(str::to_string);
    // `none` (no single root) as the drill takes it: no root is named.
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| !is_root(w) && *w != super::drill::NO_SINGLE_ROOT)
        .collect();
    let mut changes = Vec::new();
    let verdict = match (words.first(), words.get(1)) {
        (Some(&"treat"), None) => Verdict::Treat,
        (Some(&"modify"), None) => Verdict::Modify,
        (Some(&"refer"), Some(word)) if words.len() == 2 => {
            Verdict::Refer(Urgency::from_word(word).ok_or_else(|| usage.to_string())?)
        }
        (Some(&"refer"), None) => {
            return Err("A referral needs an urgency: emergency, urgent or routine.".to_string());
        }
        (Some(&"treat" | &"modify"), Some(word)) if Urgency::from_word(word).is_some() => {
            return Err(format!("Only refer takes an urgency. {usage}"));
        }
        (Some(&"modify"), Some(_)) => {
            let typed: Vec<String> = words[1..].iter().map(|w| w.to_string()).collect();
            changes = super::change_match::split_changes(&typed);
            Verdict::Modify
        }
        _ => return Err(usage.to_string()),
    };
    let mut reason_ids = Vec::new();
    for word in reasons.split([' ', ',']).filter(|w| !w.is_empty()) {
        match round.find_question(word) {
            Some(q) => reason_ids.push(q),
            None => {
                return Err(format!(
                    "There is no question `{}` to give as a reason.",
                    shorten(word)
                ));
            }
        }
    }
    Ok(Commitment {
        verdict,
        reasons: reason_ids,
        root,
        changes,
    })
}

fn show_score(round: &Round, score: &Score, out: &mut impl Write) -> io::Result<()> {
    let mark = |right: bool| {
        if right {
            "right".green()
        } else {
            "wrong".red()
        }
    };
    writeln!(out, "\n--- Score: {}/10 ---", score.points)?;
    writeln!(
        out,
        "Verdict: {}. Urgency: {}.",
        mark(score.verdict_right),
        mark(score.urgency_right)
    )?;
    if score.breakdown.is_empty() {
        writeln!(out, "Points: 10, nothing taken off.")?;
    } else {
        writeln!(out, "Points: 10")?;
        for line in &score.breakdown {
            writeln!(out, "  {:>+4}  {}", line.points, line.reason)?;
        }
        writeln!(out, "  = {} (never below 0)", score.points)?;
    }
    for explanation in &score.explanations {
        writeln!(out, "  - {explanation}")?;
    }
    let session = round.graph_session();
    writeln!(
        out,
        "\n{}",
        super::explain_round::reveal_text(round.flow(), &session, &score.deciding)
    )?;
    writeln!(out, "{}", reveal_help())
}

/// After the reveal: what-if questions until `next` or `quit`.
fn after_commit(
    round: &Round,
    commitment: &Commitment,
    score: &Score,
    lines: &mut dyn LineSource,
    out: &mut impl Write,
) -> io::Result<bool> {
    let session = round.graph_session();
    loop {
        let line = match lines.read("rehearse> ") {
            Input::Eof => return Ok(false),
            Input::Interrupted | Input::Unreadable | Input::TooLong => continue,
            Input::Line(line) => line,
        };
        match RevealCommand::parse(&line) {
            RevealCommand::Nothing => {}
            RevealCommand::Next => return Ok(true),
            RevealCommand::Quit => return Ok(false),
            RevealCommand::List => list(round, out)?,
            RevealCommand::How => writeln!(
                out,
                "The graph's path:\n{}",
                how_text(&session, crate::report::Audience::Therapist)
            )?,
            RevealCommand::Why(rest) => why(round, &rest, out)?,
            RevealCommand::WhatIf(rest) => writeln!(
                out,
                "{}",
                super::round_what_if::what_if_round(round, commitment, score, &rest)
            )?,
            RevealCommand::Other => writeln!(out, "{}", reveal_commands())?,
        }
    }
}

/// `list`: every question with the number `ask`, `why` and `whatif` take.
fn list(round: &Round, out: &mut impl Write) -> io::Result<()> {
    let flow = round.flow();
    for (i, &q) in round.questions().iter().enumerate() {
        let wording = flow.node(q).clinical.as_deref().unwrap_or_else(|| {
            flow.question(q)
                .map_or("", |question| question.ask.as_str())
        });
        writeln!(out, "  {:>2}) {} - {wording}", i + 1, flow.short_id(q))?;
    }
    Ok(())
}

/// `why QUESTION`: the question's clinical wording and why from the knowledge.
fn why(round: &Round, text: &str, out: &mut impl Write) -> io::Result<()> {
    let text = text.trim();
    if text.is_empty() {
        return writeln!(
            out,
            "Write `why QUESTION`, e.g. `why saddle_numbness` or `why 3`."
        );
    }
    match round.find_question(text) {
        Some(q) => writeln!(
            out,
            "{}",
            super::explain_round::why_question(round.flow(), q)
        ),
        None => writeln!(
            out,
            "{}",
            format!(
                "There is no question `{}`. Type `list` to see them.",
                shorten(text)
            )
            .yellow()
        ),
    }
}

/// Adds a round to the history; a failure is told and the rehearsal goes on.
fn record(history: &History, line: &HistoryLine, out: &mut impl Write) -> io::Result<()> {
    match history.append(line) {
        Ok(()) => {
            crate::terminal::set_stop_note(format!(
                "The rounds played are recorded in {}.",
                crate::printable::printable(
                    &history.path().display().to_string(),
                    crate::printable::PATH
                )
            ));
            Ok(())
        }
        Err(error) => writeln!(
            out,
            "{}",
            format!(
                "This round was not recorded in {}: {}",
                crate::printable::printable(
                    &history.path().display().to_string(),
                    crate::printable::PATH
                ),
                crate::printable::printable(&error.to_string(), crate::printable::SENTENCE)
            )
            .yellow()
        ),
    }
}

fn drill_record(item: &DrillItem, answer: &DrillAnswer) -> HistoryLine {
    HistoryLine {
        format: HISTORY_FORMAT.to_string(),
        at: now(),
        kind: "drill".to_string(),
        id: item.id.clone(),
        difficulty: None,
        topic: "drill".to_string(),
        committed: answer.chosen.to_string(),
        expected: Some(item.expected()),
        points: answer.points,
        max: 1,
        mistake: (!answer.right).then_some(MistakeClass::WrongRoot),
        student: answer.student.clone(),
        seconds: Some(answer.seconds),
        ..HistoryLine::default()
    }
}

/// The drill on `items`; returns every item answered.
fn drill(
    flow: &Flow,
    items: &[DrillItem],
    options: &RehearseOptions,
    lines: &mut dyn LineSource,
    out: &mut impl Write,
) -> io::Result<Vec<DrillAnswer>> {
    let mut answers: Vec<DrillAnswer> = Vec::new();
    if items.is_empty() {
        writeln!(
            out,
            "This knowledge has no nerve-root table (no `sign`s): there is nothing to drill."
        )?;
        return Ok(answers);
    }
    writeln!(
        out,
        "Nerve-root drill: {} item{}. Answer with the option's number; where the options are roots, also L4, L5, S1 or `none` (no single root).",
        items.len(),
        if items.len() == 1 { "" } else { "s" }
    )?;
    writeln!(out, "Source: {}", table_sources(flow))?;
    for (n, item) in items.iter().enumerate() {
        let started = Instant::now();
        writeln!(out, "\n{}. {}", n + 1, item.prompt)?;
        for (i, (label, _)) in item.choices.iter().enumerate() {
            writeln!(out, "  {}) {label}", i + 1)?;
        }
        let chosen = loop {
            match lines.read("drill> ") {
                Input::Eof => {
                    drill_total(&answers, out)?;
                    return Ok(answers);
                }
                Input::Interrupted | Input::Unreadable | Input::TooLong => continue,
                Input::Line(line) => {
                    let line = line.trim().to_lowercase();
                    let by_number = line
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| i.checked_sub(1))
                        .and_then(|i| item.choices.get(i))
                        .map(|(_, key)| key);
                    let by_name = item
                        .choices
                        .iter()
                        .map(|(_, key)| key)
                        .filter(|_| item.takes_root_names())
                        .find(|key| key.eq_ignore_ascii_case(&line));
                    match by_number.or(by_name) {
                        Some(key) => break key.clone(),
                        None if item.takes_root_names() => writeln!(
                            out,
                            "Answer with a number from 1 to {}, or L4, L5, S1 or none.",
                            item.choices.len()
                        )?,
                        None => writeln!(
                            out,
                            "Answer with a number from 1 to {}.",
                            item.choices.len()
                        )?,
                    }
                }
            }
        };
        let right = item.is_right(&chosen);
        let answer = DrillAnswer {
            kind: "drill",
            student: options.student.clone(),
            item: item.id.clone(),
            prompt: item.prompt.clone(),
            chosen: chosen.clone(),
            expected: item.expected(),
            right,
            points: u32::from(right),
            max_score: 1,
            seconds: seconds(started.elapsed()),
        };
        if let Some(history) = &options.history {
            record(history, &drill_record(item, &answer), out)?;
        }
        answers.push(answer);
        if right {
            writeln!(out, "{} {}", "Right.".green(), item.feedback(&chosen))?;
        } else {
            writeln!(
                out,
                "{} The answer is {}. {}",
                "Not quite.".red(),
                item.answer_words(),
                item.feedback(&chosen)
            )?;
        }
    }
    drill_total(&answers, out)?;
    Ok(answers)
}

/// The documents the root table cites, each once with the parts used:
/// "001 ... — Sensory Testing, Motor Testing, Reflex Testing".
fn table_sources(flow: &Flow) -> String {
    let mut documents: Vec<(String, Vec<&str>)> = Vec::new();
    for source in flow.root_table().sources() {
        let mut whole = source.clone();
        whole.part = None;
        let name = crate::report::source_words(&whole, crate::report::Audience::Therapist);
        let part = source.part.as_deref();
        match documents.iter_mut().find(|(d, _)| *d == name) {
            Some((_, parts)) => parts.extend(part),
            None => documents.push((name, part.into_iter().collect())),
        }
    }
    (documents.into_iter())
        .map(|(name, parts)| match parts.as_slice() {
            [] => name,
            _ => format!("{name} — {}", parts.join(", ")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn drill_total(answers: &[DrillAnswer], out: &mut impl Write) -> io::Result<()> {
    let right = answers.iter().filter(|a| a.right).count();
    writeln!(out, "\nDrill score: {right}/{} right.", answers.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Case, Difficulty, compile, tests::mini};

    fn commit(text: &str) -> Result<Verdict, String> {
        let flow = compile(&mini()).unwrap_or_else(|e| panic!("{e:#?}"));
        let vignette = Vignette {
            id: "v".into(),
            title: "V".into(),
            difficulty: Difficulty::Easy,
            story: Vec::new(),
            tells: Vec::new(),
            case: Case {
                name: "v".into(),
                answers: Vec::new(),
                from_baseline: Vec::new(),
                expectations: Vec::new(),
                span: Default::default(),
            },
        };
        parse_commitment(&Round::new(&flow, &vignette), text).map(|c| c.verdict)
    }

    #[test]
    fn a_commitment_reads_as_one_verdict() {
        assert_eq!(commit("treat"), Ok(Verdict::Treat));
        assert_eq!(commit("Modify"), Ok(Verdict::Modify));
        assert_eq!(
            commit("refer urgent because saddle"),
            Ok(Verdict::Refer(Urgency::Urgent))
        );
    }

    #[test]
    fn a_referral_needs_an_urgency_and_nothing_else_takes_one() {
        assert!(commit("refer").is_err_and(|e| e.contains("needs an urgency")));
        assert!(commit("treat urgent").is_err_and(|e| e.contains("Only refer")));
        assert!(commit("refer soon").is_err_and(|e| e.starts_with("Write: commit")));
    }
}
