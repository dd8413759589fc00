//! Which part of the graph a picture draws: all of it, one section
//! (`graph --section NAME`) or the neighbourhood of one node (`graph
//! --around ID --depth N`). Edges out of the part to a node outside it end
//! at a stub: the node's id alone, drawn dashed.

use std::collections::VecDeque;

use crate::compile::{Flow, NodeId};

/// The nodes a picture draws in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphScope {
    shown: Vec<bool>,
}

/// A scope that names something the flow does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeError {
    /// No section has this id (the sections there are, by id).
    NoSection { name: String, known: Vec<String> },
    /// No question, decide node or outcome has this id.
    NoNode { id: String },
}

impl std::fmt::Display for ScopeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScopeError::NoSection { name, known } => write!(
                f,
                "no section `{name}`; the sections are: {}",
                known.join(", ")
            ),
            ScopeError::NoNode { id } => write!(
                f,
                "no question, decide node or outcome `{id}` (ids as in `backcheck graph --format json`)"
            ),
        }
    }
}

impl GraphScope {
    /// Every node.
    pub fn whole(flow: &Flow) -> GraphScope {
        GraphScope {
            shown: vec![true; flow.nodes().len()],
        }
    }

    /// The nodes of the section `name`: its id (`safety.checks`) or the part
    /// after the file name (`checks`) when that names one section.
    pub fn section(flow: &Flow, name: &str) -> Result<GraphScope, ScopeError> {
        let sections = flow.sections();
        let exact = sections.iter().position(|s| s.id == name);
        let local: Vec<usize> = (0..sections.len())
            .filter(|&i| sections[i].id.rsplit('.').next() == Some(name))
            .collect();
        let index = exact
            .or(if local.len() == 1 {
                Some(local[0])
            } else {
                None
            })
            .ok_or_else(|| ScopeError::NoSection {
                name: name.to_string(),
                known: sections.iter().map(|s| s.id.clone()).collect(),
            })?;
        Ok(GraphScope {
            shown: flow
                .nodes()
                .iter()
                .map(|node| node.section == Some(index))
                .collect(),
        })
    }

    /// The node `id` and every node at most `depth` edges from it, either way.
    pub fn around(flow: &Flow, id: &str, depth: usize) -> Result<GraphScope, ScopeError> {
        let centre = flow
            .find(id)
            .ok_or_else(|| ScopeError::NoNode { id: id.to_string() })?;
        let mut distance: Vec<Option<usize>> = vec![None; flow.nodes().len()];
        distance[centre.index()] = Some(0);
        let mut queue = VecDeque::from([centre]);
        while let Some(at) = queue.pop_front() {
            let here = distance[at.index()].unwrap_or(0);
            if here == depth {
                continue;
            }
            let near: Vec<NodeId> = flow.successors(at).chain(flow.predecessors(at)).collect();
            for next in near {
                if distance[next.index()].is_none() {
                    distance[next.index()] = Some(here + 1);
                    queue.push_back(next);
                }
            }
        }
        Ok(GraphScope {
            shown: distance.iter().map(Option::is_some).collect(),
        })
    }

    /// Whether the node at `index` is drawn in full.
    pub fn shows(&self, index: usize) -> bool {
        self.shown.get(index).copied().unwrap_or(false)
    }

    /// Whether every node is drawn.
    pub fn is_whole(&self) -> bool {
        self.shown.iter().all(|&shown| shown)
    }

    /// The nodes outside the scope that an edge from inside leads to, in
    /// node order: drawn as stubs.
    pub(crate) fn stubs(&self, flow: &Flow) -> Vec<usize> {
        let mut stubs: Vec<usize> = flow
            .edges()
            .filter(|(from, to, _)| self.shows(from.index()) && !self.shows(to.index()))
            .map(|(_, to, _)| to.index())
            .collect();
        stubs.sort_unstable();
        stubs.dedup();
        stubs
    }
}
