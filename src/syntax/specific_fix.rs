//! Syntax errors whose cause the grammar's "expected ..., found ..." cannot
//! say, recognised from the text around the error, each with the fix in
//! words and, where it needs no judgement, as a [`Suggestion`]: curly quotes,
//! a `"` inside a text, tags without a comma, an arrow without a target, a
//! block never closed, and a word after `expect` or `verdict` that is none of
//! theirs.

use std::ops::Range;

use crate::diagnostic::{Span, Suggestion, closest_name};

/// What to say instead of the grammar's guess, and where.
pub(super) struct SpecificFix {
    /// The text the error is about, which may lie before where pest stopped.
    pub range: Range<usize>,
    /// Replaces the grammar's "expected ..., found ..." when that misleads.
    pub message: Option<String>,
    pub label: String,
    pub hint: String,
    pub suggestion: Option<Suggestion>,
}

const OPENING_CURLY: [char; 2] = ['“', '„'];
const CURLY: [char; 4] = ['“', '”', '„', '‟'];

/// The specific fix for a syntax error at `position` of `text`, if the
/// text around it shows one.
pub(super) fn specific_fix(text: &str, position: usize, file: usize) -> Option<SpecificFix> {
    curly_quotes(text, position, file)
        .or_else(|| quote_inside_text(text, position, file))
        .or_else(|| arrow_without_target(text, position))
        .or_else(|| tags_without_comma(text, position, file))
        .or_else(|| unclosed_block(text, position))
        .or_else(|| not_an_expectation(text, position, file))
}

/// The line `position` is on, as a byte range without its line end.
fn line_around(text: &str, position: usize) -> Range<usize> {
    let start = text[..position].rfind('\n').map_or(0, |i| i + 1);
    let end = text[position..]
        .find('\n')
        .map_or(text.len(), |i| position + i);
    start..end
}

/// `inner` with each `"` not already escaped written `\"`.
fn escape_quotes(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 4);
    let mut escaped = false;
    for c in inner.chars() {
        if c == '"' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// `ask “Sore?”`: a curly quote where a text should start.
fn curly_quotes(text: &str, position: usize, file: usize) -> Option<SpecificFix> {
    let open = text[position..].chars().next()?;
    if !CURLY.contains(&open) {
        return None;
    }
    let line = line_around(text, position);
    let after_open = position + open.len_utf8();
    let close = text[after_open..line.end]
        .rfind(CURLY)
        .map(|i| after_open + i);
    let (range, replacement) = match close {
        Some(close) => {
            let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
            (
                position..close + close_len,
                format!("\"{}\"", escape_quotes(&text[after_open..close])),
            )
        }
        None => (position..after_open, "\"".to_string()),
    };
    let which = if OPENING_CURLY.contains(&open) {
        "an opening"
    } else {
        "a closing"
    };
    Some(SpecificFix {
        range: range.clone(),
        message: Some(format!(
            "`{open}` is {which} curly quote: a text is written between straight quotes `\"`"
        )),
        label: "curly quotes".into(),
        hint: "write the text between straight quotes `\"` (an editor or word processor may have curled them)".into(),
        suggestion: Some(Suggestion::new(
            Span::new(file, range),
            replacement,
            "write straight quotes `\"`",
        )),
    })
}

/// `ask "Sore?”`: a text on line `line` (from 1) that runs on past the line
/// end because a curly quote stands where its closing `"` should.
pub(super) fn curly_closing_quote(text: &str, line: usize, file: usize) -> Option<SpecificFix> {
    let start = match line {
        1 => 0,
        _ => text.match_indices('\n').nth(line - 2)?.0 + 1,
    };
    let written = &text[start..line_around(text, start).end];
    let open = written.find('"')?;
    let at = start + open + 1 + written[open + 1..].rfind(CURLY)?;
    let quote = text[at..].chars().next()?;
    let range = at..at + quote.len_utf8();
    Some(SpecificFix {
        range: range.clone(),
        message: Some(format!(
            "the text on line {line} ends with the curly quote `{quote}`, so it runs on"
        )),
        label: "a curly quote".into(),
        hint: "end the text with a straight quote `\"`".into(),
        suggestion: Some(Suggestion::new(
            Span::new(file, range),
            "\"",
            "write a straight quote `\"`",
        )),
    })
}

/// `ask "between your "legs" or"`: a `"` inside a text ends it early; the
/// grammar then stops at what follows. The text is taken to run from the
/// first `"` on the line before the error to the last one after it.
fn quote_inside_text(text: &str, position: usize, file: usize) -> Option<SpecificFix> {
    let line = line_around(text, position);
    let first = line.start + text[line.start..position].find('"')?;
    let last = position + text[position..line.end].rfind('"')?;
    let inner = &text[first + 1..last];
    let escaped = escape_quotes(inner);
    if escaped == inner {
        return None;
    }
    let range = first..last + 1;
    Some(SpecificFix {
        range: range.clone(),
        message: Some("a `\"` inside a text ends the text".into()),
        label: "this text has a `\"` inside".into(),
        hint: "write a quote inside a text as `\\\"`".into(),
        suggestion: Some(Suggestion::new(
            Span::new(file, range),
            format!("\"{escaped}\""),
            "write the quotes inside as `\\\"`",
        )),
    })
}

/// The token that ends just before `end`, skipping spaces and line ends, and
/// where it starts.
fn token_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let before = text[..end].trim_end();
    let start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    (start < before.len()).then(|| (start, &before[start..]))
}

/// The line number (from 1) of byte `at`.
fn line_number(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// `no ->` with nothing after it: the grammar takes the next line's first
/// word (`unsure`) as the target and stops after it, or stops at the `}`.
fn arrow_without_target(text: &str, position: usize) -> Option<SpecificFix> {
    let (start, token) = token_before(text, position)?;
    let (arrow, taken) = if token == "->" {
        (start, None)
    } else {
        let (arrow, before) = token_before(text, start)?;
        let word_starts_a_line = text[arrow..start].contains('\n');
        if before != "->" || !word_starts_a_line || !super::syntax_error::is_field_word(token) {
            return None;
        }
        (arrow, Some(token))
    };
    let line = line_number(text, arrow);
    let mut hint = format!(
        "write where it goes after the `->` on line {line}: a node's id, `file.id` or `next`"
    );
    if let Some(word) = taken {
        hint.push_str(&format!(
            " (the `{word}` on the next line was read as the target)"
        ));
    }
    Some(SpecificFix {
        range: arrow..arrow + 2,
        message: Some("`->` has no target".into()),
        label: "goes where?".into(),
        hint,
        suggestion: None,
    })
}

/// `tags red_flag urgent`: a second tag without the comma before it.
fn tags_without_comma(text: &str, position: usize, file: usize) -> Option<SpecificFix> {
    let line = line_around(text, position);
    let written = text[line.start..line.end].trim_start();
    let word: &str = {
        let rest = &text[position..line.end];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        &rest[..len]
    };
    if !written.starts_with("tags ") || word.is_empty() {
        return None;
    }
    let (start, previous) = token_before(text, position)?;
    if start < line.start || previous.ends_with(',') || previous == "tags" {
        return None;
    }
    let gap = start + previous.len()..position;
    let fixed = format!(
        "{}, {}",
        &text[line.start + (line.len() - written.len())..gap.start],
        &text[position..line.end]
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    Some(SpecificFix {
        range: position..position + word.len(),
        message: Some(format!("a comma is missing before the tag `{word}`")),
        label: "after a comma".into(),
        hint: format!("tags are separated by commas: `{}`", fixed.trim_end()),
        suggestion: Some(Suggestion::new(
            Span::new(file, gap),
            ", ",
            format!("add a comma: `{}`", fixed.trim_end()),
        )),
    })
}

/// At the end of the file, a `{` never closed: point at the block it opens.
/// Where a `}` closes a block opened on a line indented deeper than its own,
/// that block is the one left open; otherwise the innermost still open.
fn unclosed_block(text: &str, position: usize) -> Option<SpecificFix> {
    if position < text.trim_end().len() {
        return None;
    }
    let indent_at = |at: usize| {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        text[start..at].len() - text[start..at].trim_start().len()
    };
    let mut open: Vec<usize> = Vec::new();
    let mut suspect = None;
    let mut in_text = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match (in_text, c) {
            (true, '\\') => {
                chars.next();
            }
            (_, '"') => in_text = !in_text,
            (true, '\n') => in_text = false,
            (false, '/') if chars.peek().map(|(_, c)| *c) == Some('/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            (false, '{') => open.push(at),
            (false, '}') => {
                if let Some(opened) = open.pop() {
                    let closing_starts_line = text[..at]
                        .rsplit('\n')
                        .next()
                        .is_some_and(|before| before.trim().is_empty());
                    if suspect.is_none() && closing_starts_line && indent_at(opened) > indent_at(at)
                    {
                        suspect = Some(opened);
                    }
                }
            }
            _ => {}
        }
    }
    let brace = suspect.or_else(|| open.last().copied())?;
    if open.is_empty() {
        return None;
    }
    let line = line_around(text, brace);
    let head_start =
        line.start + (text[line.start..brace].len() - text[line.start..brace].trim_start().len());
    let head: String = text[head_start..brace]
        .trim_end()
        .chars()
        .take(40)
        .collect();
    Some(SpecificFix {
        range: head_start..brace + 1,
        message: Some(format!("`{head}` is never closed: a `}}` is missing")),
        label: "this block has no `}`".into(),
        hint: format!(
            "add `}}` where `{head}` (line {}) ends",
            line_number(text, brace)
        ),
        suggestion: None,
    })
}

/// `expect fine`, `verdict fine`: a word that is not what may follow.
fn not_an_expectation(text: &str, position: usize, file: usize) -> Option<SpecificFix> {
    let (_, previous) = token_before(text, position)?;
    let (words, said): (&[&str], &str) = match previous {
        "expect" => (
            &["treat", "modify", "refer", "outcome", "note"],
            "after `expect` write a verdict (`treat`, `modify`, `refer`, `refer urgent`), `outcome ID` or `note \"...\"`",
        ),
        "verdict" => (
            &["treat", "modify", "refer"],
            "a verdict is `treat`, `modify` or `refer` with its urgency (`refer urgent`)",
        ),
        _ => return None,
    };
    let rest = &text[position..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if len == 0 {
        return None;
    }
    let word = &rest[..len];
    let range = position..position + len;
    let suggestion = closest_name(word, words.iter().copied())
        .map(|keyword| Suggestion::did_you_mean(Span::new(file, range.clone()), keyword));
    Some(SpecificFix {
        range,
        message: None,
        label: "here".into(),
        hint: said.into(),
        suggestion,
    })
}

#[cfg(test)]
mod tests {
    //! Each test names the message before this file: all of them only said
    //! what the grammar expected, with "see grammar/README.md" or a wrong
    //! did-you-mean as the help.

    use crate::diagnostic::Diagnostic;
    use crate::syntax::parse;

    fn error(text: &str) -> Diagnostic {
        parse(text, 0).unwrap_err()
    }

    fn fixed(text: &str) -> String {
        let error = error(text);
        let fix = &error.suggestions[0];
        let mut out = text.to_string();
        out.replace_range(fix.span.range(), &fix.replacement);
        out
    }

    const ARMS: &str = "\n  yes -> o\n  no -> o\n}\noutcome o { verdict treat title \"Fine\" }\n";

    /// Before: "expected a quoted text, found `“Sore?”`", help "see grammar/README.md".
    #[test]
    fn curly_quotes_are_named_and_straightened() {
        let text = format!("question q {{\n  ask “Sore \"here\"?”{ARMS}");
        let error = error(&text);
        assert!(error.message.contains("curly quote"), "{}", error.message);
        let open = text.find('“').unwrap();
        let close = text.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(error.span.range(), open..close);
        let after = fixed(&text);
        assert!(after.contains("ask \"Sore \\\"here\\\"?\""), "{after}");
        assert!(parse(&after, 0).is_ok(), "{after}");
    }

    /// Before: "the text that starts on line 2 may be missing its closing `\"`".
    #[test]
    fn a_curly_quote_that_ends_a_text_is_pointed_at() {
        let text = format!("question q {{\n  ask \"Sore?”\n  why \"w\"{ARMS}");
        let error = error(&text);
        let at = text.find('”').unwrap();
        assert_eq!(error.span.range(), at..at + '”'.len_utf8());
        assert_eq!(
            error.message,
            "the text on line 2 ends with the curly quote `”`, so it runs on"
        );
        let after = fixed(&text);
        assert!(parse(&after, 0).is_ok(), "{after}");
    }

    /// Before: "expected `answer`, `ask`, ... found `legs\"`", help "see grammar/README.md".
    #[test]
    fn a_quote_inside_a_text_is_escaped() {
        let text = format!("question q {{\n  ask \"between your \"legs\" or\"{ARMS}");
        let error = error(&text);
        assert_eq!(error.message, "a `\"` inside a text ends the text");
        assert_eq!(
            error.help().as_deref(),
            Some("write a quote inside a text as `\\\"`")
        );
        let after = fixed(&text);
        assert!(
            after.contains(r#"ask "between your \"legs\" or""#),
            "{after}"
        );
        assert!(parse(&after, 0).is_ok(), "{after}");
    }

    /// Before: "expected `answer`, `ask`, ... found `urgent`", help "see grammar/README.md".
    #[test]
    fn tags_without_a_comma_get_one() {
        let text = format!("question q {{\n  ask \"?\"\n  tags   red_flag  urgent{ARMS}");
        let error = error(&text);
        assert_eq!(error.message, "a comma is missing before the tag `urgent`");
        assert_eq!(
            error.help().as_deref(),
            Some("tags are separated by commas: `tags red_flag, urgent`")
        );
        let after = fixed(&text);
        assert!(after.contains("tags   red_flag, urgent\n"), "{after}");
        assert!(parse(&after, 0).is_ok(), "{after}");
    }

    /// Before: pointed at the `->` of the next line (`unsure -> o`), "found `->`".
    #[test]
    fn an_arrow_without_a_target_is_pointed_at() {
        let text = "question q {\n  ask \"?\"\n  yes -> o\n  no ->\n  unsure -> o\n}\n";
        let found = error(text);
        assert_eq!(found.message, "`->` has no target");
        let arrow = text.find("no ->").unwrap() + 3;
        assert_eq!(found.span.range(), arrow..arrow + 2);
        assert!(
            found.help().unwrap().contains("on line 4"),
            "{:?}",
            found.help()
        );
        // At the end of a block too.
        let text = "question q {\n  ask \"?\"\n  yes -> o\n  no ->\n}\n";
        let arrow = text.find("no ->").unwrap() + 3;
        assert_eq!(error(text).span.range(), arrow..arrow + 2);
    }

    /// Before: pointed at the end of the file, "found the end of the file".
    #[test]
    fn a_block_never_closed_is_pointed_at() {
        let text = "question a {\n  ask \"?\"\n  yes -> o\n  no -> o\n}\n\nquestion zz {\n  ask \"?\"\n  yes -> o\n";
        let found = error(text);
        let opened = text.find("question zz").unwrap();
        assert_eq!(found.span.range(), opened..opened + "question zz {".len());
        assert_eq!(
            found.message,
            "`question zz` is never closed: a `}` is missing"
        );
        // Inside a section, the question whose `}` went missing, found by the
        // section's `}` closing it at a shallower indent.
        let text = "section s \"S\" {\n  question a {\n    ask \"?\"\n    yes -> o\n}\n";
        let opened = text.find("question a").unwrap();
        assert_eq!(error_range(text), opened..opened + "question a {".len());
    }

    fn error_range(text: &str) -> std::ops::Range<usize> {
        error(text).span.range()
    }

    /// Before: "did you mean `finding`?".
    #[test]
    fn expect_names_the_expectations() {
        let text = "case \"c\" {\n  answers q=yes\n  expect fine\n}\n";
        let help = error(text).help().unwrap();
        assert!(
            help.starts_with("after `expect` write a verdict (`treat`"),
            "{help}"
        );
        assert!(!help.contains("finding"), "{help}");
        let text = "case \"c\" {\n  answers q=yes\n  expect tret\n}\n";
        assert_eq!(error(text).suggestions[0].replacement, "treat");
    }
}
