//! How `backcheck verify` grows (issue 16): the proof of every invariant,
//! the red-flag order and the vacuity checks, in memory, on the shipped
//! knowledge and on synthetic knowledge of 1k and 10k nodes
//! (examples/synth/generate.rs), and on issue 27's adversarial folders
//! (examples/synth/adversarial.rs: a 24-choice screen, 24 facts before a
//! 400-question tail), each under a second. Targets: the shipped knowledge in tens of
//! milliseconds; the synthetic folders linear in nodes and edges (the
//! 100k folder is timed by hand: `backcheck verify DIR`, see the report).
//! Run with a filter and short times:
//! `cargo bench --bench verify -- --warm-up-time 1 --measurement-time 3`.

#[path = "../examples/synth/adversarial.rs"]
mod adversarial;
#[path = "../examples/synth/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use backcheck::check::verify;
use backcheck::compile::compile;
use backcheck::source::KnowledgeSource;

fn synthetic(nodes: usize) -> KnowledgeSource {
    generate::files(nodes, 1).into_iter().collect()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    let shipped = compile(&KnowledgeSource::embedded()).expect("the shipped knowledge compiles");
    group.bench_function("shipped", |b| b.iter(|| verify(black_box(&shipped))));
    for nodes in [1_000, 10_000] {
        let flow = compile(&synthetic(nodes)).expect("compiles");
        group.bench_with_input(BenchmarkId::new("synthetic", nodes), &flow, |b, flow| {
            b.iter(|| verify(black_box(flow)))
        });
    }
    // Issue 27's folders made to blow the proof up: each under a second.
    let adversarial = [
        (
            "screen_24_list",
            adversarial::screen(24, adversarial::Read::List),
        ),
        (
            "screen_24_each_or",
            adversarial::screen(24, adversarial::Read::EachOr),
        ),
        ("facts_24_tail_400", adversarial::facts(24, 400)),
    ];
    for (name, files) in adversarial {
        let flow = compile(&files.into_iter().collect()).expect("compiles");
        group.bench_function(name, |b| b.iter(|| verify(black_box(&flow))));
    }
    group.finish();
}

criterion_group!(verify_benches, benches);
criterion_main!(verify_benches);
