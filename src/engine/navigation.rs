//! Finding an answered question by what the person saw on screen: the number
//! it was shown with ("Question 4"), or words of its text ("fever"). Internal
//! ids still work, for therapists and scripts, but nobody has to know them.

use std::fmt;

use super::Session;
use super::understand::{shorten, understand};
use crate::compile::{AnswerValue, NodeId, Question};

/// Why typed words do not name one answered question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// Nothing was typed.
    Empty,
    /// No question has been answered yet.
    NothingAnswered,
    /// A number, but no answered question has it.
    NoNumber { number: usize, answered: usize },
    /// No answered question has these words in its text.
    NoMatch { words: String },
    /// Several answered questions have these words: their numbers.
    Ambiguous { words: String, numbers: Vec<usize> },
}

impl fmt::Display for FindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FindError::Empty => write!(f, "Say which question: its number, e.g. `change 2 no`."),
            FindError::NothingAnswered => {
                write!(
                    f,
                    "No question has been answered yet, so there is nothing to change."
                )
            }
            FindError::NoNumber { number, answered } => write!(
                f,
                "There is no answered question {number}: the questions answered so far are 1 to {answered}. Type `summary` to see them."
            ),
            FindError::NoMatch { words } => write!(
                f,
                "No question answered so far has the words \"{}\". Type `summary` to see them with their numbers.",
                shorten(words)
            ),
            FindError::Ambiguous { words, numbers } => {
                let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
                write!(
                    f,
                    "\"{}\" is in more than one question ({}). Type the question's number instead.",
                    shorten(words),
                    numbers.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for FindError {}

/// Little words that say nothing about which question is meant.
const FILLER: &[&str] = &[
    "a", "an", "the", "my", "your", "you", "i", "to", "of", "in", "on", "do", "does", "is", "are",
    "have", "has", "question", "about", "answer", "for",
];

impl<'f> Session<'f> {
    /// The answered questions with the number each was shown with
    /// ("Question 4" is 4): `(number, question node, answer)`, in order.
    pub fn numbered_answers(&self) -> impl Iterator<Item = (usize, NodeId, &AnswerValue)> {
        self.answers()
            .enumerate()
            .map(|(i, (question, value))| (i + 1, question, value))
    }

    /// The number question `node` was shown with, if it was answered.
    pub fn question_number(&self, node: NodeId) -> Option<usize> {
        self.numbered_answers()
            .find(|&(_, q, _)| q == node)
            .map(|(number, _, _)| number)
    }

    /// The answered question shown with `number`.
    pub fn answered_question(&self, number: usize) -> Option<NodeId> {
        self.numbered_answers()
            .find(|&(n, _, _)| n == number)
            .map(|(_, q, _)| q)
    }

    /// The answered question that `words` name: its number, its id, or words
    /// of its text (each typed word begins a word of the question).
    pub fn find_answered(&self, words: &str) -> Result<NodeId, FindError> {
        let words = words.trim();
        if words.is_empty() {
            return Err(FindError::Empty);
        }
        let answered = self.answered();
        if answered == 0 {
            return Err(FindError::NothingAnswered);
        }
        if let Ok(number) = words.trim_start_matches('#').parse::<usize>() {
            return self
                .answered_question(number)
                .ok_or(FindError::NoNumber { number, answered });
        }
        let flow = self.flow();
        if let Some(node) = flow.find(words)
            && self.answer_to(node).is_some()
        {
            return Ok(node);
        }
        let typed = significant_words(words);
        if typed.is_empty() {
            return Err(FindError::NoMatch {
                words: words.to_string(),
            });
        }
        let found: Vec<(usize, NodeId)> = self
            .numbered_answers()
            .filter(|&(_, q, _)| {
                flow.question(q)
                    .is_some_and(|question| mentions(question, &typed))
            })
            .map(|(number, q, _)| (number, q))
            .collect();
        match found[..] {
            [] => Err(FindError::NoMatch {
                words: words.to_string(),
            }),
            [(_, node)] => Ok(node),
            _ => Err(FindError::Ambiguous {
                words: words.to_string(),
                numbers: found.iter().map(|&(n, _)| n).collect(),
            }),
        }
    }

    /// Splits what follows `change` or `whatif` into the question it names
    /// and the new answer: `4 no`, `4=no`, `fever not sure`, `pain spread
    /// below knee`. The longest run of leading words that names one answered
    /// question and leaves an answer it understands wins.
    pub fn find_answered_with_answer(&self, text: &str) -> Result<(NodeId, String), FindError> {
        let text = text.trim();
        if let Some((question, answer)) = text.split_once('=') {
            let node = self.find_answered(question)?;
            return Ok((node, answer.trim().to_string()));
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return Err(FindError::Empty);
        }
        let mut first_found = None;
        let mut first_error = None;
        for split in (1..=words.len()).rev() {
            let (question, answer) = words.split_at(split);
            let answer = answer.join(" ");
            match self.find_answered(&question.join(" ")) {
                Ok(node) => {
                    let understood = answer.is_empty()
                        || self.flow().question(node).is_some_and(|q| {
                            understand(self.flow().node(node), q, &answer).is_ok()
                        });
                    if understood {
                        return Ok((node, answer));
                    }
                    first_found.get_or_insert((node, answer));
                }
                Err(error) => {
                    // The error for the shortest run is the most telling
                    // ("no question has `fevr`"), unless a longer one matched.
                    first_error = Some(error);
                }
            }
        }
        match (first_found, first_error) {
            (Some(found), _) => Ok(found),
            (None, Some(error)) => Err(error),
            (None, None) => Err(FindError::Empty),
        }
    }
}

/// Lower-case words of `text` without punctuation or filler words.
fn significant_words(text: &str) -> Vec<String> {
    words_of(text)
        .filter(|word| !FILLER.contains(&word.as_str()))
        .collect()
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// Whether every typed word begins a word of the question's text.
fn mentions(question: &Question, typed: &[String]) -> bool {
    let own: Vec<String> = words_of(&question.ask).collect();
    typed
        .iter()
        .all(|word| own.iter().any(|w| w.starts_with(word.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Flow, compile, tests::mini};

    fn flow() -> Flow {
        compile(&mini()).unwrap()
    }

    fn answered<'f>(flow: &'f Flow, answers: &[&str]) -> Session<'f> {
        let mut session = Session::new(flow);
        for answer in answers {
            session.answer_text(answer).unwrap();
        }
        session
    }

    #[test]
    fn numbers_are_the_ones_shown() {
        let flow = flow();
        let session = answered(&flow, &["no", "34", "no", "none"]);
        let radiation = flow.find("radiation").unwrap();
        assert_eq!(session.question_number(radiation), Some(4));
        assert_eq!(session.answered_question(4), Some(radiation));
        assert_eq!(session.answered_question(5), None);
        assert_eq!(session.find_answered("4"), Ok(radiation));
        assert_eq!(
            session.find_answered("7"),
            Err(FindError::NoNumber {
                number: 7,
                answered: 4
            })
        );
    }

    #[test]
    fn words_of_the_question_or_its_id_name_it() {
        let flow = flow();
        let session = answered(&flow, &["no", "34", "no", "none"]);
        let bones = flow.find("bones").unwrap();
        assert_eq!(session.find_answered("thin bones"), Ok(bones));
        assert_eq!(session.find_answered("Thin"), Ok(bones));
        assert_eq!(session.find_answered("bones"), Ok(bones));
        assert_eq!(
            session.find_answered("spread"),
            Ok(flow.find("radiation").unwrap())
        );
        assert!(matches!(
            session.find_answered("weather"),
            Err(FindError::NoMatch { .. })
        ));
        // Filler alone names nothing.
        assert!(session.find_answered("the").is_err());
    }

    #[test]
    fn several_matches_ask_for_the_number() {
        let flow = flow();
        let session = answered(&flow, &["no", "34", "no", "none"]);
        // "you" is filler; "have" too: "bottom" is only in the first.
        assert_eq!(
            session.find_answered("bottom"),
            Ok(flow.find("saddle").unwrap())
        );
        let error = session.find_answered("o").unwrap_err();
        assert!(matches!(error, FindError::Ambiguous { .. }), "{error:?}");
        assert!(error.to_string().contains("number"), "{error}");
    }

    #[test]
    fn the_question_and_the_new_answer_are_split_where_both_make_sense() {
        let flow = flow();
        let session = answered(&flow, &["no", "34", "no", "none"]);
        let radiation = flow.find("radiation").unwrap();
        let bones = flow.find("bones").unwrap();
        assert_eq!(
            session.find_answered_with_answer("4 below knee"),
            Ok((radiation, "below knee".into()))
        );
        assert_eq!(
            session.find_answered_with_answer("4=no"),
            Ok((radiation, "no".into()))
        );
        assert_eq!(
            session.find_answered_with_answer("pain spread below knee"),
            Ok((radiation, "below knee".into()))
        );
        assert_eq!(
            session.find_answered_with_answer("thin bones yes"),
            Ok((bones, "yes".into()))
        );
        assert_eq!(
            session.find_answered_with_answer("3"),
            Ok((bones, String::new()))
        );
        assert!(session.find_answered_with_answer("fever yes").is_err());
    }
}
