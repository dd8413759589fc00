//! The slow half of a look at a folder, off the loop: the lints and the
//! proof of every invariant run on one worker thread, so the editor's
//! requests and the compiler's errors never wait for them. Only the newest
//! job waits; one overtaken before it started is never run, and a result
//! for text that has changed since is dropped by the loop (`generation`).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use lsp_types::Url;

use super::line_index::LineIndex;
use super::lsp_diagnostic::to_lsp;
use super::name_index::NameIndex;
use super::verify_diagnostics::verify_diagnostics;
use crate::compile::Flow;

/// A folder that compiled, to lint and verify.
pub struct Job {
    /// Which folder of the server, and which look at it.
    pub folder: usize,
    pub generation: u64,
    pub flow: Flow,
    pub index: Arc<NameIndex>,
    pub uris: Vec<Url>,
    pub lines: Vec<LineIndex>,
}

/// What a job found: per file, the warnings and broken invariants.
pub struct Done {
    pub folder: usize,
    pub generation: u64,
    pub diagnostics: Vec<Vec<lsp_types::Diagnostic>>,
    pub took: Duration,
}

type Slot = Arc<(Mutex<Option<Job>>, Condvar)>;

pub struct Checker {
    slot: Slot,
    pub results: Receiver<Done>,
}

impl Checker {
    /// Starts the worker; it ends with the process.
    pub fn start() -> Checker {
        let slot: Slot = Arc::new((Mutex::new(None), Condvar::new()));
        let (sender, results) = channel();
        let worker = slot.clone();
        std::thread::spawn(move || work(&worker, &sender));
        Checker { slot, results }
    }

    /// Puts `job` in place of any job not yet started.
    pub fn submit(&self, job: Job) {
        let (lock, ready) = &*self.slot;
        if let Ok(mut waiting) = lock.lock() {
            *waiting = Some(job);
            ready.notify_one();
        }
    }
}

fn work(slot: &Slot, results: &Sender<Done>) {
    let (lock, ready) = &**slot;
    loop {
        let job = {
            let Ok(mut waiting) = lock.lock() else {
                return;
            };
            loop {
                if let Some(job) = waiting.take() {
                    break job;
                }
                waiting = match ready.wait(waiting) {
                    Ok(guard) => guard,
                    Err(_) => return,
                };
            }
        };
        if results.send(check(&job)).is_err() {
            return;
        }
    }
}

fn check(job: &Job) -> Done {
    let started = Instant::now();
    let count = job.uris.len();
    let mut diagnostics = vec![Vec::new(); count];
    for warning in crate::check::lint(&job.flow) {
        let file = warning.span.file();
        let (Some(uri), Some(lines), Some(source)) = (
            job.uris.get(file),
            job.lines.get(file),
            job.flow.files.get(file),
        ) else {
            continue;
        };
        diagnostics[file].push(to_lsp(&warning, uri, lines, &source.text));
    }
    for (file, diagnostic) in verify_diagnostics(&job.flow, &job.index, &job.uris, &job.lines) {
        if let Some(list) = diagnostics.get_mut(file) {
            list.push(diagnostic);
        }
    }
    Done {
        folder: job.folder,
        generation: job.generation,
        diagnostics,
        took: started.elapsed(),
    }
}
