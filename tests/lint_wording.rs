//! The wording lints of `backcheck check`: W010 (a question asked after "not
//! sure" that takes the symptom for granted), W014 (a yes/no question over
//! a lettered list), W011 (a numbered list above
//! numbered answers), and the clarifying step E026 accepts for "not sure".

use crate::common;

use common::{Knowledge, backcheck, describe, reports, text};

const OUTCOMES: &str = r#"
outcome done {
  verdict treat
  title "Fine"
  source "NICE NG59"
}
outcome urgent {
  verdict refer urgent
  title "Today"
  source "NICE NG59"
}
"#;

const NOW: &str = r#"
outcome now {
  verdict refer emergency
  title "Now"
  source "NICE NG59"
}
"#;

/// A red flag about fever whose "not sure" leads to `follow_up_ask`.
fn fever_flow(follow_up_ask: &str) -> Knowledge {
    Knowledge::main(&format!(
        r#"question first {{
  ask "Do you have a fever?"
  why "To know."
  source "NICE NG59"
  tags red_flag, urgent
  yes -> severe
  no -> done
  unsure -> severe
}}
question severe {{
  ask "{follow_up_ask}"
  why "To know."
  source "NICE NG59"
  tags red_flag, emergency
  yes -> now
  no -> urgent
  unsure -> now
}}
{OUTCOMES}{NOW}"#
    ))
    .file(
        "guards.flow",
        r#"
invariant "fever refers" { first in [yes, unsure] => verdict == refer }
invariant "fever with more refers now" { severe in [yes, unsure] => urgency == emergency }
case "fever" { answers first=yes severe=yes expect refer emergency }
"#,
    )
}

/// `check DIR`: exit 0 and the `ok:` line; returns stderr.
fn warnings(knowledge: &Knowledge) -> String {
    let output = backcheck(&["check", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    text(&output.stderr)
}

fn warning(stderr: &str, code: &str, location: &str) -> String {
    reports(stderr)
        .into_iter()
        .find(|r| r.starts_with(&format!("{location}: [{code}] Warning")))
        .unwrap_or_else(|| panic!("no {code} at {location}:\n{stderr}"))
}

#[test]
fn w010_a_follow_up_of_not_sure_that_presumes_the_symptom() {
    let stderr = warnings(&fever_flow(
        "With the fever, do you also have a very bad headache?",
    ));
    let report = warning(&stderr, "W010", "main.flow:10:10");
    assert!(
        report.contains("is asked after \"not sure\" to `main.first`"),
        "{report}"
    );
    assert!(report.contains("opens with \"with the\""), "{report}");
    let definite = warnings(&fever_flow("Is the fever very high?"));
    assert!(
        warning(&definite, "W010", "main.flow:10:10").contains("says \"the fever\""),
        "{definite}"
    );
    let fixed = warnings(&fever_flow("Do you also have a very bad headache?"));
    assert!(!fixed.contains("[W010]"), "{fixed}");
}

#[test]
fn w010_follows_a_fact_set_by_not_sure_to_the_decide_that_reads_it() {
    let stderr = warnings(&Knowledge::main(&format!(
        r#"question first {{
  ask "Do you have numbness in a leg?"
  why "To know."
  source "NICE NG59"
  yes -> route set osteoporosis
  no -> route
  unsure -> route set osteoporosis
}}
decide route {{
  when osteoporosis -> where
  otherwise -> done
}}
question where {{
  ask "Where is the numbness?"
  why "To know."
  source "NICE NG59"
  answer foot "In the foot" -> urgent
  answer knee "At the knee" -> done
}}
{OUTCOMES}"#
    )));
    assert!(
        warning(&stderr, "W010", "main.flow:13:10").contains("says \"the numbness\""),
        "{stderr}"
    );
}

#[test]
fn w011_a_numbered_list_above_numbered_answers() {
    let list = "Does any apply? 1) A fall. 2) Cancer.";
    let stderr = warnings(&fever_flow(list));
    assert!(
        warning(&stderr, "W011", "main.flow:10:10").contains("numbers a list"),
        "{stderr}"
    );
    let lettered = warnings(&fever_flow("Does any apply? a) A fall. b) Cancer."));
    assert!(!lettered.contains("[W011]"), "{lettered}");
}

#[test]
fn w014_a_yes_no_question_over_a_lettered_list() {
    let stderr = warnings(&fever_flow("Does any apply? a) A fall. b) Cancer."));
    assert!(
        warning(&stderr, "W014", "main.flow:10:10").contains("asks over a list of items"),
        "{stderr}"
    );
    assert!(stderr.contains("`multiple`"), "{stderr}");
    // One thing asked, with a bracket in it, is no list.
    let plain = warnings(&fever_flow("Is it very bad (a) lot worse than usual)?"));
    assert!(!plain.contains("[W014]"), "{plain}");
}

#[test]
fn w015_and_w016_a_question_in_the_negative_or_two_in_one() {
    let negative = warnings(&fever_flow(
        "Is there NO position at all in which the pain eases?",
    ));
    assert!(
        warning(&negative, "W015", "main.flow:10:10").contains("asked in the negative"),
        "{negative}"
    );
    let two = warnings(&fever_flow(
        "Did it start after a fall? Or have you broken a bone?",
    ));
    assert!(
        warning(&two, "W016", "main.flow:10:10").contains("asks two things"),
        "{two}"
    );
    let plain = warnings(&fever_flow("Does the pain stay bad in every position?"));
    assert!(
        !plain.contains("[W015]") && !plain.contains("[W016]"),
        "{plain}"
    );
}

/// A red flag whose "not sure" asks a clarifying red flag first.
fn clarified(clarifying_unsure: &str) -> Knowledge {
    Knowledge::main(&format!(
        r#"question first {{
  ask "Do you have a fever?"
  why "To know."
  source "NICE NG59"
  tags red_flag, urgent
  yes -> urgent
  no -> done
  unsure -> measured
}}
question measured {{
  ask "Can you take your temperature now?"
  why "To know."
  source "NICE NG59"
  tags red_flag, urgent
  yes -> urgent
  no -> done
  unsure -> {clarifying_unsure}
}}
{OUTCOMES}"#
    ))
    .file(
        "guards.flow",
        r#"
invariant "fever refers" { first in [yes] => verdict == refer }
invariant "a measured fever refers" { measured in [yes, unsure] => verdict == refer }
case "fever" { answers first=yes expect refer urgent }
case "fever measured" { answers first=unsure measured=yes expect refer urgent }
"#,
    )
}

#[test]
fn e026_accepts_a_clarifying_red_flag_only_if_its_not_sure_counts_as_yes() {
    let stderr = warnings(&clarified("urgent"));
    assert!(!stderr.contains("[E026]"), "{stderr}");
    let lighter = clarified("done").check_fails();
    // Both the clarifying question and the first one now treat "not sure" lightly.
    let error = |location: &str| {
        reports(&lighter)
            .into_iter()
            .find(|r| r.starts_with(&format!("{location}: [E026] Error")))
            .unwrap_or_else(|| panic!("no E026 at {location}:\n{lighter}"))
    };
    assert!(error("main.flow:10:10").contains("differently from `yes`"));
    assert!(error("main.flow:1:10").contains("differently from `yes`"));
}
