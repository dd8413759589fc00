//! Scoring a therapist's conclusion against the graph: verdict, urgency, red
//! flags missed, questions that mattered but were not asked, and questions
//! asked that did not matter, each explained in words.

use std::collections::HashMap;

use serde::Serialize;

use crate::compile::{AnswerValue, Flow, NodeId, Urgency, Verdict, YesNo};
use crate::engine::Session;
use crate::report::answer_words;

use super::change_match::{self, Typed};
use super::danger::{
    self, CHANGE_MISSING, CHANGE_WRONG, MATTERED_NOT_ASKED, MISSED_RED_FLAG, PointLine,
    REASON_WRONG, ROOT_MISSING, ROOT_WRONG,
};
use super::story_facts::{StoryFacts, alternatives};
use crate::engine::RootReading;

/// What the therapist concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub verdict: Verdict,
    /// The questions the therapist names as the key reasons.
    pub reasons: Vec<NodeId>,
    /// The nerve root named (`L4`, `L5`, `S1`), if any.
    pub root: Option<String>,
    /// For modify: the changes named, one string each
    /// (`light-pressure-on-atrophy`, `avoid side-lying`).
    pub changes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Out of 10, weighted by danger (see [`danger::SCORING_HELP`]).
    pub points: u32,
    /// What the points were taken off for; empty for full marks.
    pub breakdown: Vec<PointLine>,
    /// Treat, modify or refer as the graph has it, whatever the urgency.
    pub verdict_right: bool,
    pub urgency_right: bool,
    /// The verdict the graph reaches; none when the answers do not reach an
    /// outcome. JSON keeps two fields, as before: `expected_verdict` (`treat`,
    /// `modify` or `refer`) and `expected_urgency` (a referral's only).
    #[serde(flatten, serialize_with = "expected_fields")]
    pub expected: Option<Verdict>,
    pub outcome: Option<String>,
    pub missed_red_flags: Vec<String>,
    pub mattered_not_asked: Vec<String>,
    pub asked_not_mattering: Vec<String>,
    /// What decided the result, as the result screen says it
    /// (`Session::what_decided`): every question on the path whose answer,
    /// changed, could change the result, and those of which each alone
    /// leads to it; in the order asked.
    pub deciding: Vec<String>,
    /// The root the findings point to, from the roots the knowledge gives
    /// them (`L5`, or `L4 or L5` where either is right); none without
    /// findings that name a root or when they split evenly.
    pub expected_root: Option<String>,
    /// For a modify the graph reaches: the ids of the declared changes its
    /// walk needs (its notes' and its outcome's).
    pub changes_needed: Vec<String>,
    /// Of those, the ids a committed change says.
    pub changes_credited: Vec<String>,
    /// The committed changes, as typed, that say a change this client does
    /// not need, or no declared change at all.
    pub changes_wrong: Vec<String>,
    /// One sentence per difference.
    pub explanations: Vec<String>,
}

/// [`Score::expected`] as the JSON has always shown it.
#[derive(Serialize)]
struct ExpectedFields {
    expected_verdict: Option<&'static str>,
    expected_urgency: Option<Urgency>,
}

fn expected_fields<S: serde::Serializer>(
    expected: &Option<Verdict>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    ExpectedFields {
        expected_verdict: expected.map(Verdict::word),
        expected_urgency: expected.and_then(Verdict::urgency),
    }
    .serialize(serializer)
}

/// The verdict the answers reach; none when they stop before an outcome.
fn result_of(session: &Session) -> Option<Verdict> {
    session.outcome().map(|outcome| outcome.verdict)
}

/// Both treat, both modify, or both refer, whatever the urgency.
fn same_kind(one: Verdict, other: Verdict) -> bool {
    matches!(
        (one, other),
        (Verdict::Treat, Verdict::Treat)
            | (Verdict::Modify, Verdict::Modify)
            | (Verdict::Refer(_), Verdict::Refer(_))
    )
}

fn describe(result: Option<Verdict>) -> String {
    match result {
        Some(verdict) => verdict.to_string(),
        None => "a matter for more questions".to_string(),
    }
}

pub fn score(
    flow: &Flow,
    given: &HashMap<NodeId, AnswerValue>,
    asked: &[NodeId],
    commitment: &Commitment,
    story: &StoryFacts,
) -> Score {
    let session = Session::replay(flow, given);
    let expected = result_of(&session);
    // What decided the result, as the result screen says it: a reason in
    // any group of answers that each alone lead here earns its credit.
    let decided = session.what_decided();
    let path: Vec<(NodeId, AnswerValue)> = session.answers().map(|(q, v)| (q, v.clone())).collect();
    let id = |q: NodeId| flow.short_id(q).to_string();
    let mut explanations = Vec::new();

    let verdict_right = expected.is_some_and(|expected| same_kind(expected, commitment.verdict));
    let urgency_right = expected.and_then(Verdict::urgency) == commitment.verdict.urgency();
    if !verdict_right {
        let outcome = session
            .outcome()
            .map_or(String::new(), |o| format!(": \"{}\"", o.title));
        explanations.push(format!(
            "You concluded {}; the graph reaches {}{outcome}.",
            describe(Some(commitment.verdict)),
            describe(expected)
        ));
    } else if !urgency_right {
        explanations.push(format!(
            "The verdict is right, but the urgency is {}, not {}.",
            expected
                .and_then(Verdict::urgency)
                .map_or("none", Urgency::word),
            commitment.verdict.urgency().map_or("none", Urgency::word)
        ));
    }

    // Red flags the client has, whether or not the walk reached them.
    let mut missed_red_flags = Vec::new();
    for (&q, value) in given {
        let node = flow.node(q);
        let positive = YesNo::Yes.is(value) || YesNo::Unsure.is(value);
        if node.is_red_flag() && positive && !asked.contains(&q) {
            missed_red_flags.push(q);
        }
    }
    missed_red_flags.sort_unstable();
    for &q in &missed_red_flags {
        if let (Some(question), Some(value)) = (flow.question(q), given.get(&q)) {
            explanations.push(format!(
                "Missed red flag `{}` (\"{}\"): the client would have said \"{}\".",
                id(q),
                question.ask,
                answer_words(question, value)
            ));
        }
    }

    // A question on the path mattered if a plausible other answer changes
    // the result; one the story already tells counts as known.
    let mut mattered = Vec::new();
    let mut told = Vec::new();
    for (q, value) in &path {
        let Some(question) = flow.question(*q) else {
            continue;
        };
        // Prefer a change that reaches a result over one that only leads
        // to more questions: it says more about why the question matters.
        let changes: Vec<_> = alternatives(question, value, story)
            .into_iter()
            .filter_map(|alternative| {
                let session = Session::replay_with_answer(flow, given, *q, alternative.clone());
                let result = result_of(&session);
                let title = session.outcome().map(|o| o.title.clone());
                (result != expected).then_some((alternative, result, title))
            })
            .collect();
        let changed = changes
            .iter()
            .find(|(_, result, _)| result.is_some())
            .or(changes.first())
            .cloned();
        let Some((alternative, result, title)) = changed else {
            continue;
        };
        mattered.push(*q);
        if asked.contains(q) || missed_red_flags.contains(q) {
            continue;
        }
        let says = answer_words(question, value);
        let clinical = flow.node(*q).clinical.as_deref().unwrap_or(&question.ask);
        if story.tells(*q) {
            told.push(*q);
            explanations.push(format!(
                "`{}` mattered, and the story already tells it (\"{says}\"): counted as known.",
                id(*q)
            ));
            continue;
        }
        let title = title.map_or(String::new(), |t| format!(" (\"{t}\")"));
        explanations.push(format!(
            "`{}` mattered but was not asked: the client says \"{says}\". Had {} answered \"{}\" to \"{}\", this would be {}{title}.",
            id(*q),
            story.pronoun(),
            answer_words(question, &alternative),
            clinical,
            describe(result)
        ));
    }
    let mattered_not_asked: Vec<NodeId> = mattered
        .iter()
        .copied()
        .filter(|q| !asked.contains(q) && !missed_red_flags.contains(q) && !told.contains(q))
        .collect();
    // A nerve check that recorded a finding mattered for the root even when
    // it did not change the verdict.
    let gave_finding = |q: NodeId| {
        let (Some(question), Some(value)) = (flow.question(q), given.get(&q)) else {
            return false;
        };
        value.choices().iter().any(|c| {
            question.answer(c).is_some_and(|a| {
                a.effects
                    .iter()
                    .any(|e| matches!(e, crate::compile::Effect::Finding(_)))
            })
        })
    };
    let asked_not_mattering: Vec<NodeId> = asked
        .iter()
        .copied()
        .filter(|&q| {
            !mattered.contains(&q)
                && !decided.names(q)
                && !missed_red_flags.contains(&q)
                && !gave_finding(q)
        })
        .collect();
    for &q in &asked_not_mattering {
        explanations.push(format!(
            "`{}` did not change the result for this client.",
            id(q)
        ));
    }
    let mut reason_lines = Vec::new();
    let in_story = |q: NodeId| story.tells(q);
    for &q in &commitment.reasons {
        if !asked.contains(&q) && !in_story(q) {
            explanations.push(format!(
                "You cite `{}`, but you never asked it and the story does not tell it.",
                id(q)
            ));
            reason_lines.push(PointLine {
                points: -REASON_WRONG,
                reason: format!("reason `{}` never asked", id(q)),
            });
        } else if !mattered.contains(&q) && !gave_finding(q) && !decided.names(q) {
            explanations.push(format!(
                "You cite `{}`, but it did not decide the result: no other answer to it, alone or with answers that each lead here, would have changed it.",
                id(q)
            ));
            reason_lines.push(PointLine {
                points: -REASON_WRONG,
                reason: format!("reason `{}` did not decide the result", id(q)),
            });
        }
    }

    let findings: Vec<&str> = (session.findings().iter())
        .map(|(_, f)| f.text.as_str())
        .collect();
    // The roots the knowledge gives the findings, read as the therapist's
    // screen reads them.
    let reading = session.likely_root();
    let expected_root = (!reading.accepted().is_empty()).then(|| reading.words());
    let mut root_lines = Vec::new();
    if let RootReading::Leaning { root, against } = &reading {
        let odd: Vec<&str> = against
            .iter()
            .filter_map(|&i| findings.get(i).copied())
            .collect();
        explanations.push(format!(
            "The findings lean to {root}, but not all of them: {} Name {root} and test formally.",
            odd.join(" ")
        ));
    }
    match (expected_root.as_deref(), commitment.root.as_deref()) {
        (Some(want), Some(named)) if !reading.accepts(named) => {
            explanations.push(format!(
                "You named {named}; the findings point to {want}: {}",
                findings.join(" ")
            ));
            root_lines.push(PointLine {
                points: -ROOT_WRONG,
                reason: format!("root: {named} named, the findings point to {want}"),
            });
        }
        (Some(want), None) => {
            let example = reading.accepted()[0];
            explanations.push(format!(
                "The findings point to the {want} root; name it in the commit (`commit refer routine {example}`)."
            ));
            root_lines.push(PointLine {
                points: -ROOT_MISSING,
                reason: format!("root not named (the findings point to {want})"),
            });
        }
        (None, Some(named)) if reading == RootReading::Unmapped && !findings.is_empty() => {
            explanations.push(format!(
                "You named {named}, but no finding here points to a root: test formally. {}",
                findings.join(" ")
            ))
        }
        (None, Some(named)) if !findings.is_empty() => explanations.push(format!(
            "You named {named}, but the findings do not agree on one root: test formally. {}",
            findings.join(" ")
        )),
        _ => {}
    }

    // For modify, each change the walk needs should be named, by meaning
    // against the declared vocabulary; a wrong one, or words that are no
    // change, cost a point too.
    let mut change_lines = Vec::new();
    let mut wrong_lines = Vec::new();
    let mut changes_needed = Vec::new();
    let mut changes_credited = Vec::new();
    let mut changes_wrong = Vec::new();
    if expected == Some(Verdict::Modify) && commitment.verdict == Verdict::Modify {
        let marks = change_match::mark(flow, &session, &commitment.changes);
        changes_needed = marks.needed.iter().map(|c| c.id.clone()).collect();
        for (typed, found) in &marks.typed {
            match found {
                Typed::Credited(change) => {
                    explanations.push(format!(
                        "Change `{typed}` credited: {} (`{}`).",
                        change.label, change.id
                    ));
                    if !changes_credited.contains(&change.id) {
                        changes_credited.push(change.id.clone());
                    }
                }
                Typed::Wrong { change, opposite } => {
                    let against = opposite.map_or(String::new(), |o| {
                        format!(
                            " It is the opposite of one {} needs: {} (`{}`).",
                            story.pronoun(),
                            o.label,
                            o.id
                        )
                    });
                    explanations.push(format!(
                        "Change `{typed}` reads as {} (`{}`), which this client does not need.{against}",
                        change.label, change.id
                    ));
                    changes_wrong.push(typed.clone());
                    wrong_lines.push(PointLine {
                        points: -CHANGE_WRONG,
                        reason: format!("change `{typed}` is not one this client needs"),
                    });
                }
                Typed::NotAChange => {
                    explanations.push(format!(
                        "`{typed}` is not a change the knowledge knows: `changes` lists them."
                    ));
                    changes_wrong.push(typed.clone());
                    wrong_lines.push(PointLine {
                        points: -CHANGE_WRONG,
                        reason: format!("`{typed}` is not a change"),
                    });
                }
            }
        }
        for change in marks.missing() {
            explanations.push(format!(
                "A change you did not name: {} (`{}`).",
                change.label, change.id
            ));
            change_lines.push(PointLine {
                points: -CHANGE_MISSING,
                reason: format!("change not named: {}", change.label),
            });
        }
    }

    let mut breakdown = match expected {
        Some(expected) => danger::verdict_lines(commitment.verdict, expected),
        None => Vec::new(),
    };
    for &q in &missed_red_flags {
        breakdown.push(PointLine {
            points: -MISSED_RED_FLAG,
            reason: format!("red flag `{}` never asked", id(q)),
        });
    }
    for &q in &mattered_not_asked {
        breakdown.push(PointLine {
            points: -MATTERED_NOT_ASKED,
            reason: format!(
                "`{}` could have changed the result and was not asked",
                id(q)
            ),
        });
    }
    breakdown.extend(root_lines);
    breakdown.extend(change_lines.into_iter().take(2));
    breakdown.extend(wrong_lines.into_iter().take(2));
    breakdown.extend(reason_lines.into_iter().take(2));
    // The band of the verdict bounds the round: one line says how, so the
    // breakdown still adds up to the points.
    let band = expected.map(|e| danger::Band::of(commitment.verdict, e));
    let raw = danger::total(None, &breakdown);
    let banded = danger::total(band, &breakdown);
    if let (Some(band), true) = (band, banded != raw) {
        breakdown.push(PointLine {
            points: banded as i32 - raw as i32,
            reason: band_words(band, banded > raw),
        });
    }
    Score {
        points: banded,
        breakdown,
        verdict_right,
        urgency_right,
        expected,
        outcome: session
            .outcome()
            .map(|_| flow.node(session.current_index()).id.to_string()),
        missed_red_flags: missed_red_flags.into_iter().map(id).collect(),
        mattered_not_asked: mattered_not_asked.into_iter().map(id).collect(),
        asked_not_mattering: asked_not_mattering.into_iter().map(id).collect(),
        deciding: path
            .iter()
            .map(|(q, _)| *q)
            .filter(|q| decided.names(*q))
            .map(id)
            .collect(),
        expected_root,
        changes_needed,
        changes_credited,
        changes_wrong,
        explanations,
    }
}

/// Why the band moved the points: up to its floor or down to its ceiling.
fn band_words(band: danger::Band, raised: bool) -> String {
    let (low, high) = band.range();
    let name = match band {
        danger::Band::Right => "the right verdict",
        danger::Band::OverCaution => "over-caution",
        danger::Band::UnderTriage => "under-triage",
        danger::Band::MissedEmergency => "a missed emergency",
    };
    let points = |n: u32| {
        if n == 1 {
            "1 point".to_string()
        } else {
            format!("{n} points")
        }
    };
    if raised {
        format!("{name} keeps at least {}", points(low))
    } else {
        format!("{name} scores at most {}", points(high))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score_expecting(expected: Option<Verdict>) -> String {
        let score = Score {
            points: 10,
            breakdown: Vec::new(),
            verdict_right: true,
            urgency_right: true,
            expected,
            outcome: None,
            missed_red_flags: Vec::new(),
            mattered_not_asked: Vec::new(),
            asked_not_mattering: Vec::new(),
            deciding: Vec::new(),
            expected_root: None,
            changes_needed: Vec::new(),
            changes_credited: Vec::new(),
            changes_wrong: Vec::new(),
            explanations: Vec::new(),
        };
        serde_json::to_string(&score).unwrap()
    }

    #[test]
    fn the_json_shows_the_expected_verdict_as_two_fields_in_place() {
        let json: serde_json::Value =
            serde_json::from_str(&score_expecting(Some(Verdict::Refer(Urgency::Emergency))))
                .unwrap();
        assert_eq!(json["expected_verdict"], "refer");
        assert_eq!(json["expected_urgency"], "emergency");
        // In the place and order the fields always had.
        let text = score_expecting(Some(Verdict::Modify));
        assert!(
            text.contains(r#""urgency_right":true,"expected_verdict":"modify","expected_urgency":null,"outcome":null"#),
            "{text}"
        );
        let none: serde_json::Value = serde_json::from_str(&score_expecting(None)).unwrap();
        assert!(none["expected_verdict"].is_null() && none["expected_urgency"].is_null());
    }

    #[test]
    fn a_verdict_is_right_whatever_the_urgency() {
        let urgent = Verdict::Refer(Urgency::Urgent);
        assert!(same_kind(urgent, Verdict::Refer(Urgency::Routine)));
        assert!(same_kind(Verdict::Treat, Verdict::Treat));
        assert!(!same_kind(Verdict::Treat, Verdict::Modify));
        assert!(!same_kind(urgent, Verdict::Modify));
    }
}
