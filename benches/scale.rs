//! How each stage grows with the graph (issue 7): parse, compile, check
//! (lints), verify, one engine step, session save and load, on synthetic
//! knowledge of 1k, 10k and 100k nodes (examples/synth/generate.rs).
//! Every stage at every size: verify at 100k takes about 11 s an iteration,
//! so this group takes some minutes.

#[path = "../examples/synth/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};

use backcheck::compile::{AnswerValue, Form, compile};
use backcheck::engine::{Current, SavedSession, Session};
use backcheck::source::{KnowledgeSource, SourceFile};

fn source(nodes: usize) -> KnowledgeSource {
    KnowledgeSource {
        files: generate::files(nodes, 1)
            .into_iter()
            .map(|(name, text)| SourceFile::new(name, text))
            .collect(),
    }
}

/// A session walked `steps` answers deep, always taking the first answer.
fn walked(flow: &backcheck::compile::Flow, steps: usize) -> Session<'_> {
    let mut session = Session::new(flow);
    for _ in 0..steps {
        let Current::Question { question, .. } = session.current() else {
            break;
        };
        let answer = first_answer(question);
        if session.answer(answer).is_err() {
            break;
        }
    }
    session
}

fn first_answer(question: &backcheck::compile::Question) -> AnswerValue {
    match question.form {
        Form::Number => AnswerValue::Number(question.range.map_or(0, |(min, _)| min.max(30))),
        Form::Multiple => AnswerValue::Many(vec![question.answers[0].id.clone()]),
        _ => AnswerValue::Choice(question.answers[0].id.clone()),
    }
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    for nodes in [1_000, 10_000, 100_000] {
        let source = source(nodes);
        group.bench_with_input(BenchmarkId::new("parse", nodes), &source, |b, source| {
            b.iter(|| {
                for (i, file) in source.files.iter().enumerate() {
                    black_box(backcheck::syntax::parse(&file.text, i).expect("parses"));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("compile", nodes), &source, |b, source| {
            b.iter(|| compile(black_box(source)).expect("compiles"))
        });
        let flow = compile(&source).expect("compiles");
        group.bench_with_input(BenchmarkId::new("check", nodes), &flow, |b, flow| {
            b.iter(|| backcheck::check::lint(black_box(flow)))
        });
        group.bench_with_input(BenchmarkId::new("verify", nodes), &flow, |b, flow| {
            b.iter(|| backcheck::check::verify(black_box(flow)).expect("acyclic"))
        });
        let session = walked(&flow, 20);
        let Current::Question { question, .. } = session.current() else {
            panic!("a synthetic walk of 20 answers is still asking")
        };
        let answer = first_answer(question);
        group.bench_function(BenchmarkId::new("engine step", nodes), |b| {
            b.iter_batched_ref(
                || session.clone(),
                |session| session.answer(black_box(answer.clone())).expect("valid"),
                BatchSize::SmallInput,
            )
        });
        group.bench_function(BenchmarkId::new("session save", nodes), |b| {
            b.iter(|| serde_json::to_string(&black_box(&session).to_saved()).expect("saves"))
        });
        let saved = serde_json::to_string(&session.to_saved()).expect("saves");
        group.bench_function(BenchmarkId::new("session load", nodes), |b| {
            b.iter(|| {
                let loaded: SavedSession = serde_json::from_str(black_box(&saved)).expect("loads");
                loaded.resume(&flow, false).expect("resumes")
            })
        });
    }
    group.finish();
}

criterion_group!(scale, benches);
criterion_main!(scale);
