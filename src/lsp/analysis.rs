//! A look at a folder: compiled once, for its errors and for the compiler's
//! symbol table, which every request reads. A file that does not parse
//! keeps the names of its last text that did, so a request still finds
//! them while it is being typed. The lints and `verify` of a folder that
//! compiles run after that, off the loop (`background.rs`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lsp_types::Url;

use super::folder::Folder;
use super::line_index::LineIndex;
use super::lsp_diagnostic::{hidden_character, to_lsp};
use super::names::Names;
use crate::compile::{Flow, compile_with_symbols, symbols};

/// By file path: the last text of the file that parsed.
pub type ParsedCache = HashMap<String, Arc<str>>;

#[derive(Debug)]
pub struct Analysis {
    pub names: Arc<Names>,
    /// Per file: its lines, for positions.
    pub lines: Vec<LineIndex>,
    /// Whether the errors and the flow have been handed out.
    pub handed_out: bool,
    /// The folder compiled, when it has no errors: for the lints and
    /// `verify`, which take it away.
    pub flow: Option<Flow>,
    /// Per file: the errors that stop the folder compiling.
    pub diagnostics: Vec<Vec<lsp_types::Diagnostic>>,
    /// How long compiling took.
    pub took: Duration,
}

/// Compiles `folder`: its errors or the compiled flow, and the symbol
/// table. `cache` holds the last text of each file (by path) that parsed,
/// and is brought up to date. `uris` are the files' addresses.
pub fn look(folder: &Folder, cache: &mut ParsedCache, uris: &[Url]) -> Analysis {
    let started = Instant::now();
    let source = folder.source();
    let (compiled, mut table) = compile_with_symbols(&source);
    let took = started.elapsed();
    cache.retain(|path, _| source.files.iter().any(|f| &f.path == path));
    let mut kept = source.clone();
    let mut stale = false;
    for (i, file) in kept.files.iter_mut().enumerate() {
        if table.parsed(i) {
            cache.insert(file.path.clone(), file.text.clone());
        } else if let Some(text) = cache.get(&file.path) {
            file.text = text.clone();
            stale = true;
        }
    }
    if stale {
        table = symbols(&kept);
    }
    let lines: Vec<LineIndex> = (source.files.iter())
        .map(|f| LineIndex::new(f.text.clone()))
        .collect();
    let count = source.files.len().min(uris.len());
    let mut diagnostics = vec![Vec::new(); count];
    let flow = match compiled {
        Ok(flow) => Some(flow),
        Err(errors) => {
            for error in errors {
                let file = error.span.file();
                if file >= count {
                    continue;
                }
                diagnostics[file].push(to_lsp(&error, &uris[file], &lines[file]));
            }
            None
        }
    };
    for (file, list) in diagnostics.iter_mut().enumerate() {
        if let Some(diagnostic) = hidden_character(&source.files[file].text, &lines[file]) {
            list.push(diagnostic);
        }
    }
    Analysis {
        names: Arc::new(Names::new(table, kept)),
        lines,
        handed_out: false,
        flow,
        diagnostics,
        took,
    }
}
