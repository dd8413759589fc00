//! Reading and compiling the knowledge a command works on, and the error
//! every command reports for knowledge that has errors.

use std::path::Path;

use super::failure::{Exit, Failure};
use crate::compile::{Flow, compile};
use crate::diagnostic::{Diagnostic, render_all};
use crate::printable::{SENTENCE, printable};
use crate::source::{KnowledgeSource, SourceFile};

/// Reads and compiles the knowledge (the folder given, or the text built
/// into the binary); diagnostics are in the failure, with colour if `colour`.
///
/// The graph lives as long as the process, so it is never freed: taking it
/// apart node by node at exit would cost a short run more than answering.
pub(super) fn load(dir: Option<&Path>, colour: bool) -> Result<&'static Flow, Failure> {
    let source = knowledge_source(dir)?;
    let flow = compile(&source).map_err(|errors| has_errors(&errors, &source.files, colour))?;
    Ok(Box::leak(Box::new(flow)))
}

/// The folder's files, or the text built into the binary.
pub(super) fn knowledge_source(dir: Option<&Path>) -> Result<KnowledgeSource, Failure> {
    Ok(match dir {
        Some(dir) => KnowledgeSource::from_dir(dir).map_err(|error| {
            Failure::new(
                Exit::BadInput,
                format!("error: {}", printable(&error.to_string(), SENTENCE)),
            )
        })?,
        None => KnowledgeSource::embedded(),
    })
}

/// The knowledge has `errors` (the compiler's, or those analysis finds
/// beside them): each shown, then how many.
pub(super) fn has_errors(errors: &[Diagnostic], files: &[SourceFile], colour: bool) -> Failure {
    let count = errors.len();
    let plural = if count == 1 { "" } else { "s" };
    Failure::new(
        Exit::Failed,
        format!(
            "{}\nerror: the knowledge has {count} error{plural}",
            render_all(errors, files, colour)
        ),
    )
}
