//! What every picture of the graph shares: the nodes grouped by section, the
//! edges in a stable order, an edge's label and an outcome's colours. Only the
//! pictures (DOT, Mermaid) use it; the JSON export names things itself.

use crate::compile::{Edge, Flow, Node, NodeKind, Urgency, Verdict};

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
pub(crate) fn verdict_colours(verdict: Verdict) -> Colours {
    match verdict {
        Verdict::Treat => Colours {
            fill: "#c8e6c9",
            line: "#2e7d32",
        },
        Verdict::Modify => Colours {
            fill: "#ffe082",
            line: "#ff8f00",
        },
        Verdict::Refer(Urgency::Emergency) => Colours {
            fill: "#ef9a9a",
            line: "#c62828",
        },
        Verdict::Refer(Urgency::Urgent) => Colours {
            fill: "#ffcc80",
            line: "#e65100",
        },
        Verdict::Refer(Urgency::Routine) => Colours {
            fill: "#ce93d8",
            line: "#6a1b9a",
        },
    }
}

/// A red-flag question: red on pale red, so a danger sign stands out from
/// the questions around it.
pub(crate) const RED_FLAG: Colours = Colours {
    fill: "#ffebee",
    line: "#b71c1c",
};

/// A node drawn only as the end of an edge out of the part shown.
pub(crate) const STUB: Colours = Colours {
    fill: "#ffffff",
    line: "#999999",
};

/// The colours of any node.
pub(crate) fn node_colours(node: &Node) -> Colours {
    match &node.kind {
        NodeKind::Outcome(outcome) => verdict_colours(outcome.verdict),
        NodeKind::Question(_) if node.is_red_flag() => RED_FLAG,
        NodeKind::Question(_) | NodeKind::Decide(_) => PLAIN,
    }
}

/// What a picture's legend shows, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LegendShape {
    Question,
    RedFlag,
    Decide,
    Outcome,
    Stub,
}

/// The legend's entries: each shape and colour a picture uses, with its words.
pub(crate) fn legend() -> Vec<(LegendShape, &'static str, Colours)> {
    let mut entries = vec![
        (LegendShape::Question, "question", PLAIN),
        (LegendShape::RedFlag, "red flag (danger sign)", RED_FLAG),
        (LegendShape::Decide, "decide", PLAIN),
    ];
    for (verdict, words) in [
        (Verdict::Treat, "treat"),
        (Verdict::Modify, "modify"),
        (Verdict::Refer(Urgency::Routine), "refer routine"),
        (Verdict::Refer(Urgency::Urgent), "refer urgent"),
        (Verdict::Refer(Urgency::Emergency), "refer emergency"),
    ] {
        entries.push((LegendShape::Outcome, words, verdict_colours(verdict)));
    }
    entries.push((LegendShape::Stub, "drawn elsewhere", STUB));
    entries
}

/// What an edge out of a node stands for, in the words of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum EdgeWords<'f> {
    Answer {
        answer: &'f str,
    },
    Then,
    Skip {
        condition: &'f str,
    },
    /// A decide node's `when` arm; `arm` is its place, from 1, in the order
    /// the arms are tried.
    Condition {
        condition: &'f str,
        arm: usize,
    },
    /// The decide node's last arm, after every `when`.
    Otherwise {
        arm: usize,
    },
}

/// The words of `edge`, which leaves node `from`.
pub(crate) fn edge_words<'f>(flow: &'f Flow, from: usize, edge: &Edge) -> EdgeWords<'f> {
    let kind = flow.nodes().get(from).map(|node| &node.kind);
    match (edge, kind) {
        (Edge::Answer(index), Some(NodeKind::Question(question))) => EdgeWords::Answer {
            answer: question
                .answers()
                .get(*index)
                .map_or("?", |a| a.id.as_str()),
        },
        (Edge::Condition(index), Some(NodeKind::Decide(decide))) => EdgeWords::Condition {
            condition: decide.arms.get(*index).map_or("?", |arm| arm.text.as_str()),
            arm: index + 1,
        },
        (Edge::Otherwise, Some(NodeKind::Decide(decide))) => EdgeWords::Otherwise {
            arm: decide.arms.len() + 1,
        },
        (Edge::Answer(_), _) => EdgeWords::Answer { answer: "?" },
        (Edge::Condition(index), _) => EdgeWords::Condition {
            condition: "?",
            arm: index + 1,
        },
        (Edge::Then, _) => EdgeWords::Then,
        (Edge::Skip, _) => EdgeWords::Skip {
            condition: "already known",
        },
        (Edge::Otherwise, _) => EdgeWords::Otherwise { arm: 1 },
    }
}

/// The words written on an edge: the answer id, the condition or
/// `otherwise` numbered in the order the arms are tried (`1. age < 16`,
/// `2. otherwise`), `then`, or `skip: condition`.
pub(crate) fn edge_label(flow: &Flow, from: usize, edge: &Edge) -> String {
    match edge_words(flow, from, edge) {
        EdgeWords::Answer { answer } => answer.to_string(),
        EdgeWords::Then => "then".into(),
        EdgeWords::Skip { condition } => format!("skip: {condition}"),
        EdgeWords::Condition { condition, arm } => format!("{arm}. {condition}"),
        EdgeWords::Otherwise { arm } => format!("{arm}. otherwise"),
    }
}

/// Every edge as (from, to, edge), the nodes by their place in `Flow::nodes`,
/// in the order the compiler added them.
pub(crate) fn edges(flow: &Flow) -> Vec<(usize, usize, &Edge)> {
    flow.edges()
        .map(|(from, to, edge)| (from.index(), to.index(), edge))
        .collect()
}

/// Node indices of each section, in section order, then those in no section
/// (`None`), of the nodes `shown`. Sections with no node are left out.
pub(crate) fn nodes_by_section(
    flow: &Flow,
    shown: impl Fn(usize) -> bool,
) -> Vec<(Option<usize>, Vec<usize>)> {
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = (0..flow.sections().len())
        .map(|s| (Some(s), Vec::new()))
        .collect();
    groups.push((None, Vec::new()));
    for (index, node) in flow.nodes().iter().enumerate() {
        if !shown(index) {
            continue;
        }
        let slot = node.section.filter(|&s| s < flow.sections().len());
        let group = slot.unwrap_or(flow.sections().len());
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

/// A node's label: its id, `[verdict urgency]` for an outcome, `[RED FLAG,
/// urgency]` for a red flag, and its text
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
    let node = &flow.nodes()[index];
    let mut lines = vec![node.id.to_string()];
    if let NodeKind::Outcome(outcome) = &node.kind {
        lines.push(format!("[{}]", outcome.verdict));
    }
    if node.is_red_flag() {
        lines.push(match node.marks.urgency {
            Some(urgency) => format!("[RED FLAG, {urgency}]"),
            None => "[RED FLAG]".to_string(),
        });
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
        let emergency = verdict_colours(Verdict::Refer(Urgency::Emergency));
        let urgent = verdict_colours(Verdict::Refer(Urgency::Urgent));
        let routine = verdict_colours(Verdict::Refer(Urgency::Routine));
        assert_ne!(emergency, urgent);
        assert_ne!(urgent, routine);
        assert_ne!(routine, emergency);
    }
}
