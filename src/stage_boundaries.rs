//! The one-way data flow of docs/architecture.md, checked: each module of
//! src/ may use only the modules before it. Every file of src/ is read,
//! main.rs and the top-level files included; its `use` trees and the
//! `crate::…` (in main.rs `backcheck::…`) paths in its code are parsed, with
//! comments and strings skipped, and resolved to the module they name. A path
//! that points the wrong way fails here, naming the file and the path. So
//! does a folder or file of src/ the table does not list: a new stage must
//! be given its place.
//!
//! Test code (`#[cfg(test)]` items) is not held to the table: it builds one
//! stage's input with the stages before it and checks one stage against
//! another (the prover against a real session), and it is not part of the
//! library a stage depends on.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each module of the crate (a folder of src/ or a top-level file) and the
/// modules it may use. Its own module it may always use.
const MAY_USE: &[(&str, &[&str])] = &[
    // The process: clap, exit codes and which stream gets what; the work is
    // the commands' (and the language server's loop, which owns stdio).
    ("main", &["cli", "lsp"]),
    // Declares the modules; uses none.
    ("lib", &[]),
    ("stage_boundaries", &[]),
    // Helpers beside the stages, for any stage that touches the outside.
    ("printable", &[]),
    ("file_read", &[]),
    ("file_write", &[]),
    // The stages, in the order data flows through them.
    ("source", &["file_read", "printable"]),
    ("embedded", &["source"]),
    ("diagnostic", &["source"]),
    ("syntax", &["diagnostic"]),
    ("compile", &["diagnostic", "source", "syntax"]),
    // engine only to run cases: see ONLY_FROM.
    ("check", &["compile", "diagnostic", "engine"]),
    ("engine", &["compile", "printable"]),
    ("report", &["compile", "engine"]),
    // Two flows compared: walked together on the engine, proved and tested by check.
    ("diff", &["check", "compile", "engine"]),
    ("terminal", &["file_read", "file_write", "printable"]),
    (
        "repl",
        &[
            "compile",
            "engine",
            "file_write",
            "printable",
            "report",
            "terminal",
        ],
    ),
    (
        "rehearse",
        &[
            "compile",
            "engine",
            "file_read",
            "file_write",
            "printable",
            "report",
            "terminal",
        ],
    ),
    (
        "lsp",
        &[
            "check",
            "compile",
            "diagnostic",
            "diff",
            "file_read",
            "source",
            "syntax",
        ],
    ),
    // The web pages: a front end beside the REPL, on the same engine.
    ("web", &["compile", "engine", "report"]),
    // The commands, each a library function that main prints or maps to an
    // exit code: they wire every stage, and only main uses them.
    ("cli", EVERYTHING),
];

/// Every module a module may use (all but lib, main and this test).
const EVERYTHING: &[&str] = &[
    "check",
    "compile",
    "diagnostic",
    "diff",
    "embedded",
    "engine",
    "file_read",
    "file_write",
    "lsp",
    "printable",
    "rehearse",
    "repl",
    "report",
    "source",
    "syntax",
    "terminal",
    "web",
    "cli",
];

/// A module that another may use from these files only: (the module, the
/// module it uses, the files under src/). check runs the engine only to
/// replay cases; the rest of it reads a condition through the compiler's
/// `eval` and never holds a session.
const ONLY_FROM: &[(&str, &str, &[&str])] = &[("check", "engine", &["check/case_runner.rs"])];

/// The module a file of src/ belongs to, and its module path in the crate.
fn module_of(relative: &Path) -> (String, Vec<String>) {
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    match parts.as_slice() {
        [file] if file == "lib" => ("lib".into(), Vec::new()),
        [file] if file == "main" => ("main".into(), Vec::new()),
        _ => {
            let mut path = parts.clone();
            if path.last().is_some_and(|last| last == "mod") {
                path.pop();
            }
            (parts[0].clone(), path)
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Punct(char),
    /// `::`
    PathSep,
}

/// The identifiers and punctuation of Rust text, without comments, strings,
/// characters and lifetimes: only what can spell a path.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let ident_char = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            '"' => i = skip_string(&chars, i + 1),
            '\'' => {
                // A character ('x', '\n', '\u{..}') or a lifetime ('a).
                if next == Some('\\') {
                    // Past the quote, the backslash and the escaped character.
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            ':' if next == Some(':') => {
                out.push(Token::PathSep);
                i += 2;
            }
            c if ident_char(c) => {
                let start = i;
                while i < chars.len() && ident_char(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let quote = chars.get(i).copied();
                match (word.as_str(), quote) {
                    // b"..", r"..", br"..", r#".."#: strings, not names.
                    ("b" | "r" | "br" | "rb", Some('"' | '#')) => {
                        let mut hashes = 0;
                        while chars.get(i) == Some(&'#') {
                            hashes += 1;
                            i += 1;
                        }
                        if chars.get(i) != Some(&'"') {
                            // r#ident: a raw identifier.
                            continue;
                        }
                        i = if word.contains('r') {
                            skip_raw_string(&chars, i + 1, hashes)
                        } else {
                            skip_string(&chars, i + 1)
                        };
                    }
                    // b'x'
                    ("b", Some('\'')) => {
                        i += 1;
                        if chars.get(i) == Some(&'\\') {
                            i += 1;
                        }
                        while i < chars.len() && chars[i] != '\'' {
                            i += 1;
                        }
                        i += 1;
                    }
                    _ => out.push(Token::Ident(word)),
                }
            }
            c if c.is_whitespace() => i += 1,
            c => {
                out.push(Token::Punct(c));
                i += 1;
            }
        }
    }
    out
}

/// The index after the closing quote of a string whose body starts at `i`.
fn skip_string(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn skip_raw_string(chars: &[char], mut i: usize, hashes: usize) -> usize {
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// One path a file names, as written (`crate::compile::Flow`,
/// `super::case_runner::*`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Written {
    path: Vec<String>,
    /// The inline modules (`mod tests { .. }`) it is written in, for `super`.
    inside: Vec<String>,
    /// Written in `#[cfg(test)]` code.
    in_test: bool,
}

/// What one file says about modules: the paths it writes, and the file
/// modules it declares for tests only (`#[cfg(test)] mod tests;`), each as
/// a path below the file's own module.
#[derive(Debug, Default)]
struct Scan {
    paths: Vec<Written>,
    test_modules: Vec<Vec<String>>,
}

/// Every path of `tokens` that may start at the crate: `use` trees whole,
/// and paths in code that start with `crate`, `super`, `self` or `root`.
fn scan(tokens: &[Token], root: &str) -> Scan {
    let mut found = Scan::default();
    // The inline modules open: name, the brace depth inside it, test only.
    let mut modules: Vec<(String, usize, bool)> = Vec::new();
    let mut depth = 0usize;
    // A `#[cfg(test)]` seen, for the item that follows it.
    let mut test_attribute = false;
    let ident = |i: usize| match tokens.get(i) {
        Some(Token::Ident(word)) => Some(word.as_str()),
        _ => None,
    };
    let mut i = 0;
    while i < tokens.len() {
        let in_test = test_attribute || modules.iter().any(|(_, _, test)| *test);
        let inside = || {
            modules
                .iter()
                .map(|(name, ..)| name.clone())
                .collect::<Vec<_>>()
        };
        match &tokens[i] {
            Token::Punct('#') if is_cfg_test(tokens, i + 1) => {
                test_attribute = true;
                i += 7;
                continue;
            }
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                if modules.last().is_some_and(|(_, d, _)| *d == depth) {
                    modules.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Token::Ident(word) if word == "mod" => match (ident(i + 1), tokens.get(i + 2)) {
                (Some(name), Some(Token::Punct('{'))) => {
                    modules.push((name.to_string(), depth + 1, in_test));
                    test_attribute = false;
                    i += 3;
                    depth += 1;
                    continue;
                }
                (Some(name), Some(Token::Punct(';'))) if in_test => {
                    let mut module = inside();
                    module.push(name.to_string());
                    found.test_modules.push(module);
                }
                _ => {}
            },
            Token::Ident(word) if word == "use" => {
                let mut paths = Vec::new();
                i = use_tree(tokens, i + 1, Vec::new(), &mut paths);
                let inside = inside();
                found.paths.extend(paths.into_iter().map(|path| Written {
                    path,
                    inside: inside.clone(),
                    in_test,
                }));
                test_attribute = false;
                continue;
            }
            Token::Ident(word)
                if tokens.get(i + 1) == Some(&Token::PathSep)
                    && (i == 0 || tokens[i - 1] != Token::PathSep)
                    && (["crate", "super", "self"].contains(&word.as_str()) || word == root) =>
            {
                let mut path = vec![word.clone()];
                while tokens.get(i + 1) == Some(&Token::PathSep) {
                    let Some(next) = ident(i + 2) else { break };
                    path.push(next.to_string());
                    i += 2;
                }
                found.paths.push(Written {
                    path,
                    inside: inside(),
                    in_test,
                });
            }
            // An item after `#[cfg(test)]`: test code to its end.
            Token::Ident(word) if test_attribute && ITEMS.contains(&word.as_str()) => {
                let end = item_end(tokens, i);
                let item = scan(&tokens[i..end], root);
                let inside = inside();
                found
                    .paths
                    .extend(item.paths.into_iter().map(|written| Written {
                        inside: inside.iter().chain(&written.inside).cloned().collect(),
                        in_test: true,
                        ..written
                    }));
                test_attribute = false;
                i = end;
                continue;
            }
            _ => {}
        }
        if matches!(tokens[i], Token::Punct(';' | ',' | '{' | '}')) {
            test_attribute = false;
        }
        i += 1;
    }
    found
}

/// The words that start an item a `#[cfg(test)]` can stand before.
const ITEMS: &[&str] = &[
    "fn", "impl", "struct", "enum", "const", "static", "trait", "type",
];

/// Whether the tokens from `i` are `[cfg(test)]`.
fn is_cfg_test(tokens: &[Token], i: usize) -> bool {
    let want = [
        Token::Punct('['),
        Token::Ident("cfg".into()),
        Token::Punct('('),
        Token::Ident("test".into()),
        Token::Punct(')'),
        Token::Punct(']'),
    ];
    tokens.get(i..i + want.len()) == Some(&want[..])
}

/// The index after the item starting at `start`: after its braces, or its
/// `;` when it has none.
fn item_end(tokens: &[Token], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(start) {
        match token {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') if depth <= 1 => return i + 1,
            Token::Punct('}') => depth -= 1,
            Token::Punct(';') if depth == 0 => return i + 1,
            _ => {}
        }
    }
    tokens.len()
}

/// Reads one use tree from `i` (after `use`, or inside braces), adding each
/// full path under `prefix` to `out`; returns the index after it.
fn use_tree(
    tokens: &[Token],
    mut i: usize,
    mut path: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match tokens.get(i) {
            // `as name`: the path is whole.
            Some(Token::Ident(word)) if word == "as" => i += 2,
            Some(Token::Ident(word)) => {
                path.push(word.clone());
                i += 1;
            }
            Some(Token::PathSep) => i += 1,
            Some(Token::Punct('*')) => i += 1,
            Some(Token::Punct('{')) => {
                i += 1;
                loop {
                    match tokens.get(i) {
                        Some(Token::Punct('}')) => break i += 1,
                        Some(Token::Punct(',')) => i += 1,
                        Some(_) => i = use_tree(tokens, i, path.clone(), out),
                        None => return i,
                    }
                }
                return end_of_use(tokens, i);
            }
            _ => {
                out.push(path);
                return end_of_use(tokens, i);
            }
        }
    }
}

/// Past the `;` that ends a `use`; at the `,` or `}` that ends a subtree.
fn end_of_use(tokens: &[Token], i: usize) -> usize {
    match tokens.get(i) {
        Some(Token::Punct(';')) => i + 1,
        _ => i,
    }
}

/// Where a file stands in the crate.
struct Place<'a> {
    /// Its module path: `["check", "verify"]` for src/check/verify.rs.
    module_path: &'a [String],
    /// How the library is named in it: `crate`, or `backcheck` in main.rs.
    library: &'a str,
    /// In lib.rs a `use` may name a module without `crate::`.
    known: Option<&'a BTreeSet<&'a str>>,
}

/// The module of the library a written path names, if it names one.
fn target(written: &Written, place: &Place) -> Option<String> {
    let mut at: Vec<String> = place
        .module_path
        .iter()
        .chain(&written.inside)
        .cloned()
        .collect();
    let mut segments = written.path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some(head) if head == place.library => {
            segments.next();
            at.clear();
        }
        Some("super" | "self") => {
            while let Some(head) = segments.next_if(|s| *s == "super" || *s == "self") {
                if head == "super" {
                    at.pop();
                }
            }
        }
        Some(head) if place.known.is_some_and(|known| known.contains(head)) && at.is_empty() => {}
        _ => return None,
    }
    at.extend(segments.cloned());
    at.into_iter().next()
}

/// One file of src/, read.
struct File {
    /// Its path below src/.
    relative: PathBuf,
    /// Its module of the table: `check` for src/check/verify.rs.
    module: String,
    /// Its module path in the crate: `["check", "verify"]`.
    module_path: Vec<String>,
    scan: Scan,
}

impl File {
    fn read(src: &Path, file: &Path) -> File {
        let relative = file.strip_prefix(src).unwrap_or(file).to_path_buf();
        let (module, module_path) = module_of(&relative);
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let scan = scan(&tokens(&text), library_name(&module));
        File {
            relative,
            module,
            module_path,
            scan,
        }
    }

    /// Each path outside test code that names another module of the
    /// library, as written, with that module.
    fn uses(&self, known: &BTreeSet<&str>) -> Vec<(String, String)> {
        let place = Place {
            module_path: &self.module_path,
            library: library_name(&self.module),
            known: (self.module == "lib").then_some(known),
        };
        (self.scan.paths.iter())
            .filter(|written| !written.in_test)
            .filter_map(|written| Some((target(written, &place)?, written.path.join("::"))))
            .filter(|(target, _)| *target != self.module)
            .collect()
    }
}

/// main.rs is the binary: the library is `backcheck` there (and `crate` is
/// the binary itself).
fn library_name(module: &str) -> &'static str {
    if module == "main" {
        "backcheck"
    } else {
        "crate"
    }
}

/// What is wrong with the modules of the files, one line each.
fn wrong_uses(files: &[File]) -> Vec<String> {
    let known: BTreeSet<&str> = MAY_USE.iter().map(|(module, _)| *module).collect();
    // Files declared `#[cfg(test)] mod x;` are test code through and through.
    let test_modules: Vec<Vec<String>> = (files.iter())
        .flat_map(|file| {
            (file.scan.test_modules.iter())
                .map(|below| file.module_path.iter().chain(below).cloned().collect())
        })
        .collect();
    let mut wrong = Vec::new();
    for file in files {
        let shown = file.relative.display();
        let Some((_, allowed)) = MAY_USE.iter().find(|(m, _)| *m == file.module) else {
            wrong.push(format!(
                "src/{shown}: `{}` is not in the table of src/stage_boundaries.rs",
                file.module
            ));
            continue;
        };
        if file.module_path.len() > 1
            && test_modules.iter().any(|t| file.module_path.starts_with(t))
        {
            continue;
        }
        for (target, path) in file.uses(&known) {
            let only_from = ONLY_FROM
                .iter()
                .find(|(m, t, _)| *m == file.module && *t == target);
            let may = allowed.contains(&target.as_str())
                && only_from.is_none_or(|(.., from)| {
                    from.iter().any(|from| file.relative == Path::new(from))
                });
            if !may {
                wrong.push(format!("src/{shown}: `{path}` uses {target}"));
            }
        }
    }
    wrong
}

#[test]
fn every_module_uses_only_the_modules_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths.sort();
    let files: Vec<File> = paths.iter().map(|path| File::read(&src, path)).collect();
    let wrong = wrong_uses(&files);
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The scan is not blind: it sees the case runner run the engine.
    let runner = (files.iter())
        .find(|f| f.relative == Path::new("check/case_runner.rs"))
        .expect("src/check/case_runner.rs");
    let known = BTreeSet::new();
    assert!(runner.uses(&known).iter().any(|(t, _)| t == "engine"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str, text: &str) -> File {
        let relative = PathBuf::from(relative);
        let (module, module_path) = module_of(&relative);
        File {
            scan: scan(&tokens(text), library_name(&module)),
            relative,
            module,
            module_path,
        }
    }

    fn targets(relative: &str, text: &str) -> Vec<String> {
        let known = ["compile", "engine"].into_iter().collect();
        let mut found: Vec<String> = (file(relative, text).uses(&known))
            .into_iter()
            .map(|(target, _)| target)
            .collect();
        found.dedup();
        found
    }

    #[test]
    fn use_trees_and_paths_in_code_are_read_and_resolved() {
        let text = "use crate::{compile::Flow, engine::{self, Session as S}};
                    fn f() { let x = crate::report::outcome_text(); super::super::super::repl::x(); }";
        assert_eq!(
            targets("check/a/b.rs", text),
            ["compile", "engine", "report", "repl"]
        );
        // `super` from src/check/verify.rs is check itself.
        assert!(targets("check/verify.rs", "use super::prover::Prover;").is_empty());
        assert!(targets("check/a/b.rs", "use super::super::engine::x;").is_empty());
        assert_eq!(targets("lib.rs", "pub use engine::Session;"), ["engine"]);
        assert_eq!(
            targets(
                "main.rs",
                "use backcheck::engine::Session; use crate::x::y;"
            ),
            ["engine"]
        );
    }

    #[test]
    fn comments_strings_and_test_code_are_not_uses() {
        let text = "//! See [`crate::engine::Session`].
                    /* crate::engine::a /* nested */ crate::engine::b */
                    const A: &str = \"crate::engine::x\"; const B: &str = r#\"crate::engine::y\"#;
                    const C: char = '\"'; const D: char = '\\''; fn f<'a>(x: &'a str) {}
                    #[cfg(test)]
                    mod tests { use crate::engine::Session; }
                    #[cfg(test)]
                    fn helper() { crate::engine::eval(); }
                    fn real() { crate::compile::eval(); }";
        assert_eq!(targets("check/x.rs", text), ["compile"]);
    }

    #[test]
    fn a_wrong_way_or_an_unlisted_folder_is_named() {
        let files = [
            file("compile/x.rs", "use crate::engine::Session;"),
            file("check/prover.rs", "use crate::engine::Session;"),
            file("check/case_runner.rs", "use crate::engine::Session;"),
            file("newstage/mod.rs", "use crate::compile::Flow;"),
            file("engine/mod.rs", "#[cfg(test)]\nmod tests;"),
            file("engine/tests.rs", "use crate::check::verify;"),
        ];
        assert_eq!(
            wrong_uses(&files),
            [
                "src/compile/x.rs: `crate::engine::Session` uses engine",
                "src/check/prover.rs: `crate::engine::Session` uses engine",
                "src/newstage/mod.rs: `newstage` is not in the table of src/stage_boundaries.rs",
            ]
        );
    }
}
