use std::ops::Range;

use super::cut_words::cut_long_words;
use super::{DiagnosticKind, Suggestion};

/// A byte range in one source file of a knowledge folder.
///
/// Kept in 32 bits: syntax trees and flows hold millions of spans, and a
/// knowledge file of 4 GiB is not a thing; past that, offsets stop at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    file: u32,
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(file: usize, range: Range<usize>) -> Span {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file: narrow(file),
            start: narrow(range.start),
            end: narrow(range.end),
        }
    }

    /// Index into `KnowledgeSource::files`.
    pub fn file(&self) -> usize {
        self.file as usize
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The same place, starting at `start` instead.
    pub fn with_start(self, start: usize) -> Span {
        Span::new(self.file(), start..self.end())
    }

    /// The same place, ending at `end` instead.
    pub fn with_end(self, end: usize) -> Span {
        Span::new(self.file(), self.start()..end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One message about the knowledge, pointing at the text it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule broken: its code, and whether it is an error or a warning.
    pub kind: DiagnosticKind,
    pub message: String,
    pub span: Span,
    /// What the caret under the source line says.
    pub label: String,
    /// How to fix it in words, when that says more than the suggestions'
    /// messages ("write one of a.fever, b.fever" over two suggestions) or
    /// there is no suggestion ("add `otherwise -> ...` as the last arm").
    pub hint: Option<String>,
    /// The fixes to choose from, each ready to apply.
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    pub fn new(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind,
            message: cut_long_words(message.into()),
            span,
            label: String::new(),
            hint: None,
            suggestions: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = cut_long_words(label.into());
        self
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Diagnostic {
        self.hint = hint.map(cut_long_words);
        self
    }

    /// Adds fixes to choose from (none for `None`).
    pub fn with_suggestions(
        mut self,
        suggestions: impl IntoIterator<Item = Suggestion>,
    ) -> Diagnostic {
        self.suggestions.extend(suggestions);
        self
    }

    /// How to fix it, as the help line under the source says it: the hint,
    /// or else what the suggestions say.
    pub fn help(&self) -> Option<String> {
        if let Some(hint) = &self.hint {
            return Some(hint.clone());
        }
        let said: Vec<&str> = self
            .suggestions
            .iter()
            .map(|s| s.message.as_str())
            .collect();
        (!said.is_empty()).then(|| said.join("; "))
    }

    /// A stable code authors can search for, e.g. `E003`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}
