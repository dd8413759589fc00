//! `backcheck rehearse` without a terminal: listing, JSON scores, seeds, bad input.

use crate::common;

use std::process::Output;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rehearse");

fn rehearse(extra: &[&str], input: &str) -> Output {
    let mut args = vec!["rehearse", "--knowledge", FIXTURE];
    args.extend_from_slice(extra);
    common::piped(&args, std::path::Path::new("."), input)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn list_shows_id_title_and_difficulty() {
    let output = rehearse(&["--list"], "");
    assert_eq!(
        stdout(&output),
        "office\tStiff after a long week at the desk\tEasy\nhidden_numbness\tSciatica, and something else\tHard\n"
    );
}

#[test]
fn json_summarises_the_scores() {
    let output = rehearse(
        &["--json"],
        "saddle\ncommit treat\nnext\ncommit refer emergency because saddle\nnext\n",
    );
    assert!(output.status.success());
    let rounds: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rounds[0]["vignette"], "office");
    assert_eq!(rounds[0]["score"]["verdict_right"], true);
    assert_eq!(rounds[1]["vignette"], "hidden_numbness");
    assert_eq!(rounds[1]["score"]["expected_urgency"], "emergency");
    assert_eq!(
        rounds[1]["score"]["missed_red_flags"],
        serde_json::json!(["saddle"])
    );
    assert_eq!(rounds[1]["score"]["points"], 8);
}

#[test]
fn a_seed_gives_a_reproducible_order() {
    let order = |seed: &str| {
        let text = stdout(&rehearse(&["--seed", seed], "skip\nskip\n"));
        text.lines()
            .filter(|l| l.starts_with("=== Vignette"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(order("5"), order("5"));
    assert_eq!(order("5").len(), 2);
}

#[test]
fn an_unknown_vignette_is_a_usage_error() {
    let output = rehearse(&["--vignette", "ofice"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `office`?"));
}

#[test]
fn bad_input_in_a_round_gets_a_message_and_the_round_goes_on() {
    let output = rehearse(
        &["--vignette", "office"],
        "ask 99\ncommit maybe\ncommit refer\ncommit treat urgent\ncommit treat\n",
    );
    let text = stdout(&output);
    assert!(text.contains("There is no question `99`"), "{text}");
    assert!(
        text.contains("Write: commit treat | modify | refer"),
        "{text}"
    );
    assert!(text.contains("A referral needs an urgency"), "{text}");
    assert!(text.contains("Only refer takes an urgency"), "{text}");
    assert!(text.contains("Verdict: right."), "{text}");
}
