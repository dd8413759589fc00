//! Save and resume from the command line, and what happens to bad session files.

use crate::common;

use std::process::Output;

fn chat(dir: &std::path::Path, extra: &[&str], input: &str) -> Output {
    let mut args = vec!["chat", "--knowledge", common::MINI];
    args.extend_from_slice(extra);
    common::piped(&args, dir, input)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The outcome screen: everything from the result banner to the closing hint.
fn outcome_screen(text: &str) -> String {
    let start = text.find("=== RESULT").expect("an outcome");
    let end = text[start..]
        .find("Type `how`")
        .map_or(text.len(), |e| start + e);
    text[start..end].to_string()
}

#[test]
fn save_then_resume_reaches_the_same_outcome_as_one_sitting() {
    let dir = tempfile::tempdir().unwrap();
    let whole = chat(dir.path(), &[], "no\n70\nyes\nthigh\nface down\n");
    let first = chat(dir.path(), &[], "no\n70\nyes\nsave s.json\n");
    assert!(stdout(&first).contains("Answers saved to s.json"));
    let rest = chat(dir.path(), &["--resume", "s.json"], "thigh\nface down\n");
    assert!(rest.status.success());
    assert_eq!(
        outcome_screen(&stdout(&whole)),
        outcome_screen(&stdout(&rest))
    );
    assert!(stdout(&rest).contains("Side-lying instead of face-down."));
}

#[test]
fn a_corrupt_session_file_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let good = chat(dir.path(), &[], "no\n70\nsave s.json\n");
    assert!(good.status.success());
    let bytes = std::fs::read(dir.path().join("s.json")).unwrap();
    for (name, contents) in [
        ("truncated.json", bytes[..bytes.len() / 2].to_vec()),
        ("binary.json", vec![0, 159, 146, 150, 255]),
        ("foreign.json", br#"{"hello": "world"}"#.to_vec()),
        (
            "wrong-format.json",
            String::from_utf8(bytes.clone())
                .unwrap()
                .replace("backcheck-session", "other")
                .into_bytes(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &contents).unwrap();
        let output = chat(dir.path(), &["--resume", name], "");
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("cannot resume {name}")),
            "{name}: {stderr}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            contents,
            "{name} was changed"
        );
    }
}

#[test]
fn a_session_from_other_knowledge_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    chat(dir.path(), &[], "no\n70\nyes\nsave s.json\n");
    let text = std::fs::read_to_string(dir.path().join("s.json")).unwrap();
    let hash_start = text.find("\"hash\": \"").unwrap() + 9;
    let changed = format!(
        "{}0000000000000000{}",
        &text[..hash_start],
        &text[hash_start + 16..]
    );
    std::fs::write(dir.path().join("old.json"), changed).unwrap();
    let refused = chat(dir.path(), &["--resume", "old.json"], "");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    let forced = chat(
        dir.path(),
        &["--resume", "old.json", "--force"],
        "none\nnothing\n",
    );
    assert!(forced.status.success());
    assert!(stdout(&forced).contains("RESULT: MASSAGE WITH CHANGES"));
}

#[test]
fn a_report_is_written_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let output = chat(dir.path(), &["--report", "report.md"], "unsure\n");
    assert!(output.status.success());
    let report = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(
        report.contains("**Call emergency services now** (refer emergency)"),
        "{report}"
    );
    assert!(
        report.contains("| 1 | Numbness around your bottom or genitals? | Not sure |"),
        "{report}"
    );
    assert!(report.contains("content "), "{report}");
    let plain = tempfile::tempdir().unwrap();
    chat(plain.path(), &[], "unsure\n");
    assert_eq!(std::fs::read_dir(plain.path()).unwrap().count(), 0);
}

/// The names in `dir`, sorted.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_name_says_what_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let output = chat(
        dir.path(),
        &[],
        "no\n70\nsave r.txt\nsave r.html\nsave r.md\nsave s.json\nsave report\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    for report in ["r.txt", "r.md"] {
        assert!(
            read(report).starts_with("# backcheck report"),
            "{report}: {}",
            read(report)
        );
    }
    let html = read("r.html");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("backcheck report"), "{html}");
    assert!(read("s.json").contains("backcheck-session"));
    // A bare name does not say which; piped, there is no one to ask.
    assert_eq!(names(dir.path()), ["r.html", "r.md", "r.txt", "s.json"]);
    assert!(
        stdout(&output).contains("Could not save to report: "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn backcheck_resume_works_without_chat() {
    let dir = tempfile::tempdir().unwrap();
    chat(dir.path(), &[], "no\n70\nsave s.json\n");
    let output = common::piped(
        &["--knowledge", common::MINI, "--resume", "s.json"],
        dir.path(),
        "quit\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    assert!(
        stdout(&output).contains("Resumed 2 answer(s) from s.json"),
        "{}",
        common::describe(&output)
    );
}

#[test]
fn the_continue_later_hint_is_a_command_that_works() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["-rf.json", "my answers.json", "it's $HOME.json"] {
        let output = common::piped(&["chat"], dir.path(), &format!("1\n1\n40\nsave {name}\n"));
        let out = stdout(&output);
        let hint = out
            .lines()
            .find_map(|line| {
                line.split_once("Continue later with: ")
                    .map(|(_, hint)| hint)
            })
            .unwrap_or_else(|| panic!("no hint:\n{out}"));
        let command = hint
            .strip_prefix("backcheck ")
            .map(|rest| format!("'{}' {rest}", env!("CARGO_BIN_EXE_backcheck")))
            .unwrap_or_else(|| panic!("{hint}"));
        let resumed = std::process::Command::new("sh")
            .args(["-c", &format!("{command} </dev/null")])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&resumed.stdout).contains("Resumed 3 answer(s)"),
            "{name}: `{hint}`\n{}",
            common::describe(&resumed)
        );
    }
}

#[test]
fn leaving_with_a_report_to_write_does_not_say_nothing_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let output = chat(dir.path(), &["--report", "early.md"], "no\n30\nquit\n");
    assert!(output.status.success(), "{}", common::describe(&output));
    assert!(dir.path().join("early.md").is_file());
    let out = stdout(&output);
    assert!(!out.contains("Nothing was saved"), "{out}");
    assert!(out.contains("early.md"), "{out}");
}

#[test]
fn unknown_fields_are_refused_at_every_level_of_a_session() {
    let dir = tempfile::tempdir().unwrap();
    chat(dir.path(), &[], "no\n70\nsave s.json\n");
    let text = std::fs::read_to_string(dir.path().join("s.json")).unwrap();
    for (name, from, to) in [
        ("top.json", "\"format\"", "\"extra\": 1, \"format\""),
        ("knowledge.json", "\"name\"", "\"extra\": 1, \"name\""),
        ("answer.json", "\"question\"", "\"extra\": 1, \"question\""),
    ] {
        assert!(text.contains(from), "{text}");
        std::fs::write(dir.path().join(name), text.replacen(from, to, 1)).unwrap();
        let output = chat(dir.path(), &["--resume", name], "");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: {}",
            common::describe(&output)
        );
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("not a backcheck session file"),
            "{name}: {}",
            common::describe(&output)
        );
    }
}

#[test]
fn what_was_resumed_is_said_below_the_banner() {
    let dir = tempfile::tempdir().unwrap();
    chat(dir.path(), &[], "no\n70\nsave s.json\n");
    let output = chat(dir.path(), &["--resume", "s.json"], "");
    let out = stdout(&output);
    let banner = out.find("Type `help` for commands").expect("the banner");
    let resumed = out
        .find("Resumed 2 answer(s) from s.json.")
        .unwrap_or_else(|| {
            panic!(
                "not said with the conversation:\n{}",
                common::describe(&output)
            )
        });
    let question = out.find("Question 3").expect("the next question");
    assert!(banner < resumed && resumed < question, "{out}");
}
