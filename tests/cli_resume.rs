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
