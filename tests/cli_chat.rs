//! `backcheck chat --knowledge DIR` with answers piped on stdin: one answer per
//! line, plain text out, exit 0 at the end of the input. On tests/fixtures/mini.

use crate::common;

use std::process::Output;

use common::{Knowledge, MINI, backcheck, chat, describe, text};

const TREAT: &str = "no\n34\nno\nnone\nnothing\n";

/// Pipes `input` into a chat on `dir`; expects exit 0, no escape codes and an
/// empty stderr; returns stdout.
fn talk_to(dir: &str, input: impl Into<Vec<u8>>) -> String {
    let output = chat(dir, input).output().expect("run backcheck");
    assert_clean(&output);
    text(&output.stdout)
}

fn talk(input: impl Into<Vec<u8>>) -> String {
    talk_to(MINI, input)
}

fn assert_clean(output: &Output) {
    assert_eq!(output.status.code(), Some(0), "{}", describe(output));
    assert!(
        !output.stdout.contains(&0x1b),
        "escape codes:\n{}",
        describe(output)
    );
    assert!(output.stderr.is_empty(), "{}", describe(output));
}

/// The part of `stdout` after the first `marker`.
fn after<'a>(stdout: &'a str, marker: &str) -> &'a str {
    let at = stdout
        .find(marker)
        .unwrap_or_else(|| panic!("`{marker}` not in:\n{stdout}"));
    &stdout[at + marker.len()..]
}

/// The part of `text` before the first `marker`.
fn before<'a>(text: &'a str, marker: &str) -> &'a str {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("`{marker}` not in:\n{text}"));
    &text[..at]
}

const SADDLE: &str = "Numbness around your bottom or genitals?";

// ---------------------------------------------------------------- verdicts

#[test]
fn banner_then_treat() {
    let stdout = talk(TREAT);
    assert!(
        stdout.starts_with("Mini screening (version 0.1)\nNot a diagnosis.\n"),
        "{stdout}"
    );
    assert!(stdout.contains("--- Safety checks ---"), "{stdout}");
    assert!(stdout.contains("--- Your pain ---"), "{stdout}");
    let result = after(&stdout, "=== RESULT: MASSAGE IS SUITABLE ===\n");
    assert!(result.starts_with("Massage is suitable\n"), "{stdout}");
    assert!(result.contains("Keep moving."), "{stdout}");
    assert!(
        stdout.trim_end().ends_with("Goodbye. Take care."),
        "{stdout}"
    );
    assert!(!stdout.contains("not finished"), "{stdout}");
}

#[test]
fn modify_with_several_choices_by_number() {
    let stdout = talk("no\n70\nyes\nnone\n1,2\n");
    let result = after(&stdout, "=== RESULT:");
    assert!(result.contains("Massage is fine, with changes"), "{stdout}");
    assert!(result.contains("Gentle pressure only."), "{stdout}");
    assert!(result.contains("Keep seated work short."), "{stdout}");
    assert!(
        result.contains("Side-lying instead of face-down."),
        "{stdout}"
    );
}

#[test]
fn refer_routine_for_a_child() {
    let stdout = talk("no\n12\n");
    let result = after(&stdout, "=== RESULT:");
    assert!(result.contains("See your doctor first"), "{stdout}");
    assert!(result.contains("Urgency: ROUTINE"), "{stdout}");
    assert!(
        !stdout.contains("thin bones"),
        "asked on after the result:\n{stdout}"
    );
}

#[test]
fn refer_emergency_on_the_first_answer() {
    let stdout = talk("yes\n");
    let result = after(&stdout, "=== RESULT: EMERGENCY - NO MASSAGE ===\n");
    assert!(
        result.starts_with("Call emergency services now\n"),
        "{stdout}"
    );
    assert!(result.contains("Urgency: EMERGENCY"), "{stdout}");
    assert!(!stdout.contains("How old are you?"), "{stdout}");
}

#[test]
fn piped_answers_are_echoed() {
    let stdout = talk("no\n34\n");
    assert!(stdout.contains("> no\n"), "{stdout}");
    assert!(stdout.contains("> 34\n"), "{stdout}");
}

#[test]
fn end_of_input_before_a_result_exits_0_and_says_so() {
    let stdout = talk("no\n");
    assert!(
        stdout.contains("The assessment was not finished. Nothing was saved."),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("Goodbye. Take care."),
        "{stdout}"
    );
}

#[test]
fn empty_input_shows_the_first_question_and_exits_0() {
    let stdout = talk("");
    assert!(stdout.contains(SADDLE), "{stdout}");
    assert!(stdout.contains("not finished"), "{stdout}");
}

// ---------------------------------------------------------------- wrong answers

#[test]
fn unknown_answer_lists_the_valid_ones_and_asks_again() {
    let stdout = talk("purple\nsummary\nno\n");
    let rest = after(&stdout, "> purple\n");
    let (message, rest) = rest.split_once('\n').unwrap();
    assert_eq!(
        message,
        "\"purple\" is not one of the answers. Please type the number or the words of one: 1) Yes, 2) No, 3) Not sure."
    );
    // Asked again, and nothing was recorded.
    assert!(before(rest, "> summary").contains(SADDLE), "{stdout}");
    let summary = after(rest, "Your answers so far:\n");
    assert!(summary.starts_with("  (none yet)\n"), "{stdout}");
    // The next answer still goes to the same question.
    assert!(
        after(rest, "> no\n").contains("How old are you?"),
        "{stdout}"
    );
}

#[test]
fn number_out_of_range_asks_again() {
    let stdout = talk("no\n500\nabc\n34\n");
    assert!(
        stdout.contains("500 is outside the range. Please type a whole number from 0 to 120."),
        "{stdout}"
    );
    assert!(stdout.contains("\"abc\" is not a number."), "{stdout}");
    assert_eq!(stdout.matches("How old are you?").count(), 3, "{stdout}");
    assert!(after(&stdout, "> 34\n").contains("thin bones"), "{stdout}");
}

// ---------------------------------------------------------------- commands

#[test]
fn help_lists_the_commands() {
    let stdout = talk("help\n");
    let help = after(&stdout, "> help\n");
    for command in [
        "why",
        "how",
        "back",
        "change N A",
        "whatif N=A",
        "summary",
        "restart",
        "quit",
    ] {
        assert!(
            help.contains(command),
            "`{command}` missing from help:\n{help}"
        );
    }
}

#[test]
fn why_shows_the_rationale_and_source() {
    let stdout = talk("why\nno\nwhy\n");
    let first = after(&stdout, "> why\n");
    assert!(
        first.contains("Why: Can mean cauda equina syndrome."),
        "{stdout}"
    );
    assert!(
        first.contains("Source: 001_5c8f93c37a18e781 (Contraindications)"),
        "{stdout}"
    );
    let second = after(first, "> why\n");
    assert!(second.contains("Why: The tool is for adults."), "{stdout}");
    assert!(second.contains("Source: NICE NG59"), "{stdout}");
}

#[test]
fn how_explains_the_path_to_the_result() {
    let stdout = talk(format!("{TREAT}how\n"));
    let how = after(&stdout, "> how\n");
    assert!(
        how.contains(
            "1. Numbness around your bottom or genitals?\n   You said \"No\", so we asked question 2.\n"
        ),
        "{how}"
    );
    assert!(
        how.contains("2. How old are you?\n   You said \"34 years\", so we asked question 3.\n"),
        "{how}"
    );
    assert!(
        how.contains("You said \"Nothing in particular\", so we came to the result.\n"),
        "{how}"
    );
    assert!(
        how.contains("So the result is: Massage is suitable."),
        "{how}"
    );
    // No rule, fact or node ids for a person in pain.
    for id in ["Rule", "`route`", "so age", "saddle", "radiation"] {
        assert!(!how.contains(id), "`{id}` in:\n{how}");
    }
}

#[test]
fn how_for_a_therapist_names_the_rules_and_facts() {
    let output = backcheck(&["chat", "--knowledge", MINI, "--audience", "therapist"])
        .write_stdin(format!("{TREAT}how\n"))
        .output()
        .unwrap();
    let stdout = text(&output.stdout);
    let how = after(&stdout, "> how\n");
    assert!(
        how.contains("1. Saddle anaesthesia? -> answered \"No\"."),
        "{how}"
    );
    assert!(how.contains("so age is 34."), "{how}");
    assert!(
        how.contains("Rule `route` chose the result \"Massage is suitable\""),
        "{how}"
    );
    assert!(
        how.contains("So the result is: Massage is suitable (treat)."),
        "{how}"
    );
}

#[test]
fn back_undoes_the_last_answer() {
    let stdout = talk("back\nno\nback\nyes\n");
    assert!(
        after(&stdout, "> back\n").starts_with("There is no answer to undo yet."),
        "{stdout}"
    );
    let undone = after(&stdout, "> no\n");
    let undone = after(undone, "> back\n");
    assert!(
        undone.starts_with("Your last answer was undone."),
        "{stdout}"
    );
    assert!(
        after(undone, "Your last answer was undone.").contains(SADDLE),
        "{stdout}"
    );
    // The question asked again takes the new answer.
    assert!(
        after(undone, "> yes\n").contains("=== RESULT: EMERGENCY"),
        "{stdout}"
    );
}

#[test]
fn back_after_the_result_reopens_the_last_question() {
    let stdout = talk(format!("{TREAT}back\n1\n"));
    let reopened = after(&stdout, "> back\n");
    assert!(reopened.contains("What makes it worse?"), "{stdout}");
    assert!(
        after(reopened, "> 1\n").contains("Massage is fine, with changes"),
        "{stdout}"
    );
}

#[test]
fn change_by_the_number_shown_changes_the_result() {
    let stdout = talk(format!("{TREAT}change 4 below the knee\nhow\n"));
    let changed = after(&stdout, "> change 4 below the knee\n");
    assert!(
        changed.starts_with("Changed your answer to question 4 to \"Below the knee\"."),
        "{stdout}"
    );
    assert!(
        changed.contains("See your doctor before a massage"),
        "{stdout}"
    );
    assert!(
        after(changed, "> how\n").contains("You said \"Below the knee\""),
        "{stdout}"
    );
}

#[test]
fn change_by_words_of_the_question_or_by_its_id() {
    for (command, number) in [
        ("change spread below knee", 4),
        ("change pain spread below knee", 4),
        ("change radiation below_knee", 4),
        ("change thin bones yes", 3),
    ] {
        let stdout = talk(format!("{TREAT}{command}\n"));
        let changed = after(&stdout, &format!("> {command}\n"));
        assert!(
            changed.starts_with(&format!("Changed your answer to question {number} to")),
            "{command}:\n{stdout}"
        );
    }
}

#[test]
fn every_example_in_help_works() {
    let dir = tempfile::tempdir().unwrap();
    let help = after(&talk("help\n"), "> help\n").to_string();
    let examples: Vec<&str> = help
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|example| example.contains(' '))
        .collect();
    assert!(examples.len() >= 4, "{help}");
    // On the shipped knowledge, with four questions answered (own back pain,
    // age 40, not pregnant, no saddle numbness).
    for example in examples {
        let output = backcheck(&["chat"])
            .current_dir(dir.path())
            .write_stdin(format!("1\n1\n40\nno\nno\n{example}\n"))
            .output()
            .unwrap();
        assert_clean(&output);
        let stdout = text(&output.stdout);
        let reply = before(after(&stdout, &format!("> {example}\n")), "Goodbye");
        let worked = [
            "Changed your answer",
            "If your answer to question",
            "saved to",
        ]
        .iter()
        .any(|sign| reply.contains(sign));
        assert!(worked, "`{example}` did not work:\n{reply}");
    }
}

#[test]
fn change_reports_the_answers_that_no_longer_apply() {
    // In this copy, pain below the knee goes straight to the referral.
    let knowledge = Knowledge::mini().edit(
        "pain.flow",
        r#"answer below_knee "Below the knee" -> next"#,
        r#"answer below_knee "Below the knee" -> outcomes.neuro"#,
    );
    let stdout = talk_to(
        knowledge.arg(),
        format!("{TREAT}change 4 below knee\nsummary\n"),
    );
    let changed = after(&stdout, "> change 4 below knee\n");
    assert!(
        changed.starts_with("Changed your answer to question 4 to \"Below the knee\".\n"),
        "{stdout}"
    );
    assert!(
        changed.contains("Your answer to question 5 no longer applies and was removed."),
        "{stdout}"
    );
    assert!(
        changed.contains("See your doctor before a massage"),
        "{stdout}"
    );
    assert!(
        !after(changed, "> summary\n").contains("What makes it worse?"),
        "{stdout}"
    );
}

#[test]
fn change_an_early_answer_drops_everything_after_it() {
    let stdout = talk(format!("{TREAT}change 1 yes\n"));
    let changed = after(&stdout, "> change 1 yes\n");
    assert!(
        changed.contains("Your answers to questions 2, 3, 4, 5 no longer apply and were removed."),
        "{stdout}"
    );
    assert!(changed.contains("=== RESULT: EMERGENCY"), "{stdout}");
}

#[test]
fn change_refuses_unknown_questions_and_missing_answers() {
    let stdout =
        talk("no\nchange nosuch yes\nchange 7 yes\nchange 1\nchange 1 purple\nchange\nsummary\n");
    assert!(
        after(&stdout, "> change nosuch yes\n")
            .starts_with("No question answered so far has the words \"nosuch\"."),
        "{stdout}"
    );
    assert!(
        after(&stdout, "> change 7 yes\n").starts_with(
            "There is no answered question 7: the questions answered so far are 1 to 1."
        ),
        "{stdout}"
    );
    assert!(
        after(&stdout, "> change 1\n")
            .starts_with("Say the new answer too, e.g. `change 1 yes`. Question 1 was:"),
        "{stdout}"
    );
    assert!(
        after(&stdout, "> change 1 purple\n").starts_with("\"purple\" is not one of the answers."),
        "{stdout}"
    );
    assert!(
        after(&stdout, "> change\n").starts_with("Say which question"),
        "{stdout}"
    );
    // Nothing changed.
    assert!(
        after(&stdout, "> summary\n")
            .contains("1. Numbness around your bottom or genitals?\n     You said: No\n"),
        "{stdout}"
    );
}

#[test]
fn restart_clears_every_answer() {
    let stdout = talk(format!("{TREAT}restart\nsummary\nyes\n"));
    let restarted = after(&stdout, "> restart\n");
    assert!(
        restarted.starts_with("Starting again. Your earlier answers were cleared."),
        "{stdout}"
    );
    assert!(restarted.contains(SADDLE), "{stdout}");
    assert!(
        after(restarted, "> summary\n").contains("(none yet)"),
        "{stdout}"
    );
    assert!(
        after(restarted, "> yes\n").contains("=== RESULT: EMERGENCY"),
        "{stdout}"
    );
}

#[test]
fn summary_lists_answers_and_notes() {
    let stdout = talk("no\n70\nyes\nsummary\n");
    let summary = after(&stdout, "> summary\n");
    assert!(
        summary.contains("  2. How old are you?\n     You said: 70 years\n"),
        "{summary}"
    );
    assert!(
        summary.contains("Notes for the massage:\n  - Gentle pressure only."),
        "{summary}"
    );
}

#[test]
fn quit_stops_reading() {
    let stdout = talk("no\nquit\n34\n");
    assert!(!stdout.contains("> 34"), "read on after quit:\n{stdout}");
    assert!(
        stdout.contains("The assessment was not finished."),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("Goodbye. Take care."),
        "{stdout}"
    );
}

#[test]
fn answers_after_the_result_are_refused_politely() {
    let stdout = talk("yes\nno\n");
    assert!(
        after(&stdout, "> no\n").starts_with("The assessment is complete."),
        "{stdout}"
    );
}

// ---------------------------------------------------------------- hostile input

#[test]
fn a_one_mebibyte_line_gets_a_short_message() {
    let mut input = "x".repeat(1 << 20);
    input.push_str("\nno\n");
    let output = chat(MINI, input).output().unwrap();
    assert_clean(&output);
    let stdout = text(&output.stdout);
    assert!(
        stdout.len() < 10_000,
        "the long line is repeated back: {} bytes",
        stdout.len()
    );
    // Issue 15: a line over 4096 bytes is refused, not held or interpreted.
    assert!(stdout.contains("is longer than 4096 bytes"), "{stdout}");
    assert!(stdout.contains("How old are you?"), "{stdout}");
}

#[test]
fn non_utf8_bytes_get_a_message_and_the_chat_goes_on() {
    let stdout = talk(b"\xff\xfe\xc3\x28\nno\n".as_slice());
    assert!(
        stdout.contains("That line could not be read as text."),
        "{stdout}"
    );
    assert!(
        after(&stdout, "> no\n").contains("How old are you?"),
        "{stdout}"
    );
}

#[test]
fn random_binary_with_nuls_does_not_crash() {
    let output = chat(MINI, random_bytes(64 * 1024)).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(output.stderr.is_empty(), "{}", describe(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("could not be read as text"), "{stdout}");
    assert!(stdout.contains("is not one of the answers"), "{stdout}");
    assert!(
        stdout.trim_end().ends_with("Goodbye. Take care."),
        "{stdout}"
    );
}

#[test]
fn escape_sequences_typed_in_are_not_echoed_raw() {
    // A line of valid UTF-8 holding terminal control codes: the echo and the
    // error message must not pass them on to the terminal.
    let stdout = chat(MINI, "\x1b[2J\x1b[31mred\x07\nno\n").output().unwrap();
    assert!(
        !stdout.stdout.contains(&0x1b),
        "input escape codes reach stdout:\n{}",
        String::from_utf8_lossy(&stdout.stdout).escape_debug()
    );
    assert_eq!(stdout.status.code(), Some(0));
}

#[test]
fn no_escape_codes_without_no_color_even_when_colour_is_forced() {
    let output = backcheck(&["chat", "--knowledge", MINI])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .env("TERM", "xterm-256color")
        .write_stdin(format!("purple\n{TREAT}how\nsummary\nwhy\nhelp\n"))
        .output()
        .unwrap();
    assert_clean(&output);
}

/// stdin piped but stdout a terminal (`backcheck chat < answers.txt`): piped
/// input means plain text, whatever stdout is.
#[cfg(unix)]
#[test]
fn piped_input_to_a_terminal_prints_no_escape_codes() {
    use expectrl::{Eof, Expect, Session};
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg("printf 'no\\n34\\n' | exec \"$0\" chat --knowledge \"$1\"")
        .arg(env!("CARGO_BIN_EXE_backcheck"))
        .arg(MINI)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    let mut session = Session::spawn(command).expect("spawn in a pseudo-terminal");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    let found = session
        .expect(Eof)
        .expect("the chat ends at the end of its input");
    let stdout = String::from_utf8_lossy(found.as_bytes()).into_owned();
    assert!(stdout.contains("How old are you?"), "{stdout}");
    assert!(
        !stdout.contains('\x1b'),
        "escape codes with piped input:\n{}",
        stdout.escape_debug()
    );
}

/// Deterministic noise: random bytes with NULs and newlines, and a few lines
/// that are valid UTF-8 but full of control characters.
fn random_bytes(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut bytes = Vec::with_capacity(len + 64);
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let byte = (state >> 24) as u8;
        bytes.push(match byte % 16 {
            0 => 0,
            1 => b'\n',
            _ => byte,
        });
    }
    bytes.extend_from_slice(b"\n\x00\x00yes\x00\n\x00\n\x01\x02\x03\n");
    bytes
}

#[test]
fn how_before_the_end_names_the_question_being_asked() {
    let stdout = talk("no\nhow\n");
    let how = after(&stdout, "> how\n");
    assert!(
        how.contains("   You said \"No\", so we are now asking question 2.\n"),
        "{how}"
    );
}

#[test]
fn whatif_by_number_leaves_the_answers_alone() {
    let stdout = talk(format!(
        "{TREAT}whatif 4=below the knee\nsummary\nwhatif 9=no\n"
    ));
    let what_if = after(&stdout, "> whatif 4=below the knee\n");
    assert!(
        what_if.starts_with(
            "If your answer to question 4 (\"Does the pain spread?\") were \"below the knee\", \
             the result would be \"See your doctor before a massage\""
        ),
        "{stdout}"
    );
    assert!(
        after(what_if, "> summary\n").contains("You said: No, it stays in my back"),
        "{stdout}"
    );
    assert!(
        after(&stdout, "> whatif 9=no\n").starts_with("There is no answered question 9"),
        "{stdout}"
    );
}

#[test]
fn answering_for_someone_else_every_text_speaks_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = "it's for my husband, his lower back\nyes\n70\nno\nyes\nquit\n";
    let output = common::piped(&["chat"], dir.path(), input);
    let screen = common::text(&output.stdout);
    assert!(screen.contains("How old are they?"), "{screen}");
    assert!(
        screen.contains("Is the skin around their bottom, between their legs"),
        "{screen}"
    );
    assert!(
        screen.contains("have they been unable to pee when they need to"),
        "{screen}"
    );
    // The result and its advice too; "your answer" stays the helper's own.
    let result = screen.split("=== RESULT").nth(1).expect("a result");
    assert!(result.contains("Say that they have back pain"), "{result}");
    assert!(result.contains("which of these they have"), "{result}");
    assert!(
        result.contains("This result comes from your answer"),
        "{result}"
    );
    assert!(!result.contains(" you "), "{result}");

    // For the person in pain, nothing changes.
    let input = "yes, my own back\nyes\n70\nno\nyes\nquit\n";
    let own = common::text(&common::piped(&["chat"], dir.path(), input).stdout);
    assert!(own.contains("Is the skin around your bottom"), "{own}");
    assert!(own.contains("Say that you have back pain"), "{own}");
}

/// Answering for someone: a list's choices, the words said back, the
/// summary and the result quote them in the third person, and the one
/// relative named is the person ("my mum had cancer" said for one's mum).
#[test]
fn answering_for_someone_else_the_lists_and_the_summary_speak_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = "it's for my mum\nyes\n72\nno\nno\nno\nno\nno\nno\nno\nno\n\
                 my mum had cancer years ago\nsummary\nquit\n\n";
    let output = common::piped(&["chat"], dir.path(), input);
    let screen = common::text(&output.stdout);
    assert!(
        screen.contains("  1) They have cancer now, or have had cancer in the past"),
        "{screen}"
    );
    assert!(
        screen.contains("→ They have cancer now, or have had cancer in the past"),
        "{screen}"
    );
    assert!(
        screen.contains("You said \"They have cancer now"),
        "{screen}"
    );
    let summary = screen.split("> summary").nth(1).expect("a summary");
    assert!(
        summary.contains("Which of these have happened to them?"),
        "{summary}"
    );
    assert!(
        summary.contains("You said: They have cancer now"),
        "{summary}"
    );
}
