//! The petgraph graph of a flow: one node per node, one edge per way on.

use petgraph::graph::{DiGraph, NodeIndex};

use super::flow::*;

pub(super) fn build_graph(nodes: &[Node]) -> DiGraph<NodeId, Edge> {
    let mut graph = DiGraph::with_capacity(nodes.len(), nodes.iter().map(edge_count).sum());
    for index in 0..nodes.len() {
        graph.add_node(NodeId::new(index));
    }
    let edge = |graph: &mut DiGraph<NodeId, Edge>, from: usize, to: NodeId, label: Edge| {
        if to.index() < nodes.len() {
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to.index()), label);
        }
    };
    for (from, node) in nodes.iter().enumerate() {
        match &node.kind {
            NodeKind::Question(question) => {
                if let Some((_, target)) = question.skip.as_ref() {
                    edge(&mut graph, from, *target, Edge::Skip);
                }
                for (index, answer) in question.answers.iter().enumerate() {
                    if let Some(target) = answer.target {
                        edge(&mut graph, from, target, Edge::Answer(index));
                    }
                }
                if let Some(then) = question.then() {
                    edge(&mut graph, from, then.target, Edge::Then);
                }
            }
            NodeKind::Decide(decide) => {
                for (index, arm) in decide.arms.iter().enumerate() {
                    edge(&mut graph, from, arm.step.target, Edge::Condition(index));
                }
                edge(&mut graph, from, decide.otherwise.target, Edge::Otherwise);
            }
            NodeKind::Outcome(_) => {}
        }
    }
    graph
}

/// How many edges `build_graph` adds for a node (at most: targets out of
/// range are left out), so the edge list is allocated once.
fn edge_count(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Question(question) => {
            usize::from(question.skip.is_some())
                + question
                    .answers
                    .iter()
                    .filter(|a| a.target.is_some())
                    .count()
                + usize::from(question.then().is_some())
        }
        NodeKind::Decide(decide) => decide.arms.len() + 1,
        NodeKind::Outcome(_) => 0,
    }
}
