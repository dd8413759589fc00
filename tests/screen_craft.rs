//! How the conversation looks, on the shipped knowledge, piped: each section
//! heading once and in order, a list inside a question lettered on its own
//! lines, and a progress line that says why when more questions come.

use crate::common;

use common::{backcheck, describe, text};

fn chat(input: &str) -> String {
    let output = backcheck(&["chat"]).write_stdin(input).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    text(&output.stdout)
}

/// Own back pain, 56 years old (no pregnancy question; the aorta question is
/// asked), no to every red flag, pain for two months into the thigh.
const OLDER: &str = "1\n1\n56\nno\nno\nno\nno\nno\nno\nno\nno\nno\nnone\nno\n2 months\nthigh\nno\nyes\nnone\nnone\ndeep\n";

/// Own back pain, 40 years old, not pregnant, no to the emergency checks:
/// the next question is the history list.
const TO_HISTORY: &str = "1\n1\n40\nno\nno\nno\nno\nno\nno\nno\nno\n";

#[test]
fn each_heading_shows_once_even_when_its_questions_come_back() {
    let stdout = chat(&format!("{OLDER}change 1 no\n"));
    let headings: Vec<&str> = stdout.lines().filter(|l| l.starts_with("--- ")).collect();
    assert_eq!(
        headings,
        vec![
            "--- About you ---",
            "--- Emergency checks ---",
            "--- Urgent checks ---",
            "--- Your pain ---",
            "--- Checks before a massage ---",
            "--- Things that change the massage ---",
            "--- Positions ---",
        ],
        "{stdout}"
    );
}

#[test]
fn a_screen_lists_its_items_as_numbered_choices() {
    let stdout = chat(TO_HISTORY);
    let screen = stdout
        .split(
            "Which of these have happened to you? Choose all that apply, or \"None of these\".\n",
        )
        .nth(1)
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        screen.starts_with("  1) You have cancer now, or have had cancer in the past\n  2) "),
        "{screen}"
    );
    assert!(
        screen.contains("\n  7) None of these\n  8) Not sure\n"),
        "{screen}"
    );
}

#[test]
fn more_questions_come_with_a_reason() {
    let reason = "(More to go now: your last answer means we need to ask a little more.)";
    // An age of 40 asks about pregnancy, which a person over 55 is not asked:
    // that answer says so; a plain "no" to each emergency check does not.
    let plain = chat(TO_HISTORY);
    let after_age = plain
        .split("> 40\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{plain}"));
    let (pregnancy, after_pregnancy) = after_age
        .split_once("Could you be pregnant?")
        .unwrap_or_else(|| panic!("{plain}"));
    assert!(pregnancy.contains(reason), "{plain}");
    assert!(!after_pregnancy.contains(reason), "{plain}");
    // "Not sure" at the history list asks about each item in turn.
    let more = chat(&format!("{TO_HISTORY}not sure\n"));
    let after_unsure = more
        .split("> not sure\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{more}"));
    assert!(after_unsure.contains(reason), "{more}");
}
