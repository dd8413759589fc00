//! The characters of `.flow` text that are code: outside strings and `//`
//! comments. Completion reads the block the cursor is in, and the outline
//! finds where a section ends, by these alone: a brace inside a string or a
//! comment is text, not structure.

/// Each character of `text` outside strings and comments, with its byte
/// offset. A string shows as its opening quote alone, so a caller can tell
/// that something stood there.
pub fn code_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut in_string = false;
    let mut escaped = false;
    let mut comment = false;
    text.char_indices().filter(move |&(i, c)| {
        if comment {
            comment = c != '\n';
            return false;
        }
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            return false;
        }
        match c {
            '"' => {
                in_string = true;
                true
            }
            '/' if text[i..].starts_with("//") => {
                comment = true;
                false
            }
            _ => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::code_chars;

    #[test]
    fn strings_and_comments_are_not_code() {
        let text = "a { \"b } \\\" c\" } // d }\ne";
        let code: String = code_chars(text).map(|(_, c)| c).collect();
        assert_eq!(code, "a { \" } e");
        let offsets: Vec<usize> = code_chars(text)
            .filter(|(_, c)| *c == '}')
            .map(|(i, _)| i)
            .collect();
        assert_eq!(offsets, vec![15]);
    }
}
