//! The conversation features through a real pseudo-terminal: how, change,
//! summary, save, resume, and Ctrl-D offering to save.

use crate::common;

use std::path::Path;

use expectrl::session::OsSession;
use expectrl::{ControlCode, Expect};

fn start(dir: &Path, extra: &[&str]) -> OsSession {
    let mut args = vec!["chat", "--knowledge", common::MINI];
    args.extend_from_slice(extra);
    common::pty(&args, dir)
}

#[test]
fn how_change_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(dir.path(), &[]);
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    p.send_line("70").unwrap();
    p.expect("thin bones?").unwrap();
    p.send_line("no").unwrap();
    p.expect("Does the pain spread?").unwrap();
    p.send_line("none").unwrap();
    p.expect("What makes it worse?").unwrap();
    p.send_line("nothing").unwrap();
    p.expect("RESULT: MASSAGE IS SUITABLE").unwrap();
    p.send_line("how").unwrap();
    p.expect("You said \"70 years\", so we asked question 3.")
        .unwrap();
    p.expect("So the result is: Massage is suitable.").unwrap();
    p.send_line("change 3 yes").unwrap();
    p.expect("Changed your answer to question 3 to \"Yes\".")
        .unwrap();
    p.expect("RESULT: MASSAGE WITH CHANGES").unwrap();
    p.expect("Gentle pressure only.").unwrap();
    p.send_line("change old 12").unwrap();
    p.expect("Your answers to questions 3, 4, 5 no longer apply and were removed.")
        .unwrap();
    p.expect("See your doctor first").unwrap();
    p.send_line("summary").unwrap();
    p.expect("2. How old are you?").unwrap();
    p.expect("You said: 12 years").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Save your answers before leaving?").unwrap();
    p.send_line("").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn save_then_resume_continues_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(dir.path(), &[]);
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    p.send_line("40").unwrap();
    p.expect("thin bones?").unwrap();
    p.send_line("save mine.json").unwrap();
    p.expect("Answers saved to mine.json").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Goodbye").unwrap();

    let mut p = start(dir.path(), &["--resume", "mine.json"]);
    p.expect("Resumed 2 answer(s)").unwrap();
    p.expect("Question 3").unwrap();
    p.expect("thin bones?").unwrap();
    p.send_line("yes").unwrap();
    p.expect("Does the pain spread?").unwrap();
    p.send_line("none").unwrap();
    p.expect("What makes it worse?").unwrap();
    p.send_line("3").unwrap();
    p.expect("RESULT: MASSAGE WITH CHANGES").unwrap();
    p.send_line("quit").unwrap();
}

#[test]
fn ctrl_d_offers_to_save_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(dir.path(), &[]);
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    // Ctrl-D must reach the line editor, not the terminal: wait for the prompt.
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect("Save your answers before leaving?").unwrap();
    p.send_line("later.json").unwrap();
    p.expect("Answers saved to later.json").unwrap();
    p.expect("Goodbye").unwrap();
    let saved = std::fs::read_to_string(dir.path().join("later.json")).unwrap();
    assert!(saved.contains("\"safety.saddle\""), "{saved}");
}

#[test]
fn nothing_is_written_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = start(dir.path(), &[]);
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Save your answers before leaving?").unwrap();
    p.send_line("").unwrap();
    p.expect("Nothing was saved").unwrap();
    p.expect("Goodbye").unwrap();
    drop(p);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
