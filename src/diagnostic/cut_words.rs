//! Names in diagnostics cut to a readable length: a knowledge file may hold
//! an identifier of megabytes, and a message that quotes it whole (twice, in
//! the message and the hint) buries everything else on the screen.

/// The longest word shown whole; longer ones keep this many characters and
/// say how long they were.
pub const MAX_WORD: usize = 80;

/// `text` with every word (a run without whitespace) of more than
/// [`MAX_WORD`] characters cut to its first [`MAX_WORD`], followed by
/// `…(N characters)`. Text without such a word comes back unchanged.
pub fn cut_long_words(text: String) -> String {
    if !has_long_word(&text) {
        return text;
    }
    let mut out = String::with_capacity(MAX_WORD * 4);
    let mut rest = text.as_str();
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        let count = word.chars().count();
        if count > MAX_WORD {
            out.extend(word.chars().take(MAX_WORD));
            out.push_str(&format!("…({count} characters)"));
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn has_long_word(text: &str) -> bool {
    text.split_whitespace()
        .any(|word| word.len() > MAX_WORD && word.chars().count() > MAX_WORD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_kept_as_they_are() {
        let text = "fact `fever` is not declared\n  twice".to_string();
        assert_eq!(cut_long_words(text.clone()), text);
    }

    #[test]
    fn a_long_word_is_cut_and_says_how_long_it_was() {
        let name = "x".repeat(1_000_000);
        let cut = cut_long_words(format!("fact `{name}` is not declared"));
        assert_eq!(
            cut,
            format!(
                "fact `{}…(1000002 characters) is not declared",
                "x".repeat(MAX_WORD - 1)
            )
        );
    }

    #[test]
    fn characters_are_counted_not_bytes() {
        let word = "é".repeat(MAX_WORD);
        assert_eq!(cut_long_words(word.clone()), word);
        let longer = "é".repeat(MAX_WORD + 1);
        assert!(cut_long_words(longer).ends_with("…(81 characters)"));
    }
}
