//! A guard run before pest: conditions recurse through parentheses, so text
//! nested thousands deep would exhaust the stack. Refuse it with a message.

use crate::diagnostic::{Diagnostic, Span};

/// Deeper than any condition a person writes, far below what overflows the stack.
pub const MAX_DEPTH: usize = 64;

/// The first bracket opened deeper than `MAX_DEPTH`, outside strings and comments.
pub fn check_nesting(text: &str, file: usize) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Diagnostic::error(
                        "E001",
                        Span::new(file, i..i + 1),
                        format!("brackets nested more than {MAX_DEPTH} deep"),
                    )
                    .with_label("too deep here")
                    .with_hint(Some(match bytes[i] {
                        b'(' => "split the condition into several decide arms".into(),
                        _ => {
                            "close the blocks and lists you open: this many cannot be meant".into()
                        }
                    })));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused() {
        let text = "(".repeat(100_000);
        assert!(check_nesting(&text, 0).is_err());
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let text = format!("\"{}\"", "(".repeat(1000));
        assert!(check_nesting(&text, 0).is_ok());
    }
}
