//! Shared helpers for the integration tests: the `backcheck` binary with
//! `NO_COLOR` set, and throw-away knowledge folders, so each test is a few lines.
//!
//! Each test file uses a different part of this module.
#![allow(dead_code)]

pub mod corpus;
pub mod lsp_client;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The small valid knowledge folder every CLI test walks.
pub const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A valid flow header; the graph starts at `main.first`, so a test writes
/// `main.flow` with a question `first`.
pub const HEADER: &str = r#"flow demo "Demo" {
  version "1.0"
  start main.first
}

fact osteoporosis: bool
fact radiation: none | thigh | below_knee
fact age: number 0..120

tag red_flag "A sign of serious disease" means red_flag
tag emergency "On a red flag: refer now" means emergency
tag urgent "On a red flag: refer today" means urgent
tag routine "On a red flag: refer before any massage" means routine
"#;

/// `backcheck ARGS`, with `NO_COLOR=1`.
pub fn backcheck(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backcheck"));
    command.env("NO_COLOR", "1").args(args);
    command
}

/// `backcheck chat --knowledge DIR` with `input` piped on stdin.
pub fn chat(dir: &str, input: impl Into<Vec<u8>>) -> Command {
    let mut command = backcheck(&["chat", "--knowledge", dir]);
    command.write_stdin(input);
    command
}

/// The text of an output stream; panics on bytes that are not UTF-8.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Exit code, stdout and stderr, for assertion messages.
pub fn describe(output: &Output) -> String {
    format!(
        "exit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A knowledge folder in a temporary directory, removed when dropped.
///
/// The folder is `knowledge/` inside the temporary directory, never the
/// temporary directory itself: the language server takes a file's folder to
/// reach up through every folder holding `.flow` files, and a stray `.flow`
/// file in /tmp must not join every test's folder into one.
pub struct Knowledge {
    /// Held so the directory lives as long as the folder.
    _dir: TempDir,
    root: PathBuf,
}

impl Knowledge {
    /// An empty folder.
    pub fn empty() -> Knowledge {
        let dir = tempfile::tempdir().expect("create a temp dir");
        let root = dir.path().join("knowledge");
        fs::create_dir(&root).expect("create the knowledge folder");
        Knowledge { _dir: dir, root }
    }

    /// A folder holding only the valid header (`flow.flow`).
    pub fn with_header() -> Knowledge {
        Knowledge::empty().file("flow.flow", HEADER)
    }

    /// The header and `main.flow` with `text`: one broken file next to a valid header.
    pub fn main(text: &str) -> Knowledge {
        Knowledge::with_header().file("main.flow", text)
    }

    /// A copy of tests/fixtures/mini.
    pub fn mini() -> Knowledge {
        let knowledge = Knowledge::empty();
        for entry in fs::read_dir(MINI).expect("read the mini fixture") {
            let path = entry.expect("a fixture entry").path();
            let name = path.file_name().expect("a file name");
            fs::copy(&path, knowledge.path().join(name)).expect("copy a fixture file");
        }
        knowledge
    }

    /// Writes (or overwrites) a file, creating sub-folders as needed.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Knowledge {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create a sub-folder");
        }
        fs::write(&path, contents).expect("write a knowledge file");
        self
    }

    /// Replaces the first `from` in file `name` with `to`; panics if `from` is absent,
    /// so a fixture change cannot silently make the edit a no-op.
    pub fn edit(self, name: &str, from: &str, to: &str) -> Knowledge {
        let path = self.path().join(name);
        let text = fs::read_to_string(&path).expect("read a knowledge file");
        assert!(text.contains(from), "`{from}` is not in {name}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write a knowledge file");
        self
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    /// The folder as a command-line argument.
    pub fn arg(&self) -> &str {
        self.path().to_str().expect("temp paths are UTF-8")
    }

    /// Runs `backcheck check DIR`, expects exit 1 (the knowledge has errors)
    /// and returns stderr. Checks the things every diagnostic output must
    /// satisfy: no colour, no panic, no temp-dir path, and a closing count.
    pub fn check_fails(&self) -> String {
        let output = backcheck(&["check", self.arg()])
            .output()
            .expect("run backcheck");
        assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
        assert!(output.stdout.is_empty(), "{}", describe(&output));
        let stderr = text(&output.stderr);
        assert!(
            !stderr.contains('\x1b'),
            "escape codes with NO_COLOR:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            !stderr.contains(self.arg()),
            "the temp folder's path leaks into the diagnostics:\n{stderr}"
        );
        assert!(
            stderr
                .trim_end()
                .lines()
                .last()
                .unwrap_or_default()
                .starts_with("error: the knowledge has "),
            "no closing error count:\n{stderr}"
        );
        stderr
    }
}

/// The reports in `check` stderr, each starting at a `path:line:col: ` line.
pub fn reports(stderr: &str) -> Vec<String> {
    let mut reports: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if starts_with_location(line) {
            reports.push(String::new());
        }
        if let Some(report) = reports.last_mut() {
            report.push_str(line);
            report.push('\n');
        }
    }
    reports
}

/// `file.flow:12:3: ...`
fn starts_with_location(line: &str) -> bool {
    let mut parts = line.splitn(4, ':');
    let (Some(path), Some(row), Some(col), Some(_)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    path.ends_with(".flow")
        && !path.contains(' ')
        && row.parse::<usize>().is_ok()
        && col.parse::<usize>().is_ok()
}

/// The `path:line:col: ` before a report and ariadne's `╭─[ path:line:col ]`
/// inside it name the same place.
pub fn assert_same_location(report: &str) {
    let prefix = report.split(": ").next().unwrap_or_default();
    let inner = report
        .lines()
        .find_map(|line| line.split("╭─[ ").nth(1))
        .map(|rest| rest.trim_end_matches(" ]"))
        .unwrap_or_else(|| panic!("no ariadne report:\n{report}"));
    assert_eq!(
        prefix, inner,
        "two different locations in one report:\n{report}"
    );
}

/// Every report has the shape docs/architecture.md describes: `path:line:col: ` and an
/// ariadne report with the quoted source line and a help hint. Returns the report
/// for `path:line:col` so a test can look at it further.
pub fn assert_report(stderr: &str, location: &str, source_line: &str) -> String {
    let all = reports(stderr);
    let report = all
        .iter()
        .find(|r| r.starts_with(&format!("{location}: ")))
        .unwrap_or_else(|| panic!("no report at {location}:\n{stderr}"));
    assert!(report.contains("Error:"), "not an error report:\n{report}");
    assert!(
        report.contains(&format!("│ {source_line}")),
        "the report does not quote the source line `{source_line}`:\n{report}"
    );
    assert!(
        report.contains("Help: "),
        "the report has no help hint:\n{report}"
    );
    assert_same_location(report);
    report.clone()
}

/// The error count on the last line of `check` stderr.
pub fn error_count(stderr: &str) -> usize {
    let last = stderr.trim_end().lines().last().unwrap_or_default();
    last.trim_start_matches("error: the knowledge has ")
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no error count in `{last}`"))
}

/// `backcheck ARGS` on a real pseudo-terminal in `dir`, with `NO_COLOR=1`
/// and a 20 s limit on each expectation.
pub fn pty(args: &[&str], dir: &Path) -> expectrl::session::OsSession {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = expectrl::Session::spawn(command).expect("spawn backcheck in a pty");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    session
}

/// `backcheck ARGS` in `dir` with `input` piped to it.
pub fn piped(args: &[&str], dir: &Path, input: &str) -> Output {
    backcheck(args)
        .current_dir(dir)
        .write_stdin(input)
        .output()
        .expect("run backcheck")
}
