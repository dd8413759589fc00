//! `backcheck fmt`: one canonical layout that is idempotent, keeps every
//! comment and never changes what the knowledge means; `--check` exit codes;
//! files that do not parse are reported and left alone.

use crate::common;

use std::fs;
use std::path::Path;

use backcheck::check::run_cases;
use backcheck::compile::compile;
use backcheck::report::GraphJson;
use backcheck::source::{KnowledgeSource, SourceFile};
use backcheck::syntax::format;
use common::{Knowledge, MINI, backcheck, describe, text};
use proptest::prelude::*;

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/lower_back");

/// (file name, text) of every .flow file in a folder, read only.
fn files(dir: &str) -> Vec<(String, String)> {
    let source = KnowledgeSource::from_dir(Path::new(dir)).expect("read the folder");
    source
        .files
        .into_iter()
        .map(|f| (f.path, f.text.to_string()))
        .collect()
}

fn formatted(name: &str, text: &str) -> String {
    format(text).unwrap_or_else(|d| panic!("{name} does not format: {}", d.message))
}

/// What the compiled knowledge means: the graph export without the content
/// hash (which changes with any byte), and each case's result.
fn meaning(files: &[(String, String)]) -> (serde_json::Value, Vec<(String, bool)>) {
    let source = KnowledgeSource {
        files: files
            .iter()
            .map(|(p, t)| SourceFile::new(p.clone(), t.clone()))
            .collect(),
    };
    let flow = compile(&source).unwrap_or_else(|e| panic!("does not compile: {e:?}"));
    let mut graph = serde_json::to_value(GraphJson::of(&flow)).expect("graph JSON");
    graph["knowledge"]["hash"] = serde_json::Value::Null;
    let cases = run_cases(&flow)
        .iter()
        .map(|r| (r.name.clone(), r.passed()))
        .collect();
    (graph, cases)
}

/// The text of every `// comment`, outside strings.
fn comments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '/' if !in_string && line[i..].starts_with("//") => {
                    found.push(line[i..].trim().to_string());
                    break;
                }
                _ => {}
            }
        }
    }
    found
}

fn check_folder(dir: &str) {
    let original = files(dir);
    let once: Vec<(String, String)> = original
        .iter()
        .map(|(name, text)| (name.clone(), formatted(name, text)))
        .collect();
    for ((name, before), (_, after)) in original.iter().zip(&once) {
        assert_eq!(
            &formatted(name, after),
            after,
            "{name}: formatting twice changed it again"
        );
        assert_eq!(
            comments(before),
            comments(after),
            "{name}: comments lost or changed"
        );
    }
    assert_eq!(
        meaning(&original),
        meaning(&once),
        "formatting changed what {dir} means"
    );
}

#[test]
fn mini_is_idempotent_keeps_comments_and_meaning() {
    check_folder(MINI);
}

#[test]
fn shipped_knowledge_is_idempotent_keeps_comments_and_meaning() {
    check_folder(SHIPPED);
}

#[test]
fn the_meaning_check_can_fail() {
    let original = files(MINI);
    let mut changed = original.clone();
    let outcomes = changed
        .iter_mut()
        .find(|(n, _)| n == "outcomes.flow")
        .expect("outcomes");
    outcomes.1 = outcomes
        .1
        .replacen("verdict refer emergency", "verdict refer urgent", 1);
    assert_ne!(meaning(&original), meaning(&changed));
}

#[test]
fn check_lists_files_that_would_change_and_exits_1() {
    let knowledge = Knowledge::mini();
    let before = fs::read_to_string(knowledge.join("safety.flow")).expect("read");
    let output = backcheck(&["fmt", "--check", knowledge.arg()])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(
        text(&output.stdout).contains("safety.flow"),
        "{}",
        describe(&output)
    );
    let after = fs::read_to_string(knowledge.join("safety.flow")).expect("read");
    assert_eq!(before, after, "--check must not write");
}

#[test]
fn fmt_rewrites_in_place_then_check_is_clean() {
    let knowledge = Knowledge::mini();
    let output = backcheck(&["fmt", knowledge.arg()]).output().expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let text_after = fs::read_to_string(knowledge.join("safety.flow")).expect("read");
    assert!(text_after.contains("  ask      \"Numbness"), "{text_after}");
    let output = backcheck(&["fmt", "--check", knowledge.arg()])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(output.stdout.is_empty(), "{}", describe(&output));
    let names: Vec<String> = fs::read_dir(knowledge.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n.ends_with(".flow")),
        "temp files left: {names:?}"
    );
    let output = backcheck(&["check", knowledge.arg()])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
}

#[test]
fn a_single_file_can_be_named() {
    let knowledge = Knowledge::mini();
    let path = knowledge.join("flow.flow");
    let path = path.to_str().expect("UTF-8 path");
    let output = backcheck(&["fmt", "--check", path]).output().expect("run");
    assert_eq!(
        output.status.code(),
        Some(0),
        "flow.flow is canonical: {}",
        describe(&output)
    );
}

#[test]
fn default_is_the_knowledge_folder_under_the_current_one() {
    let work = Knowledge::empty().file("knowledge/demo/main.flow", "fact a:bool\n");
    let output = backcheck(&["fmt", "--check"])
        .current_dir(work.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(
        text(&output.stdout).contains("main.flow"),
        "{}",
        describe(&output)
    );
    let output = backcheck(&["fmt"])
        .current_dir(work.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let after = fs::read_to_string(work.join("knowledge/demo/main.flow")).expect("read");
    assert_eq!(after, "fact a: bool\n");
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_left_alone() {
    let broken = "question first {\n  ask \"Sore?\n  yes -> done\n}\n";
    let knowledge = Knowledge::empty()
        .file("broken.flow", broken)
        .file("good.flow", "fact a:bool\n");
    let output = backcheck(&["fmt", knowledge.arg()]).output().expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("broken.flow:"), "no location: {stderr}");
    assert!(stderr.contains("Error"), "{stderr}");
    assert_eq!(
        fs::read_to_string(knowledge.join("broken.flow")).expect("read"),
        broken
    );
    assert_eq!(
        fs::read_to_string(knowledge.join("good.flow")).expect("read"),
        "fact a: bool\n",
        "the other files are still formatted"
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let output = backcheck(&["fmt", "/no/such/folder"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
}

/// The fixture's files joined into one text, as proptest's starting point.
fn mini_text() -> String {
    files(MINI)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Cutting, repeating or inserting text anywhere never panics; whatever
    /// formats, formats to itself the second time.
    #[test]
    fn formatting_a_mutated_file_never_panics(
        start in 0usize..4000,
        length in 0usize..80,
        insert in prop::sample::select(vec![
            "", "{", "}", "\"", "// note\n", "->", " next ", "\n\n", "(", "[a, b]", "yes -> x ",
            "answer a \"A\" ", "when a or b -> x ", "set f = v ", "note \"n\" therapist \"t\" ",
        ]),
        repeat in any::<bool>(),
    ) {
        let text = mini_text();
        let mut start = start.min(text.len());
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + length).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let middle = if repeat { text[start..end].repeat(2) } else { insert.to_string() };
        let mutated = format!("{}{}{}", &text[..start], middle, &text[end..]);
        if let Ok(once) = format(&mutated) {
            let twice = format(&once);
            prop_assert!(twice.is_ok(), "the formatted text does not format");
            prop_assert_eq!(twice.ok(), Some(once));
        }
    }
}
