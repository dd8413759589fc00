//! `backcheck verify DIR`: every invariant proved on every path, or the
//! shortest counter-example, which `backcheck run` replays.

use crate::common;
use crate::synthetic;

use common::{Knowledge, MINI, backcheck, describe, text};

/// Runs `verify DIR`; returns (exit code, stdout).
fn verify(dir: &str) -> (Option<i32>, String) {
    let output = backcheck(&["verify", dir]).output().expect("run backcheck");
    assert!(
        !text(&output.stderr).contains("panicked"),
        "{}",
        describe(&output)
    );
    (output.status.code(), text(&output.stdout))
}

/// The `N` of the summary line `... over N paths: ...`.
fn paths(stdout: &str) -> String {
    let last = stdout
        .lines()
        .rfind(|line| line.contains(" over "))
        .unwrap_or_default();
    last.split(" over ")
        .nth(1)
        .and_then(|rest| rest.split(" paths").next())
        .unwrap_or_else(|| panic!("no path count in `{last}`"))
        .to_string()
}

#[test]
fn the_mini_invariant_holds_on_all_87_paths() {
    let (code, stdout) = verify(MINI);
    assert_eq!(code, Some(0), "{stdout}");
    // saddle yes/unsure (2) + saddle no x age: under 16 (1) or 16, over 16
    // (2) x bones (2) x radiation (3) x worse (7 non-empty subsets).
    assert!(
        stdout.contains("ok   \"saddle numbness refers now\": 87 paths"),
        "{stdout}"
    );
    assert_eq!(paths(&stdout), "87");
    assert!(stdout.contains("1 held, 0 failed in "), "{stdout}");
}

#[test]
fn an_emergency_downgraded_to_routine_fails_with_a_counter_example_that_run_replays() {
    let knowledge = Knowledge::mini().edit(
        "outcomes.flow",
        "verdict refer emergency",
        "verdict refer routine",
    );
    let (code, stdout) = verify(knowledge.arg());
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "FAIL outcomes.flow:35:1: \"saddle numbness refers now\": broken on 2 of 87 paths"
        ),
        "{stdout}"
    );
    let answers = stdout
        .lines()
        .find_map(|line| line.trim().strip_prefix("counter-example (1 answer): "))
        .unwrap_or_else(|| panic!("no counter-example:\n{stdout}"));
    assert_eq!(answers, "saddle=yes");
    assert!(
        stdout.contains("reaches outcome `emergency`: refer routine"),
        "{stdout}"
    );

    let output = backcheck(&[
        "run",
        "--json",
        "--answers",
        answers,
        "--knowledge",
        knowledge.arg(),
    ])
    .output()
    .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["status"], "complete", "{json}");
    assert_eq!(json["verdict"], "refer", "{json}");
    assert_eq!(json["urgency"], "routine", "{json}");
    assert!(
        json["outcome"]
            .as_str()
            .is_some_and(|o| o.ends_with("emergency")),
        "{json}"
    );
}

#[test]
fn a_counter_example_deep_in_the_graph_is_the_shortest_and_replays() {
    // Thin bones now lead to `fine` (treat): the invariant below breaks only
    // after saddle, age, bones, radiation and worse are answered.
    let knowledge = Knowledge::mini()
        .edit("pain.flow", "when osteoporosis or worse", "when worse")
        .file(
            "extra.flow",
            "invariant \"thin bones never get treat\" {\n  osteoporosis => verdict != treat\n}\n",
        );
    let (code, stdout) = verify(knowledge.arg());
    assert_eq!(code, Some(1), "{stdout}");
    let answers = stdout
        .lines()
        .find_map(|line| line.trim().strip_prefix("counter-example (5 answers): "))
        .unwrap_or_else(|| panic!("no 5-answer counter-example:\n{stdout}"));
    assert_eq!(
        answers,
        "saddle=no,age=16,bones=yes,radiation=none,worse=nothing"
    );
    // bones=yes, radiation none or thigh (2), worse=nothing only, adult ages (2).
    assert!(stdout.contains("broken on 4 of 87 paths"), "{stdout}");
    let output = backcheck(&[
        "run",
        "--json",
        "--answers",
        answers,
        "--knowledge",
        knowledge.arg(),
    ])
    .output()
    .expect("run backcheck");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["verdict"], "treat", "{json}");
}

#[test]
fn a_graph_with_more_than_10_to_the_15_paths_is_verified_with_the_exact_count() {
    let mut knowledge = Knowledge::empty();
    for (name, text) in synthetic::files() {
        knowledge = knowledge.file(name, text);
    }
    let (code, stdout) = verify(knowledge.arg());
    assert_eq!(code, Some(0), "{stdout}");
    let expected = synthetic::expected_paths();
    assert!(expected > 10u128.pow(15));
    assert_eq!(paths(&stdout), expected.to_string(), "{stdout}");
    assert!(stdout.contains("2 held, 0 failed"), "{stdout}");
}

#[test]
fn knowledge_with_errors_exits_1_and_an_unreadable_folder_exits_2() {
    let broken = Knowledge::main(
        "question first {\n  ask \"Sore?\"\n  yes -> nowhere\n  no -> nowhere\n}\n",
    );
    let output = backcheck(&["verify", broken.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("error: the knowledge has"),
        "{}",
        describe(&output)
    );

    let output = backcheck(&["verify", "/no/such/folder"])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
}

/// 24 yes/no questions, each setting its own fact, and one invariant that
/// reads all 24: every combination of the facts is a state, 2^24 of them,
/// unless the proof splits the invariant's left side (issue 16).
fn many_facts(then: &str) -> Knowledge {
    let n = 24;
    let mut header = String::from("flow f24 \"Facts\" {\n  version \"1\"\n  start main.q1\n}\n");
    let mut main = String::new();
    for i in 1..=n {
        header.push_str(&format!("fact f{i}: bool\n"));
        main.push_str(&format!(
            "question q{i} {{\n  ask \"Question {i}?\"\n  yes -> next set f{i}\n  no -> next\n}}\n"
        ));
    }
    main.push_str("decide route {\n  when f1 and f2 -> careful\n  otherwise -> fine\n}\n");
    main.push_str("outcome careful {\n  verdict modify\n  title \"Careful\"\n}\n");
    main.push_str("outcome fine {\n  verdict treat\n  title \"Fine\"\n}\n");
    let any: Vec<String> = (1..=n).map(|i| format!("f{i}")).collect();
    main.push_str(&format!(
        "invariant \"many facts\" {{\n  ({}) and f1 and f2 => {then}\n}}\n",
        any.join(" or ")
    ));
    Knowledge::empty()
        .file("flow.flow", header)
        .file("main.flow", main)
}

#[test]
fn an_invariant_reading_24_facts_is_proved_in_parts_without_exploding() {
    let started = std::time::Instant::now();
    let (code, stdout) = verify(many_facts("verdict != treat").arg());
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.contains("ok   \"many facts\": 16777216 paths"),
        "{stdout}"
    );
    // Whole, it needed 2^24 states and gigabytes; in parts it is instant
    // even in a debug build.
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn a_broken_invariant_reading_24_facts_gives_the_shortest_counter_example() {
    let knowledge = many_facts("verdict == refer");
    let (code, stdout) = verify(knowledge.arg());
    assert_eq!(code, Some(1), "{stdout}");
    // f1 and f2 with any of the other 22: 2^22 paths, given as a lower bound.
    assert!(
        stdout.contains("\"many facts\": broken on at least 4194304 of 16777216 paths"),
        "{stdout}"
    );
    let answers = stdout
        .lines()
        .find_map(|line| line.trim().strip_prefix("counter-example (24 answers): "))
        .unwrap_or_else(|| panic!("no counter-example:\n{stdout}"));
    assert!(answers.starts_with("q1=yes,q2=yes,"), "{answers}");
    let output = backcheck(&["run", "--answers", answers, "--knowledge", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert!(
        text(&output.stdout).contains("Careful"),
        "{}",
        describe(&output)
    );
}

/// `verify DIR` on a folder written by `files`, with a safety net: it must
/// finish (these took minutes and gigabytes before issue 27).
fn verify_within(files: Vec<(String, String)>, seconds: u64) -> (Option<i32>, String, String) {
    let knowledge = files
        .into_iter()
        .fold(Knowledge::empty(), |k, (name, text)| k.file(&name, text));
    let output = backcheck(&["verify", knowledge.arg()])
        .timeout(std::time::Duration::from_secs(seconds))
        .output()
        .expect("run backcheck");
    (
        output.status.code(),
        text(&output.stdout),
        text(&output.stderr),
    )
}

#[test]
fn a_screen_of_24_choices_read_by_one_invariant_is_proved_at_once() {
    use crate::adversarial::{Read, screen};
    for read in [Read::List, Read::EachOr] {
        let (code, stdout, stderr) = verify_within(screen(24, read), 30);
        assert_eq!(code, Some(0), "{read:?}\n{stdout}{stderr}");
        // Every non-empty subset of 24 choices, times yes or no.
        assert_eq!(
            paths(&stdout),
            ((1u64 << 24) - 1).saturating_mul(2).to_string()
        );
        assert!(stdout.contains("1 held, 0 failed"), "{stdout}");
    }
}

#[test]
fn twenty_four_facts_read_by_one_invariant_before_a_long_tail_finish() {
    // 157 s and 4.6 GB before issue 27: every way each pair held was kept
    // at every node of the tail.
    let (code, stdout, stderr) = verify_within(crate::adversarial::facts(24, 400), 60);
    // `last=no` reaches a treat outcome with every pair holding.
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("0 held, 1 failed"), "{stdout}");
    assert!(
        stdout.contains("counter-example (425 answers): q1=yes,q2=yes"),
        "{stdout}"
    );
    // 3^12 of the 2^24 answers to the facts hold every pair, times 2^400
    // for the tail, times `last=no`.
    let breaking = num_bigint::BigUint::from(3u8).pow(12) << 400usize;
    assert!(
        stdout.contains(&format!("broken on {breaking} of")),
        "{stdout}"
    );
}

#[test]
fn a_proof_past_its_state_budget_stops_and_says_so() {
    // A chain `(f1 or f2) and (f2 or f3) and ...` that no part of settles
    // alone, read beside `not f1`: the walks would keep every way it can
    // still hold at every node of the tail. They stop at the budget (one for
    // the whole walk, not one per node) with a message, never a silent pass.
    let mut files = crate::adversarial::chained(24, 400);
    files[1].1 = files[1]
        .1
        .replace("=> verdict == refer", "=> verdict == refer or not f1");
    let (code, stdout, stderr) = verify_within(files, 120);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(
        stderr.contains("the proof stopped at `main.t"),
        "{stdout}{stderr}"
    );
    assert!(stderr.contains("so nothing is proved"), "{stderr}");
    assert!(!stdout.contains("held"), "{stdout}");
}
