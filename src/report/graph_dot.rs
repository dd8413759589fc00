//! `backcheck graph --format dot`: the compiled graph as Graphviz DOT, one
//! cluster per section, questions as boxes, decide nodes as diamonds and
//! outcomes filled by verdict. Text only; rendering is Graphviz's job.

use std::fmt::Write as _;

use super::graph_parts::{edge_label, edges, label, node_colours, nodes_by_section};
use crate::compile::{Flow, NodeKind};

/// The DOT text of the whole graph.
pub fn graph_dot(flow: &Flow) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&flow.meta().name));
    let _ = writeln!(out, "  label={};", quote(&flow.meta().title));
    out.push_str("  labelloc=t;\n  rankdir=TB;\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (section, nodes) in nodes_by_section(flow) {
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
    out.push('\n');
    for (from, to, edge) in edges(flow) {
        let _ = writeln!(
            out,
            "  {} -> {} [label={}];",
            quote(&flow.nodes()[from].id),
            quote(&flow.nodes()[to].id),
            quote(&edge_label(flow, from, edge))
        );
    }
    if let Some(start) = flow.nodes().get(flow.start().index()) {
        out.push_str("\n  start [shape=point, label=\"\"];\n");
        let _ = writeln!(out, "  start -> {};", quote(&start.id));
    }
    out.push_str("}\n");
    out
}

/// `"id" [shape=..., label="id\ntext", ...];`
fn node_line(flow: &Flow, index: usize) -> String {
    let node = &flow.nodes()[index];
    let label = label(flow, index, escape, "\\n");
    let colours = node_colours(&node.kind);
    let shape = match node.kind {
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
