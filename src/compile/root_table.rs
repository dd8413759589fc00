//! The nerve-root table: every `sign` of the folder (a test, the sign in
//! words, the roots it points to), and the roots each `finding` names,
//! checked against it. The drill, the scoring and the therapist's screen read
//! the roots from here, never from the words of a finding.

use std::collections::HashMap;

use super::compiler::Compiler;
use super::flow::{Effect, Flow, Node, NodeKind, QuestionKind, SourceRef};
use super::names::duplicate;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, suggest_name};
use crate::syntax::ast;

pub use crate::syntax::ast::TestKind;

impl TestKind {
    /// What the test looks at, in a therapist's words.
    pub fn words(self) -> &'static str {
        match self {
            TestKind::Sensory => "skin area",
            TestKind::Motor => "muscles",
            TestKind::Reflex => "reflex",
        }
    }
}

/// One row of the table: `sign tib_post_reflex { reflex "..." root L4, L5 }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sign {
    pub id: String,
    pub test: TestKind,
    /// The sign in words that do not name its root.
    pub words: String,
    /// The roots it points to, as the source gives them (one or two).
    pub roots: Vec<String>,
    /// What a therapist should know about the row (two segments, another chart).
    pub note: Option<String>,
    pub sources: Vec<SourceRef>,
}

impl Sign {
    /// Whether the sign points to `root`.
    pub fn fits(&self, root: &str) -> bool {
        self.roots.iter().any(|r| r == root)
    }
}

/// Every sign of the folder, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RootTable {
    signs: Vec<Sign>,
}

impl RootTable {
    pub fn signs(&self) -> &[Sign] {
        &self.signs
    }

    /// The roots the signs name, each once, in the order first named.
    pub fn roots(&self) -> Vec<&str> {
        let mut roots: Vec<&str> = Vec::new();
        for root in self.signs.iter().flat_map(|s| &s.roots) {
            if !roots.contains(&root.as_str()) {
                roots.push(root);
            }
        }
        roots
    }

    /// The root as the table spells it, for one typed in any case (`l5`).
    pub fn root_named(&self, word: &str) -> Option<&str> {
        self.roots()
            .into_iter()
            .find(|root| root.eq_ignore_ascii_case(word))
    }

    /// The sources the signs cite, each once.
    pub fn sources(&self) -> Vec<&SourceRef> {
        let mut sources: Vec<&SourceRef> = Vec::new();
        for source in self.signs.iter().flat_map(|s| &s.sources) {
            if !sources
                .iter()
                .any(|s| s.document == source.document && s.part == source.part)
            {
                sources.push(source);
            }
        }
        sources
    }
}

/// What a `finding` says about nerve roots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingRoots {
    /// No `root` written.
    Unstated,
    /// `root none`: it points to no single root (test formally).
    NoSingleRoot,
    /// `root L4, L5`: roots of the table.
    Roots(Vec<String>),
}

/// `finding "..." root L4`: a line for the therapist, and the roots it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub text: String,
    pub roots: FindingRoots,
    /// Where the finding's text is written.
    pub span: Span,
    /// Where each root name is written.
    pub(crate) root_spans: Vec<Span>,
}

impl Finding {
    /// The finding of `finding "..." root ...` as written.
    pub(super) fn lowered(text: ast::Text<'_>, roots: Option<ast::RootsDecl<'_>>) -> Finding {
        let root_spans = (roots.iter().flat_map(|r| &r.names))
            .map(|n| n.span)
            .collect();
        let roots = match roots {
            None => FindingRoots::Unstated,
            Some(decl) if decl.names.len() == 1 && decl.names[0].text == "none" => {
                FindingRoots::NoSingleRoot
            }
            Some(decl) => {
                FindingRoots::Roots(decl.names.iter().map(|n| n.text.to_string()).collect())
            }
        };
        Finding {
            text: text.text.into_owned(),
            roots,
            span: text.span,
            root_spans,
        }
    }

    /// The roots it points to; none for `root none` or no `root`.
    pub fn root_names(&self) -> &[String] {
        match &self.roots {
            FindingRoots::Roots(roots) => roots,
            FindingRoots::Unstated | FindingRoots::NoSingleRoot => &[],
        }
    }
}

impl Flow {
    /// The nerve-root table: every `sign` of the folder.
    pub fn root_table(&self) -> &RootTable {
        &self.root_table
    }
}

/// Every finding a node can record, on its answers and its ways on.
pub fn node_findings(node: &Node) -> impl Iterator<Item = &Finding> {
    let mut effects: Vec<&Effect> = Vec::new();
    match &node.kind {
        NodeKind::Question(question) => {
            for answer in question.answers() {
                effects.extend(&answer.effects);
            }
            match &question.kind {
                QuestionKind::Multiple { then, .. } | QuestionKind::Number { then, .. } => {
                    effects.extend(&then.effects)
                }
                QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {}
            }
        }
        NodeKind::Decide(decide) => {
            for arm in &decide.arms {
                effects.extend(&arm.step.effects);
            }
            effects.extend(&decide.otherwise.effects);
        }
        NodeKind::Outcome(_) => {}
    }
    effects.into_iter().filter_map(|effect| match effect {
        Effect::Finding(finding) => Some(finding),
        _ => None,
    })
}

impl<'s> Compiler<'s> {
    /// The table from the folder's `sign`s, and every finding's roots
    /// checked against it: a root no sign names is an error, as is `none`
    /// beside a root.
    pub(super) fn root_table(&mut self, sources: &HashMap<&str, SourceRef>) -> RootTable {
        let mut signs: Vec<Sign> = Vec::new();
        let mut first: HashMap<&'s str, Span> = HashMap::new();
        for (_, document) in self.documents {
            for decl in &document.signs {
                if let Some(earlier) = first.get(decl.name.text) {
                    let first_at = self.at(*earlier);
                    self.errors.push(duplicate(
                        DiagnosticKind::Duplicate,
                        "sign",
                        &decl.name,
                        first_at,
                    ));
                    continue;
                }
                first.insert(decl.name.text, decl.name.span);
                if let Some(sign) = self.sign(decl, sources) {
                    signs.push(sign);
                }
            }
        }
        let table = RootTable { signs };
        let known = table.roots();
        let mut errors = Vec::new();
        for node in &self.nodes {
            for finding in node_findings(node) {
                let FindingRoots::Roots(names) = &finding.roots else {
                    continue;
                };
                for (n, name) in names.iter().enumerate() {
                    let span = finding.root_spans.get(n).copied().unwrap_or(finding.span);
                    if name == "none" {
                        errors.push(
                            Diagnostic::new(
                                DiagnosticKind::UnknownRoot,
                                span,
                                "`root none` says the finding points to no single root, so it stands alone",
                            )
                            .with_label("`none` beside a root")
                            .with_hint(Some(
                                "write the roots it points to, or `root none`".into(),
                            )),
                        );
                    } else if !known.contains(&name.as_str()) {
                        errors.push(unknown_root(name, span, &known));
                    }
                }
            }
        }
        self.errors.append(&mut errors);
        table
    }

    fn sign(
        &mut self,
        decl: &ast::SignDecl<'s>,
        sources: &HashMap<&str, SourceRef>,
    ) -> Option<Sign> {
        let missing = |part: &str, hint: &str| {
            Diagnostic::new(
                DiagnosticKind::MissingPart,
                decl.name.span,
                format!("sign `{}` has no {part}", decl.name.text),
            )
            .with_label(format!("{part} is required"))
            .with_hint(Some(hint.to_string()))
        };
        let Some((test, words)) = &decl.test else {
            self.errors.push(missing(
                "test",
                "write the test and the sign: `sensory \"...\"`, `motor \"...\"` or `reflex \"...\"`",
            ));
            return None;
        };
        let roots: Vec<String> = match &decl.roots {
            Some(roots) if roots.names.iter().all(|n| n.text != "none") => {
                roots.names.iter().map(|n| n.text.to_string()).collect()
            }
            Some(roots) => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::UnknownRoot,
                        roots.span,
                        format!("sign `{}` must name the roots it points to", decl.name.text),
                    )
                    .with_label("`none` is not a root")
                    .with_hint(Some("write `root L4`, or `root L4, L5` for a sign the source puts at two segments".into())),
                );
                return None;
            }
            None => {
                self.errors
                    .push(missing("`root`", "write `root L4` (or `root L4, L5`)"));
                return None;
            }
        };
        let mut cited = Vec::new();
        for source in &decl.sources {
            match source {
                ast::SourceRef::Declared(name) => match sources.get(name.text) {
                    Some(found) => cited.push(found.clone()),
                    None => self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::UndeclaredSource,
                            name.span,
                            format!("source `{}` is not declared", name.text),
                        )
                        .with_label("no `source` declaration has this id"),
                    ),
                },
                ast::SourceRef::InPlace { document, part } => cited.push(SourceRef {
                    document: document.text.to_string(),
                    part: part.as_ref().map(|p| p.text.to_string()),
                    id: None,
                    kind: None,
                    file: None,
                    cited_at: None,
                }),
            }
        }
        Some(Sign {
            id: decl.name.text.to_string(),
            test: *test,
            words: words.text.to_string(),
            roots,
            note: decl.note.as_ref().map(|n| n.text.to_string()),
            sources: cited,
        })
    }
}

fn unknown_root(name: &str, span: Span, known: &[&str]) -> Diagnostic {
    let fix = suggest_name(name, span, known.iter().copied());
    let hint = fix.is_none().then(|| match known {
        [] => "no `sign` names a root yet: declare the table with `sign ID { ... root L4 }`"
            .to_string(),
        _ => format!("the signs name {}; or write `root none`", known.join(", ")),
    });
    Diagnostic::new(
        DiagnosticKind::UnknownRoot,
        span,
        format!("root `{name}` is in no sign of the root table"),
    )
    .with_label("unknown root")
    .with_hint(hint)
    .with_suggestions(fix)
}
