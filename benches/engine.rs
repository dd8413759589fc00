//! Speed targets on the shipped knowledge (issue 12): the whole
//! `backcheck run --json` process <= 10 ms median; `check`, `verify` and
//! `test` <= 50 ms each. Each is measured as a person meets it: a process
//! started from the binary, which compiles the embedded knowledge first.
//! Compiling alone is measured too, as every one of them starts with it.

use std::hint::black_box;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

use backcheck::compile::compile;
use backcheck::source::KnowledgeSource;

/// A path through the opening and the emergency screen to the first question
/// of the pain pattern: long enough that the run does real work.
const ANSWERS: &str = "opening=self_pain,back_pain=yes,how_old=40,pregnancy=no,saddle_numbness=no,\
                       bladder_bowel=no,sexual_function=no,leg_symptoms=no,fainting=no,confusion=no,fever=no,\
                       history_screen=none,risk_screen=none,symptom_screen=none";

fn benches(c: &mut Criterion) {
    let source = KnowledgeSource::embedded();
    c.bench_function("compile shipped knowledge", |b| {
        b.iter(|| compile(black_box(&source)).expect("shipped knowledge compiles"))
    });

    let binary = env!("CARGO_BIN_EXE_backcheck");
    let processes: [(&str, &[&str], &[i32]); 4] = [
        (
            "process: backcheck run --json",
            &["run", "--json", "--answers", ANSWERS],
            &[0, 3],
        ),
        ("process: backcheck check", &["check"], &[0]),
        ("process: backcheck verify", &["verify"], &[0]),
        ("process: backcheck test", &["test"], &[0]),
    ];
    for (name, args, ok) in processes {
        c.bench_function(name, |b| {
            b.iter(|| {
                let output = Command::new(binary)
                    .args(args)
                    .output()
                    .expect("run backcheck");
                let code = output.status.code().unwrap_or(-1);
                assert!(ok.contains(&code), "{name}: exit {code}");
            })
        });
    }
}

criterion_group!(engine, benches);
criterion_main!(engine);
