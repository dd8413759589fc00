//! `backcheck graph`: the question graph as DOT, Mermaid or JSON.

use std::path::Path;

use super::Streams;
use super::args::{GraphFormat, GraphPart};
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use crate::compile::Flow;
use crate::report::{GraphJson, GraphScope, graph_dot, graph_mermaid};

/// Why `--format svg` is gone, and how to get the picture.
const NO_SVG: &str = "error: backcheck no longer draws SVG itself: its layout could not show \
sections or question text.\nGraphviz draws the DOT export with both: \
backcheck graph --format dot | dot -Tsvg > graph.svg";

/// Prints the graph, or the `part` of it asked for, in `format`.
pub fn graph(
    format: GraphFormat,
    knowledge: Option<&Path>,
    part: &GraphPart,
    io: &mut Streams,
) -> Outcome {
    // Said before the knowledge is read: nothing it holds would change it.
    if matches!(format, GraphFormat::Svg) {
        return Err(Failure::new(Exit::BadInput, NO_SVG));
    }
    let flow = load(knowledge, io.colour)?;
    let scope = scope(flow, part)?;
    let text = match format {
        GraphFormat::Dot => graph_dot(flow, &scope),
        GraphFormat::Mermaid => graph_mermaid(flow, &scope),
        GraphFormat::Json if part.section.is_some() || part.around.is_some() => {
            return Err(Failure::new(
                Exit::BadInput,
                "error: --section and --around draw a part of the picture: use --format dot or mermaid",
            ));
        }
        GraphFormat::Json => serde_json::to_string_pretty(&GraphJson::of(flow))
            .map_err(|error| Failure::new(Exit::Failed, format!("error: {error}")))?,
        GraphFormat::Svg => return Err(Failure::new(Exit::BadInput, NO_SVG)),
    };
    writeln!(io.out, "{}", text.trim_end())?;
    Ok(Exit::Success)
}

/// The nodes to draw: a section, a neighbourhood, or all of them.
fn scope(flow: &Flow, part: &GraphPart) -> Result<GraphScope, Failure> {
    let scope = match (&part.section, &part.around) {
        (Some(name), _) => GraphScope::section(flow, name),
        (None, Some(id)) => GraphScope::around(flow, id, part.depth),
        (None, None) => return Ok(GraphScope::whole(flow)),
    };
    scope.map_err(|error| {
        Failure::new(
            Exit::BadInput,
            format!(
                "error: {}",
                crate::printable::printable(&error.to_string(), crate::printable::SENTENCE)
            ),
        )
    })
}
