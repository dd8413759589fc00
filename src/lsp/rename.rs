//! Renaming an id across the folder: its declaration and every place it is
//! written. A qualified `file.id` keeps its file name; `next` is left alone.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use lsp_types::{TextEdit, Url, WorkspaceEdit};

use super::canonical_edits::{ByteEdit, canonical_edits};
use super::line_index::LineIndex;
use super::names::Names;
use crate::compile::{DeclarationId, Symbol, YesNo};
use crate::syntax::is_keyword;

/// The part of the name at `range` of `text` a rename replaces: the id
/// after its file name.
pub fn renamed_part(text: &str, range: Range<usize>) -> Range<usize> {
    let written = text.get(range.clone()).unwrap_or_default();
    match written.rfind('.') {
        Some(dot) => range.start + dot + 1..range.end,
        None => range,
    }
}

/// The edits that rename `declaration` to `new_name`, or why it cannot be.
pub fn rename(
    names: &Names,
    declaration: DeclarationId,
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
    if is_keyword(new_name) || YesNo::ALL.iter().any(|word| word.is_id(new_name)) {
        return Err(format!(
            "`{new_name}` is a word of the language (as in `not`, `and`, `when`), so it cannot be an id"
        ));
    }
    let symbol = &names.table.declaration(declaration).symbol;
    if let Some(clash) = clash(names, symbol, new_name) {
        return Err(clash);
    }
    // By file: the bytes each occurrence's id takes, in the text as it is.
    let mut by_file: BTreeMap<usize, Vec<ByteEdit>> = BTreeMap::new();
    for (file, range, next) in names.occurrences(declaration, true) {
        let Some(source) = names.source.files.get(file) else {
            continue;
        };
        if next {
            continue;
        }
        by_file.entry(file).or_default().push(ByteEdit {
            range: renamed_part(&source.text, range),
            text: new_name.to_string(),
        });
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for (file, edits) in by_file {
        let (Some(uri), Some(line_index)) = (uris.get(file), lines.get(file)) else {
            continue;
        };
        // The new id may be longer: the lines around it are laid out again.
        let edits = canonical_edits(line_index.text(), edits);
        changes.insert(
            uri.clone(),
            (edits.into_iter())
                .map(|edit| TextEdit::new(line_index.range(edit.range), edit.text))
                .collect(),
        );
    }
    Ok(WorkspaceEdit::new(changes))
}

/// Why `new_name` is already taken for this kind of symbol, if it is.
fn clash(names: &Names, symbol: &Symbol, new_name: &str) -> Option<String> {
    let word = new_name.to_string();
    let renamed = match symbol {
        Symbol::Node(id) => {
            let namespace = id.rsplit_once('.').map_or("", |(ns, _)| ns);
            Some(Symbol::Node(format!("{namespace}.{new_name}")))
        }
        Symbol::Fact(_) => Some(Symbol::Fact(word)),
        Symbol::Value { fact, .. } => Some(Symbol::Value {
            fact: fact.clone(),
            value: word,
        }),
        Symbol::Answer { question, .. } => Some(Symbol::Answer {
            question: question.clone(),
            answer: word,
        }),
        Symbol::Tag(_) => Some(Symbol::Tag(word)),
        Symbol::Source(_) => Some(Symbol::Source(word)),
        Symbol::Section(_)
        | Symbol::Vignette(_)
        | Symbol::Flow(_)
        | Symbol::Invariant(_)
        | Symbol::Case(_) => None,
    };
    let taken = renamed.is_some_and(|renamed| names.table.find(&renamed).is_some());
    taken.then(|| format!("`{new_name}` is already declared"))
}
