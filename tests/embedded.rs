//! The knowledge shipped inside the binary (knowledge/lower_back): it compiles,
//! and every case written for it passes.

use crate::common;

use common::{Knowledge, backcheck, describe, text};

#[test]
fn embedded_knowledge_checks_ok() {
    let output = backcheck(&["check"]).output().expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("ok: lower_back "), "{stdout}");
}

#[test]
fn embedded_cases_all_pass() {
    let output = backcheck(&["test"]).output().expect("run backcheck");
    let stdout = text(&output.stdout);
    let failures: Vec<&str> = stdout.lines().filter(|l| !l.starts_with("ok   ")).collect();
    assert_eq!(
        output.status.code(),
        Some(0),
        "failing cases:\n{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout.trim_end().lines().last().unwrap_or_default();
    let passed: usize = last
        .strip_suffix(" passed, 0 failed")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("last line is not `N passed, 0 failed`: `{last}`"));
    assert!(passed > 0, "the embedded knowledge has no cases: {last}");
}

#[test]
fn embedded_knowledge_is_the_default_for_run() {
    // With no answers and no --knowledge, `run` stops at the shipped graph's
    // first question (exit 3) and names it.
    let output = backcheck(&["run", "--answers", "", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["status"], "incomplete");
    assert_eq!(json["knowledge"]["name"], "lower_back");
    assert!(
        json["next"]["id"].as_str().is_some_and(|id| !id.is_empty()),
        "{json}"
    );
}

// The safety gate: a knowledge change that adds a warning, breaks an
// invariant on any path, or is not in canonical layout cannot land.

#[test]
fn embedded_knowledge_has_no_warnings() {
    let output = backcheck(&["check", "--deny-warnings"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
}

#[test]
fn every_invariant_holds_on_every_path_of_the_embedded_knowledge() {
    let output = backcheck(&["verify"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stdout = text(&output.stdout);
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");
}

#[test]
fn shipped_knowledge_is_in_canonical_layout() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge");
    let output = backcheck(&["fmt", "--check", dir]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
}

#[test]
fn simple_localised_pain_is_treated_with_a_plan() {
    let answers = "opening=self_pain,back_pain=yes,how_old=34,pregnancy=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,\
                   leg_symptoms=no,fainting=no,confusion=no,fever=no,history_screen=none,risk_screen=none,\
                   symptom_screen=none,how_long=acute,spread=none,conditions=none,worse_positions=none";
    let output = backcheck(&["run", "--json", "--answers", answers])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["verdict"], "treat", "{json}");
    assert!(
        json["plan"].as_array().is_some_and(|p| !p.is_empty()),
        "{json}"
    );
}

#[test]
fn yes_to_any_emergency_red_flag_refers_as_an_emergency() {
    // Age 60: no pregnancy question, and the aorta question is asked.
    let before = [
        "saddle_numbness",
        "bladder_bowel",
        "sexual_function",
        "leg_symptoms",
        "fainting",
        "sudden_belly_back",
        "confusion",
    ];
    for (i, flag) in before.iter().enumerate() {
        if *flag == "leg_symptoms" {
            continue; // this leads to follow-up questions rather than straight to a referral
        }
        let mut answers: Vec<String> = vec![
            "opening=self_pain,back_pain=yes".into(),
            "how_old=60".into(),
        ];
        answers.extend(before[..i].iter().map(|q| format!("{q}=no")));
        answers.push(format!("{flag}=yes"));
        let output = backcheck(&["run", "--json", "--answers", &answers.join(",")])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["verdict"], "refer", "{flag}: {json}");
        assert_eq!(json["urgency"], "emergency", "{flag}: {json}");
    }
}

#[test]
fn osteoporosis_and_blood_thinners_modify_with_both_notes() {
    let answers = "opening=self_pain,back_pain=yes,how_old=68,saddle_numbness=no,bladder_bowel=no,sexual_function=no,\
                   leg_symptoms=no,fainting=no,sudden_belly_back=no,confusion=no,fever=no,\
                   history_screen=none,risk_screen=thin_bones,symptom_screen=none,how_long=acute,spread=none,\
                   first_onset=no,conditions=bleeding,worse_positions=face_down";
    let output = backcheck(&["run", "--json", "--answers", answers])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["verdict"], "modify", "{json}");
    let notes = json["notes"].to_string().to_lowercase();
    assert!(notes.contains("bone"), "{notes}");
    assert!(
        notes.contains("bleed") || notes.contains("blood"),
        "{notes}"
    );
    assert!(
        notes.contains("face-down") || notes.contains("side"),
        "{notes}"
    );
}

#[test]
fn the_shipped_vignettes_cover_every_verdict_and_urgency() {
    let output = backcheck(&["rehearse", "--list", "--outcomes"])
        .output()
        .unwrap();
    let list = text(&output.stdout);
    assert!(list.lines().count() >= 30, "{list}");
    for difficulty in ["\teasy\t", "\tmedium\t", "\thard\t"] {
        assert!(list.contains(difficulty), "{difficulty}: {list}");
    }
    // Each vignette runs as a case (`vignette ID`): its expected verdict is what
    // the engine decides from the client's answers.
    let tested = text(&backcheck(&["test"]).output().unwrap().stdout);
    let vignettes = tested
        .lines()
        .filter(|l| l.starts_with("ok   vignette "))
        .count();
    assert_eq!(vignettes, list.lines().count(), "{tested}");
    let mut expected = String::new();
    for dir in ["knowledge/lower_back/vignettes"] {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for file in backcheck::source::walk_flow_files(&folder).unwrap() {
            let text = std::fs::read_to_string(file.path).unwrap();
            // fmt lines fields up in columns: compare words, not spacing.
            expected.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
            expected.push(' ');
        }
    }
    for verdict in [
        "expect treat",
        "expect modify",
        "expect refer routine",
        "expect refer urgent",
        "expect refer emergency",
    ] {
        assert!(expected.contains(verdict), "no vignette with `{verdict}`");
    }
}

#[test]
fn the_binary_compiles_the_embedded_text_as_it_compiles_a_folder() {
    // Without --knowledge the binary compiles the text build.rs embedded,
    // at start: the same graph as the folder on disk, content hash included.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/lower_back");
    let answers = "opening=self_pain,back_pain=yes,how_old=40,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_symptoms=no";
    let commands: [&[&str]; 2] = [
        &["run", "--json", "--answers", answers],
        &["graph", "--format", "json"],
    ];
    for args in commands {
        let embedded = backcheck(args).output().unwrap();
        let from_disk = backcheck(&[args, &["--knowledge", dir]].concat())
            .output()
            .unwrap();
        assert!(
            embedded.status.code() == Some(0) || embedded.status.code() == Some(3),
            "{args:?}: {}",
            describe(&embedded)
        );
        assert_eq!(embedded.status.code(), from_disk.status.code(), "{args:?}");
        assert_eq!(text(&embedded.stdout), text(&from_disk.stdout), "{args:?}");
    }
}

#[test]
fn knowledge_errors_stop_every_command_as_check_reports_them() {
    // One way to load knowledge: whatever the command, errors in it are
    // rendered as `check` renders them, and the exit code is 1.
    let broken = Knowledge::main(
        "question first {\n  ask \"Thin bones?\"\n  yes -> nowhere\n  no -> done\n}\n\
         outcome done {\n  verdict treat\n  title \"Fine\"\n}\n",
    );
    let check = backcheck(&["check", broken.arg()]).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", describe(&check));
    let report = text(&check.stderr);
    assert!(report.contains("main.flow:3:"), "{report}");
    let commands: [&[&str]; 4] = [
        &["run", "--answers", "", "--knowledge", broken.arg()],
        &["graph", "--knowledge", broken.arg()],
        &["chat", "--knowledge", broken.arg()],
        &["rehearse", "--list", "--knowledge", broken.arg()],
    ];
    for args in commands {
        let output = backcheck(args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            describe(&output)
        );
        assert_eq!(text(&output.stderr), report, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}: {}", describe(&output));
    }
}
