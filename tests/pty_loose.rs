//! A whole conversation on the shipped knowledge through a real terminal
//! (80 columns), answered loosely, the way a person types: "noo", "no, just
//! pain", "nope nothing like that", "dunno", "I'm 35", "5 days", "none of
//! them", "sitting and bending", each read back ("→ No"). Then the navigation
//! a person would use: `how`, `summary`, `whatif` and `change` by the numbers
//! shown and by words of a question.

use crate::common;

use expectrl::Expect;
use expectrl::session::OsSession;

/// The terminal session and everything it printed so far.
struct Talk {
    pty: OsSession,
    transcript: String,
}

impl Talk {
    fn start(dir: &std::path::Path) -> Talk {
        Talk {
            pty: common::pty(&["chat"], dir),
            transcript: String::new(),
        }
    }

    /// Waits for `text`, keeping what came before it.
    fn expect(&mut self, text: &str) {
        let found = self
            .pty
            .expect(text)
            .unwrap_or_else(|e| panic!("`{text}` did not come: {e}\n{}", self.transcript));
        self.transcript
            .push_str(&String::from_utf8_lossy(found.before()));
        self.transcript.push_str(text);
    }

    /// Answers the question that shows `question`, once its prompt is up.
    fn answer(&mut self, question: &str, typed: &str) {
        self.expect(question);
        self.expect("> ");
        self.pty.send_line(typed).unwrap();
    }

    fn say(&mut self, typed: &str) {
        self.expect("> ");
        self.pty.send_line(typed).unwrap();
    }
}

/// A line as it stands on screen: after the last carriage return, without
/// terminal escape codes.
fn on_screen(line: &str) -> String {
    let line = line.rsplit('\r').next().unwrap_or(line);
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for end in chars.by_ref() {
                if end.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_loose_conversation_to_a_result_and_back_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut talk = Talk::start(dir.path());
    talk.answer("Who is this check for?", "mine");
    // Whatever is not typed as an option is said back.
    talk.expect("→ Me: it is my own pain");
    talk.answer("top of the legs?", "yeah");
    talk.expect("→ Yes");
    talk.answer("How old are you?", "I'm 35");
    talk.expect("→ 35 years");
    talk.answer("Could you be pregnant?", "No");
    talk.answer("touch a bike saddle.", "nope");
    talk.expect("→ No");
    talk.answer("come later.)", "noo");
    talk.expect("→ No");
    talk.answer("genitals", "no changes");
    talk.expect("→ No");
    talk.answer("weakness in either leg or", "nah");
    talk.answer("about to pass out?", "no, just pain");
    talk.expect("→ No");
    talk.answer("hard to wake up?", "not really");
    // A hedged no to a red flag is never recorded: the question comes again.
    talk.answer("please answer it plainly", "nope nothing like that");
    talk.expect("→ No");
    talk.answer("shivers or chills?", "dunno");
    talk.expect("→ Not sure");
    // "Not sure" about a fever: the clarifying step, asked without presuming.
    talk.expect("(More to go now: your last answer means we need to ask a little");
    talk.answer("Can you take your temperature now?", "below 38");
    talk.expect("→ It is below 38 °C");
    talk.expect("--- Urgent checks ---");
    // The screens are "which of these apply" lists.
    talk.answer("Which of these have happened to you?", "none of them");
    talk.answer("true for you?", "none of them");
    talk.expect("→ None of these");
    talk.expect("Which of these do you have with your back pain?");
    talk.expect("  1) You feel very unwell");
    talk.expect("  7) None of these");
    talk.say("nope");
    talk.answer("How long has this episode", "5 days");
    talk.expect("→ Less than 6 weeks");
    talk.answer(
        "Does the pain spread beyond your lower back?",
        "just my back",
    );
    talk.answer("Do any of these apply to you?", "none of them");
    talk.expect("→ None of these");
    talk.answer(
        "Which of these make your back pain worse?",
        "sitting and bending",
    );
    talk.expect("=== RESULT: MASSAGE IS SUITABLE ===");

    talk.say("how");
    talk.expect("11. Do you have a fever");
    talk.expect("You said \"Not sure\", so we asked question 12.");
    talk.expect("You said \"It is below 38 °C");
    // At 80 columns the question number wraps onto the next line.
    talk.expect("and I have no shivers\", so we asked question");
    talk.expect("13.");
    talk.expect("So the result is:");

    talk.say("summary");
    talk.expect("3. How old are you?");
    talk.expect("You said: 35 years");

    talk.say("whatif 12=not sure");
    talk.expect("If your answer to question 12 (\"Can you take your temperature");
    talk.expect("the assessment would go on to ask: \"Do you also have a very bad headache");

    talk.say("change fever yeah");
    talk.expect("Changed your answer to question 11 to \"Yes\".");
    talk.expect("Your answers to questions 12, 13, 14, 15, 16, 17, 18, 19 no longer apply");
    talk.answer("Do you also have a very bad headache", "no");
    talk.expect("=== RESULT: SEE A DOCTOR TODAY - NO MASSAGE ===");
    talk.say("quit");
    // Unsaved answers: `quit` offers to save them first (issue 15); Enter leaves.
    talk.expect("Save your answers before leaving?");
    talk.say("");
    talk.expect("Goodbye");

    for line in talk.transcript.lines() {
        let shown = on_screen(line);
        assert!(
            shown.chars().count() <= 80,
            "wider than the terminal ({}): {shown}\n{}",
            shown.chars().count(),
            talk.transcript
        );
    }
    // Nobody is shown an internal id.
    for id in ["fever_measured", "symptom_screen", "neuro_signs", "Rule `"] {
        assert!(
            !talk.transcript.contains(id),
            "`{id}` shown:\n{}",
            talk.transcript
        );
    }
}
