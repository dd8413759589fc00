//! A backcheck diagnostic as the editor shows it: at its span, with its
//! code, the caret's label and the hint as related information, and, when
//! the fix is certain, the replacement for a quick fix.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use super::line_index::LineIndex;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::find_hidden_character;

/// Shown as the diagnostics' source in the editor.
pub const SOURCE: &str = "backcheck";

pub fn to_lsp(
    diagnostic: &Diagnostic,
    uri: &Url,
    lines: &LineIndex,
    text: &str,
) -> lsp_types::Diagnostic {
    let range = lines.range(diagnostic.span.range());
    let location = Location::new(uri.clone(), range);
    let mut related = Vec::new();
    if !diagnostic.label.is_empty() {
        related.push(DiagnosticRelatedInformation {
            location: location.clone(),
            message: diagnostic.label.clone(),
        });
    }
    if let Some(hint) = &diagnostic.hint {
        related.push(DiagnosticRelatedInformation {
            location,
            message: hint.clone(),
        });
    }
    let written = text.get(diagnostic.span.range()).unwrap_or_default();
    let fix = diagnostic
        .hint
        .as_deref()
        .and_then(|hint| certain_rename(written, hint));
    lsp_types::Diagnostic {
        range,
        severity: Some(match diagnostic.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diagnostic.code().to_string())),
        source: Some(SOURCE.to_string()),
        message: diagnostic.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        data: fix.map(|name| serde_json::json!({ "replace": name })),
        ..lsp_types::Diagnostic::default()
    }
}

/// The name a "did you mean `x`?" hint offers, when the text it is about is
/// itself one name and `x` is another: replacing one by the other cannot
/// touch anything else.
pub fn certain_rename(written: &str, hint: &str) -> Option<String> {
    let rest = hint.strip_prefix("did you mean `")?;
    let (name, _) = rest.split_once("`?")?;
    (is_name(written) && is_name(name) && written != name).then(|| name.to_string())
}

/// An id as the grammar's `ref_id` writes it: `word` or `file.word`.
fn is_name(text: &str) -> bool {
    let word = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let mut parts = text.split('.');
    let ok = parts.next().is_some_and(word);
    match (parts.next(), parts.next()) {
        (None, _) => ok,
        (Some(second), None) => ok && word(second),
        _ => false,
    }
}

/// The loader refuses a file with an invisible character; the editor shows
/// it where it stands.
pub fn hidden_character(text: &str, lines: &LineIndex) -> Option<lsp_types::Diagnostic> {
    let (line, column, character) = find_hidden_character(text)?;
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let start = text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i);
    Some(lsp_types::Diagnostic {
        range: lines.range(start..start + character.len_utf8()),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message: format!(
            "the invisible character U+{:04X} is not allowed in knowledge text; delete it",
            u32::from(character)
        ),
        ..lsp_types::Diagnostic::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_name_for_a_name_is_certain() {
        assert_eq!(
            certain_rename("saddle_numbnes", "did you mean `saddle_numbness`?").as_deref(),
            Some("saddle_numbness")
        );
        assert_eq!(
            certain_rename(
                "cauda",
                "did you mean `emergency.cauda`? (ids from other files need the file name)"
            )
            .as_deref(),
            Some("emergency.cauda")
        );
        assert_eq!(certain_rename("a b", "did you mean `ab`?"), None);
        assert_eq!(certain_rename("x", "declare it: `fact x: bool`"), None);
    }
}
