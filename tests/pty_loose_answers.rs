//! A whole conversation on the shipped knowledge in everyday words, through
//! a real pseudo-terminal: each loose answer is said back ("→ No"), a hedged
//! "no" to a red flag is asked again, `?` shows help, and `back` undoes a
//! misreading.

use crate::common;

use expectrl::{Expect, Regex};

#[test]
fn a_whole_conversation_in_everyday_words() {
    let mut p = common::pty(&["chat"], std::path::Path::new("."));
    p.expect(Regex(r"Who is this check for")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("?").unwrap();
    p.expect("Commands:").unwrap();
    p.expect("Why: ").unwrap();
    p.send_line("my own").unwrap();
    p.expect("→ Me: it is my own pain").unwrap();
    p.expect(Regex(r"lower\s+back")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("yep").unwrap();
    p.expect("→ Yes").unwrap();
    p.expect("> ").unwrap();
    p.send_line("I'm 35").unwrap();
    p.expect("→ 35 years").unwrap();
    p.expect(Regex(r"pregnant")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("no, I am a man").unwrap();
    p.expect("→ No").unwrap();
    p.expect(Regex(r"bike\s+saddle")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("nope nothing like that").unwrap();
    p.expect("→ No").unwrap();
    p.expect(Regex(r"unable\s+to\s+pee")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("not really").unwrap();
    p.expect(Regex(r"about\s+your\s+safety")).unwrap();
    p.expect(Regex(r"unable\s+to\s+pee")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("no, all normal").unwrap();
    p.expect("→ No").unwrap();
    p.expect(Regex(r"lost\s+feeling\s+in\s+your\s+genitals"))
        .unwrap();
    p.expect("> ").unwrap();
    p.send_line("no changes").unwrap();
    p.expect("→ No").unwrap();
    p.expect(Regex(r"either\s+leg")).unwrap();
    p.expect("> ").unwrap();
    for answer in ["noo", "no, just pain", "nah", "no fever", "none of them"] {
        p.send_line(answer).unwrap();
        p.expect("→ No")
            .unwrap_or_else(|e| panic!("{answer:?} was not said back as No: {e}"));
        p.expect("> ").unwrap();
    }
    // The risk screen is a "which of these apply" list: none of them.
    p.send_line("none of them").unwrap();
    p.expect("→ None of these").unwrap();
    p.expect("> ").unwrap();
    p.send_line("nope").unwrap();
    p.expect("→ No").unwrap();
    p.expect("> ").unwrap();
    // The last prompt read was the question of how long this episode has lasted.
    // A misreading can be taken back: "a year" is not what was meant here.
    p.send_line("a year").unwrap();
    p.expect("→ More than 3 months").unwrap();
    p.expect("> ").unwrap();
    p.send_line("back").unwrap();
    p.expect(Regex(r"How\s+long\s+has\s+this\s+episode"))
        .unwrap();
    p.expect("> ").unwrap();
    p.send_line("about 3 weeks").unwrap();
    p.expect("→ Less than 6 weeks").unwrap();
    p.expect("spread").unwrap();
    p.expect("> ").unwrap();
    p.send_line("just my back").unwrap();
    p.expect("→ No, it stays in my lower back").unwrap();
    p.expect("> ").unwrap();
    p.send_line("none of them").unwrap();
    p.expect("→ None of these").unwrap();
    p.expect("> ").unwrap();
    p.send_line("sitting and bending").unwrap();
    p.expect("RESULT: MASSAGE IS SUITABLE").unwrap();
    p.send_line("quit").unwrap();
    // Unsaved answers: `quit` offers to save them first; Enter leaves.
    p.expect(Regex(r"Save\s+your\s+answers")).unwrap();
    p.expect("> ").unwrap();
    p.send_line("").unwrap();
    p.expect("Goodbye").unwrap();
}
