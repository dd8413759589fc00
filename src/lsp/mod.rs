//! `backcheck lsp`: a language server over stdin and stdout, so an editor
//! shows what `check` and `verify` find while the author types, and can
//! hover, jump, complete, outline, format and rename.
//!
//! Built on lsp-server and lsp-types, rust-analyzer's own: a synchronous
//! loop over channels (no async runtime to carry), protocol types kept in
//! step with the specification by a project that depends on them daily.
//!
//! Every request is answered from the compiler's own parse and rules:
//! nothing here re-implements the language. What a name means is read
//! from the symbol table the compiler fills in as it compiles (`names.rs`).

mod analysis;
mod background;
mod canonical_edits;
mod code_chars;
mod completion;
mod edited_place;
mod folder;
mod formatting;
mod hover;
mod line_index;
mod lsp_diagnostic;
mod names;
mod navigation;
mod outline;
mod quick_fix;
mod rename;
mod server;
mod transport;
mod unsaved_diff;
mod verify_diagnostics;

use std::path::PathBuf;

use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, OneOf, RenameOptions,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
};

/// What the server can do, as told to the editor at the start.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some([">", " ", "[", ",", "="].map(str::to_string).to_vec()),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one editor on stdin and stdout until it says `exit`. A file
/// belongs to `knowledge` when it is under it, otherwise to the folder it
/// is in (with its parents that hold `.flow` files too).
pub fn run_stdio(knowledge: Option<PathBuf>) -> Result<(), String> {
    let (connection, threads) = transport::stdio();
    let capabilities = serde_json::to_value(capabilities()).map_err(|error| error.to_string())?;
    connection.initialize(capabilities).map_err(|error| {
        format!(
            "no editor session ({error}): `backcheck lsp` is started by an editor, \
             which speaks the Language Server Protocol on its stdin (editors/README.md)"
        )
    })?;
    let knowledge = knowledge.map(|dir| std::fs::canonicalize(&dir).unwrap_or(dir));
    let ended = server::Server::new(knowledge).run(&connection)?;
    drop(connection);
    threads.join()?;
    match ended {
        server::Ended::AfterShutdown => Ok(()),
        // The protocol: `exit` without `shutdown` first ends with code 1.
        server::Ended::WithoutShutdown => {
            Err("the editor said `exit` without `shutdown` first".into())
        }
    }
}
