//! Renaming an id across the folder: its declaration and every place it is
//! written. A qualified `file.id` keeps its file name; `next` is left alone.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{TextEdit, Url, WorkspaceEdit};

use super::file_names::{Occurrence, Symbol, Written};
use super::line_index::LineIndex;
use super::name_index::NameIndex;

/// The part of an occurrence a rename replaces: the id after its file name.
pub fn renamed_part(occurrence: &Occurrence) -> Range<usize> {
    match occurrence.text.rfind('.') {
        Some(dot) => occurrence.range.start + dot + 1..occurrence.range.end,
        None => occurrence.range.clone(),
    }
}

/// The edits that rename `symbol` to `new_name`, or why it cannot be.
pub fn rename(
    index: &NameIndex,
    symbol: &Symbol,
    new_name: &str,
    uris: &[Url],
    lines: &[LineIndex],
) -> Result<WorkspaceEdit, String> {
    let is_word = new_name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && new_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_word {
        return Err(format!(
            "`{new_name}` is not an id: a letter or underscore, then letters, digits or underscores"
        ));
    }
    if ["next", "yes", "no", "unsure"].contains(&new_name) {
        return Err(format!("`{new_name}` is a word of the language"));
    }
    if let Some(clash) = clash(index, symbol, new_name) {
        return Err(clash);
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for (file, occurrence) in index.occurrences(symbol) {
        if matches!(occurrence.written, Written::Next(_)) {
            continue;
        }
        let (Some(uri), Some(line_index)) = (uris.get(file), lines.get(file)) else {
            continue;
        };
        changes.entry(uri.clone()).or_default().push(TextEdit::new(
            line_index.range(renamed_part(occurrence)),
            new_name.to_string(),
        ));
    }
    Ok(WorkspaceEdit::new(changes))
}

/// Why `new_name` is already taken for this kind of symbol, if it is.
fn clash(index: &NameIndex, symbol: &Symbol, new_name: &str) -> Option<String> {
    let taken = match symbol {
        Symbol::Node(id) => {
            let namespace = id.rsplit_once('.').map_or("", |(ns, _)| ns);
            index.node(&format!("{namespace}.{new_name}")).is_some()
        }
        Symbol::Fact(_) => index.fact(new_name).is_some(),
        Symbol::Value { fact, .. } => index
            .fact(fact)
            .is_some_and(|(_, f)| f.values.iter().any(|v| v == new_name)),
        Symbol::Answer { question, .. } => index
            .node(question)
            .is_some_and(|(_, n)| n.answers.iter().any(|(a, _)| a == new_name)),
        Symbol::Tag(_) | Symbol::Source(_) => index
            .declared(&match symbol {
                Symbol::Tag(_) => Symbol::Tag(new_name.to_string()),
                _ => Symbol::Source(new_name.to_string()),
            })
            .is_some(),
        Symbol::Section(_) | Symbol::Vignette(_) => false,
    };
    taken.then(|| format!("`{new_name}` is already declared"))
}
