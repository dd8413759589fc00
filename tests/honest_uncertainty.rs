//! When "not sure" decides a referral, the result says which answer it was
//! and why we play safe; a referral from a plain "yes" says nothing of the
//! kind. On the shipped knowledge, piped.

use crate::common;

use common::{backcheck, describe, text};

/// Own back pain, age 40, then seven clear "no" answers (pregnancy and the
/// emergency checks), up to the fever, question 10.
const TO_FEVER: &str = "1\n1\n40\nno\nno\nno\nno\nno\nno\nno\n";

fn chat(input: &str) -> String {
    let output = backcheck(&["chat"]).write_stdin(input).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    text(&output.stdout)
}

#[test]
fn a_referral_from_not_sure_names_the_answer_and_the_reason() {
    let stdout = chat(&format!("{TO_FEVER}not sure\n3\nno\n"));
    let result = stdout
        .split("=== RESULT: SEE A DOCTOR TODAY - NO MASSAGE ===")
        .nth(1)
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        result.contains("This result comes from an answer you were not sure about:"),
        "{result}"
    );
    assert!(
        result.contains("  - Question 11: \"Do you have a fever"),
        "{result}"
    );
    assert!(
        result.contains("You said \"I cannot take it, or I am still not sure\"."),
        "{result}"
    );
    assert!(
        result.contains("we take \"not sure\" as \"yes\", to be safe"),
        "{result}"
    );
    // The clarifying question does not presume the fever either.
    assert!(!stdout.contains("With the fever"), "{stdout}");
}

#[test]
fn a_clear_no_to_the_thermometer_goes_on_as_after_no() {
    let stdout = chat(&format!("{TO_FEVER}not sure\nno\n"));
    assert!(
        stdout.contains("--- Urgent checks ---"),
        "the walk did not go on:\n{stdout}"
    );
    assert!(!stdout.contains("RESULT"), "{stdout}");
}

#[test]
fn a_referral_from_yes_does_not_talk_of_doubt() {
    let stdout = chat(&format!("{TO_FEVER}yes\nno\n"));
    assert!(
        stdout.contains("=== RESULT: SEE A DOCTOR TODAY"),
        "{stdout}"
    );
    assert!(!stdout.contains("not sure about"), "{stdout}");
}

#[test]
fn the_saved_report_says_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let output = backcheck(&["chat"])
        .current_dir(dir.path())
        .write_stdin(format!("{TO_FEVER}not sure\n3\nno\nsave report.md\n"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let report = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(
        report.contains(
            "This result comes from an answer you were not sure about:\n\n- Question 11:"
        ),
        "{report}"
    );
    assert!(!report.contains('\u{1b}'), "{report}");
}
