//! The words of the language that an id may not be: written as an id, each
//! would be read as the word (`not in [yes]`, `-> set`), so a rename to one
//! would break every place the id is written.

use super::syntax_error::{TOP_LEVEL_WORDS, is_field_word};

/// Words read as themselves where an id could stand: in conditions, arms,
/// targets and verdicts.
const WORDS: &[&str] = &[
    "and",
    "or",
    "not",
    "in",
    "any",
    "next",
    "true",
    "false",
    "verdict",
    "urgency",
    "outcome",
    "treat",
    "modify",
    "refer",
    "emergency",
    "urgent",
    "routine",
    "means",
    "unit",
    "into",
];

/// Whether `word` is a word of the language, not free for an id.
pub fn is_keyword(word: &str) -> bool {
    WORDS.contains(&word) || TOP_LEVEL_WORDS.contains(&word) || is_field_word(word)
}

#[cfg(test)]
mod tests {
    use super::is_keyword;

    #[test]
    fn the_words_of_conditions_arms_and_blocks_are_keywords() {
        for word in [
            "not",
            "and",
            "when",
            "otherwise",
            "yes",
            "unsure",
            "next",
            "set",
            "question",
        ] {
            assert!(is_keyword(word), "{word}");
        }
        for word in ["fever", "red_flag", "nothing", "notes"] {
            assert!(!is_keyword(word), "{word}");
        }
    }
}
