//! W001: dead ends. The compiler already refuses nodes the graph does not
//! reach; this finds the ones no *walk* reaches, because the conditions on
//! the way there can never hold: a `when` arm shadowed by earlier arms or
//! contradicted by what is known, a question whose `skip when` always holds,
//! and the nodes only those lead to.
//!
//! It explores every walk with the same dynamic programme as `verify`
//! (tracking only what decide and skip conditions read), so it is exact.

use std::collections::HashSet;

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use super::prover::{ASKED, Prover, SKIPPED};
use crate::compile::{Flow, NodeKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) fn dead_ends(flow: &Flow) -> Vec<Diagnostic> {
    // Warnings about reached nodes, in node order.
    let mut warnings: Vec<Diagnostic> = Vec::new();
    // Edges (from, to) never taken although `from` is reached, already reported.
    let mut explained: HashSet<(usize, usize)> = HashSet::new();
    let Ok(prover) = Prover::for_walks(flow) else {
        return Vec::new();
    };
    let Ok(explored) = prover.reach() else {
        return Vec::new();
    };
    for (index, node) in flow.nodes.iter().enumerate() {
        if !explored.reached(index) {
            continue;
        }
        let took = explored.ways_taken(index);
        match &node.kind {
            NodeKind::Decide(decide) => {
                let never_taken = decide
                    .arms
                    .iter()
                    .enumerate()
                    .filter(|&(way, _)| !took[way]);
                for (_, arm) in never_taken {
                    explained.insert((index, arm.step.target.index()));
                    warnings.push(
                        Diagnostic::new(
                            DiagnosticKind::DeadEnd,
                            node.span,
                            format!(
                                "in `{}`, the arm `when {}` is never taken",
                                node.id, arm.text
                            ),
                        )
                        .with_label("dead end: no walk takes this arm")
                        .with_hint(Some(
                            "an earlier arm already catches every walk that meets this condition, or it can never hold here: reorder the arms or fix the condition".into(),
                        )),
                    );
                }
            }
            NodeKind::Question(question) => {
                if question.skip.is_none() {
                    continue;
                }
                if took[SKIPPED] && !took[ASKED] {
                    explained.extend(
                        question
                            .answers
                            .iter()
                            .filter_map(|a| Some((index, a.target?.index()))),
                    );
                    explained.extend(question.then().iter().map(|s| (index, s.target.index())));
                    warnings.push(
                        Diagnostic::new(
                            DiagnosticKind::DeadEnd,
                            node.span,
                            format!("question `{}` is never asked", node.id),
                        )
                        .with_label("dead end: its `skip when` holds on every walk")
                        .with_hint(Some(
                            "remove the question, or narrow its `skip when`".into(),
                        )),
                    );
                }
            }
            NodeKind::Outcome(_) => {}
        }
    }
    for (index, node) in flow.nodes.iter().enumerate() {
        if explored.reached(index) {
            continue;
        }
        let reached_from: Vec<usize> = flow
            .graph
            .neighbors_directed(NodeIndex::new(index), Direction::Incoming)
            .map(|ix| flow.graph[ix].index())
            .filter(|&p| explored.reached(p))
            .collect();
        // Only the first unreached node on each way: the rest follow from it.
        if reached_from.is_empty()
            || reached_from
                .iter()
                .all(|&p| explained.contains(&(p, index)))
        {
            continue;
        }
        warnings.push(
            Diagnostic::new(
                DiagnosticKind::DeadEnd,
                node.span,
                format!("no walk reaches `{}`", node.id),
            )
            .with_label("dead end: the conditions on every way here never hold")
            .with_hint(Some(
                "check the decide arms and `skip when` conditions that lead here".into(),
            )),
        );
    }
    warnings
}
