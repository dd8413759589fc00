//! `backcheck graph`: the question graph as DOT, Mermaid or JSON.

use std::path::Path;

use super::Streams;
use super::args::GraphFormat;
use super::failure::{Exit, Failure, Outcome};
use super::load::load;
use crate::report::{GraphJson, graph_dot, graph_mermaid};

/// Why `--format svg` is gone, and how to get the picture.
const NO_SVG: &str = "error: backcheck no longer draws SVG itself: its layout could not show \
sections or question text.\nGraphviz draws the DOT export with both: \
backcheck graph --format dot | dot -Tsvg > graph.svg";

/// Prints the graph in `format`.
pub fn graph(format: GraphFormat, knowledge: Option<&Path>, io: &mut Streams) -> Outcome {
    // Said before the knowledge is read: nothing it holds would change it.
    if matches!(format, GraphFormat::Svg) {
        return Err(Failure::new(Exit::BadInput, NO_SVG));
    }
    let flow = load(knowledge, io.colour)?;
    let text = match format {
        GraphFormat::Dot => graph_dot(flow),
        GraphFormat::Mermaid => graph_mermaid(flow),
        GraphFormat::Json => serde_json::to_string_pretty(&GraphJson::of(flow))
            .map_err(|error| Failure::new(Exit::Failed, format!("error: {error}")))?,
        GraphFormat::Svg => return Err(Failure::new(Exit::BadInput, NO_SVG)),
    };
    writeln!(io.out, "{}", text.trim_end())?;
    Ok(Exit::Success)
}
