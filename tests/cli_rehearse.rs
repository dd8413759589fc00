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
fn list_shows_id_title_difficulty_and_topic_sorted() {
    let output = rehearse(&["--list"], "");
    assert_eq!(
        stdout(&output),
        "office\tStiff after a long week at the desk\teasy\ttreat\nhidden_numbness\tSciatica, and something else\thard\temergency\n"
    );
    // The built-in vignettes: sorted by difficulty (easy first), then id.
    let text = stdout(&common::piped(
        &["rehearse", "--list"],
        std::path::Path::new("."),
        "",
    ));
    let keys: Vec<(usize, String)> = text
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let rank = ["easy", "medium", "hard"]
                .iter()
                .position(|d| *d == fields[2])
                .expect("a difficulty");
            (rank, fields[0].to_string())
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.len() >= 45, "{text}");
}

#[test]
fn list_json_is_an_array_of_objects() {
    let output = rehearse(&["--list", "--json"], "");
    assert!(output.status.success());
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        list,
        serde_json::json!([
            {"id": "office", "title": "Stiff after a long week at the desk", "difficulty": "easy", "topic": "treat"},
            {"id": "hidden_numbness", "title": "Sciatica, and something else", "difficulty": "hard", "topic": "emergency"}
        ])
    );
}

#[test]
fn difficulty_and_topic_filter_the_list_and_the_rounds() {
    assert_eq!(
        stdout(&rehearse(&["--list", "--difficulty", "hard"], "")),
        "hidden_numbness\tSciatica, and something else\thard\temergency\n"
    );
    assert_eq!(
        stdout(&rehearse(&["--list", "--topic", "treat"], "")),
        "office\tStiff after a long week at the desk\teasy\ttreat\n"
    );
    let text = stdout(&rehearse(&["--topic", "emergency"], "skip\n"));
    assert!(text.contains("Sciatica, and something else"), "{text}");
    assert!(!text.contains("Stiff after a long week"), "{text}");
    // A filter that keeps nothing is said at once; a bad value is clap's usage error.
    let output = rehearse(&["--difficulty", "easy", "--topic", "emergency"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no vignette has that difficulty"));
    let output = rehearse(&["--difficulty", "tricky"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("possible values: easy, medium, hard")
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
    // A missed red flag costs 3 even when the verdict is right, and citing
    // it without asking costs 1 more.
    assert_eq!(rounds[1]["score"]["points"], 6);
    assert_eq!(
        rounds[1]["score"]["breakdown"][0]["reason"],
        "red flag `saddle` never asked"
    );
}

#[test]
fn the_scoring_rules_are_in_the_help_and_before_the_first_round() {
    let help = stdout(&common::piped(
        &["rehearse", "--help"],
        std::path::Path::new("."),
        "",
    ));
    assert!(help.contains("under-triage"), "{help}");
    assert!(help.contains("the worst mistake"), "{help}");
    let text = stdout(&rehearse(&["--vignette", "office"], "quit\n"));
    let rules = text
        .find("Scoring: each round starts at 10")
        .expect("rules shown");
    let first = text.find("=== Vignette 1").expect("a round");
    assert!(rules < first, "{text}");
}

#[test]
fn under_calling_an_emergency_scores_nothing_and_over_caution_little() {
    // The emergency asked about and called urgent: the worst mistake.
    let text = stdout(&rehearse(
        &["--vignette", "hidden_numbness"],
        "saddle\ncommit refer urgent because saddle\n",
    ));
    assert!(text.contains("Score: 0/10"), "{text}");
    assert!(text.contains("missed emergency"), "{text}");
    // A harmless modify on a treat case: one step of caution too many.
    let text = stdout(&rehearse(
        &["--vignette", "office"],
        "saddle\nage\nbones\nradiation\nworse\ncommit modify\n",
    ));
    assert!(text.contains("over-caution"), "{text}");
    assert!(text.contains("Score: 9/10"), "{text}");
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
        text.contains("Write: commit treat | modify [CHANGES] | refer"),
        "{text}"
    );
    assert!(text.contains("A referral needs an urgency"), "{text}");
    assert!(text.contains("Only refer takes an urgency"), "{text}");
    assert!(text.contains("Verdict: right."), "{text}");
}

#[test]
fn the_story_counts_as_known_and_counterfactuals_fit_the_client() {
    // Priya's age is in the story: not "not asked", and never "0 years".
    let text = stdout(&rehearse(
        &["--vignette", "office"],
        "saddle\ncommit treat\n",
    ));
    assert!(
        !text.contains("`how_old` could have changed the result"),
        "{text}"
    );
    assert!(!text.contains("0 years"), "{text}");
    // A man on the built-in knowledge: pregnancy is never held against him.
    let output = common::piped(
        &["rehearse", "--vignette", "warehouse_bending"],
        std::path::Path::new("."),
        "commit treat\n",
    );
    let text = stdout(&output);
    let feedback =
        &text[text.find("--- Score").expect("scored")..text.find("\nWhy ").expect("the reveal")];
    assert!(!feedback.to_lowercase().contains("pregnan"), "{feedback}");
    assert!(feedback.contains("Had he answered"), "{feedback}");
    assert!(feedback.contains("counted as known"), "{feedback}");
}

/// The lines of a history file, each parsed.
fn history_lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_history_records_every_round_and_is_appended_to() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("practice.jsonl");
    let history = file.to_str().unwrap();
    let output = rehearse(
        &["--history", history],
        "saddle\ncommit treat\nnext\nsaddle\ncommit refer urgent because saddle\nnext\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let lines = history_lines(&file);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "office");
    assert_eq!(lines[0]["difficulty"], "easy");
    assert_eq!(lines[0]["topic"], "treat");
    assert_eq!(lines[0]["committed"], "treat");
    assert_eq!(lines[0]["expected"], "treat");
    assert_eq!(lines[0]["max"], 10);
    assert_eq!(lines[1]["id"], "hidden_numbness");
    assert_eq!(lines[1]["committed"], "refer urgent");
    assert_eq!(lines[1]["expected"], "refer emergency");
    assert_eq!(lines[1]["points"], 0);
    assert_eq!(lines[1]["mistake"], "missed-emergency");
    let at = lines[1]["at"].as_str().unwrap();
    assert!(
        at.len() == 20 && at.ends_with('Z') && at.as_bytes()[10] == b'T',
        "{at}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A second rehearsal adds to it; the first two rounds stay.
    let output = rehearse(
        &["--history", history, "--vignette", "office"],
        "commit modify\n",
    );
    assert!(output.status.success());
    let again = history_lines(&file);
    assert_eq!(again.len(), 3);
    assert_eq!(again[..2], lines[..]);
    assert_eq!(again[2]["committed"], "modify");
    assert_eq!(again[2]["mistake"], "over-caution");
}

#[test]
fn a_bad_history_path_fails_before_the_first_round() {
    let output = rehearse(&["--history", "/no/such/folder/h.jsonl"], "commit treat\n");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot keep the rehearsal history in /no/such/folder/h.jsonl: its folder does not exist"),
        "{stderr}"
    );
    assert!(!stdout(&output).contains("Vignette"), "no round was played");
}

#[test]
fn a_file_that_is_not_a_history_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("saved.json");
    // A saved session, as `save FILE` writes it.
    let saved = common::piped(
        &["chat", "--knowledge", FIXTURE],
        dir.path(),
        "no\nsave saved.json\nquit\n",
    );
    assert!(session.exists(), "{}", common::describe(&saved));
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my own notes\n").unwrap();
    for file in [&session, &notes] {
        let before = std::fs::read(file).unwrap();
        let output = rehearse(&["--history", file.to_str().unwrap()], "commit treat\n");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}",
            common::describe(&output)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("is not a backcheck rehearsal history"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(file).unwrap(), before);
    }
}

#[test]
fn review_shows_progress_and_replays_the_missed_vignettes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    let history = file.to_str().unwrap();
    rehearse(
        &["--history", history],
        "saddle\nage\nbones\nradiation\nworse\ncommit treat\nnext\ncommit treat\nnext\n",
    );
    let output = rehearse(
        &["--review", "--history", history],
        "saddle\ncommit refer emergency because saddle\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let text = stdout(&output);
    assert!(text.contains("Rounds recorded: 2"), "{text}");
    assert!(text.contains("rounds   1-2    5.0/10"), "{text}");
    assert!(text.contains("hard         1 round   0.0/10"), "{text}");
    assert!(text.contains("emergency    1 round   0.0/10"), "{text}");
    assert!(text.contains("hidden_numbness (0/10): you chose treat, the answer was refer emergency; missed emergency"), "{text}");
    assert!(
        text.contains("Replaying the 1 missed vignette: hidden_numbness"),
        "{text}"
    );
    let replayed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("=== Vignette"))
        .collect();
    assert_eq!(
        replayed,
        ["=== Vignette 1 of 1: \"Sciatica, and something else\" (Hard) ==="]
    );
    // The replay is recorded: now nothing is missed, and the review says so kindly.
    assert_eq!(history_lines(&file).len(), 3);
    let text = stdout(&rehearse(&["--review", "--history", history], ""));
    assert!(text.contains("Nothing to replay"), "{text}");
    assert!(!text.contains("=== Vignette"), "{text}");
    // Filters apply to the review too.
    let text = stdout(&rehearse(
        &["--review", "--history", history, "--difficulty", "easy"],
        "",
    ));
    assert!(text.contains("Rounds recorded: 1"), "{text}");
}

#[test]
fn review_needs_a_history_that_exists() {
    let output = rehearse(&["--review"], "");
    assert_eq!(output.status.code(), Some(2));
    let output = rehearse(&["--review", "--history", "/no/such/h.jsonl"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("there is no such file"));
}

#[test]
fn drill_rounds_are_recorded_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    let output = rehearse(
        &["--drill", "2", "--history", file.to_str().unwrap()],
        "1\n1\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let lines = history_lines(&file);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["kind"], "drill");
        assert_eq!(line["max"], 1);
        let right = line["committed"] == line["expected"];
        assert_eq!(line["points"], u32::from(right));
    }
}

#[test]
fn the_drill_has_many_items_unlabelled_options_and_the_big_toe_note() {
    let output = rehearse(&["--drill", "200", "--seed", "9"], &"1\n".repeat(200));
    assert!(output.status.success(), "{}", common::describe(&output));
    let text = stdout(&output);
    let prompts: std::collections::BTreeSet<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains(". "))
        .map(|l| l.split_once(". ").map_or(l, |(_, p)| p))
        .collect();
    assert!(prompts.len() >= 60, "{} distinct items", prompts.len());
    for option in text
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(") "))
    {
        let label = option.split_once(") ").map_or("", |(_, l)| l);
        let is_root = ["L4", "L5", "S1"].contains(&label);
        for segment in ["L3", "L4", "L5", "S1", "S2"] {
            assert!(is_root || !label.contains(segment), "{option}");
        }
    }
    // Answers to an item that shows the big toe carry the note on 001's table.
    let toe_item = text
        .split("\n\n")
        .find(|block| block.contains("A client has tingling in the big toe"))
        .expect("a big-toe item in 200");
    assert!(toe_item.contains("most dermatome charts"), "{toe_item}");
    // `none` is an answer where the options are roots.
    let output = rehearse(&["--drill", "1", "--seed", "0"], "none\n");
    let text = stdout(&output);
    assert!(
        text.contains("Right.") || text.contains("Not quite. The answer is"),
        "{text}"
    );
}

#[test]
fn a_history_that_is_a_folder_or_a_link_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let output = rehearse(
        &["--history", dir.path().to_str().unwrap()],
        "commit treat\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("a folder or a device"),
        "{}",
        common::describe(&output)
    );
    #[cfg(unix)]
    {
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "").unwrap();
        let link = dir.path().join("link.jsonl");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let output = rehearse(&["--history", link.to_str().unwrap()], "commit treat\n");
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains("link"));
        assert_eq!(std::fs::read(&victim).unwrap(), b"");
    }
}
