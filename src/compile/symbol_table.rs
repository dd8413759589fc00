//! The symbol table of a knowledge folder: every name it declares and every
//! place a name refers to one, each with where it is written, as the
//! compiler resolved them. The compiler fills it in while it compiles (when
//! asked: [`symbols`](super::symbols), [`compile_with_symbols`](super::compile_with_symbols)),
//! so an editor resolves names exactly as compiling does, and still has
//! them in a folder that does not compile.

use std::collections::HashMap;

use super::Domain;
use super::flow::{NodeId, TagMeaning};
use super::names::lookup_node;
use crate::diagnostic::Span;

/// A thing a name stands for, folder-wide.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A question, decide node or outcome, by its qualified id.
    Node(String),
    Fact(String),
    /// A word of an enum fact.
    Value {
        fact: String,
        value: String,
    },
    /// An `answer` of a question (by the question's qualified id).
    Answer {
        question: String,
        answer: String,
    },
    /// A tag, declared by `tag NAME "..."`.
    Tag(String),
    /// A declared source: `source ID { title ... }`.
    Source(String),
    /// A section, by `namespace.id`.
    Section(String),
    Vignette(String),
    /// The `flow` header, by its name.
    Flow(String),
    /// An invariant, by its text.
    Invariant(String),
    /// A case, by its name.
    Case(String),
}

/// What kind of thing a [`Symbol`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    Node,
    Fact,
    Value,
    Answer,
    Tag,
    Source,
    Section,
    Vignette,
    Flow,
    Invariant,
    Case,
}

impl Symbol {
    pub fn kind(&self) -> SymbolKind {
        match self {
            Symbol::Node(_) => SymbolKind::Node,
            Symbol::Fact(_) => SymbolKind::Fact,
            Symbol::Value { .. } => SymbolKind::Value,
            Symbol::Answer { .. } => SymbolKind::Answer,
            Symbol::Tag(_) => SymbolKind::Tag,
            Symbol::Source(_) => SymbolKind::Source,
            Symbol::Section(_) => SymbolKind::Section,
            Symbol::Vignette(_) => SymbolKind::Vignette,
            Symbol::Flow(_) => SymbolKind::Flow,
            Symbol::Invariant(_) => SymbolKind::Invariant,
            Symbol::Case(_) => SymbolKind::Case,
        }
    }

    /// The word it is written as (a node's or section's id without its file name).
    pub fn word(&self) -> &str {
        match self {
            Symbol::Node(id) | Symbol::Section(id) => id.rsplit('.').next().unwrap_or(id),
            Symbol::Fact(word)
            | Symbol::Tag(word)
            | Symbol::Source(word)
            | Symbol::Vignette(word)
            | Symbol::Flow(word)
            | Symbol::Invariant(word)
            | Symbol::Case(word)
            | Symbol::Value { value: word, .. }
            | Symbol::Answer { answer: word, .. } => word,
        }
    }

    /// Whether it is an id, which other places may write: not a title
    /// (an invariant's text, a case's name) nor the flow's own name.
    pub fn is_id(&self) -> bool {
        !matches!(
            self,
            Symbol::Flow(_) | Symbol::Invariant(_) | Symbol::Case(_)
        )
    }
}

/// A declaration's place in [`SymbolTable::declarations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeclarationId(pub(super) usize);

impl DeclarationId {
    pub fn index(self) -> usize {
        self.0
    }
}

/// One name declared.
#[derive(Debug, Clone)]
pub struct Declaration {
    pub symbol: Symbol,
    /// Where its name (or title) is written.
    pub span: Span,
    /// The whole declaration.
    pub extent: Span,
    pub detail: Detail,
}

/// What a declaration says beyond its name, as written.
#[derive(Debug, Clone)]
pub enum Detail {
    Node(Box<NodeDetail>),
    Fact(Domain),
    Tag {
        description: String,
        meaning: Option<TagMeaning>,
    },
    Source {
        title: Option<String>,
        kind: Option<String>,
        section: Option<String>,
    },
    /// A section, the flow header, an invariant, a case or a vignette.
    Titled(String),
    /// An answer or a value: what it belongs to is in its symbol.
    Nothing,
}

/// Which node a node declaration is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeSort {
    Question,
    Decide,
    Outcome,
}

impl NodeSort {
    pub fn word(self) -> &'static str {
        match self {
            NodeSort::Question => "question",
            NodeSort::Decide => "decide",
            NodeSort::Outcome => "outcome",
        }
    }
}

/// A node's texts as written.
#[derive(Debug, Clone)]
pub struct NodeDetail {
    pub sort: NodeSort,
    /// The section it is written in.
    pub section: Option<DeclarationId>,
    pub ask: Option<String>,
    pub clinical: Option<String>,
    pub why: Option<String>,
    pub sources: Vec<Citation>,
    pub tags: Vec<String>,
    /// `treat`, `modify`, `refer urgent`, as written.
    pub verdict: Option<String>,
    pub title: Option<String>,
    /// (answer id, its label or "" when it has none), `yes`/`no`/`unsure` too.
    pub answers: Vec<(String, String)>,
}

/// A `source` line of a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Citation {
    /// `source ID`.
    Declared(String),
    /// `source "document" "part"`.
    InPlace {
        document: String,
        part: Option<String>,
    },
}

/// How a referring name is written, which is where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A node: `-> x`, `start x`, `skip when ... -> x`.
    Target,
    /// `-> next`: means the node written after this one, but is not its name.
    Next,
    /// A fact or a question a condition reads.
    Operand,
    /// A fact: `set x`, `into x`.
    Fact,
    /// A value compared or set: an enum fact's word, a question's answer,
    /// the outcome of `outcome == x`.
    Value,
    /// A tag: `tags x`, `any x in [...]`.
    Tag,
    /// A citation: `source ID`.
    Source,
    /// The question of a case's `id=value`, or its `expect outcome x`.
    CaseNode,
    /// One answer id of a case's `id=value`.
    CaseAnswer,
}

/// One name that refers to a declaration.
#[derive(Debug, Clone)]
pub struct Reference {
    pub span: Span,
    pub written: Written,
    /// What it means, or `None` when the compiler found nothing (an error).
    pub declaration: Option<DeclarationId>,
}

/// Every declaration and reference of a folder.
#[derive(Debug, Clone, Default)]
pub struct SymbolTable {
    pub(super) declarations: Vec<Declaration>,
    pub(super) references: Vec<Reference>,
    /// The first declaration of each symbol: the one references mean.
    pub(super) first: HashMap<Symbol, DeclarationId>,
    /// Per file: whether it parsed (a file that does not declares nothing).
    pub(super) parsed: Vec<bool>,
    /// The compiler's node names, for a name not compiled yet.
    pub(super) by_id: HashMap<String, NodeId>,
    pub(super) by_local: HashMap<String, Option<NodeId>>,
    /// Each node's declaration, by `NodeId`.
    pub(super) nodes: Vec<DeclarationId>,
}

impl SymbolTable {
    /// In the order the compiler declared them: file by file.
    pub fn declarations(&self) -> &[Declaration] {
        &self.declarations
    }

    /// In the order the compiler resolved them.
    pub fn references(&self) -> &[Reference] {
        &self.references
    }

    pub fn declaration(&self, id: DeclarationId) -> &Declaration {
        &self.declarations[id.0]
    }

    /// Every declaration with its id.
    pub fn declared(&self) -> impl Iterator<Item = (DeclarationId, &Declaration)> {
        self.declarations
            .iter()
            .enumerate()
            .map(|(i, d)| (DeclarationId(i), d))
    }

    /// The declaration a reference to `symbol` means (its first).
    pub fn find(&self, symbol: &Symbol) -> Option<DeclarationId> {
        self.first.get(symbol).copied()
    }

    /// Every declaration of `symbol` (more than one is an error).
    pub fn declarations_of<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = &'a Declaration> + 'a {
        self.declarations
            .iter()
            .filter(move |d| d.symbol == *symbol)
    }

    /// Every reference that means `declaration`.
    pub fn references_to(&self, declaration: DeclarationId) -> impl Iterator<Item = &Reference> {
        self.references
            .iter()
            .filter(move |r| r.declaration == Some(declaration))
    }

    /// Whether file `file` parsed.
    pub fn parsed(&self, file: usize) -> bool {
        self.parsed.get(file).copied().unwrap_or(false)
    }

    /// The node a name written in a file of `namespace` means, by the
    /// compiler's rule for targets (`file.id`, or an id of the same file),
    /// else the node of that id when only one file has it: for a name not
    /// compiled yet, as one being typed.
    pub fn node_named(&self, namespace: &str, text: &str) -> Option<DeclarationId> {
        let node = lookup_node(&self.by_id, text, namespace, &mut String::new())
            .or_else(|| self.by_local.get(text).copied().flatten())?;
        self.nodes.get(node.index()).copied()
    }
}
