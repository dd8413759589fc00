use std::sync::Arc;

/// One `.flow` file: its path as shown to authors, its namespace and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path shown in diagnostics, relative to the knowledge folder.
    pub path: String,
    /// The file stem; node ids in this file are qualified with it.
    pub namespace: String,
    /// Shared, not copied, with the compiled flow that points into it.
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> SourceFile {
        let path = path.into();
        let namespace = std::path::Path::new(&path)
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        SourceFile {
            path,
            namespace,
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        // Counting bytes vectorises; a char searcher is several times slower.
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_is_the_file_stem() {
        assert_eq!(
            SourceFile::new("sub/emergency.flow", "").namespace,
            "emergency"
        );
    }

    #[test]
    fn line_col_counts_from_one() {
        let file = SourceFile::new("a.flow", "ab\ncd");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(4), (2, 2));
    }
}
