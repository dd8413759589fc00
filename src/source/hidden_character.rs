//! Knowledge text is shown on terminals, quoted in diagnostics and saved in
//! reports: a character that drives the terminal (ESC) or reorders what is
//! shown (bidirectional controls, "Trojan source") has no place in it.

use crate::printable::is_hidden;

/// What is said of a hidden character wherever it is refused (the loader,
/// `fmt`, the editor): "the invisible character U+202E is not allowed in
/// knowledge text; delete it".
pub fn hidden_character_message(character: char) -> String {
    said(character, "")
}

/// [`hidden_character_message`] with why, for the loader's one line: who
/// reads it has no editor showing the character.
pub fn hidden_character_explained(character: char) -> String {
    said(character, " (it could change what a terminal shows)")
}

fn said(character: char, why: &str) -> String {
    format!(
        "the invisible character U+{:04X} is not allowed in knowledge text{why}; delete it",
        u32::from(character)
    )
}

/// The first hidden character in `text` other than line ends and tabs, with
/// its 1-based line and column (in characters).
pub fn find_hidden_character(text: &str) -> Option<(usize, usize, char)> {
    let mut line = 1;
    let mut column = 0;
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => {
                line += 1;
                column = 0;
            }
            '\r' | '\t' => {}
            c if is_hidden(c) => return Some((line, column, c)),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_escape_and_bidi_characters_where_they_are() {
        assert_eq!(
            find_hidden_character("a\n  \"x\x1b[2J\""),
            Some((2, 5, '\x1b'))
        );
        assert_eq!(
            find_hidden_character("ok \u{202E}"),
            Some((1, 4, '\u{202E}'))
        );
        assert_eq!(find_hidden_character("plain\r\n\ttext é\n"), None);
    }

    #[test]
    fn the_message_names_the_character_by_its_code_point() {
        assert_eq!(
            hidden_character_message('\u{202E}'),
            "the invisible character U+202E is not allowed in knowledge text; delete it"
        );
        assert_eq!(
            hidden_character_explained('\x1b'),
            "the invisible character U+001B is not allowed in knowledge text \
             (it could change what a terminal shows); delete it"
        );
    }
}
