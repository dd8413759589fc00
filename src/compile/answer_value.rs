use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a person answered: one choice (also `yes`/`no`/`unsure`), several
/// choices, or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    Number(i64),
    Choice(String),
    Many(Vec<String>),
}

// Saved sessions and JSON show an answer bare (`34`, `"yes"`, `["a","b"]`);
// the binary form baked into the executable keeps the variant instead.
#[derive(Serialize, Deserialize)]
#[serde(remote = "AnswerValue", untagged)]
enum Bare {
    Number(i64),
    Choice(String),
    Many(Vec<String>),
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "AnswerValue")]
enum Tagged {
    Number(i64),
    Choice(String),
    Many(Vec<String>),
}

impl Serialize for AnswerValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            Bare::serialize(self, serializer)
        } else {
            Tagged::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<AnswerValue, D::Error> {
        if deserializer.is_human_readable() {
            Bare::deserialize(deserializer)
        } else {
            Tagged::deserialize(deserializer)
        }
    }
}

impl AnswerValue {
    /// The answer ids chosen (empty for numbers).
    pub fn choices(&self) -> &[String] {
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
