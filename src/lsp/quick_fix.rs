//! Quick fixes: a diagnostic's typed suggestions, carried to the editor in
//! the diagnostic's `data` and handed back with the code-action request,
//! become edits as they are. Nothing here reads a hint's words.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};
use serde::{Deserialize, Serialize};

use super::line_index::LineIndex;
use crate::diagnostic::Suggestion;

/// One suggestion as the editor keeps it, in its file's positions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Fix {
    title: String,
    range: Range,
    #[serde(rename = "newText")]
    new_text: String,
}

/// What a diagnostic's `data` holds.
#[derive(Debug, Serialize, Deserialize)]
struct Fixes {
    fixes: Vec<Fix>,
}

/// The `data` of a diagnostic with these suggestions, those in the file
/// `lines` indexes (`file`); `None` when it has none.
pub fn fixes_data(
    suggestions: &[Suggestion],
    file: usize,
    lines: &LineIndex,
) -> Option<serde_json::Value> {
    let fixes: Vec<Fix> = (suggestions.iter())
        .filter(|suggestion| suggestion.span.file() == file)
        .map(|suggestion| Fix {
            title: suggestion.message.clone(),
            range: lines.range(suggestion.span.range()),
            new_text: suggestion.replacement.clone(),
        })
        .collect();
    if fixes.is_empty() {
        return None;
    }
    serde_json::to_value(Fixes { fixes }).ok()
}

/// The fixes for the diagnostics the editor sends back with the request.
pub fn quick_fixes(uri: &Url, diagnostics: &[lsp_types::Diagnostic]) -> Vec<CodeActionOrCommand> {
    diagnostics
        .iter()
        .flat_map(|diagnostic| {
            let fixes = (diagnostic.data.clone())
                .and_then(|data| serde_json::from_value::<Fixes>(data).ok())
                .map_or_else(Vec::new, |data| data.fixes);
            // One fix is the one to take; of several, the author chooses.
            let only = fixes.len() == 1;
            fixes.into_iter().map(move |fix| {
                CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit::new(HashMap::from([(
                        uri.clone(),
                        vec![TextEdit::new(fix.range, fix.new_text)],
                    )]))),
                    is_preferred: Some(only),
                    ..CodeAction::default()
                })
            })
        })
        .collect()
}
