//! Speed target (issue 5): `verify` on a generated graph with more than
//! 10^15 paths (tests/synthetic) takes well under 2 s; and `verify` and the
//! lints on the shipped knowledge.

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use backcheck::check::{lint, verify};
use backcheck::compile::compile;
use backcheck::source::{KnowledgeSource, SourceFile};

fn benches(c: &mut Criterion) {
    let source = KnowledgeSource {
        files: synthetic::files()
            .into_iter()
            .map(|(name, text)| SourceFile::new(name, text))
            .collect(),
    };
    let flow = compile(&source).expect("the synthetic graph compiles");
    let paths = verify(&flow).expect("acyclic").paths;
    assert_eq!(paths.to_string(), synthetic::expected_paths().to_string());
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.bench_function(format!("synthetic graph, {paths} paths"), |b| {
        b.iter(|| verify(black_box(&flow)).expect("acyclic"))
    });
    let shipped = compile(&KnowledgeSource::embedded()).expect("shipped knowledge compiles");
    group.bench_function("shipped knowledge", |b| {
        b.iter(|| verify(black_box(&shipped)).expect("acyclic"))
    });
    group.bench_function("lints on the shipped knowledge", |b| {
        b.iter(|| lint(black_box(&shipped)))
    });
    group.finish();
}

criterion_group!(verify_benches, benches);
criterion_main!(verify_benches);
