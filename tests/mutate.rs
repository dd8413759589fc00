//! `backcheck mutate`: every slip of the pen planted in memory, and the ones
//! nothing catches named with their place.

use crate::common;

use common::{Knowledge, MINI, backcheck, describe, text};

/// Runs `mutate ARGS`; returns (exit code, stdout).
fn mutate(args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["mutate"];
    all.extend_from_slice(args);
    let output = backcheck(&all).output().expect("run backcheck");
    assert!(
        !text(&output.stderr).contains("panicked"),
        "{}",
        describe(&output)
    );
    (output.status.code(), text(&output.stdout))
}

/// The shipped knowledge kills every safety-relevant mutant: a rule
/// added without a guard makes this fail, naming the rule.
#[test]
fn every_safety_relevant_mutant_of_the_shipped_knowledge_is_killed() {
    // The built-in copy of knowledge/lower_back (one run: each takes seconds).
    let (code, stdout) = mutate(&[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(!stdout.contains("SURVIVED"), "{stdout}");
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        last.contains(" killed, 0 survived (score 100.0%)"),
        "{last}"
    );
}

#[test]
fn the_mini_fixture_names_each_unguarded_rule_with_its_place() {
    let (code, stdout) = mutate(&[MINI]);
    assert_eq!(code, Some(1), "{stdout}");
    // Nothing says pain below the knee must be referred.
    assert!(
        stdout.contains("SURVIVED pain.flow:11:12: question `pain.radiation`: `set radiation` dropped from `below_knee`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("harmless pain.flow:11:12 (equivalent: every outcome as before): question `pain.radiation`: `set radiation` dropped from `thigh`"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "14 mutants, 13 safety-relevant: 9 killed, 4 survived (score 69.2%), 1 harmless"
        ),
        "{stdout}"
    );
}

#[test]
fn an_invariant_kills_the_mutants_it_guards() {
    let guarded = Knowledge::mini().file(
        "guards.flow",
        "invariant \"pain below the knee is referred\" {\n  radiation == below_knee => verdict == refer\n}\n",
    );
    let (code, stdout) = mutate(&[guarded.arg()]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(!stdout.contains("dropped from `below_knee`"), "{stdout}");
    assert!(!stdout.contains("flipped to `!=`"), "{stdout}");
    assert!(stdout.contains("12 killed, 1 survived"), "{stdout}");
}

#[test]
fn a_lowered_urgency_and_a_rerouted_red_flag_are_planted_and_killed() {
    // Without its invariant and case the red flag is unguarded: check
    // fails first, so mutate refuses knowledge that is already wrong.
    let broken = Knowledge::mini().edit(
        "outcomes.flow",
        "case \"unsure saddle\" {",
        "case \"unsure saddle, again\" {",
    );
    let (code, stdout) = mutate(&[broken.arg()]);
    assert_eq!(code, Some(1), "{stdout}");
    let (_, stdout) = mutate(&[MINI]);
    assert!(
        !stdout.contains("lowered"),
        "the mini's one referral guard kills them:\n{stdout}"
    );
    assert!(!stdout.contains("red flag `safety.saddle`"), "{stdout}");
}

/// Issue 27, 2: knowledge whose own cases or proof fail got "score 100.0%"
/// and exit 0; now it gets no score, is told which failed, and exits 1.
#[test]
fn knowledge_that_already_fails_gets_no_score() {
    let run = |knowledge: &Knowledge| {
        let output = backcheck(&["mutate", knowledge.arg()])
            .output()
            .expect("run backcheck");
        (
            output.status.code(),
            text(&output.stdout),
            text(&output.stderr),
        )
    };
    let failing_case = Knowledge::mini().edit("outcomes.flow", "expect treat", "expect modify");
    let (code, stdout, stderr) = run(&failing_case);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(!stdout.contains("score"), "{stdout}");
    assert!(stderr.contains("no mutation score"), "{stderr}");
    assert!(
        stderr.contains("test: 1 case(s) failed: \"simple\""),
        "{stderr}"
    );
    assert!(!stderr.contains("verify:"), "{stderr}");

    let broken = Knowledge::mini().file(
        "extra.flow",
        "invariant \"thin bones never get a massage\" {\n  bones in [yes] => verdict == refer\n}\n",
    );
    let (code, stdout, stderr) = run(&broken);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(!stdout.contains("score"), "{stdout}");
    assert!(
        stderr.contains("verify: 1 broken: \"thin bones never get a massage\""),
        "{stderr}"
    );
}
