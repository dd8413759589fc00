//! Formatting through `backcheck fmt`'s own formatter: one edit that puts
//! the whole file in the canonical layout, or none when it already is, or
//! does not parse (its diagnostic says why).

use lsp_types::TextEdit;

use super::line_index::LineIndex;
use crate::syntax::format;

pub fn format_edits(text: &str, lines: &LineIndex) -> Vec<TextEdit> {
    match format(text) {
        Ok(formatted) if formatted != text => {
            vec![TextEdit::new(lines.range(0..text.len()), formatted)]
        }
        _ => Vec::new(),
    }
}
