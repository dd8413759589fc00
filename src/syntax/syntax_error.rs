//! A pest error turned into a message for the person who wrote the file:
//! what was expected, what was found, and a hint at the likely mistake.

use pest::error::{ErrorVariant, InputLocation};

use super::parser::Rule;
use super::specific_fix::{curly_closing_quote, specific_fix};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, Suggestion, closest_name};

/// Words that begin a top-level item. `source` comes last: it also begins a
/// field (a citation), so it cannot tell that a `}` is missing.
pub const TOP_LEVEL_WORDS: &[&str] = &[
    "flow",
    "fact",
    "section",
    "question",
    "decide",
    "outcome",
    "invariant",
    "case",
    "baseline",
    "vignette",
    "tag",
    "sign",
    "change",
    "source",
];

/// Words that begin a top-level item and nothing else; finding one inside a
/// block means a `}` is missing. (`change` and `source` also begin a part of
/// a block: a note's or outcome's changes, a citation.)
const ITEM_WORDS: &[&str] = TOP_LEVEL_WORDS.split_at(TOP_LEVEL_WORDS.len() - 2).0;

/// Words that begin a field or an arm inside a block.
const FIELD_WORDS: &[&str] = &[
    "ask",
    "clinical",
    "why",
    "source",
    "tags",
    "multiple",
    "number",
    "skip",
    "applies",
    "yes",
    "no",
    "unsure",
    "answer",
    "then",
    "when",
    "otherwise",
    "verdict",
    "title",
    "plan",
    "avoid",
    "selfcare",
    "safety",
    "answers",
    "expect",
    "difficulty",
    "story",
    "version",
    "start",
    "disclaimer",
    "set",
    "note",
    "finding",
    "root",
    "clinically",
    "therapist",
    "synonyms",
    "within",
    "label",
    "tells",
];

pub(super) fn syntax_error(
    error: &pest::error::Error<Rule>,
    text: &str,
    file: usize,
) -> Diagnostic {
    let mut position = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    // At the end of the file, point just after the last thing written, so
    // the line and column name a real line.
    let written = text.trim_end().len();
    if position > written {
        position = written;
    }
    let found = found_at(text, position);
    let expected = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<&str> = positives.iter().filter_map(|r| describe(*r)).collect();
            words.sort_unstable();
            words.dedup();
            words
        }
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", or_list(&expected))
    };
    let end = (position + found_len(text, position)).min(written.max(position));
    let specific = match unclosed_text_line(text, position) {
        Some(line) => curly_closing_quote(text, line, file),
        None => specific_fix(text, position, file),
    };
    if let Some(fix) = specific {
        return Diagnostic::new(
            DiagnosticKind::Syntax,
            Span::new(file, fix.range),
            fix.message.unwrap_or(message),
        )
        .with_label(fix.label)
        .with_hint(Some(fix.hint))
        .with_suggestions(fix.suggestion);
    }
    let diagnostic = Diagnostic::new(
        DiagnosticKind::Syntax,
        Span::new(file, position..end),
        message,
    )
    .with_label("here");
    match likely_mistake(text, position) {
        Mistake::Said(hint) => diagnostic.with_hint(Some(hint)),
        Mistake::Misspelt { len, keyword } => {
            diagnostic.with_suggestions([Suggestion::did_you_mean(
                Span::new(file, position..position + len),
                keyword,
            )])
        }
    }
}

/// Whether `word` begins a field or an arm inside a block.
pub(super) fn is_field_word(word: &str) -> bool {
    FIELD_WORDS.contains(&word)
}

fn found_at(text: &str, position: usize) -> String {
    let rest = text.get(position..).unwrap_or("");
    match rest.split_whitespace().next() {
        None => "the end of the file".to_string(),
        Some(word) => {
            let word: String = word.chars().take(24).collect();
            format!("`{word}`")
        }
    }
}

fn found_len(text: &str, position: usize) -> usize {
    let rest = text.get(position..).unwrap_or("");
    rest.split_whitespace().next().map_or(0, str::len).max(1)
}

/// What a syntax error likely is.
enum Mistake {
    /// Said in words, or where to read about the form.
    Said(String),
    /// The `len` bytes at the error are a misspelt keyword.
    Misspelt { len: usize, keyword: &'static str },
}

/// The likely mistake behind a syntax error at `position`.
fn likely_mistake(text: &str, position: usize) -> Mistake {
    if let Some(line) = unclosed_text_line(text, position) {
        return Mistake::Said(format!(
            "the text that starts on line {line} may be missing its closing `\"`"
        ));
    }
    let before = text.get(..position).unwrap_or("");
    let depth = brace_depth(before);
    let word: String = text
        .get(position..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if position >= text.trim_end().len() && depth > 0 {
        return Mistake::Said("a `}` is missing: every `{` needs one".into());
    }
    if depth > 0 && ITEM_WORDS.contains(&word.as_str()) {
        return Mistake::Said(format!(
            "a `}}` is missing before this `{word}`: the block above is not closed"
        ));
    }
    if !word.is_empty()
        && let Some(keyword) = closest_name(&word, FIELD_WORDS.iter().chain(ITEM_WORDS).copied())
    {
        return Mistake::Misspelt {
            len: word.len(),
            keyword,
        };
    }
    Mistake::Said("see grammar/README.md for how each construct is written".into())
}

/// `{` minus `}` outside texts and comments.
fn brace_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut in_text = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (in_text, c) {
            (true, '\\') => {
                chars.next();
            }
            (_, '"') => in_text = !in_text,
            (false, '/') if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            (false, '{') => depth += 1,
            (false, '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// The line of a text literal before `position` that runs over a line end:
/// texts are written on one line, so that is where a `"` went missing.
fn unclosed_text_line(text: &str, position: usize) -> Option<usize> {
    let before = text.get(..position)?;
    let mut in_text: Option<(usize, bool)> = None;
    let mut line = 1;
    let mut found = None;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match (&mut in_text, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some((start, crossed)), '"') => {
                if *crossed {
                    found = Some(*start);
                }
                in_text = None;
            }
            (Some((_, crossed)), '\n') => {
                *crossed = true;
                line += 1;
            }
            (None, '"') => in_text = Some((line, false)),
            (None, '/') if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            (None, '\n') => line += 1,
            _ => {}
        }
    }
    match in_text {
        Some((start, true)) => Some(start),
        _ => found,
    }
}

fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// How a grammar rule reads in a message; `None` for rules too small to name.
fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::ident | Rule::ref_id => "a name",
        Rule::string => "a quoted text",
        Rule::number => "a number",
        Rule::range => "a range like `0..10`",
        Rule::value => "a value",
        Rule::EOI => "the end of the file",
        Rule::flow_header => "`flow`",
        Rule::fact_decl => "`fact`",
        Rule::section => "`section`",
        Rule::question => "`question`",
        Rule::decide => "`decide`",
        Rule::outcome => "`outcome`",
        Rule::invariant => "`invariant`",
        Rule::case => "`case`",
        Rule::tag_decl | Rule::kw_tag => "`tag`",
        Rule::change_decl | Rule::kw_change | Rule::change_refs => "`change`",
        Rule::change_label => "`label`",
        Rule::story_tells => "`tells`",
        Rule::tag_meaning => "`means`",
        Rule::meaning => "`red_flag`, `emergency`, `urgent` or `routine`",
        Rule::finding_root | Rule::kw_root => "`root`",
        Rule::advice_clinically | Rule::kw_clinically => "`clinically`",
        Rule::sign_decl | Rule::kw_sign => "`sign`",
        Rule::sign_test | Rule::sign_test_kind => "`sensory`, `motor` or `reflex`",
        Rule::sign_note => "`note`",
        Rule::version_field => "`version`",
        Rule::start_field => "`start`",
        Rule::disclaimer_field => "`disclaimer`",
        Rule::fact_type | Rule::bool_type | Rule::number_type | Rule::enum_type => "a fact type",
        Rule::ask => "`ask`",
        Rule::clinical => "`clinical`",
        Rule::why => "`why`",
        Rule::source => "`source`",
        Rule::tags => "`tags`",
        Rule::multiple => "`multiple`",
        Rule::number_spec => "`number`",
        Rule::skip_when => "`skip when`",
        Rule::yesno_arm | Rule::yesno_word => "`yes`/`no`/`unsure`",
        Rule::answer_arm => "`answer`",
        Rule::then_arm => "`then`",
        Rule::synonyms => "`synonyms`",
        Rule::within => "`within`",
        Rule::within_bound => "a number like `6` or `6 weeks`",
        Rule::within_dots => "`..`",
        Rule::time_unit => "`days`, `weeks`, `months` or `years`",
        Rule::arrow => "`->`",
        Rule::set_effect => "`set`",
        Rule::note_effect => "`note`",
        Rule::finding_effect => "`finding`",
        Rule::when_arm => "`when`",
        Rule::otherwise_arm => "`otherwise`",
        Rule::condition | Rule::or_expr | Rule::and_expr | Rule::not_expr | Rule::negation => {
            "a condition"
        }
        Rule::comparison | Rule::membership | Rule::truth | Rule::any_tagged => "a condition",
        Rule::cmp_op => "a comparison like `==` or `<`",
        Rule::list => "a list like `[a, b]`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_in => "`in`",
        Rule::verdict => "`verdict`",
        Rule::verdict_kind => "`treat`, `modify` or `refer`",
        Rule::urgency => "`emergency`, `urgent` or `routine`",
        Rule::title => "`title`",
        Rule::plan => "`plan`",
        Rule::avoid => "`avoid`",
        Rule::selfcare => "`selfcare`",
        Rule::safety_net => "`safety`",
        Rule::answers => "`answers`",
        Rule::vignette => "`vignette`",
        Rule::difficulty_field => "`difficulty`",
        Rule::difficulty => "`easy`, `medium` or `hard`",
        Rule::story => "`story`",
        Rule::answer_pair => "an answer like `id=value`",
        Rule::expectation => "`expect`",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::syntax::parse;

    fn hint(text: &str) -> String {
        parse(text, 0).unwrap_err().help().unwrap_or_default()
    }

    #[test]
    fn a_missing_quote_is_pointed_at() {
        let text =
            "question q {\n  ask \"Sore?\n  yes -> o\n  no -> o\n}\noutcome o { title \"Fine\" }";
        assert_eq!(
            hint(text),
            "the text that starts on line 2 may be missing its closing `\"`"
        );
    }

    #[test]
    fn a_missing_brace_before_the_next_item() {
        let text = "question q {\n  ask \"?\"\n  yes -> o\n  no -> o\n\noutcome o { verdict treat title \"t\" }";
        assert!(
            hint(text).contains("a `}` is missing before this `outcome`"),
            "{}",
            hint(text)
        );
    }

    #[test]
    fn a_misspelt_keyword_gets_a_suggestion() {
        let text = "question q {\n  clinicle \"?\"\n}";
        assert_eq!(hint(text), "did you mean `clinical`?");
        let fix = &parse(text, 0).unwrap_err().suggestions[0];
        assert_eq!(
            (fix.span.range(), fix.replacement.as_str()),
            (15..23, "clinical")
        );
    }

    #[test]
    fn an_error_at_the_end_points_at_the_last_line() {
        let text = "question q { ask \"x\" yes -> o no -> o }\noutcome\n\n\n";
        let error = parse(text, 0).unwrap_err();
        assert_eq!(error.span.start(), text.trim_end().len());
    }
}
