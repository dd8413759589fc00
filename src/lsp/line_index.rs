//! Byte offsets (what spans hold) to the editor's line and UTF-16 column
//! (what the protocol speaks by default), and back.

use lsp_types::{Position, Range};

/// Where each line of one text starts, to turn offsets into positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    text: std::sync::Arc<str>,
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: std::sync::Arc<str>) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The text the index is of.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The position of a byte offset (clamped to the text, and to the
    /// character it falls inside).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column: usize = self.text[self.starts[line]..offset]
            .chars()
            .map(char::len_utf16)
            .sum();
        Position::new(to_u32(line), to_u32(column))
    }

    pub fn range(&self, bytes: std::ops::Range<usize>) -> Range {
        Range::new(self.position(bytes.start), self.position(bytes.end))
    }

    /// The byte offset of a position; a column past the line's end is the
    /// line's end, a line past the text is its end.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |next| next - 1);
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let index = LineIndex::new("ab\n\u{e9}x\n".into());
        assert_eq!(index.position(0), Position::new(0, 0));
        assert_eq!(index.position(3), Position::new(1, 0));
        // é is two bytes and one UTF-16 unit.
        assert_eq!(index.position(5), Position::new(1, 1));
        assert_eq!(index.offset(Position::new(1, 1)), 5);
        assert_eq!(index.offset(Position::new(9, 0)), 7);
        assert_eq!(index.offset(Position::new(0, 99)), 2);
    }
}
