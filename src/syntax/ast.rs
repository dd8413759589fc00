//! The syntax tree of one `.flow` file. Every name and text keeps its span so
//! later stages can point at it.

use std::borrow::Cow;

use crate::diagnostic::Span;

/// A name as written, e.g. `saddle_numbness` or `emergency.saddle_numbness`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// A string literal with its escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a> {
    pub text: Cow<'a, str>,
    pub span: Span,
}

/// A value as written: a whole number or a word (`true`, `thigh`, `yes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal<'a> {
    Number(i64),
    Word(&'a str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value<'a> {
    pub literal: Literal<'a>,
    pub span: Span,
}

/// Everything one file declares, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document<'a> {
    pub headers: Vec<Header<'a>>,
    pub facts: Vec<FactDecl<'a>>,
    pub sections: Vec<SectionDecl<'a>>,
    pub nodes: Vec<NodeDecl<'a>>,
    pub invariants: Vec<InvariantDecl<'a>>,
    pub cases: Vec<CaseDecl<'a>>,
    /// `baseline { answers ... }`: the answers every case builds on.
    pub baselines: Vec<BaselineDecl<'a>>,
    pub vignettes: Vec<VignetteDecl<'a>>,
    pub tags: Vec<TagDecl<'a>>,
    pub sources: Vec<SourceDecl<'a>>,
    /// `sign ID { ... }`: the rows of the nerve-root table.
    pub signs: Vec<SignDecl<'a>>,
    /// `change ID { label ... }`: the massage changes notes and outcomes name.
    pub changes: Vec<ChangeDecl<'a>>,
}

/// `change no_prone { label "..." synonyms "..." source ID }`: one change to
/// a massage, in the words a therapist would use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeDecl<'a> {
    pub name: Name<'a>,
    pub label: Option<Text<'a>>,
    pub synonyms: Vec<Text<'a>>,
    pub why: Option<Text<'a>>,
    pub sources: Vec<SourceRef<'a>>,
    pub span: Span,
}

/// `tag red_flag "A sign of serious disease" means red_flag`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagDecl<'a> {
    pub name: Name<'a>,
    pub description: Text<'a>,
    pub meaning: Option<TagMeaning>,
}

/// What a tag means to the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagMeaning {
    /// A danger sign.
    RedFlag,
    /// How soon the red flag it is on refers.
    Urgency(Urgency),
    /// On a referral outcome: for someone the screen is not for (a child,
    /// pain that is not lower back pain). The red-flag order does not apply
    /// to it: its safety net, not the red flags, covers the danger signs.
    OutOfScope,
    /// On a question: a nerve check, whose findings must say which nerve
    /// roots they point to (`root L4`, or `root none`).
    Neuro,
}

/// `source ID { title "..." kind seed|guideline section "..." }`: a document
/// and the part of it used, declared once and cited by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDecl<'a> {
    pub name: Name<'a>,
    pub title: Option<Text<'a>>,
    /// `seed` or `guideline`, with its span.
    pub kind: Option<Name<'a>>,
    pub section: Option<Text<'a>>,
    /// `file "..."`: which file of the seeds the document is.
    pub file: Option<Text<'a>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    pub name: Name<'a>,
    pub title: Text<'a>,
    pub version: Option<Text<'a>>,
    pub start: Option<Name<'a>>,
    pub disclaimer: Option<Text<'a>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactType<'a> {
    Bool,
    Number { min: i64, max: i64 },
    Enum(Vec<Name<'a>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDecl<'a> {
    pub name: Name<'a>,
    pub ty: FactType<'a>,
    pub initial: Option<Value<'a>>,
    /// `means someone_else`: the fact says someone answers for the person.
    pub someone_else: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDecl<'a> {
    pub name: Name<'a>,
    pub title: Text<'a>,
    /// From `section` to its closing brace.
    pub span: Span,
}

/// Where a source reference points: a declared source by id
/// (`source ng59_scope`), or a seed file or guideline and a part of it,
/// written in place (`source "NICE NG59" "Scope"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRef<'a> {
    Declared(Name<'a>),
    InPlace {
        document: Text<'a>,
        part: Option<Text<'a>>,
    },
}

/// Fields every node kind may carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Common<'a> {
    pub clinical: Option<Text<'a>>,
    pub why: Option<Text<'a>>,
    pub sources: Vec<SourceRef<'a>>,
    pub tags: Vec<Name<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeDecl<'a> {
    pub name: Name<'a>,
    /// Index into `Document::sections`.
    pub section: Option<usize>,
    pub common: Common<'a>,
    pub kind: NodeKindDecl<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKindDecl<'a> {
    Question(Box<QuestionDecl<'a>>),
    Decide(DecideDecl<'a>),
    Outcome(OutcomeDecl<'a>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionDecl<'a> {
    pub ask: Option<Text<'a>>,
    pub multiple: Option<Span>,
    pub number: Option<NumberSpec<'a>>,
    pub skip: Option<(Expr<'a>, Name<'a>)>,
    /// `applies when COND`: where a red flag applies.
    pub applies: Option<Expr<'a>>,
    pub arms: Vec<ArmDecl<'a>>,
    pub then: Option<Step<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSpec<'a> {
    pub min: i64,
    pub max: i64,
    pub unit: Option<Text<'a>>,
    pub into: Option<Name<'a>>,
    pub span: Span,
}

/// Which answer an arm is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArmKey<'a> {
    /// `yes`, `no` or `unsure`.
    YesNo(Name<'a>),
    /// `answer id "label"`.
    Answer(Name<'a>),
}

/// `within 0..6 weeks`: what an answer covers; a missing bound is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithinDecl<'a> {
    pub low: Option<WithinBound<'a>>,
    pub high: Option<WithinBound<'a>>,
    pub span: Span,
}

/// `6 weeks`, `16`: one end of a `within`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithinBound<'a> {
    /// The number as written.
    pub amount: Name<'a>,
    /// `days`, `weeks`, `months`, `years` (singular or plural), if written.
    pub unit: Option<Name<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmDecl<'a> {
    pub key: ArmKey<'a>,
    pub label: Option<Text<'a>>,
    pub synonyms: Vec<Text<'a>>,
    pub within: Option<WithinDecl<'a>>,
    pub target: Option<Name<'a>>,
    pub effects: Vec<Effect<'a>>,
    pub span: Span,
}

/// A target with the effects of taking it (`then`, `when`, `otherwise`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<'a> {
    pub target: Name<'a>,
    pub effects: Vec<Effect<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect<'a> {
    Set {
        fact: Name<'a>,
        value: Option<Value<'a>>,
    },
    Note {
        lay: Text<'a>,
        therapist: Option<Text<'a>>,
        /// `change ID, ...`: the declared changes the note asks for.
        changes: Vec<Name<'a>>,
    },
    /// `finding "..." root L4, L5`: what a therapist reads, and the nerve
    /// roots it points to, if written.
    Finding {
        text: Text<'a>,
        roots: Option<RootsDecl<'a>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideDecl<'a> {
    pub arms: Vec<(Expr<'a>, Step<'a>)>,
    pub otherwise: Option<Step<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
pub enum Expr<'a> {
    Or(Vec<Expr<'a>>),
    And(Vec<Expr<'a>>),
    Not(Box<Expr<'a>>),
    Compare {
        name: Name<'a>,
        op: CompareOp,
        value: Value<'a>,
    },
    In {
        name: Name<'a>,
        values: Vec<Value<'a>>,
    },
    AnyTagged {
        tag: Name<'a>,
        values: Vec<Value<'a>>,
    },
    Truth(Name<'a>),
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

/// Which list of an outcome's advice a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AdviceField {
    Plan,
    Avoid,
    Selfcare,
    Safety,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeDecl<'a> {
    pub verdict: Option<VerdictDecl>,
    pub title: Option<Text<'a>>,
    pub plan: Vec<Text<'a>>,
    pub therapist_plan: Vec<Text<'a>>,
    pub avoid: Vec<Text<'a>>,
    pub selfcare: Vec<Text<'a>>,
    pub safety: Vec<Text<'a>>,
    /// `"..." when COND`: the advice line it guards, by field and place.
    pub when: Vec<(AdviceField, usize, Expr<'a>)>,
    /// `change ID, ...`: the declared changes this outcome asks for.
    pub changes: Vec<Name<'a>>,
    /// `"..." clinically "..."`: a line in a therapist's words, by field and place.
    pub clinically: Vec<(AdviceField, usize, Text<'a>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantDecl<'a> {
    pub text: Text<'a>,
    pub when: Expr<'a>,
    pub then: Expr<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDecl<'a> {
    pub name: Text<'a>,
    /// `id=value` pairs; values stay raw text until the compiler knows the question.
    pub answers: Vec<(Name<'a>, Text<'a>)>,
    pub expectations: Vec<Expectation<'a>>,
    pub span: Span,
}

/// `baseline { answers ... }`: the all-clear answers cases build on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineDecl<'a> {
    pub answers: Vec<(Name<'a>, Text<'a>)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation<'a> {
    Verdict {
        kind: VerdictKind,
        urgency: Option<Urgency>,
        span: Span,
    },
    Outcome(Name<'a>),
    Note(Text<'a>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
pub struct VignetteDecl<'a> {
    pub name: Name<'a>,
    pub title: Text<'a>,
    pub difficulty: Option<Difficulty>,
    pub story: Vec<Text<'a>>,
    /// `tells ID, ...`: the questions whose answers the story states.
    pub tells: Vec<Name<'a>>,
    pub case: CaseDecl<'a>,
}

/// `root L4, L5` or `root none`: the nerve roots a finding or a sign points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootsDecl<'a> {
    pub names: Vec<Name<'a>>,
    pub span: Span,
}

/// Which test of a nerve root a sign comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TestKind {
    /// Where the skin is numb or tingles (the dermatome).
    Sensory,
    /// Which movement is weak (the myotome).
    Motor,
    /// Which tendon reflex is reduced.
    Reflex,
}

/// `sign ID { reflex "..." root L4, L5 note "..." source ID }`: one row of
/// the nerve-root table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignDecl<'a> {
    pub name: Name<'a>,
    /// The test and the sign in words, if written.
    pub test: Option<(TestKind, Text<'a>)>,
    pub roots: Option<RootsDecl<'a>>,
    pub note: Option<Text<'a>>,
    pub sources: Vec<SourceRef<'a>>,
    pub span: Span,
}
