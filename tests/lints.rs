//! The lints of `backcheck check`: one small folder per lint, asserting the
//! code and the `file:line:col` of the warning. Warnings alone exit 0 and
//! keep the `ok:` line; `--deny-warnings` makes them fail.

use crate::common;

use common::{Knowledge, MINI, backcheck, describe, reports, text};

/// A question with everything a lint asks for, leading to `done`.
const CLEAN_DONE: &str = r#"
outcome done {
  verdict treat
  title "Fine"
  source "NICE NG59"
}
"#;

/// `check DIR`: expects exit 0 and the `ok:` line; returns stderr.
fn warnings(knowledge: &Knowledge) -> String {
    let output = backcheck(&["check", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(
        text(&output.stdout).starts_with("ok: "),
        "{}",
        describe(&output)
    );
    let stderr = text(&output.stderr);
    assert!(
        !stderr.contains('\x1b'),
        "escape codes with NO_COLOR:\n{stderr}"
    );
    stderr
}

/// The report at `location` with `code`; panics with all of stderr if none.
fn warning(stderr: &str, code: &str, location: &str) -> String {
    reports(stderr)
        .into_iter()
        .find(|r| r.starts_with(&format!("{location}: [{code}] Warning")))
        .unwrap_or_else(|| panic!("no {code} at {location}:\n{stderr}"))
}

fn main_flow(text: &str) -> Knowledge {
    Knowledge::main(&format!("{text}{CLEAN_DONE}"))
}

#[test]
fn w001_a_decide_arm_shadowed_by_an_earlier_one_is_a_dead_end() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  why "To know."
  source "NICE NG59"
  yes -> route set osteoporosis
  no -> route
}
decide route {
  when osteoporosis -> done
  when osteoporosis and age < 16 -> done
  otherwise -> done
}
"#,
    ));
    let report = warning(&stderr, "W001", "main.flow:8:8");
    assert!(
        report.contains("`when osteoporosis and age < 16` is never taken"),
        "{report}"
    );
    assert_eq!(stderr.matches("[W001]").count(), 1, "{stderr}");
}

#[test]
fn w001_a_question_always_skipped_is_never_asked() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  why "To know."
  source "NICE NG59"
  yes -> second set osteoporosis
  no -> second set osteoporosis
}
question second {
  ask "Thin bones?"
  why "To know."
  source "NICE NG59"
  skip when osteoporosis -> done
  yes -> done
  no -> done
}
"#,
    ));
    let report = warning(&stderr, "W001", "main.flow:8:10");
    assert!(report.contains("is never asked"), "{report}");
}

#[test]
fn w002_a_fact_no_condition_reads() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  why "To know."
  source "NICE NG59"
  yes -> done set osteoporosis
  no -> done
}
"#,
    ));
    // flow.flow line 6: `fact osteoporosis: bool`.
    let report = warning(&stderr, "W002", "flow.flow:6:6");
    assert!(
        report.contains("fact `osteoporosis` is never read"),
        "{report}"
    );
}

#[test]
fn w003_a_fact_read_before_any_path_sets_it() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  why "To know."
  source "NICE NG59"
  yes -> route
  no -> route set radiation = thigh
}
decide route {
  when osteoporosis or radiation == thigh -> done
  otherwise -> done
}
"#,
    ));
    let report = warning(&stderr, "W003", "main.flow:8:8");
    assert!(
        report.contains("reads fact `osteoporosis`, but no path to it sets"),
        "{report}"
    );
    assert!(
        !stderr.contains("reads fact `radiation`"),
        "radiation is set on one path:\n{stderr}"
    );
}

#[test]
fn w004_a_question_whose_answers_change_nothing() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  why "To know."
  source "NICE NG59"
  yes -> done
  no -> done
}
"#,
    ));
    let report = warning(&stderr, "W004", "main.flow:1:10");
    assert!(report.contains("cannot change anything"), "{report}");
}

#[test]
fn w005_a_question_without_why() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  source "NICE NG59"
  yes -> done set osteoporosis
  no -> done
}
"#,
    ));
    warning(&stderr, "W005", "main.flow:1:10");
    assert!(!stderr.contains("[W006]"), "{stderr}");
}

#[test]
fn w006_a_question_without_source() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Sore?"
  why "To know."
  yes -> done set osteoporosis
  no -> done
}
"#,
    ));
    warning(&stderr, "W006", "main.flow:1:10");
    assert!(!stderr.contains("[W005]"), "{stderr}");
}

#[test]
fn w007_an_outcome_without_source() {
    let stderr = warnings(&Knowledge::main(
        r#"question first {
  ask "Sore?"
  why "To know."
  source "NICE NG59"
  yes -> done set osteoporosis
  no -> done
}
outcome done {
  verdict treat
  title "Fine"
}
"#,
    ));
    warning(&stderr, "W007", "main.flow:8:9");
}

#[test]
fn w008_two_questions_with_the_same_wording() {
    let stderr = warnings(&main_flow(
        r#"question first {
  ask "Is it sore?"
  why "To know."
  source "NICE NG59"
  yes -> second set osteoporosis
  no -> second
}
question second {
  ask "Is it  SORE?"
  why "To know."
  source "NICE NG59"
  yes -> done set radiation = thigh
  no -> done
}
"#,
    ));
    let report = warning(&stderr, "W008", "main.flow:8:10");
    assert!(
        report.contains("same wording as `main.first` at main.flow:1:10"),
        "{report}"
    );
}

/// The error at `location` with `code` in `check`'s stderr.
fn error(stderr: &str, code: &str, location: &str) -> String {
    reports(stderr)
        .into_iter()
        .find(|r| r.starts_with(&format!("{location}: [{code}] Error")))
        .unwrap_or_else(|| panic!("no {code} at {location}:\n{stderr}"))
}

/// An invariant and a case for the red flag `first`, so that only the
/// rule under test is broken.
const GUARDS: &str = r#"
invariant "numbness refers now" { first in [yes, unsure] => verdict == refer }
case "numb" { answers first=yes expect refer emergency }
"#;

#[test]
fn e026_a_red_flag_without_unsure() {
    let stderr = main_flow(
        r#"question first {
  ask "Numb?"
  why "To know."
  source "NICE NG59"
  tags red_flag, emergency
  yes -> urgent
  no -> done
}
outcome urgent {
  verdict refer emergency
  title "Now"
  source "NICE NG59"
}
"#,
    )
    .file("guards.flow", GUARDS.replace("yes, unsure", "yes"))
    .check_fails();
    let report = error(&stderr, "E026", "main.flow:1:10");
    assert!(report.contains("has no `unsure` answer"), "{report}");
}

#[test]
fn e026_a_red_flag_whose_unsure_routes_elsewhere() {
    let text = r#"question first {
  ask "Numb?"
  why "To know."
  source "NICE NG59"
  tags red_flag, emergency
  yes -> urgent
  no -> done
  unsure -> done
}
outcome urgent {
  verdict refer emergency
  title "Now"
  source "NICE NG59"
}
"#;
    let stderr = main_flow(text).file("guards.flow", GUARDS).check_fails();
    let report = error(&stderr, "E026", "main.flow:1:10");
    assert!(
        report.contains("treats `unsure` differently from `yes`"),
        "{report}"
    );
    let fixed = warnings(
        &main_flow(&text.replace("unsure -> done", "unsure -> urgent")).file("guards.flow", GUARDS),
    );
    assert!(!fixed.contains("[E026]"), "{fixed}");
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let knowledge = main_flow(
        r#"question first {
  ask "Sore?"
  source "NICE NG59"
  yes -> done set osteoporosis
  no -> done
}
"#,
    );
    let output = backcheck(&["check", "--deny-warnings", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("[W005]"), "{stderr}");
    assert!(stderr.contains("denied by --deny-warnings"), "{stderr}");
}

#[test]
fn the_mini_fixture_passes_with_deny_warnings() {
    let output = backcheck(&["check", "--deny-warnings", MINI])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(output.stderr.is_empty(), "{}", describe(&output));
}

/// A nerve check whose reflex finding says `roots` (nothing, or `root ...`),
/// with a one-row root table.
fn nerve_check(roots: &str) -> Knowledge {
    main_flow(&format!(
        r#"tag neuro "A nerve check" means neuro
sign ankle_jerk {{
  reflex "a reduced ankle jerk"
  root   S1
  source "001" "Reflex Testing"
}}
question first {{
  ask "Was the ankle jerk weak?"
  why "To know."
  source "NICE NG59"
  tags neuro
  yes -> done
       finding "Reduced Achilles reflex."{roots}
  no -> done
}}
"#
    ))
}

#[test]
fn w013_a_finding_of_a_nerve_check_without_a_root() {
    let stderr = warnings(&nerve_check(""));
    assert!(
        warning(&stderr, "W013", "main.flow:13:16").contains("names no root"),
        "{stderr}"
    );
    for roots in [" root S1", " root none"] {
        let clean = warnings(&nerve_check(roots));
        assert!(!clean.contains("[W013]"), "{roots}: {clean}");
    }
}

#[test]
fn e039_a_root_no_sign_names_is_an_error() {
    let output = backcheck(&["check", nerve_check(" root S2").arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("[E039] Error: root `S2` is in no sign of the root table"),
        "{stderr}"
    );
    assert!(stderr.contains("the signs name S1"), "{stderr}");
    let beside = backcheck(&["check", nerve_check(" root S1, none").arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(beside.status.code(), Some(1), "{}", describe(&beside));
    assert!(text(&beside.stderr).contains("[E039]"));
}
