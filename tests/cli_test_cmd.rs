//! `backcheck test DIR`: runs the cases written in a knowledge folder; the last
//! line is `N passed, M failed`; exit 1 if any failed.

use crate::common;

use common::{Knowledge, MINI, backcheck, describe, text};
use predicates::prelude::*;

/// `backcheck test DIR`: expects `code`, returns stdout.
fn test_cases(dir: &str, code: i32) -> String {
    let output = backcheck(&["test", dir]).output().expect("run backcheck");
    assert_eq!(output.status.code(), Some(code), "{}", describe(&output));
    text(&output.stdout)
}

fn last_line(stdout: &str) -> &str {
    stdout.trim_end().lines().last().unwrap_or_default()
}

#[test]
fn mini_cases_all_pass() {
    let stdout = test_cases(MINI, 0);
    assert_eq!(last_line(&stdout), "3 passed, 0 failed", "{stdout}");
    for name in ["simple", "thin bones and face-down", "unsure saddle"] {
        assert!(stdout.contains(&format!("ok   {name}\n")), "{stdout}");
    }
}

#[test]
fn a_wrong_verdict_fails_showing_expected_and_actual() {
    let knowledge = Knowledge::mini().edit(
        "outcomes.flow",
        "  answers saddle=no age=34 bones=no radiation=none worse=nothing\n  expect treat",
        "  answers saddle=no age=34 bones=no radiation=none worse=nothing\n  expect modify",
    );
    let stdout = test_cases(knowledge.arg(), 1);
    assert_eq!(last_line(&stdout), "2 passed, 1 failed", "{stdout}");
    let failure = stdout
        .split_once("FAIL outcomes.flow:39:1: simple\n")
        .unwrap_or_else(|| panic!("no FAIL line:\n{stdout}"))
        .1;
    assert!(failure.contains("expected modify, got treat"), "{stdout}");
    assert!(
        failure.contains("fine"),
        "the actual outcome is not named:\n{stdout}"
    );
    assert!(
        failure.contains("path: saddle=no,age=34,bones=no,radiation=none,worse=nothing"),
        "{stdout}"
    );
    assert!(stdout.contains("ok   unsure saddle"), "{stdout}");
}

#[test]
fn a_missing_note_fails() {
    let knowledge = Knowledge::mini().edit(
        "outcomes.flow",
        r#"expect note "Gentle""#,
        r#"expect note "Firm""#,
    );
    let stdout = test_cases(knowledge.arg(), 1);
    assert_eq!(last_line(&stdout), "2 passed, 1 failed", "{stdout}");
    assert!(
        stdout.contains("FAIL outcomes.flow:43:1: thin bones and face-down"),
        "{stdout}"
    );
    assert!(stdout.contains("\"Firm\""), "{stdout}");
}

#[test]
fn a_wrong_urgency_fails() {
    let knowledge = Knowledge::mini().edit(
        "outcomes.flow",
        "expect refer emergency",
        "expect refer routine",
    );
    let stdout = test_cases(knowledge.arg(), 1);
    assert_eq!(last_line(&stdout), "2 passed, 1 failed", "{stdout}");
    assert!(
        stdout.contains("FAIL outcomes.flow:49:1: unsure saddle"),
        "{stdout}"
    );
    assert!(
        stdout.contains("routine") && stdout.contains("emergency"),
        "{stdout}"
    );
}

#[test]
fn answers_that_stop_before_a_result_fail_naming_the_next_question() {
    let knowledge = Knowledge::mini().file(
        "more_cases.flow",
        "case \"stops early\" {\n  answers saddle=no age=34\n  expect treat\n}\n",
    );
    let stdout = test_cases(knowledge.arg(), 1);
    assert_eq!(last_line(&stdout), "3 passed, 1 failed", "{stdout}");
    let failure = stdout
        .split_once("FAIL more_cases.flow:1:1: stops early\n")
        .unwrap()
        .1;
    assert!(failure.contains("`bones`"), "{stdout}");
}

#[test]
fn a_case_with_an_invalid_answer_is_a_knowledge_error() {
    let knowledge = Knowledge::mini().file(
        "more_cases.flow",
        "case \"typo\" {\n  answers sadle=no age=300\n  expect treat\n}\n",
    );
    backcheck(&["test", knowledge.arg()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("more_cases.flow:2:11: "))
        .stderr(predicate::str::contains("did you mean `saddle`?"))
        .stderr(predicate::str::contains("more_cases.flow:2:24: "));
}

#[test]
fn a_folder_without_cases_passes_with_zero() {
    let knowledge = Knowledge::mini().file("outcomes.flow", outcomes_without_cases());
    let stdout = test_cases(knowledge.arg(), 0);
    assert_eq!(last_line(&stdout), "0 passed, 0 failed", "{stdout}");
}

#[test]
fn missing_folder_exits_2() {
    let knowledge = Knowledge::empty();
    backcheck(&["test", knowledge.join("nowhere").to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("cannot read"));
}

/// The mini outcomes file without its `case` blocks (they come last).
fn outcomes_without_cases() -> String {
    let text = std::fs::read_to_string(format!("{MINI}/outcomes.flow")).unwrap();
    let start = text.find("case \"").expect("mini has cases");
    text[..start].to_string()
}

/// `baseline { answers ... }`: the answers every case builds on. A case
/// lists only what differs; a baseline answer the walk does not ask is not
/// a failure, a case's own unused answer still is; one baseline a folder.
#[test]
fn cases_build_on_the_baseline_and_list_only_what_differs() {
    let knowledge = Knowledge::mini().file(
        "baseline.flow",
        "baseline {\n  answers saddle=no age=34 bones=no radiation=none worse=nothing\n}\n\
         case \"the baseline alone\" {\n  answers\n  expect treat\n}\n\
         case \"older, thin bones\" {\n  answers age=70 bones=yes worse=face_down+sitting\n  expect modify\n  expect note \"Side-lying\"\n}\n\
         case \"saddle numbness\" {\n  answers saddle=yes\n  expect refer emergency\n}\n",
    );
    let stdout = test_cases(knowledge.arg(), 0);
    assert_eq!(last_line(&stdout), "6 passed, 0 failed", "{stdout}");

    // The case's own answer that the walk never asks is still a failure.
    let knowledge = Knowledge::mini().file(
        "baseline.flow",
        "baseline {\n  answers saddle=no age=34 bones=no radiation=none worse=nothing\n}\n\
         case \"emergency with a stray answer\" {\n  answers saddle=yes radiation=thigh\n  expect refer emergency\n}\n",
    );
    let stdout = test_cases(knowledge.arg(), 1);
    assert!(
        stdout.contains("`radiation=thigh` is never used"),
        "{stdout}"
    );
    assert!(!stdout.contains("`age=34` is never used"), "{stdout}");

    // A second baseline is an error.
    let knowledge = Knowledge::mini()
        .file("baseline.flow", "baseline {\n  answers saddle=no\n}\n")
        .file("baseline2.flow", "baseline {\n  answers age=40\n}\n");
    backcheck(&["test", knowledge.arg()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a second `baseline`"));
}
