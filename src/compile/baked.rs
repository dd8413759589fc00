//! A compiled [`Flow`] as bytes, so the knowledge shipped inside the binary is
//! compiled once, by build.rs, rather than parsed again at every start.
//!
//! Only what the compiler decided is stored; the graph, the id indexes and
//! the question counts follow from the nodes and are rebuilt on loading, the
//! same way the compiler builds them.

use serde::{Deserialize, Serialize};

use super::flow::*;
use super::graph_build::build_graph;
use super::names::NodeNames;
use super::questions_left::questions_left;
use crate::source::KnowledgeSource;

#[derive(Serialize, Deserialize)]
struct Baked {
    meta: Meta,
    nodes: Vec<Node>,
    start: usize,
    facts: Vec<Fact>,
    sections: Vec<Section>,
    invariants: Vec<Invariant>,
    cases: Vec<Case>,
    vignettes: Vec<Vignette>,
}

/// The bytes [`unbake`] turns back into `flow`.
pub fn bake(flow: &Flow) -> Vec<u8> {
    let baked = Baked {
        meta: flow.meta.clone(),
        nodes: flow.nodes.clone(),
        start: flow.start,
        facts: flow.facts.clone(),
        sections: flow.sections.clone(),
        invariants: flow.invariants.clone(),
        cases: flow.cases.clone(),
        vignettes: flow.vignettes.clone(),
    };
    // Serializing owned, plain data into memory cannot fail.
    postcard::to_allocvec(&baked).unwrap_or_default()
}

/// The flow baked from `source`, or `source` back when `bytes` were baked
/// from other text (or are not a baked flow at all): then it must be compiled.
pub fn unbake(bytes: &[u8], source: KnowledgeSource) -> Result<Flow, KnowledgeSource> {
    let Ok(baked) = postcard::from_bytes::<Baked>(bytes) else {
        return Err(source);
    };
    if baked.meta.hash != source.content_hash() || baked.start >= baked.nodes.len() {
        return Err(source);
    }
    let graph = build_graph(&baked.nodes);
    let questions_left = questions_left(&graph, &baked.nodes);
    let mut names = NodeNames::default();
    for (index, node) in baked.nodes.iter().enumerate() {
        names.by_id.insert(node.id.clone(), index);
        names.declare_local(&node.local, index);
    }
    Ok(Flow {
        meta: baked.meta,
        nodes: baked.nodes,
        graph,
        start: baked.start,
        facts: baked.facts,
        sections: baked.sections,
        invariants: baked.invariants,
        cases: baked.cases,
        vignettes: baked.vignettes,
        files: source.files,
        questions_left,
        by_id: names.by_id,
        by_local: names.by_local,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;
    use crate::compile::tests::{folder, mini};

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
            "{:?}\n{:?}\n{}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
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
            edges,
            ids,
        )
    }

    #[test]
    fn unbaking_gives_back_the_compiled_flow() {
        for source in [mini(), KnowledgeSource::embedded()] {
            let flow = compile(&source).unwrap_or_else(|e| panic!("{e:#?}"));
            let bytes = bake(&flow);
            let loaded = unbake(&bytes, source).unwrap_or_else(|_| panic!("unbakes"));
            assert_eq!(decided(&loaded), decided(&flow));
        }
    }

    #[test]
    fn a_flow_baked_from_other_text_is_refused() {
        let flow = compile(&mini()).unwrap_or_else(|e| panic!("{e:#?}"));
        let bytes = bake(&flow);
        let mut edited = mini();
        edited.files[0].text.push_str("\n// an edit\n");
        let refused = unbake(&bytes, edited.clone()).map(|_| ());
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
            assert!(unbake(bad, mini()).is_err());
        }
        let empty = folder(&[]);
        assert!(unbake(&bytes, empty).is_err());
    }
}
