//! editors/: the TextMate grammar knows every keyword of the language, and
//! the VS Code manifest points at files that exist and starts `backcheck lsp`.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path))
        .unwrap_or_else(|error| panic!("read {path}: {error}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Every word the grammar spells in quotes: its keywords.
fn pest_keywords() -> BTreeSet<String> {
    let pest = read("grammar/flow.pest");
    let mut words = BTreeSet::new();
    for line in pest.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (i, part) in code.split('"').enumerate() {
            if i % 2 == 1 && part.len() > 1 && part.chars().all(|c| c.is_ascii_lowercase()) {
                words.insert(part.to_string());
            }
        }
    }
    words
}

/// Every word listed as an alternative in the TextMate patterns.
fn textmate_words(grammar: &Value, out: &mut BTreeSet<String>) {
    match grammar {
        Value::Object(map) => {
            if let Some(Value::String(pattern)) = map.get("match") {
                for group in pattern.split('(').skip(1) {
                    let inner = group.split(')').next().unwrap_or_default();
                    for word in inner.split('|') {
                        if word.chars().all(|c| c.is_ascii_lowercase()) && !word.is_empty() {
                            out.insert(word.to_string());
                        }
                    }
                }
            }
            map.values().for_each(|v| textmate_words(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| textmate_words(v, out)),
        _ => {}
    }
}

#[test]
fn the_textmate_grammar_highlights_every_keyword() {
    let grammar = json("editors/vscode/syntaxes/flow.tmLanguage.json");
    assert_eq!(grammar["scopeName"], "source.flow");
    let mut known = BTreeSet::new();
    textmate_words(&grammar, &mut known);
    let keywords = pest_keywords();
    assert!(keywords.len() > 40, "too few keywords found: {keywords:?}");
    let missing: Vec<&String> = keywords.difference(&known).collect();
    assert!(
        missing.is_empty(),
        "keywords of grammar/flow.pest missing from the TextMate grammar: {missing:?}"
    );
}

#[test]
fn the_vscode_extension_starts_the_server() {
    let manifest = json("editors/vscode/package.json");
    for path in [
        manifest["main"].as_str(),
        manifest["contributes"]["grammars"][0]["path"].as_str(),
        manifest["contributes"]["languages"][0]["configuration"].as_str(),
    ] {
        let path = path.expect("the manifest names the file");
        assert!(
            Path::new(ROOT).join("editors/vscode").join(path).is_file(),
            "{path} does not exist"
        );
    }
    assert_eq!(
        manifest["contributes"]["languages"][0]["extensions"][0],
        ".flow"
    );
    let extension = read("editors/vscode/extension.js");
    assert!(
        extension.contains(r#"["lsp"]"#),
        "the extension must run `backcheck lsp`"
    );
    json("editors/vscode/language-configuration.json");
}

/// The first fenced block of `language` in the README's section `heading`.
fn readme_block(heading: &str, language: &str) -> String {
    let readme = read("editors/README.md");
    let section = readme
        .split("\n## ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("no section `{heading}` in editors/README.md"));
    let fence = format!("```{language}\n");
    let start = section
        .find(&fence)
        .unwrap_or_else(|| panic!("no {language} block under `{heading}`"))
        + fence.len();
    let end = start + section[start..].find("```").expect("the block ends");
    section[start..end].to_string()
}

/// Issue 27.9: the setups `editors/try/run.sh` tries in Neovim and Emacs
/// are the ones the README gives, word for word.
#[test]
fn the_tried_setups_are_the_documented_ones() {
    assert_eq!(
        readme_block("Neovim 0.7 to 0.10", "lua"),
        read("editors/try/neovim-0.7.lua")
    );
    assert_eq!(
        readme_block("Emacs with eglot", "elisp"),
        read("editors/try/eglot.el")
    );
    let run = read("editors/try/run.sh");
    for file in [
        "neovim-0.7.lua",
        "neovim-fix.lua",
        "neovim-edit.lua",
        "eglot.el",
        "eglot-fix.el",
    ] {
        assert!(run.contains(file), "run.sh does not use {file}");
    }
    let ci = read(".ci/run");
    assert!(
        ci.contains("editors/try/run.sh"),
        "CI does not try the editors"
    );
}
