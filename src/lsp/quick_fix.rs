//! Quick fixes: a diagnostic's typed suggestions, carried to the editor in
//! the diagnostic's `data` and handed back with the code-action request,
//! become edits as they are. Nothing here reads a hint's words.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};
use serde::{Deserialize, Serialize};

use super::canonical_edits::{ByteEdit, canonical_edits};
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
/// With the file as it is (`file`), each fix leaves the file in `fmt`'s
/// layout (`canonical_edits.rs`); without it, the fix is the replacement alone.
pub fn quick_fixes(
    uri: &Url,
    diagnostics: &[lsp_types::Diagnostic],
    file: Option<&LineIndex>,
) -> Vec<CodeActionOrCommand> {
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
                        laid_out(fix.range, fix.new_text, file),
                    )]))),
                    is_preferred: Some(only),
                    ..CodeAction::default()
                })
            })
        })
        .collect()
}

/// The edits that make one fix, in the layout `fmt` gives the file.
fn laid_out(range: Range, new_text: String, file: Option<&LineIndex>) -> Vec<TextEdit> {
    let Some(lines) = file else {
        return vec![TextEdit::new(range, new_text)];
    };
    let edit = ByteEdit {
        range: lines.offset(range.start)..lines.offset(range.end),
        text: new_text,
    };
    (canonical_edits(lines.text(), vec![edit]).into_iter())
        .map(|edit| TextEdit::new(lines.range(edit.range), edit.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use lsp_types::Position;

    use super::*;
    use crate::diagnostic::Span;

    fn actions(suggestions: &[Suggestion], text: &str) -> Vec<CodeAction> {
        let lines = LineIndex::new(text.into());
        let uri = Url::parse("file:///k/a.flow").unwrap();
        // The editor sends the diagnostic back as it got it, `data` and all.
        let sent = lsp_types::Diagnostic {
            data: fixes_data(suggestions, 0, &lines),
            ..lsp_types::Diagnostic::default()
        };
        let echoed: lsp_types::Diagnostic =
            serde_json::from_value(serde_json::to_value(sent).unwrap()).unwrap();
        quick_fixes(&uri, &[echoed], None)
            .into_iter()
            .map(|action| match action {
                CodeActionOrCommand::CodeAction(action) => action,
                CodeActionOrCommand::Command(command) => panic!("{command:?}"),
            })
            .collect()
    }

    fn edit(action: &CodeAction) -> &TextEdit {
        let changes = action.edit.as_ref().and_then(|e| e.changes.as_ref());
        &changes.and_then(|c| c.values().next()).unwrap()[0]
    }

    #[test]
    fn each_suggestion_is_a_fix_where_it_points() {
        let text = "question q {\n  yes -> fevr\n}\n";
        let found = actions(
            &[Suggestion::did_you_mean(Span::new(0, 22..26), "fever")],
            text,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "did you mean `fever`?");
        assert_eq!(found[0].is_preferred, Some(true));
        let edit = edit(&found[0]);
        assert_eq!(edit.new_text, "fever");
        assert_eq!(
            (edit.range.start, edit.range.end),
            (Position::new(1, 9), Position::new(1, 13))
        );
    }

    #[test]
    fn of_several_none_is_preferred_and_other_files_are_left_out() {
        let at = Span::new(0, 22..26);
        let found = actions(
            &[
                Suggestion::new(at, "a.fever", "write `a.fever`"),
                Suggestion::new(at, "b.fever", "write `b.fever`"),
                Suggestion::new(Span::new(1, 0..1), "x", "elsewhere"),
            ],
            "question q {\n  yes -> fevr\n}\n",
        );
        let titles: Vec<&str> = found.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["write `a.fever`", "write `b.fever`"]);
        assert!(found.iter().all(|a| a.is_preferred == Some(false)));
        assert!(actions(&[], "x").is_empty());
    }
}
