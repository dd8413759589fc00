//! The syntax tree of one `.flow` file. Every name and text keeps its span so
//! later stages can point at it.

use crate::diagnostic::Span;

/// A name as written, e.g. `saddle_numbness` or `emergency.saddle_numbness`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// A string literal with its escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub span: Span,
}

/// A value as written: a whole number or a word (`true`, `thigh`, `yes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    Number(i64),
    Word(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub literal: Literal,
    pub span: Span,
}

/// Everything one file declares, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub headers: Vec<Header>,
    pub facts: Vec<FactDecl>,
    pub sections: Vec<SectionDecl>,
    pub nodes: Vec<NodeDecl>,
    pub invariants: Vec<InvariantDecl>,
    pub cases: Vec<CaseDecl>,
    pub vignettes: Vec<VignetteDecl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: Name,
    pub title: Text,
    pub version: Option<Text>,
    pub start: Option<Name>,
    pub disclaimer: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactType {
    Bool,
    Number { min: i64, max: i64 },
    Enum(Vec<Name>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDecl {
    pub name: Name,
    pub ty: FactType,
    pub initial: Option<Value>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDecl {
    pub name: Name,
    pub title: Text,
}

/// Where a source reference points: a seed file or guideline, and a part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub document: Text,
    pub part: Option<Text>,
}

/// Fields every node kind may carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Common {
    pub clinical: Option<Text>,
    pub why: Option<Text>,
    pub sources: Vec<SourceRef>,
    pub tags: Vec<Name>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeDecl {
    pub name: Name,
    /// Index into `Document::sections`.
    pub section: Option<usize>,
    pub common: Common,
    pub kind: NodeKindDecl,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKindDecl {
    Question(Box<QuestionDecl>),
    Decide(DecideDecl),
    Outcome(OutcomeDecl),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionDecl {
    pub ask: Option<Text>,
    pub multiple: Option<Span>,
    pub number: Option<NumberSpec>,
    pub skip: Option<(Expr, Name)>,
    pub arms: Vec<ArmDecl>,
    pub then: Option<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSpec {
    pub min: i64,
    pub max: i64,
    pub unit: Option<Text>,
    pub into: Option<Name>,
    pub span: Span,
}

/// Which answer an arm is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArmKey {
    /// `yes`, `no` or `unsure`.
    YesNo(Name),
    /// `answer id "label"`.
    Answer(Name),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmDecl {
    pub key: ArmKey,
    pub label: Option<Text>,
    pub synonyms: Vec<Text>,
    pub target: Option<Name>,
    pub effects: Vec<Effect>,
    pub span: Span,
}

/// A target with the effects of taking it (`then`, `when`, `otherwise`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub target: Name,
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Set { fact: Name, value: Option<Value> },
    Note { lay: Text, therapist: Option<Text> },
    Finding(Text),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideDecl {
    pub arms: Vec<(Expr, Step)>,
    pub otherwise: Option<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A condition, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Compare {
        name: Name,
        op: CompareOp,
        value: Value,
    },
    In {
        name: Name,
        values: Vec<Value>,
    },
    AnyTagged {
        tag: Name,
        values: Vec<Value>,
    },
    Truth(Name),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    Treat,
    Modify,
    Refer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Routine,
    Urgent,
    Emergency,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictDecl {
    pub kind: VerdictKind,
    pub urgency: Option<Urgency>,
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeDecl {
    pub verdict: Option<VerdictDecl>,
    pub title: Option<Text>,
    pub plan: Vec<Text>,
    pub avoid: Vec<Text>,
    pub selfcare: Vec<Text>,
    pub safety: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantDecl {
    pub text: Text,
    pub when: Expr,
    pub then: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDecl {
    pub name: Text,
    /// `id=value` pairs; values stay raw text until the compiler knows the question.
    pub answers: Vec<(Name, Text)>,
    pub expectations: Vec<Expectation>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    Verdict {
        kind: VerdictKind,
        urgency: Option<Urgency>,
        span: Span,
    },
    Outcome(Name),
    Note(Text),
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// `Easy`, `Medium` or `Hard`, as `rehearse --list` shows it.
    pub fn word(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}

/// A client story for rehearsal: a case with an id, a story and a difficulty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VignetteDecl {
    pub name: Name,
    pub title: Text,
    pub difficulty: Option<Difficulty>,
    pub story: Vec<Text>,
    pub case: CaseDecl,
}
