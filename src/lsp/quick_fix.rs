//! Quick fixes: a diagnostic whose did-you-mean names a certain replacement
//! (`lsp_diagnostic::certain_rename`) offers to make it.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Url, WorkspaceEdit};

/// The fixes for the diagnostics the editor sends back with the request.
pub fn quick_fixes(uri: &Url, diagnostics: &[lsp_types::Diagnostic]) -> Vec<CodeActionOrCommand> {
    diagnostics
        .iter()
        .filter_map(|diagnostic| {
            let name = diagnostic.data.as_ref()?.get("replace")?.as_str()?;
            let edit = TextEdit::new(diagnostic.range, name.to_string());
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Replace with `{name}`"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit::new(HashMap::from([(
                    uri.clone(),
                    vec![edit],
                )]))),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}
