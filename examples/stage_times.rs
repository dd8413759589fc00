//! Times each stage of compiling knowledge (a profiling aid).
//!
//!   stage_times [RUNS]         the shipped knowledge, RUNS times (default 50)
//!   stage_times --dir DIR     one run on a folder: load, parse, compile, lint, render
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live and peak heap bytes, so each stage's memory can be told apart.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Live and peak heap in MiB since the last call, which resets the peak.
fn heap() -> String {
    let live = LIVE.load(Relaxed);
    let peak = PEAK.swap(live, Relaxed);
    format!("live {:.1} MiB, peak {:.1} MiB", mib(live), mib(peak))
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

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

fn one_folder(dir: &std::path::Path) {
    let t = Instant::now();
    let source = backcheck::source::KnowledgeSource::from_dir(dir).expect("a knowledge folder");
    let bytes: usize = source.files.iter().map(|f| f.text.len()).sum();
    println!("load: {:?} ({bytes} bytes; {})", t.elapsed(), heap());
    let t = Instant::now();
    let trees: Vec<_> = source
        .files
        .iter()
        .enumerate()
        .map(|(i, file)| backcheck::syntax::parse(&file.text, i))
        .collect();
    println!("parse (one thread): {:?} ({})", t.elapsed(), heap());
    drop(trees);
    heap();
    let t = Instant::now();
    let flow = backcheck::compile::compile(&source).expect("knowledge that compiles");
    println!("compile total: {:?} ({})", t.elapsed(), heap());
    let t = Instant::now();
    let warnings = backcheck::check::lint(&flow);
    println!(
        "lint: {:?} ({} warnings; {})",
        t.elapsed(),
        warnings.len(),
        heap()
    );
    let t = Instant::now();
    let text = backcheck::diagnostic::render_all(&warnings, &flow.files, false);
    println!(
        "render: {:?} ({} bytes; {})",
        t.elapsed(),
        text.len(),
        heap()
    );
}
