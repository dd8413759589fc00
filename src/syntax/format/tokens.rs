//! A small lexer over .flow text, independent of the grammar: where the
//! comments are, and the code tokens a formatter must keep in order.

/// A `// comment` in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    /// Alone on its line (nothing but spaces before it).
    pub own_line: bool,
}

/// Every comment, outside strings, in order. `end` stops before the newline
/// (and before a `\r`).
pub fn comments(text: &str) -> Vec<Comment> {
    let mut found = Vec::new();
    scan(text, |kind, start, end| {
        if kind == Kind::Comment {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            found.push(Comment {
                start,
                end: start + text[start..end].trim_end().len(),
                own_line: text[line_start..start].trim().is_empty(),
            });
        }
    });
    found
}

/// The code tokens, without whitespace and comments: `answer`, `"label"`, `->`.
/// Spacing is free in the language, so two texts with the same tokens mean the same.
pub fn code(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    scan(text, |kind, start, end| {
        if kind == Kind::Code {
            found.push(&text[start..end]);
        }
    });
    found
}

/// The byte just after the last code token of `text` (0 if none).
pub fn code_end(text: &str) -> usize {
    let mut last = 0;
    scan(text, |kind, _, end| {
        if kind == Kind::Code {
            last = end;
        }
    });
    last
}

/// All comment text, without `//` and spaces: moving or joining comments
/// keeps it.
pub fn comment_text(text: &str) -> String {
    comments(text)
        .iter()
        .flat_map(|c| text[c.start..c.end].split("//"))
        .flat_map(str::split_whitespace)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Comment,
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'+' | b'-') || byte >= 0x80
}

fn scan(text: &str, mut emit: impl FnMut(Kind, usize, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let byte = bytes[i];
        if byte.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if bytes[i..].starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            emit(Kind::Comment, start, i);
            continue;
        }
        if byte == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else if bytes[i..].starts_with(b"->") {
            i += 2;
        } else if is_word(byte) {
            while i < bytes.len() && is_word(bytes[i]) && !bytes[i..].starts_with(b"->") {
                i += 1;
            }
        } else {
            let two = &bytes[i..(i + 2).min(bytes.len())];
            i += if matches!(two, b"==" | b"!=" | b"<=" | b">=" | b"=>") {
                2
            } else {
                1
            };
        }
        // Never split a character: step to the next boundary.
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        emit(Kind::Code, start, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_does_not_change_the_tokens() {
        assert_eq!(code("set x=thigh -> a.b"), code("set x = thigh ->a.b"));
        assert_eq!(code("age>=-3"), vec!["age", ">=", "-3"]);
    }

    #[test]
    fn comments_inside_strings_are_text() {
        let text = "ask \"a // b\" // real\n// own";
        let found = comments(text);
        assert_eq!(found.len(), 2);
        assert!(!found[0].own_line);
        assert!(found[1].own_line);
        assert_eq!(&text[found[0].start..found[0].end], "// real");
    }
}
