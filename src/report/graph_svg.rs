//! `backcheck graph --format svg`: a picture of the graph drawn in-process by
//! the `layout-rs` crate, so no Graphviz install is needed. layout-rs has no
//! clusters or diamonds: nodes carry their id (outcomes also their verdict) and
//! their colours; sections show only in the DOT and Mermaid exports.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::LineStyleKind;
use layout::core::style::StyleAttr;
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::graph_parts::{Colours, edge_label, edges, node_colours};
use crate::compile::{Flow, NodeKind};

/// The SVG text of the whole graph, or why it could not be drawn.
pub fn graph_svg(flow: &Flow) -> Result<String, String> {
    // layout-rs asserts on shapes it cannot place; a picture that fails must
    // be an error message, not a crash of the command.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = catch_unwind(AssertUnwindSafe(|| draw(flow)));
    std::panic::set_hook(previous);
    result.map_err(|_| "the SVG layout failed; try `--format dot` and Graphviz".to_string())
}

fn draw(flow: &Flow) -> String {
    let orientation = Orientation::TopToBottom;
    let mut graph = VisualGraph::new(orientation);
    let mut handles = HashMap::new();
    for (index, node) in flow.nodes.iter().enumerate() {
        let label = match &node.kind {
            NodeKind::Outcome(outcome) => format!("{} [{}]", node.id, outcome.verdict),
            _ => node.id.to_string(),
        };
        let shape = match node.kind {
            NodeKind::Decide(_) => ShapeKind::Circle(label),
            _ => ShapeKind::Box(label),
        };
        let rounded = if matches!(node.kind, NodeKind::Question(_)) {
            8
        } else {
            0
        };
        let look = style(node_colours(&node.kind), rounded, 12);
        let size = get_shape_size(orientation.flip(), &shape, 12, false);
        handles.insert(
            index,
            graph.add_node(Element::create(shape, look, orientation.flip(), size)),
        );
    }
    for (from, to, edge) in edges(flow) {
        let label = edge_label(flow, from, edge);
        let (Some(&from), Some(&to)) = (handles.get(&from), handles.get(&to)) else {
            continue;
        };
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            LineStyleKind::Normal,
            &label,
            &style(
                Colours {
                    fill: "#ffffff",
                    line: "#555555",
                },
                0,
                10,
            ),
            &None,
            &None,
        );
        graph.add_edge(arrow, from, to);
    }
    let mut svg = SVGWriter::new();
    graph.do_it(false, false, false, &mut svg);
    svg.finalize()
}

fn style(colours: Colours, rounded: usize, font_size: usize) -> StyleAttr {
    StyleAttr::new(
        hex(colours.line),
        1,
        Some(hex(colours.fill)),
        rounded,
        font_size,
    )
}

/// `#rrggbb` -> an opaque colour.
fn hex(code: &str) -> Color {
    let rgb = u32::from_str_radix(code.trim_start_matches('#'), 16).unwrap_or(0);
    Color::new((rgb << 8) | 0xff)
}
