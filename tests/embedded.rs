//! The knowledge shipped inside the binary (knowledge/lower_back): it compiles,
//! and every case written for it passes.

mod common;

use common::{backcheck, describe, text};

#[test]
fn embedded_knowledge_checks_ok() {
    let output = backcheck(&["check"]).output().expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("ok: lower_back "), "{stdout}");
}

#[test]
fn embedded_cases_all_pass() {
    let output = backcheck(&["test"]).output().expect("run backcheck");
    let stdout = text(&output.stdout);
    let failures: Vec<&str> = stdout.lines().filter(|l| !l.starts_with("ok   ")).collect();
    assert_eq!(
        output.status.code(),
        Some(0),
        "failing cases:\n{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout.trim_end().lines().last().unwrap_or_default();
    let passed: usize = last
        .strip_suffix(" passed, 0 failed")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("last line is not `N passed, 0 failed`: `{last}`"));
    assert!(passed > 0, "the embedded knowledge has no cases: {last}");
}

#[test]
fn embedded_knowledge_is_the_default_for_run() {
    // With no answers and no --knowledge, `run` stops at the shipped graph's
    // first question (exit 3) and names it.
    let output = backcheck(&["run", "--answers", "", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["status"], "incomplete");
    assert_eq!(json["knowledge"]["name"], "lower_back");
    assert!(
        json["next"]["id"].as_str().is_some_and(|id| !id.is_empty()),
        "{json}"
    );
}
