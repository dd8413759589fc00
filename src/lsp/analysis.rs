//! A look at a folder, in two steps. Its names are read first: cheap, as
//! only a file whose text changed is parsed again, and all a request needs.
//! It is compiled when the editor pauses (no message waiting), for the
//! errors. The lints and `verify` of a folder that compiles run after
//! that, off the loop (`background.rs`).

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
    pub index: Arc<NameIndex>,
    /// Per file: its lines, for positions.
    pub lines: Vec<LineIndex>,
    /// Whether [`compile_folder`] has looked at this text.
    pub compiled: bool,
    /// The folder compiled, when it has no errors: for the lints and
    /// `verify`, which take it away.
    pub flow: Option<Flow>,
    /// Per file: the errors that stop the folder compiling.
    pub diagnostics: Vec<Vec<lsp_types::Diagnostic>>,
    /// How long compiling took.
    pub took: Duration,
}

/// Reads the names of `folder`. `cache` holds the names last read from
/// each file (by path), and is brought up to date: a file that no longer
/// parses keeps the names it had.
pub fn read_names(folder: &Folder, cache: &mut NamesCache) -> Analysis {
    let files = &folder.files;
    cache.retain(|path, _| files.iter().any(|f| &f.source.path == path));
    let mut names = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let file = &file.source;
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
    Analysis {
        index: Arc::new(NameIndex::new(names)),
        lines: files
            .iter()
            .map(|f| LineIndex::new(f.source.text.clone()))
            .collect(),
        compiled: false,
        flow: None,
        diagnostics: vec![Vec::new(); files.len()],
        took: Duration::ZERO,
    }
}

/// Compiles `folder` (whose names `analysis` holds): its errors, or the
/// compiled flow. `uris` are its files' addresses.
pub fn compile_folder(analysis: &mut Analysis, folder: &Folder, uris: &[Url]) {
    let started = Instant::now();
    let source = folder.source();
    let count = source.files.len().min(analysis.lines.len()).min(uris.len());
    let mut diagnostics = vec![Vec::new(); count];
    analysis.flow = match compile(&source) {
        Ok(flow) => Some(flow),
        Err(errors) => {
            for error in errors {
                let file = error.span.file();
                if file >= count {
                    continue;
                }
                diagnostics[file].push(to_lsp(&error, &uris[file], &analysis.lines[file]));
            }
            None
        }
    };
    for (file, list) in diagnostics.iter_mut().enumerate() {
        if let Some(diagnostic) = hidden_character(&source.files[file].text, &analysis.lines[file])
        {
            list.push(diagnostic);
        }
    }
    analysis.diagnostics = diagnostics;
    analysis.compiled = true;
    analysis.took = started.elapsed();
}
