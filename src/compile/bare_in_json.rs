//! Serde for enums whose variants JSON shows bare (`true`, `3`, `"thigh"`):
//! saved sessions and `--json` output read best that way. The binary form
//! baked into the executable cannot tell bare variants apart, so it keeps
//! the variant's tag instead.

/// `bare_in_json!(Type, Bare, Tagged)` implements `Serialize` and
/// `Deserialize` for `Type`, given two `#[serde(remote = "Type")]` copies of
/// it: `Bare` (`untagged`) for human-readable formats, `Tagged` for the rest.
macro_rules! bare_in_json {
    ($ty:ident, $bare:ident, $tagged:ident) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if serializer.is_human_readable() {
                    $bare::serialize(self, serializer)
                } else {
                    $tagged::serialize(self, serializer)
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                if deserializer.is_human_readable() {
                    $bare::deserialize(deserializer)
                } else {
                    $tagged::deserialize(deserializer)
                }
            }
        }
    };
}

pub(super) use bare_in_json;

#[cfg(test)]
mod tests {
    use crate::compile::{AnswerValue, Value};

    #[test]
    fn json_shows_values_and_answers_bare() {
        let values = [
            (Value::Bool(true), "true"),
            (Value::Number(-3), "-3"),
            (Value::Word("thigh".into()), "\"thigh\""),
        ];
        for (value, json) in values {
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
            assert_eq!(serde_json::from_str::<Value>(json).unwrap(), value);
        }
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

    #[test]
    fn the_binary_form_keeps_every_variant_apart() {
        // Bare, `Word("true")` and `Bool(true)` would be the same bytes.
        let values = [
            Value::Bool(true),
            Value::Number(1),
            Value::Word("true".into()),
            Value::Word("1".into()),
        ];
        for value in values {
            let bytes = postcard::to_allocvec(&value).unwrap();
            assert_eq!(postcard::from_bytes::<Value>(&bytes).unwrap(), value);
        }
        let answers = [
            AnswerValue::Number(1),
            AnswerValue::Choice("1".into()),
            AnswerValue::Many(vec!["1".into()]),
        ];
        for answer in answers {
            let bytes = postcard::to_allocvec(&answer).unwrap();
            assert_eq!(postcard::from_bytes::<AnswerValue>(&bytes).unwrap(), answer);
        }
    }
}
