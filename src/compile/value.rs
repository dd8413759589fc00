use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value a fact holds or a condition compares against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Number(i64),
    Word(String),
}

// JSON shows a value bare (`true`, `3`, `"thigh"`). The binary form baked
// into the executable cannot tell those apart, so it keeps the variant.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Value", untagged)]
enum Bare {
    Bool(bool),
    Number(i64),
    Word(String),
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Value")]
enum Tagged {
    Bool(bool),
    Number(i64),
    Word(String),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            Bare::serialize(self, serializer)
        } else {
            Tagged::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        if deserializer.is_human_readable() {
            Bare::deserialize(deserializer)
        } else {
            Tagged::deserialize(deserializer)
        }
    }
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
