//! The server's loop: messages in, answers and diagnostics out. Changes
//! only update text; the folder is looked at again when a request needs it
//! or when no message is waiting, so a burst of keystrokes costs one look.
//! The compiler's errors are sent at once; the lints and broken invariants
//! follow from the worker (`background.rs`) when they are ready.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _,
};
use lsp_types::{
    DiagnosticSeverity, DocumentSymbolResponse, GotoDefinitionResponse, Hover, HoverContents,
    LogMessageParams, MarkupContent, MarkupKind, MessageType, NumberOrString, Position,
    PrepareRenameResponse, PublishDiagnosticsParams, Url,
};
use serde_json::Value;

use super::analysis::{Analysis, ParsedCache, look};
use super::background::{Checker, Compared, Done, Job, Report};
use super::completion::complete;
use super::edited_place::EditedPlaces;
use super::folder::{Folder, folder_of};
use super::formatting::format_edits;
use super::hover::hover_text;
use super::lsp_diagnostic::SOURCE;
use super::navigation::{definition, references};
use super::outline::outline;
use super::quick_fix::quick_fixes;
use super::rename::{rename, renamed_part};
use super::unsaved_diff::UnsavedDiff;

/// One knowledge folder and the last look at it.
struct FolderState {
    folder: Folder,
    cache: ParsedCache,
    analysis: Option<Analysis>,
    uris: Vec<Url>,
    /// Changed since the last look.
    dirty: bool,
    /// Counts the looks, so a worker's result for older text is dropped.
    generation: u64,
    /// Per file: the lints and broken invariants of the last compiled text.
    checked: Vec<Vec<lsp_types::Diagnostic>>,
    /// Something to send that the editor has not seen.
    unsent: bool,
    /// Files that were last sent diagnostics, to clear them when fixed.
    shown: HashSet<Url>,
    /// Where the author last edited, and the findings that edit caused.
    places: EditedPlaces,
    /// What the unsaved edit changes for patients (`unsaved_diff.rs`).
    diff: Option<UnsavedDiff>,
}

impl FolderState {
    /// Compiles the folder again if it changed: its names are all a
    /// request needs.
    fn read(&mut self) {
        if !self.dirty && self.analysis.is_some() {
            return;
        }
        self.uris = self
            .folder
            .files
            .iter()
            .map(|f| Url::from_file_path(&f.path).unwrap_or_else(|()| fallback_uri(&f.path)))
            .collect();
        self.analysis = Some(look(&self.folder, &mut self.cache, &self.uris));
        self.generation += 1;
        self.dirty = false;
    }

    /// Compiles the text, if not yet done, and hands out what compiling
    /// found, once: a folder that compiles goes to `checker` for the lints
    /// and `verify`. Whether there was anything new.
    fn compile(&mut self, folder: usize, checker: &Checker) -> bool {
        self.read();
        let Some(analysis) = &mut self.analysis else {
            return false;
        };
        if analysis.handed_out {
            return false;
        }
        analysis.handed_out = true;
        match analysis.flow.take() {
            Some(flow) => {
                // The last findings stay until the new ones come, unless the
                // files they point into are no longer the same list.
                if self.checked.len() != self.uris.len() {
                    self.checked = vec![Vec::new(); self.uris.len()];
                }
                checker.submit(Job {
                    folder,
                    generation: self.generation,
                    flow,
                    index: analysis.names.clone(),
                    uris: self.uris.clone(),
                    lines: analysis.lines.clone(),
                    saved: self.folder.saved_source(),
                });
            }
            None => {
                self.checked = vec![Vec::new(); self.uris.len()];
                // A text that does not compile changes nothing yet.
                self.diff = None;
            }
        }
        self.unsent = true;
        true
    }

    /// The worker's findings, if they are for the text as it is now, with
    /// those the last edit caused shown at the edit too.
    fn checked(&mut self, done: Done) {
        if done.generation != self.generation || self.dirty {
            return;
        }
        let mut findings = done.diagnostics;
        if let Some(analysis) = &self.analysis {
            let paths: Vec<PathBuf> = self.folder.files.iter().map(|f| f.path.clone()).collect();
            (self.places).show_causes(&mut findings, &self.uris, &paths, &analysis.lines);
        }
        self.checked = findings;
        if !done.unsaved {
            self.diff = None;
        }
        self.unsent = true;
    }

    /// The unsaved edit compared with the saved folder, if for the text as
    /// it is now.
    fn compared(&mut self, compared: Compared) {
        if compared.generation == self.generation && !self.dirty {
            self.diff = compared.diff;
            self.unsent = true;
        }
    }

    /// The unsaved edit's verdict changes as a diagnostic: at the last edit,
    /// or at the start of the first file. (file, diagnostic).
    fn diff_diagnostic(&self) -> Option<(usize, lsp_types::Diagnostic)> {
        let diff = self.diff.as_ref()?;
        let analysis = self.analysis.as_ref()?;
        let (file, range) = match self.places.last() {
            Some(place) => (self.folder.file(&place.path)?, place.range.clone()),
            None => (0, 0..0),
        };
        let lines = analysis.lines.get(file)?;
        let severity = if diff.less_care {
            DiagnosticSeverity::WARNING
        } else {
            DiagnosticSeverity::INFORMATION
        };
        Some((
            file,
            lsp_types::Diagnostic {
                range: lines.range(range),
                severity: Some(severity),
                code: Some(NumberOrString::String("diff".into())),
                source: Some(SOURCE.to_string()),
                message: diff.message.clone(),
                ..lsp_types::Diagnostic::default()
            },
        ))
    }
}

/// A file path the platform cannot make into a URL (never on Unix for an
/// absolute path); the diagnostics still need an address.
fn fallback_uri(path: &Path) -> Url {
    Url::parse(&format!("file:///{}", path.display()))
        .unwrap_or_else(|_| Url::parse("file:///unknown.flow").expect("a constant URL parses"))
}

/// How the editor ended the session: the protocol's exit code is 0 only
/// after `shutdown`.
pub enum Ended {
    /// `shutdown`, then `exit`; or the input closed.
    AfterShutdown,
    /// `exit` with no `shutdown` before it.
    WithoutShutdown,
}

pub struct Server {
    /// `--knowledge DIR`: files under it belong to it.
    knowledge: Option<PathBuf>,
    folders: Vec<FolderState>,
    checker: Checker,
}

/// How often the loop looks for the worker's findings while it waits for
/// the editor.
const POLL: Duration = Duration::from_millis(20);

/// The longest the diagnostics wait for the editor to pause.
const PUT_OFF: Duration = Duration::from_millis(300);

/// What a request about one place in a file needs.
struct At<'a> {
    analysis: &'a Analysis,
    uris: &'a [Url],
    file: usize,
    text: &'a str,
    offset: usize,
}

type Answer = Result<Value, (ErrorCode, String)>;

impl Server {
    pub fn new(knowledge: Option<PathBuf>) -> Server {
        Server {
            knowledge,
            folders: Vec::new(),
            checker: Checker::start(),
        }
    }

    /// Answers messages until the editor says `exit` or the input ends.
    pub fn run(&mut self, connection: &Connection) -> Result<Ended, String> {
        let mut last_publish = Instant::now();
        loop {
            let message = match connection.receiver.recv_timeout(POLL) {
                Ok(message) => Some(message),
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
                    return Ok(Ended::AfterShutdown);
                }
            };
            while let Ok(report) = self.checker.results.try_recv() {
                let (folder, took, what) = match &report {
                    Report::Checked(done) => (done.folder, done.took, "linted and verified"),
                    Report::Compared(compared) => (
                        compared.folder,
                        compared.took,
                        "compared the unsaved edit with the saved files of",
                    ),
                };
                if let Some(state) = self.folders.get_mut(folder) {
                    match report {
                        Report::Checked(done) => state.checked(done),
                        Report::Compared(compared) => state.compared(compared),
                    }
                    let log = LogMessageParams {
                        typ: MessageType::LOG,
                        message: format!(
                            "backcheck: {what} {} in {:.1} ms",
                            state.folder.root.display(),
                            took.as_secs_f64() * 1000.0
                        ),
                    };
                    send(connection, notification::<LogMessage>(log))?;
                }
            }
            let idle = message.is_none();
            match message {
                None => {}
                Some(Message::Request(request)) => {
                    if connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(Ended::AfterShutdown);
                    }
                    let id = request.id.clone();
                    // A mistake here must cost one answer, not the editor's
                    // server: the panic becomes an error response.
                    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        self.request(request)
                    }));
                    let response = match answered {
                        Ok(Ok(value)) => Response::new_ok(id, value),
                        Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
                        Err(_) => Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            "backcheck could not answer this request (an internal error)".into(),
                        ),
                    };
                    send(connection, Message::Response(response))?;
                }
                Some(Message::Notification(notification)) => {
                    if notification.method == "exit" {
                        return Ok(Ended::WithoutShutdown);
                    }
                    self.notify(notification);
                }
                Some(Message::Response(_)) => {}
            }
            // Compiled once the editor has been quiet for a poll, so the
            // requests that follow a keystroke are answered first; but not
            // put off for ever by an editor that never pauses.
            let quiet = idle && connection.receiver.is_empty();
            if quiet || last_publish.elapsed() > PUT_OFF {
                self.publish(connection)?;
                last_publish = Instant::now();
            }
        }
    }

    fn state_for(&mut self, path: &Path) -> usize {
        if let Some(i) = self
            .folders
            .iter()
            .position(|s| s.folder.file(path).is_some())
        {
            return i;
        }
        let root = match &self.knowledge {
            Some(dir) if path.starts_with(dir) => dir.clone(),
            _ => folder_of(path),
        };
        if let Some(i) = self.folders.iter().position(|s| s.folder.root == root) {
            return i;
        }
        self.folders.push(FolderState {
            folder: Folder::load(&root),
            cache: ParsedCache::default(),
            analysis: None,
            uris: Vec::new(),
            dirty: true,
            generation: 0,
            checked: Vec::new(),
            unsent: false,
            shown: HashSet::new(),
            places: EditedPlaces::default(),
            diff: None,
        });
        self.folders.len() - 1
    }

    fn notify(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params)
                {
                    self.set_text(&p.text_document.uri, p.text_document.text);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params)
                    && let Some(change) = p.content_changes.into_iter().last()
                {
                    self.set_text(&p.text_document.uri, change.text);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(params)
                {
                    let uri = &p.text_document.uri;
                    if let Some(text) = p.text {
                        self.set_text(uri, text);
                    }
                    // What is saved is no longer an unsaved edit.
                    if let Ok(path) = uri.to_file_path() {
                        let i = self.state_for(&path);
                        self.folders[i].folder.saved(&path);
                        self.folders[i].dirty = true;
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
                    && let Ok(path) = p.text_document.uri.to_file_path()
                {
                    let i = self.state_for(&path);
                    self.folders[i].folder.close(&path);
                    self.folders[i].dirty = true;
                }
            }
            _ => {}
        }
    }

    fn set_text(&mut self, uri: &Url, text: String) {
        let Ok(path) = uri.to_file_path() else {
            return;
        };
        let i = self.state_for(&path);
        let state = &mut self.folders[i];
        let old = (state.folder.file(&path)).map(|f| state.folder.files[f].source.text.clone());
        if let Some(old) = old {
            state.places.edited(&path, &old, &text);
        }
        state.folder.set_text(&path, text);
        state.dirty = true;
    }

    /// Looks again at every changed folder and sends each file's
    /// diagnostics that changed: the compiler's, and the worker's.
    fn publish(&mut self, connection: &Connection) -> Result<(), String> {
        for (i, state) in self.folders.iter_mut().enumerate() {
            let looked = state.compile(i, &self.checker);
            if !state.unsent {
                continue;
            }
            state.unsent = false;
            let Some(analysis) = &state.analysis else {
                continue;
            };
            let mut shown = HashSet::new();
            let diff = state.diff_diagnostic();
            for (file, uri) in state.uris.iter().enumerate() {
                let mut diagnostics = analysis.diagnostics.get(file).cloned().unwrap_or_default();
                diagnostics.extend(state.checked.get(file).into_iter().flatten().cloned());
                if let Some((at, diagnostic)) = &diff
                    && *at == file
                {
                    diagnostics.push(diagnostic.clone());
                }
                if diagnostics.is_empty() && !state.shown.contains(uri) {
                    continue;
                }
                if !diagnostics.is_empty() {
                    shown.insert(uri.clone());
                }
                let params = PublishDiagnosticsParams::new(uri.clone(), diagnostics, None);
                send(connection, notification::<PublishDiagnostics>(params))?;
            }
            state.shown = shown;
            if looked {
                let log = LogMessageParams {
                    typ: MessageType::LOG,
                    message: format!(
                        "backcheck: compiled {} files of {} in {:.1} ms",
                        state.uris.len(),
                        state.folder.root.display(),
                        analysis.took.as_secs_f64() * 1000.0
                    ),
                };
                send(connection, notification::<LogMessage>(log))?;
            }
        }
        Ok(())
    }

    /// The file a request is about, looked at afresh, and the byte offset
    /// of `position` in it.
    fn at(&mut self, uri: &Url, position: Option<Position>) -> Option<At<'_>> {
        let path = uri.to_file_path().ok()?;
        let i = self.state_for(&path);
        let state = &mut self.folders[i];
        state.read();
        let file = state.folder.file(&path)?;
        let analysis = state.analysis.as_ref()?;
        let text = &state.folder.files[file].source.text;
        let lines = analysis.lines.get(file)?;
        Some(At {
            analysis,
            uris: &state.uris,
            file,
            text,
            offset: position.map_or(0, |p| lines.offset(p)),
        })
    }

    fn request(&mut self, request: Request) -> Answer {
        let Request { method, params, .. } = request;
        match method.as_str() {
            HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = parse(params)?;
                let doc = p.text_document_position_params;
                let Some(at) = self.at(&doc.text_document.uri, Some(doc.position)) else {
                    return Ok(Value::Null);
                };
                let Some(found) = at.analysis.names.at(at.file, at.offset, at.text) else {
                    return Ok(Value::Null);
                };
                let Some(text) = hover_text(&at.analysis.names, found.declaration) else {
                    return Ok(Value::Null);
                };
                to_value(Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: text,
                    }),
                    range: Some(at.analysis.lines[at.file].range(found.range)),
                })
            }
            GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = parse(params)?;
                let doc = p.text_document_position_params;
                let Some(at) = self.at(&doc.text_document.uri, Some(doc.position)) else {
                    return Ok(Value::Null);
                };
                let Some(found) = at.analysis.names.at(at.file, at.offset, at.text) else {
                    return Ok(Value::Null);
                };
                let names = &at.analysis.names;
                let found = definition(names, found.declaration, at.uris, &at.analysis.lines);
                to_value(GotoDefinitionResponse::Array(found))
            }
            References::METHOD => {
                let p: lsp_types::ReferenceParams = parse(params)?;
                let doc = p.text_document_position;
                let Some(at) = self.at(&doc.text_document.uri, Some(doc.position)) else {
                    return Ok(Value::Null);
                };
                let Some(found) = at.analysis.names.at(at.file, at.offset, at.text) else {
                    return Ok(Value::Null);
                };
                to_value(references(
                    &at.analysis.names,
                    found.declaration,
                    p.context.include_declaration,
                    at.uris,
                    &at.analysis.lines,
                ))
            }
            Completion::METHOD => {
                let p: lsp_types::CompletionParams = parse(params)?;
                let doc = p.text_document_position;
                let Some(at) = self.at(&doc.text_document.uri, Some(doc.position)) else {
                    return Ok(Value::Null);
                };
                to_value(complete(&at.analysis.names, at.file, at.text, at.offset))
            }
            DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse(params)?;
                let Some(at) = self.at(&p.text_document.uri, None) else {
                    return Ok(Value::Null);
                };
                to_value(DocumentSymbolResponse::Nested(outline(
                    &at.analysis.names,
                    at.file,
                    &at.analysis.lines[at.file],
                )))
            }
            Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = parse(params)?;
                let Some(at) = self.at(&p.text_document.uri, None) else {
                    return Ok(Value::Null);
                };
                to_value(format_edits(at.text, &at.analysis.lines[at.file]))
            }
            PrepareRenameRequest::METHOD => {
                let p: lsp_types::TextDocumentPositionParams = parse(params)?;
                let Some(at) = self.at(&p.text_document.uri, Some(p.position)) else {
                    return Ok(Value::Null);
                };
                match at.analysis.names.at(at.file, at.offset, at.text) {
                    Some(found) if !found.next => {
                        let part = renamed_part(at.text, found.range);
                        let range = at.analysis.lines[at.file].range(part);
                        to_value(PrepareRenameResponse::Range(range))
                    }
                    _ => Ok(Value::Null),
                }
            }
            Rename::METHOD => {
                let p: lsp_types::RenameParams = parse(params)?;
                let doc = p.text_document_position;
                let Some(at) = self.at(&doc.text_document.uri, Some(doc.position)) else {
                    return Ok(Value::Null);
                };
                let Some(found) = at.analysis.names.at(at.file, at.offset, at.text) else {
                    return Err((ErrorCode::InvalidParams, "no id here to rename".into()));
                };
                let edit = rename(
                    &at.analysis.names,
                    found.declaration,
                    &p.new_name,
                    at.uris,
                    &at.analysis.lines,
                )
                .map_err(|why| (ErrorCode::InvalidParams, why))?;
                to_value(edit)
            }
            CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = parse(params)?;
                let uri = &p.text_document.uri;
                let file = self.at(uri, None).map(|at| &at.analysis.lines[at.file]);
                to_value(quick_fixes(uri, &p.context.diagnostics, file))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("backcheck does not answer `{method}`"),
            )),
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_value<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn notification<N: lsp_types::notification::Notification>(params: N::Params) -> Message {
    Message::Notification(Notification::new(N::METHOD.to_string(), params))
}

fn send(connection: &Connection, message: Message) -> Result<(), String> {
    connection
        .sender
        .send(message)
        .map_err(|_| "the editor closed the connection".to_string())
}
