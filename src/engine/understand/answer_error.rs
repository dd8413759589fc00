//! Why typed text was not taken as an answer, in words for the person who
//! typed it: the options are listed as the screen shows them (number and
//! words), never by the ids the knowledge uses inside.

use std::fmt;

use crate::compile::{Question, QuestionKind};

/// Why typed text is not an answer to the question. Every variant but
/// `Complete` means: ask the same question again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    Empty,
    /// The walk has reached an outcome: there is no question to answer.
    Complete,
    /// `?`, `help`, `what do you mean`: a request for help, not an answer.
    HelpWanted,
    NoMatch {
        input: String,
        /// The options as shown: `1) Yes`, `2) No`, ...
        options: Vec<String>,
    },
    Ambiguous {
        input: String,
        /// The words of the answers it could mean.
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
    /// A question with several choices got "none of these" and another choice.
    NoneWithOthers {
        none: String,
        others: Vec<String>,
    },
    /// A safety question got an answer that reads like a "no" only with a
    /// hedge or a guess at a typo: it is asked again, never taken as "no".
    UnclearNo {
        input: String,
        options: Vec<String>,
    },
    /// "Not sure" to a choice with no answer that says so: never read as
    /// the option whose words look closest ("not" is not "No: ...").
    NotSureHere {
        input: String,
        options: Vec<String>,
    },
    /// A number with no unit where a length of time is asked.
    UnitWanted {
        input: String,
    },
    /// The person said a reading that was checked back was not right.
    NotConfirmed,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Empty => write!(f, "Please type an answer."),
            AnswerError::Complete => write!(
                f,
                "The assessment is complete: there is no question to answer."
            ),
            AnswerError::HelpWanted => write!(
                f,
                "This is a request for help, not an answer. Type `help` or `why`, then answer."
            ),
            AnswerError::NoMatch { input, options } => write!(
                f,
                "\"{}\" is not one of the answers. Please type the number or the words of one: {}.",
                shorten(input),
                options.join(", ")
            ),
            AnswerError::Ambiguous { input, candidates } => write!(
                f,
                "\"{}\" could mean more than one answer. Did you mean {}?",
                shorten(input),
                candidates.join(" or ")
            ),
            AnswerError::NotANumber { input, min, max } => write!(
                f,
                "\"{}\" is not a number. Please type a whole number from {min} to {max}, e.g. 35.",
                shorten(input)
            ),
            AnswerError::OutOfRange { value, min, max } => write!(
                f,
                "{value} is outside the range. Please type a whole number from {min} to {max}."
            ),
            AnswerError::NoneWithOthers { none, others } => write!(
                f,
                "\"{none}\" cannot be chosen together with {}. Please choose again.",
                others.join(", ")
            ),
            AnswerError::UnclearNo { input, options } => write!(
                f,
                "\"{}\" sounds like it might be a no, but this question is about your safety, \
                 so please answer it plainly: {}.",
                shorten(input),
                options.join(", ")
            ),
            AnswerError::NotSureHere { input, options } => write!(
                f,
                "\"{}\": this question has no \"not sure\" answer. Please choose the one closest \
                 to how things are: {}. Type `why` to see why we ask.",
                shorten(input),
                options.join(", ")
            ),
            AnswerError::UnitWanted { input } => write!(
                f,
                "\"{}\" needs a unit: days, weeks, months or years? For example \"5 days\".",
                shorten(input)
            ),
            AnswerError::NotConfirmed => write!(
                f,
                "Thank you for saying so. Please answer again, in other words or with the \
                 number of an answer."
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

/// The options of a question as the screen shows them: `1) Yes`, or for a
/// number question the range.
pub fn options_as_shown(question: &Question) -> Vec<String> {
    match question.kind {
        QuestionKind::Number {
            range: (min, max), ..
        } => {
            vec![format!("a whole number from {min} to {max}")]
        }
        QuestionKind::YesNo { .. }
        | QuestionKind::Single { .. }
        | QuestionKind::Multiple { .. } => question
            .answers()
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{}) {}", i + 1, a.label))
            .collect(),
    }
}

/// Typed text made safe to show: at most 40 characters (echoing a megabyte
/// back would bury the message), control characters as `\u{..}` escapes so
/// typed escape sequences cannot drive the terminal.
pub fn shorten(input: &str) -> String {
    crate::printable::printable(input, 40)
}
