//! Invariants and cases: conditions and answers checked against the graph.

use super::AnswerValue;
use super::compiler::{Compiler, Context};
use super::flow::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Suggestion, suggest_name};
use crate::syntax::ast::{self};

impl Compiler<'_> {
    // ------------------------------------------------------------ invariants and cases

    pub(super) fn invariants(&mut self) -> Vec<Invariant> {
        let mut invariants = Vec::new();
        let mut seen: std::collections::HashMap<&str, crate::diagnostic::Span> =
            std::collections::HashMap::new();
        for (file, document) in self.documents {
            let namespace = self.namespace(*file);
            for decl in &document.invariants {
                if let Some(&first) = seen.get(decl.text.text.as_ref()) {
                    self.errors
                        .push(self.same_name("invariant", &decl.text, first));
                } else {
                    seen.insert(decl.text.text.as_ref(), decl.text.span);
                }
                invariants.push(Invariant {
                    text: decl.text.text.to_string(),
                    when: self.condition(&decl.when, namespace, Context::Invariant),
                    then: self.condition(&decl.then, namespace, Context::Invariant),
                    span: decl.span,
                });
            }
        }
        invariants
    }

    pub(super) fn cases(&mut self, nodes: &[Node]) -> Vec<Case> {
        let baseline = self.baseline(nodes);
        let mut cases = Vec::new();
        let mut seen: std::collections::HashMap<&str, crate::diagnostic::Span> =
            std::collections::HashMap::new();
        for (_, document) in self.documents {
            for decl in &document.cases {
                if let Some(&first) = seen.get(decl.name.text.as_ref()) {
                    self.errors.push(self.same_name("case", &decl.name, first));
                } else {
                    seen.insert(decl.name.text.as_ref(), decl.name.span);
                }
                cases.push(self.case(nodes, decl, &baseline));
            }
        }
        cases
    }

    /// The folder's `baseline` answers (at most one `baseline`).
    fn baseline(&mut self, nodes: &[Node]) -> Vec<(NodeId, AnswerValue)> {
        let mut baseline = Vec::new();
        let mut first: Option<crate::diagnostic::Span> = None;
        for (_, document) in self.documents {
            for decl in &document.baselines {
                if let Some(first) = first {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::Duplicate,
                            decl.span,
                            "a second `baseline`: cases build on one",
                        )
                        .with_label(format!("the first is at {}", self.at(first)))
                        .with_hint(Some("merge the two into one `baseline`".into())),
                    );
                    continue;
                }
                first = Some(decl.span);
                baseline = self.answer_list(nodes, &decl.answers);
            }
        }
        baseline
    }

    pub(super) fn vignettes(&mut self, nodes: &[Node]) -> Vec<Vignette> {
        let mut vignettes: Vec<Vignette> = Vec::new();
        for (_, document) in self.documents {
            for decl in &document.vignettes {
                if vignettes.iter().any(|v| v.id == decl.name.text) {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::Duplicate,
                            decl.name.span,
                            format!("duplicate vignette `{}`", decl.name.text),
                        )
                        .with_label("vignette ids must be unique")
                        .with_hint(Some("rename one of them".into())),
                    );
                    continue;
                }
                // A story's answers are all its own: no baseline.
                let case = self.case(nodes, &decl.case, &[]);
                if !case
                    .expectations
                    .iter()
                    .any(|e| matches!(e, Expectation::Verdict(_) | Expectation::Referral))
                {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::MissingPart,
                            decl.name.span,
                            format!("vignette `{}` has no expected verdict", decl.name.text),
                        )
                        .with_label("what should the therapist conclude?")
                        .with_hint(Some(
                            "add `expect treat`, `expect modify` or `expect refer urgent`".into(),
                        )),
                    );
                }
                let tells = self.story_tells(nodes, decl, &case);
                vignettes.push(Vignette {
                    id: decl.name.text.to_string(),
                    title: decl.title.text.to_string(),
                    difficulty: decl.difficulty.unwrap_or(ast::Difficulty::Medium),
                    story: decl.story.iter().map(|t| t.text.to_string()).collect(),
                    tells,
                    case,
                });
            }
        }
        vignettes
    }

    /// A vignette's `tells`: questions of the graph that its answers answer,
    /// each once. A told question the client has no answer to would be a
    /// fact the story states and nobody wrote down.
    fn story_tells(
        &mut self,
        nodes: &[Node],
        decl: &ast::VignetteDecl,
        case: &Case,
    ) -> Vec<NodeId> {
        let mut tells: Vec<NodeId> = Vec::new();
        for name in &decl.tells {
            let Some(index) = self.case_node(nodes, name) else {
                continue;
            };
            if tells.contains(&index) {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::RepeatedAnswer,
                        name.span,
                        format!("`{}` is told twice in this vignette", name.text),
                    )
                    .with_label("name each told question once"),
                );
                continue;
            }
            if !case.answers.iter().any(|(q, _)| *q == index) {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::NotAnAnswer,
                        name.span,
                        format!(
                            "the story tells `{}`, but the vignette's answers do not answer it",
                            name.text
                        ),
                    )
                    .with_label("told, but with no answer")
                    .with_hint(Some(format!(
                        "add `{}=...` to `answers`: what the story states",
                        name.text
                    ))),
                );
                continue;
            }
            tells.push(index);
        }
        tells
    }

    /// E003 for a second invariant or case with the same name: a failure
    /// names it, and two alike could not be told apart.
    fn same_name(
        &self,
        what: &str,
        name: &ast::Text,
        first: crate::diagnostic::Span,
    ) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::Duplicate,
            name.span,
            format!("duplicate {what} name \"{}\"", name.text),
        )
        .with_label(format!("already used at {}", self.at(first)))
        .with_hint(Some(format!(
            "give each {what} its own name: a failure is reported by it"
        )))
    }

    fn case(
        &mut self,
        nodes: &[Node],
        decl: &ast::CaseDecl,
        baseline: &[(NodeId, AnswerValue)],
    ) -> Case {
        let mut answers = self.answer_list(nodes, &decl.answers);
        // The baseline's answers to the questions the case does not answer.
        let own: Vec<NodeId> = answers.iter().map(|(q, _)| *q).collect();
        let filled: Vec<(NodeId, AnswerValue)> = (baseline.iter())
            .filter(|(q, _)| !own.contains(q))
            .cloned()
            .collect();
        let from_baseline = filled.iter().map(|(q, _)| *q).collect();
        answers.extend(filled);
        let mut case = self.case_with(nodes, decl, answers);
        case.from_baseline = from_baseline;
        case
    }

    /// `id=value` pairs checked against the questions: each answered once,
    /// by an answer it has.
    fn answer_list(
        &mut self,
        nodes: &[Node],
        pairs: &[(ast::Name, ast::Text)],
    ) -> Vec<(NodeId, AnswerValue)> {
        let mut answers: Vec<(NodeId, AnswerValue)> = Vec::new();
        let mut answered: Vec<(NodeId, crate::diagnostic::Span)> = Vec::new();
        for (id, raw) in pairs {
            let Some(index) = self.case_node(nodes, id) else {
                continue;
            };
            self.refer_case_answer(index, raw);
            if let Some((_, first)) = answered.iter().find(|(q, _)| *q == index) {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::RepeatedAnswer,
                        id.span,
                        format!("`{}` is answered twice in this case", id.text),
                    )
                    .with_label(format!("first answered at {}", self.at(*first)))
                    .with_hint(Some(
                        "a person answers each question once: keep one answer".into(),
                    )),
                );
                continue;
            }
            answered.push((index, id.span));
            let NodeKind::Question(question) = &nodes[index.index()].kind else {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::NotAnAnswer,
                        id.span,
                        format!("`{}` is not a question", id.text),
                    )
                    .with_label("only questions take answers"),
                );
                continue;
            };
            match question.by_ids(&raw.text) {
                Some(value) => answers.push((index, value)),
                None => self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::NotAnAnswer,
                        raw.span,
                        format!("`{}` is not an answer to `{}`", raw.text, id.text),
                    )
                    .with_label("invalid answer")
                    .with_hint(Some(format!(
                        "a case names answers by id: {}",
                        question.valid_answers().join(", ")
                    ))),
                ),
            }
        }
        answers
    }

    fn case_with(
        &mut self,
        nodes: &[Node],
        decl: &ast::CaseDecl,
        answers: Vec<(NodeId, AnswerValue)>,
    ) -> Case {
        let mut expectations = Vec::new();
        for expectation in &decl.expectations {
            expectations.push(match expectation {
                ast::Expectation::Verdict {
                    kind,
                    urgency,
                    span,
                } => match (kind, urgency) {
                    (ast::VerdictKind::Refer, Some(urgency)) => {
                        Expectation::Verdict(Verdict::Refer(*urgency))
                    }
                    (ast::VerdictKind::Refer, None) => Expectation::Referral,
                    (kind, urgency) => {
                        let verdict = if *kind == ast::VerdictKind::Treat {
                            Verdict::Treat
                        } else {
                            Verdict::Modify
                        };
                        if urgency.is_some() {
                            // No outcome could meet it: the case would always fail.
                            self.errors.push(
                                Diagnostic::new(
                                    DiagnosticKind::UrgencyWithoutReferral,
                                    *span,
                                    "only `refer` takes an urgency",
                                )
                                .with_label("urgency without referral")
                                .with_suggestions([
                                    Suggestion::new(
                                        *span,
                                        format!("expect {verdict}"),
                                        format!("write `expect {verdict}`"),
                                    ),
                                ]),
                            );
                        }
                        Expectation::Verdict(verdict)
                    }
                },
                ast::Expectation::Note(text) => Expectation::Note(text.text.to_string()),
                ast::Expectation::Outcome(id) => {
                    let Some(index) = self.case_node(nodes, id) else {
                        continue;
                    };
                    Expectation::Outcome(index)
                }
            });
        }
        Case {
            name: decl.name.text.to_string(),
            answers,
            from_baseline: Vec::new(),
            expectations,
            span: decl.span,
        }
    }

    /// A node named in a case: qualified, or unqualified when only one file has it.
    pub(super) fn find_case_node(&mut self, nodes: &[Node], id: &ast::Name) -> Option<NodeId> {
        if let Some(&index) = self.names.by_id.get(id.text) {
            return Some(index);
        }
        if let Some(index) = self.names.unique_local(id.text) {
            return Some(index);
        }
        // Only errors are left: the scan below names the candidates.
        let matches: Vec<NodeId> = nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.local() == id.text)
            .map(|(i, _)| NodeId::new(i))
            .collect();
        match matches[..] {
            [one] => Some(one),
            [] => {
                let fix = suggest_name(id.text, id.span, nodes.iter().map(|n| n.local()));
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::UnknownId,
                        id.span,
                        format!("unknown id `{}`", id.text),
                    )
                    .with_label("no node has this id")
                    .with_suggestions(fix),
                );
                None
            }
            _ => {
                let ids: Vec<&str> = matches
                    .iter()
                    .map(|&i| nodes[i.index()].id.as_str())
                    .collect();
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::AmbiguousId,
                        id.span,
                        format!("`{}` is in several files", id.text),
                    )
                    .with_label("which one?")
                    .with_one_of(id.span, &ids),
                );
                None
            }
        }
    }
}
