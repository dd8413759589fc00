use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::bare_in_json::bare_in_json;

/// A value a fact holds or a condition compares against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Number(i64),
    Word(CompactString),
}

// Bare in JSON, tagged in the binary form: see `bare_in_json`.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Value", untagged)]
enum Bare {
    Bool(bool),
    Number(i64),
    Word(CompactString),
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Value")]
enum Tagged {
    Bool(bool),
    Number(i64),
    Word(CompactString),
}

bare_in_json!(Value, Bare, Tagged);

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::Word(w) => f.write_str(w),
        }
    }
}

/// The values a fact may take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Domain {
    Bool,
    Number { min: i64, max: i64 },
    Enum(Vec<String>),
}

impl Domain {
    pub fn describe(&self) -> String {
        match self {
            Domain::Bool => "true or false".into(),
            Domain::Number { min, max } if *min == i64::MIN && *max == i64::MAX => {
                "a whole number".into()
            }
            Domain::Number { min, max } => format!("a whole number from {min} to {max}"),
            Domain::Enum(words) => format!("one of {}", words.join(", ")),
        }
    }
}
