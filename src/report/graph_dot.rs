//! `backcheck graph --format dot`: the compiled graph as Graphviz DOT, one
//! cluster per section, questions as boxes (red flags red and bold), decide
//! nodes as diamonds, outcomes filled by verdict, and a legend. Text only;
//! rendering is Graphviz's job.

use std::fmt::Write as _;

use super::graph_parts::{
    LegendShape, STUB, edge_label, edges, label, legend, node_colours, nodes_by_section,
};
use super::graph_scope::GraphScope;
use crate::compile::{Flow, NodeKind};

/// The DOT text of the nodes `scope` draws, edges out of it ending at stubs.
pub fn graph_dot(flow: &Flow, scope: &GraphScope) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&flow.meta().name));
    let _ = writeln!(out, "  label={};", quote(&flow.meta().title));
    out.push_str("  labelloc=t;\n  rankdir=TB;\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (section, nodes) in nodes_by_section(flow, |i| scope.shows(i)) {
        let indent = match section {
            Some(s) => {
                let info = &flow.sections()[s];
                out.push('\n');
                let _ = writeln!(
                    out,
                    "  subgraph {} {{",
                    quote(&format!("cluster_{}", info.id))
                );
                let _ = writeln!(out, "    label={};", quote(&info.title));
                out.push_str("    style=rounded;\n    color=\"#999999\";\n");
                "    "
            }
            None => {
                out.push('\n');
                "  "
            }
        };
        for index in nodes {
            let _ = writeln!(out, "{indent}{}", node_line(flow, index));
        }
        if section.is_some() {
            out.push_str("  }\n");
        }
    }
    let stubs = scope.stubs(flow);
    if !stubs.is_empty() {
        out.push('\n');
    }
    for index in stubs {
        let _ = writeln!(
            out,
            "  {} [shape=box, style=\"dashed\", color=\"{}\", fillcolor=\"{}\", label={}];",
            quote(&flow.nodes()[index].id),
            STUB.line,
            STUB.fill,
            quote(&format!("{} (elsewhere)", flow.nodes()[index].id))
        );
    }
    out.push('\n');
    for (from, to, edge) in edges(flow) {
        if !scope.shows(from) {
            continue;
        }
        let _ = writeln!(
            out,
            "  {} -> {} [label={}];",
            quote(&flow.nodes()[from].id),
            quote(&flow.nodes()[to].id),
            quote(&edge_label(flow, from, edge))
        );
    }
    if let Some(start) = flow.nodes().get(flow.start().index())
        && scope.shows(flow.start().index())
    {
        out.push_str("\n  start [shape=point, label=\"\"];\n");
        let _ = writeln!(out, "  start -> {};", quote(&start.id));
    }
    legend_cluster(&mut out);
    out.push_str("}\n");
    out
}

/// The legend: one sample node of each shape and colour, in a cluster of its
/// own. Its ids hold a `:`, which no knowledge id can.
fn legend_cluster(out: &mut String) {
    out.push_str("\n  subgraph \"cluster_legend\" {\n    label=\"Legend\";\n");
    out.push_str("    style=dashed;\n    color=\"#999999\";\n");
    let mut previous: Option<String> = None;
    for (number, (shape, words, colours)) in legend().into_iter().enumerate() {
        let id = format!("legend:{number}");
        let shape = match shape {
            LegendShape::Question => "box, style=\"rounded\"",
            LegendShape::RedFlag => "box, style=\"rounded,filled,bold\", penwidth=2",
            LegendShape::Decide => "diamond",
            LegendShape::Outcome => "box, style=\"filled,bold\"",
            LegendShape::Stub => "box, style=\"dashed\"",
        };
        let _ = writeln!(
            out,
            "    {} [shape={shape}, label={}, color=\"{}\", fillcolor=\"{}\"];",
            quote(&id),
            quote(words),
            colours.line,
            colours.fill
        );
        // Invisible edges keep the samples in one column.
        if let Some(previous) = previous {
            let _ = writeln!(
                out,
                "    {} -> {} [style=invis];",
                quote(&previous),
                quote(&id)
            );
        }
        previous = Some(id);
    }
    out.push_str("  }\n");
}

/// `"id" [shape=..., label="id\ntext", ...];`
fn node_line(flow: &Flow, index: usize) -> String {
    let node = &flow.nodes()[index];
    let label = label(flow, index, escape, "\\n");
    let colours = node_colours(node);
    let shape = match node.kind {
        NodeKind::Question(_) if node.is_red_flag() => {
            "box, style=\"rounded,filled,bold\", penwidth=2"
        }
        NodeKind::Question(_) => "box, style=\"rounded\"",
        NodeKind::Decide(_) => "diamond",
        NodeKind::Outcome(_) => "box, style=\"filled,bold\"",
    };
    format!(
        "{} [shape={shape}, label=\"{label}\", color=\"{}\", fillcolor=\"{}\"];",
        quote(&node.id),
        colours.line,
        colours.fill
    )
}

/// A DOT double-quoted string.
fn quote(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// Inside a DOT string only `"` and `\` are special; a newline becomes `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quote(r#"say "hi" \ now"#), r#""say \"hi\" \\ now""#);
    }
}
