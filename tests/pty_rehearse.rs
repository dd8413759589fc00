//! Rehearsal through a real pseudo-terminal: a full round, what-if, the drill.

use crate::common;

use expectrl::session::OsSession;
use expectrl::{Expect, Regex};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rehearse");

fn start(extra: &[&str]) -> OsSession {
    let mut args = vec!["rehearse", "--knowledge", FIXTURE];
    args.extend_from_slice(extra);
    common::pty(&args, std::path::Path::new("."))
}

#[test]
fn a_full_round_with_a_hidden_red_flag() {
    let mut p = start(&["--vignette", "hidden_numbness"]);
    p.expect("almost in passing").unwrap();
    p.send_line("ask radiation").unwrap();
    p.expect("Client: \"Down the thigh.\"").unwrap();
    p.send_line("ask nonsense").unwrap();
    p.expect("There is no question `nonsense`").unwrap();
    p.send_line("commit refer sometime").unwrap();
    p.expect("Write: commit treat").unwrap();
    p.send_line("commit modify because radiation").unwrap();
    p.expect("Score: 0/10").unwrap();
    p.expect("missed emergency").unwrap();
    p.expect("the graph reaches refer emergency").unwrap();
    p.expect("Missed red flag `saddle`").unwrap();
    p.send_line("next").unwrap();
    p.expect(Regex("Red\\s+flags\\s+missed:\\s+1")).unwrap();
}

#[test]
fn what_if_after_the_reveal() {
    let mut p = start(&["--vignette", "office"]);
    p.expect("Priya, 34").unwrap();
    p.send_line("1").unwrap();
    p.expect("Client: \"No.\"").unwrap();
    p.send_line("commit treat").unwrap();
    p.expect("Verdict: right. Urgency: right.").unwrap();
    p.send_line("whatif radiation=below_knee").unwrap();
    p.expect("The graph would reach \"See your doctor before a massage\" (refer routine)")
        .unwrap();
    p.expect("With the story's answers (unchanged)").unwrap();
    p.send_line("quit").unwrap();
}

#[test]
fn the_drill_scores_root_answers() {
    let mut p = start(&["--drill", "3", "--seed", "1"]);
    p.expect("Nerve-root drill: 3 items").unwrap();
    p.expect("drill> ").unwrap();
    p.send_line("L9").unwrap();
    p.expect("Answer with a number from 1 to ").unwrap();
    for _ in 0..3 {
        p.send_line("1").unwrap();
        // Each item ends with exactly one verdict on the answer.
        p.expect(Regex("Right\\.|Not quite\\.")).unwrap();
    }
    p.expect("Drill score: ").unwrap();
    p.expect("/3 right.").unwrap();
}

#[test]
fn json_played_at_a_terminal_leaves_only_json_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rounds.json");
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "exec '{}' rehearse --knowledge '{FIXTURE}' --vignette office --json > '{}'",
            env!("CARGO_BIN_EXE_backcheck"),
            file.display()
        ))
        .env("TERM", "xterm");
    let mut p = expectrl::Session::spawn(command).expect("spawn in a pty");
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    p.expect("rehearse> ").unwrap();
    p.send_line("ask saddle").unwrap();
    p.expect("Client:").unwrap();
    p.send_line("commit treat").unwrap();
    p.expect("Score: ").unwrap();
    p.send_line("next").unwrap();
    p.expect(expectrl::Eof).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let rounds: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    assert_eq!(rounds[0]["questions_asked"], serde_json::json!(["saddle"]));
    assert!(
        !text.contains("rehearse>") && !text.contains('\u{1b}'),
        "{text}"
    );
}
