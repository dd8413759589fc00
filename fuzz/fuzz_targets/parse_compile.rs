//! Bytes -> knowledge folder -> compile -> (on success) checks and a walk.
//! Nothing may panic, overflow the stack or hang.
//!
//! The input is one or more files separated by NUL bytes; each file is
//! `name\ntext`. Names matter because a file's name is its namespace
//! (`pain.flow` holds `pain.bones`), so the seeds in fuzz/seeds can be the
//! mini fixture, which compiles, rather than text that stops in the parser.
#![no_main]

use backcheck::check;
use backcheck::compile::{Form, compile};
use backcheck::diagnostic::render_all;
use backcheck::engine::{Current, Session};
use backcheck::source::{KnowledgeSource, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let files: Vec<SourceFile> = text
        .split('\0')
        .take(8)
        .enumerate()
        .map(|(i, chunk)| match chunk.split_once('\n') {
            Some((name, body)) if name.ends_with(".flow") && !name.is_empty() => {
                SourceFile::new(name, body)
            }
            _ => SourceFile::new(format!("f{i}.flow"), chunk),
        })
        .collect();
    let source = KnowledgeSource { files };
    let flow = match compile(&source) {
        Ok(flow) => flow,
        Err(errors) => {
            assert!(!errors.is_empty());
            let _ = render_all(&errors, &source.files, false);
            return;
        }
    };
    let _ = check::lint(&flow);
    let _ = check::verify(&flow);
    let _ = check::run_cases(&flow);

    // Walk: the lines of the input as answers, with a valid answer whenever
    // the typed one is refused, and a back / change every few steps.
    let mut session = Session::new(&flow);
    for (step, line) in text.lines().take(64).enumerate() {
        if session.answer_text(line).is_err() {
            if let Current::Question { question, .. } = session.current() {
                let pick = match question.form {
                    Form::Number => question.range.map_or(0, |(min, _)| min).to_string(),
                    _ => question
                        .answers
                        .get(step % question.answers.len().max(1))
                        .map_or_else(|| "yes".to_string(), |a| a.id.to_string()),
                };
                let _ = session.answer_text(&pick);
            }
        }
        match step % 7 {
            3 => {
                session.back();
            }
            5 => {
                let first = session.answers().next().map(|(question, _)| question);
                if let Some(first) = first {
                    let _ = session.change(first, line);
                }
            }
            _ => {}
        }
        let _ = session.current();
        let _ = session.to_saved();
    }
});
