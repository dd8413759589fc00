//! The compiler's symbol table of a folder as the server reads it: with the
//! text it was made from, to find the name under the cursor. The server
//! resolves nothing itself: what a name means is what compiling found.

use std::ops::Range;

use crate::compile::{DeclarationId, SymbolTable, Written};
use crate::source::KnowledgeSource;

#[derive(Debug)]
pub struct Names {
    pub table: SymbolTable,
    /// The text the table was made from: the editor's, except that a file
    /// that does not parse is its last text that did.
    pub source: KnowledgeSource,
}

/// A name under the cursor.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where it is written.
    pub range: Range<usize>,
    /// What it means.
    pub declaration: DeclarationId,
    /// `-> next`: means a node, but is not its name.
    pub next: bool,
}

impl Default for Names {
    fn default() -> Names {
        Names::new(
            SymbolTable::default(),
            KnowledgeSource { files: Vec::new() },
        )
    }
}

impl Names {
    pub fn new(table: SymbolTable, source: KnowledgeSource) -> Names {
        Names { table, source }
    }

    /// The text of file `file` at `range`, as the table read it.
    pub fn text(&self, file: usize, range: Range<usize>) -> &str {
        (self.source.files.get(file))
            .and_then(|f| f.text.get(range))
            .unwrap_or_default()
    }

    pub fn namespace(&self, file: usize) -> &str {
        self.source
            .files
            .get(file)
            .map_or("", |f| f.namespace.as_str())
    }

    /// The name under (or just before) byte `offset` of file `file`, and
    /// what it means. `text` is the file's text now: names kept from
    /// before the file stopped parsing count only where they still stand.
    pub fn at(&self, file: usize, offset: usize, text: &str) -> Option<Found> {
        let here = |range: &Range<usize>| {
            range.start <= offset
                && offset <= range.end
                && text.get(range.clone()) == Some(self.text(file, range.clone()))
        };
        let declared = self
            .table
            .declarations()
            .iter()
            .find(|d| d.span.file() == file && d.symbol.is_id() && here(&d.span.range()));
        if let Some(declared) = declared {
            return Some(Found {
                range: declared.span.range(),
                declaration: self.table.find(&declared.symbol)?,
                next: false,
            });
        }
        let reference = (self.table.references())
            .iter()
            .find(|r| r.span.file() == file && here(&r.span.range()))?;
        Some(Found {
            range: reference.span.range(),
            declaration: reference.declaration?,
            next: reference.written == Written::Next,
        })
    }

    /// Every place `declaration`'s symbol is written: (file, byte range,
    /// whether it is a `next`), its declarations first when asked for,
    /// in file order.
    pub fn occurrences(
        &self,
        declaration: DeclarationId,
        with_declarations: bool,
    ) -> Vec<(usize, Range<usize>, bool)> {
        let symbol = &self.table.declaration(declaration).symbol;
        let mut found: Vec<(usize, Range<usize>, bool)> = Vec::new();
        if with_declarations {
            found.extend(
                (self.table.declarations_of(symbol))
                    .map(|d| (d.span.file(), d.span.range(), false)),
            );
        }
        let references = self.table.references_to(declaration);
        found.extend(references.map(|r| {
            let next = r.written == Written::Next;
            (r.span.file(), r.span.range(), next)
        }));
        found.sort_by_key(|(file, range, _)| (*file, range.start));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Symbol, symbols};
    use crate::source::SourceFile;

    fn names(files: &[(&str, &str)]) -> Names {
        let source = KnowledgeSource {
            files: files
                .iter()
                .map(|(path, text)| SourceFile::new(*path, *text))
                .collect(),
        };
        Names::new(symbols(&source), source)
    }

    #[test]
    fn a_fact_comes_before_a_question_of_the_same_name() {
        let main = "fact pain: bool\nquestion pain { ask \"?\" yes -> next no -> next }\n\
                    decide d { when pain -> other.end otherwise -> other.end }";
        let other = "outcome end { verdict treat title \"t\" }";
        let names = names(&[("main.flow", main), ("other.flow", other)]);
        let symbol = |found: Found| names.table.declaration(found.declaration).symbol.clone();
        let at = main.find("when pain").expect("the condition") + 6;
        let found = names.at(0, at, main).expect("a name there");
        assert_eq!(symbol(found), Symbol::Fact("pain".into()));
        let at = main.find("other.end").expect("the target") + 7;
        let found = names.at(0, at, main).expect("a name there");
        let declaration = names.table.declaration(found.declaration);
        assert_eq!(declaration.symbol, Symbol::Node("other.end".into()));
        assert_eq!(
            (declaration.span.file(), declaration.span.range()),
            (1, 8..11)
        );
        // `next` of the question's arms is the decide node.
        let at = main.find("-> next").expect("next") + 4;
        let found = names.at(0, at, main).expect("a name there");
        assert!(found.next);
        assert_eq!(symbol(found), Symbol::Node("main.d".into()));
    }

    #[test]
    fn a_file_that_stops_parsing_is_read_from_the_text_kept() {
        let main = "fact pain: bool\nquestion q { ask \"?\" yes -> next no -> next }\n";
        let names = names(&[("main.flow", main)]);
        let broken = format!("{main}question {{");
        let at = main.find("pain").expect("the fact");
        assert!(names.at(0, at, &broken).is_some());
        // Where the text now differs, the name kept no longer counts.
        let moved = main.replace("fact pain", "fact  pai");
        assert!(names.at(0, at + 1, &moved).is_none());
    }
}
