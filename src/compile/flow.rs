//! The compiled question graph: immutable, shared by every session.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::{AnswerValue, Cond, Domain, Value};
use crate::diagnostic::Span;
use crate::source::SourceFile;

pub use crate::syntax::ast::Urgency;

/// A node of the graph (a question, decide node or outcome): its place in
/// `Flow::nodes`, which is also its petgraph index. A type of its own, so a
/// node cannot be mistaken for a fact, an answer, a section or a step of a
/// walk, all of which are numbered too: a bare number is refused.
///
/// ```compile_fail
/// fn ask(flow: &backcheck::compile::Flow) {
///     flow.question(0); // a number, not a node
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(usize);

impl NodeId {
    /// Where a target stands while the compiler waits for the folder's
    /// names; compiling replaces every one, or fails.
    pub(crate) const PENDING: NodeId = NodeId(usize::MAX);

    pub fn new(index: usize) -> NodeId {
        NodeId(index)
    }

    /// The place in `Flow::nodes`.
    pub fn index(self) -> usize {
        self.0
    }
}

/// A compiled knowledge folder.
#[derive(Debug, Clone)]
pub struct Flow {
    pub(in crate::compile) meta: Meta,
    /// Questions, decide nodes and outcomes; `graph` node `i` is `nodes[i]`.
    pub(in crate::compile) nodes: Vec<Node>,
    /// Each node's weight is its own id; edges carry the answer or condition
    /// that leads along them.
    pub(in crate::compile) graph: DiGraph<NodeId, Edge>,
    pub(in crate::compile) start: NodeId,
    pub(in crate::compile) facts: Vec<Fact>,
    /// The tag vocabulary.
    pub(in crate::compile) tags: Vec<TagDef>,
    pub(in crate::compile) sections: Vec<Section>,
    pub(in crate::compile) invariants: Vec<Invariant>,
    pub(in crate::compile) cases: Vec<Case>,
    pub(in crate::compile) vignettes: Vec<Vignette>,
    /// The vocabulary of massage changes notes and outcomes name.
    pub(in crate::compile) changes: Vec<super::Change>,
    /// The nerve-root table: every `sign` of the folder.
    pub(in crate::compile) root_table: super::RootTable,
    /// The source text, so later stages can point at it.
    pub(in crate::compile) files: Vec<SourceFile>,
    /// Per node: how many questions can still come.
    pub(in crate::compile) questions_left: Vec<super::QuestionsLeft>,
    /// Every node, each after all nodes that lead to it, breadth first from
    /// the start: the order the analyses walk the graph in.
    pub(in crate::compile) order: Vec<NodeId>,
    pub(in crate::compile) by_id: HashMap<String, NodeId>,
    /// Local id -> the node, or `None` when several files have that local id.
    pub(in crate::compile) by_local: HashMap<String, Option<NodeId>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub name: String,
    pub title: String,
    pub version: String,
    pub disclaimer: Option<String>,
    /// Content hash of the knowledge folder's files.
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
}

/// Where a node's knowledge comes from: a document's full title and the part
/// of it used. A source declared with `source ID { ... }` also keeps its id
/// and kind (`seed` or `guideline`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub document: String,
    pub part: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The seed document's file, for therapists and JSON (`file "..."`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Where a citation by id was written, until it is resolved.
    #[serde(skip)]
    pub(crate) cited_at: Option<crate::diagnostic::Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub name: String,
    pub domain: Domain,
    pub initial: Option<Value>,
    /// `means someone_else`: while true, someone answers for the person.
    pub someone_else: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Node {
    /// Qualified id: `emergency.saddle_numbness`.
    pub id: String,
    /// Where the id as written in its own file starts in `id`.
    pub(crate) local_start: u32,
    /// Index into `Flow::sections`.
    pub section: Option<usize>,
    pub clinical: Option<String>,
    pub why: Option<String>,
    pub sources: Vec<SourceRef>,
    pub tags: Vec<String>,
    /// Where each of `tags` is written.
    pub(crate) tag_spans: Vec<Span>,
    /// What its tags mean, from the folder's `tag` declarations.
    pub marks: Marks,
    pub span: Span,
    pub kind: NodeKind,
}

/// What a node's tags mean to the checks (`tag ... means ...`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// A danger sign: "not sure" counts as yes, it needs an invariant and
    /// a case, and it is asked before any exit of lower urgency.
    pub red_flag: bool,
    /// How soon the red flag refers.
    pub urgency: Option<Urgency>,
    /// A referral for someone the screen is not for: no red-flag order.
    pub out_of_scope: bool,
    /// A nerve check: its findings say which roots they point to.
    pub neuro: bool,
}

pub use crate::syntax::ast::TagMeaning;

/// A declared tag: `tag red_flag "A sign of serious disease" means red_flag`.
#[derive(Debug, Clone)]
pub struct TagDef {
    pub name: String,
    pub description: String,
    pub meaning: Option<TagMeaning>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Question(Question),
    Decide(Decide),
    Outcome(Outcome),
}

/// A question's kind by name alone, as the JSON outputs show it (`yes_no`,
/// `single`, `multiple`, `number`) and as the compiler tells the kinds apart
/// before it builds one. What a question holds is [`QuestionKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    YesNo,
    Single,
    Multiple,
    Number,
}

/// A question: what is asked, and what its kind holds (its answers among them).
///
/// Adding a kind of question (a trial `Date` kind: the compiler named 21
/// files, none of which matches kinds with a wildcard):
/// 1. Its syntax, which the compiler cannot point to: `grammar/flow.pest`,
///    `syntax/ast.rs`, `syntax/parser.rs`, `syntax/format/layout.rs`, and
///    the keywords of `syntax/syntax_error.rs` and `lsp/completion.rs`.
/// 2. A variant of [`QuestionKind`] and of [`Form`] (its name in JSON), then
///    every place the compiler names:
///    - compile: `compile/flow.rs` (here), `compile_node.rs`,
///      `compile_within.rs`, `compile_condition.rs`, `resolve.rs`;
///    - engine: `engine/session.rs`, `engine/reasons.rs`, and in
///      `engine/understand/`: `mod.rs`, `answer_error.rs`, `choices.rs`,
///      `decision.rs`;
///    - check: `check/answer_classes.rs`, `verify.rs`, `lint_questions.rs`,
///      `lint_wording.rs`, `red_flag_rules.rs`;
///    - screens: `repl/render.rs`, `report/explain.rs`,
///      `rehearse/story_facts.rs`;
///    - `tests/never_panic.rs`, `benches/answer.rs`.
/// 3. A case in the shipped knowledge that answers one.
#[derive(Debug, Clone)]
pub struct Question {
    pub ask: String,
    /// `skip when`: the condition, and where the walk goes when it holds.
    pub skip: Option<(Cond, NodeId)>,
    /// `applies when`: on a red flag, the walks it applies to. The
    /// red-flag order lets a walk that ends below the flag's urgency pass
    /// it unasked only where this is false at the end of the walk.
    pub applies: Option<Cond>,
    pub kind: QuestionKind,
}

/// What each kind of question holds: its answers as written, or the number
/// it takes. Matched in full wherever the kind matters, so a new kind cannot
/// be forgotten; [`Question::answers`] reads the answers of any kind.
#[derive(Debug, Clone)]
pub enum QuestionKind {
    /// Answers `yes`, `no` and maybe `unsure` ([`YesNo`](super::YesNo)),
    /// each with its own way on.
    YesNo { answers: Vec<Answer> },
    /// One of the answers, each with its own way on.
    Single { answers: Vec<Answer> },
    /// Any of the answers, which have no target: the question goes on by `then`.
    Multiple { answers: Vec<Answer>, then: Step },
    /// A whole number in `range`, both ends included.
    Number {
        range: (i64, i64),
        unit: Option<String>,
        /// The number fact the answer is stored in.
        into: Option<usize>,
        then: Step,
    },
}

impl Question {
    /// The answers as written; none for a number question.
    pub fn answers(&self) -> &[Answer] {
        match &self.kind {
            QuestionKind::YesNo { answers }
            | QuestionKind::Single { answers }
            | QuestionKind::Multiple { answers, .. } => answers,
            QuestionKind::Number { .. } => &[],
        }
    }

    /// The answers, to be changed in memory: while compiling, and a
    /// mutant's. Empty for a number question.
    pub(crate) fn answers_mut(&mut self) -> &mut [Answer] {
        match &mut self.kind {
            QuestionKind::YesNo { answers }
            | QuestionKind::Single { answers }
            | QuestionKind::Multiple { answers, .. } => answers,
            QuestionKind::Number { .. } => &mut [],
        }
    }

    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers().iter().find(|answer| answer.id == id)
    }

    /// The kind by name, for the JSON outputs.
    pub fn form(&self) -> Form {
        match self.kind {
            QuestionKind::YesNo { .. } => Form::YesNo,
            QuestionKind::Single { .. } => Form::Single,
            QuestionKind::Multiple { .. } => Form::Multiple,
            QuestionKind::Number { .. } => Form::Number,
        }
    }

    /// Where a `multiple` or `number` question goes on.
    pub fn then(&self) -> Option<&Step> {
        match &self.kind {
            QuestionKind::Multiple { then, .. } | QuestionKind::Number { then, .. } => Some(then),
            QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => None,
        }
    }

    pub fn then_mut(&mut self) -> Option<&mut Step> {
        match &mut self.kind {
            QuestionKind::Multiple { then, .. } | QuestionKind::Number { then, .. } => Some(then),
            QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => None,
        }
    }

    /// The number fact a number answer is stored in.
    pub fn into_fact(&self) -> Option<usize> {
        match self.kind {
            QuestionKind::Number { into, .. } => into,
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => None,
        }
    }

    /// The lowest and highest number a number question takes.
    pub fn range(&self) -> Option<(i64, i64)> {
        match self.kind {
            QuestionKind::Number { range, .. } => Some(range),
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => None,
        }
    }

    /// What a number question's number counts (`years`).
    pub fn unit(&self) -> Option<&str> {
        match &self.kind {
            QuestionKind::Number { unit, .. } => unit.as_deref(),
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => None,
        }
    }

    /// The answers as `run --answers` and cases name them: `1 (yes)`,
    /// `2 (no)`, ... or the range of a number.
    pub fn valid_answers(&self) -> Vec<String> {
        match self.kind {
            QuestionKind::Number {
                range: (min, max), ..
            } => {
                vec![format!("a number from {min} to {max}")]
            }
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => self
                .answers()
                .iter()
                .enumerate()
                .map(|(i, a)| format!("{} ({})", i + 1, a.id))
                .collect(),
        }
    }

    /// An answer as a case in the language writes it: an answer id, ids
    /// joined by `+` for several choices, or a whole number in range.
    /// Everyday words are for people, and are read by the engine.
    pub fn by_ids(&self, text: &str) -> Option<AnswerValue> {
        match self.kind {
            QuestionKind::Number {
                range: (min, max), ..
            } => {
                let n: i64 = text.parse().ok()?;
                (min..=max).contains(&n).then_some(AnswerValue::Number(n))
            }
            QuestionKind::Multiple { .. } => {
                let mut chosen = Vec::new();
                for id in text.split('+') {
                    let answer = self.answer(id)?;
                    if !chosen.contains(&answer.id) {
                        chosen.push(answer.id.clone());
                    }
                }
                chosen.sort_by_key(|id| self.answers().iter().position(|a| a.id == *id));
                Some(AnswerValue::Many(chosen))
            }
            QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {
                Some(AnswerValue::Choice(self.answer(text)?.id.clone()))
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub id: String,
    pub label: String,
    pub synonyms: Vec<String>,
    /// The length of time or the numbers this answer covers (`within 0..6 weeks`).
    pub within: Option<Within>,
    /// `None` for answers of a `multiple` question.
    pub target: Option<NodeId>,
    pub effects: Vec<Effect>,
}

/// What an answer covers (`within 0..6 weeks`, `within 3 months..`,
/// `within 16..49`): a typed length of time or number inside it chooses the
/// answer. Both ends are included; a value on the end of one answer and the
/// start of the next belongs to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Within {
    pub measure: Measure,
    /// In days for [`Measure::Days`].
    pub low: i64,
    /// `None`: no upper end.
    pub high: Option<i64>,
}

/// What a [`Within`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    /// A length of time, in days.
    Days,
    /// A plain number, such as an age.
    Number,
}

/// Going to `target`, with the effects of going there.
#[derive(Debug, Clone)]
pub struct Step {
    pub target: NodeId,
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub lay: String,
    pub therapist: Option<String>,
    /// The declared changes ([`super::Change`]) this note asks for, by id;
    /// left out of the JSON when there are none, and empty in a save made
    /// before notes had them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Effect {
    Set { fact: usize, value: Value },
    Note(Note),
    Finding(super::Finding),
}

#[derive(Debug, Clone)]
pub struct DecideArm {
    pub condition: Cond,
    /// The condition as the author wrote it, for explanations.
    pub text: String,
    pub step: Step,
}

#[derive(Debug, Clone)]
pub struct Decide {
    pub arms: Vec<DecideArm>,
    pub otherwise: Step,
}

/// What an outcome decides. A referral always says how soon, and only a
/// referral does: the type leaves no room for a referral without an urgency.
// No serde: JSON shows a verdict as two fields (`report::VerdictJson`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Massage is suitable.
    Treat,
    /// Massage is suitable with named changes.
    Modify,
    /// No massage now; see a doctor this soon.
    Refer(Urgency),
}

impl Verdict {
    /// The verdict without its urgency: `treat`, `modify` or `refer`, as the
    /// JSON outputs' `verdict` field and invariants' `verdict ==` name it.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Treat => "treat",
            Verdict::Modify => "modify",
            Verdict::Refer(_) => "refer",
        }
    }

    /// How soon to see a doctor: `Some` exactly for a referral.
    pub fn urgency(self) -> Option<Urgency> {
        match self {
            Verdict::Refer(urgency) => Some(urgency),
            Verdict::Treat | Verdict::Modify => None,
        }
    }

    pub fn is_referral(self) -> bool {
        matches!(self, Verdict::Refer(_))
    }
}

/// The one human form of a verdict, in every output: `treat`, `modify`,
/// `refer urgent`. It is also how authors write it (`verdict refer urgent`)
/// and therapists commit to it in rehearsal.
impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Refer(urgency) => write!(f, "refer {urgency}"),
            other => f.write_str(other.word()),
        }
    }
}

impl std::fmt::Display for Urgency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}

impl Urgency {
    pub fn word(self) -> &'static str {
        match self {
            Urgency::Routine => "routine",
            Urgency::Urgent => "urgent",
            Urgency::Emergency => "emergency",
        }
    }

    pub fn from_word(word: &str) -> Option<Urgency> {
        match word {
            "routine" => Some(Urgency::Routine),
            "urgent" => Some(Urgency::Urgent),
            "emergency" => Some(Urgency::Emergency),
            _ => None,
        }
    }
}

impl Serialize for Urgency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.word())
    }
}

impl<'de> Deserialize<'de> for Urgency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Urgency, D::Error> {
        let word = String::deserialize(deserializer)?;
        Urgency::from_word(&word).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{word}` is not an urgency (emergency, urgent, routine)"
            ))
        })
    }
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub verdict: Verdict,
    pub title: String,
    /// What to do, said to the person.
    pub plan: Vec<String>,
    /// The plan for the therapist: technique, pressure, positions.
    pub therapist_plan: Vec<String>,
    pub avoid: Vec<String>,
    pub selfcare: Vec<String>,
    pub safety: Vec<String>,
    /// `"..." when COND`: lines shown only when their condition holds.
    pub when: Vec<AdviceCondition>,
    /// The declared changes ([`super::Change`]) this outcome asks for, by id.
    pub changes: Vec<String>,
    /// `"..." clinically "..."`: lines in a therapist's words, by field and
    /// place (`Outcome::advice_for`).
    pub clinically: Vec<(AdviceField, usize, String)>,
}

pub use crate::syntax::ast::AdviceField;

/// The condition a line of advice is shown under.
#[derive(Debug, Clone)]
pub struct AdviceCondition {
    pub field: AdviceField,
    /// The line's place in its field.
    pub line: usize,
    pub condition: Cond,
}

impl Outcome {
    /// The lines of `field` that fit this walk: each line whose `when`
    /// holds for `walk`, or that has none.
    pub fn advice<'o>(&'o self, field: AdviceField, walk: &impl super::Lookup) -> Vec<&'o str> {
        self.advice_for(field, walk, false)
    }

    /// [`Outcome::advice`], each line in a therapist's words (`clinically`)
    /// where it has them and `clinical` is asked for.
    pub fn advice_for<'o>(
        &'o self,
        field: AdviceField,
        walk: &impl super::Lookup,
        clinical: bool,
    ) -> Vec<&'o str> {
        let lines = match field {
            AdviceField::Plan => &self.plan,
            AdviceField::Avoid => &self.avoid,
            AdviceField::Selfcare => &self.selfcare,
            AdviceField::Safety => &self.safety,
        };
        (lines.iter().enumerate())
            .filter(|(at, _)| {
                (self.when.iter())
                    .filter(|w| w.field == field && w.line == *at)
                    .all(|w| super::eval(&w.condition, walk))
            })
            .map(|(at, line)| {
                (self.clinically.iter())
                    .find(|(f, l, _)| clinical && *f == field && *l == at)
                    .map_or(line.as_str(), |(_, _, words)| words.as_str())
            })
            .collect()
    }
}

/// What an edge of the graph stands for. The words (an answer id, a
/// condition) stay with the node the edge leaves; the edge only points at them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The question's answer at this index of `Question::answers`.
    Answer(usize),
    /// A multiple-choice or number question goes on.
    Then,
    /// The question is skipped: its `skip when` holds.
    Skip,
    /// The decide node's `when` arm at this index of `Decide::arms`.
    Condition(usize),
    Otherwise,
}

#[derive(Debug, Clone)]
pub struct Invariant {
    pub text: String,
    pub when: Cond,
    pub then: Cond,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// (question node, answer) in the order written, then the `baseline`'s
    /// answers to the questions the case does not answer.
    pub answers: Vec<(NodeId, AnswerValue)>,
    /// The questions whose answer came from the `baseline`: a walk need not
    /// ask them all.
    pub from_baseline: Vec<NodeId>,
    pub expectations: Vec<Expectation>,
    pub span: Span,
}

pub use crate::syntax::ast::Difficulty;

/// A client story for rehearsal; its case holds the client's answers and
/// the verdict the graph reaches.
#[derive(Debug, Clone)]
pub struct Vignette {
    pub id: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub story: Vec<String>,
    /// The questions whose answers the story states (`tells`): known to a
    /// therapist who reads it, asked or not.
    pub tells: Vec<NodeId>,
    pub case: Case,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    /// `expect treat`, `expect refer urgent`: exactly this verdict.
    Verdict(Verdict),
    /// `expect refer`: a referral, however urgent.
    Referral,
    Outcome(NodeId),
    Note(String),
}

impl Node {
    /// A danger sign: tagged with a tag that means `red_flag`.
    pub fn is_red_flag(&self) -> bool {
        self.marks.red_flag
    }

    /// The id as written in its own file: `saddle_numbness`.
    pub fn local(&self) -> &str {
        self.id.get(self.local_start as usize..).unwrap_or(&self.id)
    }
}

/// What a flow holds, read only: the compiler builds a flow whole, and only
/// the mutants of `backcheck mutate` change one (through the crate's own
/// `_mut` methods, then `rebuild`).
impl Flow {
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Questions, decide nodes and outcomes, each at the place its
    /// [`NodeId`] names.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Where every walk begins.
    pub fn start(&self) -> NodeId {
        self.start
    }

    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// The tag vocabulary.
    pub fn tags(&self) -> &[TagDef] {
        &self.tags
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    pub fn invariants(&self) -> &[Invariant] {
        &self.invariants
    }

    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    pub fn vignettes(&self) -> &[Vignette] {
        &self.vignettes
    }

    /// The declared massage changes, in file order.
    pub fn changes(&self) -> &[super::Change] {
        &self.changes
    }

    /// A declared change by its id.
    pub fn change(&self, id: &str) -> Option<&super::Change> {
        self.changes.iter().find(|c| c.id == id)
    }

    /// The source text, so later stages can point at it.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// How many questions can still come from this node on.
    pub fn questions_left(&self, id: NodeId) -> super::QuestionsLeft {
        self.questions_left[id.index()]
    }

    /// Every node, each after all nodes that lead to it, breadth first from
    /// the start: the order the analyses walk the graph in. Nodes on a
    /// cycle are left out, so it is whole exactly when the graph is acyclic.
    pub fn order(&self) -> &[NodeId] {
        &self.order
    }

    /// Every node, each after all nodes that lead to it, depth first (as
    /// petgraph's `toposort` orders them); `None` when the graph has a cycle.
    pub fn depth_first_order(&self) -> Option<Vec<NodeId>> {
        let order = petgraph::algo::toposort(&self.graph, None).ok()?;
        Some(order.into_iter().map(|ix| self.graph[ix]).collect())
    }

    /// Where the edges from this node lead, the last added first; a node
    /// reached by two edges comes twice.
    pub fn successors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.neighbors(id, Direction::Outgoing)
    }

    /// Where the edges into this node come from, the last added first; a
    /// node with two edges into it comes twice.
    pub fn predecessors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.neighbors(id, Direction::Incoming)
    }

    fn neighbors(&self, id: NodeId, direction: Direction) -> impl Iterator<Item = NodeId> + '_ {
        self.graph
            .neighbors_directed(NodeIndex::new(id.index()), direction)
            .map(|ix| self.graph[ix])
    }

    /// Every edge as (from, to, what it stands for), in the order the
    /// compiler added them.
    pub fn edges(&self) -> impl Iterator<Item = (NodeId, NodeId, &Edge)> + '_ {
        self.graph.edge_references().map(|edge| {
            (
                self.graph[edge.source()],
                self.graph[edge.target()],
                edge.weight(),
            )
        })
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node, to be changed in memory: a mutant's. Call
    /// [`Flow::rebuild`] after.
    pub(crate) fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    pub(crate) fn invariants_mut(&mut self) -> &mut Vec<Invariant> {
        &mut self.invariants
    }

    #[cfg(test)]
    pub(crate) fn cases_mut(&mut self) -> &mut Vec<Case> {
        &mut self.cases
    }
}

impl Flow {
    /// The node with this id: qualified (`emergency.fever`) or, when only one
    /// file has it, unqualified (`fever`).
    pub fn find(&self, id: &str) -> Option<NodeId> {
        if let Some(&index) = self.by_id.get(id) {
            return Some(index);
        }
        self.by_local.get(id).copied().flatten()
    }

    /// The node itself. Every `NodeId` a flow hands out names one of its
    /// nodes; an id made up with `NodeId::new` past the end panics, as slice
    /// indexing does.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Every node's id, in `nodes` order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + use<> {
        (0..self.nodes.len()).map(NodeId::new)
    }

    pub fn question(&self, id: NodeId) -> Option<&Question> {
        match &self.nodes.get(id.index())?.kind {
            NodeKind::Question(question) => Some(question),
            _ => None,
        }
    }

    pub fn outcome(&self, id: NodeId) -> Option<&Outcome> {
        match &self.nodes.get(id.index())?.kind {
            NodeKind::Outcome(outcome) => Some(outcome),
            _ => None,
        }
    }

    /// `file:line:col` of a place in the knowledge, as diagnostics show it
    /// (`?` for a span of no file of this flow).
    pub fn location(&self, span: Span) -> String {
        match self.files.get(span.file()) {
            Some(file) => {
                let (line, col) = file.line_col(span.start());
                format!("{}:{line}:{col}", file.path)
            }
            None => "?".into(),
        }
    }

    /// The shortest unambiguous way to name a node: its local id when unique.
    /// `?` for an id that names no node of this flow.
    pub fn short_id(&self, id: NodeId) -> &str {
        let Some(node) = self.nodes.get(id.index()) else {
            return "?";
        };
        if self.find(node.local()) == Some(id) {
            node.local()
        } else {
            &node.id
        }
    }

    /// Ids of every node, for "did you mean" hints.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.nodes
            .iter()
            .flat_map(|node| [node.id.as_str(), node.local()])
    }
}
