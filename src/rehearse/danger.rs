//! How much a wrong call costs: rounds are weighted by the harm a mistake
//! could do. Sending a client who needed a doctor onto the table (under-triage)
//! costs far more than being more careful than needed, and missing an
//! emergency is the worst mistake of all.

use serde::Serialize;

use crate::compile::{Urgency, Verdict};

/// Points a round starts with.
pub const FULL_MARKS: i32 = 10;
/// Per step of caution too little (treat < modify < refer routine < urgent < emergency).
pub const UNDER_TRIAGE_PER_STEP: i32 = 3;
/// Per step of caution too much.
pub const OVER_CAUTION_PER_STEP: i32 = 1;
/// Each red flag the client has that was never asked.
pub const MISSED_RED_FLAG: i32 = 3;
/// Each question that could have changed the result, neither asked nor told in the story.
pub const MATTERED_NOT_ASKED: i32 = 1;

/// Naming the wrong nerve root for the findings.
pub const ROOT_WRONG: i32 = 2;
/// Naming no root when the findings point to one.
pub const ROOT_MISSING: i32 = 1;
/// Each change a modify needs that was not named (at most two count).
pub const CHANGE_MISSING: i32 = 1;
/// Each change named that this client does not need, or that is no
/// declared change at all (at most two count).
pub const CHANGE_WRONG: i32 = 1;
/// Each `because` reason that did not decide the result or was never asked (at most two count).
pub const REASON_WRONG: i32 = 1;

/// The rules in words, for `rehearse --help` and the start of a rehearsal.
pub const SCORING_HELP: &str = "\
Scoring: each round starts at 10 points. Your verdict puts the round in a
band, and what else you lose never takes it out of its band:
  band                                              points
  the right verdict and urgency                     6 to 10
  more cautious than the graph (over-caution)       5 to 9, -1 per step
  less cautious than the graph (under-triage)       1 to 4, -3 per step
  missing an emergency (anything but refer
  emergency where it is needed), the worst mistake  0
Caution runs treat < modify < refer routine < refer urgent < refer emergency.
Within a band:
  a red flag the client has that you never asked   -3 each
  a question that could have changed the result,
  neither asked nor told in the story              -1 each
  the wrong nerve root for the findings (001's table)  -2; none named  -1
  for modify, a needed change not named            -1 each (at most -2)
  for modify, a change named that this client does
  not need (or the opposite of one she does), or
  words that are no change (`changes` lists them)  -1 each (at most -2)
  a `because` reason that decided nothing (not an answer that could
  change the result, nor one of answers that each alone lead to it)
  or that you never asked                          -1 each (at most -2)
So a right verdict with gaps in the screen still scores above a wrong one:
sending someone to a doctor who did not need it costs little; massaging
someone who needed a doctor can do harm.";

/// Where a committed verdict stands against the graph's: it fixes the
/// range a round's points stay in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// The verdict and urgency the graph reaches.
    Right,
    /// More cautious than the graph.
    OverCaution,
    /// Less cautious than the graph, where no emergency was missed.
    UnderTriage,
    /// Anything but refer emergency where an emergency is needed.
    MissedEmergency,
}

impl Band {
    pub fn of(committed: Verdict, expected: Verdict) -> Band {
        let emergency = Verdict::Refer(Urgency::Emergency);
        if expected == emergency && committed != emergency {
            return Band::MissedEmergency;
        }
        match caution(committed).cmp(&caution(expected)) {
            std::cmp::Ordering::Equal => Band::Right,
            std::cmp::Ordering::Greater => Band::OverCaution,
            std::cmp::Ordering::Less => Band::UnderTriage,
        }
    }

    /// The fewest and the most points a round in this band scores.
    pub fn range(self) -> (u32, u32) {
        match self {
            Band::Right => (6, 10),
            Band::OverCaution => (5, 9),
            Band::UnderTriage => (1, 4),
            Band::MissedEmergency => (0, 0),
        }
    }
}

/// One line of a round's points breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointLine {
    /// Negative for a penalty.
    pub points: i32,
    pub reason: String,
}

/// How cautious a verdict is: 0 (treat) to 4 (refer emergency).
pub fn caution(verdict: Verdict) -> i32 {
    match verdict {
        Verdict::Treat => 0,
        Verdict::Modify => 1,
        Verdict::Refer(Urgency::Routine) => 2,
        Verdict::Refer(Urgency::Urgent) => 3,
        Verdict::Refer(Urgency::Emergency) => 4,
    }
}

/// The lines for the verdict itself: nothing when it is right.
pub fn verdict_lines(committed: Verdict, expected: Verdict) -> Vec<PointLine> {
    let steps = caution(committed) - caution(expected);
    if expected == Verdict::Refer(Urgency::Emergency) && committed != expected {
        return vec![PointLine {
            points: -FULL_MARKS,
            reason: format!(
                "missed emergency: you chose {committed} where refer emergency is needed (the worst mistake)"
            ),
        }];
    }
    match steps.cmp(&0) {
        std::cmp::Ordering::Equal => Vec::new(),
        std::cmp::Ordering::Less => vec![PointLine {
            points: steps * UNDER_TRIAGE_PER_STEP,
            reason: format!(
                "under-triage: {committed} is {} less cautious than {expected}",
                steps_words(-steps)
            ),
        }],
        std::cmp::Ordering::Greater => vec![PointLine {
            points: -steps * OVER_CAUTION_PER_STEP,
            reason: format!(
                "over-caution: {committed} is {} more cautious than {expected}",
                steps_words(steps)
            ),
        }],
    }
}

fn steps_words(steps: i32) -> String {
    if steps == 1 {
        "one step".to_string()
    } else {
        format!("{steps} steps")
    }
}

/// The most dangerous kind of mistake in a round, for the history: the
/// first that applies of missed emergency, under-triage, missed red flag,
/// over-caution, then reasoning (questions, root, changes, reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MistakeClass {
    MissedEmergency,
    UnderTriage,
    MissedRedFlag,
    OverCaution,
    Reasoning,
    /// A drill answer naming the wrong root.
    WrongRoot,
}

impl MistakeClass {
    /// How the review names it.
    pub fn words(self) -> &'static str {
        match self {
            MistakeClass::MissedEmergency => "missed emergency",
            MistakeClass::UnderTriage => "under-triage",
            MistakeClass::MissedRedFlag => "red flag not asked",
            MistakeClass::OverCaution => "over-caution",
            MistakeClass::Reasoning => "reasoning (questions, root, changes or reasons)",
            MistakeClass::WrongRoot => "wrong nerve root",
        }
    }
}

/// The class of a round's worst mistake; none for full marks.
pub fn mistake_class(
    committed: Verdict,
    expected: Option<Verdict>,
    missed_red_flags: bool,
    points: u32,
) -> Option<MistakeClass> {
    let emergency = Verdict::Refer(Urgency::Emergency);
    match expected {
        Some(e) if e == emergency && committed != emergency => Some(MistakeClass::MissedEmergency),
        Some(e) if caution(committed) < caution(e) => Some(MistakeClass::UnderTriage),
        _ if missed_red_flags => Some(MistakeClass::MissedRedFlag),
        Some(e) if caution(committed) > caution(e) => Some(MistakeClass::OverCaution),
        _ if points < FULL_MARKS as u32 => Some(MistakeClass::Reasoning),
        _ => None,
    }
}

/// The round's points from its breakdown, kept within the band of the
/// verdict (see [`Band`]); between 0 and [`FULL_MARKS`] when the answers
/// reach no outcome to compare with.
pub fn total(band: Option<Band>, lines: &[PointLine]) -> u32 {
    let sum: i32 = FULL_MARKS + lines.iter().map(|l| l.points).sum::<i32>();
    let (low, high) = band.map_or((0, FULL_MARKS as u32), Band::range);
    (sum.clamp(0, FULL_MARKS) as u32).clamp(low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Verdict; 5] = [
        Verdict::Treat,
        Verdict::Modify,
        Verdict::Refer(Urgency::Routine),
        Verdict::Refer(Urgency::Urgent),
        Verdict::Refer(Urgency::Emergency),
    ];

    fn total_of(committed: Verdict, expected: Verdict, more: &[PointLine]) -> u32 {
        let mut lines = verdict_lines(committed, expected);
        lines.extend_from_slice(more);
        total(Some(Band::of(committed, expected)), &lines)
    }

    fn penalties(n: usize) -> Vec<PointLine> {
        vec![
            PointLine {
                points: -MISSED_RED_FLAG,
                reason: "red flag never asked".into(),
            };
            n
        ]
    }

    #[test]
    fn a_right_verdict_with_an_incomplete_screen_scores_above_any_wrong_one() {
        for expected in ALL {
            let right_worst = total_of(expected, expected, &penalties(5));
            assert!(right_worst < 10, "the penalties count: {right_worst}");
            for committed in ALL.into_iter().filter(|&c| caution(c) < caution(expected)) {
                let wrong_best = total_of(committed, expected, &[]);
                assert!(
                    right_worst > wrong_best,
                    "{expected} right with gaps {right_worst}, {committed} {wrong_best}"
                );
            }
        }
    }

    #[test]
    fn over_caution_costs_a_little_and_stays_above_under_triage() {
        let treat = Verdict::Treat;
        let routine = Verdict::Refer(Urgency::Routine);
        assert_eq!(total_of(Verdict::Modify, treat, &[]), 9);
        assert!(total_of(routine, treat, &penalties(5)) >= 5);
        assert!(total_of(routine, treat, &penalties(5)) > total_of(treat, routine, &[]));
    }

    #[test]
    fn a_missed_emergency_is_worst_whatever_else_was_done() {
        let emergency = Verdict::Refer(Urgency::Emergency);
        for committed in ALL.into_iter().filter(|&c| c != emergency) {
            assert_eq!(total_of(committed, emergency, &[]), 0);
        }
        // Any other mistake, with every penalty, still scores something.
        for expected in ALL.into_iter().filter(|&e| e != emergency) {
            for committed in ALL {
                assert!(total_of(committed, expected, &penalties(5)) > 0);
            }
        }
    }

    #[test]
    fn the_right_verdict_keeps_full_marks() {
        for v in ALL {
            assert_eq!(total_of(v, v, &[]), 10, "{v}");
        }
    }

    #[test]
    fn under_triage_costs_more_than_the_same_steps_of_over_caution() {
        for (i, &low) in ALL.iter().enumerate() {
            for &high in &ALL[i + 1..] {
                let under = total_of(low, high, &[]);
                let over = total_of(high, low, &[]);
                assert!(under < over, "{low} for {high}: {under} vs {over}");
            }
        }
    }

    #[test]
    fn a_missed_emergency_scores_nothing_and_is_the_worst() {
        let emergency = Verdict::Refer(Urgency::Emergency);
        let worst_other = ALL
            .iter()
            .flat_map(|&c| ALL.iter().map(move |&e| (c, e)))
            .filter(|&(_, e)| e != emergency)
            .map(|(c, e)| total_of(c, e, &[]))
            .min();
        assert_eq!(total_of(Verdict::Refer(Urgency::Urgent), emergency, &[]), 0);
        assert!(worst_other > Some(0), "{worst_other:?}");
    }

    #[test]
    fn modify_on_a_treat_case_is_a_small_loss() {
        assert_eq!(total_of(Verdict::Modify, Verdict::Treat, &[]), 9);
    }
}
