//! The compiler: parse every file, declare names, resolve them, build the
//! graph, check it. Errors are collected, never thrown, so one run reports them all.

use std::collections::HashMap;

use super::cascade;
use super::compile_node::{FileNodes, lower_file};
use super::flow::*;
use super::graph_build::build_graph;
use super::graph_checks;
use super::names::{NodeNames, duplicate};
use super::questions_left::questions_left;
use super::symbol_table::{Symbol, SymbolTable, Written};
use super::symbols::{Meant, NodeSymbols, Symbols, node_symbols};
use super::topo_order::breadth_first_order;
use super::{Domain, Value};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, suggest_name};
use crate::source::KnowledgeSource;
use crate::syntax::ast::{self, Literal};
use crate::syntax::parse;

/// Compiles a knowledge folder, or returns every error found in it.
pub fn compile(source: &KnowledgeSource) -> Result<Flow, Vec<Diagnostic>> {
    run(source, false).0
}

/// [`compile`], and the [`SymbolTable`] of what every name means, which a
/// folder with errors has too.
pub fn compile_with_symbols(
    source: &KnowledgeSource,
) -> (Result<Flow, Vec<Diagnostic>>, SymbolTable) {
    run(source, true)
}

fn run(source: &KnowledgeSource, symbols: bool) -> (Result<Flow, Vec<Diagnostic>>, SymbolTable) {
    let mut errors = Vec::new();
    let mut documents = Vec::new();
    let mut files = Vec::new();
    let mut symbols = Symbols::new(symbols);
    for file in 0..source.files.len() {
        match parse_and_lower(source, file, symbols.on()) {
            Ok((document, nodes, declared)) => {
                documents.push((file, document));
                files.push(nodes);
                symbols.file(file, Some(declared));
            }
            Err(error) => {
                errors.push(error);
                symbols.file(file, None);
            }
        }
    }
    let compiler = Compiler {
        source,
        documents: &documents,
        errors,
        facts: Vec::new(),
        fact_ids: HashMap::new(),
        names: NodeNames::default(),
        nodes: Vec::new(),
        backward: Vec::new(),
        symbols,
    };
    let mut lowered = compiler.lower(files);
    let table = std::mem::take(&mut lowered.symbols).finish(&lowered.by_id, &lowered.by_local);
    (lowered.finish(source), table)
}

/// A file parsed, with its nodes built (the rest of its syntax tree is
/// small and stays for the compiler) and, when asked for, their symbols;
/// or why it does not parse.
type Parsed<'s> = Result<(ast::Document<'s>, FileNodes<'s>, Vec<NodeSymbols>), Diagnostic>;

/// Parses a file and builds its nodes from their syntax trees, which are
/// freed right after.
fn parse_and_lower(source: &KnowledgeSource, file: usize, symbols: bool) -> Parsed<'_> {
    let mut document = parse(&source.files[file].text, file)?;
    let decls = std::mem::take(&mut document.nodes);
    let declared = if symbols {
        node_symbols(&decls, &source.files[file].namespace)
    } else {
        Vec::new()
    };
    Ok((document, lower_file(source, file, decls), declared))
}

pub(super) struct Compiler<'s> {
    pub(super) source: &'s KnowledgeSource,
    pub(super) documents: &'s [(usize, ast::Document<'s>)],
    pub(super) errors: Vec<Diagnostic>,
    pub(super) facts: Vec<Fact>,
    pub(super) fact_ids: HashMap<String, usize>,
    pub(super) names: NodeNames,
    /// Every file's nodes, in file order, as their names are resolved.
    pub(super) nodes: Vec<Node>,
    /// Targets that point at a node written earlier (or at their own
    /// node), with where the target is written: every cycle has one, and
    /// it is the arm that closes the loop.
    pub(super) backward: Vec<(NodeId, NodeId, Span)>,
    /// The symbol table, as far as it is filled in.
    pub(super) symbols: Symbols,
}

/// What lowering produced: no longer tied to the syntax trees.
pub(super) struct Lowered {
    pub(super) meta: Option<Meta>,
    pub(super) start: Option<NodeId>,
    pub(super) facts_and_nodes_ok: bool,
    pub(super) nodes: Vec<Node>,
    pub(super) facts: Vec<Fact>,
    pub(super) tags: Vec<TagDef>,
    pub(super) sections: Vec<Section>,
    pub(super) invariants: Vec<Invariant>,
    pub(super) cases: Vec<Case>,
    pub(super) vignettes: Vec<Vignette>,
    pub(super) changes: Vec<super::Change>,
    pub(super) root_table: super::RootTable,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) by_id: HashMap<String, NodeId>,
    pub(super) by_local: HashMap<String, Option<NodeId>>,
    pub(super) backward: Vec<(NodeId, NodeId, Span)>,
    pub(super) symbols: Symbols,
}

impl Lowered {
    /// The graph built and checked, and the flow, or every error found.
    pub(super) fn finish(mut self, source: &KnowledgeSource) -> Result<Flow, Vec<Diagnostic>> {
        let nodes = self.nodes;
        let graph = build_graph(&nodes);
        let order = breadth_first_order(&graph);
        if self.facts_and_nodes_ok {
            // A whole order proves there is no cycle; only then is it worth
            // finding the cycles to name them.
            let cycles = if order.len() == nodes.len() {
                Vec::new()
            } else {
                graph_checks::cycles(&graph, &nodes, &self.backward)
            };
            let acyclic = cycles.is_empty();
            self.errors.extend(cycles);
            if let (Some(start), true) = (self.start, acyclic) {
                self.errors
                    .extend(graph_checks::unreachable(&graph, &nodes, start));
            }
        }
        let (Some(meta), Some(start), true) = (self.meta, self.start, self.errors.is_empty())
        else {
            // A file that does not parse declares nothing, so names it would
            // have declared look unknown and nodes it would reach look
            // unreachable elsewhere: those follow-on errors would only mislead.
            if self.errors.iter().any(|e| e.kind.stops_the_file()) {
                self.errors.retain(|e| {
                    !matches!(
                        e.kind,
                        DiagnosticKind::UnknownId
                            | DiagnosticKind::AmbiguousId
                            | DiagnosticKind::UnknownTag
                            | DiagnosticKind::UndeclaredName
                            | DiagnosticKind::Unreachable
                    )
                });
            }
            cascade::one_per_name(&mut self.errors);
            // Root causes first: a node left unreachable by a misspelt
            // target is reported after the misspelling.
            self.errors
                .sort_by_key(|e| (e.kind.follow_on_rank(), e.span.file(), e.span.start()));
            return Err(self.errors);
        };
        let questions_left = questions_left(&graph, &nodes, &order);
        Ok(Flow {
            meta,
            nodes,
            graph,
            start,
            facts: self.facts,
            tags: self.tags,
            sections: self.sections,
            invariants: self.invariants,
            cases: self.cases,
            vignettes: self.vignettes,
            changes: self.changes,
            root_table: self.root_table,
            files: source.files.clone(),
            questions_left,
            order,
            by_id: self.by_id,
            by_local: self.by_local,
        })
    }
}

/// Where a condition is written: invariants may also read the verdict.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    Walk,
    Invariant,
}

/// What a resolved operand can hold, for checking values against it.
pub(super) enum Kind {
    Domain(Domain),
    /// A question's answer ids; a yes/no question's answers are ids too.
    Answers(Vec<String>),
    /// A yes/no question, which a condition may also test bare (`fever`).
    YesNo(Vec<String>),
    Number,
    Verdict,
    Urgency,
    Outcome,
}

impl<'s> Compiler<'s> {
    pub(super) fn at(&self, span: Span) -> String {
        match self.source.files.get(span.file()) {
            Some(file) => {
                let (line, col) = file.line_col(span.start());
                format!("{}:{line}:{col}", file.path)
            }
            None => "?".into(),
        }
    }

    pub(super) fn namespace(&self, file: usize) -> &'s str {
        &self.source.files[file].namespace
    }

    /// Everything that needs the syntax trees or the files' pending names:
    /// names declared and resolved, invariants, cases and vignettes lowered.
    fn lower(mut self, mut files: Vec<FileNodes<'s>>) -> Lowered {
        let header = self.header();
        self.declare_facts();
        let sections = self.sections();
        self.declare_the_rest();
        let mut base = 0;
        for file in &mut files {
            self.declare_nodes(file.file, base, &mut file.nodes);
            self.errors.append(&mut file.errors);
            base += file.nodes.len();
        }
        // Each file's targets and effects are filled in, and their pending
        // lists freed, before the nodes are copied into one list, so the
        // two never take room at the same time.
        let mut base = 0;
        for file in &mut files {
            self.resolve_names(file.file, base, &mut file.nodes, &mut file.pending);
            base += file.nodes.len();
        }
        let change_refs: Vec<ast::Name<'s>> = (files.iter_mut())
            .flat_map(|file| std::mem::take(&mut file.pending.changes))
            .collect();
        self.nodes.reserve_exact(base);
        let mut conditions = Vec::with_capacity(files.len());
        for mut file in files {
            conditions.push((file.file, self.nodes.len(), file.pending.conditions));
            self.nodes.append(&mut file.nodes);
        }
        for (file, base, conditions) in conditions {
            self.resolve_conditions(file, base, conditions);
        }
        let tags = self.tags();
        let declared_sources = self.resolve_sources();
        let root_table = self.root_table(&declared_sources);
        let start = header.and_then(|(file, h)| self.start(file, h));
        let facts_and_nodes_ok = self.errors.is_empty();
        let invariants = self.invariants();
        let nodes = std::mem::take(&mut self.nodes);
        let cases = self.cases(&nodes);
        let vignettes = self.vignettes(&nodes);
        let changes = self.changes(&change_refs);
        let meta = header.map(|(_, header)| Meta {
            name: header.name.text.to_string(),
            title: header.title.text.to_string(),
            version: header
                .version
                .as_ref()
                .map_or_else(String::new, |v| v.text.to_string()),
            disclaimer: header.disclaimer.as_ref().map(|d| d.text.to_string()),
            hash: self.source.content_hash(),
        });
        Lowered {
            meta,
            start,
            facts_and_nodes_ok,
            nodes,
            facts: self.facts,
            tags,
            sections,
            invariants,
            cases,
            vignettes,
            changes,
            root_table,
            errors: self.errors,
            by_id: self.names.by_id,
            by_local: self.names.by_local,
            backward: self.backward,
            symbols: self.symbols,
        }
    }

    /// The declarations the symbol table lists that the compiler reads
    /// where it needs them: sections, tags, sources, invariants, cases and
    /// vignettes, in file order.
    fn declare_the_rest(&mut self) {
        if !self.symbols.on() {
            return;
        }
        for (file, document) in self.documents {
            self.symbols.sections(self.namespace(*file), document);
        }
        for (_, document) in self.documents {
            for decl in &document.tags {
                self.symbols.tag(decl);
            }
            for decl in &document.sources {
                self.symbols.source(decl);
            }
            for decl in &document.invariants {
                let symbol = Symbol::Invariant(decl.text.text.to_string());
                self.symbols
                    .titled(symbol, decl.text.span, decl.span, &decl.text.text);
            }
            for decl in &document.cases {
                let symbol = Symbol::Case(decl.name.text.to_string());
                self.symbols
                    .titled(symbol, decl.name.span, decl.span, &decl.name.text);
            }
            for decl in &document.vignettes {
                let symbol = Symbol::Vignette(decl.name.text.to_string());
                let title = &decl.title.text;
                self.symbols
                    .titled(symbol, decl.name.span, decl.case.span, title);
            }
        }
    }

    // ------------------------------------------------------------ declarations

    /// The tag vocabulary, and every node's tags checked against it and
    /// given their meaning. A tag nobody declared is an error: a misspelt
    /// `urgnt` or `redflag` would otherwise switch a check off in silence.
    fn tags(&mut self) -> Vec<TagDef> {
        let mut tags: Vec<TagDef> = Vec::new();
        for (_, document) in self.documents {
            for decl in &document.tags {
                if let Some(first) = tags.iter().find(|t| t.name == decl.name.text) {
                    let first_at = self.at(first.span);
                    self.errors.push(duplicate(
                        DiagnosticKind::Duplicate,
                        "tag",
                        &decl.name,
                        first_at,
                    ));
                    continue;
                }
                tags.push(TagDef {
                    name: decl.name.text.to_string(),
                    description: decl.description.text.to_string(),
                    meaning: decl.meaning,
                    span: decl.name.span,
                });
            }
        }
        for node in &mut self.nodes {
            let mut marks = Marks::default();
            for (tag, span) in node.tags.iter().zip(&node.tag_spans) {
                let found = tags.iter().find(|t| t.name == *tag);
                let meant = found.map_or(Meant::Nothing, |t| {
                    Meant::Symbol(Symbol::Tag(t.name.clone()))
                });
                self.symbols.refer(*span, Written::Tag, meant);
                match found {
                    Some(TagDef {
                        meaning: Some(TagMeaning::RedFlag),
                        ..
                    }) => marks.red_flag = true,
                    Some(TagDef {
                        meaning: Some(TagMeaning::Urgency(urgency)),
                        ..
                    }) => marks.urgency = Some(*urgency),
                    Some(TagDef {
                        meaning: Some(TagMeaning::OutOfScope),
                        ..
                    }) => marks.out_of_scope = true,
                    Some(TagDef {
                        meaning: Some(TagMeaning::Neuro),
                        ..
                    }) => marks.neuro = true,
                    Some(_) => {}
                    None => {
                        let fix = suggest_name(tag, *span, tags.iter().map(|t| t.name.as_str()));
                        let hint = fix.is_none().then(|| {
                            format!(
                                "declare it: `tag {tag} \"what it marks\"`, or use one of {}",
                                if tags.is_empty() {
                                    "the tags a `tag` declaration names".to_string()
                                } else {
                                    tags.iter()
                                        .map(|t| t.name.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                }
                            )
                        });
                        self.errors.push(
                            Diagnostic::new(
                                DiagnosticKind::UndeclaredTag,
                                *span,
                                format!("tag `{tag}` is not declared"),
                            )
                            .with_label("unknown tag")
                            .with_hint(hint)
                            .with_suggestions(fix),
                        );
                    }
                }
            }
            node.marks = marks;
        }
        tags
    }

    fn header(&mut self) -> Option<(usize, &'s ast::Header<'s>)> {
        let mut headers = self
            .documents
            .iter()
            .flat_map(|(file, doc)| doc.headers.iter().map(move |h| (*file, h)));
        let first = headers.next();
        if let Some((_, header)) = first {
            self.symbols.header(header);
        }
        for (_, extra) in headers {
            self.symbols.header(extra);
            let first_at = first.map_or_else(String::new, |(_, h)| self.at(h.span));
            self.errors.push(
                Diagnostic::new(
                    DiagnosticKind::Header,
                    extra.name.span,
                    "a second `flow` header",
                )
                .with_label(format!("the first is at {first_at}"))
                .with_hint(Some(
                    "a knowledge folder has exactly one `flow` header".into(),
                )),
            );
        }
        if first.is_none() && !self.source.files.is_empty() && self.errors.is_empty() {
            self.errors.push(
                Diagnostic::new(
                    DiagnosticKind::Header,
                    Span::new(0, 0..0),
                    "no `flow` header in the folder",
                )
                .with_hint(Some(
                    "add `flow name \"Title\" { version \"1.0\" start first_question }`".into(),
                )),
            );
        }
        first
    }

    fn start(&mut self, file: usize, header: &ast::Header) -> Option<NodeId> {
        let Some(start) = &header.start else {
            self.errors.push(
                Diagnostic::new(
                    DiagnosticKind::Header,
                    header.name.span,
                    "the flow has no `start`",
                )
                .with_hint(Some("add `start first_question` to the header".into())),
            );
            return None;
        };
        match self.names.resolve(start, self.namespace(file), None) {
            Ok(index) => {
                self.symbols
                    .refer(start.span, Written::Target, Meant::Node(index));
                Some(index)
            }
            Err(error) => {
                self.symbols
                    .refer(start.span, Written::Target, Meant::Nothing);
                self.errors.push(error);
                None
            }
        }
    }

    fn declare_facts(&mut self) {
        for (file, document) in self.documents {
            let _ = file;
            for decl in &document.facts {
                if let Some(&first) = self.fact_ids.get(decl.name.text) {
                    if self.symbols.on() {
                        self.symbols.fact(decl, &domain_of(&decl.ty), false);
                    }
                    let first_at = self.at(self.facts[first].span);
                    self.errors.push(duplicate(
                        DiagnosticKind::Duplicate,
                        "fact",
                        &decl.name,
                        first_at,
                    ));
                    continue;
                }
                let domain = domain_of(&decl.ty);
                self.symbols.fact(decl, &domain, true);
                let initial = decl
                    .initial
                    .as_ref()
                    .and_then(|value| self.fact_value(&domain, decl.name.text, value));
                self.fact_ids
                    .insert(decl.name.text.to_string(), self.facts.len());
                self.facts.push(Fact {
                    name: decl.name.text.to_string(),
                    domain,
                    initial,
                    someone_else: decl.someone_else,
                    span: decl.name.span,
                });
                if let Some(value) = &decl.initial
                    && self.symbols.on()
                {
                    let fact = self.facts.len() - 1;
                    let checked = self.facts[fact].initial.clone();
                    self.refer_fact_value(fact, value, checked.as_ref());
                }
            }
        }
    }

    /// Checks a written value against a fact's domain.
    pub(super) fn fact_value(
        &mut self,
        domain: &Domain,
        fact: &str,
        value: &ast::Value,
    ) -> Option<Value> {
        checked_fact_value(domain, fact, value)
            .map_err(|error| self.errors.push(error))
            .ok()
    }

    /// Declares a file's nodes, numbered from `base`, their sections
    /// counted among every file's.
    fn declare_nodes(&mut self, file: usize, base: usize, nodes: &mut [Node]) {
        let sections_before: usize = self
            .documents
            .iter()
            .take_while(|(f, _)| *f < file)
            .map(|(_, document)| document.sections.len())
            .sum();
        let mut previous: Option<NodeId> = None;
        for (index, node) in (base..).map(NodeId::new).zip(nodes) {
            if let Some(&first) = self.names.by_id.get(node.id.as_str()) {
                let first_at = self.at(self.names.spans[first.index()]);
                let name = ast::Name {
                    text: node.local(),
                    span: node.span,
                };
                self.errors
                    .push(duplicate(DiagnosticKind::Duplicate, "id", &name, first_at));
            } else {
                self.names.by_id.insert(node.id.clone(), index);
                self.names.declare_local(node.local(), index);
            }
            self.names.ids.push(node.id.clone());
            self.names.spans.push(node.span);
            self.names.next_in_file.push(None);
            if let Some(previous) = previous {
                self.names.next_in_file[previous.index()] = Some(index);
            }
            previous = Some(index);
            node.section = node.section.map(|local| sections_before + local);
        }
        self.symbols.nodes(file, sections_before);
    }

    /// Sections of every file, qualified like nodes, in file order.
    fn sections(&self) -> Vec<Section> {
        self.documents
            .iter()
            .flat_map(|(file, document)| {
                let namespace = self.namespace(*file);
                document.sections.iter().map(move |s| Section {
                    id: format!("{namespace}.{}", s.name.text),
                    title: s.title.text.to_string(),
                })
            })
            .collect()
    }
}

fn domain_of(ty: &ast::FactType) -> Domain {
    match ty {
        ast::FactType::Bool => Domain::Bool,
        ast::FactType::Number { min, max } => Domain::Number {
            min: *min,
            max: *max,
        },
        ast::FactType::Enum(words) => {
            Domain::Enum(words.iter().map(|w| w.text.to_string()).collect())
        }
    }
}

pub(super) fn literal_text(literal: &Literal) -> String {
    match literal {
        Literal::Number(n) => n.to_string(),
        Literal::Word(w) => w.to_string(),
    }
}

/// A written value of a fact with this domain, or the error to report.
pub(super) fn checked_fact_value(
    domain: &Domain,
    fact: &str,
    value: &ast::Value,
) -> Result<Value, Diagnostic> {
    let checked = match (domain, &value.literal) {
        (Domain::Bool, Literal::Word(w)) if *w == "true" => Some(Value::Bool(true)),
        (Domain::Bool, Literal::Word(w)) if *w == "false" => Some(Value::Bool(false)),
        (Domain::Number { min, max }, Literal::Number(n)) if n >= min && n <= max => {
            Some(Value::Number(*n))
        }
        (Domain::Enum(words), Literal::Word(w)) if words.iter().any(|word| word == *w) => {
            Some(Value::Word((*w).into()))
        }
        _ => None,
    };
    checked.ok_or_else(|| {
        let fix = match (domain, &value.literal) {
            (Domain::Enum(words), Literal::Word(w)) => {
                suggest_name(w, value.span, words.iter().map(String::as_str))
            }
            _ => None,
        };
        let hint = fix
            .is_none()
            .then(|| format!("`{fact}` holds {}", domain.describe()));
        Diagnostic::new(
            DiagnosticKind::NotInDomain,
            value.span,
            format!(
                "`{}` is not a value of `{fact}`",
                literal_text(&value.literal)
            ),
        )
        .with_label("outside the fact's domain")
        .with_hint(hint)
        .with_suggestions(fix)
    })
}
