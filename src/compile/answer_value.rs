use std::fmt;

use serde::{Deserialize, Serialize};

/// What a person answered: one choice (also `yes`/`no`/`unsure`), several
/// choices, or a number. Bare in JSON (`34`, `"yes"`, `["a","b"]`): saved
/// sessions and `--json` output read best that way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    Number(i64),
    Choice(String),
    Many(Vec<String>),
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

#[cfg(test)]
mod tests {
    use super::AnswerValue;

    #[test]
    fn json_shows_answers_bare() {
        let answers = [
            (AnswerValue::Number(34), "34"),
            (AnswerValue::Choice("yes".into()), "\"yes\""),
            (
                AnswerValue::Many(vec!["a".into(), "b".into()]),
                "[\"a\",\"b\"]",
            ),
        ];
        for (answer, json) in answers {
            assert_eq!(serde_json::to_string(&answer).unwrap(), json);
            assert_eq!(serde_json::from_str::<AnswerValue>(json).unwrap(), answer);
        }
    }
}
