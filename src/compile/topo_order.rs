//! The nodes of the graph in topological order: each after every node that
//! leads to it. Breadth first from the roots (Kahn's algorithm with a
//! queue), which keeps the later stages' work near in memory: few nodes
//! wait at a time. Iterative, so no graph is too long for the stack.

use petgraph::Direction;
use petgraph::graph::DiGraph;

use super::{Edge, NodeId};

/// The nodes in topological order. Nodes on a cycle, and those only a
/// cycle leads to, are left out: the order is whole exactly when the graph
/// is acyclic.
pub(crate) fn breadth_first_order(graph: &DiGraph<NodeId, Edge>) -> Vec<NodeId> {
    let mut waiting_for: Vec<usize> = graph
        .node_indices()
        .map(|ix| graph.neighbors_directed(ix, Direction::Incoming).count())
        .collect();
    let mut order: Vec<_> = graph
        .node_indices()
        .filter(|ix| waiting_for[ix.index()] == 0)
        .collect();
    let mut next = 0;
    while let Some(&ix) = order.get(next) {
        next += 1;
        for to in graph.neighbors(ix) {
            waiting_for[to.index()] -= 1;
            if waiting_for[to.index()] == 0 {
                order.push(to);
            }
        }
    }
    order.into_iter().map(|ix| graph[ix]).collect()
}
