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
    // The topic is the kind of outcome: the answer, shown only when asked.
    let output = rehearse(&["--list"], "");
    assert_eq!(
        stdout(&output),
        "office\tStiff after a long week at the desk\teasy\nhidden_numbness\tSciatica, and something else\thard\n"
    );
    let output = rehearse(&["--list", "--outcomes"], "");
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
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        list,
        serde_json::json!([
            {"id": "office", "title": "Stiff after a long week at the desk", "difficulty": "easy"},
            {"id": "hidden_numbness", "title": "Sciatica, and something else", "difficulty": "hard"}
        ])
    );
    let output = rehearse(&["--list", "--json", "--outcomes"], "");
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
        stdout(&rehearse(
            &["--list", "--difficulty", "hard", "--outcomes"],
            ""
        )),
        "hidden_numbness\tSciatica, and something else\thard\temergency\n"
    );
    assert_eq!(
        stdout(&rehearse(&["--list", "--topic", "treat"], "")),
        "office\tStiff after a long week at the desk\teasy\n"
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
    assert!(text.contains("  hidden_numbness (0/10) at "), "{text}");
    assert!(
        text.contains("    you chose treat, the answer was refer emergency\n    missed emergency\n    not played again yet"),
        "{text}"
    );
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
    // `none` is an answer where the options are roots (the first seed
    // whose first item asks for a root).
    let text = (0..50)
        .map(|seed| {
            stdout(&rehearse(
                &["--drill", "1", "--seed", &seed.to_string()],
                "none\n",
            ))
        })
        .find(|text| text.contains("A client has"))
        .expect("an item with root options in 50 seeds");
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

/// The number `list` gives the question `id`, read from the rehearsal's own screen.
fn listed_number(text: &str, id: &str) -> String {
    text.lines()
        .find_map(|line| {
            let (number, rest) = line.trim().split_once(") ")?;
            rest.starts_with(&format!("{id} - "))
                .then(|| number.to_string())
        })
        .unwrap_or_else(|| panic!("`{id}` is not listed:\n{text}"))
}

#[test]
fn whatif_takes_the_numbers_list_shows() {
    let listed = stdout(&rehearse(&["--vignette", "office"], "list\nquit\n"));
    let radiation = listed_number(&listed, "radiation");
    let text = stdout(&rehearse(
        &["--vignette", "office"],
        &format!("commit treat\nwhatif {radiation}=below_knee\nquit\n"),
    ));
    assert!(
        text.contains(&format!(
            "What if {radiation}) radiation \"Below the knee\":"
        )),
        "{text}"
    );
    assert!(
        text.contains(
            "The graph would reach \"See your doctor before a massage\" (refer routine)."
        ),
        "{text}"
    );
    // The story's result is named as such, never as what is "now".
    assert!(!text.contains("Now:"), "{text}");
    assert!(
        text.contains("With the story's answers (unchanged): \"Massage is suitable\" (treat)"),
        "{text}"
    );
    // After the score, `list` shows the same numbers.
    let after = stdout(&rehearse(
        &["--vignette", "office"],
        "commit treat\nlist\nquit\n",
    ));
    assert_eq!(listed_number(&after, "radiation"), radiation);
}

#[test]
fn whatif_with_several_answers_uses_them_all() {
    let one = stdout(&rehearse(
        &["--vignette", "office"],
        "commit treat\nwhatif bones=yes\nquit\n",
    ));
    assert!(
        one.contains("The graph would reach \"Massage is fine, with changes\" (modify)."),
        "{one}"
    );
    // The changes that would follow, as the scoring of a modify wants them named.
    assert!(
        one.contains("  The massage would change:\n    - No deep tissue; no mobilisation.\n"),
        "{one}"
    );
    // Both answers count: with the first alone the result would be modify.
    let both = stdout(&rehearse(
        &["--vignette", "office"],
        "commit treat\nwhatif bones=yes,radiation=below_knee\nquit\n",
    ));
    assert!(
        both.contains("What if these 2 answers were so:\n    3) bones \"Yes\"\n    4) radiation \"Below the knee\"\n"),
        "{both}"
    );
    assert!(
        both.contains(
            "The graph would reach \"See your doctor before a massage\" (refer routine)."
        ),
        "{both}"
    );
    // The same commit is scored again on the other answers.
    let rescored = |text: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix("Your commit (treat) would score "))
            .and_then(|rest| rest.split('/').next())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or_else(|| panic!("no score again:\n{text}"))
    };
    assert!(rescored(&both) < rescored(&one), "{both}\n{one}");
}

#[test]
fn whatif_errors_suggest_only_what_rehearse_takes() {
    let text = stdout(&rehearse(
        &["--vignette", "office"],
        "commit treat\nwhatif 99=yes\nwhatif foo\nwhatif radiation=perhaps\nwhatif bones=yes,bones=no\nwhatif\nsummary\nquit\n",
    ));
    assert!(!text.contains("summary`"), "{text}");
    assert!(text.contains("There is no question `99`"), "{text}");
    assert!(text.contains("is given twice"), "{text}");
    assert!(
        text.matches("Write: whatif N=ANSWER").count() >= 3,
        "{text}"
    );
    assert!(!text.contains("What if"), "{text}");
}

#[test]
fn commit_takes_none_for_no_single_root_and_skip_says_so() {
    let text = stdout(&rehearse(
        &["--vignette", "hidden_numbness"],
        "commit refer routine none\nquit\n",
    ));
    assert!(text.contains("--- Score: "), "{text}");
    assert!(!text.contains("Write: commit"), "{text}");
    let text = stdout(&rehearse(&["--vignette", "office"], "skip\n"));
    assert!(
        text.contains("Skipped \"Stiff after a long week at the desk\": not scored."),
        "{text}"
    );
}

#[test]
fn drill_json_is_an_array_of_the_answers() {
    let output = common::piped(
        &[
            "rehearse",
            "--drill",
            "3",
            "--seed",
            "4",
            "--json",
            "--student",
            "Ann",
        ],
        std::path::Path::new("."),
        "1\n2\n1\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let answers: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let answers = answers.as_array().expect("an array");
    assert_eq!(answers.len(), 3, "{answers:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let right_on_screen = stderr.matches("Right.").count();
    let mut right = 0;
    for answer in answers {
        assert_eq!(answer["kind"], "drill");
        assert_eq!(answer["student"], "Ann");
        assert_eq!(answer["max_score"], 1);
        assert!(answer["item"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(
            answer["prompt"]
                .as_str()
                .is_some_and(|s| stderr.contains(s))
        );
        assert!(answer["seconds"].as_f64().is_some_and(|s| s >= 0.0));
        let is_right = answer["chosen"] == answer["expected"];
        assert_eq!(answer["right"], is_right);
        assert_eq!(answer["points"], u32::from(is_right));
        right += usize::from(is_right);
    }
    assert_eq!(right, right_on_screen, "{stderr}");
    assert!(
        stderr.contains(&format!("Drill score: {right}/3 right.")),
        "{stderr}"
    );
}

#[test]
fn round_json_has_what_a_teacher_needs() {
    let output = rehearse(
        &[
            "--json",
            "--vignette",
            "hidden_numbness",
            "--student",
            "Ben",
        ],
        "ask radiation\nask saddle\ncommit refer emergency L5 because saddle\nnext\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    // Nothing but the JSON on stdout: the story and the score went to stderr.
    let rounds: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("--- Score: "));
    let round = &rounds[0];
    assert_eq!(round["kind"], "vignette");
    assert_eq!(round["student"], "Ben");
    assert_eq!(round["title"], "Sciatica, and something else");
    assert_eq!(round["difficulty"], "hard");
    assert_eq!(round["verdict"], "refer");
    assert_eq!(round["urgency"], "emergency");
    assert_eq!(round["root"], "L5");
    assert_eq!(round["reasons"], serde_json::json!(["saddle"]));
    assert_eq!(
        round["questions_asked"],
        serde_json::json!(["radiation", "saddle"])
    );
    assert_eq!(round["red_flags"], serde_json::json!(["saddle"]));
    assert_eq!(round["max_score"], 10);
    assert_eq!(round["points"], round["score"]["points"]);
    assert!(round["seconds"].as_f64().is_some());
    // A modify names its changes; a skipped round has no score.
    let rounds: serde_json::Value = serde_json::from_slice(
        &rehearse(
            &["--json", "--vignette", "office"],
            "commit modify gentle side-lying\n",
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(
        rounds[0]["changes"],
        serde_json::json!(["gentle", "side-lying"])
    );
    assert!(rounds[0].get("student").is_none());
    let rounds: serde_json::Value =
        serde_json::from_slice(&rehearse(&["--json", "--vignette", "office"], "skip\n").stdout)
            .unwrap();
    assert_eq!(rounds[0]["points"], serde_json::Value::Null);
    assert_eq!(rounds[0]["committed"], serde_json::Value::Null);
}

#[test]
fn review_json_has_the_figures_and_the_replays() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    let history = file.to_str().unwrap();
    rehearse(
        &["--history", history, "--student", "Cy"],
        "saddle\nage\nbones\nradiation\nworse\ncommit treat\nnext\ncommit treat\nnext\n",
    );
    let output = rehearse(
        &["--review", "--history", history, "--json"],
        "saddle\ncommit refer emergency because saddle\n",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let review: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let progress = &review["progress"];
    assert_eq!(progress["vignette_rounds"], 2);
    assert_eq!(progress["drill_answers"], 0);
    assert_eq!(
        progress["replay_vignettes"],
        serde_json::json!(["hidden_numbness"])
    );
    assert_eq!(progress["per_red_flag"][0]["id"], "saddle");
    assert_eq!(progress["per_red_flag"][0]["missed"], 1);
    assert_eq!(review["rounds"][0]["vignette"], "hidden_numbness");
    assert_eq!(review["rounds"][0]["points"], 10);
    // The student is kept in the history (the replay named none).
    let lines = history_lines(&file);
    assert_eq!(lines.len(), 3);
    assert!(lines[..2].iter().all(|l| l["student"] == "Cy"), "{lines:?}");
    assert!(lines[2].get("student").is_none(), "{lines:?}");
}

/// A history file written by hand: `(kind, id, points)` per line.
fn write_history(path: &std::path::Path, lines: &[(&str, &str, u32, Option<&str>)]) {
    let mut text = String::new();
    for (n, (kind, id, points, student)) in lines.iter().enumerate() {
        let mut line = if *kind == "drill" {
            serde_json::json!({"format": "backcheck-rehearse-history-1",
                "at": format!("2026-12-01T00:00:{n:02}Z"), "kind": "drill", "id": id,
                "topic": "drill", "committed": "L4", "expected": "L5",
                "points": points, "max": 1})
        } else {
            serde_json::json!({"format": "backcheck-rehearse-history-1",
                "at": format!("2026-12-01T00:00:{n:02}Z"), "kind": "vignette", "id": id,
                "difficulty": "hard", "topic": "emergency", "committed": "treat",
                "expected": "refer emergency", "points": points, "max": 10,
                "red_flags": ["saddle"],
                "missed_red_flags": if *points < 10 { vec!["saddle"] } else { vec![] }})
        };
        if let Some(student) = student {
            line["student"] = serde_json::json!(student);
        }
        if *kind == "vignette" && *points == 0 {
            line["mistake"] = serde_json::json!("missed-emergency");
        }
        text.push_str(&line.to_string());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn review_keeps_the_drill_apart_and_shows_progress_per_vignette_and_red_flag() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    write_history(
        &file,
        &[
            ("vignette", "hidden_numbness", 0, None),
            ("drill", "single-inner_foot_numbness", 1, None),
            ("drill", "single-big_toe_tingling", 1, None),
            ("vignette", "hidden_numbness", 10, None),
        ],
    );
    let text = stdout(&rehearse(
        &["--review", "--history", file.to_str().unwrap()],
        "",
    ));
    // Drill answers (out of 1, scaled, would be 10/10) are not in the mean.
    assert!(text.contains("Rounds recorded: 2 ("), "{text}");
    assert!(text.contains("Mean score: 5.0/10."), "{text}");
    assert!(
        text.contains("Drill answers recorded: 2, 2 right"),
        "{text}"
    );
    assert!(
        text.contains("  hidden_numbness            2 rounds  first  0  best 10  latest 10 of 10"),
        "{text}"
    );
    assert!(
        text.contains(
            "  saddle                     2 rounds  not asked in 1; asked the latest time"
        ),
        "{text}"
    );
    // The replayed mistake shows its old and new scores.
    assert!(
        text.contains("  hidden_numbness (0/10) at 2026-12-01T00:00:00Z:\n    you chose treat, the answer was refer emergency\n    missed emergency\n    played again since: 10/10 (was 0/10)"),
        "{text}"
    );
    assert!(text.contains("Nothing to replay"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn review_replays_the_drill_items_answered_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    write_history(
        &file,
        &[
            ("drill", "single-inner_foot_numbness", 0, None),
            ("drill", "single-big_toe_tingling", 1, None),
        ],
    );
    let history = file.to_str().unwrap();
    let output = rehearse(&["--review", "--history", history], "1\n");
    let text = stdout(&output);
    assert!(output.status.success(), "{}", common::describe(&output));
    assert!(
        text.contains("Then the 1 drill item last answered wrong."),
        "{text}"
    );
    assert!(text.contains("Nerve-root drill: 1 item."), "{text}");
    assert!(text.contains("Drill score: "), "{text}");
    let lines = history_lines(&file);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["kind"], "drill");
    assert_eq!(lines[2]["id"], "single-inner_foot_numbness");
}

#[test]
fn blind_leaves_out_what_the_graph_has() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    write_history(&file, &[("vignette", "hidden_numbness", 0, None)]);
    let history = file.to_str().unwrap();
    let seen = stdout(&rehearse(&["--review", "--history", history], "quit\n"));
    assert!(seen.contains("the answer was refer emergency"), "{seen}");
    assert!(seen.contains("By topic:"), "{seen}");
    let blind = stdout(&rehearse(
        &["--review", "--history", history, "--blind"],
        "quit\n",
    ));
    // The review, before the replay (whose scoring help names every verdict).
    let (blind, _) = blind.split_once("\nReplaying").expect("a replay");
    for answer in [
        "the answer was",
        "By topic:",
        "emergency",
        "missed emergency",
    ] {
        assert!(!blind.contains(answer), "{answer}: {blind}");
    }
    assert!(blind.contains("hidden_numbness (0/10)"), "{blind}");
    let json = rehearse(
        &["--review", "--history", history, "--blind", "--json"],
        "quit\n",
    );
    let review: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(review["progress"]["costliest"][0].get("expected").is_none());
}

#[test]
fn class_puts_several_students_in_one_table() {
    let dir = tempfile::tempdir().unwrap();
    write_history(
        &dir.path().join("ann.jsonl"),
        &[
            ("vignette", "hidden_numbness", 0, Some("Ann")),
            ("vignette", "office", 10, None),
            ("drill", "single-inner_foot_numbness", 1, Some("Ann")),
        ],
    );
    write_history(
        &dir.path().join("ben.jsonl"),
        &[("vignette", "hidden_numbness", 10, None)],
    );
    std::fs::write(dir.path().join("notes.txt"), "not a history\n").unwrap();
    let output = common::piped(
        &["rehearse", "--class", dir.path().to_str().unwrap()],
        std::path::Path::new("."),
        "",
    );
    assert!(output.status.success(), "{}", common::describe(&output));
    let text = stdout(&output);
    assert!(text.contains("Students: 2."), "{text}");
    assert!(
        text.contains("  Ann                      2      5.0          1/1            1 of 2"),
        "{text}"
    );
    assert!(
        text.contains("  ben                      1     10.0          0/0            0 of 1"),
        "{text}"
    );
    assert!(
        text.contains("  saddle                 1/3  missed by Ann 1/2"),
        "{text}"
    );
    assert!(
        text.contains("  hidden_numbness         2  Ann 0"),
        "{text}"
    );
    assert!(
        text.contains("  office                  1  all at full marks"),
        "{text}"
    );
    assert!(text.contains("Left out notes.txt"), "{text}");
    let json = common::piped(
        &[
            "rehearse",
            "--class",
            dir.path().to_str().unwrap(),
            "--json",
        ],
        std::path::Path::new("."),
        "",
    );
    let table: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(table["students"][0]["student"], "Ann");
    assert_eq!(table["students"][0]["progress"]["vignette_rounds"], 2);
    assert_eq!(
        table["per_red_flag"][0]["students"]["ben"],
        serde_json::json!({"rounds": 1, "missed": 0})
    );
    // An empty folder is said plainly.
    let empty = tempfile::tempdir().unwrap();
    let output = common::piped(
        &["rehearse", "--class", empty.path().to_str().unwrap()],
        std::path::Path::new("."),
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no rehearsal history in"));
}

#[test]
fn whatif_names_the_root_the_findings_would_point_to() {
    let output = common::piped(
        &["rehearse", "--vignette", "plasterer_l5"],
        std::path::Path::new("."),
        "commit refer routine L5\nwhatif numb_where=little_toe,weak_moves=toe_walk,reflexes=ankle_reduced\nquit\n",
    );
    let text = stdout(&output);
    assert!(text.contains("What if "), "{text}");
    assert!(
        text.contains("Your commit (refer routine L5) would score"),
        "{text}"
    );
    assert!(
        text.contains("The findings would point to the S1 root."),
        "{text}"
    );
}

/// Every key of `value`, at any depth, except the keys of the objects
/// `by_name` names (their keys are students' names, not fields).
fn keys(
    value: &serde_json::Value,
    by_name: &[&str],
    into: &mut std::collections::BTreeSet<String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                into.insert(key.clone());
                if by_name.contains(&key.as_str()) && inner.is_object() {
                    for named in inner.as_object().into_iter().flat_map(|m| m.values()) {
                        keys(named, by_name, into);
                    }
                } else {
                    keys(inner, by_name, into);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                keys(item, by_name, into);
            }
        }
        _ => {}
    }
}

#[test]
fn docs_describe_every_field_of_the_json() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/rehearse-json.md"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.jsonl");
    let history = file.to_str().unwrap();
    let json = |output: Output| -> serde_json::Value {
        serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", common::describe(&output)))
    };
    let mut outputs = vec![
        json(rehearse(
            &["--json", "--history", history, "--student", "Di"],
            "saddle\ncommit refer urgent L5 because saddle\nnext\ncommit modify gentle\nnext\n",
        )),
        json(common::piped(
            &["rehearse", "--drill", "2", "--json", "--history", history],
            std::path::Path::new("."),
            "1\n1\n",
        )),
        json(rehearse(&["--list", "--json", "--outcomes"], "")),
    ];
    outputs.push(json(rehearse(
        &["--review", "--history", history, "--json"],
        "commit treat\nnext\ncommit treat\nnext\n1\n1\n",
    )));
    outputs.push(json(common::piped(
        &[
            "rehearse",
            "--class",
            dir.path().to_str().unwrap(),
            "--json",
        ],
        std::path::Path::new("."),
        "",
    )));
    let mut found = std::collections::BTreeSet::new();
    for output in &outputs {
        keys(output, &["students"], &mut found);
    }
    assert!(found.len() > 40, "{found:?}");
    let missing: Vec<&String> = found
        .iter()
        .filter(|key| {
            !doc.contains(&format!("`{key}`"))
                && !doc.contains(&format!("{{{key},"))
                && !doc.contains(&format!(", {key}"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/rehearse-json.md: {missing:?}"
    );
}
