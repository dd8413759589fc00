//! Turning what a person typed into an answer: by number, id, label or
//! synonym, case-insensitively, a unique prefix being enough.

use compact_str::CompactString;
use std::fmt;

use super::{AnswerValue, Form, Question};

/// Why typed text is not an answer to the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    Empty,
    /// The walk has reached an outcome: there is no question to answer.
    Complete,
    NoMatch {
        input: String,
        valid: Vec<String>,
    },
    Ambiguous {
        input: String,
        candidates: Vec<String>,
    },
    NotANumber {
        input: String,
        min: i64,
        max: i64,
    },
    OutOfRange {
        value: i64,
        min: i64,
        max: i64,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Empty => write!(f, "Please type an answer."),
            AnswerError::Complete => write!(
                f,
                "The assessment is complete: there is no question to answer."
            ),
            AnswerError::NoMatch { input, valid } => write!(
                f,
                "\"{}\" is not one of the answers. Valid answers: {}.",
                shorten(input),
                valid.join(", ")
            ),
            AnswerError::Ambiguous { input, candidates } => write!(
                f,
                "\"{}\" could mean more than one answer. Did you mean {}?",
                shorten(input),
                candidates.join(" or ")
            ),
            AnswerError::NotANumber { input, min, max } => write!(
                f,
                "\"{}\" is not a number. Please type a whole number from {min} to {max}.",
                shorten(input)
            ),
            AnswerError::OutOfRange { value, min, max } => write!(
                f,
                "{value} is outside the range. Please type a whole number from {min} to {max}."
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

/// Typed text made safe to show: at most 40 characters (echoing a megabyte
/// back would bury the message), control characters as `\u{..}` escapes so
/// typed escape sequences cannot drive the terminal.
pub fn shorten(input: &str) -> String {
    crate::printable::printable(input, 40)
}

/// Words people use for yes, no and not sure, beyond the declared synonyms.
fn built_in_synonyms(id: &str) -> &'static [&'static str] {
    match id {
        "yes" => &[
            "y",
            "yeah",
            "yep",
            "yup",
            "yes please",
            "i do",
            "i have",
            "correct",
            "true",
        ],
        "no" => &[
            "n",
            "nope",
            "nah",
            "not really",
            "never",
            "i don't",
            "i do not",
            "false",
        ],
        "unsure" => &[
            "not sure",
            "don't know",
            "dont know",
            "do not know",
            "i don't know",
            "dunno",
            "maybe",
            "perhaps",
            "idk",
            "?",
            "unknown",
        ],
        _ => &[],
    }
}

/// Lower case, with `_` and `-` read as spaces and runs of spaces squeezed.
fn normalize(text: &str) -> String {
    text.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How an answer's word (its id, label or a synonym) may match typed text.
#[derive(Clone, Copy)]
enum Tier {
    /// The same words.
    Same,
    /// The typed text begins the word.
    Prefix,
    /// The typed words occur, whole, inside it ("face down" in "Lying face-down").
    Inside,
}

/// Whether `word`, normalised, matches the typed words `wanted` (normalised,
/// split at spaces). Compared word by word so that ASCII text (every id,
/// nearly every label) is matched without building normalised copies:
/// compiling the cases interprets hundreds of answers.
fn word_matches(word: &str, wanted: &[&str], tier: Tier) -> bool {
    if word.is_ascii() {
        let words = word
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|w| !w.is_empty());
        words_match(words, wanted, tier)
    } else {
        let normalized = normalize(word);
        words_match(
            normalized.split(' ').filter(|w| !w.is_empty()),
            wanted,
            tier,
        )
    }
}

fn words_match<'a>(
    mut words: impl Iterator<Item = &'a str> + Clone,
    wanted: &[&str],
    tier: Tier,
) -> bool {
    let same =
        |word: Option<&str>, typed: &str| word.is_some_and(|w| w.eq_ignore_ascii_case(typed));
    match tier {
        Tier::Same => {
            wanted.iter().all(|typed| same(words.next(), typed)) && words.next().is_none()
        }
        Tier::Prefix => {
            let Some((last, init)) = wanted.split_last() else {
                return true;
            };
            init.iter().all(|typed| same(words.next(), typed))
                && words.next().is_some_and(|w| {
                    w.len() >= last.len()
                        && w.as_bytes()[..last.len()].eq_ignore_ascii_case(last.as_bytes())
                })
        }
        Tier::Inside => loop {
            let mut probe = words.clone();
            if wanted.iter().all(|typed| same(probe.next(), typed)) {
                return true;
            }
            if words.next().is_none() {
                return false;
            }
        },
    }
}

impl Question {
    /// Interprets typed text as an answer to this question.
    pub fn interpret(&self, input: &str) -> Result<AnswerValue, AnswerError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(AnswerError::Empty);
        }
        match self.form {
            Form::Number => self.interpret_number(input),
            Form::Multiple => self.interpret_many(input),
            Form::YesNo | Form::Single => self.match_one(input).map(AnswerValue::Choice),
        }
    }

    fn interpret_number(&self, input: &str) -> Result<AnswerValue, AnswerError> {
        let (min, max) = self.range.unwrap_or((i64::MIN, i64::MAX));
        let digits: String = input
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let value: i64 = digits.parse().map_err(|_| AnswerError::NotANumber {
            input: input.to_string(),
            min,
            max,
        })?;
        if value < min || value > max {
            return Err(AnswerError::OutOfRange { value, min, max });
        }
        Ok(AnswerValue::Number(value))
    }

    fn interpret_many(&self, input: &str) -> Result<AnswerValue, AnswerError> {
        let pieces: Vec<&str> = if input.contains([',', '+']) {
            input
                .split([',', '+'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect()
        } else if let Ok(one) = self.match_one(input) {
            return Ok(AnswerValue::Many(vec![one]));
        } else {
            input.split_whitespace().collect()
        };
        let mut chosen: Vec<CompactString> = Vec::new();
        for piece in pieces {
            let id = self.match_one(piece)?;
            if !chosen.contains(&id) {
                chosen.push(id);
            }
        }
        if chosen.is_empty() {
            return Err(AnswerError::Empty);
        }
        // Keep the declared order so equal choices give equal sessions.
        chosen.sort_by_key(|id| self.answers.iter().position(|a| a.id == *id));
        Ok(AnswerValue::Many(chosen))
    }

    /// One answer id for one piece of text: exact words first, then a unique
    /// prefix, then words found inside a label ("face down" in "Lying face-down").
    fn match_one(&self, input: &str) -> Result<CompactString, AnswerError> {
        // An answer id as written (cases, `run --answers`, saved sessions)
        // needs none of the fuzzy matching below.
        if let Some(answer) = self.answers.iter().find(|a| a.id == input.trim()) {
            return Ok(answer.id.clone());
        }
        // `-1` and `+1` are signed numbers, not option 1 (`-` reads as a space below).
        if input.trim().starts_with(['-', '+']) && input.trim()[1..].trim().parse::<u64>().is_ok() {
            return Err(AnswerError::NoMatch {
                input: input.to_string(),
                valid: self.valid_answers(),
            });
        }
        let wanted = normalize(input);
        if let Ok(number) = wanted.parse::<usize>()
            && let Some(answer) = number.checked_sub(1).and_then(|i| self.answers.get(i))
        {
            return Ok(answer.id.clone());
        }
        let wanted: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
        for tier in [Tier::Same, Tier::Prefix, Tier::Inside] {
            let found: Vec<usize> = (0..self.answers.len())
                .filter(|&i| {
                    let answer = &self.answers[i];
                    [answer.id.as_str(), answer.label.as_str()]
                        .into_iter()
                        .chain(answer.synonyms.iter().map(|s| s.as_str()))
                        .chain(built_in_synonyms(&answer.id).iter().copied())
                        .any(|word| word_matches(word, &wanted, tier))
                })
                .collect();
            match found[..] {
                [] => continue,
                [one] => return Ok(self.answers[one].id.clone()),
                _ => {
                    return Err(AnswerError::Ambiguous {
                        input: input.to_string(),
                        candidates: found
                            .iter()
                            .map(|&i| format!("\"{}\"", self.answers[i].label))
                            .collect(),
                    });
                }
            }
        }
        Err(AnswerError::NoMatch {
            input: input.to_string(),
            valid: self.valid_answers(),
        })
    }

    /// The answers as a person may type them: `1 yes`, `2 no`, ...
    pub fn valid_answers(&self) -> Vec<String> {
        match self.form {
            Form::Number => {
                let (min, max) = self.range.unwrap_or((i64::MIN, i64::MAX));
                vec![format!("a number from {min} to {max}")]
            }
            _ => self
                .answers
                .iter()
                .enumerate()
                .map(|(i, a)| format!("{} ({})", i + 1, a.id))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::Answer;

    fn question(form: Form, ids: &[(&str, &str)]) -> Question {
        Question {
            ask: "?".into(),
            form,
            answers: ids
                .iter()
                .map(|(id, label)| Answer {
                    id: (*id).into(),
                    label: (*label).into(),
                    synonyms: Box::new(["left side".into()]),
                    target: None,
                    effects: Box::default(),
                })
                .collect(),
            then: None,
            skip: None,
            range: Some((0, 120)),
            unit: None,
            into: None,
        }
    }

    fn yes_no() -> Question {
        question(
            Form::YesNo,
            &[("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")],
        )
    }

    #[test]
    fn yes_no_words() {
        let q = yes_no();
        assert_eq!(q.interpret("Yeah"), Ok(AnswerValue::Choice("yes".into())));
        assert_eq!(q.interpret("nope"), Ok(AnswerValue::Choice("no".into())));
        assert_eq!(
            q.interpret("not sure"),
            Ok(AnswerValue::Choice("unsure".into()))
        );
        assert_eq!(q.interpret("2"), Ok(AnswerValue::Choice("no".into())));
        assert_eq!(q.interpret(" Y "), Ok(AnswerValue::Choice("yes".into())));
    }

    #[test]
    fn ambiguous_prefix_asks_which() {
        let q = yes_no();
        assert!(matches!(
            q.interpret("not"),
            Err(AnswerError::Ambiguous { .. })
        ));
    }

    #[test]
    fn unknown_answer_lists_the_valid_ones() {
        let error = yes_no().interpret("purple").unwrap_err();
        assert!(
            error.to_string().contains("1 (yes), 2 (no), 3 (unsure)"),
            "{error}"
        );
    }

    #[test]
    fn numbers_are_range_checked() {
        let q = question(Form::Number, &[]);
        assert_eq!(q.interpret("34 years"), Ok(AnswerValue::Number(34)));
        assert!(matches!(
            q.interpret("300"),
            Err(AnswerError::OutOfRange { .. })
        ));
        assert!(matches!(
            q.interpret("old"),
            Err(AnswerError::NotANumber { .. })
        ));
    }

    #[test]
    fn words_inside_a_label_match() {
        let q = question(
            Form::Single,
            &[("face_down", "Lying face-down"), ("side", "On my side")],
        );
        assert_eq!(
            q.interpret("face down"),
            Ok(AnswerValue::Choice("face_down".into()))
        );
        assert_eq!(
            q.interpret("FACE_DOWN"),
            Ok(AnswerValue::Choice("face_down".into()))
        );
    }

    #[test]
    fn several_choices_by_number_or_word() {
        let q = question(
            Form::Multiple,
            &[("sitting", "Sitting"), ("standing", "Standing up")],
        );
        let both = AnswerValue::Many(vec!["sitting".into(), "standing".into()]);
        assert_eq!(q.interpret("2,1"), Ok(both.clone()));
        assert_eq!(q.interpret("sitting+standing"), Ok(both.clone()));
        assert_eq!(
            q.interpret("standing up"),
            Ok(AnswerValue::Many(vec!["standing".into()]))
        );
    }

    #[test]
    fn control_characters_are_not_echoed() {
        let error = yes_no().interpret("\u{1b}[2Jred\u{7}").unwrap_err();
        assert!(!error.to_string().contains('\u{1b}'), "{error}");
        assert!(error.to_string().contains("\\u{1b}[2Jred"), "{error}");
    }

    #[test]
    fn huge_input_is_shortened_in_the_message() {
        let error = yes_no().interpret(&"x".repeat(1 << 20)).unwrap_err();
        assert!(error.to_string().len() < 200);
    }
}
