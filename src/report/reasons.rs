//! The right reason, in words: the answers a result truly rests on (each
//! of which, given another way, could have changed it), the answers that
//! each alone would lead to it, and every other warning sign the person
//! reported. The engine finds them (`Session::what_decided`,
//! `Session::other_warning_signs`); this says them.

use crate::compile::{AnswerValue, NodeId};
use crate::engine::{DecidingAnswer, Session, WhatDecided};

/// Shown above the answers a result rests on (those not "not sure").
pub const DECIDING_HEADING: &str = "This result comes from your answer:";

/// The same, for more than one answer.
pub const DECIDING_HEADING_MANY: &str = "This result comes from your answers:";

/// Shown above answers of which each alone leads to the result.
pub const EACH_ALONE_HEADING: &str = "Each of these alone would lead here:";

/// Shown above the other warning signs reported.
pub const OTHERS_HEADING: &str = "Other warning signs you told us about:";

/// Why the other warning signs are listed.
pub const OTHERS_REASON: &str =
    "Tell the doctor about each of these too: they may matter as much as the one above.";

/// What decided a result, as lines to show: the answers it rests on, the
/// groups of answers each alone leading to it, and one line for the
/// answers that ruled something out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DecidingWords {
    /// One line per answer the result rests on that says something the
    /// person has or chose (not a "no", not "not sure": doubts are said
    /// apart), in the order asked.
    pub told: Vec<String>,
    /// One list of lines per group of answers that each alone lead here.
    pub each_alone: Vec<Vec<String>>,
    /// The "no" (or "none of these") answers the result also rests on, in
    /// one sentence; none when there are none.
    pub ruled_out: Option<String>,
}

impl DecidingWords {
    pub fn is_empty(&self) -> bool {
        self.told.is_empty() && self.each_alone.is_empty() && self.ruled_out.is_none()
    }

    /// The heading over `told`.
    pub fn heading(&self) -> &'static str {
        if self.told.len() == 1 {
            DECIDING_HEADING
        } else {
            DECIDING_HEADING_MANY
        }
    }
}

/// What decided the result, in words; empty while the walk is not complete.
pub fn deciding_words(session: &Session) -> DecidingWords {
    let decided = session.what_decided();
    words_of(session, &decided)
}

fn words_of(session: &Session, decided: &WhatDecided) -> DecidingWords {
    let doubts = session.deciding_doubts();
    let mut told = Vec::new();
    let mut ruled_out = Vec::new();
    for answer in surest_first(decided) {
        let q = answer.question;
        let Some(value) = session.answer_to(q) else {
            continue;
        };
        if doubts.contains(&q) {
            continue;
        }
        if answer.rules_out {
            ruled_out.extend(session.question_number(q));
        } else {
            told.extend(item(session, q, value));
        }
    }
    let each_alone = (decided.each_alone.iter())
        .map(|group| {
            (group.iter())
                .filter_map(|&q| item(session, q, session.answer_to(q)?))
                .collect()
        })
        .collect();
    let ruled_out = (!ruled_out.is_empty()).then(|| {
        let plural = if ruled_out.len() == 1 { "" } else { "s" };
        let any = if ruled_out.len() == 1 {
            "it"
        } else {
            "any of them"
        };
        format!(
            "It also rests on your \"no\" (or \"none of these\") to question{plural} {}: \
             answered another way, {any} could have changed the result.",
            number_runs(&ruled_out)
        )
    });
    DecidingWords {
        told,
        each_alone,
        ruled_out,
    }
}

/// The answers the result rests on, those that given another way reach
/// another result outright before those that would only leave the walk
/// needing more answers (an age that brings one more question), each kind
/// in the order asked.
fn surest_first(decided: &WhatDecided) -> impl Iterator<Item = &DecidingAnswer> {
    let outright = |d: &&DecidingAnswer| d.instead.iter().any(|(_, verdict)| verdict.is_some());
    (decided.each.iter().filter(outright)).chain(decided.each.iter().filter(move |d| !outright(d)))
}

/// `3 to 7, 9 and 12`: numbers in order, runs of three or more joined.
pub fn number_runs(numbers: &[usize]) -> String {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{} to {}", sorted[i], sorted[j]));
        } else {
            parts.extend(sorted[i..=j].iter().map(usize::to_string));
        }
        i = j + 1;
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The heading of the short summary at the top of `how`.
pub const SUMMARY_HEADING: &str = "What decided this:";

/// The most lines the summary at the top of `how` takes, its heading included.
const SUMMARY_LINES: usize = 5;

/// What decided the result in at most five lines, heading first, for the
/// top of `how`; empty while the walk is not complete. A therapist sees
/// question ids, a person the question numbers and shortened questions.
pub fn decided_summary(session: &Session, therapist: bool) -> Vec<String> {
    let decided = session.what_decided();
    if decided == WhatDecided::default() {
        return Vec::new();
    }
    let flow = session.flow();
    let doubts = session.deciding_doubts();
    let number = |q: NodeId| session.question_number(q).unwrap_or(0);
    let name = |q: NodeId| -> String {
        if therapist {
            format!("`{}`", flow.short_id(q))
        } else {
            format!("question {}", number(q))
        }
    };
    let said = |q: NodeId| -> Option<String> {
        let asked = flow.question(q)?;
        let value = session.answer_to(q)?;
        let words = crate::engine::shorten(&super::said_words(session, asked, value));
        Some(if therapist {
            format!("{} \"{words}\"", name(q))
        } else {
            format!("Question {}: you said \"{words}\"", number(q))
        })
    };
    let mut told: Vec<NodeId> = Vec::new();
    let mut unsure: Vec<NodeId> = Vec::new();
    let mut ruled_out: Vec<NodeId> = Vec::new();
    for answer in surest_first(&decided) {
        if doubts.contains(&answer.question) {
            unsure.push(answer.question);
        } else if answer.rules_out {
            ruled_out.push(answer.question);
        } else {
            told.push(answer.question);
        }
    }
    let list = |questions: &[NodeId]| -> String {
        if therapist {
            let names: Vec<String> = questions.iter().map(|&q| name(q)).collect();
            names.join(", ")
        } else {
            let numbers: Vec<usize> = questions.iter().map(|&q| number(q)).collect();
            let plural = if numbers.len() == 1 { "" } else { "s" };
            format!("question{plural} {}", number_runs(&numbers))
        }
    };
    let mut tail: Vec<String> = Vec::new();
    if !unsure.is_empty() {
        tail.push(format!(
            "  - Not sure, taken as yes to be safe: {}.",
            list(&unsure)
        ));
    }
    for group in &decided.each_alone {
        tail.push(format!("  - Each alone would lead here: {}.", list(group)));
    }
    if !ruled_out.is_empty() {
        tail.push(format!(
            "  - Also the \"no\" or \"none of these\" to {}.",
            list(&ruled_out)
        ));
    }
    let mut lines = vec![SUMMARY_HEADING.to_string()];
    let room = SUMMARY_LINES - 1;
    tail.truncate(room);
    let told_room = room - tail.len();
    if told.len() <= told_room {
        lines.extend(
            told.iter()
                .filter_map(|&q| said(q))
                .map(|s| format!("  - {s}.")),
        );
    } else if told_room > 0 {
        let (shown, rest) = told.split_at(told_room - 1);
        lines.extend(
            shown
                .iter()
                .filter_map(|&q| said(q))
                .map(|s| format!("  - {s}.")),
        );
        lines.push(format!("  - And your answers to {} (below).", list(rest)));
    }
    lines.extend(tail);
    lines
}

/// One line per other warning sign: asked ones with their number.
pub fn other_items(session: &Session) -> Vec<String> {
    session
        .other_warning_signs()
        .into_iter()
        .filter_map(|(question, value)| item(session, question, value))
        .collect()
}

fn item(session: &Session, question: NodeId, value: &AnswerValue) -> Option<String> {
    let asked = session.flow().question(question)?;
    let said = super::said_words(session, asked, value);
    let ask = super::addressed(session, &asked.ask);
    Some(match session.question_number(question) {
        Some(number) => format!("Question {number}: \"{ask}\" You said \"{said}\"."),
        None => format!("\"{ask}\" You said \"{said}\"."),
    })
}

/// The heading over what was mentioned in passing.
pub const MENTIONED_HEADING: &str = "You also mentioned:";

/// Why what was mentioned in passing is shown.
pub const MENTIONED_REASON: &str = "Tell whoever you see about these too, in your own words.";

/// What the person mentioned in passing while answering other questions
/// ("my pee's been red"), in the order said: nothing said is dropped.
pub fn mentioned_items(session: &Session) -> Vec<String> {
    (session.mentions().iter())
        .map(|m| format!("\u{201c}{}\u{201d}", m.said))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;
    use crate::source::KnowledgeSource;

    fn case_walk<'f>(flow: &'f crate::compile::Flow, name: &str) -> Session<'f> {
        let case = (flow.cases().iter()).find(|c| c.name == name).unwrap();
        Session::replay(flow, &case.answers.iter().cloned().collect())
    }

    #[test]
    fn how_starts_with_what_decided_in_at_most_five_lines_for_every_case() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        for case in flow.cases() {
            let session = Session::replay(&flow, &case.answers.iter().cloned().collect());
            if !session.is_complete() {
                continue;
            }
            for audience in [
                crate::report::Audience::Lay,
                crate::report::Audience::Therapist,
            ] {
                let how = crate::report::how_text(&session, audience);
                let (summary, walk) = how
                    .split_once("\nThe whole walk:\n")
                    .unwrap_or_else(|| panic!("{}: {how}", case.name));
                assert!(summary.starts_with(SUMMARY_HEADING), "{}: {how}", case.name);
                assert!(summary.lines().count() <= 5, "{}: {summary}", case.name);
                assert!(walk.starts_with("1. "), "{}: {how}", case.name);
            }
        }
    }

    #[test]
    fn a_modify_says_what_decided_it_on_the_screen_in_how_and_in_the_report() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let session = case_walk(&flow, "spasm, rash and face-down not tolerated");
        let words = deciding_words(&session);
        assert_eq!(words.each_alone.len(), 1, "{words:?}");
        assert!(words.each_alone[0][0].contains("You said"), "{words:?}");
        let screen = super::super::outcome_text(&session, crate::report::Audience::Lay);
        assert!(screen.contains(EACH_ALONE_HEADING), "{screen}");
        let report = super::super::markdown_report(
            &session,
            crate::report::Audience::Lay,
            std::time::SystemTime::UNIX_EPOCH,
        );
        assert!(report.contains(EACH_ALONE_HEADING), "{report}");
        let how = crate::report::how_text(&session, crate::report::Audience::Lay);
        assert!(
            how.contains("Each alone would lead here: questions"),
            "{how}"
        );
    }

    #[test]
    fn an_emergency_names_its_sign_alone() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let session = case_walk(&flow, "saddle numbness");
        let words = deciding_words(&session);
        assert_eq!(words.told.len(), 1, "{words:?}");
        assert!(words.told[0].contains("bike saddle"), "{words:?}");
        assert_eq!(words.heading(), DECIDING_HEADING);
    }

    #[test]
    fn numbers_are_said_in_runs() {
        assert_eq!(
            number_runs(&[3, 4, 5, 6, 9, 12, 13]),
            "3 to 6, 9, 12 and 13"
        );
        assert_eq!(number_runs(&[7]), "7");
        assert_eq!(number_runs(&[]), "");
    }

    #[test]
    fn what_was_mentioned_in_passing_is_on_the_result_and_in_the_report() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let mut session = Session::new(&flow);
        for answer in ["self_pain", "yes", "34", "no"] {
            session.answer_text(answer).unwrap();
        }
        session.answer_text("no, but my pee's been red").unwrap();
        session.answer_text("yes").unwrap();
        // Asked about blood in the pee at once: not so, says the person.
        assert!(session.pending_check().is_some());
        session.answer_text("no").unwrap();
        // Then all clear to the end.
        for _ in 0..40 {
            let crate::engine::Current::Question { node, question, .. } = session.current() else {
                break;
            };
            let answer = match (node.local(), &question.kind) {
                ("how_long", _) => "acute",
                (_, crate::compile::QuestionKind::YesNo { .. }) => "no",
                _ => "none",
            };
            session.answer_text(answer).unwrap();
        }
        assert!(session.is_complete());
        assert_eq!(
            mentioned_items(&session),
            ["\u{201c}my pee's been red\u{201d}"]
        );
        let screen = super::super::outcome_text(&session, crate::report::Audience::Lay);
        assert!(screen.contains(MENTIONED_HEADING), "{screen}");
        assert!(screen.contains("my pee's been red"), "{screen}");
        let report = super::super::markdown_report(
            &session,
            crate::report::Audience::Lay,
            std::time::SystemTime::UNIX_EPOCH,
        );
        assert!(
            report.contains("- \u{201c}my pee's been red\u{201d}"),
            "{report}"
        );
    }
}
