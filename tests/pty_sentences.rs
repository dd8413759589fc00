//! A whole assessment told in sentences through a real pseudo-terminal,
//! on the shipped knowledge: each sentence read as meant, said back, and
//! a reading that matters checked back before it is recorded (a "no" to
//! the check-back records nothing; a "yes" records the reading).

use crate::common;

use expectrl::Expect;
use expectrl::session::OsSession;

/// Types `line` and waits for `then`, then for the next prompt (a line
/// typed before the editor reads again could be lost); on a timeout, shows
/// what came.
fn say(p: &mut OsSession, line: &str, then: &str) {
    p.send_line(line).unwrap();
    if let Err(e) = p.expect(then).and_then(|_| p.expect("> ")) {
        let mut rest = vec![0u8; 4000];
        let n = std::io::Read::read(p, &mut rest).unwrap_or(0);
        panic!(
            "after {line:?}, no {then:?}: {e}\n{}",
            String::from_utf8_lossy(&rest[..n])
        );
    }
}

#[test]
fn a_simple_strain_told_in_sentences_with_a_check_back() {
    let dir = tempfile::tempdir().unwrap();
    let p = &mut common::pty(&["chat"], dir.path());
    say(p, "yeah it's my own back", "top of the legs?");
    say(p, "yes, low down", "How old are you?");
    say(p, "I'm 34", "Could you be pregnant?");
    say(p, "no, I'm a bloke", "bike saddle");
    say(p, "no, nothing like that", "unable to pee");
    // A sentence read as "no" on a red flag: asked back, nothing recorded.
    say(
        p,
        "I can pee fine",
        "Just to check, as this question is about your safety",
    );
    say(p, "no it isn't", "unable to pee");
    say(p, "I can pee fine", "Just to check");
    say(p, "yes", "lost feeling in your genitals");
    say(p, "no, nothing has changed there", "weakness in either leg");
    say(p, "no, my legs are fine", "fainted, collapsed");
    say(p, "no, never fainted", "newly confused");
    say(p, "no, my head is clear", "fever");
    say(p, "no fever", "Which of these have happened to you?");
    say(
        p,
        "none of them apply to me",
        "Which of these are true for you?",
    );
    say(
        p,
        "none of those",
        "Which of these do you have with your back pain?",
    );
    say(p, "no, I feel fine apart from the back", "Just to check");
    say(p, "yep", "How long has this episode");
    say(p, "about 5 days", "→ Less than 6 weeks");
    say(p, "it stays in my back", "→ No, it stays in my lower back");
    say(p, "none of them", "make your back pain worse?");
    say(
        p,
        "nothing really makes it worse",
        "RESULT: MASSAGE IS SUITABLE",
    );
    say(p, "summary", "You said: No");
    say(p, "quit", "Save your answers before leaving?");
    p.send_line("").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn a_sentence_that_means_an_emergency_is_checked_back_then_shown() {
    let dir = tempfile::tempdir().unwrap();
    let p = &mut common::pty(&["chat"], dir.path());
    say(p, "yes it's my own back that hurts", "top of the legs?");
    say(p, "yes", "How old are you?");
    say(p, "I'm 45", "Could you be pregnant?");
    say(p, "no", "bike saddle");
    say(
        p,
        "yeah, it's gone numb down there",
        "getting help straight away",
    );
    // Help at a check-back keeps it open: it is asked again after.
    say(p, "?", "Why:");
    say(p, "yes", "EMERGENCY");
    say(p, "quit", "Save your answers before leaving?");
    p.send_line("").unwrap();
    p.expect("Goodbye").unwrap();
}

#[test]
fn something_more_said_in_passing_is_asked_about_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let p = &mut common::pty(&["chat"], dir.path());
    // A red flag mentioned at the first question: asked about at once.
    say(
        p,
        "yes, my own back, and my bum has gone numb",
        "You mentioned",
    );
    say(p, "no", "top of the legs?");
    say(p, "yes", "How old are you?");
    say(p, "34", "Could you be pregnant?");
    say(p, "no", "bike saddle");
    // "no, but ...": the no is checked back, the rest kept and shown with
    // the questions it speaks of, and listed on the result.
    say(p, "no, but my pee's been red", "Just to check");
    // Blood in the pee is a red flag: asked about at once, its question
    // quoted.
    say(p, "yes", "Have you seen blood in your pee");
    say(p, "no, it's more dark than red", "Earlier you said");
    say(p, "no", "lost feeling in your genitals");
    for question in [
        "weakness in either leg",
        "fainted, collapsed",
        "newly confused",
        "fever",
        "Which of these have happened to you?",
    ] {
        say(p, "no", question);
    }
    say(p, "none", "Which of these are true for you?");
    say(p, "none", "Earlier you said");
    say(p, "no", "How long has this episode");
    say(p, "about 5 days", "Does the pain spread");
    say(p, "it stays in my back", "Do any of these apply to you?");
    say(p, "none of them", "make your back pain worse?");
    say(p, "nothing", "  - \u{201c}my pee's been red\u{201d}");
    say(p, "quit", "Save your answers before leaving?");
    p.send_line("").unwrap();
    p.expect("Goodbye").unwrap();
}
