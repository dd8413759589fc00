//! Conditions: names resolved to facts or questions, values checked against them.

use super::compiler::{Compiler, Context, Kind, literal_text};
use super::condition::{Cond, Operand};
use super::flow::*;
use super::{Domain, Value, YesNo};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, suggest_name};
use crate::source::KnowledgeSource;
use crate::syntax::ast::{self, CompareOp, Literal};

impl Compiler<'_> {
    // ------------------------------------------------------------ conditions

    pub(super) fn lower_condition(
        &mut self,
        expr: &ast::Expr,
        namespace: &str,
        context: Context,
    ) -> Cond {
        match expr {
            ast::Expr::Or(parts) => Cond::Or(
                parts
                    .iter()
                    .map(|p| self.condition(p, namespace, context))
                    .collect(),
            ),
            ast::Expr::And(parts) => Cond::And(
                parts
                    .iter()
                    .map(|p| self.condition(p, namespace, context))
                    .collect(),
            ),
            ast::Expr::Not(inner) => Cond::Not(Box::new(self.condition(inner, namespace, context))),
            ast::Expr::Truth(name) => {
                let Some((operand, kind)) = self.operand(name, namespace, context) else {
                    return Cond::Or(Vec::new());
                };
                let testable =
                    matches!(kind, Kind::Domain(Domain::Bool)) || matches!(kind, Kind::YesNo(_));
                if !testable {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::WrongType,
                            name.span,
                            format!("`{}` is not a yes/no test", name.text),
                        )
                        .with_label("true or false of what?")
                        .with_hint(Some(format!(
                            "compare it: `{} == value` or `{} in [a, b]`",
                            name.text, name.text
                        ))),
                    );
                }
                Cond::Truth(operand)
            }
            ast::Expr::Compare { name, op, value } => {
                let Some((operand, kind)) = self.operand(name, namespace, context) else {
                    return Cond::Or(Vec::new());
                };
                let ordered = matches!(
                    kind,
                    Kind::Number | Kind::Urgency | Kind::Domain(Domain::Number { .. })
                );
                if !ordered && !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::WrongType,
                            name.span,
                            format!("`{}` has no order", name.text),
                        )
                        .with_label("only numbers and urgency compare with < or >")
                        .with_hint(Some("use `==`, `!=` or `in [...]`".into())),
                    );
                }
                let value = self.operand_value(&kind, name.text, value);
                Cond::Compare {
                    operand,
                    op: *op,
                    value,
                }
            }
            ast::Expr::In { name, values } => {
                let Some((operand, kind)) = self.operand(name, namespace, context) else {
                    return Cond::Or(Vec::new());
                };
                let values = values
                    .iter()
                    .map(|v| self.operand_value(&kind, name.text, v))
                    .collect();
                Cond::In { operand, values }
            }
            ast::Expr::AnyTagged { tag, values } => {
                let questions: Vec<NodeId> = self
                    .nodes
                    .iter()
                    .enumerate()
                    .filter(|(_, node)| {
                        matches!(node.kind, NodeKind::Question(_))
                            && node.tags.iter().any(|t| t == tag.text)
                    })
                    .map(|(i, _)| NodeId::new(i))
                    .collect();
                if questions.is_empty() {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::UnknownTag,
                            tag.span,
                            format!("no question is tagged `{}`", tag.text),
                        )
                        .with_label("unknown tag")
                        .with_hint(Some(format!(
                            "add `tags {}` to the questions it means",
                            tag.text
                        ))),
                    );
                }
                let kind = Kind::YesNo(YesNo::ALL.map(|a| a.id().into()).to_vec());
                let values = values
                    .iter()
                    .map(|v| self.operand_value(&kind, tag.text, v))
                    .collect();
                Cond::AnyTagged { questions, values }
            }
        }
    }

    fn operand(
        &mut self,
        name: &ast::Name,
        namespace: &str,
        context: Context,
    ) -> Option<(Operand, Kind)> {
        if context == Context::Invariant {
            match name.text {
                "verdict" => return Some((Operand::Verdict, Kind::Verdict)),
                "urgency" => return Some((Operand::Urgency, Kind::Urgency)),
                "outcome" => return Some((Operand::Outcome, Kind::Outcome)),
                _ => {}
            }
        }
        if let Some(&index) = self.fact_ids.get(name.text) {
            let domain = self.facts[index].domain.clone();
            return Some((Operand::Fact(index), Kind::Domain(domain)));
        }
        // Invariants usually live in a file of their own, so they may name
        // a question by its local id when only one file has it.
        let found = self
            .names
            .lookup(name, namespace, None)
            .or_else(|| match context {
                Context::Invariant => self.names.unique_local(name.text),
                Context::Walk => None,
            });
        let resolved = match found {
            Some(index) => Ok(index),
            None => self.names.resolve(name, namespace, None),
        };
        match resolved {
            Ok(index) => match &self.nodes[index.index()].kind {
                NodeKind::Question(question) => {
                    let ids = || {
                        question
                            .answers()
                            .iter()
                            .map(|a| a.id.to_string())
                            .collect()
                    };
                    let kind = match question.kind {
                        QuestionKind::Number { .. } => Kind::Number,
                        QuestionKind::YesNo { .. } => Kind::YesNo(ids()),
                        QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
                            Kind::Answers(ids())
                        }
                    };
                    Some((Operand::Question(index), kind))
                }
                NodeKind::Outcome(_) => {
                    let hint = match context {
                        Context::Invariant => format!(
                            "`{}` is an outcome: an invariant tests it as `outcome == {}`",
                            name.text, name.text
                        ),
                        Context::Walk => {
                            "`{}` is an outcome: a walk has not reached it while it is still deciding"
                                .replace("{}", name.text)
                        }
                    };
                    self.errors.push(not_an_operand(name, hint));
                    None
                }
                NodeKind::Decide(_) => {
                    let hint = format!(
                        "`{}` is a decide node, which has no answer; name the facts or questions it reads",
                        name.text
                    );
                    self.errors.push(not_an_operand(name, hint));
                    None
                }
            },
            Err(_) => {
                self.errors.push(self.unknown_name(name, context));
                None
            }
        }
    }

    /// A name in a condition that is no fact and no question: the closest
    /// name of any kind, or what it is if it is an answer, an outcome or a
    /// tag. Never "declare it": a new fact nothing sets would make the
    /// condition hold on no path, so the rule would prove nothing.
    fn unknown_name(&self, name: &ast::Name, context: Context) -> Diagnostic {
        // Several files declare it: which one is the question, not whether.
        let several: Vec<&str> = self
            .nodes
            .iter()
            .filter(|n| n.local() == name.text)
            .map(|n| n.id.as_str())
            .collect();
        if several.len() > 1 {
            return Diagnostic::new(
                DiagnosticKind::AmbiguousId,
                name.span,
                format!("`{}` is in several files", name.text),
            )
            .with_label("which one?")
            .with_one_of(name.span, &several);
        }
        let mut known: Vec<(&str, &str)> = Vec::new();
        for fact in self.fact_ids.keys() {
            known.push((fact.as_str(), "fact"));
        }
        let mut answers: Vec<(&str, &str)> = Vec::new();
        for node in &self.nodes {
            let what = match &node.kind {
                NodeKind::Question(question) => {
                    for answer in question.answers() {
                        answers.push((answer.id.as_str(), node.id.as_str()));
                    }
                    "question"
                }
                NodeKind::Decide(_) => "decide node",
                NodeKind::Outcome(_) => "outcome",
            };
            known.push((node.local(), what));
            known.push((node.id.as_str(), what));
        }
        if context == Context::Invariant {
            known.extend([
                ("verdict", "verdict"),
                ("urgency", "urgency"),
                ("outcome", "outcome"),
            ]);
        }
        let exact = known.iter().find(|(n, _)| *n == name.text).map(|(_, w)| *w);
        let said = match exact {
            Some("outcome") => Some(format!(
                "`{}` is an outcome: an invariant tests it as `outcome == {}`",
                name.text, name.text
            )),
            Some("decide node") => Some(format!(
                "`{}` is a decide node, which has no answer; name the facts or questions it reads",
                name.text
            )),
            _ => None,
        }
        .or_else(|| {
            answers
                .iter()
                .find(|(answer, _)| *answer == name.text && answer.parse::<YesNo>().is_err())
                .map(|(answer, question)| {
                    format!(
                        "`{answer}` is an answer of `{question}`: write `{question} == {answer}`"
                    )
                })
        })
        .or_else(|| {
            self.nodes
                .iter()
                .any(|n| n.tags.iter().any(|t| t == name.text))
                .then(|| {
                    format!(
                        "`{}` is a tag: write `any {} in [yes, unsure]`",
                        name.text, name.text
                    )
                })
        });
        let fix = match said {
            Some(_) => None,
            None => {
                let names = known
                    .iter()
                    .filter(|(_, what)| !matches!(*what, "outcome" | "decide node"))
                    .map(|(n, _)| *n);
                suggest_name(name.text, name.span, names)
            }
        };
        let hint = said.or_else(|| {
            fix.is_none().then(|| {
                "a condition reads a fact declared with `fact` or a question's answer by its id"
                    .into()
            })
        });
        Diagnostic::new(
            DiagnosticKind::UndeclaredName,
            name.span,
            format!("`{}` is not a declared fact or question", name.text),
        )
        .with_label("unknown name")
        .with_hint(hint)
        .with_suggestions(fix)
    }

    fn operand_value(&mut self, kind: &Kind, name: &str, value: &ast::Value) -> Value {
        let not_in_domain = || {
            Diagnostic::new(
                DiagnosticKind::NotInDomain,
                value.span,
                format!(
                    "`{}` is not a value of `{name}`",
                    literal_text(&value.literal)
                ),
            )
            .with_label("outside the domain")
        };
        let bad = |this: &mut Self, allowed: String| {
            this.errors.push(not_in_domain().with_hint(Some(allowed)));
            Value::Bool(false)
        };
        match (kind, &value.literal) {
            (Kind::Domain(domain), _) => self
                .fact_value(domain, name, value)
                .unwrap_or(Value::Bool(false)),
            (Kind::Number, Literal::Number(n)) => Value::Number(*n),
            (Kind::Number, _) => bad(self, format!("`{name}` is answered with a number")),
            (Kind::Answers(ids) | Kind::YesNo(ids), Literal::Word(w))
                if ids.iter().any(|id| id == *w) =>
            {
                Value::Word((*w).into())
            }
            (Kind::Answers(ids) | Kind::YesNo(ids), literal) => {
                let known = ids.iter().map(String::as_str);
                match suggest_name(&literal_text(literal), value.span, known) {
                    Some(fix) => {
                        self.errors.push(not_in_domain().with_suggestions([fix]));
                        Value::Bool(false)
                    }
                    None => bad(self, format!("its answers are {}", ids.join(", "))),
                }
            }
            (Kind::Verdict, Literal::Word(w)) if ["treat", "modify", "refer"].contains(w) => {
                Value::Word((*w).into())
            }
            (Kind::Verdict, _) => bad(self, "a verdict is treat, modify or refer".into()),
            (Kind::Urgency, Literal::Word(w)) if Urgency::from_word(w).is_some() => {
                Value::Word((*w).into())
            }
            (Kind::Urgency, _) => bad(self, "an urgency is routine, urgent or emergency".into()),
            (Kind::Outcome, Literal::Word(w)) => match self.outcome_named(w, value) {
                Some(id) => Value::Word(id),
                None => Value::Bool(false),
            },
            (Kind::Outcome, _) => bad(self, "name an outcome id".into()),
        }
    }
}

impl Compiler<'_> {
    /// The qualified id of the outcome `word` names (`refer_neuro`,
    /// `outcomes.refer_neuro`), or an error: a name that is no outcome
    /// would make `outcome != x` hold on every path and prove nothing.
    fn outcome_named(&mut self, word: &str, value: &ast::Value) -> Option<String> {
        let outcomes = || {
            self.nodes
                .iter()
                .filter(|n| matches!(n.kind, NodeKind::Outcome(_)))
        };
        let found = self
            .names
            .by_id
            .get(word)
            .copied()
            .or_else(|| self.names.unique_local(word));
        if let Some(index) = found {
            let node = &self.nodes[index.index()];
            if matches!(node.kind, NodeKind::Outcome(_)) {
                return Some(node.id.clone());
            }
            let id = node.id.clone();
            self.errors.push(
                Diagnostic::new(
                    DiagnosticKind::UnknownId,
                    value.span,
                    format!("`{word}` is not an outcome"),
                )
                .with_label("`outcome` is compared with an outcome id")
                .with_hint(Some(format!(
                    "`{id}` is a question or decide node; to test its answer write `{id} in [...]`"
                ))),
            );
            return None;
        }
        let several: Vec<&str> = outcomes()
            .filter(|n| n.local() == word)
            .map(|n| n.id.as_str())
            .collect();
        if let [one] = several[..] {
            return Some(one.to_string());
        }
        let error = if several.len() > 1 {
            Diagnostic::new(
                DiagnosticKind::AmbiguousId,
                value.span,
                format!("`{word}` is in several files"),
            )
            .with_label("which one?")
            .with_one_of(value.span, &several)
        } else {
            let known = outcomes().flat_map(|n| [n.local(), n.id.as_str()]);
            let fix = suggest_name(word, value.span, known);
            let hint = fix.is_none().then(|| {
                let mut ids: Vec<&str> = outcomes().map(|n| n.local()).take(6).collect();
                if ids.len() == 6 {
                    ids[5] = "...";
                }
                format!("outcomes are {}", ids.join(", "))
            });
            Diagnostic::new(
                DiagnosticKind::UnknownId,
                value.span,
                format!("no outcome has the id `{word}`"),
            )
            .with_label("unknown outcome")
            .with_hint(hint)
            .with_suggestions(fix)
        };
        self.errors.push(error);
        None
    }
}

/// The condition as written, squeezed onto one line.
pub(super) fn expr_text(source: &KnowledgeSource, expr: &ast::Expr) -> String {
    let Some(file) = source.files.get(expr_span(expr, "").file()) else {
        return String::new();
    };
    let span = expr_span(expr, &file.text);
    let range = balanced(&file.text, span.start(), span.end());
    let text = file.text.get(range).unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `start..end` widened to take in the brackets the parts leave open: the
/// span of `(a and b) or (c)` runs from `a` to `c`, which would cut a
/// bracket off each end.
fn balanced(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let Some(inner) = text.get(start..end) else {
        return start..end;
    };
    let (mut depth, mut lowest) = (0i32, 0i32);
    for byte in inner.bytes() {
        match byte {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                lowest = lowest.min(depth);
            }
            _ => {}
        }
    }
    let (mut open, mut close) = (-lowest, depth - lowest);
    let bytes = text.as_bytes();
    let mut from = start;
    while open > 0 && from > 0 {
        match bytes[from - 1] {
            b'(' => open -= 1,
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => break,
        }
        from -= 1;
    }
    let mut to = end;
    while close > 0 && to < bytes.len() {
        match bytes[to] {
            b')' => close -= 1,
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => break,
        }
        to += 1;
    }
    from..to
}

/// Where the condition is written, from its first word to its last
/// (brackets around its parts aside: [`balanced`] adds those). `text` is
/// its file's, to find the `not` before a negated part.
fn expr_span(expr: &ast::Expr, text: &str) -> Span {
    match expr {
        ast::Expr::Or(parts) | ast::Expr::And(parts) => {
            let first = parts
                .first()
                .map(|p| expr_span(p, text))
                .unwrap_or_default();
            let last = parts.last().map(|p| expr_span(p, text)).unwrap_or_default();
            first.with_end(last.end())
        }
        ast::Expr::Not(inner) => {
            let inner = expr_span(inner, text);
            // Include the `not` written before the operand, and any
            // brackets between them.
            let before = text.get(..inner.start()).unwrap_or("");
            let trimmed = before.trim_end_matches(|c: char| c == '(' || c.is_whitespace());
            match trimmed.strip_suffix("not") {
                Some(rest) => inner.with_start(rest.len()),
                None => inner.with_start(inner.start().saturating_sub(4)),
            }
        }
        ast::Expr::Compare { name, value, .. } => name.span.with_end(value.span.end()),
        ast::Expr::In { name, values } => name
            .span
            .with_end(values.last().map_or(name.span.end(), |v| v.span.end() + 1)),
        ast::Expr::AnyTagged { tag, values } => tag
            .span
            .with_start(tag.span.start().saturating_sub(4))
            .with_end(values.last().map_or(tag.span.end(), |v| v.span.end() + 1)),
        ast::Expr::Truth(name) => name.span,
    }
}

/// A node named where a condition reads a fact or an answer.
fn not_an_operand(name: &ast::Name, hint: String) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::UndeclaredName,
        name.span,
        format!("`{}` is not a fact or a question", name.text),
    )
    .with_label("conditions read facts and answers")
    .with_hint(Some(hint))
}
