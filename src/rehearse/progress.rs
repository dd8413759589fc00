//! The figures of a recorded history: vignette rounds and drill answers
//! apart, progress per vignette, per red flag and per drill item, the
//! costliest mistakes with what a replay later scored, and what to play
//! again. `--review` shows them as text and `--review --json` as they are.

use std::collections::BTreeMap;

use serde::Serialize;

use super::danger::MistakeClass;
use super::history::HistoryLine;

/// How many of the costliest mistakes are kept.
pub const COSTLIEST_KEPT: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Vignette rounds: how many, and their mean out of 10.
    pub vignette_rounds: usize,
    pub vignette_mean: Option<f64>,
    /// Drill answers: how many, and how many right.
    pub drill_answers: usize,
    pub drill_right: usize,
    /// Each vignette played, in the order first played.
    pub per_vignette: Vec<VignetteProgress>,
    /// Each red flag a client had, by question id.
    pub per_red_flag: Vec<RedFlagProgress>,
    /// Each drill item answered, in the order first answered.
    pub per_drill_item: Vec<DrillItemProgress>,
    /// The vignette rounds that lost the most points, most first.
    pub costliest: Vec<Mistake>,
    /// Vignettes whose latest round is below full marks, in the order first missed.
    pub replay_vignettes: Vec<String>,
    /// Drill items whose latest answer was wrong.
    pub replay_drill: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VignetteProgress {
    pub id: String,
    pub rounds: usize,
    pub first: u32,
    pub best: u32,
    pub latest: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedFlagProgress {
    pub id: String,
    /// Rounds whose client had it.
    pub rounds: usize,
    /// Of those, the rounds where it was not asked.
    pub missed: usize,
    /// Whether it was missed in the latest such round.
    pub latest_missed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrillItemProgress {
    pub id: String,
    pub answered: usize,
    pub right: usize,
    pub latest_right: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    pub at: String,
    pub vignette: String,
    pub points: u32,
    pub max: u32,
    pub committed: String,
    /// What the graph has; left out with `--blind`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    pub mistake: Option<MistakeClass>,
    /// The points of the latest round of the same vignette played after
    /// this one; none when it has not been played again.
    pub replayed: Option<u32>,
}

fn points_lost(round: &HistoryLine) -> f64 {
    f64::from(round.max.saturating_sub(round.points)) * 10.0 / f64::from(round.max.max(1))
}

/// The figures of `rounds`, oldest first. `blind` leaves out the expected
/// outcomes.
pub fn progress(rounds: &[HistoryLine], blind: bool) -> Progress {
    let vignettes: Vec<&HistoryLine> = rounds.iter().filter(|r| r.is_vignette()).collect();
    let drill: Vec<&HistoryLine> = rounds.iter().filter(|r| !r.is_vignette()).collect();
    let vignette_mean = (!vignettes.is_empty()).then(|| {
        let total: f64 = vignettes
            .iter()
            .map(|r| f64::from(r.points) * 10.0 / f64::from(r.max.max(1)))
            .sum();
        total / vignettes.len() as f64
    });

    let mut per_vignette: Vec<VignetteProgress> = Vec::new();
    for round in &vignettes {
        match per_vignette.iter_mut().find(|v| v.id == round.id) {
            Some(v) => {
                v.rounds += 1;
                v.best = v.best.max(round.points);
                v.latest = round.points;
            }
            None => per_vignette.push(VignetteProgress {
                id: round.id.clone(),
                rounds: 1,
                first: round.points,
                best: round.points,
                latest: round.points,
                max: round.max,
            }),
        }
    }

    let mut per_red_flag: BTreeMap<&str, RedFlagProgress> = BTreeMap::new();
    for round in &vignettes {
        for flag in &round.red_flags {
            let missed = round.missed_red_flags.contains(flag);
            let entry = per_red_flag
                .entry(flag.as_str())
                .or_insert_with(|| RedFlagProgress {
                    id: flag.clone(),
                    rounds: 0,
                    missed: 0,
                    latest_missed: false,
                });
            entry.rounds += 1;
            entry.missed += usize::from(missed);
            entry.latest_missed = missed;
        }
    }

    let mut per_drill_item: Vec<DrillItemProgress> = Vec::new();
    for answer in &drill {
        let right = answer.points == answer.max;
        match per_drill_item.iter_mut().find(|d| d.id == answer.id) {
            Some(d) => {
                d.answered += 1;
                d.right += usize::from(right);
                d.latest_right = right;
            }
            None => per_drill_item.push(DrillItemProgress {
                id: answer.id.clone(),
                answered: 1,
                right: usize::from(right),
                latest_right: right,
            }),
        }
    }

    let mut costly: Vec<(usize, &HistoryLine)> = vignettes
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, r)| r.points < r.max)
        .collect();
    // Most points lost first; among equals the more dangerous mistake, then the latest.
    costly.sort_by(|(_, a), (_, b)| {
        points_lost(b)
            .total_cmp(&points_lost(a))
            .then(a.mistake.cmp(&b.mistake))
            .then(b.at.cmp(&a.at))
    });
    let costliest = costly
        .into_iter()
        .take(COSTLIEST_KEPT)
        .map(|(n, round)| Mistake {
            at: round.at.clone(),
            vignette: round.id.clone(),
            points: round.points,
            max: round.max,
            committed: round.committed.clone(),
            expected: if blind {
                None
            } else {
                Some(
                    round
                        .expected
                        .clone()
                        .unwrap_or_else(|| "no outcome".to_string()),
                )
            },
            mistake: round.mistake,
            replayed: vignettes[n + 1..]
                .iter()
                .rev()
                .find(|later| later.id == round.id)
                .map(|later| later.points),
        })
        .collect();

    Progress {
        vignette_rounds: vignettes.len(),
        vignette_mean,
        drill_answers: drill.len(),
        drill_right: drill.iter().filter(|d| d.points == d.max).count(),
        replay_vignettes: per_vignette
            .iter()
            .filter(|v| v.latest < v.max)
            .map(|v| v.id.clone())
            .collect(),
        replay_drill: per_drill_item
            .iter()
            .filter(|d| !d.latest_right)
            .map(|d| d.id.clone())
            .collect(),
        per_vignette,
        per_red_flag: per_red_flag.into_values().collect(),
        per_drill_item,
        costliest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rehearse::history::HISTORY_FORMAT;

    fn vignette(id: &str, at: &str, points: u32, flags: &[&str], missed: &[&str]) -> HistoryLine {
        HistoryLine {
            format: HISTORY_FORMAT.to_string(),
            at: at.to_string(),
            kind: "vignette".to_string(),
            id: id.to_string(),
            difficulty: Some("hard".to_string()),
            topic: "emergency".to_string(),
            committed: "treat".to_string(),
            expected: Some("refer emergency".to_string()),
            points,
            max: 10,
            red_flags: flags.iter().map(|f| f.to_string()).collect(),
            missed_red_flags: missed.iter().map(|f| f.to_string()).collect(),
            ..HistoryLine::default()
        }
    }

    fn drill(id: &str, right: bool) -> HistoryLine {
        HistoryLine {
            format: HISTORY_FORMAT.to_string(),
            at: "2026-12-01T00:00:00Z".to_string(),
            kind: "drill".to_string(),
            id: id.to_string(),
            topic: "drill".to_string(),
            committed: "L4".to_string(),
            expected: Some("L5".to_string()),
            points: u32::from(right),
            max: 1,
            ..HistoryLine::default()
        }
    }

    #[test]
    fn drill_answers_are_not_in_the_vignette_mean() {
        let figures = progress(
            &[
                vignette("a", "2026-12-01T00:00:00Z", 4, &[], &[]),
                drill("d1", true),
                drill("d2", true),
            ],
            false,
        );
        assert_eq!(figures.vignette_rounds, 1);
        assert_eq!(figures.vignette_mean, Some(4.0));
        assert_eq!((figures.drill_answers, figures.drill_right), (2, 2));
    }

    #[test]
    fn a_replayed_mistake_keeps_its_old_score_and_shows_the_new() {
        let figures = progress(
            &[
                vignette("a", "2026-12-01T00:00:00Z", 0, &["saddle"], &["saddle"]),
                vignette("a", "2026-12-02T00:00:00Z", 10, &["saddle"], &[]),
            ],
            false,
        );
        assert_eq!(figures.costliest.len(), 1);
        assert_eq!(figures.costliest[0].points, 0);
        assert_eq!(figures.costliest[0].replayed, Some(10));
        assert!(figures.replay_vignettes.is_empty());
        let flag = &figures.per_red_flag[0];
        assert_eq!(
            (flag.rounds, flag.missed, flag.latest_missed),
            (2, 1, false)
        );
        let v = &figures.per_vignette[0];
        assert_eq!((v.rounds, v.first, v.best, v.latest), (2, 0, 10, 10));
    }

    #[test]
    fn drill_misses_are_to_replay_and_blind_hides_the_outcome() {
        let figures = progress(
            &[
                drill("d1", false),
                drill("d2", false),
                drill("d2", true),
                vignette("a", "2026-12-01T00:00:00Z", 3, &[], &[]),
            ],
            true,
        );
        assert_eq!(figures.replay_drill, ["d1"]);
        assert_eq!(figures.replay_vignettes, ["a"]);
        assert_eq!(figures.costliest[0].expected, None);
        assert_eq!(figures.costliest[0].replayed, None);
    }
}
