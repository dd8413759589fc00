//! The compiler: parse every file, declare names, resolve them, build the
//! graph, check it. Errors are collected, never thrown, so one run reports them all.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use super::condition::{Cond, Operand};
use super::flow::*;
use super::graph_checks;
use super::names::{NodeNames, duplicate};
use super::{Domain, Value};
use crate::diagnostic::{Diagnostic, Span, did_you_mean};
use crate::source::KnowledgeSource;
use crate::syntax::ast::{self, CompareOp, Literal, NodeKindDecl};
use crate::syntax::parse;

/// Compiles a knowledge folder, or returns every error found in it.
pub fn compile(source: &KnowledgeSource) -> Result<Flow, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut documents = Vec::new();
    for (index, file) in source.files.iter().enumerate() {
        match parse(&file.text, index) {
            Ok(document) => documents.push((index, document)),
            Err(error) => errors.push(error),
        }
    }
    let compiler = Compiler {
        source,
        documents: &documents,
        errors,
        facts: Vec::new(),
        fact_ids: HashMap::new(),
        names: NodeNames::default(),
        decls: Vec::new(),
    };
    compiler.run()
}

struct Compiler<'s> {
    source: &'s KnowledgeSource,
    documents: &'s [(usize, ast::Document)],
    errors: Vec<Diagnostic>,
    facts: Vec<Fact>,
    fact_ids: HashMap<String, usize>,
    names: NodeNames,
    /// Node declarations in index order, with the file they come from.
    decls: Vec<(usize, &'s ast::NodeDecl)>,
}

/// Where a condition is written: invariants may also read the verdict.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Walk,
    Invariant,
}

/// What a resolved operand can hold, for checking values against it.
enum Kind {
    Domain(Domain),
    Answers(Form, Vec<String>),
    Number,
    Verdict,
    Urgency,
    Outcome,
}

impl<'s> Compiler<'s> {
    fn at(&self, span: Span) -> String {
        match self.source.files.get(span.file) {
            Some(file) => {
                let (line, col) = file.line_col(span.start);
                format!("{}:{line}:{col}", file.path)
            }
            None => "?".into(),
        }
    }

    fn namespace(&self, file: usize) -> &'s str {
        &self.source.files[file].namespace
    }

    fn run(mut self) -> Result<Flow, Vec<Diagnostic>> {
        let header = self.header();
        self.declare_facts();
        self.declare_nodes();
        let sections = self.sections();
        let nodes: Vec<Node> = (0..self.decls.len())
            .map(|i| self.node(i, &sections))
            .collect();
        let start = header.and_then(|(file, h)| self.start(file, h));
        let facts_and_nodes_ok = self.errors.is_empty();
        let graph = build_graph(&nodes, self.source);
        if facts_and_nodes_ok {
            let cycles = graph_checks::cycles(&graph, &nodes);
            let acyclic = cycles.is_empty();
            self.errors.extend(cycles);
            if let (Some(start), true) = (start, acyclic) {
                self.errors
                    .extend(graph_checks::unreachable(&graph, &nodes, start));
            }
        }
        let invariants = self.invariants(&nodes);
        let partial = PartialFlow { nodes: &nodes };
        let cases = self.cases(&partial);
        let (Some((_, header)), Some(start), true) = (header, start, self.errors.is_empty()) else {
            self.errors.sort_by_key(|e| (e.span.file, e.span.start));
            return Err(self.errors);
        };
        let by_id = self.names.by_id;
        Ok(Flow {
            meta: Meta {
                name: header.name.text.clone(),
                title: header.title.text.clone(),
                version: header
                    .version
                    .as_ref()
                    .map_or_else(String::new, |v| v.text.clone()),
                disclaimer: header.disclaimer.as_ref().map(|d| d.text.clone()),
                hash: self.source.content_hash(),
            },
            nodes,
            graph,
            start,
            facts: self.facts,
            sections: sections.into_iter().map(|(_, s)| s).collect(),
            invariants,
            cases,
            files: self.source.files.clone(),
            by_id,
        })
    }

    // ------------------------------------------------------------ declarations

    fn header(&mut self) -> Option<(usize, &'s ast::Header)> {
        let mut headers = self
            .documents
            .iter()
            .flat_map(|(file, doc)| doc.headers.iter().map(move |h| (*file, h)));
        let first = headers.next();
        for (_, extra) in headers {
            let first_at = first.map_or_else(String::new, |(_, h)| self.at(h.span));
            self.errors.push(
                Diagnostic::error("E011", extra.name.span, "a second `flow` header")
                    .with_label(format!("the first is at {first_at}"))
                    .with_hint(Some(
                        "a knowledge folder has exactly one `flow` header".into(),
                    )),
            );
        }
        if first.is_none() && !self.source.files.is_empty() && self.errors.is_empty() {
            self.errors.push(
                Diagnostic::error("E011", Span::new(0, 0..0), "no `flow` header in the folder")
                    .with_hint(Some(
                        "add `flow name \"Title\" { version \"1.0\" start first_question }`".into(),
                    )),
            );
        }
        first
    }

    fn start(&mut self, file: usize, header: &ast::Header) -> Option<usize> {
        let Some(start) = &header.start else {
            self.errors.push(
                Diagnostic::error("E011", header.name.span, "the flow has no `start`")
                    .with_hint(Some("add `start first_question` to the header".into())),
            );
            return None;
        };
        match self.names.resolve(start, self.namespace(file), None) {
            Ok(index) => Some(index),
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    fn declare_facts(&mut self) {
        for (file, document) in self.documents {
            let _ = file;
            for decl in &document.facts {
                if let Some(&first) = self.fact_ids.get(&decl.name.text) {
                    let first_at = self.at(self.facts[first].span);
                    self.errors
                        .push(duplicate("E003", "fact", &decl.name, first_at));
                    continue;
                }
                let domain = match &decl.ty {
                    ast::FactType::Bool => Domain::Bool,
                    ast::FactType::Number { min, max } => Domain::Number {
                        min: *min,
                        max: *max,
                    },
                    ast::FactType::Enum(words) => {
                        Domain::Enum(words.iter().map(|w| w.text.clone()).collect())
                    }
                };
                let initial = decl
                    .initial
                    .as_ref()
                    .and_then(|value| self.fact_value(&domain, &decl.name.text, value));
                self.fact_ids
                    .insert(decl.name.text.clone(), self.facts.len());
                self.facts.push(Fact {
                    name: decl.name.text.clone(),
                    domain,
                    initial,
                    span: decl.name.span,
                });
            }
        }
    }

    /// Checks a written value against a fact's domain.
    fn fact_value(&mut self, domain: &Domain, fact: &str, value: &ast::Value) -> Option<Value> {
        let checked = match (domain, &value.literal) {
            (Domain::Bool, Literal::Word(w)) if w == "true" => Some(Value::Bool(true)),
            (Domain::Bool, Literal::Word(w)) if w == "false" => Some(Value::Bool(false)),
            (Domain::Number { min, max }, Literal::Number(n)) if n >= min && n <= max => {
                Some(Value::Number(*n))
            }
            (Domain::Enum(words), Literal::Word(w)) if words.contains(w) => {
                Some(Value::Word(w.clone()))
            }
            _ => None,
        };
        if checked.is_none() {
            let hint = match (domain, &value.literal) {
                (Domain::Enum(words), Literal::Word(w)) => {
                    did_you_mean(w, words.iter().map(String::as_str))
                }
                _ => None,
            }
            .or_else(|| Some(format!("`{fact}` holds {}", domain.describe())));
            self.errors.push(
                Diagnostic::error(
                    "E006",
                    value.span,
                    format!(
                        "`{}` is not a value of `{fact}`",
                        literal_text(&value.literal)
                    ),
                )
                .with_label("outside the fact's domain")
                .with_hint(hint),
            );
        }
        checked
    }

    fn declare_nodes(&mut self) {
        for (file, document) in self.documents {
            let namespace = self.namespace(*file);
            let mut previous: Option<usize> = None;
            for decl in &document.nodes {
                let id = format!("{namespace}.{}", decl.name.text);
                if let Some(&first) = self.names.by_id.get(&id) {
                    let first_at = self.at(self.decls[first].1.name.span);
                    self.errors
                        .push(duplicate("E003", "id", &decl.name, first_at));
                    continue;
                }
                let index = self.decls.len();
                self.names.by_id.insert(id.clone(), index);
                self.names.ids.push(id);
                self.names.namespaces.push(namespace.to_string());
                self.names.next_in_file.push(None);
                if let Some(previous) = previous {
                    self.names.next_in_file[previous] = Some(index);
                }
                previous = Some(index);
                self.decls.push((*file, decl));
            }
        }
    }

    /// Sections of every file, qualified like nodes; indexed per (file, local index).
    fn sections(&self) -> Vec<((usize, usize), Section)> {
        self.documents
            .iter()
            .flat_map(|(file, document)| {
                let namespace = self.namespace(*file);
                document.sections.iter().enumerate().map(move |(i, s)| {
                    (
                        (*file, i),
                        Section {
                            id: format!("{namespace}.{}", s.name.text),
                            title: s.title.text.clone(),
                        },
                    )
                })
            })
            .collect()
    }

    // ------------------------------------------------------------ nodes

    fn node(&mut self, index: usize, sections: &[((usize, usize), Section)]) -> Node {
        let (file, decl) = self.decls[index];
        let common = &decl.common;
        let section = decl
            .section
            .and_then(|local| sections.iter().position(|(key, _)| *key == (file, local)));
        let kind = match &decl.kind {
            NodeKindDecl::Question(question) => {
                NodeKind::Question(self.question(index, file, decl, question))
            }
            NodeKindDecl::Decide(decide) => {
                NodeKind::Decide(self.decide(index, file, decl, decide))
            }
            NodeKindDecl::Outcome(outcome) => NodeKind::Outcome(self.outcome(decl, outcome)),
        };
        Node {
            id: self.names.ids[index].clone(),
            local: decl.name.text.clone(),
            section,
            clinical: common.clinical.as_ref().map(|t| t.text.clone()),
            why: common.why.as_ref().map(|t| t.text.clone()),
            sources: common
                .sources
                .iter()
                .map(|s| SourceRef {
                    document: s.document.text.clone(),
                    part: s.part.as_ref().map(|p| p.text.clone()),
                })
                .collect(),
            tags: common.tags.iter().map(|t| t.text.clone()).collect(),
            span: decl.name.span,
            kind,
        }
    }

    fn target(&mut self, name: &ast::Name, file: usize, from: usize) -> usize {
        match self.names.resolve(name, self.namespace(file), Some(from)) {
            Ok(target) => target,
            Err(error) => {
                self.errors.push(error);
                usize::MAX
            }
        }
    }

    fn step(&mut self, step: &ast::Step, file: usize, from: usize) -> Step {
        Step {
            target: self.target(&step.target, file, from),
            effects: self.effects(&step.effects),
        }
    }

    fn effects(&mut self, effects: &[ast::Effect]) -> Vec<Effect> {
        effects
            .iter()
            .filter_map(|effect| self.effect(effect))
            .collect()
    }

    fn effect(&mut self, effect: &ast::Effect) -> Option<Effect> {
        match effect {
            ast::Effect::Note { lay, therapist } => Some(Effect::Note(Note {
                lay: lay.text.clone(),
                therapist: therapist.as_ref().map(|t| t.text.clone()),
            })),
            ast::Effect::Finding(text) => Some(Effect::Finding(text.text.clone())),
            ast::Effect::Set { fact, value } => {
                let index = self.fact(fact)?;
                let domain = self.facts[index].domain.clone();
                let value = match value {
                    Some(value) => self.fact_value(&domain, &fact.text, value)?,
                    None if domain == Domain::Bool => Value::Bool(true),
                    None => {
                        self.errors.push(
                            Diagnostic::error(
                                "E006",
                                fact.span,
                                format!("`set {}` needs a value", fact.text),
                            )
                            .with_label("not a true/false fact")
                            .with_hint(Some(format!(
                                "write `set {} = value`, where value is {}",
                                fact.text,
                                domain.describe()
                            ))),
                        );
                        return None;
                    }
                };
                Some(Effect::Set { fact: index, value })
            }
        }
    }

    fn fact(&mut self, name: &ast::Name) -> Option<usize> {
        if let Some(&index) = self.fact_ids.get(&name.text) {
            return Some(index);
        }
        let hint = did_you_mean(&name.text, self.fact_ids.keys().map(String::as_str))
            .or_else(|| Some(format!("declare it: `fact {}: bool`", name.text)));
        self.errors.push(
            Diagnostic::error(
                "E005",
                name.span,
                format!("fact `{}` is not declared", name.text),
            )
            .with_label("unknown fact")
            .with_hint(hint),
        );
        None
    }

    fn question(
        &mut self,
        index: usize,
        file: usize,
        decl: &ast::NodeDecl,
        question: &ast::QuestionDecl,
    ) -> Question {
        let name = &decl.name;
        let ask = match &question.ask {
            Some(ask) => ask.text.clone(),
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E007",
                        name.span,
                        format!("question `{}` has no `ask`", name.text),
                    )
                    .with_label("nothing to ask")
                    .with_hint(Some(
                        "add `ask \"...\"` with the words a person reads".into(),
                    )),
                );
                String::new()
            }
        };
        let form = self.form(name, question);
        let mut answers = Vec::new();
        for arm in &question.arms {
            let (id, default_label) = match &arm.key {
                ast::ArmKey::YesNo(word) => (word.text.clone(), yes_no_label(&word.text)),
                ast::ArmKey::Answer(id) => (id.text.clone(), String::new()),
            };
            if answers.iter().any(|a: &Answer| a.id == id) {
                self.errors.push(
                    Diagnostic::error("E003", arm.span, format!("answer `{id}` is given twice"))
                        .with_label("second arm for the same answer")
                        .with_hint(Some("keep one arm per answer".into())),
                );
                continue;
            }
            let target = match (&arm.target, form) {
                (Some(target), Form::Multiple) => {
                    self.errors.push(
                        Diagnostic::error(
                            "E007",
                            target.span,
                            "answers of a `multiple` question have no target",
                        )
                        .with_label("several answers can be chosen at once")
                        .with_hint(Some(
                            "remove `-> ...` and give the question `then -> ...`".into(),
                        )),
                    );
                    None
                }
                (Some(target), _) => Some(self.target(target, file, index)),
                (None, Form::Multiple) => None,
                (None, _) => {
                    self.errors.push(
                        Diagnostic::error("E004", arm.span, format!("answer `{id}` has no target"))
                            .with_label("where does this answer lead?")
                            .with_hint(Some("add `-> next` or `-> some_node`".into())),
                    );
                    None
                }
            };
            answers.push(Answer {
                id,
                label: arm.label.as_ref().map_or(default_label, |l| l.text.clone()),
                synonyms: arm.synonyms.iter().map(|s| s.text.clone()).collect(),
                target,
                effects: self.effects(&arm.effects),
            });
        }
        if form == Form::YesNo {
            for required in ["yes", "no"] {
                if !answers.iter().any(|a| a.id == required) {
                    self.errors.push(
                        Diagnostic::error(
                            "E004",
                            name.span,
                            format!("question `{}` has no `{required}` answer", name.text),
                        )
                        .with_label(format!("a person could answer {required} here"))
                        .with_hint(Some(format!("add `{required} -> ...`"))),
                    );
                }
            }
        }
        let then = match (&question.then, form) {
            (Some(then), Form::Multiple | Form::Number) => Some(self.step(then, file, index)),
            (None, Form::Multiple | Form::Number) => {
                self.errors.push(
                    Diagnostic::error(
                        "E004",
                        name.span,
                        format!("question `{}` has no `then`", name.text),
                    )
                    .with_label("the conversation stops here")
                    .with_hint(Some("add `then -> next`".into())),
                );
                None
            }
            (Some(then), _) => {
                self.errors.push(
                    Diagnostic::error(
                        "E007",
                        then.target.span,
                        "`then` is for multiple-choice and number questions",
                    )
                    .with_label("each answer has its own target here")
                    .with_hint(Some("remove `then`".into())),
                );
                None
            }
            (None, _) => None,
        };
        let skip = question.skip.as_ref().map(|(condition, target)| {
            let namespace = self.namespace(file);
            let condition = self.condition(condition, namespace, Context::Walk);
            (condition, self.target(target, file, index))
        });
        let number = question.number.as_ref();
        let into = number
            .and_then(|spec| spec.into.as_ref())
            .and_then(|fact| self.number_fact(fact));
        Question {
            ask,
            form,
            answers,
            then,
            skip,
            range: number.map(|spec| (spec.min, spec.max)),
            unit: number
                .and_then(|spec| spec.unit.as_ref())
                .map(|u| u.text.clone()),
            into,
        }
    }

    fn number_fact(&mut self, name: &ast::Name) -> Option<usize> {
        let index = self.fact(name)?;
        if matches!(self.facts[index].domain, Domain::Number { .. }) {
            Some(index)
        } else {
            self.errors.push(
                Diagnostic::error(
                    "E006",
                    name.span,
                    format!("`{}` is not a number fact", name.text),
                )
                .with_label("a number cannot be stored here")
                .with_hint(Some(format!(
                    "declare it as `fact {}: number 0..120`",
                    name.text
                ))),
            );
            None
        }
    }

    fn form(&mut self, name: &ast::Name, question: &ast::QuestionDecl) -> Form {
        let yes_no = question
            .arms
            .iter()
            .filter(|arm| matches!(arm.key, ast::ArmKey::YesNo(_)))
            .count();
        let choices = question.arms.len() - yes_no;
        let mixed = |this: &mut Self, why: &str| {
            this.errors.push(
                Diagnostic::error("E007", name.span, format!("question `{}` {why}", name.text))
                    .with_label("mixed answer kinds")
                    .with_hint(Some(
                        "a question is yes/no, single choice, multiple choice or a number".into(),
                    )),
            );
        };
        if question.number.is_some() {
            if !question.arms.is_empty() {
                mixed(self, "asks for a number but also lists answers");
            }
            return Form::Number;
        }
        if question.multiple.is_some() {
            if yes_no > 0 {
                mixed(self, "is `multiple` but has yes/no arms");
            }
            if choices == 0 {
                self.no_answers(name);
            }
            return Form::Multiple;
        }
        match (yes_no, choices) {
            (0, 0) => {
                self.no_answers(name);
                Form::Single
            }
            (_, 0) => Form::YesNo,
            (0, _) => Form::Single,
            _ => {
                mixed(self, "mixes yes/no arms with `answer` arms");
                Form::Single
            }
        }
    }

    fn no_answers(&mut self, name: &ast::Name) {
        self.errors.push(
            Diagnostic::error(
                "E004",
                name.span,
                format!("question `{}` has no answers", name.text),
            )
            .with_label("a person cannot answer this")
            .with_hint(Some(
                "add `yes -> ...` and `no -> ...`, or `answer id \"label\" -> ...`".into(),
            )),
        );
    }

    fn decide(
        &mut self,
        index: usize,
        file: usize,
        decl: &ast::NodeDecl,
        decide: &ast::DecideDecl,
    ) -> Decide {
        let namespace = self.namespace(file);
        let arms = decide
            .arms
            .iter()
            .map(|(condition, step)| DecideArm {
                condition: self.condition(condition, namespace, Context::Walk),
                text: expr_text(self.source, condition),
                step: self.step(step, file, index),
            })
            .collect();
        let otherwise = match &decide.otherwise {
            Some(step) => self.step(step, file, index),
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E008",
                        decl.name.span,
                        format!("decide `{}` has no `otherwise`", decl.name.text),
                    )
                    .with_label("a path would end here without an outcome")
                    .with_hint(Some("add `otherwise -> ...` as the last arm".into())),
                );
                Step {
                    target: usize::MAX,
                    effects: Vec::new(),
                }
            }
        };
        Decide { arms, otherwise }
    }

    fn outcome(&mut self, decl: &ast::NodeDecl, outcome: &ast::OutcomeDecl) -> Outcome {
        let name = &decl.name;
        let (verdict, urgency) = match &outcome.verdict {
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E012",
                        name.span,
                        format!("outcome `{}` has no verdict", name.text),
                    )
                    .with_label("treat, modify or refer?")
                    .with_hint(Some(
                        "add `verdict treat`, `verdict modify` or `verdict refer urgent`".into(),
                    )),
                );
                (Verdict::Refer, Some(Urgency::Routine))
            }
            Some(v) => {
                let verdict = match v.kind {
                    ast::VerdictKind::Treat => Verdict::Treat,
                    ast::VerdictKind::Modify => Verdict::Modify,
                    ast::VerdictKind::Refer => Verdict::Refer,
                };
                match (verdict, v.urgency) {
                    (Verdict::Refer, None) => self.errors.push(
                        Diagnostic::error(
                            "E012",
                            v.span,
                            format!("refer outcome `{}` has no urgency", name.text),
                        )
                        .with_label("how soon must the person see a doctor?")
                        .with_hint(Some(
                            "write `verdict refer emergency`, `refer urgent` or `refer routine`"
                                .into(),
                        )),
                    ),
                    (Verdict::Treat | Verdict::Modify, Some(_)) => self.errors.push(
                        Diagnostic::error("E012", v.span, "only `refer` takes an urgency")
                            .with_label("urgency without referral")
                            .with_hint(Some(format!("write `verdict {}`", verdict.word()))),
                    ),
                    _ => {}
                }
                (verdict, v.urgency)
            }
        };
        let title = match &outcome.title {
            Some(title) => title.text.clone(),
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E012",
                        name.span,
                        format!("outcome `{}` has no title", name.text),
                    )
                    .with_label("what does the person read first?")
                    .with_hint(Some("add `title \"...\"`".into())),
                );
                String::new()
            }
        };
        let texts = |texts: &[ast::Text]| texts.iter().map(|t| t.text.clone()).collect();
        Outcome {
            verdict,
            urgency: if verdict == Verdict::Refer {
                urgency
            } else {
                None
            },
            title,
            plan: texts(&outcome.plan),
            avoid: texts(&outcome.avoid),
            selfcare: texts(&outcome.selfcare),
            safety: texts(&outcome.safety),
        }
    }

    // ------------------------------------------------------------ conditions

    fn condition(&mut self, expr: &ast::Expr, namespace: &str, context: Context) -> Cond {
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
                let testable = matches!(kind, Kind::Domain(Domain::Bool))
                    || matches!(kind, Kind::Answers(Form::YesNo, _));
                if !testable {
                    self.errors.push(
                        Diagnostic::error(
                            "E006",
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
                        Diagnostic::error(
                            "E006",
                            name.span,
                            format!("`{}` has no order", name.text),
                        )
                        .with_label("only numbers and urgency compare with < or >")
                        .with_hint(Some("use `==`, `!=` or `in [...]`".into())),
                    );
                }
                let value = self.operand_value(&kind, &name.text, value);
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
                    .map(|v| self.operand_value(&kind, &name.text, v))
                    .collect();
                Cond::In { operand, values }
            }
            ast::Expr::AnyTagged { tag, values } => {
                let questions: Vec<usize> = self
                    .decls
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, decl))| {
                        matches!(decl.kind, NodeKindDecl::Question(_))
                            && decl.common.tags.iter().any(|t| t.text == tag.text)
                    })
                    .map(|(i, _)| i)
                    .collect();
                if questions.is_empty() {
                    self.errors.push(
                        Diagnostic::error(
                            "E002",
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
                let kind = Kind::Answers(
                    Form::YesNo,
                    vec!["yes".into(), "no".into(), "unsure".into()],
                );
                let values = values
                    .iter()
                    .map(|v| self.operand_value(&kind, &tag.text, v))
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
            match name.text.as_str() {
                "verdict" => return Some((Operand::Verdict, Kind::Verdict)),
                "urgency" => return Some((Operand::Urgency, Kind::Urgency)),
                "outcome" => return Some((Operand::Outcome, Kind::Outcome)),
                _ => {}
            }
        }
        if let Some(&index) = self.fact_ids.get(&name.text) {
            let domain = self.facts[index].domain.clone();
            return Some((Operand::Fact(index), Kind::Domain(domain)));
        }
        let resolved = self.names.resolve(name, namespace, None).or_else(|error| {
            // Invariants usually live in a file of their own, so they may name
            // a question by its local id when only one file has it.
            match context {
                Context::Invariant => self.names.unique_local(&name.text).ok_or(error),
                Context::Walk => Err(error),
            }
        });
        match resolved {
            Ok(index) => match &self.decls[index].1.kind {
                NodeKindDecl::Question(question) => {
                    let kind = if question.number.is_some() {
                        Kind::Number
                    } else {
                        let form = if question.multiple.is_some() {
                            Form::Multiple
                        } else if question
                            .arms
                            .iter()
                            .all(|a| matches!(a.key, ast::ArmKey::YesNo(_)))
                        {
                            Form::YesNo
                        } else {
                            Form::Single
                        };
                        let ids = question
                            .arms
                            .iter()
                            .map(|arm| match &arm.key {
                                ast::ArmKey::YesNo(n) | ast::ArmKey::Answer(n) => n.text.clone(),
                            })
                            .collect();
                        Kind::Answers(form, ids)
                    };
                    Some((Operand::Question(index), kind))
                }
                _ => {
                    self.errors.push(
                        Diagnostic::error(
                            "E005",
                            name.span,
                            format!("`{}` is not a fact or a question", name.text),
                        )
                        .with_label("conditions read facts and answers")
                        .with_hint(None),
                    );
                    None
                }
            },
            Err(_) => {
                let facts = self.fact_ids.keys().map(String::as_str);
                let hint = did_you_mean(
                    &name.text,
                    facts.chain(self.names.ids.iter().map(String::as_str)),
                )
                .or_else(|| Some(format!("declare it: `fact {}: bool`", name.text)));
                self.errors.push(
                    Diagnostic::error(
                        "E005",
                        name.span,
                        format!("`{}` is not a declared fact or question", name.text),
                    )
                    .with_label("unknown name")
                    .with_hint(hint),
                );
                None
            }
        }
    }

    fn operand_value(&mut self, kind: &Kind, name: &str, value: &ast::Value) -> Value {
        let bad = |this: &mut Self, allowed: String| {
            this.errors.push(
                Diagnostic::error(
                    "E006",
                    value.span,
                    format!(
                        "`{}` is not a value of `{name}`",
                        literal_text(&value.literal)
                    ),
                )
                .with_label("outside the domain")
                .with_hint(Some(allowed)),
            );
            Value::Bool(false)
        };
        match (kind, &value.literal) {
            (Kind::Domain(domain), _) => self
                .fact_value(domain, name, value)
                .unwrap_or(Value::Bool(false)),
            (Kind::Number, Literal::Number(n)) => Value::Number(*n),
            (Kind::Number, _) => bad(self, format!("`{name}` is answered with a number")),
            (Kind::Answers(_, ids), Literal::Word(w)) if ids.contains(w) => Value::Word(w.clone()),
            (Kind::Answers(_, ids), literal) => {
                let hint = did_you_mean(&literal_text(literal), ids.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("its answers are {}", ids.join(", ")));
                bad(self, hint)
            }
            (Kind::Verdict, Literal::Word(w))
                if ["treat", "modify", "refer"].contains(&w.as_str()) =>
            {
                Value::Word(w.clone())
            }
            (Kind::Verdict, _) => bad(self, "a verdict is treat, modify or refer".into()),
            (Kind::Urgency, Literal::Word(w)) if Urgency::from_word(w).is_some() => {
                Value::Word(w.clone())
            }
            (Kind::Urgency, _) => bad(self, "an urgency is routine, urgent or emergency".into()),
            (Kind::Outcome, Literal::Word(w)) => Value::Word(w.clone()),
            (Kind::Outcome, _) => bad(self, "name an outcome id".into()),
        }
    }

    // ------------------------------------------------------------ invariants and cases

    fn invariants(&mut self, _nodes: &[Node]) -> Vec<Invariant> {
        let mut invariants = Vec::new();
        for (file, document) in self.documents {
            let namespace = self.namespace(*file);
            for decl in &document.invariants {
                invariants.push(Invariant {
                    text: decl.text.text.clone(),
                    when: self.condition(&decl.when, namespace, Context::Invariant),
                    then: self.condition(&decl.then, namespace, Context::Invariant),
                    span: decl.span,
                });
            }
        }
        invariants
    }

    fn cases(&mut self, flow: &PartialFlow) -> Vec<Case> {
        let mut cases = Vec::new();
        for (_, document) in self.documents {
            for decl in &document.cases {
                let mut answers = Vec::new();
                for (id, raw) in &decl.answers {
                    let Some(index) = self.case_node(flow, id) else {
                        continue;
                    };
                    let NodeKind::Question(question) = &flow.nodes[index].kind else {
                        self.errors.push(
                            Diagnostic::error(
                                "E013",
                                id.span,
                                format!("`{}` is not a question", id.text),
                            )
                            .with_label("only questions take answers"),
                        );
                        continue;
                    };
                    match question.interpret(&raw.text.replace('+', ",")) {
                        Ok(value) => answers.push((index, value)),
                        Err(error) => self.errors.push(
                            Diagnostic::error(
                                "E013",
                                raw.span,
                                format!("`{}` is not an answer to `{}`", raw.text, id.text),
                            )
                            .with_label("invalid answer")
                            .with_hint(Some(error.to_string())),
                        ),
                    }
                }
                let mut expectations = Vec::new();
                for expectation in &decl.expectations {
                    expectations.push(match expectation {
                        ast::Expectation::Verdict { kind, urgency, .. } => Expectation::Verdict(
                            match kind {
                                ast::VerdictKind::Treat => Verdict::Treat,
                                ast::VerdictKind::Modify => Verdict::Modify,
                                ast::VerdictKind::Refer => Verdict::Refer,
                            },
                            *urgency,
                        ),
                        ast::Expectation::Note(text) => Expectation::Note(text.text.clone()),
                        ast::Expectation::Outcome(id) => {
                            let Some(index) = self.case_node(flow, id) else {
                                continue;
                            };
                            Expectation::Outcome(index)
                        }
                    });
                }
                cases.push(Case {
                    name: decl.name.text.clone(),
                    answers,
                    expectations,
                    span: decl.span,
                });
            }
        }
        cases
    }

    /// A node named in a case: qualified, or unqualified when only one file has it.
    fn case_node(&mut self, flow: &PartialFlow, id: &ast::Name) -> Option<usize> {
        if let Some(&index) = self.names.by_id.get(&id.text) {
            return Some(index);
        }
        let matches: Vec<usize> = flow
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.local == id.text)
            .map(|(i, _)| i)
            .collect();
        match matches[..] {
            [one] => Some(one),
            [] => {
                let hint = did_you_mean(&id.text, flow.nodes.iter().map(|n| n.local.as_str()));
                self.errors.push(
                    Diagnostic::error("E002", id.span, format!("unknown id `{}`", id.text))
                        .with_label("no node has this id")
                        .with_hint(hint),
                );
                None
            }
            _ => {
                let ids: Vec<&str> = matches.iter().map(|&i| flow.nodes[i].id.as_str()).collect();
                self.errors.push(
                    Diagnostic::error(
                        "E002",
                        id.span,
                        format!("`{}` is in several files", id.text),
                    )
                    .with_label("which one?")
                    .with_hint(Some(format!("write one of {}", ids.join(", ")))),
                );
                None
            }
        }
    }
}

struct PartialFlow<'a> {
    nodes: &'a [Node],
}

fn yes_no_label(word: &str) -> String {
    match word {
        "yes" => "Yes",
        "no" => "No",
        _ => "Not sure",
    }
    .to_string()
}

fn literal_text(literal: &Literal) -> String {
    match literal {
        Literal::Number(n) => n.to_string(),
        Literal::Word(w) => w.clone(),
    }
}

/// The condition as written, squeezed onto one line.
fn expr_text(source: &KnowledgeSource, expr: &ast::Expr) -> String {
    let span = expr_span(expr);
    let text = source
        .files
        .get(span.file)
        .and_then(|f| f.text.get(span.start..span.end))
        .unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expr_span(expr: &ast::Expr) -> Span {
    match expr {
        ast::Expr::Or(parts) | ast::Expr::And(parts) => {
            let first = parts.first().map(expr_span).unwrap_or_default();
            let last = parts.last().map(expr_span).unwrap_or_default();
            Span {
                end: last.end,
                ..first
            }
        }
        ast::Expr::Not(inner) => {
            let inner = expr_span(inner);
            // Include the `not ` written before the operand.
            Span {
                start: inner.start.saturating_sub(4),
                ..inner
            }
        }
        ast::Expr::Compare { name, value, .. } => Span {
            end: value.span.end,
            ..name.span
        },
        ast::Expr::In { name, values } => Span {
            end: values.last().map_or(name.span.end, |v| v.span.end + 1),
            ..name.span
        },
        ast::Expr::AnyTagged { tag, values } => Span {
            start: tag.span.start.saturating_sub(4),
            end: values.last().map_or(tag.span.end, |v| v.span.end + 1),
            ..tag.span
        },
        ast::Expr::Truth(name) => name.span,
    }
}

fn build_graph(nodes: &[Node], _source: &KnowledgeSource) -> DiGraph<usize, Edge> {
    let mut graph = DiGraph::with_capacity(nodes.len(), nodes.len() * 2);
    for index in 0..nodes.len() {
        graph.add_node(index);
    }
    let edge = |graph: &mut DiGraph<usize, Edge>, from: usize, to: usize, label: Edge| {
        if to < nodes.len() {
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), label);
        }
    };
    for (from, node) in nodes.iter().enumerate() {
        match &node.kind {
            NodeKind::Question(question) => {
                if let Some((_, target)) = &question.skip {
                    edge(
                        &mut graph,
                        from,
                        *target,
                        Edge::Skip {
                            condition: "already known".into(),
                        },
                    );
                }
                for answer in &question.answers {
                    if let Some(target) = answer.target {
                        edge(
                            &mut graph,
                            from,
                            target,
                            Edge::Answer {
                                answer: answer.id.clone(),
                            },
                        );
                    }
                }
                if let Some(then) = &question.then {
                    edge(&mut graph, from, then.target, Edge::Then);
                }
            }
            NodeKind::Decide(decide) => {
                for arm in &decide.arms {
                    edge(
                        &mut graph,
                        from,
                        arm.step.target,
                        Edge::Condition {
                            condition: arm.text.clone(),
                        },
                    );
                }
                edge(&mut graph, from, decide.otherwise.target, Edge::Otherwise);
            }
            NodeKind::Outcome(_) => {}
        }
    }
    graph
}
