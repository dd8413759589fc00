//! The REPL driven through a real pseudo-terminal, as a person would use it:
//! rustyline reads the keys, Ctrl-C clears a line, answers lead to an outcome.

use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{ControlCode, Expect, Session};

fn start() -> OsSession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backcheck"));
    command
        .args(["chat", "--knowledge"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = Session::spawn(command).expect("spawn backcheck in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

#[test]
fn answers_why_back_and_ctrl_c_reach_an_outcome() {
    let mut p = start();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    p.send_line("40").unwrap();
    p.expect("thin bones?").unwrap();
    p.send_line("why").unwrap();
    p.expect("Firm pressure can break thin bones.").unwrap();
    p.expect("000_028080d40bd6955f").unwrap();
    p.send_line("yes").unwrap();
    p.expect("Does the pain spread?").unwrap();
    // Ctrl-C drops the half-typed line but keeps the session.
    p.send("purple").unwrap();
    p.send(ControlCode::EndOfText).unwrap();
    p.expect("Line cleared").unwrap();
    p.send_line("back").unwrap();
    p.expect("Your last answer was undone.").unwrap();
    p.expect("thin bones?").unwrap();
    p.send_line("no").unwrap();
    p.expect("Does the pain spread?").unwrap();
    p.send_line("stays").unwrap();
    p.expect("What makes it worse?").unwrap();
    p.send_line("3").unwrap();
    p.expect("RESULT: MASSAGE IS SUITABLE").unwrap();
    p.expect("Swedish strokes").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn ctrl_d_leaves_cleanly_and_says_nothing_was_saved() {
    let mut p = start();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect("Nothing was saved").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn a_wrong_answer_is_explained_and_the_question_asked_again() {
    let mut p = start();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("purple").unwrap();
    p.expect("Valid answers: 1 (yes), 2 (no), 3 (unsure)")
        .unwrap();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("not sure").unwrap();
    p.expect("RESULT: EMERGENCY").unwrap();
}
