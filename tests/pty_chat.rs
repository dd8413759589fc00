//! The REPL driven through a real pseudo-terminal, as a person would use it:
//! rustyline reads the keys, Ctrl-C clears a line, answers lead to an outcome.

use crate::common;

use expectrl::session::OsSession;
use expectrl::{ControlCode, Expect};

fn start() -> OsSession {
    common::pty(
        &["chat", "--knowledge", common::MINI],
        std::path::Path::new("."),
    )
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
    // Keys typed before the line editor is reading would go through the
    // terminal's own line discipline: wait for the prompt.
    p.expect("Below the knee").unwrap();
    p.expect("> ").unwrap();
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
    // Unsaved answers: `quit` offers the same save as Ctrl-D (issue 15).
    p.expect("Save your answers before leaving?").unwrap();
    p.send_line("").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn ctrl_d_leaves_cleanly_and_says_nothing_was_saved() {
    let mut p = start();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("no").unwrap();
    p.expect("How old are you?").unwrap();
    // Ctrl-D must reach the line editor, not the terminal: wait for the prompt.
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect("Save your answers before leaving?").unwrap();
    // Enter leaves without saving.
    p.send_line("").unwrap();
    p.expect("Nothing was saved").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn a_wrong_answer_is_explained_and_the_question_asked_again() {
    let mut p = start();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("purple").unwrap();
    // The message wraps at the terminal's width, between the two.
    p.expect("the words of one:").unwrap();
    p.expect("1) Yes, 2) No, 3) Not sure.").unwrap();
    p.expect("Numbness around your bottom").unwrap();
    p.send_line("not sure").unwrap();
    p.expect("RESULT: EMERGENCY").unwrap();
}

#[test]
fn ctrl_c_between_questions_does_not_end_the_session() {
    let mut p = start();
    p.expect("Numbness around your bottom").unwrap();
    // The answer must reach the line editor: a Ctrl-C the terminal sees
    // while "no" still waits in its buffer would discard it.
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("no").unwrap();
    // Pressed while the answer is being handled, not while a line is read:
    // the terminal turns it into a signal, which must not end the process.
    p.send(ControlCode::EndOfText).unwrap();
    p.expect("How old are you?").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    // On a loaded machine the Ctrl-C can instead reach the editor as a key
    // at this prompt: then it clears the (empty) line, keeps the answers and
    // prompts again, and typing before that second prompt could be lost.
    // Either way the session goes on; wait until it has settled.
    p.set_expect_timeout(Some(std::time::Duration::from_millis(500)));
    if p.expect("(Line cleared.").is_ok() {
        p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
        p.expect("> ").unwrap();
    }
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    p.send_line("40").unwrap();
    p.expect("thin bones?").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Save your answers before leaving?").unwrap();
    p.send_line("no").unwrap();
    p.expect("Nothing was saved").unwrap();
    p.expect("Goodbye").unwrap();
}
