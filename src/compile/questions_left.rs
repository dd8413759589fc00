//! How many questions can still come from each node, for an honest progress
//! line: at most `max`, and `likely` if nothing worrying turns up (the fewest
//! questions to an outcome that is not a referral).

use petgraph::Direction;
use petgraph::algo::toposort;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{Edge, Node, NodeKind, Verdict};

/// Questions still to come from a node, counting the node itself if it is a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuestionsLeft {
    pub max: u32,
    /// `None` when every way on ends in a referral.
    pub likely: Option<u32>,
}

pub(super) fn questions_left(graph: &DiGraph<usize, Edge>, nodes: &[Node]) -> Vec<QuestionsLeft> {
    let mut left = vec![QuestionsLeft::default(); nodes.len()];
    // The compiler only calls this on an acyclic graph.
    let Ok(order) = toposort(graph, None) else {
        return left;
    };
    for ix in order.into_iter().rev() {
        let index = graph[ix];
        let here = u32::from(matches!(nodes[index].kind, NodeKind::Question(_)));
        if let NodeKind::Outcome(outcome) = &nodes[index].kind {
            left[index] = QuestionsLeft {
                max: 0,
                likely: (outcome.verdict != Verdict::Refer).then_some(0),
            };
            continue;
        }
        let next: Vec<QuestionsLeft> = graph
            .neighbors_directed(ix, Direction::Outgoing)
            .map(|n: NodeIndex| left[graph[n]])
            .collect();
        left[index] = QuestionsLeft {
            max: here + next.iter().map(|l| l.max).max().unwrap_or(0),
            likely: next.iter().filter_map(|l| l.likely).min().map(|l| l + here),
        };
    }
    left
}
