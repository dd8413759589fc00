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
