//! `backcheck graph --format mermaid`: the compiled graph as a Mermaid
//! flowchart, one subgraph per section. Node ids are `n0`, `n1`, ... so that no
//! knowledge id can clash with Mermaid's syntax; the knowledge id is in the label.

use std::fmt::Write as _;

use super::graph_parts::{edge_label, edges, label, node_colours, nodes_by_section};
use crate::compile::{Flow, NodeKind};

/// The Mermaid text of the whole graph.
pub fn graph_mermaid(flow: &Flow) -> String {
    let mut out = String::from("flowchart TD\n");
    for (section, nodes) in nodes_by_section(flow) {
        let indent = match section {
            Some(s) => {
                let info = &flow.sections()[s];
                let _ = writeln!(out, "  subgraph s{s}[\"{}\"]", escape(&info.title));
                "    "
            }
            None => "  ",
        };
        for index in nodes {
            let _ = writeln!(out, "{indent}{}", node_line(flow, index));
        }
        if section.is_some() {
            out.push_str("  end\n");
        }
    }
    for (from, to, edge) in edges(flow) {
        let _ = writeln!(
            out,
            "  n{from} -->|\"{}\"| n{to}",
            escape(&edge_label(flow, from, edge))
        );
    }
    for (index, node) in flow.nodes().iter().enumerate() {
        let colours = node_colours(&node.kind);
        let _ = writeln!(
            out,
            "  style n{index} fill:{},stroke:{}",
            colours.fill, colours.line
        );
    }
    out
}

/// `n3["id<br/>text"]`, `n4{"id"}` or `n5(["id<br/>[verdict]<br/>title"])`.
fn node_line(flow: &Flow, index: usize) -> String {
    let node = &flow.nodes()[index];
    let label = label(flow, index, escape, "<br/>");
    match node.kind {
        NodeKind::Question(_) => format!("n{index}[\"{label}\"]"),
        NodeKind::Decide(_) => format!("n{index}{{\"{label}\"}}"),
        NodeKind::Outcome(_) => format!("n{index}([\"{label}\"])"),
    }
}

/// Text safe inside a quoted Mermaid label: quotes, angle brackets, `#` and
/// `|` become entity codes, so no text can close the label early.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '|' => out.push_str("#124;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_break_out_of_their_quotes() {
        let escaped = escape(r#"a "b" <c> #d |e|"#);
        assert!(!escaped.contains(['"', '<', '>', '|']), "{escaped}");
        assert_eq!(escape("#"), "#35;");
    }
}
