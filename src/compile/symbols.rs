//! How the compiler fills in the [`SymbolTable`] as it compiles: each name
//! is recorded where the compiler declares or resolves it, with what the
//! compiler made of it, so the table and the compiled flow never disagree.
//! Recording is off unless the table is asked for: `check` and the rest
//! pay nothing for it.

use std::collections::HashMap;

use super::compiler::{Compiler, Context};
use super::condition::{Cond, Operand};
use super::flow::{Node, NodeId};
use super::symbol_table::{
    Citation, Declaration, DeclarationId, Detail, NodeDetail, NodeSort, Reference, Symbol,
    SymbolTable, Written,
};
use super::{Domain, compiler};
use super::{Value, YesNo};
use crate::diagnostic::Span;
use crate::source::KnowledgeSource;
use crate::syntax::ast::{self, Literal};

/// The table as compiling `source` leaves it, whether or not it compiles.
pub fn symbols(source: &KnowledgeSource) -> SymbolTable {
    compiler::compile_with_symbols(source).1
}

/// Whether a word is `yes`, `no` or `unsure`: never an answer id of its own.
fn is_yes_no(word: &str) -> bool {
    YesNo::ALL.iter().any(|yes_no| yes_no.is_id(word))
}

/// What the compiler found a name to mean.
pub(super) enum Meant {
    Node(NodeId),
    /// Index into the compiler's facts.
    Fact(usize),
    /// Found by its symbol once every declaration is known.
    Symbol(Symbol),
    Nothing,
}

/// A node's declarations, read from its syntax tree before the tree is
/// freed, waiting for the node's id.
pub(super) struct NodeSymbols {
    declaration: Declaration,
    /// Index into its file's sections.
    section: Option<usize>,
    answers: Vec<Declaration>,
    citations: Vec<(Span, String)>,
}

/// The table being filled in.
#[derive(Default)]
pub(super) struct Symbols {
    on: bool,
    declarations: Vec<Declaration>,
    references: Vec<(Span, Written, Meant)>,
    /// Each node's declaration, by `NodeId`.
    nodes: Vec<DeclarationId>,
    /// Each fact's declaration, by the compiler's index.
    facts: Vec<DeclarationId>,
    /// Each section's declaration, folder-wide.
    sections: Vec<DeclarationId>,
    parsed: Vec<bool>,
    /// Per file: its nodes' declarations.
    waiting: HashMap<usize, Vec<NodeSymbols>>,
}

impl Symbols {
    pub(super) fn new(on: bool) -> Symbols {
        Symbols {
            on,
            ..Symbols::default()
        }
    }

    pub(super) fn on(&self) -> bool {
        self.on
    }

    fn declare(&mut self, declaration: Declaration) -> DeclarationId {
        self.declarations.push(declaration);
        DeclarationId(self.declarations.len() - 1)
    }

    pub(super) fn refer(&mut self, span: Span, written: Written, meant: Meant) {
        if self.on {
            self.references.push((span, written, meant));
        }
    }

    /// File `file` parsed (or not), and these are its nodes' declarations.
    pub(super) fn file(&mut self, file: usize, nodes: Option<Vec<NodeSymbols>>) {
        if !self.on {
            return;
        }
        if self.parsed.len() <= file {
            self.parsed.resize(file + 1, false);
        }
        self.parsed[file] = nodes.is_some();
        if let Some(nodes) = nodes {
            self.waiting.insert(file, nodes);
        }
    }

    pub(super) fn header(&mut self, header: &ast::Header) {
        if !self.on {
            return;
        }
        self.declare(Declaration {
            symbol: Symbol::Flow(header.name.text.to_string()),
            span: header.name.span,
            extent: header.span,
            detail: Detail::Titled(header.title.text.to_string()),
        });
    }

    /// A fact and its words; `counted` when the compiler kept it (not a
    /// second declaration of the name).
    pub(super) fn fact(&mut self, decl: &ast::FactDecl, domain: &Domain, counted: bool) {
        if !self.on {
            return;
        }
        let id = self.declare(Declaration {
            symbol: Symbol::Fact(decl.name.text.to_string()),
            span: decl.name.span,
            extent: decl.span,
            detail: Detail::Fact(domain.clone()),
        });
        if counted {
            self.facts.push(id);
        }
        if let ast::FactType::Enum(words) = &decl.ty {
            for word in words {
                self.declare(Declaration {
                    symbol: Symbol::Value {
                        fact: decl.name.text.to_string(),
                        value: word.text.to_string(),
                    },
                    span: word.span,
                    extent: word.span,
                    detail: Detail::Nothing,
                });
            }
        }
    }

    /// A file's sections; called for every file in order, as the compiler
    /// numbers them.
    pub(super) fn sections(&mut self, namespace: &str, document: &ast::Document) {
        if !self.on {
            return;
        }
        for section in &document.sections {
            let id = self.declare(Declaration {
                symbol: Symbol::Section(format!("{namespace}.{}", section.name.text)),
                span: section.name.span,
                extent: section.span,
                detail: Detail::Titled(section.title.text.to_string()),
            });
            self.sections.push(id);
        }
    }

    /// File `file`'s nodes, declared in the order the compiler numbers
    /// them; its sections are counted from `sections_before` among the folder's.
    pub(super) fn nodes(&mut self, file: usize, sections_before: usize) {
        let Some(nodes) = self.waiting.remove(&file) else {
            return;
        };
        for node in nodes {
            let NodeSymbols {
                mut declaration,
                section,
                answers,
                citations,
            } = node;
            if let (Detail::Node(detail), Some(local)) = (&mut declaration.detail, section) {
                detail.section = self.sections.get(sections_before + local).copied();
            }
            let id = self.declare(declaration);
            self.nodes.push(id);
            for answer in answers {
                self.declare(answer);
            }
            for (span, source) in citations {
                self.refer(span, Written::Source, Meant::Symbol(Symbol::Source(source)));
            }
        }
    }

    pub(super) fn tag(&mut self, decl: &ast::TagDecl) {
        if !self.on {
            return;
        }
        self.declare(Declaration {
            symbol: Symbol::Tag(decl.name.text.to_string()),
            span: decl.name.span,
            extent: decl.name.span.with_end(decl.description.span.end()),
            detail: Detail::Tag {
                description: decl.description.text.to_string(),
                meaning: decl.meaning,
            },
        });
    }

    pub(super) fn source(&mut self, decl: &ast::SourceDecl) {
        if !self.on {
            return;
        }
        let text = |t: &Option<ast::Text>| t.as_ref().map(|t| t.text.to_string());
        self.declare(Declaration {
            symbol: Symbol::Source(decl.name.text.to_string()),
            span: decl.name.span,
            extent: decl.span,
            detail: Detail::Source {
                title: text(&decl.title),
                kind: decl.kind.as_ref().map(|k| k.text.to_string()),
                section: text(&decl.section),
            },
        });
    }

    /// An invariant, a case or a vignette: titled, never referred to by
    /// name (a vignette by its id).
    pub(super) fn titled(&mut self, symbol: Symbol, span: Span, extent: Span, title: &str) {
        if !self.on {
            return;
        }
        self.declare(Declaration {
            symbol,
            span,
            extent,
            detail: Detail::Titled(title.to_string()),
        });
    }

    /// The table, each reference given the declaration it means.
    pub(super) fn finish(
        self,
        by_id: &HashMap<String, NodeId>,
        by_local: &HashMap<String, Option<NodeId>>,
    ) -> SymbolTable {
        if !self.on {
            return SymbolTable::default();
        }
        let mut first = HashMap::new();
        for (i, declaration) in self.declarations.iter().enumerate() {
            first
                .entry(declaration.symbol.clone())
                .or_insert(DeclarationId(i));
        }
        let references = self
            .references
            .into_iter()
            .map(|(span, written, meant)| Reference {
                span,
                written,
                declaration: match meant {
                    Meant::Node(node) => self.nodes.get(node.index()).copied(),
                    Meant::Fact(fact) => self.facts.get(fact).copied(),
                    Meant::Symbol(symbol) => first.get(&symbol).copied(),
                    Meant::Nothing => None,
                },
            })
            .collect();
        SymbolTable {
            declarations: self.declarations,
            references,
            first,
            parsed: self.parsed,
            by_id: by_id.clone(),
            by_local: by_local.clone(),
            nodes: self.nodes,
        }
    }
}

/// The declarations of a file's nodes, read from their syntax trees.
pub(super) fn node_symbols(decls: &[ast::NodeDecl], namespace: &str) -> Vec<NodeSymbols> {
    decls
        .iter()
        .map(|decl| node_symbol(decl, namespace))
        .collect()
}

fn node_symbol(decl: &ast::NodeDecl, namespace: &str) -> NodeSymbols {
    let id = format!("{namespace}.{}", decl.name.text);
    let text = |t: &Option<ast::Text>| t.as_ref().map(|t| t.text.to_string());
    let common = &decl.common;
    let mut detail = NodeDetail {
        sort: NodeSort::Question,
        section: None,
        ask: None,
        clinical: text(&common.clinical),
        why: text(&common.why),
        sources: common
            .sources
            .iter()
            .map(|s| match s {
                ast::SourceRef::Declared(id) => Citation::Declared(id.text.to_string()),
                ast::SourceRef::InPlace { document, part } => Citation::InPlace {
                    document: document.text.to_string(),
                    part: text(part),
                },
            })
            .collect(),
        tags: common.tags.iter().map(|t| t.text.to_string()).collect(),
        verdict: None,
        title: None,
        answers: Vec::new(),
    };
    let mut answers = Vec::new();
    match &decl.kind {
        ast::NodeKindDecl::Question(question) => {
            detail.ask = text(&question.ask);
            for arm in &question.arms {
                let (key, declared) = match &arm.key {
                    ast::ArmKey::YesNo(word) => (word, false),
                    ast::ArmKey::Answer(word) => (word, true),
                };
                let label = text(&arm.label).unwrap_or_default();
                detail.answers.push((key.text.to_string(), label));
                if declared {
                    answers.push(Declaration {
                        symbol: Symbol::Answer {
                            question: id.clone(),
                            answer: key.text.to_string(),
                        },
                        span: key.span,
                        extent: arm.span,
                        detail: Detail::Nothing,
                    });
                }
            }
        }
        ast::NodeKindDecl::Decide(_) => detail.sort = NodeSort::Decide,
        ast::NodeKindDecl::Outcome(outcome) => {
            detail.sort = NodeSort::Outcome;
            detail.verdict = outcome.verdict.as_ref().map(verdict_text);
            detail.title = text(&outcome.title);
        }
    }
    let citations = common
        .sources
        .iter()
        .filter_map(|s| match s {
            ast::SourceRef::Declared(id) => Some((id.span, id.text.to_string())),
            ast::SourceRef::InPlace { .. } => None,
        })
        .collect();
    NodeSymbols {
        declaration: Declaration {
            symbol: Symbol::Node(id),
            span: decl.name.span,
            extent: decl.span,
            detail: Detail::Node(Box::new(detail)),
        },
        section: decl.section,
        answers,
        citations,
    }
}

/// A verdict as written: `refer` alone too.
fn verdict_text(verdict: &ast::VerdictDecl) -> String {
    let kind = match verdict.kind {
        ast::VerdictKind::Treat => "treat",
        ast::VerdictKind::Modify => "modify",
        ast::VerdictKind::Refer => "refer",
    };
    match verdict.urgency {
        Some(urgency) => format!("{kind} {}", urgency.word()),
        None => kind.to_string(),
    }
}

impl Compiler<'_> {
    /// A condition lowered, and each name it reads recorded with what the
    /// lowering found it to mean. The parts of `and`, `or` and `not` come
    /// back here on their own, so only a single test is recorded.
    pub(super) fn condition(
        &mut self,
        expr: &ast::Expr,
        namespace: &str,
        context: Context,
    ) -> Cond {
        let cond = self.lower_condition(expr, namespace, context);
        if self.symbols.on() {
            self.record_condition(expr, &cond);
        }
        cond
    }

    fn record_condition(&mut self, expr: &ast::Expr, cond: &Cond) {
        match (expr, cond) {
            (ast::Expr::Truth(name), Cond::Truth(operand)) => self.refer_operand(name, *operand),
            (
                ast::Expr::Compare { name, value, .. },
                Cond::Compare {
                    operand, value: v, ..
                },
            ) => {
                self.refer_operand(name, *operand);
                self.refer_value(*operand, value, v);
            }
            (
                ast::Expr::In { name, values },
                Cond::In {
                    operand,
                    values: vs,
                },
            ) => {
                self.refer_operand(name, *operand);
                for (value, v) in values.iter().zip(vs) {
                    self.refer_value(*operand, value, v);
                }
            }
            (ast::Expr::AnyTagged { tag, .. }, _) => self.symbols.refer(
                tag.span,
                Written::Tag,
                Meant::Symbol(Symbol::Tag(tag.text.to_string())),
            ),
            // The name means nothing the condition can read.
            (
                ast::Expr::Truth(name)
                | ast::Expr::Compare { name, .. }
                | ast::Expr::In { name, .. },
                _,
            ) => self
                .symbols
                .refer(name.span, Written::Operand, Meant::Nothing),
            _ => {}
        }
    }

    fn refer_operand(&mut self, name: &ast::Name, operand: Operand) {
        let meant = match operand {
            Operand::Fact(fact) => Meant::Fact(fact),
            Operand::Question(node) => Meant::Node(node),
            // `verdict`, `urgency` and `outcome` are words of the language.
            Operand::Verdict | Operand::Urgency | Operand::Outcome => return,
        };
        self.symbols.refer(name.span, Written::Operand, meant);
    }

    /// A value compared with `operand`, as `lowered` it: a name when the
    /// operand is an enum fact, a question or the outcome.
    fn refer_value(&mut self, operand: Operand, value: &ast::Value, lowered: &Value) {
        let Literal::Word(word) = value.literal else {
            return;
        };
        let found = match lowered {
            Value::Word(found) => Some(found.as_str()),
            _ => None,
        };
        let meant = match operand {
            Operand::Fact(fact) => {
                let fact = &self.facts[fact];
                if !matches!(fact.domain, Domain::Enum(_)) {
                    return;
                }
                found.map(|value| Symbol::Value {
                    fact: fact.name.clone(),
                    value: value.to_string(),
                })
            }
            Operand::Question(node) => {
                if is_yes_no(word) {
                    return;
                }
                found.map(|answer| Symbol::Answer {
                    question: self.names.ids[node.index()].clone(),
                    answer: answer.to_string(),
                })
            }
            Operand::Outcome => found.map(|id| Symbol::Node(id.to_string())),
            Operand::Verdict | Operand::Urgency => return,
        };
        let meant = meant.map_or(Meant::Nothing, Meant::Symbol);
        self.symbols.refer(value.span, Written::Value, meant);
    }

    /// A value given to fact `fact` (`set f = v`, `fact f: ... = v`), as
    /// checked: a name when the fact's values are words.
    pub(super) fn refer_fact_value(
        &mut self,
        fact: usize,
        value: &ast::Value,
        checked: Option<&Value>,
    ) {
        if !self.symbols.on() {
            return;
        }
        let fact = &self.facts[fact];
        if !matches!(fact.domain, Domain::Enum(_)) || !matches!(value.literal, Literal::Word(_)) {
            return;
        }
        let meant = match checked {
            Some(Value::Word(word)) => Meant::Symbol(Symbol::Value {
                fact: fact.name.clone(),
                value: word.clone(),
            }),
            _ => Meant::Nothing,
        };
        self.symbols.refer(value.span, Written::Value, meant);
    }

    /// A node named in a case, found and recorded.
    pub(super) fn case_node(&mut self, nodes: &[Node], id: &ast::Name) -> Option<NodeId> {
        let found = self.find_case_node(nodes, id);
        let meant = found.map_or(Meant::Nothing, Meant::Node);
        self.symbols.refer(id.span, Written::CaseNode, meant);
        found
    }

    /// The answer ids of a case's `id=a+b` for the question `node`.
    pub(super) fn refer_case_answer(&mut self, node: NodeId, raw: &ast::Text) {
        if !self.symbols.on() {
            return;
        }
        let question = &self.names.ids[node.index()];
        let mut at = raw.span.start();
        for part in raw.text.split('+') {
            if !part.is_empty() && part.parse::<i64>().is_err() && !is_yes_no(part) {
                let symbol = Symbol::Answer {
                    question: question.clone(),
                    answer: part.to_string(),
                };
                let span = Span::new(raw.span.file(), at..at + part.len());
                self.symbols
                    .refer(span, Written::CaseAnswer, Meant::Symbol(symbol));
            }
            at += part.len() + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use petgraph::graph::NodeIndex;

    use super::super::tests::{folder, shipped};
    use super::super::{NodeId, Symbol, Written, compile_with_symbols};

    /// The table and the flow come from one resolution: every node's
    /// targets in the table are its edges in the graph.
    #[test]
    fn the_table_says_what_the_shipped_flow_was_compiled_from() {
        let (flow, table) = compile_with_symbols(&shipped());
        let flow = flow.expect("the shipped knowledge compiles");
        assert!(table.references().iter().all(|r| r.declaration.is_some()));
        for id in flow.node_ids() {
            let node = flow.node(id);
            let found = table.find(&Symbol::Node(node.id.clone()));
            let declared = table.declaration(found.expect("every node is declared"));
            assert_eq!(declared.span, node.span);
            let extent = declared.extent;
            let mut targets: Vec<NodeId> = (table.references().iter())
                .filter(|r| matches!(r.written, Written::Target | Written::Next))
                .filter(|r| r.span.file() == extent.file())
                .filter(|r| extent.start() <= r.span.start() && r.span.end() <= extent.end())
                .filter_map(|r| match &table.declaration(r.declaration?).symbol {
                    Symbol::Node(target) => flow.find(target),
                    _ => None,
                })
                .collect();
            let graph = &flow.graph;
            let mut edges: Vec<NodeId> = (graph.neighbors(NodeIndex::new(id.index())))
                .map(|n| graph[n])
                .collect();
            targets.sort();
            edges.sort();
            assert_eq!(targets, edges, "{}", node.id);
        }
        for fact in &flow.facts {
            let found = table.find(&Symbol::Fact(fact.name.clone()));
            assert_eq!(table.declaration(found.expect("declared")).span, fact.span);
        }
    }

    /// A folder with errors has its names too: what resolves, resolved;
    /// what does not, recorded as meaning nothing; a file that does not
    /// parse, declaring nothing.
    #[test]
    fn a_folder_with_errors_has_its_names() {
        let main = "flow t \"T\" { version \"1\" start q }\nfact f: a | b\n\
                    question q { ask \"?\" yes -> r no -> nowhere }\n\
                    decide r { when f == c -> end otherwise -> end }\n\
                    outcome end { verdict treat title \"t\" }\n";
        let broken = "question {";
        let (flow, table) = compile_with_symbols(&folder(&[("m.flow", main), ("x.flow", broken)]));
        assert!(flow.is_err());
        assert!(table.parsed(0) && !table.parsed(1));
        let meaning = |word: &str| {
            let at = main.find(word).expect("the word");
            let reference = (table.references().iter())
                .find(|r| r.span.start() == at)
                .expect("a reference there");
            (reference.declaration).map(|d| table.declaration(d).symbol.clone())
        };
        assert_eq!(meaning("r no"), Some(Symbol::Node("m.r".into())));
        assert_eq!(meaning("nowhere"), None);
        assert_eq!(meaning("f =="), Some(Symbol::Fact("f".into())));
        assert_eq!(meaning("c ->"), None);
        assert_eq!(meaning("end otherwise"), Some(Symbol::Node("m.end".into())));
    }
}
