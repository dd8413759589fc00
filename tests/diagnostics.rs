//! `backcheck check DIR` on broken knowledge: every error reported at once, each
//! as `path:line:col: ` and an ariadne report quoting the source line with a
//! help hint. The full stderr of each case is a reviewed snapshot in
//! tests/snapshots/. Folders that cannot be read at all exit 2.

use crate::common;

use backcheck::compile::compile;
use backcheck::diagnostic::Diagnostic;
use backcheck::source::{KnowledgeSource, SourceFile};
use common::{Knowledge, assert_report, backcheck, describe, error_count, reports, text};
use predicates::prelude::*;

// ---------------------------------------------------------------- syntax

#[test]
fn syntax_missing_closing_quote() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let main = main_reports(&stderr);
    assert!(
        main.iter()
            .any(|r| r.contains("Help: ") && r.contains("closing `\"`")),
        "no report says a text is missing its closing quote:\n{stderr}"
    );
}

#[test]
fn syntax_missing_closing_brace_mid_file() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> done
  no -> done

outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let main = main_reports(&stderr);
    assert!(
        main.iter()
            .any(|r| r.contains("Help: ") && r.contains("`}`")),
        "no report says a `}}` is missing:\n{stderr}"
    );
}

#[test]
fn syntax_missing_closing_brace_at_end_of_file() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let main = main_reports(&stderr);
    assert_eq!(main.len(), 1, "{stderr}");
    assert!(
        main[0].contains("Help: add `}` where `outcome done` (line 6) ends"),
        "{stderr}"
    );
    common::assert_same_location(&main[0]);
}

#[test]
fn syntax_unknown_keyword() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  clinicle "Pain on palpation?"
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(
        &stderr,
        "main.flow:3:3",
        "  clinicle \"Pain on palpation?\"",
    );
    assert!(report.contains("found `clinicle`"), "{report}");
}

// ---------------------------------------------------------------- names

#[test]
fn undeclared_source_suggests_the_declared_one() {
    let stderr = Knowledge::main(
        r#"source ng59_scope {
  title "NICE guideline NG59: Low back pain and sciatica in over 16s"
  kind guideline
  section "Scope"
}
question first {
  ask "Sore?"
  source ng95_scope
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
  source ng59_scope
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:8:10", "  source ng95_scope");
    assert!(report.contains("[E030]"), "{report}");
    assert!(
        report.contains("Help: did you mean `ng59_scope`?"),
        "{report}"
    );
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn a_source_without_a_kind_and_a_source_declared_twice() {
    let stderr = Knowledge::main(
        r#"source s001 { title "Notes" }
source s002 { title "Guide" kind seed }
source s002 { title "Guide again" kind seed }
question first {
  ask "Sore?"
  source s002
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    assert!(
        stderr.contains("[E019]") && stderr.contains("source `s001` has no `kind`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("[E003]") && stderr.contains("duplicate source `s002`"),
        "{stderr}"
    );
    assert_eq!(error_count(&stderr), 2);
}

#[test]
fn unknown_target_suggests_a_close_name() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> dnoe
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:3:10", "  yes -> dnoe");
    assert!(report.contains("Help: did you mean `done`?"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn columns_count_characters_not_bytes() {
    // `ü` and `—` take several bytes each; the column is still the 32nd character.
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes "Ja, über — dem Knie" -> dnoe
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    assert_report(
        &stderr,
        "main.flow:3:32",
        "  yes \"Ja, über — dem Knie\" -> dnoe",
    );
}

#[test]
fn duplicate_id() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> done
  no -> done
}
question first {
  ask "Sore again?"
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:6:10", "question first {");
    assert!(
        report.contains("main.flow:1:10"),
        "should point at the first one:\n{report}"
    );
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn answer_without_target() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Where is the pain?"
  answer back "In my back" -> done
  answer leg "In my leg"
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:4:3", "  answer leg \"In my leg\"");
    assert!(report.contains("answer `leg` has no target"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

// ---------------------------------------------------------------- facts

#[test]
fn undeclared_fact_suggests_the_declared_one() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Thin bones?"
  yes -> done set osteoprosis
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:3:19", "  yes -> done set osteoprosis");
    assert!(
        report.contains("fact `osteoprosis` is not declared"),
        "{report}"
    );
    assert!(report.contains("did you mean `osteoporosis`?"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn value_outside_a_facts_domain() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Does it spread?"
  yes -> done set radiation = shin
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(
        &stderr,
        "main.flow:3:31",
        "  yes -> done set radiation = shin",
    );
    assert!(report.contains("none, thigh, below_knee"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn number_outside_a_facts_range() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "How old are you?"
  number 0..120 into age
  then -> route
}
decide route {
  when age > 200 -> done
  otherwise -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:7:14", "  when age > 200 -> done");
    assert!(report.contains("0 to 120"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

// ---------------------------------------------------------------- graph

#[test]
fn cycle() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> second
  no -> done
}
question second {
  ask "Still sore?"
  yes -> first
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:8:10", "  yes -> first");
    assert!(report.contains("main.first -> main.second"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn unreachable_question() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> done
  no -> done
}
question orphan {
  ask "Does anyone ask me?"
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:6:10", "question orphan {");
    assert!(
        report.contains("no path reaches question `main.orphan`"),
        "{report}"
    );
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn decide_without_otherwise() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Thin bones?"
  yes -> route set osteoporosis
  no -> route
}
decide route {
  when osteoporosis -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:6:8", "decide route {");
    assert!(report.contains("otherwise"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn next_at_the_end_of_a_file() {
    let stderr = Knowledge::main(
        r#"outcome done {
  verdict treat
  title "Fine"
}
question first {
  ask "Sore?"
  yes -> done
  no -> next
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:8:9", "  no -> next");
    assert!(report.contains("`next` has nothing to go to"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

// ---------------------------------------------------------------- questions

#[test]
fn yes_no_question_without_no() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> done
  unsure -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:1:10", "question first {");
    assert!(report.contains("has no `no` answer"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn number_question_without_then() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "How old are you?"
  number 0..120 unit "years" into age
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:1:10", "question first {");
    assert!(report.contains("has no `then`"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

// ---------------------------------------------------------------- outcomes

#[test]
fn refer_without_urgency() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> doctor
  no -> done
}
outcome doctor {
  verdict refer
  title "See a doctor"
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    // The caret belongs under `verdict refer` alone, not under the next line too.
    let report = main_reports(&stderr).join("");
    assert!(
        !report.contains("title \"See a doctor\""),
        "the label spills onto the next line:\n{report}"
    );
    let report = assert_report(&stderr, "main.flow:7:3", "  verdict refer");
    assert!(
        report.contains("refer outcome `doctor` has no urgency"),
        "{report}"
    );
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn treat_with_an_urgency() {
    let stderr = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> done
  no -> done
}
outcome done {
  verdict treat urgent
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:7:3", "  verdict treat urgent");
    assert!(report.contains("Help: write `verdict treat`"), "{report}");
    assert_eq!(error_count(&stderr), 1);
}

// ---------------------------------------------------------------- folder

#[test]
fn a_second_flow_header() {
    let stderr = Knowledge::main(
        r#"flow other "Other" {
  version "2.0"
  start first
}
question first {
  ask "Sore?"
  yes -> done
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .check_fails();
    insta::assert_snapshot!(stderr);
    let report = assert_report(&stderr, "main.flow:1:6", "flow other \"Other\" {");
    assert!(
        report.contains("flow.flow:1:1"),
        "should point at the first header:\n{report}"
    );
    assert_eq!(error_count(&stderr), 1);
}

#[test]
fn brackets_nested_100_000_deep_are_an_error_not_a_crash() {
    let deep = format!(
        "question first {{\n  ask \"Thin bones?\"\n  yes -> route set osteoporosis\n  no -> route\n}}\n\
         decide route {{\n  when {}osteoporosis{} -> done\n  otherwise -> done\n}}\n\
         outcome done {{\n  verdict treat\n  title \"Fine\"\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let stderr = Knowledge::main(&deep).check_fails();
    // The quoted source line is 200,000 brackets long: shorten the runs.
    insta::assert_snapshot!(collapse_bracket_runs(&stderr));
    let report = reports(&stderr)
        .into_iter()
        .find(|r| r.starts_with("main.flow:7:39: "))
        .unwrap_or_else(|| {
            panic!(
                "no report at the 33rd level:\n{}",
                collapse_bracket_runs(&stderr)
            )
        });
    assert!(report.contains("brackets nested more than 32 deep"));
    assert!(report.contains("Help: "));
}

#[test]
fn not_nested_100_000_deep_is_an_error_not_a_crash() {
    let deep = format!(
        "question first {{\n  ask \"Thin bones?\"\n  yes -> route set osteoporosis\n  no -> route\n}}\n\
         decide route {{\n  when {}osteoporosis -> done\n  otherwise -> done\n}}\n\
         outcome done {{\n  verdict treat\n  title \"Fine\"\n}}\n",
        "not ".repeat(100_000)
    );
    let stderr = Knowledge::main(&deep).check_fails();
    assert!(
        reports(&stderr)
            .iter()
            .any(|r| r.starts_with("main.flow:7:")),
        "no error on the deep line"
    );
}

// ---------------------------------------------------------------- all at once

#[test]
fn several_errors_in_several_files_are_all_reported_in_one_run() {
    let knowledge = Knowledge::main(
        r#"question first {
  ask "Sore?"
  yes -> secnd
  no -> route
}
question second {
  ask "Where?"
  answer back "Back" -> done set radiation = shin
  answer leg "Leg"
}
decide route {
  when age > 200 -> outcomes.doctor
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    )
    .file(
        "outcomes.flow",
        r#"outcome doctor {
  verdict refer urgent
  title "See a doctor today"
}
outcome doctor {
  verdict refer routine
  title "See a doctor"
}
"#,
    );
    let stderr = knowledge.check_fails();
    insta::assert_snapshot!(stderr);
    let expected = [
        ("main.flow:3:10", "  yes -> secnd"),
        (
            "main.flow:8:46",
            "  answer back \"Back\" -> done set radiation = shin",
        ),
        ("main.flow:9:3", "  answer leg \"Leg\""),
        ("main.flow:11:8", "decide route {"),
        ("main.flow:12:14", "  when age > 200 -> outcomes.doctor"),
        ("outcomes.flow:5:9", "outcome doctor {"),
    ];
    for (location, line) in expected {
        assert_report(&stderr, location, line);
    }
    assert_eq!(reports(&stderr).len(), expected.len(), "{stderr}");
    assert_eq!(error_count(&stderr), expected.len());
}

// ---------------------------------------------------------------- valid and unreadable

#[test]
fn valid_knowledge_is_ok() {
    backcheck(&["check", common::MINI])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("ok: mini 0.1 ("))
        .stdout(predicate::str::contains(
            "5 questions, 2 decide nodes, 5 outcomes",
        ))
        .stderr("");
}

#[test]
fn missing_folder_exits_2_with_the_path() {
    let knowledge = Knowledge::empty();
    let missing = knowledge.join("no-such-folder");
    let missing = missing.to_str().unwrap();
    backcheck(&["check", missing])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(missing))
        .stderr(predicate::str::contains("No such file or directory"));
}

#[test]
fn a_file_instead_of_a_folder_exits_2() {
    let knowledge = Knowledge::mini();
    let file = knowledge.join("flow.flow");
    let file = file.to_str().unwrap();
    backcheck(&["check", file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(file))
        .stderr(predicate::str::contains("not a folder"));
}

#[test]
fn folder_without_flow_files_exits_2() {
    let knowledge = Knowledge::empty()
        .file("README.md", "# notes\n")
        .file("sub/notes.txt", "flow x \"y\" {}\n");
    backcheck(&["check", knowledge.arg()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no .flow files"))
        .stderr(predicate::str::contains(knowledge.arg()));
}

#[test]
fn non_utf8_flow_file_exits_2_naming_the_file() {
    let knowledge = Knowledge::mini().file("latin1.flow", b"// caf\xe9\n".as_slice());
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("latin1.flow"), "{stderr}");
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn unreadable_flow_file_exits_2_naming_the_file() {
    // A dangling link: unreadable even for root, unlike a chmod 000 file.
    let knowledge = Knowledge::mini();
    std::os::unix::fs::symlink(knowledge.join("gone.txt"), knowledge.join("broken.flow")).unwrap();
    backcheck(&["check", knowledge.arg()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"))
        .stderr(predicate::str::contains("broken.flow"));
}

// ---------------------------------------------------------------- helpers

/// The reports about `main.flow` (a broken file can also cause reports elsewhere).
fn main_reports(stderr: &str) -> Vec<String> {
    reports(stderr)
        .into_iter()
        .filter(|r| r.starts_with("main.flow:"))
        .collect()
}

/// `((((((...` -> `(×100000`, so the snapshot of a 200,000-bracket line stays readable.
fn collapse_bracket_runs(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut run = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            run += 1;
        }
        if "()".contains(c) && run > 8 {
            out.push_str(&format!("{c}×{run}"));
        } else {
            out.extend(std::iter::repeat_n(c, run));
        }
    }
    out
}

// ---------------------------------------------------------------- typed suggestions

/// A header, a fact of each kind, a tag, a source and a single-choice
/// question, for the mistakes below to be made in.
const BASE: &str = r#"flow t "T" { version "1" start a.first }
fact osteoporosis: bool
fact side: left | right
tag red_flag "A sign of serious disease" means red_flag
source s001 { title "A guideline" kind guideline }
question first {
  ask "Sore?"
  yes -> where
  no -> where
}
question where {
  ask "Which side?"
  answer left "Left" -> done
  answer right "Right" -> done
}
outcome done { verdict treat title "Fine" }
"#;

/// A knowledge folder's files: (path, text).
type Files = Vec<(&'static str, String)>;

/// The errors of `files` compiled in-process, with the folder.
fn compile_errors(files: &[(&str, String)]) -> (KnowledgeSource, Vec<Diagnostic>) {
    let source = KnowledgeSource {
        files: (files.iter())
            .map(|(path, text)| SourceFile::new(*path, text.clone()))
            .collect(),
    };
    let errors = compile(&source).err().unwrap_or_default();
    (source, errors)
}

/// Each hint that names a replacement is a typed suggestion: the help line
/// says what it said before, word for word, and the fix, applied to the
/// text, takes that error away.
#[test]
fn every_named_replacement_is_a_suggestion_that_fixes_its_error() {
    let base = |from: &str, to: &str| {
        assert!(BASE.contains(from), "{from}");
        BASE.replacen(from, to, 1)
    };
    // (the files, the help line, the replacements offered)
    let cases: Vec<(Files, &str, Vec<&str>)> = vec![
        (
            vec![("a.flow", base("yes -> where", "yes -> wheer"))],
            "did you mean `where`?",
            vec!["where"],
        ),
        (
            vec![(
                "a.flow",
                base("yes -> where", "yes -> where set osteoporsis"),
            )],
            "did you mean `osteoporosis`?",
            vec!["osteoporosis"],
        ),
        (
            vec![(
                "a.flow",
                base("yes -> where", "yes -> where set side = lef"),
            )],
            "did you mean `left`?",
            vec!["left"],
        ),
        (
            vec![(
                "a.flow",
                base("  ask \"Sore?\"", "  ask \"Sore?\"\n  tags red_flg"),
            )],
            "did you mean `red_flag`?",
            vec!["red_flag"],
        ),
        (
            vec![(
                "a.flow",
                base("  ask \"Sore?\"", "  ask \"Sore?\"\n  source s01"),
            )],
            "did you mean `s001`?",
            vec!["s001"],
        ),
        (
            vec![(
                "a.flow",
                base("yes -> where", "yes -> pick")
                    + "decide pick { when osteoporsis -> where otherwise -> where }\n",
            )],
            "did you mean `osteoporosis`?",
            vec!["osteoporosis"],
        ),
        (
            vec![(
                "a.flow",
                base("yes -> where", "yes -> pick")
                    + "decide pick { when where == lfet -> done otherwise -> where }\n",
            )],
            "did you mean `left`?",
            vec!["left"],
        ),
        (
            vec![(
                "a.flow",
                BASE.to_string() + "invariant \"i\" { first in [yes] => outcome != dnoe }\n",
            )],
            "did you mean `done`?",
            vec!["done"],
        ),
        (
            vec![(
                "a.flow",
                BASE.to_string() + "case \"c\" { answers frist=yes where=left expect treat }\n",
            )],
            "did you mean `first`?",
            vec!["first"],
        ),
        (
            vec![
                ("a.flow", base("yes -> where", "yes -> other")),
                (
                    "far_away_outcomes.flow",
                    "outcome other { verdict treat title \"Other\" }\n".to_string(),
                ),
            ],
            "did you mean `far_away_outcomes.other`? (ids from other files need the file name)",
            vec!["far_away_outcomes.other"],
        ),
        (
            vec![
                (
                    "a.flow",
                    BASE.to_string() + "case \"c\" { answers first=yes side=left expect treat }\n",
                ),
                (
                    "b.flow",
                    "question side { ask \"?\" yes -> a.done no -> a.done }\n".to_string(),
                ),
                (
                    "c.flow",
                    "question side { ask \"?\" yes -> a.done no -> a.done }\n".to_string(),
                ),
            ],
            "write one of b.side, c.side",
            vec!["b.side", "c.side"],
        ),
        (
            vec![("a.flow", base("verdict treat", "verdict refer"))],
            "write `verdict refer emergency`, `refer urgent` or `refer routine`",
            vec![
                "verdict refer emergency",
                "verdict refer urgent",
                "verdict refer routine",
            ],
        ),
        (
            vec![("a.flow", base("verdict treat", "verdict treat urgent"))],
            "write `verdict treat`",
            vec!["verdict treat"],
        ),
        (
            vec![(
                "a.flow",
                BASE.to_string()
                    + "case \"c\" { answers first=yes where=left expect treat routine }\n",
            )],
            "write `expect treat`",
            vec!["expect treat"],
        ),
        (
            vec![(
                "a.flow",
                base("fact side: left | right", "fact age: number 120..0"),
            )],
            "write the smaller number first: 0..120",
            vec!["0..120"],
        ),
        (
            vec![(
                "a.flow",
                base("  ask \"Sore?\"", "  ask \"Sore?\"\n  clinicle \"x\""),
            )],
            "did you mean `clinical`?",
            vec!["clinical"],
        ),
    ];
    for (files, help, replacements) in cases {
        let (source, errors) = compile_errors(&files);
        // The first error: any other follows from it (a question only
        // an ambiguous id would reach is unreached).
        let error = errors.first().expect("an error");
        assert_eq!(error.help().as_deref(), Some(help), "{errors:#?}");
        let offered: Vec<&str> = (error.suggestions.iter())
            .map(|s| s.replacement.as_str())
            .collect();
        assert_eq!(offered, replacements, "{error:#?}");
        // Each replacement, made in the text, leaves a folder without this error.
        for suggestion in &error.suggestions {
            let mut fixed = files.clone();
            let file = suggestion.span.file();
            let text = &source.files[file].text;
            fixed[file].1 = format!(
                "{}{}{}",
                &text[..suggestion.span.start()],
                suggestion.replacement,
                &text[suggestion.span.end()..]
            );
            let (_, left) = compile_errors(&fixed);
            assert!(
                !left.iter().any(|e| e.message == error.message),
                "{:?} does not fix {error:#?}: {left:#?}",
                suggestion.replacement
            );
        }
    }
}

/// A hint that says what to do in words is no suggestion: nothing is
/// offered that the author must judge.
#[test]
fn a_hint_in_words_offers_no_fix() {
    let (_, errors) = compile_errors(&[(
        "a.flow",
        BASE.replacen("yes -> where", "yes -> where set nothing_like_it", 1),
    )]);
    let [error] = &errors[..] else {
        panic!("{errors:#?}")
    };
    assert_eq!(
        error.help().as_deref(),
        Some("declare it: `fact nothing_like_it: bool`")
    );
    assert!(error.suggestions.is_empty(), "{error:#?}");
}

/// A megabyte identifier is named by its first characters and its length,
/// not quoted whole in the message and again in the hint.
#[test]
fn a_huge_name_is_cut_in_its_diagnostic() {
    let name = format!("f{}", "x".repeat(1 << 20));
    let knowledge = Knowledge::mini().edit(
        "flow.flow",
        "fact osteoporosis: bool",
        &format!("fact osteoporosis: bool\nfact {name}: bool"),
    );
    let output = backcheck(&["check", knowledge.arg()])
        .output()
        .expect("run backcheck");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("W002"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(
        stderr.contains("characters)"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(stderr.len() < 4096, "{} bytes of warning", stderr.len());
}

/// Issue 27, 5: each position was found by scanning the file from its
/// start, so 80,000 errors in a 2.9 MB file took 50 s (69 s as JSON) in a
/// release build. With a line index built once per file, a safety net: it
/// finishes, and the last error is placed right.
#[test]
fn eighty_thousand_errors_in_a_large_file_are_placed_at_once() {
    let mut text = String::from(
        "question q1 { ask \"x\" yes -> e no -> e }\noutcome e { verdict treat title \"t\" }\n",
    );
    for i in 2..=40_001 {
        text.push_str(&format!(
            "question q{i}{{ask\"x\"yes->e no->e}}outcome o{i}{{verdict treat title\"t\"}}\n"
        ));
    }
    let knowledge = Knowledge::empty()
        .file(
            "flow.flow",
            "flow m \"M\" {\n  version \"1\"\n  start main.q1\n}\n",
        )
        .file("main.flow", &text);
    let output = backcheck(&["check", "--format", "json", knowledge.arg()])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["errors"], serde_json::json!(80_000));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let last = &diagnostics[diagnostics.len() - 1];
    assert_eq!(
        last["message"],
        serde_json::json!("no path reaches outcome `main.o40001`")
    );
    // `question q40001{ask"x"yes->e no->e}outcome o40001`: `o40001` at 44.
    assert_eq!(last["line"], serde_json::json!(40_002), "{last}");
    assert_eq!(last["column"], serde_json::json!(44), "{last}");
}
