//! A yes/no question about something recent ("an operation on your spine
//! in the last few months", written `yes within 0..6 months`): when a yes
//! says when ("yes, 2 years ago", "6 weeks ago", "last month"), the time
//! decides. Inside the window it is a yes, outside a no, and a time that
//! could be either ("last year" for six months) is asked again. A no stays
//! a no whatever time it names: "no, the pain started 2 weeks ago" is about
//! the pain, not the operation.

use super::answer_error::{AnswerError, options_as_shown};
use super::decision::{Certainty, Reading};
use super::durations::{Days, duration_in};
use super::normalise::Typed;
use crate::compile::{AnswerValue, Measure, Question, YesNo};

/// Vague times, in days ago: the least and the most each can mean.
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["yesterday"], 1.0, 1.0),
    (&["last", "night"], 0.0, 1.0),
    (&["this", "week"], 0.0, 7.0),
    (&["last", "week"], 7.0, 14.0),
    (&["few", "weeks", "ago"], 14.0, 49.0),
    (&["this", "month"], 0.0, 31.0),
    (&["last", "month"], 28.0, 62.0),
    (&["few", "months", "ago"], 60.0, 180.0),
    (&["recently"], 0.0, 90.0),
    (&["this", "year"], 0.0, 365.0),
    (&["last", "year"], 1.0, 730.0),
    (&["few", "years", "ago"], 730.0, f64::INFINITY),
    (&["years", "ago"], 730.0, f64::INFINITY),
    (&["ages", "ago"], 365.0, f64::INFINITY),
    (&["long", "time", "ago"], 365.0, f64::INFINITY),
    (&["long", "ago"], 365.0, f64::INFINITY),
    (&["as", "a", "child"], 365.0, f64::INFINITY),
    (&["as", "a", "kid"], 365.0, f64::INFINITY),
];

/// How long ago the words say something happened, if they say.
fn when_ago(words: &[String]) -> Option<Days> {
    let vague = VAGUE.iter().find(|(phrase, _, _)| {
        words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b))
    });
    if let Some((_, low, high)) = vague {
        return Some(Days {
            low: *low,
            high: *high,
        });
    }
    // "2 years ago", "6 weeks back": a length of time said as when.
    let said_as_when = words.iter().any(|w| w == "ago" || w == "back");
    said_as_when.then(|| duration_in(words)).flatten()
}

/// Whether the words say when something happened ("years ago", "last
/// month"), and nothing else of note.
pub(super) fn says_when(words: &[String]) -> bool {
    when_ago(words).is_some()
        && words.iter().all(|w| {
            super::words::is_stopword(w)
                || w.parse::<f64>().is_ok()
                || VAGUE
                    .iter()
                    .any(|(phrase, _, _)| phrase.contains(&w.as_str()))
                || super::durations::unit_days(w).is_some()
                || matches!(
                    w.as_str(),
                    "ago" | "back" | "about" | "around" | "a" | "few"
                )
        })
}

/// The reading of a yes/no answer with the time it names set against the
/// window of the question's yes; `read` unchanged when there is no window,
/// no time, or the reading is a no or a "not sure".
pub(super) fn within_window(
    question: &Question,
    typed: &Typed,
    input: &str,
    read: Result<Reading, AnswerError>,
) -> Result<Reading, AnswerError> {
    let Some(window) = (question.answer(YesNo::Yes.id()))
        .and_then(|yes| yes.within)
        .filter(|w| w.measure == Measure::Days)
    else {
        return read;
    };
    // "no ..." keeps its no; a no read only from the time ("2 years ago"
    // alone is the past) is the window's to decide.
    let denied = typed.words.iter().any(|w| {
        matches!(w.as_str(), "no" | "not" | "never" | "nope" | "nah") || w.ends_with("n't")
    });
    let said_yes = matches!(&read, Ok(reading) if reading.ids().any(|id| YesNo::Yes.is_id(id)));
    let Some(ago) = when_ago(&typed.words).filter(|_| said_yes || !denied) else {
        return read;
    };
    let (low, high) = (
        window.low as f64,
        window.high.map_or(f64::INFINITY, |h| h as f64),
    );
    let inside = ago.low >= low && ago.high <= high;
    let outside = ago.low > high || ago.high < low;
    if outside {
        // A no worked out from a time: the person confirms it first.
        return Ok(Reading::new(YesNo::No.value(), Certainty::Loose).confirmable());
    }
    // "Had my gallbladder out a month ago": a time inside the window does
    // not make an answer about something else a yes; "I had a spinal
    // fusion last year" speaks of what is asked, so its time decides.
    // "My husband had a spinal fusion last year": someone else's.
    if !said_yes
        && (!super::mention::speaks_of(question, input)
            || super::sentence::names_someone_else(&typed.words))
    {
        return read;
    }
    if inside {
        Ok(Reading::new(YesNo::Yes.value(), Certainty::Clear))
    } else {
        Err(AnswerError::Ambiguous {
            input: input.to_string(),
            candidates: options_as_shown(question).into_iter().take(2).collect(),
        })
    }
}

/// The choices of a multiple-choice answer with the time the words name
/// set against each chosen option's window (`answer surgery "An operation
/// on your spine in the last few months" within 0..6 months`): a choice
/// plainly outside its window is not chosen; one inside, or that could be
/// either ("last year"), stays, the safe reading. With no choice left the
/// answer is "none of these", asked back before it is recorded.
pub(super) fn choices_within_windows(question: &Question, typed: &Typed, read: Reading) -> Reading {
    let Some(ago) = when_ago(&typed.words) else {
        return read;
    };
    let AnswerValue::Many(ids) = read.value() else {
        return read;
    };
    let outside = |id: &str| {
        question
            .answer(id)
            .and_then(|answer| answer.within)
            .filter(|w| w.measure == Measure::Days)
            .is_some_and(|window| {
                let high = window.high.map_or(f64::INFINITY, |h| h as f64);
                ago.low > high || ago.high < window.low as f64
            })
    };
    if !ids.iter().any(|id| outside(id)) {
        return read;
    }
    let kept: Vec<String> = ids.iter().filter(|id| !outside(id)).cloned().collect();
    if !kept.is_empty() {
        return Reading::new(AnswerValue::Many(kept), Certainty::Loose).confirmable();
    }
    match super::choices::none_option(question) {
        Some(none) => Reading::new(
            AnswerValue::Many(vec![question.answers()[none].id.clone()]),
            Certainty::Loose,
        )
        .confirmable(),
        None => read,
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::{AnswerValue, compile};
    use crate::engine::{AnswerError, understand};
    use crate::source::KnowledgeSource;

    #[test]
    fn the_time_said_with_a_yes_is_set_against_the_window() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let at = flow.find("urgent.spinal_surgery").unwrap();
        let (node, question) = (flow.node(at), flow.question(at).unwrap());
        let read = |typed: &str| understand(node, question, typed).map(|u| u.into_value());
        let yes = Ok(AnswerValue::Choice("yes".into()));
        let no = Ok(AnswerValue::Choice("no".into()));
        assert_eq!(read("yes, 6 weeks ago"), yes);
        assert_eq!(read("yes last month"), yes);
        assert_eq!(read("yes, a few months ago"), yes);
        // Outside the window: a no, asked back before it is recorded.
        for outside in [
            "yes, 2 years ago",
            "2 years ago",
            "years ago",
            "yes but that was ages ago",
            "I had a spinal fusion as a child",
        ] {
            let understood = understand(node, question, outside).unwrap();
            assert_eq!(
                understood.value(),
                &AnswerValue::Choice("no".into()),
                "{outside}"
            );
            assert!(understood.must_check(), "{outside}");
        }
        // A time inside the window does not make another subject a yes.
        assert_ne!(read("had my gallbladder out a month ago"), yes);
        // "Last year" could be four months ago or twenty: asked again.
        assert!(matches!(
            read("I had a spinal fusion last year"),
            Err(AnswerError::Ambiguous { .. })
        ));
        // A no stays a no, whatever time it names.
        assert_eq!(read("no, the pain started 2 weeks ago"), no);
        // Plain answers are untouched.
        assert_eq!(read("yes"), yes);
        assert_eq!(read("no"), no);
    }

    #[test]
    fn a_time_outside_a_list_items_window_does_not_pick_it() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let at = flow.find("urgent.history_screen").unwrap();
        let (node, question) = (flow.node(at), flow.question(at).unwrap());
        let many = |ids: &[&str]| AnswerValue::Many(ids.iter().map(|i| i.to_string()).collect());
        let inside = understand(node, question, "spine operation 6 weeks ago").unwrap();
        assert_eq!(inside.value(), &many(&["surgery"]));
        // Years ago: not the recent operation; "None of these", said back.
        let outside = understand(node, question, "I had spinal surgery 2 years ago").unwrap();
        assert_eq!(outside.value(), &many(&["none"]));
        assert!(outside.certainty() == crate::engine::Certainty::Loose);
        // An item without a window keeps its pick whatever the time.
        let cancer = understand(node, question, "cancer, years ago").unwrap();
        assert_eq!(cancer.value(), &many(&["cancer"]));
    }
}
