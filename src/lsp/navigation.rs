//! Go to definition and find references: the folder's names, resolved as
//! the compiler resolves them, for every kind of id.

use lsp_types::{Location, Url};

use super::file_names::{Symbol, Written};
use super::line_index::LineIndex;
use super::name_index::NameIndex;

/// Where `symbol` is declared. A tag has no declaration of its own: every
/// `tags` line that carries it is one.
pub fn definition(
    index: &NameIndex,
    symbol: &Symbol,
    uris: &[Url],
    lines: &[LineIndex],
) -> Vec<Location> {
    index
        .declarations(symbol)
        .into_iter()
        .filter_map(|(file, range)| {
            Some(Location::new(
                uris.get(file)?.clone(),
                lines.get(file)?.range(range),
            ))
        })
        .collect()
}

/// Every place `symbol` is written; declarations only when asked for.
pub fn references(
    index: &NameIndex,
    symbol: &Symbol,
    with_declaration: bool,
    uris: &[Url],
    lines: &[LineIndex],
) -> Vec<Location> {
    index
        .occurrences(symbol)
        .filter(|(_, o)| with_declaration || !matches!(o.written, Written::Declares(_)))
        .filter_map(|(file, o)| {
            Some(Location::new(
                uris.get(file)?.clone(),
                lines.get(file)?.range(o.range.clone()),
            ))
        })
        .collect()
}
