//! The answers of a yes/no question, as a type: code that means "the `no`
//! answer" says so, instead of comparing text.

use std::fmt;
use std::str::FromStr;

use super::AnswerValue;

/// An answer of a yes/no question, named by its id: `yes`, `no`, `unsure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YesNo {
    Yes,
    No,
    Unsure,
}

impl YesNo {
    /// Every answer a yes/no question can have, in the order they are written.
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::Unsure];

    /// The answer id, as the language writes it.
    pub fn id(self) -> &'static str {
        match self {
            YesNo::Yes => "yes",
            YesNo::No => "no",
            YesNo::Unsure => "unsure",
        }
    }

    /// The answer a person gives by choosing it.
    pub fn value(self) -> AnswerValue {
        AnswerValue::Choice(self.id().into())
    }

    /// Whether `value` is this one answer.
    pub fn is(self, value: &AnswerValue) -> bool {
        matches!(value, AnswerValue::Choice(choice) if choice == self.id())
    }

    /// Whether `id` is this answer's id.
    pub fn is_id(self, id: &str) -> bool {
        id == self.id()
    }
}

impl fmt::Display for YesNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An answer id that is not `yes`, `no` or `unsure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotYesNo;

impl FromStr for YesNo {
    type Err = NotYesNo;

    fn from_str(id: &str) -> Result<YesNo, NotYesNo> {
        YesNo::ALL
            .into_iter()
            .find(|answer| answer.is_id(id))
            .ok_or(NotYesNo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back() {
        for answer in YesNo::ALL {
            assert_eq!(answer.id().parse(), Ok(answer));
            assert!(answer.is(&answer.value()));
            assert_eq!(answer.to_string(), answer.id());
        }
        assert_eq!("maybe".parse::<YesNo>(), Err(NotYesNo));
        assert!(!YesNo::Yes.is(&YesNo::No.value()));
        assert!(!YesNo::Yes.is(&AnswerValue::Many(vec!["yes".into()])));
    }
}
