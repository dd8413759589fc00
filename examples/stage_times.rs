//! Times each stage of compiling and checking knowledge (a profiling aid).
//!
//!   stage_times [RUNS]         the shipped knowledge, RUNS times (default 50)
//!   stage_times --dir DIR     one run on a folder: load, parse, compile, lint, render
//!
//! For memory, `/usr/bin/time -f %M backcheck check DIR` gives the peak.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--dir") {
        let Some(dir) = args.get(1) else {
            eprintln!("usage: stage_times --dir DIR");
            std::process::exit(2);
        };
        return one_folder(std::path::Path::new(dir));
    }
    let source = backcheck::source::KnowledgeSource::embedded();
    let bytes: usize = source.files.iter().map(|f| f.text.len()).sum();
    let runs: u32 = args.first().and_then(|a| a.parse().ok()).unwrap_or(50);
    let t = Instant::now();
    for _ in 0..runs {
        for (i, file) in source.files.iter().enumerate() {
            backcheck::syntax::parse(&file.text, i).expect("the shipped knowledge parses");
        }
    }
    println!("parse: {:?} per run ({bytes} bytes)", t.elapsed() / runs);
    let t = Instant::now();
    for _ in 0..runs {
        backcheck::compile::compile(&source).expect("the shipped knowledge compiles");
    }
    println!("compile (parse included): {:?} per run", t.elapsed() / runs);
}

fn one_folder(dir: &std::path::Path) {
    let t = Instant::now();
    let source = backcheck::source::KnowledgeSource::from_dir(dir).expect("a knowledge folder");
    let bytes: usize = source.files.iter().map(|f| f.text.len()).sum();
    println!("load: {:?} ({bytes} bytes)", t.elapsed());
    let t = Instant::now();
    for (i, file) in source.files.iter().enumerate() {
        let _ = backcheck::syntax::parse(&file.text, i);
    }
    println!("parse: {:?}", t.elapsed());
    let t = Instant::now();
    let flow = backcheck::compile::compile(&source).expect("knowledge that compiles");
    println!("compile (parse included): {:?}", t.elapsed());
    let t = Instant::now();
    let warnings = backcheck::check::lint(&flow);
    println!("lint: {:?} ({} warnings)", t.elapsed(), warnings.len());
    let t = Instant::now();
    let text = backcheck::diagnostic::render_all(&warnings, flow.files(), false);
    println!("render: {:?} ({} bytes)", t.elapsed(), text.len());
}
