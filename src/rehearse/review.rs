//! `rehearse --review`: progress over the recorded rounds (means per week, per ten
//! rounds, per difficulty and per topic, the costliest mistakes) and the
//! vignettes to play again. Pure: it returns text and ids.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::history::HistoryLine;
use super::progress::progress;

/// Rounds per line of the progress over time.
pub const ROUNDS_PER_BLOCK: usize = 10;
/// How many blocks of ten the review lists one by one (the latest).
pub const BLOCKS_SHOWN: usize = 20;

/// The mean of `rounds` as points out of 10 (drill items score out of 1).
fn mean_of_ten(rounds: &[&HistoryLine]) -> f64 {
    let total: f64 = rounds
        .iter()
        .map(|r| f64::from(r.points) * 10.0 / f64::from(r.max.max(1)))
        .sum();
    total / rounds.len().max(1) as f64
}

/// Text read from the history file, made safe for a terminal: it may have
/// been edited by anyone.
fn shown(text: &str) -> String {
    crate::printable::printable(text, crate::printable::NAME)
}

/// The Monday (UTC) of the week of an RFC 3339 time, as `2026-11-30`.
fn week_of(at: &str) -> Option<String> {
    let time = humantime::parse_rfc3339(at).ok()?;
    let days = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() / 86_400;
    let days = i64::try_from(days).ok()?;
    // 1 January 1970 was a Thursday: three days after a Monday. The first
    // week's Monday is in 1969, before what the clock (and humantime) can
    // name, so the date is worked out from the day count itself.
    let monday = days - (days + 3) % 7;
    let (year, month, day) = civil_date(monday);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The year, month and day of `days` after 1 January 1970 (negative before
/// it), in the proleptic Gregorian calendar: Howard Hinnant's
/// `civil_from_days`, with eras of 400 years starting on 1 March.
fn civil_date(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The progress text for `rounds` (already filtered), oldest first:
/// vignette rounds and drill answers apart. `blind` leaves out what the graph
/// has (the expected outcome, the mistake's class, the topic, which is the
/// kind of outcome).
pub fn review_text(rounds: &[HistoryLine], blind: bool) -> String {
    let mut out = String::new();
    if rounds.is_empty() {
        let _ = writeln!(out, "No rounds recorded yet (for these filters).");
        return out;
    }
    let figures = progress(rounds, blind);
    let all: Vec<&HistoryLine> = rounds.iter().filter(|r| r.is_vignette()).collect();
    if all.is_empty() {
        let _ = writeln!(out, "No vignette rounds recorded yet (for these filters).");
    } else {
        // The days only: the line stays within 80 columns.
        let day = |r: &&HistoryLine| r.at.get(..10).unwrap_or(r.at.as_str()).to_string();
        let first = all.first().map(day).unwrap_or_default();
        let last = all.last().map(day).unwrap_or_default();
        let _ = writeln!(
            out,
            "Rounds recorded: {} ({} to {}). Mean score: {:.1}/10.",
            all.len(),
            shown(&first),
            shown(&last),
            mean_of_ten(&all)
        );
    }
    if figures.drill_answers > 0 {
        let _ = writeln!(
            out,
            "Drill answers recorded: {}, {} right (not in the mean above).",
            figures.drill_answers, figures.drill_right
        );
    }
    if !all.is_empty() {
        vignette_sections(&mut out, &all, blind);
        let _ = writeln!(out, "\nBy vignette (first, best and latest score):");
        for v in &figures.per_vignette {
            let _ = writeln!(
                out,
                "  {:<24} {}  first {:>2}  best {:>2}  latest {:>2} of {}",
                shown(&v.id),
                rounds_count(v.rounds),
                v.first,
                v.best,
                v.latest,
                v.max
            );
        }
    }
    if !figures.per_red_flag.is_empty() {
        let _ = writeln!(out, "\nBy red flag (rounds whose client had it):");
        for flag in &figures.per_red_flag {
            let latest = if flag.latest_missed {
                "missed the latest time"
            } else {
                "asked the latest time"
            };
            let _ = writeln!(
                out,
                "  {:<24} {}  not asked in {}; {latest}",
                shown(&flag.id),
                rounds_count(flag.rounds),
                flag.missed
            );
        }
    }
    let wrong: Vec<_> = figures
        .per_drill_item
        .iter()
        .filter(|d| d.right < d.answered)
        .collect();
    if !wrong.is_empty() {
        let _ = writeln!(out, "\nDrill items answered wrong (right of answered):");
        for item in wrong {
            let latest = if item.latest_right {
                "right the latest time"
            } else {
                "wrong the latest time"
            };
            let _ = writeln!(
                out,
                "  {:<28} {} of {}; {latest}",
                shown(&item.id),
                item.right,
                item.answered
            );
        }
    }
    if !all.is_empty() {
        if figures.costliest.is_empty() {
            let _ = writeln!(
                out,
                "\nNo mistakes recorded: every round scored full marks."
            );
        } else {
            let _ = writeln!(out, "\nThe costliest mistakes:");
            for mistake in &figures.costliest {
                // Three short lines: within 80 columns whatever the ids.
                let mut line = format!(
                    "  {} ({}/{}) at {}:\n    you chose {}",
                    shown(&mistake.vignette),
                    mistake.points,
                    mistake.max,
                    shown(&mistake.at),
                    shown(&mistake.committed)
                );
                if let Some(expected) = &mistake.expected {
                    line.push_str(&format!(", the answer was {}", shown(expected)));
                }
                if let (false, Some(class)) = (blind, mistake.mistake) {
                    line.push_str(&format!("\n    {}", class.words()));
                }
                match mistake.replayed {
                    Some(points) => line.push_str(&format!(
                        "\n    played again since: {points}/{} (was {}/{})",
                        mistake.max, mistake.points, mistake.max
                    )),
                    None => line.push_str("\n    not played again yet"),
                }
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

/// The vignette rounds by ten, by week, by difficulty and (unless `blind`)
/// by topic.
fn vignette_sections(out: &mut String, all: &[&HistoryLine], blind: bool) {
    let _ = writeln!(out, "\nBy ten rounds, oldest first:");
    let blocks: Vec<&[&HistoryLine]> = all.chunks(ROUNDS_PER_BLOCK).collect();
    // A long history: the earlier rounds in one line, the latest blocks each.
    let skipped = blocks.len().saturating_sub(BLOCKS_SHOWN);
    if skipped > 0 {
        let earlier = &all[..skipped * ROUNDS_PER_BLOCK];
        let _ = writeln!(
            out,
            "  rounds {:>3}-{:<3}  {:.1}/10 (together)",
            1,
            earlier.len(),
            mean_of_ten(earlier)
        );
    }
    for (n, block) in blocks.iter().enumerate().skip(skipped) {
        let start = n * ROUNDS_PER_BLOCK + 1;
        let _ = writeln!(
            out,
            "  rounds {:>3}-{:<3}  {:.1}/10",
            start,
            start + block.len() - 1,
            mean_of_ten(block)
        );
    }
    let mut by_week: BTreeMap<String, Vec<&HistoryLine>> = BTreeMap::new();
    for &round in all {
        let week = week_of(&round.at).unwrap_or_else(|| "an unreadable date".to_string());
        by_week.entry(week).or_default().push(round);
    }
    let _ = writeln!(out, "\nBy week (weeks start on Monday, UTC):");
    for (week, group) in &by_week {
        let _ = writeln!(
            out,
            "  week of {week}  {}  {:.1}/10",
            rounds_count(group.len()),
            mean_of_ten(group)
        );
    }
    let mut by_difficulty: BTreeMap<&str, Vec<&HistoryLine>> = BTreeMap::new();
    let mut by_topic: BTreeMap<&str, Vec<&HistoryLine>> = BTreeMap::new();
    for &round in all {
        let difficulty = round.difficulty.as_deref().unwrap_or("unknown");
        by_difficulty.entry(difficulty).or_default().push(round);
        by_topic
            .entry(round.topic.as_str())
            .or_default()
            .push(round);
    }
    let order = ["easy", "medium", "hard"];
    let _ = writeln!(out, "\nBy difficulty:");
    let mut difficulties: Vec<_> = by_difficulty.into_iter().collect();
    difficulties.sort_by_key(|(d, _)| order.iter().position(|o| o == d).unwrap_or(order.len()));
    for (difficulty, group) in difficulties {
        let _ = writeln!(
            out,
            "  {:<10} {}  {:.1}/10",
            shown(difficulty),
            rounds_count(group.len()),
            mean_of_ten(&group)
        );
    }
    if blind {
        return;
    }
    let _ = writeln!(out, "\nBy topic:");
    for (topic, group) in by_topic {
        let _ = writeln!(
            out,
            "  {:<10} {}  {:.1}/10",
            shown(topic),
            rounds_count(group.len()),
            mean_of_ten(&group)
        );
    }
}

/// The vignettes whose latest recorded round scored below full marks, in
/// the order first missed.
pub fn missed_vignettes(rounds: &[HistoryLine]) -> Vec<String> {
    let mut latest: BTreeMap<&str, bool> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for round in rounds.iter().filter(|r| r.is_vignette()) {
        if !latest.contains_key(round.id.as_str()) {
            order.push(&round.id);
        }
        latest.insert(&round.id, round.points < round.max);
    }
    order
        .into_iter()
        .filter(|id| latest.get(id) == Some(&true))
        .map(String::from)
        .collect()
}

/// "  1 round " or " 12 rounds", the same width either way so columns line up.
fn rounds_count(count: usize) -> String {
    let word = if count == 1 { "round " } else { "rounds" };
    format!("{count:>3} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rehearse::history::HISTORY_FORMAT;

    fn round(id: &str, points: u32, topic: &str) -> HistoryLine {
        HistoryLine {
            format: HISTORY_FORMAT.to_string(),
            at: format!("2026-12-0{}T00:00:00Z", points.min(9)),
            kind: "vignette".to_string(),
            id: id.to_string(),
            difficulty: Some("medium".to_string()),
            topic: topic.to_string(),
            committed: "treat".to_string(),
            expected: Some("refer urgent".to_string()),
            points,
            max: 10,
            mistake: None,
            ..HistoryLine::default()
        }
    }

    #[test]
    fn means_per_block_difficulty_and_topic() {
        let mut rounds: Vec<HistoryLine> = (0..10).map(|_| round("a", 4, "urgent")).collect();
        rounds.push(round("b", 10, "treat"));
        let text = review_text(&rounds, false);
        assert!(text.contains("Rounds recorded: 11"), "{text}");
        assert!(text.contains("rounds   1-10   4.0/10"), "{text}");
        assert!(text.contains("rounds  11-11   10.0/10"), "{text}");
        assert!(text.contains("medium      11 rounds  4.5/10"), "{text}");
        assert!(text.contains("treat        1 round   10.0/10"), "{text}");
        assert!(text.contains("The costliest mistakes"), "{text}");
    }

    #[test]
    fn text_from_the_file_reaches_the_terminal_escaped() {
        let text = review_text(&[round("\u{1b}[2Jwiped", 3, "t\u{202e}x")], false);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text}"
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        // 3 December 2026 is a Thursday; 30 November a Monday.
        assert_eq!(
            week_of("2026-12-03T00:24:21Z").as_deref(),
            Some("2026-11-30")
        );
        assert_eq!(
            week_of("2026-11-30T00:00:00Z").as_deref(),
            Some("2026-11-30")
        );
        assert_eq!(
            week_of("2026-11-29T23:59:59Z").as_deref(),
            Some("2026-11-23")
        );
        assert_eq!(week_of("yesterday"), None);
    }

    #[test]
    fn dates_are_the_calendars() {
        for days in (0..200_000).step_by(37) {
            let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(days * 86_400);
            let (year, month, day) = civil_date(days as i64);
            assert_eq!(
                format!("{year:04}-{month:02}-{day:02}"),
                humantime::format_rfc3339_seconds(time).to_string()[..10]
            );
        }
    }

    #[test]
    fn the_first_week_of_the_clock_has_its_monday() {
        // 1 January 1970 was a Thursday, in the week of Monday 29 December 1969.
        for day in [
            "1970-01-01T00:00:00Z",
            "1970-01-02T00:00:00Z",
            "1970-01-04T23:59:59Z",
        ] {
            assert_eq!(week_of(day).as_deref(), Some("1969-12-29"), "{day}");
        }
        assert_eq!(
            week_of("1970-01-05T00:00:00Z").as_deref(),
            Some("1970-01-05")
        );
        assert_eq!(
            week_of("2000-03-01T12:00:00Z").as_deref(),
            Some("2000-02-28")
        );
    }

    #[test]
    fn a_long_history_shows_the_latest_blocks() {
        let rounds: Vec<HistoryLine> = (0..1000).map(|_| round("a", 5, "t")).collect();
        let text = review_text(&rounds, false);
        assert!(text.contains("rounds   1-800  5.0/10 (together)"), "{text}");
        assert!(text.contains("rounds 991-1000"), "{text}");
        assert_eq!(text.matches("  rounds ").count(), BLOCKS_SHOWN + 1);
    }

    #[test]
    fn a_vignette_later_played_right_is_no_longer_missed() {
        let rounds = [round("a", 4, "t"), round("b", 3, "t"), round("a", 10, "t")];
        assert_eq!(missed_vignettes(&rounds), ["b"]);
        assert!(missed_vignettes(&[round("c", 10, "t")]).is_empty());
    }
}
