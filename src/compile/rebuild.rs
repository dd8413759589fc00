//! A flow's graph built again after its nodes were changed in memory (the
//! mutants of `backcheck mutate`), with the whole-graph errors the compiler
//! would have reported for such text: cycles and unreachable nodes.

use super::flow::Flow;
use super::graph_build::build_graph;
use super::graph_checks;
use super::questions_left::questions_left;
use super::topo_order::breadth_first_order;
use crate::diagnostic::Diagnostic;

impl Flow {
    /// Rebuilds `graph`, `order` and `questions_left` from `nodes`; returns
    /// the errors compiling such nodes would give (none: the flow is sound).
    pub(crate) fn rebuild(&mut self) -> Vec<Diagnostic> {
        self.graph = build_graph(&self.nodes);
        self.order = breadth_first_order(&self.graph);
        if self.order.len() != self.nodes.len() {
            let cycles = graph_checks::cycles(&self.graph, &self.nodes, &[]);
            if !cycles.is_empty() {
                return cycles;
            }
        }
        let unreachable = graph_checks::unreachable(&self.graph, &self.nodes, self.start);
        if unreachable.is_empty() {
            self.questions_left = questions_left(&self.graph, &self.nodes, &self.order);
        }
        unreachable
    }
}
