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

/// No to every red flag, 56 years old, pain for two months into the thigh:
/// the routine checks ("About you") come back after "Your pain".
const OLDER: &str =
    "no\nno\nno\nno\nno\nno\nno\nno\nno\n56\n2 months\nthigh\nno\nyes\nnone\nnone\ndeep\n";

#[test]
fn each_heading_shows_once_even_when_its_questions_come_back() {
    let stdout = chat(&format!("{OLDER}change 1 no\n"));
    let headings: Vec<&str> = stdout.lines().filter(|l| l.starts_with("--- ")).collect();
    assert_eq!(
        headings,
        vec![
            "--- Emergency checks ---",
            "--- Urgent checks ---",
            "--- About you ---",
            "--- Your pain ---",
            "--- Things that change the massage ---",
            "--- Positions ---",
        ],
        "{stdout}"
    );
}

#[test]
fn a_list_in_a_question_is_lettered_apart_from_the_answers() {
    let stdout = chat("no\nno\nno\nno\nno\nno\nno\n");
    let screen = stdout
        .split("Does anything on this list apply to you?\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        screen.starts_with("    a) You have cancer now, or had it before.\n    b) "),
        "{screen}"
    );
    assert!(
        screen.contains("\n  1) Yes\n  2) No\n  3) Not sure\n"),
        "{screen}"
    );
}

#[test]
fn more_questions_come_with_a_reason() {
    let reason = "(More to go now: your last answer means we need to ask a little more.)";
    let plain = chat("no\nno\nno\nno\nno\nno\nno\n");
    assert!(!plain.contains(reason), "{plain}");
    // "Yes" to the history list asks about each item in turn.
    let more = chat("no\nno\nno\nno\nno\nno\nno\nyes\n");
    let after_yes = more
        .split("> yes\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{more}"));
    assert!(after_yes.contains(reason), "{more}");
}
