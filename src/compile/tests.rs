//! Compiler tests over small inline knowledge folders.

use super::*;
use crate::source::{KnowledgeSource, SourceFile};

pub(crate) fn folder(files: &[(&str, &str)]) -> KnowledgeSource {
    KnowledgeSource {
        files: files.iter().map(|(p, t)| SourceFile::new(*p, *t)).collect(),
    }
}

/// The shipped knowledge, for tests of later stages that need a real story.
pub(crate) fn shipped() -> KnowledgeSource {
    KnowledgeSource::embedded()
}

pub(crate) fn mini() -> KnowledgeSource {
    KnowledgeSource::from_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini"
    )))
    .expect("fixture folder")
}

const HEADER: &str = "flow t \"T\" { version \"1\" start a.q }\nfact f: bool\n";

fn errors(text: &str) -> Vec<String> {
    match compile(&folder(&[("h.flow", HEADER), ("a.flow", text)])) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.message).collect(),
    }
}

#[test]
fn compiles_the_mini_fixture() {
    let flow = compile(&mini()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(flow.meta().name, "mini");
    assert_eq!(flow.nodes().len(), 12);
    assert_eq!(flow.cases().len(), 3);
    assert_eq!(flow.graph.node_count(), flow.nodes().len());
    assert!(flow.find("saddle").is_some());
    assert!(flow.find("safety.saddle").is_some());
}

#[test]
fn a_node_knows_its_local_id_inside_its_qualified_one() {
    let flow = compile(&mini()).unwrap_or_else(|e| panic!("{e:#?}"));
    let saddle = flow
        .find("safety.saddle")
        .expect("the fixture's saddle question");
    assert_eq!(flow.node(saddle).id, "safety.saddle");
    assert_eq!(flow.node(saddle).local(), "saddle");
    for node in flow.nodes() {
        assert_eq!(
            node.id,
            format!(
                "{}.{}",
                node.id.split('.').next().unwrap_or(""),
                node.local()
            )
        );
    }
}

#[test]
fn reports_unknown_target_with_hint() {
    let found = compile(&folder(&[
        ("h.flow", HEADER),
        ("a.flow", "question q { ask \"?\" yes -> outcom no -> outcome }\noutcome outcome { verdict treat title \"t\" }"),
    ]))
    .unwrap_err();
    assert_eq!(found[0].message, "unknown id `outcom`");
    assert_eq!(found[0].help().as_deref(), Some("did you mean `outcome`?"));
    // The fix is typed: the name written, replaced by the one meant.
    let fix = &found[0].suggestions[..];
    assert_eq!(fix.len(), 1);
    assert_eq!(fix[0].span, found[0].span);
    assert_eq!(fix[0].replacement, "outcome");
}

#[test]
fn reports_every_error_in_one_run() {
    let found = errors(
        "question q { ask \"?\" yes -> nowhere no -> o set g }\noutcome o { verdict refer title \"t\" }",
    );
    assert!(
        found.contains(&"unknown id `nowhere`".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"fact `g` is not declared".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"refer outcome `o` has no urgency".to_string()),
        "{found:?}"
    );
}

#[test]
fn reports_cycles() {
    let found = errors(
        "question q { ask \"?\" yes -> r no -> r }\nquestion r { ask \"?\" yes -> q no -> o }\noutcome o { verdict treat title \"t\" }",
    );
    assert!(
        found.iter().any(|m| m.contains("lead back to each other")),
        "{found:?}"
    );
}

#[test]
fn reports_unreachable_nodes() {
    let found = errors(
        "question q { ask \"?\" yes -> o no -> o }\nquestion lost { ask \"?\" yes -> o no -> o }\noutcome o { verdict treat title \"t\" }",
    );
    assert_eq!(found, vec!["no path reaches question `a.lost`".to_string()]);
}

#[test]
fn reports_missing_otherwise_and_missing_no() {
    let found = errors(
        "question q { ask \"?\" yes -> d }\ndecide d { when f -> o }\noutcome o { verdict treat title \"t\" }",
    );
    assert!(
        found.contains(&"question `q` has no `no` answer".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"decide `d` has no `otherwise`".to_string()),
        "{found:?}"
    );
}

#[test]
fn reports_values_outside_a_domain() {
    let found = compile(&folder(&[
        ("h.flow", "flow t \"T\" { start a.q }\nfact side: left | right\n"),
        ("a.flow", "question q { ask \"?\" yes -> o set side = middle no -> o }\noutcome o { verdict treat title \"t\" }"),
    ]))
    .unwrap_err();
    assert_eq!(found[0].message, "`middle` is not a value of `side`");
}

#[test]
fn reports_duplicate_ids() {
    let found = errors(
        "question q { ask \"?\" yes -> o no -> o }\noutcome o { verdict treat title \"t\" }\noutcome o { verdict treat title \"t\" }",
    );
    assert_eq!(found, vec!["duplicate id `o`".to_string()]);
}

#[test]
fn reports_duplicate_ids_across_files_of_one_namespace() {
    // Two files with one stem, in different folders, share a namespace.
    let found = compile(&folder(&[
        ("h.flow", "flow t \"T\" { start a.q }\n"),
        ("a.flow", "question q { ask \"?\" yes -> x.o no -> x.o }"),
        ("one/x.flow", "outcome o { verdict treat title \"t\" }"),
        ("two/x.flow", "outcome o { verdict modify title \"t\" }"),
    ]))
    .unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].message, "duplicate id `o`");
    assert_eq!(found[0].span.file(), 3);
    assert_eq!(found[0].label, "already declared at one/x.flow:1:9");
}

#[test]
fn errors_come_in_file_order() {
    let filler = "// a comment\n";
    let folder = folder(&[
        ("a.flow", &format!("{filler}question a {{ ask }}")),
        ("b.flow", &format!("{filler}{HEADER}")),
        ("c.flow", &format!("{filler}question c {{ ask }}")),
    ]);
    let errors = compile(&folder).unwrap_err();
    let files: Vec<usize> = errors.iter().map(|e| e.span.file()).collect();
    assert_eq!(files, vec![0, 2]);
}

/// A generated folder of 1000 nodes over many files.
fn large_folder() -> KnowledgeSource {
    crate::synth::files(1000, 7).into_iter().collect()
}

#[test]
fn a_large_folder_compiles() {
    let flow = compile(&large_folder()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(flow.nodes().len(), 1000);
}

#[test]
fn a_large_folder_reports_each_mistake_in_its_own_file() {
    let mut source = large_folder();
    // One mistake per file, each in a name resolved only once every file is
    // declared: a target, a fact, a fact's value, a condition's operand.
    let mistakes = [
        ("-> l", "-> nowhere_l"),
        ("set a\n", "set nope\n"),
        ("set level = high", "set level = huge"),
        ("when a and", "when ghost and"),
    ];
    let mut broken = Vec::new();
    for (wrong, by) in mistakes {
        let file = source
            .files
            .iter_mut()
            .enumerate()
            .find(|(i, f)| !broken.contains(i) && f.text.contains(wrong))
            .map(|(i, f)| {
                f.text = f.text.replacen(wrong, by, 1).into();
                i
            })
            .unwrap_or_else(|| panic!("no file has `{wrong}`"));
        broken.push(file);
    }
    let errors = compile(&source).expect_err("four mistakes");
    let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.span.file(), e.code())).collect();
    let mut expected = vec![
        (broken[0], "E002"),
        (broken[1], "E005"),
        (broken[2], "E006"),
        (broken[3], "E005"),
    ];
    expected.sort();
    assert_eq!(found, expected, "{errors:#?}");
}

#[test]
fn a_verdict_reads_the_same_way_everywhere() {
    assert_eq!(Verdict::Treat.to_string(), "treat");
    assert_eq!(Verdict::Modify.to_string(), "modify");
    assert_eq!(Verdict::Refer(Urgency::Urgent).to_string(), "refer urgent");
    assert_eq!(Verdict::Refer(Urgency::Emergency).word(), "refer");
    assert_eq!(
        Verdict::Refer(Urgency::Routine).urgency(),
        Some(Urgency::Routine)
    );
    assert_eq!(Verdict::Modify.urgency(), None);
}

#[test]
fn an_outcome_compiles_to_its_verdict_with_its_urgency() {
    let flow = compile(&folder(&[
        ("h.flow", HEADER),
        ("a.flow", "question q { ask \"?\" yes -> o no -> o }\noutcome o { verdict refer urgent title \"t\" }"),
    ]))
    .unwrap_or_else(|e| panic!("{e:#?}"));
    let outcome = flow.find("o").and_then(|o| flow.outcome(o));
    assert_eq!(
        outcome.map(|o| o.verdict),
        Some(Verdict::Refer(Urgency::Urgent))
    );
}

#[test]
fn a_case_expecting_an_urgency_without_a_referral_is_an_error() {
    let found = errors(
        "question q { ask \"?\" yes -> o no -> o }\noutcome o { verdict treat title \"t\" }\ncase \"c\" { answers q=yes expect treat urgent }",
    );
    assert!(
        found.contains(&"only `refer` takes an urgency".to_string()),
        "{found:?}"
    );
}

/// The codes of the errors in `a.flow` (after the shared header).
fn codes(text: &str) -> Vec<&'static str> {
    match compile(&folder(&[("h.flow", HEADER), ("a.flow", text)])) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.code()).collect(),
    }
}

#[test]
fn each_kind_of_mistake_has_its_own_code() {
    let outcome = "\noutcome o { verdict treat title \"t\" }";
    let question = "question q { ask \"?\" yes -> o no -> o }";
    let cases = [
        ("question q { ask \"? }", "E001"),
        ("question q { ask \"?\" yes -> p no -> o }", "E002"),
        (
            "question q { ask \"?\" yes -> o no -> o }\nquestion q { ask \"?\" yes -> o no -> o }",
            "E003",
        ),
        ("question q { ask \"?\" yes no -> o }", "E004"),
        ("question q { ask \"?\" yes -> o set g no -> o }", "E005"),
        (
            "question q { ask \"?\" yes -> o set f = 3 no -> o }",
            "E006",
        ),
        (
            "question q { ask \"?\" yes -> o no -> o answer x \"X\" -> o }",
            "E007",
        ),
        (
            "question q { ask \"?\" yes -> o no -> o }\noutcome o { verdict refer title \"t\" }",
            "E012",
        ),
        (
            "question q { ask \"?\" yes -> o no -> o }\ncase \"c\" { answers q=maybe expect treat }",
            "E013",
        ),
        (
            "fact n: number 0..99999999999999999999999\nquestion q { ask \"?\" yes -> o no -> o }",
            "E015",
        ),
        (
            "fact n: number 9..1\nquestion q { ask \"?\" yes -> o no -> o }",
            "E016",
        ),
        ("question q { ask \"?\" yes -> o }", "E017"),
        (
            "fact n: number 0..9\nquestion q { ask \"?\" yes -> d no -> o }\ndecide d { when n -> o otherwise -> o }",
            "E018",
        ),
        ("question q { yes -> o no -> o }", "E019"),
        (
            "question q { ask \"?\" yes -> o no -> o }\ncase \"c\" { answers q=yes expect modify routine }",
            "E020",
        ),
        (
            "question q { ask \"?\" yes -> d no -> o }\ndecide d { when any nothing in [yes] -> o otherwise -> o }",
            "E022",
        ),
    ];
    for (text, code) in cases {
        let text = if text.contains("outcome o") {
            text.to_string()
        } else {
            format!("{text}{outcome}")
        };
        assert_eq!(codes(&text), [code], "{text}");
    }
    assert!(codes(&format!("{question}{outcome}")).is_empty());
}

fn question_with(spans: &[&str], multiple: bool) -> String {
    let arms: String = spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let target = if multiple { "" } else { "-> done" };
            format!("  answer a{i} \"A{i}\" within {span} {target}\n")
        })
        .collect();
    let kind = if multiple {
        "  multiple\n  then -> done\n"
    } else {
        ""
    };
    format!(
        "question q {{\n  ask \"How long?\"\n  why \"w\"\n  source \"NICE NG59\"\n{kind}{arms}}}\noutcome done {{ verdict treat title \"Done\" plan \"p\" source \"NICE NG59\" }}\n"
    )
}

#[test]
fn within_spans_are_days_or_numbers() {
    let text = question_with(&["0..6 weeks", "6 weeks..3 months", "3 months.."], false);
    let flow = compile(&folder(&[("h.flow", HEADER), ("a.flow", &text)]))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    let question = flow.question(flow.find("q").unwrap()).unwrap();
    let spans: Vec<_> = question.answers().iter().map(|a| a.within).collect();
    let days = |low, high| {
        Some(Within {
            measure: Measure::Days,
            low,
            high,
        })
    };
    assert_eq!(
        spans,
        [days(0, Some(42)), days(42, Some(90)), days(90, None)]
    );
    let text = question_with(&["0..15", "16..49", "50.."], false);
    let flow = compile(&folder(&[("h.flow", HEADER), ("a.flow", &text)]))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    let question = flow.question(flow.find("q").unwrap()).unwrap();
    assert_eq!(
        question.answers()[1].within,
        Some(Within {
            measure: Measure::Number,
            low: 16,
            high: Some(49)
        })
    );
}

#[test]
fn within_spans_that_overlap_run_backwards_or_mix_kinds_are_errors() {
    let overlap = errors(&question_with(&["0..6 weeks", "4 weeks..3 months"], false));
    assert!(
        overlap.iter().any(|e| e.contains("overlaps")),
        "{overlap:?}"
    );
    let backwards = errors(&question_with(&["6..2 weeks", "6 weeks.."], false));
    assert!(
        backwards
            .iter()
            .any(|e| e.contains("ends before it starts")),
        "{backwards:?}"
    );
    let mixed = errors(&question_with(&["0..6 weeks", "50.."], false));
    assert!(mixed.iter().any(|e| e.contains("has a unit")), "{mixed:?}");
    // On a multiple-choice answer a time says when the choice counts; plain
    // numbers would choose among answers that can be chosen together.
    let multiple = errors(&question_with(&["16..49", "50.."], true));
    assert!(
        multiple.iter().any(|e| e.contains("`multiple`")),
        "{multiple:?}"
    );
    let times = errors(&question_with(&["0..6 weeks", "6 weeks.."], true));
    assert!(times.is_empty(), "{times:?}");
    // Sharing an end is how spans meet.
    assert!(errors(&question_with(&["0..6 weeks", "6 weeks.."], false)).is_empty());
}
