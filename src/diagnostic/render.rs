use std::collections::HashMap;

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

use super::{Diagnostic, Severity};
use crate::source::SourceFile;

/// Renders one diagnostic: `file:line:col`, the source line with a caret, the hint.
pub fn render_one(diagnostic: &Diagnostic, files: &[SourceFile], color: bool) -> String {
    render_cached(diagnostic, files, color, &mut HashMap::new())
}

/// [`render_one`] with ariadne's line index of each file kept in `sources`:
/// building it reads the whole file, too much to repeat per diagnostic.
fn render_cached<'f>(
    diagnostic: &Diagnostic,
    files: &'f [SourceFile],
    color: bool,
    sources: &mut HashMap<usize, Source<&'f str>>,
) -> String {
    let Some(file) = files.get(diagnostic.span.file()) else {
        return format!(
            "{}[{}]: {}\n",
            kind_word(diagnostic.severity()),
            diagnostic.code(),
            diagnostic.message
        );
    };
    let (line, col) = file.line_col(diagnostic.span.start());
    if source_line_len(&file.text, diagnostic.span.start()) > MAX_QUOTED_LINE {
        // Quoting a line of many thousand characters would bury the message.
        let hint = diagnostic
            .help()
            .map(|h| format!("\n  Help: {h}"))
            .unwrap_or_default();
        return format!(
            "{}:{line}:{col}: {}[{}]: {} (the line is too long to show){hint}\n",
            file.path,
            kind_word(diagnostic.severity()),
            diagnostic.code(),
            diagnostic.message
        );
    }
    let range = clamp(diagnostic.span.range(), &file.text);
    let kind = match diagnostic.severity() {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
    };
    let label_color = match diagnostic.severity() {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
    };
    let label_text = if diagnostic.label.is_empty() {
        diagnostic.message.clone()
    } else {
        diagnostic.label.clone()
    };
    let path = file.path.as_str();
    let mut report = Report::build(kind, (path, range.clone()))
        .with_config(
            Config::default()
                .with_color(color)
                .with_index_type(IndexType::Byte),
        )
        .with_code(diagnostic.code())
        .with_message(&diagnostic.message)
        .with_label(
            Label::new((path, range))
                .with_message(label_text)
                .with_color(label_color),
        );
    if let Some(help) = diagnostic.help() {
        report = report.with_help(help);
    }
    let mut out = format!("{path}:{line}:{col}: ");
    let mut body = Vec::new();
    let source = sources
        .entry(diagnostic.span.file())
        .or_insert_with(|| Source::from(&*file.text));
    let written = report.finish().write((path, &*source), &mut body);
    match written {
        Ok(()) => out.push_str(&String::from_utf8_lossy(&body)),
        Err(_) => out.push_str(&format!("{}\n", diagnostic.message)),
    }
    out
}

/// Renders several diagnostics, errors and warnings in source order.
pub fn render_all(diagnostics: &[Diagnostic], files: &[SourceFile], color: bool) -> String {
    let mut sources = HashMap::new();
    diagnostics
        .iter()
        .map(|diagnostic| render_cached(diagnostic, files, color, &mut sources))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Longer source lines are not quoted.
const MAX_QUOTED_LINE: usize = 400;

fn source_line_len(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let after = text.get(offset..).unwrap_or("");
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = after.find('\n').map_or(text.len(), |i| offset + i);
    end - start
}

fn kind_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The span inside the text and on character boundaries: ariadne slices the
/// line with it and panics inside a multi-byte character.
fn clamp(range: std::ops::Range<usize>, text: &str) -> std::ops::Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{DiagnosticKind, Span, Suggestion};

    #[test]
    fn points_at_line_and_column_with_hint() {
        let files = vec![SourceFile::new(
            "a.flow",
            "question x {\n  yes -> fevr\n}\n",
        )];
        let diagnostic = Diagnostic::new(
            DiagnosticKind::UnknownId,
            Span::new(0, 22..26),
            "unknown id `fevr`",
        )
        .with_hint(Some("did you mean `fever`?".into()));
        let text = render_one(&diagnostic, &files, false);
        assert!(text.starts_with("a.flow:2:10: "), "{text}");
        assert!(text.contains("yes -> fevr"), "{text}");
        assert!(text.contains("did you mean `fever`?"), "{text}");
    }

    /// A suggestion is shown as the hint that says the same would be.
    #[test]
    fn a_suggestion_renders_as_its_words() {
        let files = vec![SourceFile::new(
            "a.flow",
            "question x {\n  yes -> fevr\n}\n",
        )];
        let worded = Diagnostic::new(
            DiagnosticKind::UnknownId,
            Span::new(0, 22..26),
            "unknown id `fevr`",
        );
        let suggested = worded
            .clone()
            .with_suggestions([Suggestion::did_you_mean(Span::new(0, 22..26), "fever")]);
        let worded = worded.with_hint(Some("did you mean `fever`?".into()));
        assert_eq!(
            render_one(&suggested, &files, false),
            render_one(&worded, &files, false)
        );
        // The hint, when there is one, says it instead.
        let both = suggested.with_hint(Some("write one of fever, a.fever".into()));
        assert_eq!(both.help().as_deref(), Some("write one of fever, a.fever"));
    }

    #[test]
    fn a_span_ending_inside_a_character_is_widened_to_it() {
        let files = vec![SourceFile::new("a.flow", "x é y")];
        let diagnostic =
            Diagnostic::new(DiagnosticKind::Syntax, Span::new(0, 2..3), "unexpected `é`");
        let text = render_one(&diagnostic, &files, false);
        assert!(text.starts_with("a.flow:1:3: "), "{text}");
    }
}
