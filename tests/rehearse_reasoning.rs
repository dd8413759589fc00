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
        "commit modify piriformis, stop if it tingles\n",
    );
    assert!(!named.contains("change not named"), "{named}");
    assert!(!named.contains("is not a change"), "{named}");
}

#[test]
fn changes_are_matched_by_meaning_and_a_wrong_one_is_named() {
    // 001's two reasons for thinner_thigh: the wasted muscle and the
    // aggravating side-lying. Hyphenated changes are read by their words.
    let careful = round(
        "thinner_thigh",
        &format!(
            "{THINNER_THIGH_ASKED}commit modify light-pressure-on-atrophy avoid-right-side-lying\n"
        ),
    );
    assert!(
        careful.contains("Change `light-pressure-on-atrophy` credited"),
        "{careful}"
    );
    assert!(
        careful.contains("Change `avoid-right-side-lying` credited: Avoid side-lying"),
        "{careful}"
    );
    assert!(!careful.contains("change not named"), "{careful}");
    assert!(careful.contains("Score: 10/10"), "{careful}");
    // "side-lying" is lying on the side: never credited as avoiding it.
    let keywords = round(
        "thinner_thigh",
        &format!("{THINNER_THIGH_ASKED}commit modify atrophy side-lying\n"),
    );
    assert!(
        keywords.contains("change not named: Avoid side-lying"),
        "{keywords}"
    );
    assert!(
        keywords.contains("change `side-lying` is not one this client needs"),
        "{keywords}"
    );
    assert!(
        keywords.contains("It is the opposite of one she needs: Avoid side-lying"),
        "{keywords}"
    );
    assert_eq!(points(&keywords), 8, "{keywords}");
    // Words that are no change are said to be none, and every needed change
    // is still missing.
    let foo = round(
        "thinner_thigh",
        &format!("{THINNER_THIGH_ASKED}commit modify foo\n"),
    );
    assert!(foo.contains("`foo` is not a change"), "{foo}");
    assert!(
        foo.contains("change not named: Lighter pressure over the muscle that has wasted"),
        "{foo}"
    );
    assert!(foo.contains("change not named: Avoid side-lying"), "{foo}");
    assert_eq!(points(&foo), 7, "{foo}");
}

#[test]
fn changes_lists_the_vocabulary_without_giving_the_answer_away() {
    let output = common::piped(
        &["rehearse", "--vignette", "thinner_thigh"],
        std::path::Path::new("."),
        "changes\nquit\n",
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("`changes` lists the changes"), "{text}");
    let listed = &text[text.find("The changes a modify may name").expect("listed")..];
    for (id, label) in [
        ("no_side_lying", "Avoid side-lying"),
        (
            "side_lying_bolsters",
            "Side-lying, propped with pillows or bolsters",
        ),
        (
            "light_over_atrophy",
            "Lighter pressure over the muscle that has wasted",
        ),
        ("no_prone", "Avoid lying face-down (prone)"),
        ("spare_fresh_strain", "No massage over the fresh strain"),
    ] {
        let line = listed
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} in {listed}"));
        assert!(line.contains(label), "{line}");
    }
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

const THINNER_THIGH_ASKED: &str = "opening\nhow_old\npregnancy\nsaddle_numbness\nbladder_bowel\nsexual_function\nleg_symptoms\nfainting\nconfusion\nfever\nhistory_screen\nrisk_screen\nsymptom_screen\nhow_long\nspread\nconditions\nworse_positions\n";

#[test]
fn two_reasons_that_each_lead_to_modify_both_earn_credit() {
    // Atrophy and aggravating side-lying each make it a massage with
    // changes: neither alone decides, together they do, as the result
    // screen says ("Each of these alone would lead here").
    let text = round(
        "thinner_thigh",
        &format!("{THINNER_THIGH_ASKED}commit modify because conditions worse_positions\n"),
    );
    assert!(text.contains("Verdict: right"), "{text}");
    assert!(!text.contains("reason `conditions`"), "{text}");
    assert!(!text.contains("reason `worse_positions`"), "{text}");
    assert!(!text.contains("`conditions` did not change"), "{text}");
}

#[test]
fn penalties_say_could_have_changed() {
    let text = round("thinner_thigh", "commit modify\n");
    assert!(
        text.contains("`saddle_numbness` could have changed the result and was not asked"),
        "{text}"
    );
    assert!(!text.contains("` changed the result"), "{text}");
}

fn points(text: &str) -> u32 {
    let start = text.find("Score: ").expect("a score") + "Score: ".len();
    let end = start + text[start..].find('/').expect("out of ten");
    text[start..end].parse().expect("a number")
}

#[test]
fn a_right_verdict_with_an_incomplete_screen_scores_above_a_wrong_one() {
    // Nothing asked at all: every red flag unasked, yet the right verdict.
    let right = points(&round("thinner_thigh", "commit modify\n"));
    let under = points(&round("thinner_thigh", "commit treat\n"));
    let over = points(&round("thinner_thigh", "commit refer routine\n"));
    assert!(right > under, "right {right}, under-triage {under}");
    assert!(over > under, "over-caution {over}, under-triage {under}");
    assert!(under > 0, "only a missed emergency scores 0");
    let full = points(&round(
        "thinner_thigh",
        &format!("{THINNER_THIGH_ASKED}commit modify light pressure atrophy side-lying\n"),
    ));
    assert!(
        full > right,
        "a full screen {full} beats a thin one {right}"
    );
}

#[test]
fn the_score_bands_are_in_rehearse_help() {
    let output = common::backcheck(&["rehearse", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for band in [
        "the right verdict and urgency                     6 to 10",
        "more cautious than the graph (over-caution)       5 to 9",
        "less cautious than the graph (under-triage)       1 to 4",
        "emergency where it is needed), the worst mistake  0",
    ] {
        assert!(help.contains(band), "{band}\n{help}");
    }
}

#[test]
fn what_if_names_the_changes_another_answer_would_need() {
    let output = common::piped(
        &["rehearse", "--vignette", "thinner_thigh"],
        std::path::Path::new("."),
        &format!(
            "{THINNER_THIGH_ASKED}commit modify light-pressure-on-atrophy, avoid side-lying\nwhatif worse_positions=face_down\nquit\n"
        ),
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let what_if = &text[text.find("What if").expect("a what-if")..];
    assert!(
        what_if.contains(
            "  The changes to name:\n    - Lighter pressure over the muscle that has wasted (`light_over_atrophy`)\n    - Avoid lying face-down (prone) (`no_prone`)\n"
        ),
        "{what_if}"
    );
    // The same commit there misses no_prone and names a change not needed.
    assert!(
        what_if.contains(
            "Your commit (modify light-pressure-on-atrophy, avoid side-lying) would score 8/10 there."
        ),
        "{what_if}"
    );
}
