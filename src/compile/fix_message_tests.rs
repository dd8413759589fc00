//! Each compiler message of issue 27's finding 8 offers the specific fix:
//! before, each test's message offered the wrong one or none (the test says
//! which).

use super::compile;
use super::tests::folder;
use crate::diagnostic::Diagnostic;

const HEADER: &str = "flow t \"T\" { version \"1\" start a.recent_procedure }\n";

fn errors(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    compile(&folder(files)).unwrap_err()
}

/// Before: "did you mean `recent_procedure`?", the question the arrow is in.
#[test]
fn an_outcome_without_its_file_name_is_suggested_with_it() {
    let question = "question recent_procedure {\n  ask \"Injection?\"\n  yes -> refer_recent_procedure\n  no -> outcomes.fine\n}\n";
    let outcomes = "outcome refer_recent_procedure { verdict refer urgent title \"See a doctor\" }\noutcome fine { verdict treat title \"Fine\" }\n";
    let found = errors(&[
        ("h.flow", HEADER),
        ("a.flow", question),
        ("outcomes.flow", outcomes),
    ]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].suggestions.len(), 1);
    assert_eq!(
        found[0].suggestions[0].replacement,
        "outcomes.refer_recent_procedure"
    );
}

/// Before: one E021 for every case naming `q` (205 for the shipped
/// knowledge with one question declared again in a second file).
#[test]
fn a_name_declared_in_two_files_is_one_error() {
    let a = "question q {\n  ask \"?\"\n  yes -> o\n  no -> o\n}\noutcome o { verdict treat title \"Fine\" }\n";
    let b = "question q {\n  ask \"Again?\"\n  yes -> a.o\n  no -> a.o\n}\n";
    let cases: String = (0..5)
        .map(|i| format!("case \"c{i}\" {{ answers q=yes expect treat }}\n"))
        .collect();
    let header = "flow t \"T\" { version \"1\" start a.q }\n";
    let found = errors(&[
        ("h.flow", header),
        ("a.flow", a),
        ("b.flow", b),
        ("cases.flow", &cases),
    ]);
    let ambiguous: Vec<&Diagnostic> = found.iter().filter(|e| e.code() == "E021").collect();
    assert_eq!(ambiguous.len(), 1, "{found:#?}");
    assert_eq!(
        ambiguous[0].help().as_deref(),
        Some(
            "rename one of the declarations, or write one of a.q, b.q here and at the 4 other places that name it"
        )
    );
}

/// Before: one E002 for every case naming the renamed question.
#[test]
fn an_unknown_name_in_many_cases_is_one_error() {
    let a = "question q {\n  ask \"?\"\n  yes -> o\n  no -> o\n}\noutcome o { verdict treat title \"Fine\" }\n";
    let cases: String = (0..5)
        .map(|i| format!("case \"c{i}\" {{ answers old_q=yes expect treat }}\n"))
        .collect();
    let header = "flow t \"T\" { version \"1\" start a.q }\n";
    let found = errors(&[("h.flow", header), ("a.flow", a), ("cases.flow", &cases)]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].help().as_deref(),
        Some("the same at 4 more places")
    );
}
