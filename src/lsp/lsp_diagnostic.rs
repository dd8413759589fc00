//! A backcheck diagnostic as the editor shows it: at its span, with its
//! code, the hint in its message and (with the caret's label) as related
//! information, and its suggestions for quick fixes.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use super::line_index::LineIndex;
use super::quick_fix::fixes_data;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity, Span, Suggestion};
use crate::source::{find_hidden_character, hidden_character_message};

/// Shown as the diagnostics' source in the editor.
pub const SOURCE: &str = "backcheck";

pub fn to_lsp(diagnostic: &Diagnostic, uri: &Url, lines: &LineIndex) -> lsp_types::Diagnostic {
    let range = lines.range(diagnostic.span.range());
    let location = Location::new(uri.clone(), range);
    let mut related = Vec::new();
    if !diagnostic.label.is_empty() {
        related.push(DiagnosticRelatedInformation {
            location: location.clone(),
            message: diagnostic.label.clone(),
        });
    }
    let help = diagnostic.help();
    if let Some(help) = &help {
        related.push(DiagnosticRelatedInformation {
            location,
            message: help.clone(),
        });
    }
    // In the message too: clients that show no related information (many
    // older ones) would otherwise never show the fix.
    let message = match &help {
        Some(help) => format!("{}\nhelp: {help}", diagnostic.message),
        None => diagnostic.message.clone(),
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(match diagnostic.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diagnostic.code().to_string())),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        data: fixes_data(&diagnostic.suggestions, diagnostic.span.file(), lines),
        ..lsp_types::Diagnostic::default()
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
    let at = start..start + character.len_utf8();
    // The file's index does not matter: the fix is read back in this file.
    let delete = Suggestion::new(Span::new(0, at.clone()), "", "delete it");
    Some(lsp_types::Diagnostic {
        range: lines.range(at),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(
            DiagnosticKind::HiddenCharacter.code().to_string(),
        )),
        source: Some(SOURCE.to_string()),
        message: hidden_character_message(character),
        data: fixes_data(&[delete], 0, lines),
        ..lsp_types::Diagnostic::default()
    })
}

#[cfg(test)]
mod tests {
    use lsp_types::{CodeActionOrCommand, Position};

    use super::*;
    use crate::lsp::quick_fix::quick_fixes;

    #[test]
    fn a_hidden_character_has_its_code_and_a_fix_that_deletes_it() {
        let text = "ask \"a\u{202E}b\"";
        let lines = LineIndex::new(text.into());
        let found = hidden_character(text, &lines).expect("the character is found");
        assert_eq!(found.code, Some(NumberOrString::String("E032".into())));
        assert_eq!(
            found.message,
            "the invisible character U+202E is not allowed in knowledge text; delete it"
        );
        let uri = Url::parse("file:///k/a.flow").unwrap();
        let fixes = quick_fixes(&uri, &[found], None);
        let [CodeActionOrCommand::CodeAction(fix)] = &fixes[..] else {
            panic!("{fixes:?}")
        };
        let changes = fix.edit.as_ref().and_then(|e| e.changes.as_ref()).unwrap();
        let edit = &changes[&uri][0];
        assert_eq!(edit.new_text, "");
        assert_eq!(
            (edit.range.start, edit.range.end),
            (Position::new(0, 6), Position::new(0, 7))
        );
    }
}
