//! `backcheck graph --format json`: the documented, stable export of the
//! compiled graph (docs/graph-json.md), for other tools to read. Change a field
//! only together with `version` and the document.

use serde::Serialize;

use super::VerdictJson;
use super::graph_parts::{EdgeWords, edge_words, edges};
use crate::compile::{Flow, Form, NodeKind, Section, SourceRef};

/// The value of `"format"`: tells a reader what it is holding.
pub const GRAPH_FORMAT: &str = "backcheck-graph";
/// The value of `"version"`; raised when a field changes meaning or goes away.
pub const GRAPH_VERSION: u32 = 1;

/// The whole export.
#[derive(Debug, Serialize)]
pub struct GraphJson<'f> {
    pub format: &'static str,
    pub version: u32,
    pub knowledge: KnowledgeJson<'f>,
    /// Id of the first question.
    pub start: &'f str,
    pub sections: &'f [Section],
    pub nodes: Vec<NodeJson<'f>>,
    pub edges: Vec<EdgeJson<'f>>,
}

/// Which knowledge the graph was compiled from.
#[derive(Debug, Serialize)]
pub struct KnowledgeJson<'f> {
    pub name: &'f str,
    pub title: &'f str,
    pub version: &'f str,
    pub hash: &'f str,
}

/// One node: the fields every kind has, then its kind's own.
#[derive(Debug, Serialize)]
pub struct NodeJson<'f> {
    pub id: &'f str,
    pub kind: &'static str,
    pub section: Option<&'f str>,
    /// A question's `ask`, an outcome's `title`; null for a decide node.
    pub text: Option<&'f str>,
    pub clinical: Option<&'f str>,
    pub why: Option<&'f str>,
    pub sources: &'f [SourceRef],
    pub tags: &'f [String],
    #[serde(flatten)]
    pub detail: DetailJson<'f>,
}

/// The fields only one kind of node has.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum DetailJson<'f> {
    Question {
        form: Form,
        answers: Vec<AnswerJson<'f>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<&'f str>,
    },
    Decide {},
    Outcome {
        /// `verdict`, and `urgency`: null unless the verdict is refer.
        #[serde(flatten)]
        verdict: VerdictJson,
    },
}

#[derive(Debug, Serialize)]
pub struct AnswerJson<'f> {
    pub id: &'f str,
    pub label: &'f str,
}

/// One edge; `kind` and its `answer` or `condition` come from the node it leaves.
#[derive(Debug, Serialize)]
pub struct EdgeJson<'f> {
    pub from: &'f str,
    pub to: &'f str,
    #[serde(flatten)]
    edge: EdgeWords<'f>,
}

impl<'f> GraphJson<'f> {
    /// The export of a compiled flow.
    pub fn of(flow: &'f Flow) -> GraphJson<'f> {
        let nodes = flow.nodes.iter().map(|node| NodeJson {
            id: &node.id,
            kind: match node.kind {
                NodeKind::Question(_) => "question",
                NodeKind::Decide(_) => "decide",
                NodeKind::Outcome(_) => "outcome",
            },
            section: node
                .section
                .and_then(|s| flow.sections.get(s))
                .map(|s| s.id.as_str()),
            text: match &node.kind {
                NodeKind::Question(question) => Some(&question.ask),
                NodeKind::Outcome(outcome) => Some(&outcome.title),
                NodeKind::Decide(_) => None,
            },
            clinical: node.clinical.as_deref(),
            why: node.why.as_deref(),
            sources: &node.sources,
            tags: &node.tags,
            detail: detail(&node.kind),
        });
        GraphJson {
            format: GRAPH_FORMAT,
            version: GRAPH_VERSION,
            knowledge: KnowledgeJson {
                name: &flow.meta.name,
                title: &flow.meta.title,
                version: &flow.meta.version,
                hash: &flow.meta.hash,
            },
            start: flow
                .nodes
                .get(flow.start.index())
                .map_or("", |n| n.id.as_str()),
            sections: &flow.sections,
            nodes: nodes.collect(),
            edges: edges(flow)
                .into_iter()
                .map(|(from, to, edge)| EdgeJson {
                    from: &flow.nodes[from].id,
                    to: &flow.nodes[to].id,
                    edge: edge_words(flow, from, edge),
                })
                .collect(),
        }
    }
}

fn detail(kind: &NodeKind) -> DetailJson<'_> {
    match kind {
        NodeKind::Question(question) => DetailJson::Question {
            form: question.form(),
            answers: question
                .answers
                .iter()
                .map(|answer| AnswerJson {
                    id: &answer.id,
                    label: &answer.label,
                })
                .collect(),
            min: question.range().map(|(min, _)| min),
            max: question.range().map(|(_, max)| max),
            unit: question.unit(),
        },
        NodeKind::Decide(_) => DetailJson::Decide {},
        NodeKind::Outcome(outcome) => DetailJson::Outcome {
            verdict: outcome.verdict.into(),
        },
    }
}
