//! How `backcheck check` grows with the graph (issue 12): compile and lint
//! synthetic knowledge of 1k, 10k and 100k nodes (examples/synth/generate.rs),
//! in memory. Targets: 10k <= 0.5 s, 100k <= 5 s, no faster than linear.
//! `benches/compare.sh` times the whole process on the same folders.

#[path = "../examples/synth/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use backcheck::check::lint;
use backcheck::compile::compile;
use backcheck::source::KnowledgeSource;

fn source(nodes: usize) -> KnowledgeSource {
    generate::files(nodes, 1).into_iter().collect()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    for nodes in [1_000, 10_000, 100_000] {
        let source = source(nodes);
        group.bench_with_input(BenchmarkId::new("check", nodes), &source, |b, source| {
            b.iter(|| {
                let flow = compile(black_box(source)).expect("compiles");
                lint(&flow)
            })
        });
    }
    group.finish();
}

criterion_group!(scale, benches);
criterion_main!(scale);
