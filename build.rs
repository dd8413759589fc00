//! Embeds every .flow file under knowledge/ into the binary, so
//! `cargo run --release` needs no files at run time (src/embedded.rs
//! compiles the shipped folder at start).

use std::fs;
use std::path::{Path, PathBuf};

// The crate's one folder walker (std only), so the binary embeds exactly
// the files `check` reads.
#[path = "src/source/flow_walk.rs"]
mod flow_walk;

fn main() {
    // Read at run time: a build script compiled for one checkout may be reused
    // by another that shares the target folder.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("knowledge");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from("static EMBEDDED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&root).expect("under knowledge/");
        let relative = relative.to_string_lossy().replace('\\', "/");
        code.push_str(&format!(
            "    ({relative:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("embedded_knowledge.rs"), code).expect("write embedded knowledge");
}

/// Every .flow file under `dir`, by the crate's one folder walker; cargo is
/// told to watch each folder too, so a new file rebuilds. A folder that
/// cannot be listed embeds nothing, and the binary reports that as `check` does.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(files) = flow_walk::walk_flow_files(dir) else {
        return;
    };
    for file in files {
        if let Some(folder) = dir.join(&file.relative).parent() {
            println!("cargo:rerun-if-changed={}", folder.display());
        }
        out.push(dir.join(file.relative));
    }
}
