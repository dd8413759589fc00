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

/// Issue 27, 1: "a non-safety answer sent around a red flag" is planted and
/// killed: the red-flag order no longer accepts an ordinary answer as a
/// reason to pass a flag by.
#[test]
fn an_answer_sent_around_a_red_flag_is_planted_and_killed() {
    let knowledge = Knowledge::main(
        r#"question first {
  ask "Does the pain spread?"
  answer none "No, it stays in my back" -> saddle
  answer buttock "Into the buttock" -> saddle
}
question saddle {
  ask "Numbness around your bottom or genitals?"
  tags red_flag, emergency
  yes -> emergency
  no -> fine
  unsure -> emergency
}
outcome emergency { verdict refer emergency title "Call emergency services now" }
outcome fine { verdict treat title "Massage is suitable" }
invariant "saddle numbness refers now" {
  saddle in [yes, unsure] => verdict == refer and urgency == emergency
}
case "numb" {
  answers first=none saddle=yes
  expect refer emergency
}
case "clear" {
  answers first=buttock saddle=no
  expect treat
}
"#,
    );
    let flow = backcheck::compile::compile(
        &backcheck::source::KnowledgeSource::from_dir(knowledge.path()).expect("read"),
    )
    .expect("compiles");
    let planted: Vec<String> = (backcheck::check::mutants(&flow).iter())
        .map(|m| m.description.clone())
        .filter(|d| d.contains("sent around"))
        .collect();
    assert_eq!(
        planted,
        [
            "question `main.first`: `none` sent around red flag `main.saddle` to `main.fine`",
            "question `main.first`: `buttock` sent around red flag `main.saddle` to `main.fine`",
        ]
    );
    let (code, stdout) = mutate(&[knowledge.arg()]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(!stdout.contains("sent around"), "{stdout}");
    assert!(stdout.contains("0 survived (score 100.0%)"), "{stdout}");
}

/// Two arms of a decide on a "which of these" answer can both hold (both
/// picked): swapping them is a change of outcome, never "equivalent".
#[test]
fn arms_on_a_list_that_can_both_hold_are_not_called_equivalent() {
    let list = Knowledge::main(
        r#"question first {
  ask "Which of these do you have? Choose all that apply."
  multiple
  answer numb "Numbness around your bottom"
  answer pee "Blood in your pee"
  answer none "None of these"
  then -> route
}
decide route {
  when first in [numb] -> emergency
  when first in [pee]  -> urgent
  otherwise            -> fine
}
outcome emergency { verdict refer emergency title "Call emergency services now" }
outcome urgent { verdict refer urgent title "See a doctor today" }
outcome fine { verdict treat title "Massage is suitable" }
"#,
    );
    let (_, stdout) = mutate(&[list.arg()]);
    let swap = stdout
        .lines()
        .find(|line| line.contains("`when first in [pee]` tried before `when first in [numb]`"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(!swap.contains("equivalent"), "{swap}");
    assert!(swap.starts_with("SURVIVED"), "{swap}");
}
