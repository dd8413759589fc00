//! Hostile use (issue 15): what a person typed is never lost or exposed, and
//! nothing at the edges of the process (files, links, pipes, signals,
//! counts) crashes, hangs or writes where it should not.
//!
//! One test per attack, grouped by class: writing files, reading files,
//! closed pipes, terminal safety, signals, limits, meaning. Each states the
//! attack and what must hold; each failed before the fix it guards.

#![cfg(unix)]

use crate::common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;

use common::{Knowledge, MINI, backcheck, describe, piped, text};
use expectrl::{ControlCode, Expect};

/// Answers that finish the mini graph (saddle, age, bones, radiation, worse).
const MINI_TREAT: &str = "no\n40\nno\nnone\nnothing\n";

fn mini_chat(dir: &Path, extra: &[&str], input: &str) -> Output {
    let mut args = vec!["chat", "--knowledge", MINI];
    args.extend_from_slice(extra);
    piped(&args, dir, input)
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn no_escape_codes(output: &Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        assert!(
            !bytes.contains(&0x1b) && !String::from_utf8_lossy(bytes).contains('\u{202E}'),
            "raw escape or bidi control on {stream}:\n{}",
            describe(output)
        );
    }
}

fn no_panic(output: &Output) {
    assert_ne!(output.status.code(), Some(101), "{}", describe(output));
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        describe(output)
    );
}

/// `backcheck ARGS` that must end within 10 s (a FIFO, a device).
fn bounded(args: &[&str]) -> Output {
    backcheck(args)
        .timeout(Duration::from_secs(10))
        .output()
        .expect("run backcheck")
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

// ================================================================ writing files

#[test]
fn save_does_not_follow_a_planted_link() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    symlink(&victim, dir.path().join("s.json")).unwrap();
    let output = mini_chat(dir.path(), &[], "no\nsave s.json\n");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        text(&output.stdout).contains("Could not save to s.json"),
        "{}",
        describe(&output)
    );
    assert!(
        fs::symlink_metadata(dir.path().join("s.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_report_does_not_follow_a_planted_link() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    symlink(&victim, dir.path().join("r.md")).unwrap();
    for force in [false, true] {
        let mut args = vec![
            "run",
            "--knowledge",
            MINI,
            "--answers",
            "saddle=unsure",
            "--report",
            "r.md",
        ];
        if force {
            args.push("--force");
        }
        let output = piped(&args, dir.path(), "");
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }
}

#[test]
fn saved_sessions_and_reports_are_private() {
    let dir = tempfile::tempdir().unwrap();
    mini_chat(
        dir.path(),
        &["--report", "chat.md"],
        "no\nsave s.json\nsave r.md\n",
    );
    piped(
        &[
            "run",
            "--knowledge",
            MINI,
            "--answers",
            "saddle=yes",
            "--report",
            "run.md",
        ],
        dir.path(),
        "",
    );
    for name in ["s.json", "r.md", "chat.md", "run.md"] {
        assert_eq!(mode(&dir.path().join(name)), 0o600, "{name}");
    }
}

#[test]
fn replacing_a_private_report_keeps_it_private() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.md");
    fs::write(&report, "old").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o600)).unwrap();
    let args = [
        "run",
        "--knowledge",
        MINI,
        "--answers",
        "saddle=yes",
        "--report",
        "r.md",
        "--force",
    ];
    let output = piped(&args, dir.path(), "");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert_eq!(mode(&report), 0o600);
    assert!(fs::read_to_string(&report).unwrap().contains("emergency"));
}

#[test]
fn an_existing_file_is_not_replaced_without_a_question() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.json"), "mine").unwrap();
    let output = mini_chat(dir.path(), &[], "no\nsave s.json\n");
    assert!(
        text(&output.stdout).contains("already exists"),
        "{}",
        describe(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("s.json")).unwrap(),
        "mine"
    );
    let args = [
        "run",
        "--knowledge",
        MINI,
        "--answers",
        "saddle=yes",
        "--report",
        "s.json",
    ];
    let output = piped(&args, dir.path(), "");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("--force"),
        "{}",
        describe(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("s.json")).unwrap(),
        "mine"
    );
}

#[test]
fn a_conversation_may_update_its_own_save() {
    let dir = tempfile::tempdir().unwrap();
    let output = mini_chat(dir.path(), &[], "no\nsave s.json\n40\nsave s.json\n");
    assert_eq!(
        text(&output.stdout)
            .matches("Answers saved to s.json")
            .count(),
        2,
        "{}",
        describe(&output)
    );
    assert!(
        fs::read_to_string(dir.path().join("s.json"))
            .unwrap()
            .contains("40")
    );
}

#[test]
fn a_failed_save_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("taken.json")).unwrap();
    let output = mini_chat(
        dir.path(),
        &[],
        "no\nsave taken.json\nsave missing/x.json\n",
    );
    assert_eq!(
        text(&output.stdout).matches("Could not save").count(),
        2,
        "{}",
        describe(&output)
    );
    assert_eq!(names(dir.path()), ["taken.json"]);
}

#[test]
fn a_save_through_a_folder_link_names_where_it_went() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("elsewhere")).unwrap();
    symlink(dir.path().join("elsewhere"), dir.path().join("here")).unwrap();
    let output = mini_chat(dir.path(), &[], "no\nsave here/s.json\n");
    let out = text(&output.stdout);
    assert!(out.contains("Answers saved to here/s.json"), "{out}");
    assert!(
        out.contains(&format!(
            "here is a link: the file is in {}",
            dir.path()
                .join("elsewhere")
                .canonicalize()
                .unwrap()
                .display()
        )),
        "{out}"
    );
    assert!(dir.path().join("elsewhere/s.json").is_file());
}

#[test]
fn replacing_a_read_only_report_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.md");
    fs::write(&report, "mine").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o444)).unwrap();
    let output = mini_chat(dir.path(), &["--report", "r.md", "--force"], MINI_TREAT);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("read-only"),
        "{}",
        describe(&output)
    );
    assert_eq!(fs::read_to_string(&report).unwrap(), "mine");
}

#[test]
fn a_255_character_file_name_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.json", "s".repeat(250));
    let output = mini_chat(dir.path(), &[], &format!("no\nsave {name}\n"));
    assert!(
        text(&output.stdout).contains("Answers saved to"),
        "{}",
        describe(&output)
    );
    assert!(dir.path().join(&name).is_file());
}

#[test]
fn chat_report_to_a_bad_path_fails_before_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let output = mini_chat(
        dir.path(),
        &["--report", "/no/such/folder/r.md"],
        MINI_TREAT,
    );
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        !text(&output.stdout).contains("Numbness"),
        "asked questions first:\n{}",
        describe(&output)
    );
    assert!(
        text(&output.stderr).contains("cannot write the report"),
        "{}",
        describe(&output)
    );
}

#[test]
fn history_refuses_a_file_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    let lines: String = (0..300).map(|n| format!("line {n}\n")).collect();
    fs::write(&notes, &lines).unwrap();
    let mut p = common::pty(
        &["chat", "--knowledge", MINI, "--history", "notes.txt"],
        dir.path(),
    );
    p.expect("is not a history file backcheck wrote").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!(fs::read_to_string(&notes).unwrap(), lines);
}

#[test]
fn history_keeps_its_own_file_across_sessions() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..2 {
        let mut p = common::pty(
            &["chat", "--knowledge", MINI, "--history", "h.txt"],
            dir.path(),
        );
        p.expect("Not sure").unwrap();
        p.expect("> ").unwrap();
        p.send_line(if round == 0 { "why" } else { "help" })
            .unwrap();
        p.expect(if round == 0 { "Source" } else { "Commands" })
            .unwrap();
        p.send_line("quit").unwrap();
        p.expect("Goodbye").unwrap();
        p.expect(expectrl::Eof).unwrap();
    }
    let history = fs::read_to_string(dir.path().join("h.txt")).unwrap();
    assert!(history.starts_with("# backcheck chat history"), "{history}");
    assert!(
        history.contains("\nwhy\n") && history.contains("\nhelp\n"),
        "{history}"
    );
    assert_eq!(mode(&dir.path().join("h.txt")), 0o600);
}

#[test]
fn history_never_keeps_a_line_it_refused() {
    let dir = tempfile::tempdir().unwrap();
    let long = "z".repeat(5000);
    let mut p = common::pty(
        &["chat", "--knowledge", MINI, "--history", "h.txt"],
        dir.path(),
    );
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line(&long).unwrap();
    p.expect("longer than 4096 bytes").unwrap();
    p.send_line("why").unwrap();
    p.expect("Source").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Goodbye").unwrap();
    p.expect(expectrl::Eof).unwrap();
    let history = fs::read_to_string(dir.path().join("h.txt")).unwrap();
    assert!(history.contains("\nwhy\n"), "{history}");
    assert!(!history.contains("zzzz"), "the refused line was kept");
}

#[test]
fn history_with_piped_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for history in ["h.txt", "no/such/h.txt"] {
        let output = mini_chat(dir.path(), &["--history", history], MINI_TREAT);
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        assert!(
            text(&output.stderr).contains("--history keeps what is typed at a terminal"),
            "{}",
            describe(&output)
        );
        assert!(
            !text(&output.stdout).contains("Numbness"),
            "{}",
            describe(&output)
        );
    }
    assert!(names(dir.path()).is_empty());
}

#[test]
fn history_in_a_missing_folder_fails_before_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(
        &["chat", "--knowledge", MINI, "--history", "no/such/h.txt"],
        dir.path(),
    );
    p.expect("cannot keep the history in no/such/h.txt: its folder does not exist")
        .unwrap();
    p.expect(expectrl::Eof).unwrap();
}

#[test]
fn history_refuses_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    symlink(&victim, dir.path().join("h.txt")).unwrap();
    let mut p = common::pty(
        &["chat", "--knowledge", MINI, "--history", "h.txt"],
        dir.path(),
    );
    p.expect("is a link").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn a_report_to_a_fifo_or_a_device_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("r.md");
    mkfifo(&fifo);
    for target in [fifo.to_str().unwrap(), "/dev/null", "/dev/zero"] {
        for force in [false, true] {
            let mut args = vec![
                "run",
                "--knowledge",
                MINI,
                "--answers",
                "saddle=yes",
                "--report",
                target,
            ];
            if force {
                args.push("--force");
            }
            let output = bounded(&args);
            assert_eq!(
                output.status.code(),
                Some(2),
                "{target}: {}",
                describe(&output)
            );
        }
    }
    let output = mini_chat(dir.path(), &[], "no\nsave /dev/null\nsave r.md\n");
    assert_eq!(
        text(&output.stdout).matches("Could not save").count(),
        2,
        "{}",
        describe(&output)
    );
}

#[test]
fn save_as_no_does_not_save_a_file_named_no() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("no").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect("save as> ").unwrap();
    p.send_line("no").unwrap();
    p.expect("Nothing was saved").unwrap();
    p.expect("Goodbye").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

#[test]
fn save_as_yes_saves_under_the_suggested_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("no").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect("save as> ").unwrap();
    p.send_line("yes").unwrap();
    p.expect("Answers saved to backcheck-session.json").unwrap();
    p.expect("Goodbye").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!(names(dir.path()), ["backcheck-session.json"]);
}

#[test]
fn a_bare_save_name_asks_which() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("save report").unwrap();
    p.expect("answers or report? ").unwrap();
    p.send_line("report").unwrap();
    p.expect("Report saved to report.md").unwrap();
    p.send_line("save mine").unwrap();
    p.expect("answers or report? ").unwrap();
    p.send_line("answers").unwrap();
    p.expect("Answers saved to mine.json").unwrap();
    p.send_line("quit").unwrap();
    p.expect("Goodbye").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!(names(dir.path()), ["mine.json", "report.md"]);
}

#[test]
fn a_failed_save_as_offers_a_retry_and_quit_offers_to_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("no").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send_line("quit").unwrap();
    p.expect("save as> ").unwrap();
    p.send_line("missing/x.json").unwrap();
    p.expect("Could not save").unwrap();
    p.expect("Type another file name").unwrap();
    p.expect("save as> ").unwrap();
    // Ctrl-C clears the name being typed; the offer stands.
    p.send("half").unwrap();
    p.send(ControlCode::EndOfText).unwrap();
    p.expect("Line cleared").unwrap();
    p.expect("save as> ").unwrap();
    p.send_line("ok.json").unwrap();
    p.expect("Answers saved to ok.json").unwrap();
    p.expect("Goodbye").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!(names(dir.path()), ["ok.json"]);
}

#[test]
fn replacing_a_file_in_the_chat_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.json"), "mine").unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("save s.json").unwrap();
    p.expect("already exists. Type `yes` to replace it")
        .unwrap();
    p.send_line("n").unwrap();
    p.expect("left as it was").unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("s.json")).unwrap(),
        "mine"
    );
    p.send_line("save s.json").unwrap();
    p.expect("already exists. Type `yes` to replace it")
        .unwrap();
    p.send_line("yes").unwrap();
    p.expect("Answers saved to s.json").unwrap();
    p.send_line("no").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect("save as> ").unwrap();
    p.send_line("").unwrap();
    // An earlier save is not called "nothing".
    p.expect("The answers since your last save (to s.json)")
        .unwrap();
    p.expect("Goodbye").unwrap();
    assert!(
        fs::read_to_string(dir.path().join("s.json"))
            .unwrap()
            .contains("backcheck-session")
    );
}

#[test]
fn fmt_never_writes_outside_the_folder() {
    let outside = Knowledge::empty().file(
        "x.flow",
        "question   first {\n ask \"Sore?\"\n yes -> a\n no -> b\n}\n",
    );
    let before = fs::read_to_string(outside.join("x.flow")).unwrap();
    for link_to in [outside.join("x.flow"), outside.path().to_path_buf()] {
        let knowledge = Knowledge::mini();
        symlink(&link_to, knowledge.join("linked.flow")).unwrap();
        let output = backcheck(&["fmt", knowledge.arg()]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        assert!(
            text(&output.stderr).contains("outside the knowledge folder"),
            "{}",
            describe(&output)
        );
        assert_eq!(fs::read_to_string(outside.join("x.flow")).unwrap(), before);
    }
}

#[test]
fn fmt_does_not_replace_a_named_link() {
    let outside = Knowledge::empty().file(
        "x.flow",
        "question   first {\n ask \"Sore?\"\n yes -> a\n no -> b\n}\n",
    );
    let here = tempfile::tempdir().unwrap();
    symlink(outside.join("x.flow"), here.path().join("x.flow")).unwrap();
    let before = fs::read_to_string(outside.join("x.flow")).unwrap();
    let output = backcheck(&["fmt", here.path().join("x.flow").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert_eq!(fs::read_to_string(outside.join("x.flow")).unwrap(), before);
}

#[test]
fn fmt_lists_a_looped_file_once_and_keeps_its_mode() {
    let knowledge = Knowledge::empty().file(
        "sub/a.flow",
        "question   first {\n ask \"Sore?\"\n yes -> a\n no -> b\n}\n",
    );
    fs::set_permissions(
        knowledge.join("sub/a.flow"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    symlink(knowledge.path(), knowledge.join("sub/loop")).unwrap();
    symlink("..", knowledge.join("sub/up")).unwrap();
    let output = backcheck(&["fmt", "--check", knowledge.arg()])
        .output()
        .unwrap();
    assert_eq!(
        text(&output.stdout).lines().count(),
        1,
        "{}",
        describe(&output)
    );
    let output = backcheck(&["fmt", knowledge.arg()]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert_eq!(mode(&knowledge.join("sub/a.flow")), 0o644);
}

// ================================================================ reading files

#[test]
fn a_fifo_named_like_knowledge_does_not_hang() {
    let knowledge = Knowledge::mini();
    mkfifo(&knowledge.join("x.flow"));
    for command in ["check", "fmt"] {
        let output = bounded(&[command, knowledge.arg()]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command}: {}",
            describe(&output)
        );
        assert!(
            text(&output.stderr).contains("not a regular file"),
            "{}",
            describe(&output)
        );
    }
}

#[test]
fn a_fifo_or_a_device_as_the_resume_file_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("s.json");
    mkfifo(&fifo);
    for file in [fifo.to_str().unwrap(), "/dev/zero", "/dev/null", "/"] {
        let output = bounded(&["chat", "--knowledge", MINI, "--resume", file]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{file}: {}",
            describe(&output)
        );
        assert!(
            text(&output.stderr).contains("not a regular file"),
            "{}",
            describe(&output)
        );
    }
}

#[test]
fn fmt_of_a_device_does_not_hang() {
    let output = bounded(&["fmt", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
}

#[test]
fn a_huge_resume_file_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = fs::File::create(dir.path().join("s.json")).unwrap();
    file.set_len(1 << 30).unwrap();
    let output = bounded(&[
        "chat",
        "--knowledge",
        MINI,
        "--resume",
        dir.path().join("s.json").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("larger than 4 MiB"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_huge_knowledge_file_is_refused_by_its_size() {
    let knowledge = Knowledge::mini();
    fs::File::create(knowledge.join("big.flow"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let output = bounded(&["check", knowledge.arg()]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("larger than 64 MiB"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_huge_knowledge_folder_is_refused_by_its_total_size() {
    let knowledge = Knowledge::mini();
    for name in ["big1.flow", "big2.flow"] {
        fs::File::create(knowledge.join(name))
            .unwrap()
            .set_len(40 << 20)
            .unwrap();
    }
    let output = bounded(&["check", knowledge.arg()]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("more than the 64 MiB a knowledge folder may hold in all"),
        "{}",
        describe(&output)
    );
}

#[test]
fn endless_input_without_line_ends_stops() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"))
        .args(["chat", "--knowledge", MINI])
        .env("NO_COLOR", "1")
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("still reading /dev/zero after 20 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("longer than 4096 bytes"), "{stdout}");
    assert!(stdout.len() < 10_000, "{} bytes of output", stdout.len());
}

#[test]
fn an_unrelated_dangling_link_does_not_stop_a_load() {
    let knowledge = Knowledge::mini();
    symlink(knowledge.join("gone.txt"), knowledge.join("notes.txt")).unwrap();
    symlink("/etc/passwd", knowledge.join("passwd.txt")).unwrap();
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
}

#[test]
fn a_255_character_knowledge_file_name_is_read() {
    let name = format!("{}.flow", "n".repeat(250));
    let knowledge = Knowledge::mini().file(&name, "// nothing here yet\n");
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
}

// ================================================================ closed pipes

/// `backcheck ARGS` writing to a pipe nobody reads (`| head -0`).
fn with_closed_stdout(args: &[&str], input: &str) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let flow = dir.path().join("unformatted.flow");
    fs::write(
        &flow,
        "question   first {\n ask \"Sore?\"\n yes -> a\n no -> b\n}\n",
    )
    .unwrap();
    // The small fixtures: verify on the shipped knowledge takes seconds in
    // a debug build, and the closed pipe is the same.
    const REHEARSE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rehearse");
    let commands: &[&[&str]] = &[
        &["check", "--knowledge", MINI],
        &["verify", "--knowledge", MINI],
        &["test", "--knowledge", MINI],
        &["graph", "--knowledge", MINI],
        &["rehearse", "--list", "--knowledge", REHEARSE],
        &["rehearse", "--json", "--knowledge", REHEARSE],
        &["fmt", "--check", flow.to_str().unwrap()],
        &["run", "--answers", "opening=self_pain,back_pain=no"],
        &[
            "run",
            "--json",
            "--answers",
            "opening=self_pain,back_pain=no",
        ],
        &["chat"],
    ];
    for args in commands {
        let output = with_closed_stdout(args, "no\n");
        assert_eq!(
            output.status.code(),
            Some(141),
            "{args:?}: {}",
            describe(&output)
        );
        // rehearse --json talks on stderr; nothing else writes there.
        if args[0] != "rehearse" {
            assert!(output.stderr.is_empty(), "{args:?}: {}", describe(&output));
        }
        no_panic(&output);
    }
}

#[test]
fn a_closed_stderr_does_not_panic() {
    let knowledge = Knowledge::main(
        "question first {\n  ask \"Sore?\"\n  yes -> nowhere\n  no -> nowhere\n}\n",
    );
    let cases: Vec<(Vec<&str>, u8)> = vec![
        (vec!["check", knowledge.arg()], 1),
        (vec!["run", "--answers", "nonsense=1"], 2),
        // With --json the rehearsal talks on stderr: closed, it ends as a
        // closed stdout does.
        (
            vec![
                "rehearse",
                "--json",
                "--knowledge",
                "tests/fixtures/rehearse",
            ],
            141,
        ),
    ];
    for (args, code) in cases {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stderr(writer)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(i32::from(code)),
            "{args:?}: {}",
            describe(&output)
        );
    }
}

// ================================================================ terminal safety

#[test]
fn a_save_name_with_escape_codes_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let output = mini_chat(
        dir.path(),
        &[],
        "no\nsave \x1b]0;pwned\x07\x1b[2Jx.json\nsave /no/\u{202E}x.json\n",
    );
    no_escape_codes(&output);
    assert!(
        text(&output.stdout).contains("\\u{1b}"),
        "{}",
        describe(&output)
    );
}

#[test]
fn run_errors_show_ids_and_values_escaped_and_short() {
    let long = "q".repeat(130_000);
    let attacks = [
        format!("{long}=yes"),
        "\x1b[31mred=yes".to_string(),
        "saddle=\x1b[2J\u{202E}".to_string(),
        format!("saddle={long}"),
        "\x1b[2J".to_string(),
    ];
    for answers in &attacks {
        let output = backcheck(&["run", "--knowledge", MINI, "--answers", answers])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        no_escape_codes(&output);
        assert!(
            output.stderr.len() < 2_000,
            "{} bytes of error",
            output.stderr.len()
        );
    }
}

#[test]
fn resume_errors_show_saved_values_escaped_and_short() {
    let dir = tempfile::tempdir().unwrap();
    mini_chat(dir.path(), &[], "no\nsave s.json\n");
    let saved = fs::read_to_string(dir.path().join("s.json")).unwrap();
    let attacks = [
        saved.replace("safety.saddle", "\\u001b[2J\\u202e"),
        saved.replace("safety.saddle", &"x".repeat(130_000)),
        saved.replace("\"no\"", "\"\\u001b]0;pwned\\u0007\""),
    ];
    for (n, attack) in attacks.iter().enumerate() {
        let name = format!("a{n}\x1b[31m.json");
        fs::write(dir.path().join(&name), attack).unwrap();
        let output = mini_chat(dir.path(), &["--resume", &name], "");
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        no_escape_codes(&output);
        assert!(
            output.stderr.len() < 2_000,
            "{} bytes of error",
            output.stderr.len()
        );
    }
}

#[test]
fn a_file_name_with_escape_codes_is_shown_escaped_in_diagnostics() {
    let knowledge = Knowledge::mini().file("\x1b[2J\u{202E}.flow", "question broken {\n");
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    no_escape_codes(&output);
}

#[test]
fn knowledge_text_with_escape_or_bidi_characters_is_refused() {
    for hidden in ["\x1b[2J", "\u{202E}", "\u{2066}", "\x07"] {
        let knowledge = Knowledge::mini().edit(
            "pain.flow",
            "Does the pain spread?",
            &format!("Does the pain{hidden} spread?"),
        );
        for args in [
            vec!["check", knowledge.arg()],
            vec!["chat", "--knowledge", knowledge.arg()],
        ] {
            let output = backcheck(&args).output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
            assert!(
                text(&output.stderr).contains("invisible character"),
                "{}",
                describe(&output)
            );
            no_escape_codes(&output);
        }
        let output = backcheck(&[
            "fmt",
            "--check",
            knowledge.join("pain.flow").to_str().unwrap(),
        ])
        .output()
        .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        no_escape_codes(&output);
    }
}

/// A knowledge folder of `count` yes/no questions in a row (`first`, `q2`,
/// ...), every answer leading on, ending in one outcome.
fn chain(count: usize) -> Knowledge {
    let mut text = String::new();
    for n in 1..=count {
        let id = if n == 1 {
            "first".to_string()
        } else {
            format!("q{n}")
        };
        let next = if n == count { "done" } else { "next" };
        text.push_str(&format!(
            "question {id} {{\n  ask \"Sore {n}?\"\n  why \"Test.\"\n  source \"NICE NG59\"\n  yes -> {next}\n  no -> {next}\n}}\n"
        ));
    }
    text.push_str("outcome done {\n  verdict treat\n  title \"Fine\"\n  plan \"Rest.\"\n  source \"NICE NG59\"\n}\n");
    Knowledge::main(&text)
}

#[test]
fn answers_not_used_are_summed_up_not_listed_in_full() {
    let knowledge = chain(40);
    let dir = tempfile::tempdir().unwrap();
    let input = "yes\n".repeat(40) + "save s.json\n";
    piped(
        &["chat", "--knowledge", knowledge.arg()],
        dir.path(),
        &input,
    );
    // Saved with other knowledge, and the first answer no longer fits.
    let saved = fs::read_to_string(dir.path().join("s.json"))
        .unwrap()
        .replacen("\"yes\"", "\"maybe\"", 1)
        .replacen("\"hash\": \"", "\"hash\": \"x", 1);
    fs::write(dir.path().join("s.json"), saved).unwrap();
    let output = piped(
        &[
            "chat",
            "--knowledge",
            knowledge.arg(),
            "--resume",
            "s.json",
            "--force",
        ],
        dir.path(),
        "",
    );
    // Said under the greeting, with the conversation (issue 29 item 15).
    let said = text(&output.stdout);
    assert!(said.contains("were not used"), "{}", describe(&output));
    assert!(said.contains(" and 30 more"), "{said}");
    assert!(!said.contains("q40"), "{said}");
}

// ================================================================ signals

/// Whether the terminal reads whole lines (cooked), as the shell expects,
/// rather than key by key (raw), as the line editor sets it.
fn canonical(p: &expectrl::session::OsSession) -> bool {
    use nix::sys::termios::{LocalFlags, tcgetattr};
    let master = p.get_process().get_raw_handle().unwrap();
    tcgetattr(&master)
        .unwrap()
        .local_flags
        .contains(LocalFlags::ICANON)
}

/// SIGTERM or SIGHUP at a prompt: the terminal is handed back as it was
/// (echo on again), the person is told nothing was saved, and the status
/// is that of the signal.
fn stop_at_prompt(signal: &str, number: i32) {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("no").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    assert!(!canonical(&p), "the editor reads in raw mode");
    let pid = p.get_process().pid().to_string();
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(status.success());
    p.expect(format!("Stopped by SIG{signal}. Nothing was saved.").as_str())
        .unwrap();
    let status = format!("{:?}", p.get_process().wait().unwrap());
    assert!(status.contains(&format!(", {})", 128 + number)), "{status}");
    assert!(canonical(&p), "the terminal was left in raw mode");
    assert!(names(dir.path()).is_empty());
}

/// Waits until a save's temporary file is in `dir` (the save is half-way).
fn wait_for_temporary(dir: &Path) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !names(dir)
        .iter()
        .any(|name| name.starts_with(".backcheck-"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no save began: {:?}",
            names(dir)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Only whole files are left: the temporary file is gone, and the file
/// saved, if there, holds the whole session.
fn only_whole_files(dir: &Path) {
    let left = names(dir);
    assert!(
        left.iter().all(|name| !name.starts_with(".backcheck-")),
        "a temporary file was left: {left:?}"
    );
    if let Ok(saved) = fs::read_to_string(dir.join("s.json")) {
        assert!(saved.ends_with("}\n"), "{saved}");
    }
}

#[test]
fn a_signal_during_a_piped_save_leaves_no_temporary_file() {
    for signal in ["TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"))
            .args(["chat", "--knowledge", MINI])
            .current_dir(dir.path())
            .env("BACKCHECK_TEST_SLOW_WRITE_MS", "1500")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        std::io::Write::write_all(&mut stdin, b"no\nsave s.json\n").unwrap();
        wait_for_temporary(dir.path());
        kill(signal, child.id());
        child.wait().unwrap();
        drop(stdin);
        only_whole_files(dir.path());
    }
}

#[test]
fn a_signal_during_a_save_at_the_terminal_leaves_no_temporary_file() {
    for signal in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"));
        command
            .args(["chat", "--knowledge", MINI])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env("BACKCHECK_TEST_SLOW_WRITE_MS", "1500");
        let mut p = expectrl::Session::spawn(command).unwrap();
        p.set_expect_timeout(Some(Duration::from_secs(20)));
        p.expect("Not sure").unwrap();
        p.expect("> ").unwrap();
        p.send_line("no").unwrap();
        p.expect("(years).").unwrap();
        p.expect("> ").unwrap();
        p.send_line("save s.json").unwrap();
        wait_for_temporary(dir.path());
        kill(signal, p.get_process().pid().as_raw() as u32);
        // Read to the end: the process may be gone before an `expect` looks,
        // and what it said is still in the terminal's buffer.
        let mut rest = Vec::new();
        let _ = std::io::Read::read_to_end(&mut p, &mut rest);
        let rest = String::from_utf8_lossy(&rest);
        assert!(rest.contains(&format!("Stopped by SIG{signal}")), "{rest}");
        let _ = p.get_process().wait();
        only_whole_files(dir.path());
    }
}

#[test]
fn a_signal_after_a_save_does_not_say_nothing_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::pty(&["chat", "--knowledge", MINI], dir.path());
    p.expect("Not sure").unwrap();
    p.expect("> ").unwrap();
    p.send_line("no").unwrap();
    p.expect("(years).").unwrap();
    p.expect("> ").unwrap();
    p.send_line("save s.json").unwrap();
    p.expect("Answers saved to s.json").unwrap();
    p.expect("> ").unwrap();
    kill("HUP", p.get_process().pid().as_raw() as u32);
    let mut rest = Vec::new();
    let _ = std::io::Read::read_to_end(&mut p, &mut rest);
    let rest = String::from_utf8_lossy(&rest);
    assert!(rest.contains("Stopped by SIGHUP"), "{rest}");
    assert!(!rest.contains("Nothing was saved"), "{rest}");
    assert!(rest.contains("since your last save (to s.json)"), "{rest}");
}

#[test]
fn sigterm_at_a_prompt_restores_the_terminal() {
    stop_at_prompt("TERM", 15);
}

#[test]
fn sighup_at_a_prompt_restores_the_terminal() {
    stop_at_prompt("HUP", 1);
}

// ================================================================ limits

#[test]
fn a_huge_drill_count_is_refused_not_allocated() {
    for count in ["1000000000", "18446744073709551615", "0"] {
        let output = bounded(&[
            "rehearse",
            "--drill",
            count,
            "--knowledge",
            "tests/fixtures/rehearse",
        ]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{count}: {}",
            describe(&output)
        );
        assert!(
            text(&output.stderr).contains("--drill takes from 1 to 1000 items"),
            "{}",
            describe(&output)
        );
    }
}

#[test]
fn a_session_with_more_answers_than_questions_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    mini_chat(dir.path(), &[], "no\nsave s.json\n");
    let saved = fs::read_to_string(dir.path().join("s.json")).unwrap();
    let one = "{\"question\": \"safety.saddle\", \"answer\": \"no\"}";
    let many = vec![one; 50_000].join(",");
    let start = saved.find("\"answers\": [").unwrap() + "\"answers\": [".len();
    let end = saved.rfind(']').unwrap();
    fs::write(
        dir.path().join("s.json"),
        format!("{}{many}{}", &saved[..start], &saved[end..]),
    )
    .unwrap();
    let output = mini_chat(dir.path(), &["--resume", "s.json", "--force"], "");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("holds 50000 answers"),
        "{}",
        describe(&output)
    );
}

// ================================================================ meaning

#[test]
fn a_negative_number_is_not_option_one() {
    for value in ["-1", "+1", "- 1"] {
        let output = backcheck(&["run", "--answers", &format!("saddle_numbness={value}")])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{value}: {}",
            describe(&output)
        );
        assert!(
            !text(&output.stdout).contains("EMERGENCY"),
            "{}",
            describe(&output)
        );
    }
}

#[test]
fn a_plus_sign_on_a_number_is_not_a_comma() {
    let output = backcheck(&["run", "--knowledge", MINI, "--answers", "saddle=no,age=+30"])
        .output()
        .unwrap();
    assert!(
        !text(&output.stderr).contains("\",30\""),
        "{}",
        describe(&output)
    );
    assert_eq!(output.status.code(), Some(3), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("next question is `bones`"),
        "{}",
        describe(&output)
    );
}

#[test]
fn answers_off_the_path_are_reported() {
    let output = backcheck(&[
        "run",
        "--knowledge",
        MINI,
        "--answers",
        "saddle=yes,bones=no,radiation=none",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("2 answers were not used") && stderr.contains("bones"),
        "{stderr}"
    );
}

#[test]
fn an_ambiguous_short_id_does_not_suggest_itself() {
    let question = |next: &str| {
        format!(
            "question first {{\n  ask \"Sore?\"\n  why \"Test.\"\n  source \"NICE NG59\"\n  yes -> {next}\n  no -> {next}\n}}\n"
        )
    };
    let knowledge = Knowledge::with_header()
        .file("main.flow", question("other.first"))
        .file(
            "other.flow",
            question("done")
                + "outcome done {\n  verdict treat\n  title \"Fine\"\n  plan \"Rest.\"\n  source \"NICE NG59\"\n}\n",
        );
    let output = backcheck(&[
        "run",
        "--knowledge",
        knowledge.arg(),
        "--answers",
        "first=no",
    ])
    .output()
    .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(!stderr.contains("did you mean `first`"), "{stderr}");
    assert!(
        stderr.contains("ambiguous") && stderr.contains("main.first"),
        "{}",
        describe(&output)
    );
}

#[test]
fn repeated_choices_in_a_resumed_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    mini_chat(dir.path(), &[], "no\n70\nyes\nnone\nsave s.json\n");
    let saved = fs::read_to_string(dir.path().join("s.json")).unwrap();
    // The last answer, `worse`, is not saved yet: add it with a repeat.
    let end = saved.rfind(']').unwrap();
    let repeated = format!(
        "{}, {{\"question\": \"pain.worse\", \"answer\": [\"sitting\", \"sitting\", \"sitting\"]}}\n  {}",
        saved[..end].trim_end(),
        &saved[end..]
    );
    fs::write(dir.path().join("s.json"), repeated).unwrap();
    let output = mini_chat(dir.path(), &["--resume", "s.json"], "");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("more than once"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_bad_resumed_value_gets_a_plain_message() {
    let dir = tempfile::tempdir().unwrap();
    mini_chat(dir.path(), &[], "no\nsave s.json\n");
    let saved = fs::read_to_string(dir.path().join("s.json")).unwrap();
    fs::write(
        dir.path().join("s.json"),
        saved.replace("\"no\"", "{\"x\": true}"),
    )
    .unwrap();
    let output = mini_chat(dir.path(), &["--resume", "s.json"], "");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("not a backcheck session file") && stderr.contains("line"),
        "{stderr}"
    );
    for jargon in ["untagged", "invalid type", "expected a", "variant"] {
        assert!(!stderr.contains(jargon), "{jargon}: {stderr}");
    }
}

// ================================================================ soak

/// A small, seeded random source (splitmix64): the soak is reproducible.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[self.below(items.len())]
    }
}

/// What a person (or a fuzzer) might type: answers by number, id and
/// words for every question of the shipped knowledge, commands, and garbage.
fn vocabulary(flow: &backcheck::compile::Flow) -> (Vec<String>, Vec<String>) {
    let mut answers: Vec<String> = [
        "1", "2", "3", "4", "yes", "no", "not sure", "35", "70", "0", "120",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut ids = Vec::new();
    for index in flow.node_ids() {
        if let Some(question) = flow.question(index) {
            ids.push(flow.short_id(index).to_string());
            for answer in question.answers() {
                answers.push(answer.id.to_string());
                answers.push(answer.label.as_str().to_lowercase());
            }
        }
    }
    let mut commands: Vec<String> = ["back", "how", "summary", "why", "help", "", "restart"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for id in &ids {
        commands.push(format!("change {id} no"));
        commands.push(format!("whatif {id}=yes"));
    }
    commands.extend(
        [
            "\u{1b}[2J\u{1b}]0;x\u{7}",
            "\u{202E}evil",
            "-1",
            "+30",
            "1,1,1",
            // A bare `save` would write into the working folder: the soak
            // saves only into its own temporary folder (below).
            "save /no/such/folder/x.json",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    (answers, commands)
}

/// `conversations` random piped conversations on the shipped knowledge, the
/// last `saves` of them ending with `save FILE`: no panic, no error, no
/// raw escape code, and every saved session resumes equal to the one saved.
fn soak(conversations: usize, saves: usize) {
    use backcheck::engine::SavedSession;
    use backcheck::repl::{ChatOptions, Conversation, Width};
    use backcheck::report::Audience;
    use backcheck::terminal::PipedLines;
    colored::control::set_override(false);
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/lower_back");
    let source = backcheck::source::KnowledgeSource::from_dir(&folder).unwrap();
    let flow = backcheck::compile::compile(&source).unwrap();
    let (answers, commands) = vocabulary(&flow);
    let dir = tempfile::tempdir().unwrap();
    let mut random = Random(15);
    let mut resumed = 0;
    let (mut complete, mut answered) = (0, 0);
    for n in 0..conversations {
        // The opening comes first: own lower back pain, age 40 (a "no" there
        // would end the talk as "not lower back pain").
        let mut input = String::from("1\n1\n40\n");
        for _ in 0..random.below(40) {
            // Mostly "no": red flags come first, and a yes there ends the talk.
            let line = match random.below(8) {
                0 => random.pick(&commands),
                1 | 2 => random.pick(&answers),
                3 => "40",
                _ => "no",
            };
            input.push_str(line);
            input.push('\n');
            // Now and then a save along the way (and again to the same file).
            if random.below(40) == 0 {
                let midway = dir.path().join(format!("midway{n}.json"));
                input.push_str(&format!("save {}\n", midway.display()));
            }
        }
        let save = n >= conversations - saves;
        let file = dir.path().join(format!("s{n}.json"));
        if save {
            input.push_str(&format!("save {}\n", file.display()));
        }
        let audience = if n % 2 == 0 {
            Audience::Lay
        } else {
            Audience::Therapist
        };
        let mut out = Vec::new();
        // Some at a fixed width, so wrapping is soaked too.
        let width = if n % 3 == 0 {
            Width::Columns(80)
        } else {
            Width::default()
        };
        let options = ChatOptions { audience, width };
        let mut conversation = Conversation::new(&flow, options, &mut out);
        conversation
            .run(&mut PipedLines::new(input.as_bytes()))
            .unwrap_or_else(|error| panic!("conversation {n}: {error}\n{input}"));
        let ended = conversation.session().to_saved();
        complete += usize::from(conversation.session().is_complete());
        answered += conversation.session().answered();
        drop(conversation);
        let shown = String::from_utf8(out).unwrap();
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202E}'),
            "conversation {n}:\n{shown}"
        );
        assert!(
            shown.ends_with("Goodbye. Take care.\n"),
            "conversation {n}:\n{shown}"
        );
        if save {
            let bytes =
                fs::read(&file).unwrap_or_else(|e| panic!("conversation {n}: {e}\n{shown}"));
            let saved: SavedSession = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(
                saved, ended,
                "conversation {n}: the file is not the session"
            );
            let (session, not_replayed) = saved.resume(&flow, false).unwrap();
            assert!(not_replayed.is_empty());
            assert_eq!(
                session.to_saved(),
                ended,
                "conversation {n}: resumed differently"
            );
            resumed += 1;
        }
    }
    assert_eq!(resumed, saves);
    // The random talk gets somewhere: answers are taken and some results reached.
    eprintln!(
        "soak: {conversations} conversations, {complete} reached a result, {answered} answers, {resumed} saved and resumed"
    );
    assert!(
        complete * 20 > conversations,
        "{complete} of {conversations} reached a result"
    );
    assert!(
        answered > conversations * 5,
        "{answered} answers in {conversations} conversations"
    );
}

#[test]
fn soak_a_little() {
    soak(200, 20);
}

/// The full soak (issue 15): `cargo test --release --test hostile soak_in_full -- --ignored`.
#[test]
#[ignore]
fn soak_in_full() {
    soak(10_000, 1_000);
}
