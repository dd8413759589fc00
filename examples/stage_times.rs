//! Times each stage of compiling the shipped knowledge (a profiling aid).
use std::time::Instant;

fn main() {
    let source = backcheck::source::KnowledgeSource::embedded();
    let bytes: usize = source.files.iter().map(|f| f.text.len()).sum();
    let runs: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let t = Instant::now();
    for _ in 0..runs {
        for (i, file) in source.files.iter().enumerate() {
            backcheck::syntax::parse(&file.text, i).unwrap();
        }
    }
    println!("parse: {:?} per run ({bytes} bytes)", t.elapsed() / runs);
    let t = Instant::now();
    for _ in 0..runs {
        source.content_hash();
    }
    println!("hash: {:?}", t.elapsed() / runs);
    let t = Instant::now();
    for _ in 0..runs {
        backcheck::compile::compile(&source).unwrap();
    }
    println!("compile total: {:?}", t.elapsed() / runs);
}
