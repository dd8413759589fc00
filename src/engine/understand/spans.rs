//! Answers that cover a span (`within 0..6 weeks`, `within 16..49`): a typed
//! length of time or number lands in the answer whose span holds it.

use super::answer_error::AnswerError;
use super::decision::{Certainty, Reading};
use super::durations::{Days, bare_number, bout_in};
use super::normalise::Typed;
use super::numbers::numbers_in;
use crate::compile::{AnswerValue, Measure, Question, Within};

/// Whether an answer's span holds `value`. Both ends count, except that a
/// value where one answer ends and another starts belongs to the one starting.
fn holds(question: &Question, within: &Within, value: f64) -> bool {
    let low = within.low as f64;
    if value < low {
        return false;
    }
    match within.high {
        None => true,
        Some(high) => {
            let high = high as f64;
            value < high
                || (value == high
                    && !question
                        .answers()
                        .iter()
                        .filter_map(|a| a.within)
                        .any(|other| other.measure == within.measure && other.low as f64 == high))
        }
    }
}

/// The answer a typed span of values lands in. `None`: the question has no
/// spans of that kind, or the words give no amount.
pub(super) fn by_span(
    question: &Question,
    typed: &Typed,
    input: &str,
) -> Option<Result<Reading, AnswerError>> {
    let measure = question.answers().iter().find_map(|a| a.within)?.measure;
    let span = match measure {
        Measure::Days => match bout_in(&typed.words) {
            Some(days) => days,
            None if bare_number(&typed.words) => {
                return Some(Err(AnswerError::UnitWanted {
                    input: input.to_string(),
                }));
            }
            None => return None,
        },
        Measure::Number => {
            let numbers = numbers_in(&typed.words);
            match numbers[..] {
                [one] => Days {
                    low: one.value.floor(),
                    high: one.value.floor(),
                },
                [] => return None,
                _ => {
                    let low = numbers
                        .iter()
                        .map(|n| n.value)
                        .fold(f64::INFINITY, f64::min);
                    let high = numbers
                        .iter()
                        .map(|n| n.value)
                        .fold(f64::NEG_INFINITY, f64::max);
                    Days { low, high }
                }
            }
        }
    };
    let covering: Vec<usize> = (0..question.answers().len())
        .filter(|&i| {
            let Some(within) = question.answers()[i]
                .within
                .filter(|w| w.measure == measure)
            else {
                return false;
            };
            // Any part of the typed span inside this answer's span.
            let (low, high) = (
                within.low as f64,
                within.high.map_or(f64::INFINITY, |h| h as f64),
            );
            holds(question, &within, span.low)
                || holds(question, &within, span.high)
                || (span.low < low && span.high > high)
        })
        .collect();
    Some(match covering[..] {
        [one] => Ok(Reading::new(
            AnswerValue::Choice(question.answers()[one].id.clone()),
            Certainty::Clear,
        )),
        [] => Err(AnswerError::NoMatch {
            input: input.to_string(),
            options: super::answer_error::options_as_shown(question),
        }),
        _ => Err(AnswerError::Ambiguous {
            input: input.to_string(),
            candidates: covering
                .iter()
                .map(|&i| format!("{}) {}", i + 1, question.answers()[i].label))
                .collect(),
        }),
    })
}
