//! `backcheck author`: check, verify, test and fmt --check in one run with
//! one exit code; and `check --format json` for tools.

use crate::common;

use common::{Knowledge, MINI, backcheck, describe, text};

/// A copy of the mini fixture laid out by `backcheck fmt` (the fixture
/// itself is kept as written: other tests point at its lines).
fn laid_out_mini() -> Knowledge {
    let knowledge = Knowledge::mini();
    let output = backcheck(&["fmt", "--knowledge", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    knowledge
}

#[test]
fn author_passes_when_all_four_pass() {
    let knowledge = laid_out_mini();
    let output = backcheck(&["author", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stdout = text(&output.stdout);
    for step in ["ok   check", "ok   verify", "ok   test", "ok   fmt --check"] {
        assert!(stdout.lines().any(|l| l == step), "{step}:\n{stdout}");
    }
    assert!(
        stdout.ends_with("author: check, verify, test and fmt all pass\n"),
        "{stdout}"
    );
}

#[test]
fn author_runs_every_step_and_fails_once_for_all() {
    // A failing case and a file out of layout: both reported in one run.
    let knowledge = laid_out_mini()
        .edit("outcomes.flow", "expect  treat", "expect  modify")
        .edit(
            "outcomes.flow",
            "outcome emergency {",
            "outcome   emergency {",
        );
    let output = backcheck(&["author", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stdout = text(&output.stdout);
    for step in ["ok   check", "ok   verify", "FAIL test", "FAIL fmt --check"] {
        assert!(stdout.lines().any(|l| l == step), "{step}:\n{stdout}");
    }
    assert!(
        stdout.contains("outcomes.flow is not laid out canonically"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("author: not ready; see FAIL above\n"),
        "{stdout}"
    );
}

#[test]
fn author_fails_on_a_check_error_and_still_verifies_and_tests() {
    let knowledge = Knowledge::mini().edit(
        "outcomes.flow",
        "answers saddle=unsure",
        "answers saddle=no age=10",
    );
    let output = backcheck(&["author", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stdout = text(&output.stdout);
    assert!(stdout.lines().any(|l| l == "FAIL check"), "{stdout}");
    assert!(stdout.lines().any(|l| l == "ok   verify"), "{stdout}");
    assert!(
        text(&output.stderr).contains("[E025]"),
        "{}",
        describe(&output)
    );
}

#[test]
fn check_format_json_lists_every_diagnostic_with_its_place() {
    let knowledge = Knowledge::mini().edit(
        "safety.flow",
        "tags red_flag, emergency",
        "tags redflag, emergency",
    );
    let output = backcheck(&["check", "--format", "json", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON document");
    assert_eq!(json["ok"], false);
    assert_eq!(json["errors"], 1);
    let first = &json["diagnostics"][0];
    assert_eq!(first["code"], "E028");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "safety.flow");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(7), Some(10))
    );
    assert_eq!(first["hint"], "did you mean `red_flag`?");
    // Clean knowledge: ok, nothing listed, exit 0.
    let output = backcheck(&["check", "--format", "json", MINI])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["ok"], true);
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(0));
}
