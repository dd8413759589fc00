//! Embeds every .flow file under knowledge/ into the binary, so
//! `cargo run --release` needs no files at run time, and compiles
//! knowledge/lower_back with the crate's own compiler, so a run need not
//! parse it (src/embedded.rs loads the result).

use std::fs;
use std::path::{Path, PathBuf};

// The crate's first stages, text to `Flow`, compiled into the build script
// too. It uses only the compiler, so much of what they offer goes unused here.
#[allow(dead_code, unused_imports)]
#[path = "src/compile/mod.rs"]
mod compile;
#[allow(dead_code, unused_imports)]
#[path = "src/diagnostic/mod.rs"]
mod diagnostic;
#[allow(dead_code, unused_imports)]
#[path = "src/source/mod.rs"]
mod source;
#[allow(dead_code, unused_imports)]
#[path = "src/syntax/mod.rs"]
mod syntax;
// The one escaping function, which src/source names files with.
#[allow(dead_code)]
#[path = "src/printable.rs"]
mod printable;
// The one folder walker (std only), on its own: `collect` needs only it.
#[allow(clippy::duplicate_mod)]
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
    fs::write(out.join("lower_back.baked"), bake(&root.join("lower_back")))
        .expect("write compiled knowledge");
}

/// The compiled form of one knowledge folder, or nothing when it does not
/// load or compile: then the binary compiles the text at start and reports
/// the errors the way `backcheck check` does.
fn bake(folder: &Path) -> Vec<u8> {
    let Ok(source) = source::KnowledgeSource::from_dir(folder) else {
        return Vec::new();
    };
    match compile::compile(&source) {
        Ok(flow) => compile::bake(&flow),
        Err(_) => Vec::new(),
    }
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
