use std::fmt;

use serde::{Deserialize, Serialize};

/// A value a fact holds or a condition compares against. Bare in JSON
/// (`true`, `-3`, `"thigh"`): saved sessions and `--json` output read best
/// that way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Number(i64),
    Word(String),
}

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
#[derive(Debug, Clone, PartialEq, Eq)]
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

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn json_shows_values_bare() {
        let values = [
            (Value::Bool(true), "true"),
            (Value::Number(-3), "-3"),
            (Value::Word("thigh".into()), "\"thigh\""),
        ];
        for (value, json) in values {
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
            assert_eq!(serde_json::from_str::<Value>(json).unwrap(), value);
        }
    }
}
