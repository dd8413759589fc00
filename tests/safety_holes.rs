//! Issue 16's planted holes: each was a piece of wrong knowledge that
//! `check`, `verify` and `test` all passed. Each is planted in a copy of the
//! mini fixture and must now fail, for the right reason, at the right place.

use crate::common;

use common::{Knowledge, backcheck, describe, reports, text};

/// `verify DIR`: expects exit 1 and returns stdout.
fn verify_fails(knowledge: &Knowledge) -> String {
    let output = backcheck(&["verify", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    text(&output.stdout)
}

/// `verify DIR`: expects exit 1 and returns stderr (the proof's errors).
fn verify_stderr(knowledge: &Knowledge) -> String {
    let output = backcheck(&["verify", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    text(&output.stderr)
}

/// The one report with `code`; panics with all of stderr otherwise.
fn report(stderr: &str, code: &str) -> String {
    let found: Vec<String> = reports(stderr)
        .into_iter()
        .filter(|r| r.contains(&format!("[{code}]")))
        .collect();
    assert_eq!(found.len(), 1, "want one {code} in:\n{stderr}");
    found.into_iter().next().unwrap_or_default()
}

#[test]
fn an_invariant_naming_an_outcome_that_does_not_exist_is_an_error() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "invariant \"no treat after numbness\" {\n  saddle in [yes] => outcome != fien\n}\n",
    );
    let stderr = knowledge.check_fails();
    let report = report(&stderr, "E002");
    assert!(report.starts_with("extra.flow:2:33:"), "{report}");
    assert!(report.contains("no outcome has the id `fien`"), "{report}");
    assert!(report.contains("did you mean `fine`?"), "{report}");
}

#[test]
fn an_invariant_may_name_an_outcome_by_its_qualified_id() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "invariant \"numbness reaches the emergency outcome\" {\n  saddle in [yes] => outcome == outcomes.emergency\n}\n",
    );
    let output = backcheck(&["verify", knowledge.arg()])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    // And it is a real test: the wrong outcome breaks it.
    let wrong = knowledge.edit("extra.flow", "outcomes.emergency", "outcomes.neuro");
    let stdout = verify_fails(&wrong);
    assert!(
        stdout.contains("FAIL extra.flow:1:1: \"numbness reaches"),
        "{stdout}"
    );
    assert!(
        stdout.contains("counter-example (1 answer): saddle=yes"),
        "{stdout}"
    );
}

#[test]
fn a_question_or_decide_node_is_not_an_outcome() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "invariant \"x\" {\n  saddle in [yes] => outcome != saddle\n}\n",
    );
    let report = report(&knowledge.check_fails(), "E002");
    assert!(report.contains("`saddle` is not an outcome"), "{report}");
}

#[test]
fn a_mistyped_question_in_a_condition_is_never_offered_as_a_new_fact() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "invariant \"x\" {\n  sadle in [yes] => verdict == refer\n}\n",
    );
    let stderr = knowledge.check_fails();
    let report = report(&stderr, "E005");
    assert!(report.contains("did you mean `saddle`?"), "{report}");
    assert!(!stderr.contains("declare it"), "{stderr}");
    // A name close to nothing: what a condition may read, not a declaration.
    let far = Knowledge::mini().file(
        "extra.flow",
        "invariant \"x\" {\n  cancr in [yes] => verdict == refer\n}\n",
    );
    let stderr = far.check_fails();
    assert!(!stderr.contains("declare it"), "{stderr}");
    assert!(
        stderr.contains("a condition reads a fact declared with `fact`"),
        "{stderr}"
    );
}

#[test]
fn an_answer_id_or_an_outcome_in_a_condition_says_what_it_is() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "invariant \"x\" {\n  below_knee => verdict == refer\n}\ninvariant \"y\" {\n  emergency => verdict == refer\n}\n",
    );
    let stderr = knowledge.check_fails();
    assert!(
        stderr.contains(
            "`below_knee` is an answer of `pain.radiation`: write `pain.radiation == below_knee`"
        ),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("`emergency` is an outcome: an invariant tests it as `outcome == emergency`"),
        "{stderr}"
    );
}

#[test]
fn an_invariant_whose_left_side_never_holds_proves_nothing() {
    // A red flag behind a condition that never holds: never asked, so its
    // invariant is about nothing.
    let knowledge = Knowledge::mini()
        .edit("safety.flow", "no -> next", "no -> age")
        .edit(
            "safety.flow",
            "when age < 16 -> outcomes.too_young",
            "when age < 16 -> outcomes.too_young\n    when age > 120 -> hidden",
        )
        .edit(
            "safety.flow",
            "  question age {",
            "  question hidden {\n    ask \"Fever?\"\n    why \"w\"\n    source \"NICE NG59\"\n    tags red_flag, emergency\n    yes -> outcomes.emergency\n    no -> pain.bones\n    unsure -> outcomes.emergency\n  }\n\n  question age {",
        )
        .file(
            "extra.flow",
            "invariant \"fever refers\" {\n  hidden in [yes, unsure] => verdict == refer\n}\ncase \"fever\" {\n  answers saddle=no age=30 hidden=yes\n  expect refer\n}\n",
        );
    // A walk of every path finds it: `verify`'s, not `check`'s.
    let stdout = verify_fails(&knowledge);
    assert!(
        stdout.contains(
            "FAIL extra.flow:1:1: \"fever refers\": proves nothing: its left side holds on no path"
        ),
        "{stdout}"
    );
    // Its code and help, as `check` shows E024 (before: neither).
    assert!(
        stdout.contains("its left side holds on no path [E024]\n     help: check the names and values on the left"),
        "{stdout}"
    );
}

#[test]
fn an_invariant_whose_right_side_always_holds_proves_nothing() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "invariant \"numbness is not treated with a made-up urgency\" {\n  saddle in [yes] => urgency <= emergency or verdict != refer\n}\n",
    );
    let stdout = verify_fails(&knowledge);
    assert!(
        stdout.contains("proves nothing: its right side holds on every path"),
        "{stdout}"
    );
}

#[test]
fn a_red_flag_with_no_invariant_and_no_case_fails_the_check() {
    let knowledge = Knowledge::mini()
        .edit(
            "outcomes.flow",
            "invariant \"saddle numbness refers now\" {\n  saddle in [yes, unsure] => verdict == refer and urgency == emergency\n}",
            "",
        )
        .edit(
            "outcomes.flow",
            "case \"unsure saddle\" {\n  answers saddle=unsure\n  expect refer emergency\n  expect outcome emergency\n}",
            "",
        );
    let stderr = knowledge.check_fails();
    let report = report(&stderr, "E025");
    assert!(report.starts_with("safety.flow:2:12:"), "{report}");
    assert!(
        report.contains("red flag `safety.saddle` has no invariant and no case guarding it"),
        "{report}"
    );
    // The urgency its tag gives it (before: `urgency >= ...`).
    assert!(
        report.contains("saddle in [yes, unsure] => verdict == refer and urgency >= emergency }"),
        "{report}"
    );
}

#[test]
fn a_red_flag_with_an_invariant_but_no_case_fails_the_check() {
    let knowledge = Knowledge::mini().edit(
        "outcomes.flow",
        "case \"unsure saddle\" {\n  answers saddle=unsure\n  expect refer emergency\n  expect outcome emergency\n}",
        "",
    );
    let report = report(&knowledge.check_fails(), "E025");
    assert!(report.contains("has no case guarding it"), "{report}");
}

#[test]
fn not_sure_on_a_red_flag_that_does_not_count_as_yes_is_an_error() {
    let knowledge = Knowledge::mini().edit(
        "safety.flow",
        "unsure -> outcomes.emergency",
        "unsure -> next",
    );
    let stderr = knowledge.check_fails();
    let report = report(&stderr, "E026");
    assert!(
        report.contains("treats `unsure` differently from `yes`"),
        "{report}"
    );
}

/// `test DIR`: expects exit 1 and returns stdout.
fn test_fails(knowledge: &Knowledge) -> String {
    let output = backcheck(&["test", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    text(&output.stdout)
}

#[test]
fn a_case_in_lay_words_is_an_error() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "case \"lay\" {\n  answers saddle=yeah\n  expect refer emergency\n}\n",
    );
    let report = report(&knowledge.check_fails(), "E013");
    assert!(report.starts_with("extra.flow:2:18:"), "{report}");
    assert!(report.contains("a case names answers by id"), "{report}");
}

#[test]
fn a_case_that_answers_a_question_twice_is_an_error() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "case \"twice\" {\n  answers saddle=no age=30 saddle=yes\n  expect refer emergency\n}\n",
    );
    let report = report(&knowledge.check_fails(), "E027");
    assert!(report.starts_with("extra.flow:2:28:"), "{report}");
    assert!(
        report.contains("first answered at extra.flow:2:11"),
        "{report}"
    );
}

#[test]
fn two_cases_or_two_invariants_with_one_name_are_an_error() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "case \"simple\" {\n  answers saddle=yes\n  expect refer emergency\n}\ninvariant \"saddle numbness refers now\" {\n  saddle in [yes] => verdict == refer\n}\n",
    );
    let stderr = knowledge.check_fails();
    let duplicates: Vec<String> = reports(&stderr)
        .into_iter()
        .filter(|r| r.contains("[E003]"))
        .collect();
    assert_eq!(duplicates.len(), 2, "{stderr}");
    // extra.flow comes first in path order: the second of each is in outcomes.flow.
    assert!(
        duplicates[0].starts_with("outcomes.flow:35:11:")
            && duplicates[0].contains("duplicate invariant name \"saddle numbness refers now\""),
        "{stderr}"
    );
    assert!(
        duplicates[1].contains("duplicate case name \"simple\"")
            && duplicates[1].contains("already used at extra.flow:1:6"),
        "{stderr}"
    );
}

#[test]
fn an_answer_to_a_question_the_walk_never_asks_fails_the_case_at_its_line() {
    let knowledge = Knowledge::mini().file(
        "extra.flow",
        "\ncase \"numb, with a story\" {\n  answers saddle=yes age=40\n  expect refer emergency\n}\n",
    );
    let stdout = test_fails(&knowledge);
    assert!(
        stdout.contains("FAIL extra.flow:2:1: numb, with a story\n     `age=40` is never used: the walk does not ask `age`"),
        "{stdout}"
    );
}

#[test]
fn a_cycle_is_reported_at_the_arm_that_closes_it() {
    let knowledge = Knowledge::main(
        "question first {\n  ask \"One?\"\n  yes -> second\n  no -> done\n}\nquestion second {\n  ask \"Two?\"\n  yes -> done\n  no -> first\n}\noutcome done {\n  verdict treat\n  title \"Fine\"\n}\n",
    );
    let report = report(&knowledge.check_fails(), "E009");
    assert!(report.starts_with("main.flow:9:9:"), "{report}");
    assert!(
        report.contains("this leads back to `main.first`, closing the loop"),
        "{report}"
    );
}

#[test]
fn root_causes_come_before_what_follows_from_them() {
    // `side` is declared twice; the second, with `right`, is ignored, so
    // `set side = right` in a.flow (read first) is a follow-on error.
    let knowledge = Knowledge::with_header()
        .file(
            "a.flow",
            "question first {\n  ask \"Side?\"\n  yes -> done set side = right\n  no -> done\n}\noutcome done {\n  verdict treat\n  title \"Fine\"\n}\n",
        )
        .file("z.flow", "fact side: left\nfact side: left | right\n")
        .edit("flow.flow", "start main.first", "start a.first");
    let stderr = knowledge.check_fails();
    let all = reports(&stderr);
    assert_eq!(all.len(), 2, "{stderr}");
    assert!(all[0].starts_with("z.flow:2:6: [E003]"), "{stderr}");
    assert!(all[1].starts_with("a.flow:3:26: [E006]"), "{stderr}");
}

#[test]
fn an_exported_condition_is_as_written() {
    let knowledge = Knowledge::main(
        "question first {\n  ask \"Old?\"\n  number 0..120 into age\n  then -> route\n}\ndecide route {\n  when (osteoporosis and age > 60) or (radiation == thigh) -> careful\n  when not (age < 16) -> done\n  otherwise -> careful\n}\noutcome done {\n  verdict treat\n  title \"Fine\"\n}\noutcome careful {\n  verdict modify\n  title \"Careful\"\n}\n",
    );
    let output = backcheck(&["graph", "--format", "json", "--knowledge", knowledge.arg()])
        .output()
        .expect("run backcheck");
    let json = text(&output.stdout);
    assert!(
        json.contains("\"(osteoporosis and age > 60) or (radiation == thigh)\""),
        "{json}"
    );
    assert!(json.contains("\"not (age < 16)\""), "{json}");
}

#[test]
fn a_misspelt_tag_is_an_error_not_a_silent_switch() {
    let knowledge = Knowledge::mini().edit(
        "safety.flow",
        "tags red_flag, emergency",
        "tags redflag, emergncy",
    );
    let stderr = knowledge.check_fails();
    let all: Vec<String> = reports(&stderr)
        .into_iter()
        .filter(|r| r.contains("[E028]"))
        .collect();
    assert_eq!(all.len(), 2, "{stderr}");
    assert!(
        all[0].starts_with("safety.flow:7:10:") && all[0].contains("did you mean `red_flag`?"),
        "{stderr}"
    );
    assert!(
        all[1].starts_with("safety.flow:7:19:") && all[1].contains("did you mean `emergency`?"),
        "{stderr}"
    );
}

#[test]
fn a_red_flag_tagged_less_urgent_or_more_urgent_than_where_it_leads_is_an_error() {
    let lower = Knowledge::mini()
        .file(
            "more_tags.flow",
            "tag urgent \"Refer today\" means urgent\n",
        )
        .edit(
            "safety.flow",
            "tags red_flag, emergency",
            "tags red_flag, urgent",
        );
    let low = report(&verify_stderr(&lower), "E029");
    assert!(
        low.contains(
            "is tagged urgent, but its `yes` never refers urgent: it always refers sooner"
        ),
        "{low}"
    );
    let higher = Knowledge::mini()
        .edit(
            "outcomes.flow",
            "verdict refer emergency",
            "verdict refer urgent",
        )
        .edit("outcomes.flow", "urgency == emergency", "urgency >= urgent")
        .edit(
            "outcomes.flow",
            "expect refer emergency",
            "expect refer urgent",
        );
    let report = report(&verify_stderr(&higher), "E029");
    assert!(
        report.contains(
            "is tagged emergency, but its `yes` can end in refer urgent (outcome `emergency`)"
        ),
        "{report}"
    );
    assert!(report.contains("reached by saddle=yes"), "{report}");
}

#[test]
fn a_red_flag_moved_after_a_routine_exit_breaks_the_red_flag_order() {
    let knowledge = Knowledge::mini()
        .edit("flow.flow", "start safety.saddle", "start safety.age")
        .edit("safety.flow", "no -> next", "no -> pain.bones")
        .edit(
            "safety.flow",
            "otherwise -> pain.bones",
            "otherwise -> saddle",
        );
    let stdout = verify_fails(&knowledge);
    assert!(
        stdout.contains("FAIL safety.flow:2:12: \"red-flag order: `saddle` (emergency) is asked before any exit below emergency\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("counter-example (1 answer): age=0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("reaches outcome `too_young`: refer routine"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 red flag in order: 0 asked before every exit of lower urgency, 1 not"),
        "{stdout}"
    );
}

/// The same early exit, for a person the screen is not for (a child), tagged
/// out of scope: its own safety net covers the danger signs, so the
/// red-flag order does not apply to it. Every other walk still must ask the
/// red flag first.
#[test]
fn an_out_of_scope_exit_before_the_red_flags_is_allowed_only_on_a_referral() {
    let moved = || {
        Knowledge::mini()
            .edit("flow.flow", "start safety.saddle", "start safety.age")
            .edit("safety.flow", "no -> next", "no -> pain.bones")
            .edit("safety.flow", "otherwise -> pain.bones", "otherwise -> saddle")
            .edit(
                "flow.flow",
                "tag contraindication",
                "tag out_of_scope \"For someone the screen is not for\" means out_of_scope\ntag contraindication",
            )
    };
    let tagged = moved().edit(
        "outcomes.flow",
        "  plan \"This tool is for adults.\"",
        "  plan \"This tool is for adults.\"\n  tags out_of_scope",
    );
    let output = backcheck(&["verify", tagged.arg()])
        .output()
        .expect("run backcheck");
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(
        stdout.contains("1 red flag in order: 1 asked before every exit of lower urgency, 0 not"),
        "{stdout}"
    );
    // On a treat outcome the tag would switch the proof off: an error.
    let on_treat = moved().edit(
        "outcomes.flow",
        "  title \"Massage is suitable\"",
        "  title \"Massage is suitable\"\n  tags out_of_scope",
    );
    let report = report(&on_treat.check_fails(), "E031");
    assert!(
        report.contains("`outcomes.fine` is tagged out of scope"),
        "{report}"
    );
}

#[test]
fn an_urgency_tag_without_red_flag_is_an_error_not_a_silent_switch() {
    // Issue 27, 3: `tags emergency` without `red_flag` switched off E025,
    // E026 and the red-flag order without a word.
    let knowledge =
        Knowledge::mini().edit("safety.flow", "tags red_flag, emergency", "tags emergency");
    let stderr = knowledge.check_fails();
    let report = report(&stderr, "E034");
    assert!(report.starts_with("safety.flow:7:10:"), "{report}");
    assert!(
        report.contains("`safety.saddle` is tagged `emergency` (emergency), but not as a red flag"),
        "{report}"
    );
    assert!(report.contains("tag it `red_flag, emergency`"), "{report}");
    // With `red_flag` beside it, the same tag is what it should be.
    let output = backcheck(&["check", "--deny-warnings", Knowledge::mini().arg()])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
}

/// Issue 27, 1: a red flag behind an ordinary answer. `spread=none` leads to
/// the saddle-numbness red flag, `spread=buttock` straight to a treat
/// outcome; `check`, `verify` and `mutate` all passed it.
const BYPASS: &str = r#"question first {
  ask "Does the pain spread?"
  answer none "No, it stays in my back" -> saddle
  answer buttock "Into the buttock" -> fine
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
"#;

#[test]
fn a_red_flag_passed_by_an_ordinary_answer_breaks_the_order() {
    let knowledge = Knowledge::main(BYPASS);
    let stdout = verify_fails(&knowledge);
    assert!(
        stdout.contains("FAIL main.flow:6:10: \"red-flag order: `saddle` (emergency)"),
        "{stdout}"
    );
    // The shortest walk that passes it by, which `run` replays.
    assert!(
        stdout.contains("counter-example (1 answer): first=buttock"),
        "{stdout}"
    );
    assert!(stdout.contains("reaches outcome `fine`: treat"), "{stdout}");
}

/// The same bypass with a "which of these" red flag (issue 25: the
/// pregnancy signs): the order proof holds it to the same rule.
const BYPASS_LIST: &str = r#"question first {
  ask "Does the pain spread?"
  answer none "No, it stays in my back" -> signs
  answer buttock "Into the buttock" -> fine
}
question signs {
  ask "Do you have any of these? Choose all that apply."
  tags red_flag, emergency
  multiple
  answer saddle "Numbness around your bottom"
  answer bladder "Trouble peeing"
  answer none "None of these"
  answer unsure "Not sure"
  then -> route
}
decide route {
  when signs in [saddle, bladder, unsure] -> emergency
  otherwise -> fine
}
outcome emergency { verdict refer emergency title "Call emergency services now" }
outcome fine { verdict treat title "Massage is suitable" }
invariant "a sign refers now" {
  signs in [saddle, bladder, unsure] => verdict == refer and urgency == emergency
}
case "numb" {
  answers first=none signs=saddle
  expect refer emergency
}
"#;

#[test]
fn a_list_red_flag_passed_by_an_ordinary_answer_breaks_the_order() {
    let stdout = verify_fails(&Knowledge::main(BYPASS_LIST));
    assert!(
        stdout.contains("\"red-flag order: `signs` (emergency)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("counter-example (1 answer): first=buttock"),
        "{stdout}"
    );
    // Asked on every walk, it holds.
    let asked = Knowledge::main(&BYPASS_LIST.replace(
        "answer buttock \"Into the buttock\" -> fine",
        "answer buttock \"Into the buttock\" -> signs",
    ));
    let output = backcheck(&["verify", asked.arg()]).output().expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(
        text(&output.stdout).contains("1 red flag in order: 1 asked before every exit"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_declared_applies_when_lets_a_walk_pass_a_red_flag_where_it_is_false() {
    let declared = Knowledge::main(&BYPASS.replace(
        "  tags red_flag, emergency\n",
        "  tags red_flag, emergency\n  applies when first in [none]\n",
    ));
    let output = backcheck(&["verify", declared.arg()])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(
        text(&output.stdout).contains("1 red flag in order: 1 asked before every exit"),
        "{}",
        describe(&output)
    );
    // The declaration is checked: where it holds, the flag must be asked.
    let wrong = Knowledge::main(&BYPASS.replace(
        "  tags red_flag, emergency\n",
        "  tags red_flag, emergency\n  applies when first in [buttock]\n",
    ));
    let stdout = verify_fails(&wrong);
    assert!(
        stdout.contains("counter-example (1 answer): first=buttock"),
        "{stdout}"
    );
}

#[test]
fn applies_when_on_a_question_that_is_not_a_red_flag_is_an_error() {
    let knowledge = Knowledge::main(&BYPASS.replace(
        "  ask \"Does the pain spread?\"\n",
        "  ask \"Does the pain spread?\"\n  applies when first in [none]\n",
    ));
    let report = report(&knowledge.check_fails(), "E036");
    assert!(report.starts_with("main.flow:1:10:"), "{report}");
    assert!(
        report.contains("`main.first` says where it applies, but it is not a red flag"),
        "{report}"
    );
}
