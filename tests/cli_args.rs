//! The command line itself: every command names a knowledge folder with
//! `--knowledge DIR` (check, verify, test and fmt also take it alone), `--format`
//! and `--audience` accept only their listed values (exit 2, naming them),
//! and colour reaches a terminal only, never with NO_COLOR.

use crate::common;

use std::io::Read;

use common::{Knowledge, MINI, backcheck, describe, text};

/// Runs `backcheck ARGS`; checks the exit code; returns (stdout, stderr).
fn run(args: &[&str], code: i32) -> (String, String) {
    let output = backcheck(args).output().expect("run backcheck");
    assert_eq!(output.status.code(), Some(code), "{}", describe(&output));
    (text(&output.stdout), text(&output.stderr))
}

#[test]
fn an_unknown_graph_format_is_a_usage_error_naming_the_formats() {
    let (stdout, stderr) = run(&["graph", "--format", "pdf"], 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("invalid value 'pdf'"), "{stderr}");
    assert!(stderr.contains("dot, mermaid, json]"), "{stderr}");
}

#[test]
fn an_unknown_audience_is_a_usage_error_naming_the_audiences() {
    let (_, stderr) = run(&["chat", "--audience", "doctor"], 2);
    assert!(stderr.contains("invalid value 'doctor'"), "{stderr}");
    assert!(stderr.contains("lay, therapist"), "{stderr}");
}

#[test]
fn every_format_is_accepted_and_each_draws_its_own_language() {
    let (dot, _) = run(&["graph", "--knowledge", MINI, "--format", "dot"], 0);
    assert!(dot.starts_with("digraph"), "{dot}");
    let (mermaid, _) = run(&["graph", "--knowledge", MINI, "--format", "mermaid"], 0);
    assert!(mermaid.starts_with("flowchart"), "{mermaid}");
    let (json, _) = run(&["graph", "--knowledge", MINI, "--format", "json"], 0);
    assert!(json.starts_with('{'), "{json}");
    // The built-in SVG is gone: the error says how Graphviz draws one.
    let (svg, stderr) = run(&["graph", "--knowledge", MINI, "--format", "svg"], 2);
    assert!(svg.is_empty(), "{svg}");
    assert!(stderr.contains("dot -Tsvg"), "{stderr}");
}

#[test]
fn the_therapist_audience_reaches_the_conversation() {
    let output = backcheck(&["chat", "--knowledge", MINI, "--audience", "therapist"])
        .write_stdin("")
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let lay = backcheck(&["chat", "--knowledge", MINI])
        .write_stdin("")
        .output()
        .expect("run backcheck");
    assert_ne!(output.stdout, lay.stdout, "therapist wording differs");
}

#[test]
fn every_command_reads_the_folder_named_by_knowledge() {
    // A folder that does not exist: a command that reads it fails with exit 2;
    // one that ignored the flag would use the built-in knowledge and succeed.
    let missing = "/nonexistent/backcheck-knowledge";
    for args in [
        &["chat", "--knowledge", missing][..],
        &["run", "--answers", "saddle=no", "--knowledge", missing],
        &["check", "--knowledge", missing],
        &["verify", "--knowledge", missing],
        &["test", "--knowledge", missing],
        &["graph", "--knowledge", missing],
        &["rehearse", "--list", "--knowledge", missing],
        &["fmt", "--check", "--knowledge", missing],
    ] {
        let (_, stderr) = run(args, 2);
        assert!(stderr.contains(missing), "{args:?}: {stderr}");
    }
}

#[test]
fn check_verify_and_test_take_the_folder_alone_or_with_knowledge() {
    for command in ["check", "test"] {
        let (alone, _) = run(&[command, MINI], 0);
        let (named, _) = run(&[command, "--knowledge", MINI], 0);
        assert_eq!(alone, named, "{command}");
    }
    let (verified, _) = run(&["verify", "--knowledge", MINI], 0);
    assert!(verified.contains("0 failed"), "{verified}");
    let (checked, _) = run(&["check", "--knowledge", MINI], 0);
    assert!(checked.starts_with("ok: mini "), "{checked}");
}

#[test]
fn a_folder_given_both_ways_is_refused() {
    let (_, stderr) = run(&["check", MINI, "--knowledge", MINI], 2);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

/// The broken folder's diagnostics, as a terminal shows them.
fn check_on_a_terminal(no_color: bool) -> String {
    let knowledge = Knowledge::main("question first {\n  ask \"?\"\n  yes -> nowhere\n}\n");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"));
    command
        .args(["check", knowledge.arg()])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let mut session = expectrl::Session::spawn(command).expect("spawn backcheck in a pty");
    let mut all = String::new();
    // The pty ends with an error once the process has gone: what was read stays.
    let _ = session.read_to_string(&mut all);
    assert!(all.contains("nowhere"), "{all}");
    all
}

#[test]
fn diagnostics_are_coloured_on_a_terminal_unless_no_color_is_set() {
    assert!(check_on_a_terminal(false).contains('\x1b'));
    assert!(!check_on_a_terminal(true).contains('\x1b'));
}

#[test]
fn fmt_takes_the_folder_with_knowledge_too() {
    let knowledge = Knowledge::mini();
    let named = backcheck(&["fmt", "--check", "--knowledge", knowledge.arg()])
        .output()
        .expect("run backcheck");
    let alone = backcheck(&["fmt", "--check", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(named.status.code(), Some(1), "{}", describe(&named));
    assert!(
        text(&named.stdout).contains("safety.flow"),
        "{}",
        describe(&named)
    );
    assert_eq!(named.stdout, alone.stdout);
}

#[cfg(unix)]
#[test]
fn help_and_version_to_a_full_or_closed_output_fail() {
    for flag in ["--help", "--version", "-h", "-V"] {
        let full = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"))
            .arg(flag)
            .stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(
            full.status.code(),
            Some(2),
            "{flag} >/dev/full: {}",
            common::describe(&full)
        );
        let stderr = String::from_utf8_lossy(&full.stderr);
        assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let closed = std::process::Command::new(env!("CARGO_BIN_EXE_backcheck"))
            .arg(flag)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(
            closed.status.code(),
            Some(141),
            "{flag} to a closed pipe: {}",
            common::describe(&closed)
        );
        assert!(closed.stderr.is_empty(), "{}", common::describe(&closed));
    }
}
