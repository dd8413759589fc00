//! A guard run before pest: conditions recurse through parentheses and
//! through `not`, so text nested thousands deep would exhaust the stack.
//! Refuse it with a message that says what is wrong.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};

/// Deeper than any condition a person writes, and shallow enough for pest's
/// recursion to fit a 2 MiB thread stack even in a debug build (about 50
/// levels do not). Brackets and `not` in a row share this budget.
pub const MAX_DEPTH: usize = 32;

/// The first bracket opened deeper than `MAX_DEPTH`, outside strings and comments.
pub fn check_nesting(text: &str, file: usize) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // `not not not ...`: each `not` is one more level of recursion.
    let mut nots = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b if b.is_ascii_alphanumeric() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if &bytes[start..i] == b"not" {
                    nots += 1;
                    if depth + nots > MAX_DEPTH {
                        return Err(Diagnostic::new(
                            DiagnosticKind::TooDeep,
                            Span::new(file, start..i),
                            format!("`not` and brackets nested more than {MAX_DEPTH} deep"),
                        )
                        .with_label("too deep here")
                        .with_hint(Some("two `not` cancel out: remove them in pairs".into())));
                    }
                } else {
                    nots = 0;
                }
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' | b'(' if nots > 0 => {
                if bytes[i] == b'(' {
                    depth += 1;
                }
                if depth + nots > MAX_DEPTH {
                    return Err(too_deep(file, i));
                }
            }
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
                nots = 0;
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep(file, i).with_hint(Some(match bytes[i] {
                        b'(' => "split the condition into several decide arms".into(),
                        _ => {
                            "close the blocks and lists you open: this many cannot be meant".into()
                        }
                    })));
                }
            }
            b')' | b']' | b'}' => {
                nots = 0;
                depth = depth.saturating_sub(1);
            }
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => nots = 0,
        }
        i += 1;
    }
    Ok(())
}

fn too_deep(file: usize, at: usize) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::TooDeep,
        Span::new(file, at..at + 1),
        format!("brackets nested more than {MAX_DEPTH} deep"),
    )
    .with_label("too deep here")
    .with_hint(Some("split the condition into several decide arms".into()))
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
    fn long_not_chains_are_refused() {
        let text = format!(
            "decide d {{ when {}x -> a otherwise -> b }}",
            "not ".repeat(100_000)
        );
        let error = check_nesting(&text, 0).unwrap_err();
        assert!(
            error.message.contains("`not` and brackets"),
            "{}",
            error.message
        );
        assert!(check_nesting("when not not x and not y -> a", 0).is_ok());
    }

    #[test]
    fn the_deepest_accepted_conditions_parse_on_a_small_stack() {
        // The decide block's own brace counts as one level.
        let budget = MAX_DEPTH - 1;
        for nots in [0, budget / 2, budget] {
            let parens = budget - nots;
            let condition = format!(
                "{}{}x{}",
                "(".repeat(parens),
                "not ".repeat(nots),
                ")".repeat(parens)
            );
            let text = format!("decide d {{ when {condition} -> a otherwise -> b }}");
            // Test threads get 2 MiB, less than the 8 MiB main thread.
            let parsed = std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn(move || crate::syntax::parse(&text, 0).is_ok())
                .unwrap()
                .join()
                .unwrap();
            assert!(parsed, "{parens} brackets and {nots} `not`");
        }
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let text = format!("\"{}\"", "(".repeat(1000));
        assert!(check_nesting(&text, 0).is_ok());
    }
}
