//! Speed targets (issue 2): compile the shipped knowledge <= 1 ms; one engine
//! step (answer -> next question) <= 5 us; the whole `backcheck run --json`
//! process <= 2 ms median.
//!
//! The binary does not compile its knowledge at start: build.rs does, and a
//! run loads the result ("load shipped knowledge"). Compiling from the text
//! is still measured, as `--knowledge DIR` and the authors' tools do it.

use std::collections::HashMap;
use std::hint::black_box;
use std::process::Command;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use backcheck::compile::{AnswerValue, Flow, Form, compile};
use backcheck::engine::{Current, Session};
use backcheck::source::KnowledgeSource;

/// An answer for every question: "no" to yes/no, the first choice, the
/// lowest adult number. Enough to walk a long path through the graph.
fn plain_answers(flow: &Flow) -> HashMap<usize, AnswerValue> {
    let mut answers = HashMap::new();
    for (index, node) in flow.nodes.iter().enumerate() {
        if let Some(question) = flow.question(index) {
            let value = match question.form {
                Form::YesNo => AnswerValue::Choice("no".into()),
                Form::Single => AnswerValue::Choice(question.answers[0].id.clone()),
                Form::Multiple => AnswerValue::Many(vec![
                    question
                        .answers
                        .last()
                        .map(|a| a.id.clone())
                        .unwrap_or_default(),
                ]),
                Form::Number => {
                    let (min, max) = question.range.unwrap_or((0, 0));
                    AnswerValue::Number(30.clamp(min, max))
                }
            };
            let _ = node;
            answers.insert(index, value);
        }
    }
    answers
}

fn benches(c: &mut Criterion) {
    let source = KnowledgeSource::embedded();
    c.bench_function("compile shipped knowledge (from text)", |b| {
        b.iter(|| compile(black_box(&source)).expect("shipped knowledge compiles"))
    });

    let flow = compile(&source).expect("shipped knowledge compiles");
    let first = Session::new(&flow);
    let Current::Question { question, .. } = first.current() else {
        panic!("the shipped knowledge starts with a question")
    };
    let answer = if question.form == Form::YesNo {
        AnswerValue::Choice("no".into())
    } else {
        AnswerValue::Choice(question.answers[0].id.clone())
    };
    c.bench_function("engine step (answer -> next question)", |b| {
        b.iter_batched_ref(
            || first.clone(),
            |session| {
                session
                    .answer(black_box(answer.clone()))
                    .expect("valid answer")
            },
            BatchSize::SmallInput,
        )
    });

    let given = plain_answers(&flow);
    c.bench_function("replay a whole assessment", |b| {
        b.iter(|| Session::replay(black_box(&flow), black_box(&given)))
    });

    let walked = Session::replay(&flow, &given);
    let answers: Vec<String> = walked
        .answers()
        .map(|(q, v)| format!("{}={v}", flow.nodes[q].id))
        .collect();
    let answers = answers.join(",");
    let binary = env!("CARGO_BIN_EXE_backcheck");
    c.bench_function("process: backcheck run --answers ... --json", |b| {
        b.iter(|| {
            let output = Command::new(binary)
                .args(["run", "--json", "--answers", &answers])
                .output()
                .expect("run backcheck");
            assert!(output.status.code() == Some(0) || output.status.code() == Some(3));
        })
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
