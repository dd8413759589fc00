use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::bare_in_json::bare_in_json;

/// What a person answered: one choice (also `yes`/`no`/`unsure`), several
/// choices, or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    Number(i64),
    Choice(CompactString),
    Many(Vec<CompactString>),
}

// Bare in JSON, tagged in the binary form: see `bare_in_json`.
#[derive(Serialize, Deserialize)]
#[serde(remote = "AnswerValue", untagged)]
enum Bare {
    Number(i64),
    Choice(CompactString),
    Many(Vec<CompactString>),
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "AnswerValue")]
enum Tagged {
    Number(i64),
    Choice(CompactString),
    Many(Vec<CompactString>),
}

bare_in_json!(AnswerValue, Bare, Tagged);

impl AnswerValue {
    /// The answer ids chosen (empty for numbers).
    pub fn choices(&self) -> &[CompactString] {
        match self {
            AnswerValue::Choice(choice) => std::slice::from_ref(choice),
            AnswerValue::Many(choices) => choices,
            AnswerValue::Number(_) => &[],
        }
    }
}

impl fmt::Display for AnswerValue {
    /// The form `run --answers` accepts: `yes`, `thigh`, `a+b`, `34`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::Number(n) => write!(f, "{n}"),
            AnswerValue::Choice(choice) => f.write_str(choice),
            AnswerValue::Many(choices) => f.write_str(&choices.join("+")),
        }
    }
}
