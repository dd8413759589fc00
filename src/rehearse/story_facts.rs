//! What a vignette's story already tells the therapist, and which other
//! answers are believable for this client. A therapist is not marked down for
//! not asking what the client has told them, and a counterfactual that could
//! never be this client's ("had he been pregnant", "had she been 0") teaches
//! nothing.
//!
//! Reading the story is a heuristic on purpose: a stated age or length of
//! time, or the distinctive words of the answer the client would give. Red
//! flags never count as told: the therapist asks them every time.

use crate::compile::{AnswerValue, Measure, Question, QuestionKind, YesNo};

/// How far a number may plausibly differ for the same client (an age, a count).
const NUMBER_WINDOW: i64 = 15;

/// Words too common in stories to show that an answer was told.
const COMMON: [&str; 16] = [
    "lower", "back", "pain", "about", "there", "their", "which", "since", "every", "other",
    "really", "without", "possibly", "either", "recent", "episode",
];

/// Who the client is, as far as the story shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryFacts {
    /// Lower-case words of the story.
    words: Vec<String>,
    /// The story speaks of the client as "he".
    pub male: bool,
}

impl StoryFacts {
    pub fn read(story: &[String]) -> StoryFacts {
        let words: Vec<String> = story
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let count = |set: &[&str]| words.iter().filter(|w| set.contains(&w.as_str())).count();
        let male = count(&["he", "his", "him"]) > count(&["she", "her", "hers"]);
        StoryFacts { words, male }
    }

    /// "he", "she": for counterfactuals in words.
    pub fn pronoun(&self) -> &'static str {
        if self.male { "he" } else { "she" }
    }

    /// Whether the story already tells this answer to `question`.
    /// `clinical` is the question's clinical wording: a story that uses its
    /// words ("her first pregnancy") tells a yes.
    pub fn tells(
        &self,
        question: &Question,
        clinical: &str,
        red_flag: bool,
        value: &AnswerValue,
    ) -> bool {
        if red_flag {
            return false;
        }
        if YesNo::Yes.is(value)
            && distinctive(clinical).any(|w| {
                let stem = w.get(..6).unwrap_or(&w);
                self.words.iter().any(|s| s.starts_with(stem))
            })
        {
            return true;
        }
        match value {
            AnswerValue::Number(n) => self.numbers().any(|m| m == *n),
            _ => value.choices().iter().any(|id| {
                question.answer(id).is_some_and(|answer| {
                    let in_range = answer.within.is_some_and(|w| {
                        w.measure == Measure::Days
                            && self.durations().any(|d| {
                                d >= w.low && w.high.is_none_or(|high| d < high || d == w.low)
                            })
                    });
                    in_range
                        || answer.synonyms.iter().any(|s| self.has_phrase(s))
                        || distinctive(&answer.label).any(|w| self.words.contains(&w))
                })
            }),
        }
    }

    /// Whether `alternative` could be this client's answer to `question`.
    pub fn plausible(
        &self,
        question: &Question,
        given: &AnswerValue,
        alternative: &AnswerValue,
    ) -> bool {
        let pregnancy = question.ask.to_lowercase().contains("pregnan");
        if pregnancy && self.male {
            return false;
        }
        match (given, alternative) {
            (AnswerValue::Number(a), AnswerValue::Number(b)) => (a - b).abs() <= NUMBER_WINDOW,
            _ => true,
        }
    }

    fn numbers(&self) -> impl Iterator<Item = i64> + '_ {
        self.words.iter().filter_map(|w| w.parse().ok())
    }

    /// Lengths of time in days: "four weeks", "8 months", "a week".
    fn durations(&self) -> impl Iterator<Item = i64> + '_ {
        self.words.windows(2).filter_map(|pair| {
            let amount = number_word(&pair[0])?;
            let unit = match pair[1].trim_end_matches('s') {
                "day" => 1,
                "week" => 7,
                "month" => 30,
                "year" => 365,
                _ => return None,
            };
            Some(amount * unit)
        })
    }

    fn has_phrase(&self, phrase: &str) -> bool {
        let wanted: Vec<String> = phrase
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        !wanted.is_empty()
            && self
                .words
                .windows(wanted.len())
                .any(|w| w == wanted.as_slice())
    }
}

fn distinctive(label: &str) -> impl Iterator<Item = String> + '_ {
    label
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() >= 5 && !COMMON.contains(&w.as_str()))
}

fn number_word(word: &str) -> Option<i64> {
    const WORDS: [&str; 13] = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    word.parse().ok().or_else(|| {
        WORDS
            .iter()
            .position(|w| *w == word)
            .map(|i| (i as i64).max(1))
    })
}

/// The plausible other answers to try for `question`, nearest first for numbers.
pub fn alternatives(
    question: &Question,
    given: &AnswerValue,
    story: &StoryFacts,
) -> Vec<AnswerValue> {
    let all: Vec<AnswerValue> = match question.kind {
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => question
            .answers()
            .iter()
            .map(|a| AnswerValue::Choice(a.id.clone()))
            .collect(),
        QuestionKind::Multiple { .. } => question
            .answers()
            .iter()
            .map(|a| AnswerValue::Many(vec![a.id.clone()]))
            .collect(),
        QuestionKind::Number {
            range: (min, max), ..
        } => {
            let at = match given {
                AnswerValue::Number(n) => *n,
                _ => min,
            };
            let mut near: Vec<i64> =
                ((at - NUMBER_WINDOW).max(min)..=(at + NUMBER_WINDOW).min(max)).collect();
            near.sort_by_key(|n| (n - at).abs());
            near.into_iter().map(AnswerValue::Number).collect()
        }
    };
    all.into_iter()
        .filter(|a| a != given && story.plausible(question, given, a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Answer, NodeId, Step, Within};

    fn question(
        ask: &str,
        kind: fn(Vec<Answer>) -> QuestionKind,
        answers: &[(&str, &str)],
    ) -> Question {
        Question {
            ask: ask.to_string(),
            kind: kind(
                answers
                    .iter()
                    .map(|(id, label)| Answer {
                        id: id.to_string(),
                        label: label.to_string(),
                        synonyms: Vec::new(),
                        within: None,
                        target: None,
                        effects: Vec::new(),
                    })
                    .collect(),
            ),
            skip: None,
            applies: None,
        }
    }

    fn age() -> QuestionKind {
        QuestionKind::Number {
            range: (0, 120),
            unit: None,
            into: None,
            then: Step {
                target: NodeId::new(0),
                effects: Vec::new(),
            },
        }
    }

    fn story(text: &str) -> StoryFacts {
        StoryFacts::read(&[text.to_string()])
    }

    #[test]
    fn pregnancy_is_not_a_counterfactual_for_a_man() {
        let q = question(
            "Are you pregnant?",
            |answers| QuestionKind::YesNo { answers },
            &[("yes", "Yes"), ("no", "No")],
        );
        let no = AnswerValue::Choice("no".into());
        let him = story("Tom, 36, lifts boxes; his back hurts.");
        let her = story("Ann, 36, lifts boxes; her back hurts.");
        assert!(alternatives(&q, &no, &him).is_empty());
        assert_eq!(
            alternatives(&q, &no, &her),
            vec![AnswerValue::Choice("yes".into())]
        );
    }

    #[test]
    fn number_counterfactuals_stay_near_the_clients_own_and_never_reach_zero() {
        let q = question("How old are you?", |_| age(), &[]);
        let alts = alternatives(&q, &AnswerValue::Number(34), &story("Priya, 34."));
        assert_eq!(alts.first(), Some(&AnswerValue::Number(33)));
        assert!(!alts.contains(&AnswerValue::Number(0)));
        assert!(
            alts.iter()
                .all(|a| matches!(a, AnswerValue::Number(n) if (19..=49).contains(n)))
        );
    }

    #[test]
    fn a_stated_age_or_length_of_time_is_told_but_a_red_flag_never_is() {
        let age = question("How old are you?", |_| age(), &[]);
        let s = story("Nadia, 34, has had an ache for about four weeks.");
        assert!(s.tells(&age, "Age", false, &AnswerValue::Number(34)));
        assert!(!s.tells(&age, "Age", false, &AnswerValue::Number(43)));
        let mut long = question(
            "How long?",
            |answers| QuestionKind::Single { answers },
            &[("acute", "Under 6 weeks")],
        );
        long.answers_mut()[0].within = Some(Within {
            measure: Measure::Days,
            low: 0,
            high: Some(42),
        });
        assert!(s.tells(
            &long,
            "Duration",
            false,
            &AnswerValue::Choice("acute".into())
        ));
        assert!(!story("Nadia has had it for ten months.").tells(
            &long,
            "Duration",
            false,
            &AnswerValue::Choice("acute".into())
        ));
        let saddle = question(
            "Numb saddle?",
            |answers| QuestionKind::YesNo { answers },
            &[("yes", "Yes")],
        );
        let told = story("The saddle area is numb.");
        assert!(!told.tells(
            &saddle,
            "Saddle numbness?",
            true,
            &AnswerValue::Choice("yes".into())
        ));
        assert!(told.tells(
            &saddle,
            "Saddle numbness?",
            false,
            &AnswerValue::Choice("yes".into())
        ));
    }
}
