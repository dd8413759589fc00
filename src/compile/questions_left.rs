//! How many questions can still come from each node, for an honest progress
//! line: at most `max`, and `likely` if nothing worrying turns up (the fewest
//! questions to an outcome that is not a referral).

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{Edge, Node, NodeId, NodeKind};

/// Questions still to come from a node, counting the node itself if it is a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuestionsLeft {
    pub max: u32,
    /// `None` when every way on ends in a referral.
    pub likely: Option<u32>,
}

/// `order` is topological (see `topo_order`).
pub(super) fn questions_left(
    graph: &DiGraph<NodeId, Edge>,
    nodes: &[Node],
    order: &[NodeId],
) -> Vec<QuestionsLeft> {
    let mut left = vec![QuestionsLeft::default(); nodes.len()];
    for &id in order.iter().rev() {
        let index = id.index();
        let ix = NodeIndex::new(index);
        let here = u32::from(matches!(nodes[index].kind, NodeKind::Question(_)));
        if let NodeKind::Outcome(outcome) = &nodes[index].kind {
            left[index] = QuestionsLeft {
                max: 0,
                likely: (!outcome.verdict.is_referral()).then_some(0),
            };
            continue;
        }
        let (mut max, mut likely) = (0, None::<u32>);
        for next in graph.neighbors_directed(ix, Direction::Outgoing) {
            let next = left[graph[next].index()];
            max = max.max(next.max);
            likely = match (likely, next.likely) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        left[index] = QuestionsLeft {
            max: here + max,
            likely: likely.map(|l| l + here),
        };
    }
    left
}
