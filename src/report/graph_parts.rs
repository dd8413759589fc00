//! What every picture of the graph shares: the nodes grouped by section, the
//! edges in a stable order, an edge's label and an outcome's colours. Only the
//! pictures (DOT, Mermaid, SVG) use it; the JSON export names things itself.

use petgraph::visit::EdgeRef;

use crate::compile::{Edge, Flow, NodeKind, Urgency, Verdict};

/// Fill and line colour of a node, as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Colours {
    pub fill: &'static str,
    pub line: &'static str,
}

/// Questions and decide nodes: white on grey.
pub(crate) const PLAIN: Colours = Colours {
    fill: "#ffffff",
    line: "#555555",
};

/// An outcome's colours by verdict: treat green, modify amber, refer red
/// (emergency), orange (urgent) or purple (routine).
pub(crate) fn verdict_colours(verdict: Verdict, urgency: Option<Urgency>) -> Colours {
    match (verdict, urgency) {
        (Verdict::Treat, _) => Colours {
            fill: "#c8e6c9",
            line: "#2e7d32",
        },
        (Verdict::Modify, _) => Colours {
            fill: "#ffe082",
            line: "#ff8f00",
        },
        (Verdict::Refer, Some(Urgency::Emergency)) => Colours {
            fill: "#ef9a9a",
            line: "#c62828",
        },
        (Verdict::Refer, Some(Urgency::Urgent)) => Colours {
            fill: "#ffcc80",
            line: "#e65100",
        },
        (Verdict::Refer, _) => Colours {
            fill: "#ce93d8",
            line: "#6a1b9a",
        },
    }
}

/// The colours of any node.
pub(crate) fn node_colours(kind: &NodeKind) -> Colours {
    match kind {
        NodeKind::Outcome(outcome) => verdict_colours(outcome.verdict, outcome.urgency),
        _ => PLAIN,
    }
}

/// The words written on an edge: the answer id, the condition, `otherwise`,
/// `then`, or `skip: condition`.
pub(crate) fn edge_label(edge: &Edge) -> String {
    match edge {
        Edge::Answer { answer } => answer.clone(),
        Edge::Then => "then".into(),
        Edge::Skip { condition } => format!("skip: {condition}"),
        Edge::Condition { condition } => condition.clone(),
        Edge::Otherwise => "otherwise".into(),
    }
}

/// Every edge as (from node, to node, edge), in the order the compiler added them.
pub(crate) fn edges(flow: &Flow) -> Vec<(usize, usize, &Edge)> {
    flow.graph
        .edge_references()
        .map(|edge| {
            (
                flow.graph[edge.source()],
                flow.graph[edge.target()],
                edge.weight(),
            )
        })
        .collect()
}

/// Node indices of each section, in section order, then those in no section
/// (`None`). Sections with no node are left out.
pub(crate) fn nodes_by_section(flow: &Flow) -> Vec<(Option<usize>, Vec<usize>)> {
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = (0..flow.sections.len())
        .map(|s| (Some(s), Vec::new()))
        .collect();
    groups.push((None, Vec::new()));
    for (index, node) in flow.nodes.iter().enumerate() {
        let slot = node.section.filter(|&s| s < flow.sections.len());
        let group = slot.unwrap_or(flow.sections.len());
        groups[group].1.push(index);
    }
    groups.retain(|(_, nodes)| !nodes.is_empty());
    groups
}

/// The main text of a node: a question's `ask`, an outcome's `title`; none for
/// a decide node.
pub(crate) fn node_text(kind: &NodeKind) -> Option<&str> {
    match kind {
        NodeKind::Question(question) => Some(&question.ask),
        NodeKind::Outcome(outcome) => Some(&outcome.title),
        NodeKind::Decide(_) => None,
    }
}

/// `text` broken into lines of at most about `width` characters, at spaces.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A node's label: its id, `[verdict urgency]` for an outcome, and its text
/// wrapped to 36 columns; each line escaped for the format, joined by `newline`.
pub(crate) fn label(
    flow: &Flow,
    index: usize,
    escape: fn(&str) -> String,
    newline: &str,
) -> String {
    label_lines(flow, index)
        .iter()
        .map(|line| escape(line))
        .collect::<Vec<_>>()
        .join(newline)
}

fn label_lines(flow: &Flow, index: usize) -> Vec<String> {
    let node = &flow.nodes[index];
    let mut lines = vec![node.id.clone()];
    if let NodeKind::Outcome(outcome) = &node.kind {
        let urgency = outcome.urgency.map(|u| format!(" {}", u.word()));
        lines.push(format!(
            "[{}{}]",
            outcome.verdict.word(),
            urgency.unwrap_or_default()
        ));
    }
    lines.extend(
        node_text(&node.kind)
            .map(|t| wrap(t, 36))
            .unwrap_or_default(),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("", 7), Vec::<String>::new());
    }

    #[test]
    fn each_urgency_has_its_own_colour() {
        let emergency = verdict_colours(Verdict::Refer, Some(Urgency::Emergency));
        let urgent = verdict_colours(Verdict::Refer, Some(Urgency::Urgent));
        let routine = verdict_colours(Verdict::Refer, Some(Urgency::Routine));
        assert_ne!(emergency, urgent);
        assert_ne!(urgent, routine);
        assert_ne!(routine, emergency);
    }
}
