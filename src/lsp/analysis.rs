//! One look at a folder: compile it and index its names. Done again after
//! every change the editor sends (a burst of changes is looked at once);
//! the names of a file whose text has not changed are kept. The lints and
//! `verify` of a folder that compiles run after, off the loop
//! (`background.rs`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lsp_types::Url;

use super::file_names::{FileNames, file_names};
use super::folder::Folder;
use super::line_index::LineIndex;
use super::lsp_diagnostic::{hidden_character, to_lsp};
use super::name_index::NameIndex;
use crate::compile::{Flow, compile};
use crate::syntax::parse;

/// By file path: the names last read from a file and the text they were
/// read from.
pub type NamesCache = HashMap<String, (Arc<str>, Arc<FileNames>)>;

#[derive(Debug)]
pub struct Analysis {
    /// The folder compiled, when it has no errors: for the lints and
    /// `verify`, which take it away.
    pub flow: Option<Flow>,
    pub index: Arc<NameIndex>,
    /// Per file: its lines, for positions.
    pub lines: Vec<LineIndex>,
    /// Per file: the errors that stop the folder compiling.
    pub diagnostics: Vec<Vec<lsp_types::Diagnostic>>,
    pub took: Duration,
}

/// Looks at `folder`. `uris` are its files' addresses; `cache` holds the
/// names last read from each file (by path), and is brought up to date: a
/// file that no longer parses keeps the names it had.
pub fn analyse(folder: &Folder, uris: &[Url], cache: &mut NamesCache) -> Analysis {
    let started = Instant::now();
    let source = folder.source();
    let count = source.files.len();
    cache.retain(|path, _| source.files.iter().any(|f| &f.path == path));
    let mut names = Vec::with_capacity(count);
    for (i, file) in source.files.iter().enumerate() {
        let fresh = match cache.get(&file.path) {
            Some((text, _)) => !Arc::ptr_eq(text, &file.text),
            None => true,
        };
        if fresh && let Ok(document) = parse(&file.text, i) {
            let read = file_names(&document, &file.namespace, &file.text);
            cache.insert(file.path.clone(), (file.text.clone(), Arc::new(read)));
        }
        names.push(match cache.get(&file.path) {
            Some((_, read)) => read.clone(),
            None => Arc::new(FileNames {
                namespace: file.namespace.clone(),
                ..FileNames::default()
            }),
        });
    }
    let index = Arc::new(NameIndex::new(names));
    let lines: Vec<LineIndex> = source
        .files
        .iter()
        .map(|f| LineIndex::new(f.text.clone()))
        .collect();
    let mut diagnostics = vec![Vec::new(); count];
    let place = |file: usize| (&uris[file], &lines[file], &source.files[file].text[..]);
    let flow = match compile(&source) {
        Ok(flow) => Some(flow),
        Err(errors) => {
            for error in errors {
                let file = error.span.file();
                if file >= count {
                    continue;
                }
                let (uri, line_index, text) = place(file);
                diagnostics[file].push(to_lsp(&error, uri, line_index, text));
            }
            None
        }
    };
    for (file, source_file) in source.files.iter().enumerate() {
        if let Some(diagnostic) = hidden_character(&source_file.text, &lines[file]) {
            diagnostics[file].push(diagnostic);
        }
    }
    Analysis {
        flow,
        index,
        lines,
        diagnostics,
        took: started.elapsed(),
    }
}
