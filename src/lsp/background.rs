//! The slow half of a look at a folder, off the loop: the lints, the
//! proof of every invariant and the cases run on one worker thread, so the editor's
//! requests and the compiler's errors never wait for them. Only the newest
//! job waits, and only once the text has been still for [`SETTLE`]: a job
//! overtaken before it started is never run, and a result for text that has
//! changed since is dropped by the loop (`generation`). For unsaved text,
//! what the edit changes for patients follows (`unsaved_diff.rs`).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use lsp_types::Url;

use super::line_index::LineIndex;
use super::lsp_diagnostic::to_lsp;
use super::names::Names;
use super::unsaved_diff::{UnsavedDiff, compare_unsaved};
use super::verify_diagnostics::verify_diagnostics;
use crate::check::CaseResult;
use crate::compile::Flow;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::source::KnowledgeSource;

/// A folder that compiled, to lint and verify.
pub struct Job {
    /// Which folder of the server, and which look at it.
    pub folder: usize,
    pub generation: u64,
    pub flow: Flow,
    pub index: Arc<Names>,
    pub uris: Vec<Url>,
    pub lines: Vec<LineIndex>,
    /// The folder as saved, when some of its text is not: compared with
    /// `flow` after the checks (`unsaved_diff.rs`).
    pub saved: Option<KnowledgeSource>,
}

/// What the worker sends back: a job's findings, then, for unsaved text,
/// what the edit changes for patients.
pub enum Report {
    Checked(Done),
    Compared(Compared),
}

/// The unsaved edit compared with the saved folder; `diff` is `None` when
/// no verdict changes.
pub struct Compared {
    pub folder: usize,
    pub generation: u64,
    pub diff: Option<UnsavedDiff>,
    pub took: Duration,
}

/// What a job found: per file, the warnings and broken invariants.
pub struct Done {
    pub folder: usize,
    pub generation: u64,
    pub diagnostics: Vec<Vec<lsp_types::Diagnostic>>,
    pub took: Duration,
    /// Whether the folder had unsaved text (a comparison may follow).
    pub unsaved: bool,
}

/// How long the text must stay unchanged before the worker starts on it:
/// while someone types, proving each keystroke's text would only take a
/// core from the compiler's answers.
pub const SETTLE: Duration = Duration::from_millis(150);

type Slot = Arc<(Mutex<Option<(Instant, Job)>>, Condvar)>;

pub struct Checker {
    slot: Slot,
    pub results: Receiver<Report>,
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
            *waiting = Some((Instant::now(), job));
            ready.notify_one();
        }
    }
}

fn work(slot: &Slot, results: &Sender<Report>) {
    let (lock, ready) = &**slot;
    loop {
        let Some((mut since, mut job)) = next_job(lock, ready) else {
            return;
        };
        // Wait for the text to settle, taking any newer job meanwhile.
        loop {
            let left = (since + SETTLE).saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            std::thread::sleep(left);
            if let Some(newer) = lock.lock().ok().and_then(|mut waiting| waiting.take()) {
                (since, job) = newer;
            }
        }
        if results.send(Report::Checked(check(&job))).is_err() {
            return;
        }
        // Only for the newest text: a job waiting makes this one old, and
        // is checked at once rather than after the comparison.
        let newer = || lock.lock().map_or(true, |waiting| waiting.is_some());
        if let (Some(saved), false) = (&job.saved, newer()) {
            let started = Instant::now();
            // A saved folder that does not compile has nothing to compare.
            let diff = compare_unsaved(saved, &job.flow, &newer).flatten();
            if newer() {
                continue;
            }
            let compared = Compared {
                folder: job.folder,
                generation: job.generation,
                diff,
                took: started.elapsed(),
            };
            if results.send(Report::Compared(compared)).is_err() {
                return;
            }
        }
    }
}

/// Waits for a job; `None` when the lock is poisoned.
fn next_job(lock: &Mutex<Option<(Instant, Job)>>, ready: &Condvar) -> Option<(Instant, Job)> {
    let mut waiting = lock.lock().ok()?;
    loop {
        if let Some(job) = waiting.take() {
            return Some(job);
        }
        waiting = ready.wait(waiting).ok()?;
    }
}

fn check(job: &Job) -> Done {
    let started = Instant::now();
    let count = job.uris.len();
    let mut diagnostics = vec![Vec::new(); count];
    // The errors read off the graph and those of the proof, then the lints:
    // in the background, where a walk of every path costs the author nothing.
    // One proof gives both the broken invariants and those that prove nothing.
    let analysis = crate::check::analyse(&job.flow, &crate::check::AnalysisRequest::EDITOR);
    let tags = analysis
        .tags
        .as_ref()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let vacuous = analysis.vacuous(&job.flow);
    // A proof that could not finish says so, never a silent "no findings".
    let stopped = analysis.stopped(&job.flow);
    let found = (analysis.audit.iter())
        .chain(&stopped)
        .chain(&vacuous)
        .chain(tags);
    for warning in found.chain(analysis.warnings()) {
        let file = warning.span.file();
        let (Some(uri), Some(lines)) = (job.uris.get(file), job.lines.get(file)) else {
            continue;
        };
        diagnostics[file].push(to_lsp(warning, uri, lines));
    }
    let verification = analysis
        .proof
        .as_ref()
        .and_then(|proof| proof.as_ref().ok());
    let broken = verification.iter().flat_map(|verification| {
        verify_diagnostics(&job.flow, verification, &job.index, &job.uris, &job.lines)
    });
    let failed = analysis.cases.iter().filter(|case| !case.passed());
    for case in failed.map(case_failure) {
        let file = case.span.file();
        let (Some(uri), Some(lines)) = (job.uris.get(file), job.lines.get(file)) else {
            continue;
        };
        diagnostics[file].push(to_lsp(&case, uri, lines));
    }
    for (file, diagnostic) in broken {
        if let Some(list) = diagnostics.get_mut(file) {
            list.push(diagnostic);
        }
    }
    Done {
        folder: job.folder,
        generation: job.generation,
        diagnostics,
        took: started.elapsed(),
        unsaved: job.saved.is_some(),
    }
}

/// A case that fails, as `test` says it, on the case.
fn case_failure(case: &CaseResult) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::CaseFails,
        case.span,
        format!(
            "{} fails: {}",
            case_name(&case.name),
            case.failures.join("; ")
        ),
    )
    .with_label("this case fails")
    .with_hint(Some(format!(
        "the walk's answers were {}; `backcheck run --answers {}` replays it",
        case.path.join(" "),
        case.path.join(",")
    )))
}

/// `case "name"`, or `vignette id` as the runner names a vignette.
fn case_name(name: &str) -> String {
    if name.starts_with("vignette ") {
        name.to_string()
    } else {
        format!("case \"{name}\"")
    }
}
