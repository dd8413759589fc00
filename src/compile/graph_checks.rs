//! Whole-graph errors: cycles, and nodes no path reaches.

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::Dfs;

use super::{Edge, Node, NodeId, NodeKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};

/// One error per loop, at the arm that closes it: a target pointing back
/// at a node written earlier (`backward` lists them, with where they are
/// written), since a loop cannot only go forward.
pub fn cycles(
    graph: &DiGraph<NodeId, Edge>,
    nodes: &[Node],
    backward: &[(NodeId, NodeId, Span)],
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    // Kosaraju walks iteratively: Tarjan's recursion overflows the stack on long chains.
    for component in kosaraju_scc(graph) {
        let looped = component.len() > 1
            || graph
                .neighbors_directed(component[0], Direction::Outgoing)
                .any(|n| n == component[0]);
        if !looped {
            continue;
        }
        let mut members: Vec<usize> = component.iter().map(|ix| graph[*ix].index()).collect();
        members.sort_unstable();
        let names: Vec<&str> = members.iter().map(|&i| nodes[i].id.as_str()).collect();
        let first = &nodes[members[0]];
        let closing = backward.iter().find(|(from, to, _)| {
            members.binary_search(&from.index()).is_ok()
                && members.binary_search(&to.index()).is_ok()
        });
        let (span, label) = match closing {
            Some((_, to, span)) => (
                *span,
                format!(
                    "this leads back to `{}`, closing the loop",
                    nodes[to.index()].id
                ),
            ),
            None => (first.span, "part of a cycle".to_string()),
        };
        errors.push(
            Diagnostic::new(
                DiagnosticKind::Cycle,
                span,
                format!(
                    "these nodes lead back to each other: {}",
                    names.join(" -> ")
                ),
            )
            .with_label(label)
            .with_hint(Some(
                "a conversation must always move forward: point one arm at a later node".into(),
            )),
        );
    }
    errors
}

pub fn unreachable(
    graph: &DiGraph<NodeId, Edge>,
    nodes: &[Node],
    start: NodeId,
) -> Vec<Diagnostic> {
    let mut seen = vec![false; nodes.len()];
    let mut dfs = Dfs::new(graph, NodeIndex::new(start.index()));
    while let Some(ix) = dfs.next(graph) {
        seen[graph[ix].index()] = true;
    }
    nodes
        .iter()
        .zip(seen)
        .filter(|(_, seen)| !seen)
        .map(|(node, _)| {
            let what = match node.kind {
                NodeKind::Question(_) => "question",
                NodeKind::Decide(_) => "decide node",
                NodeKind::Outcome(_) => "outcome",
            };
            Diagnostic::new(
                DiagnosticKind::Unreachable,
                node.span,
                format!("no path reaches {what} `{}`", node.id),
            )
            .with_label("unreachable")
            .with_hint(Some(format!(
                "point an answer at `{}`, or remove it",
                node.id
            )))
        })
        .collect()
}
