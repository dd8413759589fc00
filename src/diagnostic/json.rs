//! Diagnostics as JSON for tools (`check --format json`): one object per
//! diagnostic with its code, severity, place (1-based line and column, start
//! and end) and words, in the order `check` prints them.

use serde::Serialize;

use super::{Diagnostic, Severity};
use crate::source::SourceFile;

/// One diagnostic, as tools read it.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'d> {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: &'d str,
    /// The file's path inside the knowledge folder; empty when unknown.
    pub file: &'d str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub label: &'d str,
    /// How to fix it, in words: [`Diagnostic::help`].
    pub hint: Option<String>,
}

impl<'d> DiagnosticJson<'d> {
    pub fn of(diagnostic: &'d Diagnostic, files: &'d [SourceFile]) -> DiagnosticJson<'d> {
        let file = files.get(diagnostic.span.file());
        let at = |offset: usize| file.map_or((0, 0), |f| f.line_col(offset));
        let (line, column) = at(diagnostic.span.start());
        let (end_line, end_column) = at(diagnostic.span.end());
        DiagnosticJson {
            code: diagnostic.code(),
            severity: match diagnostic.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: &diagnostic.message,
            file: file.map_or("", |f| f.path.as_str()),
            line,
            column,
            end_line,
            end_column,
            label: &diagnostic.label,
            hint: diagnostic.help(),
        }
    }
}

/// Every diagnostic as one JSON document: `{"ok": .., "diagnostics": [..]}`,
/// `ok` when none is an error.
pub fn diagnostics_json(diagnostics: &[Diagnostic], files: &[SourceFile]) -> String {
    #[derive(Serialize)]
    struct Document<'d> {
        ok: bool,
        errors: usize,
        warnings: usize,
        diagnostics: Vec<DiagnosticJson<'d>>,
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let document = Document {
        ok: errors == 0,
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics: diagnostics
            .iter()
            .map(|d| DiagnosticJson::of(d, files))
            .collect(),
    };
    serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".into())
}
