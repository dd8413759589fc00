//! The integration tests: one binary, one module per feature (as casey/just
//! does), so the crate is linked once rather than once per test file.
//! Cargo.toml sets `autotests = false`: a new file in tests/ must be named
//! here, and `every_test_file_is_a_module` below fails until it is.

#[path = "../examples/synth/adversarial.rs"]
mod adversarial;
mod common;
mod synthetic;

mod answer_corpus;
mod answer_safety;
mod author;
mod cli_args;
mod cli_chat;
mod cli_rehearse;
mod cli_resume;
mod cli_run;
mod cli_serve;
mod cli_test_cmd;
mod confinement;
mod diagnostics;
mod diff;
mod editors;
mod embedded;
mod fmt;
mod graph;
mod honest_uncertainty;
mod hostile;
mod lint_wording;
mod lints;
mod lsp;
mod lsp_canonical;
mod lsp_latency;
mod mutate;
mod never_panic;
mod outcome_screen;
mod pty_chat;
mod pty_conversation;
mod pty_loose;
mod pty_loose_answers;
mod pty_rehearse;
mod pty_sentences;
mod readme;
mod red_flags_table;
mod rehearse_players;
mod rehearse_reasoning;
mod root_keys;
mod safety_holes;
mod screen_craft;
mod sentence_corpus;
mod verify;
mod what_decided;

/// With `autotests = false`, a test file not named above would never run.
#[test]
fn every_test_file_is_a_module() {
    let here = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let this = include_str!("integration.rs");
    let entries = std::fs::read_dir(here).expect("read tests/");
    for entry in entries {
        let name = entry.expect("a tests/ entry").file_name();
        let name = name.to_string_lossy();
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        if module == "integration" {
            continue;
        }
        assert!(
            this.lines().any(|line| line == format!("mod {module};")),
            "tests/{name} is not a module of tests/integration.rs, so it would never run"
        );
    }
}
