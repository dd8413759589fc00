//! `backcheck graph --format mermaid`: the compiled graph as a Mermaid
//! flowchart, one subgraph per section, red flags red and bold, and a
//! legend. Node ids are `n0`, `n1`, ... (the legend's `legend0`, ...) so that
//! no knowledge id can clash with Mermaid's syntax; the knowledge id is in
//! the label.

use std::fmt::Write as _;

use super::graph_parts::{
    LegendShape, STUB, edge_label, edges, label, legend, node_colours, nodes_by_section,
};
use super::graph_scope::GraphScope;
use crate::compile::{Flow, NodeKind};

/// The Mermaid text of the nodes `scope` draws, edges out of it ending at stubs.
pub fn graph_mermaid(flow: &Flow, scope: &GraphScope) -> String {
    let mut out = String::from("flowchart TD\n");
    for (section, nodes) in nodes_by_section(flow, |i| scope.shows(i)) {
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
    let stubs = scope.stubs(flow);
    for &index in &stubs {
        let _ = writeln!(
            out,
            "  n{index}[\"{} (elsewhere)\"]",
            escape(&flow.nodes()[index].id)
        );
    }
    for (from, to, edge) in edges(flow) {
        if !scope.shows(from) {
            continue;
        }
        let _ = writeln!(
            out,
            "  n{from} -->|\"{}\"| n{to}",
            escape(&edge_label(flow, from, edge))
        );
    }
    for (index, node) in flow.nodes().iter().enumerate() {
        if !scope.shows(index) {
            continue;
        }
        let colours = node_colours(node);
        let bold = if node.is_red_flag() {
            ",stroke-width:3px"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  style n{index} fill:{},stroke:{}{bold}",
            colours.fill, colours.line
        );
    }
    for index in stubs {
        let _ = writeln!(
            out,
            "  style n{index} fill:{},stroke:{},stroke-dasharray:4 3",
            STUB.fill, STUB.line
        );
    }
    legend_subgraph(&mut out);
    out
}

/// The legend: one sample node of each shape and colour.
fn legend_subgraph(out: &mut String) {
    out.push_str("  subgraph legend[\"Legend\"]\n");
    let entries = legend();
    for (number, (shape, words, _)) in entries.iter().enumerate() {
        let words = escape(words);
        let _ = match shape {
            LegendShape::Decide => writeln!(out, "    legend{number}{{\"{words}\"}}"),
            LegendShape::Outcome => writeln!(out, "    legend{number}([\"{words}\"])"),
            LegendShape::Question | LegendShape::RedFlag | LegendShape::Stub => {
                writeln!(out, "    legend{number}[\"{words}\"]")
            }
        };
    }
    out.push_str("  end\n");
    for (number, (shape, _, colours)) in entries.iter().enumerate() {
        let extra = match shape {
            LegendShape::RedFlag => ",stroke-width:3px",
            LegendShape::Stub => ",stroke-dasharray:4 3",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  style legend{number} fill:{},stroke:{}{extra}",
            colours.fill, colours.line
        );
    }
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
