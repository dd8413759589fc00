//! The compiled question graph: immutable, shared by every session.

use std::collections::HashMap;

use petgraph::graph::DiGraph;
use serde::{Deserialize, Serialize};

use super::{AnswerValue, Cond, Domain, Value};
use crate::diagnostic::Span;
use crate::source::SourceFile;

pub use crate::syntax::ast::Urgency;

/// A compiled knowledge folder.
#[derive(Debug, Clone)]
pub struct Flow {
    pub meta: Meta,
    /// Questions, decide nodes and outcomes; `graph` node `i` is `nodes[i]`.
    pub nodes: Vec<Node>,
    /// Edges carry the answer or condition that leads along them.
    pub graph: DiGraph<usize, Edge>,
    pub start: usize,
    pub facts: Vec<Fact>,
    pub sections: Vec<Section>,
    pub invariants: Vec<Invariant>,
    pub cases: Vec<Case>,
    pub vignettes: Vec<Vignette>,
    /// The source text, so later stages can point at it.
    pub files: Vec<SourceFile>,
    /// Per node: how many questions can still come.
    pub questions_left: Vec<super::QuestionsLeft>,
    /// Every node, each after all nodes that lead to it, breadth first from
    /// the start: the order the analyses walk the graph in.
    pub order: Vec<usize>,
    pub(crate) by_id: HashMap<String, usize>,
    /// Local id -> the node, or `None` when several files have that local id.
    pub(crate) by_local: HashMap<String, Option<usize>>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub document: String,
    pub part: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub name: String,
    pub domain: Domain,
    pub initial: Option<Value>,
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
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Question(Question),
    Decide(Decide),
    Outcome(Outcome),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    YesNo,
    Single,
    Multiple,
    Number,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub ask: String,
    pub form: Form,
    pub answers: Vec<Answer>,
    /// Where `multiple` and `number` questions go on.
    pub then: Option<Step>,
    /// `skip when`: the condition, and where the walk goes when it holds.
    pub skip: Option<(Cond, usize)>,
    pub range: Option<(i64, i64)>,
    pub unit: Option<String>,
    /// The number fact a number answer is stored in.
    pub into: Option<usize>,
}

impl Question {
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.iter().find(|answer| answer.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub id: String,
    pub label: String,
    pub synonyms: Vec<String>,
    /// `None` for answers of a `multiple` question.
    pub target: Option<usize>,
    pub effects: Vec<Effect>,
}

/// Going to `target`, with the effects of going there.
#[derive(Debug, Clone)]
pub struct Step {
    pub target: usize,
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub lay: String,
    pub therapist: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Effect {
    Set { fact: usize, value: Value },
    Note(Note),
    Finding(String),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Treat,
    Modify,
    Refer,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Treat => "treat",
            Verdict::Modify => "modify",
            Verdict::Refer => "refer",
        }
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    pub verdict: Verdict,
    /// Set exactly when `verdict` is `Refer`.
    pub urgency: Option<Urgency>,
    pub title: String,
    pub plan: Vec<String>,
    pub avoid: Vec<String>,
    pub selfcare: Vec<String>,
    pub safety: Vec<String>,
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
    /// (question node, answer) in the order written.
    pub answers: Vec<(usize, AnswerValue)>,
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
    pub case: Case,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expectation {
    Verdict(Verdict, Option<Urgency>),
    Outcome(usize),
    Note(String),
}

impl Node {
    /// The id as written in its own file: `saddle_numbness`.
    pub fn local(&self) -> &str {
        self.id.get(self.local_start as usize..).unwrap_or(&self.id)
    }
}

impl Flow {
    /// The node with this id: qualified (`emergency.fever`) or, when only one
    /// file has it, unqualified (`fever`).
    pub fn find(&self, id: &str) -> Option<usize> {
        if let Some(&index) = self.by_id.get(id) {
            return Some(index);
        }
        self.by_local.get(id).copied().flatten()
    }

    pub fn question(&self, index: usize) -> Option<&Question> {
        match &self.nodes.get(index)?.kind {
            NodeKind::Question(question) => Some(question),
            _ => None,
        }
    }

    pub fn outcome(&self, index: usize) -> Option<&Outcome> {
        match &self.nodes.get(index)?.kind {
            NodeKind::Outcome(outcome) => Some(outcome),
            _ => None,
        }
    }

    /// The shortest unambiguous way to name a node: its local id when unique.
    /// `?` for an index that names no node.
    pub fn short_id(&self, index: usize) -> &str {
        let Some(node) = self.nodes.get(index) else {
            return "?";
        };
        if self.find(node.local()) == Some(index) {
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
