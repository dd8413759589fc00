//! Rehearsal scores the reasoning, not only the verdict: the nerve root named
//! against the findings (001's table), the changes named for modify, and the
//! reasons given after `because`. Runs on the built-in knowledge.

use crate::common;

fn round(vignette: &str, input: &str) -> String {
    let output = common::piped(
        &["rehearse", "--vignette", vignette],
        std::path::Path::new("."),
        input,
    );
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let start = text.find("--- Score").expect("a scored round");
    let end = text.find("\nWhy ").expect("the reveal");
    text[start..end].to_string()
}

const L4_EXAM: &str = "opening\npregnancy\nsaddle_numbness\nbladder_bowel\nsexual_function\nleg_symptoms\nboth_legs_weak\nrapid_weakening\nfainting\nconfusion\nfever\nleg_worsening\nsevere_weakness\nhistory_screen\nrisk_screen\nsymptom_screen\nspread\nnumb_where\nweak_moves\nreflexes\n";

#[test]
fn the_root_is_scored_against_the_findings() {
    let right = round("teacher_l4", &format!("{L4_EXAM}commit refer routine L4\n"));
    assert!(right.contains("Score: 10/10"), "{right}");
    let wrong = round("teacher_l4", &format!("{L4_EXAM}commit refer routine L5\n"));
    assert!(
        wrong.contains("root: L5 named, the findings point to L4"),
        "{wrong}"
    );
    assert!(wrong.contains("Score: 8/10"), "{wrong}");
    let none = round("teacher_l4", &format!("{L4_EXAM}commit refer routine\n"));
    assert!(none.contains("root not named"), "{none}");
}

#[test]
fn a_full_nerve_exam_is_not_called_useless() {
    let text = round("teacher_l4", &format!("{L4_EXAM}commit refer routine L4\n"));
    for exam in ["numb_where", "weak_moves", "reflexes"] {
        assert!(
            !text.contains(&format!("`{exam}` did not change the result")),
            "{text}"
        );
    }
}

#[test]
fn reasons_are_checked_and_an_unasked_one_is_pointed_out() {
    // `fever` is neither asked nor in the story; the knee jerk is in the story.
    let text = round(
        "teacher_l4",
        "saddle_numbness\nspread\ncommit refer routine L4 because fever reflexes spread\n",
    );
    assert!(
        text.contains("You cite `fever`, but you never asked it"),
        "{text}"
    );
    assert!(text.contains("reason `fever` never asked"), "{text}");
    assert!(!text.contains("reason `reflexes`"), "{text}");
    assert!(!text.contains("reason `spread`"), "{text}");
}

#[test]
fn modify_needs_its_changes_named() {
    let bare = round("runner_buttock", "commit modify\n");
    assert!(bare.contains("change not named"), "{bare}");
    let named = round(
        "runner_buttock",
        "commit modify piriformis sitting buttock\n",
    );
    assert!(!named.contains("change not named"), "{named}");
}

#[test]
fn the_reveal_explains_from_the_knowledge_and_why_works_in_a_round() {
    let output = common::piped(
        &["rehearse", "--vignette", "runner_buttock"],
        std::path::Path::new("."),
        "why spread\ncommit modify piriformis\nwhy spread\nhow\nquit\n",
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let (before, after) = text.split_once("--- Score").expect("scored");
    // `why` before the commit: the clinical wording and the why.
    assert!(before.contains("Distribution of pain"), "{before}");
    assert!(
        before.contains("can come from a tight buttock muscle"),
        "{before}"
    );
    // The reveal: the outcome's why and the deciding answer in clinical words,
    // not the rule walk, which waits for `how`.
    let reveal = &after[..after.find("`how` shows").expect("reveal")];
    assert!(reveal.contains("Why modify"), "{reveal}");
    assert!(reveal.contains("What decided it:"), "{reveal}");
    assert!(reveal.contains("Distribution of pain"), "{reveal}");
    assert!(!reveal.contains("Rule `"), "{reveal}");
    assert!(after.contains("The graph's path:"), "{after}");
}
