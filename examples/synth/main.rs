//! Writes a synthetic knowledge folder of N nodes:
//! `cargo run --release --example synth -- --nodes N --out DIR [--seed S]`.

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut nodes = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--nodes", Some(v)) => nodes = v.parse::<usize>().ok(),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(nodes), Some(out)) = (nodes, out) else {
        return usage();
    };
    if let Err(error) = write(nodes, seed, &out) {
        eprintln!("error: {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write(nodes: usize, seed: u64, out: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for (name, text) in generate::files(nodes, seed) {
        std::fs::write(out.join(name), text)?;
    }
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!("usage: synth --nodes N --out DIR [--seed S]   (N >= 8)");
    ExitCode::from(2)
}
