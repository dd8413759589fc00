//! Issue 27.6: the edits the language server makes (rename, every kind of
//! quick fix) leave the shipped knowledge in `fmt`'s canonical layout, on a
//! copy of the shipped folder, checked with `backcheck fmt --check`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Value, json};

use crate::common::lsp_client::{LspClient, position, uri};

/// A copy of knowledge/lower_back in a temporary folder.
pub fn shipped_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/lower_back");
    let to = dir.path().join("lower_back");
    copy_dir(&from, &to);
    (dir, to)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make the copy's folder");
    for entry in std::fs::read_dir(from).expect("read the shipped folder") {
        let entry = entry.expect("an entry");
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy a file");
        }
    }
}

/// The byte offset of an LSP position (UTF-16 columns) in `text`.
fn offset(text: &str, at: &Value) -> usize {
    let line = at["line"].as_u64().expect("a line") as usize;
    let column = at["character"].as_u64().expect("a column") as usize;
    let start = match line {
        0 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 1)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= column || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with the editor's `edits` (a list of TextEdit) made, as an
/// editor makes them: all positions are in the text before any edit.
pub fn apply_edits(text: &str, edits: &Value) -> String {
    let mut edits: Vec<(usize, usize, String)> = edits
        .as_array()
        .expect("a list of edits")
        .iter()
        .map(|edit| {
            (
                offset(text, &edit["range"]["start"]),
                offset(text, &edit["range"]["end"]),
                edit["newText"].as_str().expect("new text").to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|(start, end, _)| (*start, *end));
    for pair in edits.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "overlapping edits: {edits:?}");
    }
    let mut out = text.to_string();
    for (start, end, new_text) in edits.into_iter().rev() {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// A workspace edit's changes, by file path.
fn changes(edit: &Value) -> BTreeMap<PathBuf, Value> {
    edit["changes"]
        .as_object()
        .expect("changes by file")
        .iter()
        .map(|(address, edits)| {
            let path = address.strip_prefix("file://").expect("a file address");
            (PathBuf::from(path), edits.clone())
        })
        .collect()
}

/// Runs `backcheck ARGS FOLDER` and says whether it passed, with its output.
fn passes(args: &[&str], folder: &Path) -> (bool, String) {
    let output = crate::common::backcheck(args)
        .arg(folder)
        .output()
        .expect("run backcheck");
    (output.status.success(), crate::common::describe(&output))
}

/// `text` with every `word` that stands as a whole word replaced.
fn replace_word(text: &str, word: &str, by: &str) -> String {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(is_word) || after.is_some_and(is_word) {
            out.push_str(word);
        } else {
            out.push_str(by);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

fn fmt_check(folder: &Path) -> (bool, String) {
    passes(&["fmt", "--check"], folder)
}

/// The question of the shipped knowledge whose id is written in the most
/// files (with the file it is declared in).
fn question_used_most_widely() -> (String, usize) {
    use backcheck::compile::{Symbol, symbols};
    use backcheck::source::KnowledgeSource;
    use std::collections::BTreeSet;
    let source = KnowledgeSource::embedded();
    let table = symbols(&source);
    let mut best: Option<(usize, String, usize)> = None;
    for (id, declared) in table.declared() {
        let Symbol::Node(name) = &declared.symbol else {
            continue;
        };
        let text = &source.files[declared.span.file()].text;
        if !text[..declared.span.start()]
            .trim_end()
            .ends_with("question")
        {
            continue;
        }
        let files: BTreeSet<usize> = table.references_to(id).map(|r| r.span.file()).collect();
        if best.as_ref().is_none_or(|(count, ..)| files.len() > *count) {
            best = Some((files.len(), name.clone(), declared.span.file()));
        }
    }
    let (count, name, file) = best.expect("the shipped knowledge has questions");
    assert!(count >= 3, "{name} is written in only {count} files");
    (name, file)
}

#[test]
fn a_rename_across_the_shipped_knowledge_leaves_it_in_layout() {
    let (_dir, folder) = shipped_copy();
    assert!(fmt_check(&folder).0, "the shipped knowledge is in layout");
    let (id, file) = question_used_most_widely();
    let local = id.rsplit('.').next().expect("an id").to_string();
    let relative = backcheck::source::KnowledgeSource::embedded().files[file]
        .path
        .clone();
    let declared_in = folder.join(&relative);
    let text = std::fs::read_to_string(&declared_in).expect("read the declaring file");
    // Long enough that lists of answers naming it must be wrapped again.
    let new_name = format!("{local}_renamed_to_something_much_longer");
    let mut client = LspClient::start(&[]);
    client.open(&declared_in, &text);
    let at = position(
        &text,
        &format!("question {local} "),
        0,
        "question ".len() + 1,
    );
    // The folder is compiled for the first request; the rename is timed alone.
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&declared_in)}, "position": at}),
    );
    let started = Instant::now();
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri(&declared_in)}, "position": at, "newName": new_name}),
    );
    let took = started.elapsed();
    let changes = changes(&edit);
    assert!(changes.len() >= 3, "{id}: {} files changed", changes.len());
    let mut out_of_layout_if_only_renamed = 0;
    for (path, edits) in &changes {
        let before = std::fs::read_to_string(path).expect("read a changed file");
        let after = apply_edits(&before, edits);
        // What a rename that only replaced the words would have left.
        let naive = replace_word(&before, &local, &new_name);
        if backcheck::syntax::format(&naive).is_ok_and(|f| f != naive) {
            out_of_layout_if_only_renamed += 1;
        }
        std::fs::write(path, after).expect("write the renamed file");
    }
    let (clean, output) = fmt_check(&folder);
    assert!(clean, "after renaming {id}: {output}");
    let (compiles, output) = passes(&["check"], &folder);
    assert!(compiles, "after renaming {id}: {output}");
    let still_there = changes.keys().any(|path| {
        std::fs::read_to_string(path).is_ok_and(|text| text.contains(&format!("{local}=")))
    });
    assert!(!still_there, "an answer to {local} was left unrenamed");
    // The test bites: replacing the words alone leaves files out of layout.
    assert!(
        out_of_layout_if_only_renamed > 0,
        "renaming {id} moves no line: choose a longer name"
    );
    eprintln!(
        "rename of {id} across {} files (laid out again: {out_of_layout_if_only_renamed}) in {:.1} ms",
        changes.len(),
        took.as_secs_f64() * 1000.0
    );
    assert_eq!(client.shutdown(), Some(0));
}

/// One kind of quick fix: the file, the line that is broken (the first
/// whose words, spaces aside, `line` accepts) and how, and the code of the
/// diagnostic whose fix is taken. Lines are found by their words so that a
/// change of layout in the shipped files does not move the test.
struct Breakage {
    kind: &'static str,
    file: &'static str,
    line: fn(&str) -> bool,
    change: fn(&str) -> String,
    code: &'static str,
    /// Format the broken text first (it parses): the author's file was in
    /// layout before the fix, which then moves other lines.
    formatted_first: bool,
}

/// A line's words with one space between them.
fn words(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

const BREAKAGES: &[Breakage] = &[
    Breakage {
        kind: "did you mean (a fact in the longest condition: the arrows line up again)",
        file: "route.flow",
        line: |l| words(l).starts_with("when flexion_sensitive and extension_sensitive ->"),
        change: |l| l.replacen("extension_sensitive ", "extension_sensitiv ", 1),
        code: "E005",
        formatted_first: true,
    },
    Breakage {
        kind: "curly quotes",
        file: "pain.flow",
        line: |l| words(l).starts_with("ask \""),
        change: |l| l.replacen('"', "\u{201c}", 1),
        code: "E001",
        formatted_first: false,
    },
    Breakage {
        kind: "tags without a comma",
        file: "emergency.flow",
        line: |l| words(l).starts_with("tags red_flag, "),
        change: |l| l.replacen(", ", " ", 1),
        code: "E001",
        formatted_first: false,
    },
    Breakage {
        kind: "a word after expect",
        file: "cases_treat.flow",
        line: |l| words(l) == "expect treat",
        change: |l| l.replacen("treat", "treet", 1),
        code: "E001",
        formatted_first: false,
    },
    Breakage {
        kind: "refer without its urgency",
        file: "outcomes.flow",
        line: |l| words(l) == "verdict refer emergency",
        change: |l| l.replacen(" emergency", "", 1),
        code: "",
        formatted_first: true,
    },
    Breakage {
        kind: "an urgency without refer",
        file: "outcomes.flow",
        line: |l| words(l) == "verdict modify",
        change: |l| format!("{l} urgent"),
        code: "",
        formatted_first: true,
    },
    Breakage {
        kind: "an urgency without refer in a case",
        file: "cases_treat.flow",
        line: |l| words(l) == "expect treat",
        change: |l| format!("{l} urgent"),
        code: "",
        formatted_first: true,
    },
    Breakage {
        kind: "an empty range",
        file: "about.flow",
        line: |l| words(l).starts_with("number 0..120 "),
        change: |l| l.replacen("0..120", "120..0", 1),
        code: "",
        formatted_first: false,
    },
    Breakage {
        kind: "an invisible character",
        file: "pain.flow",
        line: |l| words(l).starts_with("ask \""),
        change: |l| l.replacen('"', "\"\u{202e}", 1),
        code: "E032",
        formatted_first: false,
    },
];

/// `text` with its first line that `breakage.line` accepts changed.
fn broken(text: &str, breakage: &Breakage) -> String {
    let mut done = false;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if !done && (breakage.line)(line) {
                done = true;
                (breakage.change)(line)
            } else {
                line.to_string()
            }
        })
        .collect();
    assert!(done, "{}: no such line in {}", breakage.kind, breakage.file);
    lines.join("\n")
}

#[test]
fn every_kind_of_quick_fix_leaves_the_shipped_knowledge_in_layout() {
    let mut report = Vec::new();
    for breakage in BREAKAGES {
        let (_dir, folder) = shipped_copy();
        let path = folder.join(breakage.file);
        let good = std::fs::read_to_string(&path).expect("read a shipped file");
        let mut broken = broken(&good, breakage);
        if breakage.formatted_first {
            broken = backcheck::syntax::format(&broken)
                .unwrap_or_else(|error| panic!("{}: {error:?}", breakage.kind));
        }
        std::fs::write(&path, &broken).expect("write the broken file");
        let mut client = LspClient::start(&[]);
        client.open(&path, &broken);
        let diagnostics = client.diagnostics(&uri(&path));
        let fixable: Vec<&Value> = diagnostics
            .iter()
            .filter(|d| breakage.code.is_empty() || d["code"] == json!(breakage.code))
            .filter(|d| d.get("data").is_some_and(|data| !data.is_null()))
            .collect();
        let Some(diagnostic) = fixable.first() else {
            panic!(
                "{}: no diagnostic with a fix: {diagnostics:#?}",
                breakage.kind
            )
        };
        let actions = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&path)}, "range": diagnostic["range"],
                   "context": {"diagnostics": [diagnostic]}}),
        );
        let action = &actions[0];
        let edits = &action["edit"]["changes"][uri(&path)];
        let fixed = apply_edits(&broken, edits);
        std::fs::write(&path, &fixed).expect("write the fixed file");
        let (clean, output) = fmt_check(&folder);
        assert!(
            clean,
            "{}: after `{}`: {output}\n{edits:#}",
            breakage.kind, action["title"]
        );
        assert_ne!(fixed, broken, "{}: the fix changed nothing", breakage.kind);
        if breakage.formatted_first && breakage.code == "E005" {
            // The test bites: the replacement alone would be out of layout.
            let fix = &diagnostic["data"]["fixes"][0];
            let alone = apply_edits(
                &broken,
                &json!([{"range": fix["range"], "newText": fix["newText"]}]),
            );
            assert!(
                backcheck::syntax::format(&alone).is_ok_and(|f| f != alone),
                "{}: the fix alone keeps the layout; the test proves nothing",
                breakage.kind
            );
            assert_eq!(fixed, good, "{}", breakage.kind);
        }
        report.push(format!("{}: {}", breakage.kind, action["title"]));
        assert_eq!(client.shutdown(), Some(0));
    }
    eprintln!("{}", report.join("\n"));
}
