//! The one way a string that came from a person or a file reaches a terminal:
//! escaped and cut to a length.
//!
//! What someone typed, a file name, a saved value or a knowledge text may hold
//! escape sequences (which drive the terminal: colours, cursor moves, a new
//! window title), bidirectional-text controls (which make a line read in an
//! order other than its bytes) or a megabyte of one id. Everything shown that
//! did not come from this program's own words goes through [`printable`].
//! What it is not for: text written to files the person asked for (a saved
//! session keeps exactly what was typed).

use std::fmt::Write as _;

/// A name, an id, a typed value or a file name in a message.
pub const NAME: usize = 80;
/// A whole sentence from a file, e.g. an error about a saved session.
pub const SENTENCE: usize = 400;
/// A path: never cut in practice (the system allows at most 4096 bytes), as
/// a long file name is still a real one.
pub const PATH: usize = 4096;

/// `text` made safe to print: control characters, bidirectional-text
/// controls and other invisible format characters shown as `\u{..}` escapes,
/// and at most `max_chars` characters kept, the rest replaced by `…`.
/// Plain text comes back unchanged.
pub fn printable(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        if is_hidden(c) {
            let _ = write!(out, "{}", c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that change what a terminal does or shows instead of showing
/// themselves: C0 and C1 controls (ESC, BEL, CR, ...), the Unicode
/// bidirectional controls (the "Trojan source" set), zero-width characters,
/// and the byte order mark.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// At most `max_items` of `items`, each made [`printable`] at [`NAME`]
/// length, joined by `, `, with "and N more" when some were left out: a
/// list of a hundred thousand answers is a sentence, not 45 MB.
pub fn printable_list<'a>(items: impl IntoIterator<Item = &'a str>, max_items: usize) -> String {
    let mut shown = Vec::new();
    let mut more = 0usize;
    for item in items {
        if shown.len() < max_items {
            shown.push(printable(item, NAME));
        } else {
            more += 1;
        }
    }
    let mut text = shown.join(", ");
    if more > 0 {
        let _ = write!(text, " and {more} more");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            printable("Below the knee, é ü 痛い", NAME),
            "Below the knee, é ü 痛い"
        );
    }

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let shown = printable("\x1b]0;pwned\x07\x1b[2J", NAME);
        assert!(
            !shown.contains('\x1b') && !shown.contains('\x07'),
            "{shown}"
        );
        assert!(shown.contains("\\u{1b}"), "{shown}");
    }

    #[test]
    fn bidi_and_zero_width_controls_are_escaped() {
        for c in [
            '\u{202E}', '\u{2066}', '\u{200B}', '\u{FEFF}', '\u{061C}', '\u{9b}',
        ] {
            let shown = printable(&format!("a{c}b"), NAME);
            assert!(!shown.contains(c), "{c:?} reached the terminal: {shown}");
        }
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let shown = printable(&"x".repeat(130_000), NAME);
        assert_eq!(shown.chars().count(), NAME + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn a_long_list_says_how_many_were_left_out() {
        let items: Vec<String> = (0..1000).map(|n| format!("q{n}=yes")).collect();
        let shown = printable_list(items.iter().map(String::as_str), 3);
        assert_eq!(shown, "q0=yes, q1=yes, q2=yes and 997 more");
    }
}
