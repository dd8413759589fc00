//! The source registry: every `source ID { title ... kind ... section ... }`
//! of the folder, declared once, and each citation `source ID` filled in
//! from it, so that every screen shows the same full title for one id. A
//! citation of an id nobody declares is an error (E030).

use std::collections::HashMap;

use super::compiler::Compiler;
use super::flow::SourceRef;
use super::names::duplicate;
use crate::diagnostic::{Diagnostic, DiagnosticKind, suggest_name};
use crate::syntax::ast;

/// What a declaration gives a citation.
struct Declared {
    title: String,
    kind: String,
    section: Option<String>,
    file: Option<String>,
}

impl<'s> Compiler<'s> {
    /// Reads the declarations, then resolves every citation by id in the
    /// nodes lowered so far; returns every declaration, by id, as a citation
    /// of it reads.
    pub(super) fn resolve_sources(&mut self) -> HashMap<&'s str, SourceRef> {
        let mut declared: HashMap<&'s str, Declared> = HashMap::new();
        let mut first: HashMap<&'s str, &'s ast::Name<'s>> = HashMap::new();
        for (_, document) in self.documents {
            for decl in &document.sources {
                if let Some(earlier) = first.get(decl.name.text) {
                    let first_at = self.at(earlier.span);
                    self.errors.push(duplicate(
                        DiagnosticKind::Duplicate,
                        "source",
                        &decl.name,
                        first_at,
                    ));
                    continue;
                }
                first.insert(decl.name.text, &decl.name);
                let (Some(title), Some(kind)) = (&decl.title, &decl.kind) else {
                    let missing = if decl.title.is_none() {
                        "title"
                    } else {
                        "kind"
                    };
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::MissingPart,
                            decl.name.span,
                            format!("source `{}` has no `{missing}`", decl.name.text),
                        )
                        .with_label(format!("`{missing}` is required"))
                        .with_hint(Some(
                            "write `title \"the document's full title\"` and `kind seed` or `kind guideline`"
                                .into(),
                        )),
                    );
                    continue;
                };
                declared.insert(
                    decl.name.text,
                    Declared {
                        title: title.text.to_string(),
                        kind: kind.text.to_string(),
                        section: decl.section.as_ref().map(|s| s.text.to_string()),
                        file: decl.file.as_ref().map(|f| f.text.to_string()),
                    },
                );
            }
        }
        let known: Vec<&str> = first.keys().copied().collect();
        let mut errors = Vec::new();
        for node in &mut self.nodes {
            for source in &mut node.sources {
                let (Some(id), Some(at)) = (&source.id, source.cited_at.take()) else {
                    continue;
                };
                match declared.get(id.as_str()) {
                    Some(decl) => {
                        source.document.clone_from(&decl.title);
                        source.part.clone_from(&decl.section);
                        source.kind = Some(decl.kind.clone());
                        source.file.clone_from(&decl.file);
                    }
                    // A declaration with a missing part was reported above.
                    None if first.contains_key(id.as_str()) => {}
                    None => {
                        let fix = suggest_name(id, at, known.iter().copied());
                        errors.push(
                            Diagnostic::new(
                                DiagnosticKind::UndeclaredSource,
                                at,
                                format!("source `{id}` is not declared"),
                            )
                            .with_label("no `source` declaration has this id")
                            .with_hint(fix.is_none().then(|| {
                                format!(
                                    "declare it once: `source {id} {{ title \"...\" kind guideline section \"...\" }}`"
                                )
                            }))
                            .with_suggestions(fix),
                        );
                    }
                }
            }
        }
        self.errors.append(&mut errors);
        (declared.into_iter())
            .map(|(id, decl)| {
                let cited = SourceRef {
                    document: decl.title,
                    part: decl.section,
                    id: Some(id.to_string()),
                    kind: Some(decl.kind),
                    file: decl.file,
                    cited_at: None,
                };
                (id, cited)
            })
            .collect()
    }
}
