//! A compiled [`Flow`] as bytes, so the knowledge shipped inside the binary is
//! compiled once, by build.rs, rather than parsed again at every start.
//!
//! Only what the compiler decided is stored; the graph, its checks, the
//! order and the question counts follow from the nodes, and loading hands
//! them to the compiler's own last phase to rebuild.

use serde::{Deserialize, Serialize};

use super::compiler::Lowered;
use super::flow::*;
use super::names::NodeNames;
use crate::source::KnowledgeSource;

/// What a walk through the graph needs, stored first.
#[derive(Serialize, Deserialize)]
struct Graph {
    meta: Meta,
    nodes: Vec<Node>,
    start: usize,
    facts: Vec<Fact>,
    sections: Vec<Section>,
    invariants: Vec<Invariant>,
}

/// Cases and vignettes, stored after the graph: most of the bytes, and of no
/// use to an assessment.
#[derive(Serialize, Deserialize)]
struct Examples {
    cases: Vec<Case>,
    vignettes: Vec<Vignette>,
}

/// Whether [`unbake`] loads the cases and vignettes too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Everything: for testing, rehearsing and checking.
    All,
    /// The graph only, with no cases or vignettes: enough to walk it.
    WalkOnly,
}

/// The bytes [`unbake`] turns back into `flow`.
pub fn bake(flow: &Flow) -> Vec<u8> {
    let graph = Graph {
        meta: flow.meta.clone(),
        nodes: flow.nodes.clone(),
        start: flow.start,
        facts: flow.facts.clone(),
        sections: flow.sections.clone(),
        invariants: flow.invariants.clone(),
    };
    let examples = Examples {
        cases: flow.cases.clone(),
        vignettes: flow.vignettes.clone(),
    };
    // Serializing owned, plain data into memory cannot fail.
    let mut bytes = postcard::to_allocvec(&graph).unwrap_or_default();
    bytes.extend(postcard::to_allocvec(&examples).unwrap_or_default());
    bytes
}

/// The flow baked from `source`, or `source` back when `bytes` were baked
/// from other text (or are not a baked flow at all): then it must be compiled.
pub fn unbake(
    bytes: &[u8],
    source: KnowledgeSource,
    parts: Parts,
) -> Result<Flow, KnowledgeSource> {
    let Ok((graph, rest)) = postcard::take_from_bytes::<Graph>(bytes) else {
        return Err(source);
    };
    if graph.meta.hash != source.content_hash() || graph.start >= graph.nodes.len() {
        return Err(source);
    }
    let examples = match parts {
        Parts::All => match postcard::from_bytes::<Examples>(rest) {
            Ok(examples) => examples,
            Err(_) => return Err(source),
        },
        Parts::WalkOnly => Examples {
            cases: Vec::new(),
            vignettes: Vec::new(),
        },
    };
    let mut names = NodeNames::default();
    for (index, node) in graph.nodes.iter().enumerate() {
        names.by_id.insert(node.id.clone(), index);
        names.declare_local(node.local(), index);
    }
    // The compiler's own last phase builds the graph and checks it.
    let lowered = Lowered {
        meta: Some(graph.meta),
        start: Some(graph.start),
        facts_and_nodes_ok: true,
        nodes: graph.nodes,
        facts: graph.facts,
        sections: graph.sections,
        invariants: graph.invariants,
        cases: examples.cases,
        vignettes: examples.vignettes,
        errors: Vec::new(),
        by_id: names.by_id,
        by_local: names.by_local,
    };
    lowered.finish(&source).map_err(|_| source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;
    use crate::compile::tests::{folder, mini};
    use crate::source::SourceFile;

    /// Everything the compiler decided, in a form two flows can be compared by.
    fn decided(flow: &Flow) -> String {
        let edges: Vec<_> = flow
            .graph
            .raw_edges()
            .iter()
            .map(|e| (e.source().index(), e.target().index(), &e.weight))
            .collect();
        let ids: Vec<_> = flow.ids().map(|id| (id, flow.find(id))).collect();
        format!(
            "{:?}\n{:?}\n{}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            flow.meta,
            flow.nodes,
            flow.start,
            flow.facts,
            flow.sections,
            flow.invariants,
            flow.cases,
            flow.vignettes,
            flow.files,
            flow.questions_left,
            flow.order,
            edges,
            ids,
        )
    }

    #[test]
    fn unbaking_gives_back_the_compiled_flow() {
        for source in [mini(), KnowledgeSource::embedded()] {
            let flow = compile(&source).unwrap_or_else(|e| panic!("{e:#?}"));
            let bytes = bake(&flow);
            let loaded = unbake(&bytes, source, Parts::All).unwrap_or_else(|_| panic!("unbakes"));
            assert_eq!(decided(&loaded), decided(&flow));
        }
    }

    #[test]
    fn a_walk_only_load_leaves_out_cases_and_vignettes_only() {
        let source = KnowledgeSource::embedded();
        let flow = compile(&source).unwrap_or_else(|e| panic!("{e:#?}"));
        assert!(!flow.cases.is_empty() && !flow.vignettes.is_empty());
        let bytes = bake(&flow);
        let walk = unbake(&bytes, source, Parts::WalkOnly).unwrap_or_else(|_| panic!("unbakes"));
        assert!(walk.cases.is_empty() && walk.vignettes.is_empty());
        let mut whole = flow;
        whole.cases.clear();
        whole.vignettes.clear();
        assert_eq!(decided(&walk), decided(&whole));
    }

    #[test]
    fn a_flow_baked_from_other_text_is_refused() {
        let flow = compile(&mini()).unwrap_or_else(|e| panic!("{e:#?}"));
        let bytes = bake(&flow);
        let mut edited = mini();
        let first = &edited.files[0];
        edited.files[0] =
            SourceFile::new(first.path.clone(), format!("{}\n// an edit\n", first.text));
        let refused = unbake(&bytes, edited.clone(), Parts::All).map(|_| ());
        assert_eq!(refused.unwrap_err().files, edited.files);
    }

    #[test]
    fn bytes_that_are_not_a_baked_flow_are_refused() {
        let flow = compile(&mini()).unwrap_or_else(|e| panic!("{e:#?}"));
        let bytes = bake(&flow);
        let garbage = [0xff_u8; 64];
        for bad in [
            &[][..],
            &bytes[..bytes.len() / 2],
            &bytes[1..],
            &garbage[..],
        ] {
            assert!(unbake(bad, mini(), Parts::All).is_err());
        }
        let empty = folder(&[]);
        assert!(unbake(&bytes, empty, Parts::WalkOnly).is_err());
    }
}
