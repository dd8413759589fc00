//! The vocabulary of massage changes: every `change ID { label ... }` of the
//! folder, declared once with a source, and every `change ID, ...` a note or
//! an outcome writes checked against it. A change nobody declares is an error
//! (E038) with the closest declared id as the fix, so the graph's list of the
//! changes a walk needs can never name one the rehearsal cannot match.

use std::collections::HashMap;

use super::compiler::Compiler;
use super::names::duplicate;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, suggest_name};
use crate::syntax::ast;

/// One change to a massage, in the words a therapist would use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    /// How a therapist would say it: "Light pressure over the thinner muscle".
    pub label: String,
    /// Other ways to say it, matched by the rehearsal.
    pub synonyms: Vec<String>,
    pub why: Option<String>,
    /// The ids of the `source` declarations it cites.
    pub sources: Vec<String>,
    pub span: Span,
}

impl Compiler<'_> {
    /// The declared changes, each with a label and a declared source, and
    /// every reference to a change checked against them.
    pub(super) fn changes(&mut self, references: &[ast::Name]) -> Vec<Change> {
        let declared_sources: Vec<&str> = (self.documents.iter())
            .flat_map(|(_, d)| d.sources.iter().map(|s| s.name.text))
            .collect();
        let mut changes: Vec<Change> = Vec::new();
        let mut first: HashMap<&str, Span> = HashMap::new();
        let mut errors = Vec::new();
        for (_, document) in self.documents {
            for decl in &document.changes {
                if let Some(&earlier) = first.get(decl.name.text) {
                    let first_at = self.at(earlier);
                    errors.push(duplicate(
                        DiagnosticKind::Duplicate,
                        "change",
                        &decl.name,
                        first_at,
                    ));
                    continue;
                }
                first.insert(decl.name.text, decl.name.span);
                if decl.label.is_none() {
                    errors.push(missing(
                        decl,
                        "label",
                        "write `label \"the change in a therapist's words\"`",
                    ));
                }
                if decl.sources.is_empty() {
                    errors.push(missing(
                        decl,
                        "source",
                        "cite where the change comes from: `source ID`, an id declared with `source ID { ... }`",
                    ));
                }
                let mut sources = Vec::new();
                for source in &decl.sources {
                    match source {
                        ast::SourceRef::Declared(name) => {
                            if !declared_sources.contains(&name.text) {
                                let fix = suggest_name(
                                    name.text,
                                    name.span,
                                    declared_sources.iter().copied(),
                                );
                                errors.push(
                                    Diagnostic::new(
                                        DiagnosticKind::UndeclaredSource,
                                        name.span,
                                        format!("source `{}` is not declared", name.text),
                                    )
                                    .with_label("no `source` declaration has this id")
                                    .with_suggestions(fix),
                                );
                            }
                            sources.push(name.text.to_string());
                        }
                        ast::SourceRef::InPlace { document, .. } => {
                            sources.push(document.text.to_string());
                        }
                    }
                }
                changes.push(Change {
                    id: decl.name.text.to_string(),
                    label: decl
                        .label
                        .as_ref()
                        .map_or_else(String::new, |l| l.text.to_string()),
                    synonyms: decl.synonyms.iter().map(|s| s.text.to_string()).collect(),
                    why: decl.why.as_ref().map(|w| w.text.to_string()),
                    sources,
                    span: decl.name.span,
                });
            }
        }
        let known: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
        for name in references {
            if !known.contains(&name.text) {
                errors.push(undeclared(name, &known));
            }
        }
        self.errors.append(&mut errors);
        changes
    }
}

fn missing(decl: &ast::ChangeDecl, part: &str, hint: &str) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::MissingPart,
        decl.name.span,
        format!("change `{}` has no `{part}`", decl.name.text),
    )
    .with_label(format!("`{part}` is required"))
    .with_hint(Some(hint.to_string()))
}

/// E038: a note or outcome names a change no `change` declares.
fn undeclared(name: &ast::Name, known: &[&str]) -> Diagnostic {
    let fix = suggest_name(name.text, name.span, known.iter().copied());
    Diagnostic::new(
        DiagnosticKind::UndeclaredChange,
        name.span,
        format!("change `{}` is not declared", name.text),
    )
    .with_label("no `change` declaration has this id")
    .with_hint(fix.is_none().then(|| {
        format!(
            "declare it once: `change {} {{ label \"...\" source ID }}`",
            name.text
        )
    }))
    .with_suggestions(fix)
}

#[cfg(test)]
mod tests {
    use crate::compile::tests::folder;
    use crate::compile::{Effect, NodeKind, compile};
    use crate::diagnostic::{Diagnostic, DiagnosticKind};

    const HEADER: &str = "flow t \"T\" { version \"1\" start a.q }\n\
        source s1 { title \"Seed one\" kind seed }\n";

    fn with(text: &str) -> Result<crate::compile::Flow, Vec<Diagnostic>> {
        compile(&folder(&[("h.flow", HEADER), ("a.flow", text)]))
    }

    const NO_PRONE: &str = "change no_prone { label \"Avoid face-down\" synonyms \"no prone\", \"not on the front\" source s1 }\n";

    #[test]
    fn notes_and_outcomes_name_declared_changes() {
        let flow = with(&format!(
            "{NO_PRONE}question q {{ ask \"?\" yes -> o note \"Not face-down.\" therapist \"No prone.\" change no_prone no -> o }}\n\
             outcome o {{ verdict modify title \"t\" change no_prone }}"
        ))
        .unwrap_or_else(|e| panic!("{e:#?}"));
        let change = flow.change("no_prone").expect("declared");
        assert_eq!(change.label, "Avoid face-down");
        assert_eq!(change.synonyms, ["no prone", "not on the front"]);
        assert_eq!(change.sources, ["s1"]);
        let q = flow.find("q").expect("q");
        let notes: Vec<_> = (flow.question(q).expect("question").answers().iter())
            .flat_map(|a| &a.effects)
            .filter_map(|e| match e {
                Effect::Note(note) => Some(note.changes.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(notes, [vec!["no_prone".to_string()]]);
        let o = flow.find("o").expect("o");
        let NodeKind::Outcome(outcome) = &flow.node(o).kind else {
            panic!("an outcome")
        };
        assert_eq!(outcome.changes, ["no_prone"]);
    }

    #[test]
    fn an_undeclared_change_is_an_error_with_the_closest_id() {
        let errors = with(&format!(
            "{NO_PRONE}question q {{ ask \"?\" yes -> o note \"x\" change no_pron no -> o }}\n\
             outcome o {{ verdict modify title \"t\" change gentle }}"
        ))
        .unwrap_err();
        let undeclared: Vec<&Diagnostic> = (errors.iter())
            .filter(|e| e.kind == DiagnosticKind::UndeclaredChange)
            .collect();
        assert_eq!(undeclared.len(), 2, "{errors:#?}");
        assert_eq!(undeclared[0].message, "change `no_pron` is not declared");
        assert_eq!(undeclared[0].suggestions[0].replacement, "no_prone");
        assert_eq!(undeclared[0].kind.code(), "E038");
        assert_eq!(undeclared[1].message, "change `gentle` is not declared");
        assert!(undeclared[1].suggestions.is_empty());
    }

    #[test]
    fn a_change_needs_a_label_and_a_declared_source() {
        let errors = with(
            "change bare { synonyms \"x\" }\nchange cited { label \"C\" source s2 }\n\
             question q { ask \"?\" yes -> o no -> o }\noutcome o { verdict treat title \"t\" }",
        )
        .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages.contains(&"change `bare` has no `label`"),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"change `bare` has no `source`"),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"source `s2` is not declared"),
            "{messages:?}"
        );
        let twice = with(&format!(
            "{NO_PRONE}{NO_PRONE}question q {{ ask \"?\" yes -> o no -> o }}\noutcome o {{ verdict treat title \"t\" }}"
        ))
        .unwrap_err();
        assert_eq!(twice[0].message, "duplicate change `no_prone`");
    }

    #[test]
    fn a_vignette_tells_only_questions_it_answers() {
        let base = "question q { ask \"?\" yes -> r no -> r }\n\
                    question r { ask \"?\" yes -> o no -> o }\noutcome o { verdict treat title \"t\" }\n";
        let flow = with(&format!(
            "{base}vignette v \"V\" {{ story \"s\" answers q=no r=no tells q expect treat }}"
        ))
        .unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(flow.vignettes()[0].tells, [flow.find("q").expect("q")]);
        let errors = with(&format!(
            "{base}vignette v \"V\" {{ story \"s\" answers q=no tells r, nowhere expect treat }}"
        ))
        .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages.contains(&"the story tells `r`, but the vignette's answers do not answer it"),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("nowhere")),
            "{messages:?}"
        );
    }
}
