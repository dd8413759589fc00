//! The one-way data flow of docs/architecture.md, checked: each stage may use
//! only the stages before it. A `use crate::...` that points the wrong way
//! fails here, naming the file.

use std::path::Path;

/// Each folder of src/ and the stages it may use.
const MAY_USE: &[(&str, &[&str])] = &[
    ("source", &[]),
    ("diagnostic", &["source"]),
    ("syntax", &["diagnostic"]),
    ("compile", &["diagnostic", "source", "syntax"]),
    ("check", &["compile", "diagnostic", "engine"]),
    ("engine", &["compile"]),
    ("report", &["compile", "engine"]),
    ("terminal", &[]),
    ("repl", &["compile", "engine", "report", "terminal"]),
    ("rehearse", &["compile", "engine", "report", "terminal"]),
    (
        "lsp",
        &["source", "diagnostic", "syntax", "compile", "check"],
    ),
    (
        "cli",
        &[
            "source",
            "diagnostic",
            "syntax",
            "compile",
            "check",
            "engine",
            "report",
            "terminal",
            "repl",
            "rehearse",
            "lsp",
            "embedded",
        ],
    ),
];

const STAGES: &[&str] = &[
    "source",
    "diagnostic",
    "syntax",
    "compile",
    "check",
    "engine",
    "report",
    "terminal",
    "repl",
    "rehearse",
    "lsp",
    "embedded",
    "cli",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_stage_uses_only_the_stages_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (stage, allowed) in MAY_USE {
        let mut files = Vec::new();
        rust_files(&src.join(stage), &mut files);
        assert!(!files.is_empty(), "src/{stage} has no files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if text.contains("crate::{") {
                wrong.push(format!(
                    "{}: one `use crate::STAGE` per stage",
                    file.display()
                ));
            }
            for other in STAGES
                .iter()
                .filter(|o| *o != stage && !allowed.contains(o))
            {
                if text.contains(&format!("crate::{other}")) {
                    wrong.push(format!("{} uses {other}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
