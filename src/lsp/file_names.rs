//! What one file declares and every name it writes, taken from its syntax
//! tree and kept as owned text, so the server can answer about a file while
//! another is being typed. Which declaration a written name means is the
//! folder's business (`name_index.rs`).
//!
//! New kinds of declaration in the grammar are simply not listed here until
//! they are taught; nothing else breaks.

use std::ops::Range;

use super::code_chars::code_chars;

use crate::syntax::ast::{
    self, ArmKey, CaseDecl, Document, Effect, Expectation, Expr, FactType, Literal, NodeKindDecl,
    SourceRef,
};

/// A thing a name can stand for, folder-wide.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A question, decide node or outcome, by its qualified id.
    Node(String),
    Fact(String),
    /// A tag, declared by `tag NAME "..."`.
    Tag(String),
    /// A declared source: `source ID { title ... }`.
    Source(String),
    /// A word of an enum fact.
    Value {
        fact: String,
        value: String,
    },
    /// An answer of a question (by the question's qualified id).
    Answer {
        question: String,
        answer: String,
    },
    /// A section, by `namespace.id`.
    Section(String),
    Vignette(String),
}

impl Symbol {
    /// The word it is written as (a node's id without its file name).
    pub fn word(&self) -> &str {
        match self {
            Symbol::Node(id) | Symbol::Section(id) => id.rsplit('.').next().unwrap_or(id),
            Symbol::Fact(word)
            | Symbol::Tag(word)
            | Symbol::Source(word)
            | Symbol::Vignette(word)
            | Symbol::Value { value: word, .. }
            | Symbol::Answer { answer: word, .. } => word,
        }
    }
}

/// How a name is written, which decides what it can mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A declaration: what it declares is known from the file alone.
    Declares(Symbol),
    /// A node: `-> x`, `start x`, `expect outcome x`.
    Target,
    /// `-> next`: the node (qualified id) written after this one. Not the
    /// node's name, so a rename leaves it alone.
    Next(String),
    /// A fact or a question a condition reads; `invariant` also allows
    /// `verdict`, `urgency` and `outcome`.
    Operand { invariant: bool },
    /// A fact: `set x`, `into x`.
    Fact,
    /// A tag used by `tags` or `any tag in [...]`.
    Tag,
    /// A citation of a declared source: `source ID`.
    Source,
    /// A value of the fact named: `set f = v`, `fact f: ... = v`.
    FactValue { fact: String },
    /// A value compared with an operand: `x == v`, `x in [v]`.
    OperandValue { operand: String, invariant: bool },
    /// The question of a case's `id=value`.
    CaseQuestion,
    /// One answer of a case's `id=value`, for the question named.
    CaseAnswer { question: String },
}

/// One name in the text.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// Byte range of the name in the file.
    pub range: Range<usize>,
    pub text: String,
    pub written: Written,
}

/// A node as hover and the outline show it.
#[derive(Debug, Clone, Default)]
pub struct NodeInfo {
    pub id: String,
    pub local: String,
    /// `question`, `decide` or `outcome`.
    pub kind: &'static str,
    pub name: Range<usize>,
    pub whole: Range<usize>,
    /// Index into `FileNames::sections`.
    pub section: Option<usize>,
    pub ask: Option<String>,
    pub clinical: Option<String>,
    pub why: Option<String>,
    pub sources: Vec<String>,
    pub tags: Vec<String>,
    /// `treat`, `modify`, `refer urgent`.
    pub verdict: Option<String>,
    pub title: Option<String>,
    /// (answer id, label): `yes`/`no`/`unsure` too, for completion.
    pub answers: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct FactInfo {
    pub name: String,
    pub range: Range<usize>,
    pub whole: Range<usize>,
    /// `bool`, `number 0..120`, `none | thigh`.
    pub domain: String,
    pub values: Vec<String>,
    pub is_number: bool,
}

#[derive(Debug, Clone)]
pub struct SectionInfo {
    pub id: String,
    pub title: String,
    pub name: Range<usize>,
    /// From the section keyword to its closing brace.
    pub whole: Range<usize>,
}

/// A titled item without an id of its own: an invariant, a case, a vignette.
#[derive(Debug, Clone)]
pub struct TitledInfo {
    /// `invariant`, `case`, `vignette`, `flow`.
    pub kind: &'static str,
    pub title: String,
    pub whole: Range<usize>,
    pub selection: Range<usize>,
}

/// A declaration that only hover needs to say more of: a source's title,
/// kind and section, or a tag's description and meaning.
#[derive(Debug, Clone)]
pub struct DeclaredInfo {
    pub symbol: Symbol,
    /// Markdown lines after the heading.
    pub about: Vec<String>,
}

/// Everything the server keeps of one file's names.
#[derive(Debug, Clone, Default)]
pub struct FileNames {
    pub namespace: String,
    pub nodes: Vec<NodeInfo>,
    pub facts: Vec<FactInfo>,
    pub declared: Vec<DeclaredInfo>,
    pub sections: Vec<SectionInfo>,
    pub others: Vec<TitledInfo>,
    pub occurrences: Vec<Occurrence>,
}

/// The names of a parsed file. `text` is the file's text, for section extents.
pub fn file_names(document: &Document, namespace: &str, text: &str) -> FileNames {
    let mut names = FileNames {
        namespace: namespace.to_string(),
        ..FileNames::default()
    };
    for header in &document.headers {
        names.others.push(TitledInfo {
            kind: "flow",
            title: header.title.text.to_string(),
            whole: header.span.range(),
            selection: header.name.span.range(),
        });
        if let Some(start) = &header.start {
            names.push(start, Written::Target);
        }
    }
    for fact in &document.facts {
        names.fact(fact);
    }
    for tag in &document.tags {
        let symbol = Symbol::Tag(tag.name.text.to_string());
        names.push(&tag.name, Written::Declares(symbol.clone()));
        let mut about = vec![tag.description.text.to_string()];
        if let Some(meaning) = tag.meaning {
            about.push(format!("*Means:* {}", meaning_word(meaning)));
        }
        names.declared.push(DeclaredInfo { symbol, about });
    }
    for source in &document.sources {
        let symbol = Symbol::Source(source.name.text.to_string());
        names.push(&source.name, Written::Declares(symbol.clone()));
        let about = [
            source.title.as_ref().map(|t| t.text.to_string()),
            source.kind.as_ref().map(|k| format!("*Kind:* {}", k.text)),
            source
                .section
                .as_ref()
                .map(|s| format!("*Section:* {}", s.text)),
        ];
        names.declared.push(DeclaredInfo {
            symbol,
            about: about.into_iter().flatten().collect(),
        });
    }
    for section in &document.sections {
        let start = section.name.span.start();
        let keyword = text[..start].rfind("section").unwrap_or(start);
        let end = section_end(text, section.title.span.end());
        names.sections.push(SectionInfo {
            id: section.name.text.to_string(),
            title: section.title.text.to_string(),
            name: section.name.span.range(),
            whole: keyword..end,
        });
        names.push(
            &section.name,
            Written::Declares(Symbol::Section(format!(
                "{namespace}.{}",
                section.name.text
            ))),
        );
    }
    for (i, node) in document.nodes.iter().enumerate() {
        let next = document
            .nodes
            .get(i + 1)
            .map(|n| format!("{namespace}.{}", n.name.text));
        names.node(node, next.as_deref());
    }
    for invariant in &document.invariants {
        names.others.push(TitledInfo {
            kind: "invariant",
            title: invariant.text.text.to_string(),
            whole: invariant.span.range(),
            selection: invariant.text.span.range(),
        });
        names.expr(&invariant.when, true);
        names.expr(&invariant.then, true);
    }
    for case in &document.cases {
        names.others.push(TitledInfo {
            kind: "case",
            title: case.name.text.to_string(),
            whole: case.span.range(),
            selection: case.name.span.range(),
        });
        names.case(case);
    }
    for vignette in &document.vignettes {
        names.others.push(TitledInfo {
            kind: "vignette",
            title: vignette.title.text.to_string(),
            whole: vignette.case.span.range(),
            selection: vignette.name.span.range(),
        });
        names.push(
            &vignette.name,
            Written::Declares(Symbol::Vignette(vignette.name.text.to_string())),
        );
        names.case(&vignette.case);
    }
    names
}

/// The end of a section's block: the brace that closes the one after its
/// title (strings and comments skipped).
fn section_end(text: &str, from: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in code_chars(&text[from..]) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return from + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

fn verdict_text(verdict: &ast::VerdictDecl) -> String {
    let kind = match verdict.kind {
        ast::VerdictKind::Treat => "treat",
        ast::VerdictKind::Modify => "modify",
        ast::VerdictKind::Refer => "refer",
    };
    match verdict.urgency {
        Some(urgency) => format!("{kind} {}", urgency_word(urgency)),
        None => kind.to_string(),
    }
}

fn meaning_word(meaning: ast::TagMeaning) -> &'static str {
    match meaning {
        ast::TagMeaning::RedFlag => "red_flag",
        ast::TagMeaning::Urgency(urgency) => urgency_word(urgency),
        ast::TagMeaning::OutOfScope => "out_of_scope",
    }
}

fn urgency_word(urgency: ast::Urgency) -> &'static str {
    match urgency {
        ast::Urgency::Routine => "routine",
        ast::Urgency::Urgent => "urgent",
        ast::Urgency::Emergency => "emergency",
    }
}

impl FileNames {
    fn push(&mut self, name: &ast::Name, written: Written) {
        self.occurrences.push(Occurrence {
            range: name.span.range(),
            text: name.text.to_string(),
            written,
        });
    }

    fn push_value(&mut self, value: &ast::Value, written: Written) {
        if let Literal::Word(word) = value.literal {
            self.occurrences.push(Occurrence {
                range: value.span.range(),
                text: word.to_string(),
                written,
            });
        }
    }

    fn fact(&mut self, fact: &ast::FactDecl) {
        let name = fact.name.text.to_string();
        let (domain, values, is_number) = match &fact.ty {
            FactType::Bool => ("bool".to_string(), Vec::new(), false),
            FactType::Number { min, max } => (format!("number {min}..{max}"), Vec::new(), true),
            FactType::Enum(words) => {
                let values: Vec<String> = words.iter().map(|w| w.text.to_string()).collect();
                (values.join(" | "), values, false)
            }
        };
        self.push(&fact.name, Written::Declares(Symbol::Fact(name.clone())));
        if let FactType::Enum(words) = &fact.ty {
            for word in words {
                self.push(
                    word,
                    Written::Declares(Symbol::Value {
                        fact: name.clone(),
                        value: word.text.to_string(),
                    }),
                );
            }
        }
        if let Some(initial) = &fact.initial {
            self.push_value(initial, Written::FactValue { fact: name.clone() });
        }
        self.facts.push(FactInfo {
            name,
            range: fact.name.span.range(),
            whole: fact.span.range(),
            domain,
            values,
            is_number,
        });
    }

    fn node(&mut self, node: &ast::NodeDecl, next: Option<&str>) {
        let id = format!("{}.{}", self.namespace, node.name.text);
        self.push(&node.name, Written::Declares(Symbol::Node(id.clone())));
        let common = &node.common;
        let mut info = NodeInfo {
            id: id.clone(),
            local: node.name.text.to_string(),
            name: node.name.span.range(),
            whole: node.span.range(),
            section: node.section,
            clinical: common.clinical.as_ref().map(|t| t.text.to_string()),
            why: common.why.as_ref().map(|t| t.text.to_string()),
            sources: common
                .sources
                .iter()
                .map(|s| match s {
                    SourceRef::Declared(id) => format!("source `{}`", id.text),
                    SourceRef::InPlace {
                        document,
                        part: Some(part),
                    } => format!("{}: {}", document.text, part.text),
                    SourceRef::InPlace {
                        document,
                        part: None,
                    } => document.text.to_string(),
                })
                .collect(),
            tags: common.tags.iter().map(|t| t.text.to_string()).collect(),
            ..NodeInfo::default()
        };
        for tag in &common.tags {
            self.push(tag, Written::Tag);
        }
        for source in &common.sources {
            if let SourceRef::Declared(id) = source {
                self.push(id, Written::Source);
            }
        }
        match &node.kind {
            NodeKindDecl::Question(question) => {
                info.kind = "question";
                info.ask = question.ask.as_ref().map(|t| t.text.to_string());
                if let Some(number) = &question.number
                    && let Some(into) = &number.into
                {
                    self.push(into, Written::Fact);
                }
                if let Some((condition, target)) = &question.skip {
                    self.expr(condition, false);
                    self.target(target, next);
                }
                for arm in &question.arms {
                    let (key, declared) = match &arm.key {
                        ArmKey::YesNo(word) => (word, false),
                        ArmKey::Answer(word) => (word, true),
                    };
                    let label = arm.label.as_ref().map(|l| l.text.to_string());
                    info.answers
                        .push((key.text.to_string(), label.unwrap_or_default()));
                    if declared {
                        self.push(
                            key,
                            Written::Declares(Symbol::Answer {
                                question: id.clone(),
                                answer: key.text.to_string(),
                            }),
                        );
                    }
                    if let Some(target) = &arm.target {
                        self.target(target, next);
                    }
                    self.effects(&arm.effects);
                }
                if let Some(then) = &question.then {
                    self.target(&then.target, next);
                    self.effects(&then.effects);
                }
            }
            NodeKindDecl::Decide(decide) => {
                info.kind = "decide";
                for (condition, step) in &decide.arms {
                    self.expr(condition, false);
                    self.target(&step.target, next);
                    self.effects(&step.effects);
                }
                if let Some(step) = &decide.otherwise {
                    self.target(&step.target, next);
                    self.effects(&step.effects);
                }
            }
            NodeKindDecl::Outcome(outcome) => {
                info.kind = "outcome";
                info.verdict = outcome.verdict.as_ref().map(verdict_text);
                info.title = outcome.title.as_ref().map(|t| t.text.to_string());
            }
        }
        self.nodes.push(info);
    }

    /// `next` is resolved here, where the order of the file is known.
    fn target(&mut self, target: &ast::Name, next: Option<&str>) {
        if target.text == "next" {
            if let Some(next) = next {
                self.push(target, Written::Next(next.to_string()));
            }
            return;
        }
        self.push(target, Written::Target);
    }

    fn effects(&mut self, effects: &[Effect]) {
        for effect in effects {
            if let Effect::Set { fact, value } = effect {
                self.push(fact, Written::Fact);
                if let Some(value) = value {
                    self.push_value(
                        value,
                        Written::FactValue {
                            fact: fact.text.to_string(),
                        },
                    );
                }
            }
        }
    }

    fn expr(&mut self, expr: &Expr, invariant: bool) {
        match expr {
            Expr::Or(parts) | Expr::And(parts) => {
                for part in parts {
                    self.expr(part, invariant);
                }
            }
            Expr::Not(inner) => self.expr(inner, invariant),
            Expr::Compare { name, value, .. } => {
                self.push(name, Written::Operand { invariant });
                self.push_value(
                    value,
                    Written::OperandValue {
                        operand: name.text.to_string(),
                        invariant,
                    },
                );
            }
            Expr::In { name, values } => {
                self.push(name, Written::Operand { invariant });
                for value in values {
                    self.push_value(
                        value,
                        Written::OperandValue {
                            operand: name.text.to_string(),
                            invariant,
                        },
                    );
                }
            }
            Expr::AnyTagged { tag, .. } => self.push(tag, Written::Tag),
            Expr::Truth(name) => self.push(name, Written::Operand { invariant }),
        }
    }

    fn case(&mut self, case: &CaseDecl) {
        for (question, answer) in &case.answers {
            self.push(question, Written::CaseQuestion);
            let mut at = answer.span.start();
            for part in answer.text.split('+') {
                if !part.is_empty() && part.parse::<i64>().is_err() {
                    self.occurrences.push(Occurrence {
                        range: at..at + part.len(),
                        text: part.to_string(),
                        written: Written::CaseAnswer {
                            question: question.text.to_string(),
                        },
                    });
                }
                at += part.len() + 1;
            }
        }
        for expectation in &case.expectations {
            if let Expectation::Outcome(name) = expectation {
                self.push(name, Written::Target);
            }
        }
    }
}
