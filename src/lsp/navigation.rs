//! Go to definition and find references: what the compiler found each
//! name to mean, for every kind of id.

use lsp_types::{Location, Url};

use super::line_index::LineIndex;
use super::names::Names;
use crate::compile::DeclarationId;

/// Where `declaration` is: the declaration references mean.
pub fn definition(
    names: &Names,
    declaration: DeclarationId,
    uris: &[Url],
    lines: &[LineIndex],
) -> Vec<Location> {
    let span = names.table.declaration(declaration).span;
    let file = span.file();
    let found = uris
        .get(file)
        .zip(lines.get(file))
        .map(|(uri, lines)| Location::new(uri.clone(), lines.range(span.range())));
    found.into_iter().collect()
}

/// Every place that means `declaration`; declarations only when asked for.
pub fn references(
    names: &Names,
    declaration: DeclarationId,
    with_declaration: bool,
    uris: &[Url],
    lines: &[LineIndex],
) -> Vec<Location> {
    names
        .occurrences(declaration, with_declaration)
        .into_iter()
        .filter_map(|(file, range, _)| {
            Some(Location::new(
                uris.get(file)?.clone(),
                lines.get(file)?.range(range),
            ))
        })
        .collect()
}
