//! Every command run in-process: its output on each stream and its exit
//! code, as `main` would print them.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::*;

/// What a command said and how it ended: `failure` is the message `main`
/// writes to stderr last.
struct Ran {
    exit: Exit,
    out: String,
    err: String,
    failure: String,
}

fn capture(command: impl FnOnce(&mut Streams) -> Outcome) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let result = command(&mut Streams {
        out: &mut out,
        err: &mut err,
        colour: false,
    });
    let (exit, failure) = match result {
        Ok(exit) => (exit, String::new()),
        Err(failure) => (failure.exit, failure.message),
    };
    Ran {
        exit,
        out: String::from_utf8(out).expect("UTF-8 output"),
        err: String::from_utf8(err).expect("UTF-8 diagnostics"),
        failure,
    }
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// A copy of the mini fixture with `replace` changed to `with` (each must
/// be found), each file passed through `change`.
fn mini_copy(replace: &str, with: &str, change: fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut found = false;
    for entry in std::fs::read_dir(mini()).expect("the mini fixture") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a fixture file");
        found |= text.contains(replace);
        let text = change(&text.replace(replace, with));
        let name = path.file_name().expect("a file name");
        std::fs::write(dir.path().join(name), text).expect("a copy");
    }
    assert!(found, "`{replace}` is not in the mini fixture");
    dir
}

fn unchanged(text: &str) -> String {
    text.to_string()
}

const TREAT: &str = "saddle=no,age=34,bones=no,radiation=none,worse=nothing";

fn run_mini(answers: &str, json: bool) -> Ran {
    capture(|io| run(answers, json, Some(&mini()), None, false, io))
}

#[test]
fn run_with_every_answer_prints_the_outcome() {
    let ran = run_mini(TREAT, false);
    assert_eq!(ran.exit, Exit::Success);
    assert!(
        ran.out.contains("=== RESULT: MASSAGE IS SUITABLE ==="),
        "{}",
        ran.out
    );
    assert!(ran.out.contains("Swedish strokes"), "{}", ran.out);
    assert_eq!(ran.err, "");
    let ran = run_mini(TREAT, true);
    assert_eq!(ran.exit, Exit::Success);
    assert!(ran.out.trim_start().starts_with('{'), "{}", ran.out);
}

#[test]
fn run_with_too_few_answers_is_incomplete() {
    let ran = run_mini("saddle=no", false);
    assert_eq!(ran.exit, Exit::Incomplete);
    assert_eq!(ran.exit.code(), 3);
    assert!(
        ran.failure
            .starts_with("incomplete: the next question is `age`: How old are you?"),
        "{}",
        ran.failure
    );
    assert!(ran.failure.contains("valid answers: "), "{}", ran.failure);
    assert_eq!(ran.out, "");
    // As JSON the walk so far is printed, and the code still says incomplete.
    let ran = run_mini("saddle=no", true);
    assert_eq!(ran.exit, Exit::Incomplete);
    assert!(
        ran.out.contains("\"status\": \"incomplete\""),
        "{}",
        ran.out
    );
    assert!(ran.out.contains("\"id\": \"safety.age\""), "{}", ran.out);
}

#[test]
fn run_with_a_bad_answer_is_bad_input() {
    let ran = run_mini("saddle=no,age=abc", false);
    assert_eq!(ran.exit, Exit::BadInput);
    assert_eq!(ran.exit.code(), 2);
    assert!(
        ran.failure
            .starts_with("error: age=abc: \"abc\" is not a number"),
        "{}",
        ran.failure
    );
    assert!(ran.failure.contains("\nanswer ids: "), "{}", ran.failure);
    for (answers, said) in [
        ("foo", "error: `foo` is not of the form id=value"),
        ("nosuch=1", "error: unknown question `nosuch`"),
        ("age=3,age=4", "error: `age` is answered twice"),
    ] {
        let ran = run_mini(answers, false);
        assert_eq!(ran.exit, Exit::BadInput, "{answers}");
        assert!(ran.failure.starts_with(said), "{answers}: {}", ran.failure);
    }
}

#[test]
fn run_names_the_answers_the_walk_did_not_use() {
    let ran = run_mini("saddle=yes,age=34", false);
    assert_eq!(ran.exit, Exit::Success);
    assert_eq!(
        ran.err,
        "note: 1 answer was not used, as its question is not on this path: age\n"
    );
}

#[test]
fn check_counts_what_the_knowledge_holds() {
    let ran = capture(|io| check(Some(&mini()), false, io));
    assert_eq!(ran.exit, Exit::Success);
    assert!(
        ran.out.starts_with("ok: mini 0.1 (")
            && ran.out.ends_with(
                "): 5 questions, 2 decide nodes, 5 outcomes, 3 facts, 1 invariants, 3 cases\n"
            ),
        "{}",
        ran.out
    );
}

#[test]
fn check_fails_on_an_error_the_audit_finds() {
    // The red flag's invariant no longer reads it: E025.
    let dir = mini_copy("saddle in [yes, unsure] =>", "age < 100 =>", unchanged);
    let ran = capture(|io| check(Some(dir.path()), false, io));
    if ran.exit == Exit::Success {
        panic!("an unguarded red flag passed: {}", ran.out);
    }
    assert_eq!(ran.exit, Exit::Failed);
    assert!(
        ran.failure.contains("E025") && ran.failure.contains("error: the knowledge has 1 error"),
        "{}",
        ran.failure
    );
    assert_eq!(ran.out, "");
}

#[test]
fn check_json_is_one_document_on_stdout() {
    let ran = capture(|io| check_json(Some(&mini()), false, io));
    assert_eq!(ran.exit, Exit::Success);
    let document: serde_json::Value = serde_json::from_str(&ran.out).expect("JSON");
    assert_eq!(document["ok"], true);
    assert_eq!(ran.err, "");
}

#[test]
fn a_missing_folder_is_bad_input() {
    let ran = capture(|io| check(Some(Path::new("/nonexistent")), false, io));
    assert_eq!(ran.exit, Exit::BadInput);
    assert!(ran.failure.starts_with("error: "), "{}", ran.failure);
}

#[test]
fn verify_proves_the_invariants_and_the_order() {
    let ran = capture(|io| verify(Some(&mini()), io));
    assert_eq!(ran.exit, Exit::Success);
    assert!(
        ran.out
            .contains("ok   \"saddle numbness refers now\": 87 paths\n"),
        "{}",
        ran.out
    );
    assert!(
        ran.out
            .contains("1 invariant over 87 paths: 1 held, 0 failed in "),
        "{}",
        ran.out
    );
    assert!(
        ran.out
            .ends_with("1 red flag in order: 1 asked before every exit of lower urgency, 0 not\n"),
        "{}",
        ran.out
    );
}

#[test]
fn verify_shows_a_broken_invariant_with_its_counter_example() {
    let dir = mini_copy(
        "=> verdict == refer and urgency == emergency",
        "=> verdict == treat",
        unchanged,
    );
    let ran = capture(|io| verify(Some(dir.path()), io));
    assert_eq!(ran.exit, Exit::Failed);
    assert!(ran.out.contains("FAIL "), "{}", ran.out);
    assert!(ran.out.contains("counter-example ("), "{}", ran.out);
    assert!(ran.out.contains("0 held, 1 failed"), "{}", ran.out);
}

#[test]
fn test_runs_every_case() {
    let ran = capture(|io| test(Some(&mini()), io));
    assert_eq!(ran.exit, Exit::Success);
    assert_eq!(
        ran.out,
        "ok   simple\nok   thin bones and face-down\nok   unsure saddle\n3 passed, 0 failed\n"
    );
    let dir = mini_copy("expect treat", "expect modify", unchanged);
    let ran = capture(|io| test(Some(dir.path()), io));
    assert_eq!(ran.exit, Exit::Failed);
    assert!(ran.out.contains("FAIL outcomes.flow:"), "{}", ran.out);
    assert!(
        ran.out.contains("     path: saddle=no,age=34,"),
        "{}",
        ran.out
    );
    assert!(ran.out.ends_with("2 passed, 1 failed\n"), "{}", ran.out);
}

#[test]
fn graph_draws_each_format_and_refuses_svg() {
    let dot = capture(|io| graph(GraphFormat::Dot, Some(&mini()), &GraphPart::default(), io));
    assert_eq!(dot.exit, Exit::Success);
    assert!(dot.out.starts_with("digraph \"mini\" {"), "{}", dot.out);
    let json = capture(|io| graph(GraphFormat::Json, Some(&mini()), &GraphPart::default(), io));
    assert_eq!(json.exit, Exit::Success);
    let document: serde_json::Value = serde_json::from_str(&json.out).expect("JSON");
    assert!(document.is_object());
    let svg = capture(|io| graph(GraphFormat::Svg, Some(&mini()), &GraphPart::default(), io));
    assert_eq!(svg.exit, Exit::BadInput);
    assert!(
        svg.failure
            .starts_with("error: backcheck no longer draws SVG itself"),
        "{}",
        svg.failure
    );
    assert_eq!(svg.out, "");
}

#[test]
fn fmt_check_lists_the_files_that_would_change() {
    let dir = mini_copy("version \"0.1\"", "version \"0.1\"", unchanged);
    let ran = capture(|io| fmt(true, &[dir.path().to_path_buf()], io));
    assert_eq!(ran.exit, Exit::Failed);
    assert!(ran.out.contains("outcomes.flow\n"), "{}", ran.out);
    assert!(!ran.out.contains("formatted"), "{}", ran.out);
    // Laid out canonically, nothing is listed.
    let dir = mini_copy("version \"0.1\"", "version \"0.1\"", |text| {
        crate::syntax::format(text).expect("the fixture parses")
    });
    let ran = capture(|io| fmt(true, &[dir.path().to_path_buf()], io));
    assert_eq!((ran.exit, ran.out.as_str()), (Exit::Success, ""));
}

#[test]
fn author_runs_every_step() {
    let ran = capture(|io| author(Some(&mini()), io));
    assert_eq!(ran.exit, Exit::Failed, "the mini fixture is not canonical");
    for step in ["ok   check\n", "ok   verify\n", "ok   test\n"] {
        assert!(ran.out.contains(step), "{step}: {}", ran.out);
    }
    assert!(
        ran.out
            .contains("outcomes.flow is not laid out canonically: run `backcheck fmt`\n"),
        "{}",
        ran.out
    );
    assert!(
        ran.out
            .ends_with("FAIL fmt --check\nauthor: not ready; see FAIL above\n"),
        "{}",
        ran.out
    );
}

#[test]
fn chat_talks_on_piped_lines() {
    let args = ChatArgs {
        knowledge: KnowledgeArg {
            knowledge: Some(mini()),
        },
        ..ChatArgs::default()
    };
    let mut lines = "no\n34\nquit\n".as_bytes();
    let ran = capture(|io| chat(&args, io, Input::Piped(&mut lines)));
    assert_eq!(ran.exit, Exit::Success);
    assert!(
        ran.out.contains("Numbness around your bottom or genitals?"),
        "{}",
        ran.out
    );
    assert!(ran.out.contains("How old are you?"), "{}", ran.out);
}

/// A stdout that is closed: every write fails as a closed pipe does.
struct Closed;

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_output_ends_quietly() {
    let mut err = Vec::new();
    let result = test(
        Some(&mini()),
        &mut Streams {
            out: &mut Closed,
            err: &mut err,
            colour: false,
        },
    );
    let failure = result.expect_err("nothing could be written");
    assert_eq!(failure.exit, Exit::ClosedOutput);
    assert_eq!(failure.exit.code(), 141);
    assert_eq!(failure.message, "");
}

/// A stdout on a full disk (/dev/full): every write fails.
struct Full;

impl Write for Full {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::StorageFull.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn author_on_a_full_output_says_so_once() {
    let mut err = Vec::new();
    let result = author(
        Some(&mini()),
        &mut Streams {
            out: &mut Full,
            err: &mut err,
            colour: false,
        },
    );
    let failure = result.expect_err("nothing could be written");
    assert_eq!(failure.exit, Exit::BadInput);
    let err = String::from_utf8(err).unwrap();
    // main prints the failure's message: nothing else says it again.
    assert!(!err.contains("error:"), "{err}");
    assert!(failure.message.starts_with("error:"), "{}", failure.message);
}

fn rehearse_args(list: bool, vignette: Option<&str>) -> RehearseArgs {
    RehearseArgs {
        list,
        vignette: vignette.map(str::to_string),
        seed: None,
        json: false,
        drill: None,
        difficulty: None,
        topic: None,
        history: None,
        review: false,
        student: None,
        outcomes: false,
        blind: false,
        class: None,
        knowledge: KnowledgeArg {
            knowledge: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rehearse")),
        },
    }
}

#[test]
fn rehearse_lists_the_vignettes_and_refuses_an_unknown_one() {
    let mut nothing = "".as_bytes();
    let ran = capture(|io| rehearse(&rehearse_args(true, None), io, Input::Piped(&mut nothing)));
    assert_eq!(ran.exit, Exit::Success);
    assert_eq!(
        ran.out,
        "office\tStiff after a long week at the desk\teasy\n\
         hidden_numbness\tSciatica, and something else\thard\n"
    );
    let ran = capture(|io| {
        rehearse(
            &rehearse_args(false, Some("ofice")),
            io,
            Input::Piped(&mut nothing),
        )
    });
    assert_eq!(ran.exit, Exit::BadInput);
    assert!(
        ran.failure.starts_with("error: no vignette `ofice`"),
        "{}",
        ran.failure
    );
}

#[test]
fn serve_says_when_it_cannot_listen_or_has_no_knowledge() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap();
    let ran = capture(|io| serve(address, None, crate::report::Audience::Lay, io));
    assert_eq!(ran.exit, Exit::Failed);
    assert!(
        ran.failure
            .starts_with(&format!("error: cannot listen on {address}: ")),
        "{}",
        ran.failure
    );
    assert_eq!(ran.out, "");
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/no-such-folder");
    let ran = capture(|io| serve(address, Some(&missing), crate::report::Audience::Lay, io));
    assert_eq!(ran.exit, Exit::BadInput, "{}", ran.failure);
    assert_eq!(ran.out, "");
}

#[test]
fn diff_exits_by_whether_the_edit_gives_less_care() {
    let same = capture(|io| diff(&mini(), &mini(), DiffFormat::Text, io));
    assert_eq!(same.exit, Exit::Success, "{}", same.out);
    assert!(
        same.out.contains("safety-relevant change: no"),
        "{}",
        same.out
    );
    let lowered = mini_copy(
        "verdict refer emergency",
        "verdict refer urgent",
        str::to_string,
    );
    let less = capture(|io| diff(&mini(), lowered.path(), DiffFormat::Json, io));
    assert_eq!(less.exit, Exit::Failed, "{}", less.out);
    let document: serde_json::Value = serde_json::from_str(&less.out).expect("JSON");
    assert_eq!(document["safety_relevant"], true);
    let missing = capture(|io| diff(&mini(), Path::new("/no/such/folder"), DiffFormat::Text, io));
    assert_eq!(missing.exit, Exit::BadInput);
}
