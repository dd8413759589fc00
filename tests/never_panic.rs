//! Never panic: whatever text an author writes and whatever a person types,
//! every stage answers with a value — a diagnostic, an error, a session —
//! and never with a panic or a stack overflow.
//!
//! Property tests over arbitrary bytes, arbitrary strings and mutations of the
//! valid files in tests/fixtures/mini; plain tests for input nested 100,000
//! deep and for a 1 MiB answer. The cargo-fuzz target in fuzz/ runs the same
//! pipeline for longer; this file is the part that runs in CI.

use std::fs;
use std::path::Path;

use backcheck::check;
use backcheck::compile::{Flow, NodeId, QuestionKind, YesNo, compile};
use backcheck::diagnostic::render_all;
use backcheck::engine::{Current, SavedSession, Session, understand};
use backcheck::source::{KnowledgeSource, SourceFile, walk_flow_files};
use backcheck::syntax::format;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// Words of the language, to splice into valid files: most random bytes die
/// in the parser, these reach the compiler, the checks and the engine.
const VOCABULARY: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "->",
    "=>",
    "==",
    "!=",
    "<",
    ">=",
    "and",
    "or",
    "not",
    "in",
    "any",
    "yes",
    "no",
    "unsure",
    "\"x\"",
    "\"\"",
    "next",
    "set",
    "note",
    "finding",
    "then",
    "multiple",
    "number",
    "0..9999999999999999999999",
    "-9223372036854775808",
    "9999999999",
    "0..0",
    "5..1",
    "into",
    "age",
    "osteoporosis",
    "radiation",
    "below_knee",
    "outcomes.fine",
    "pain.bones",
    "safety.saddle",
    "outcomes",
    "question",
    "decide",
    "outcome",
    "when",
    "otherwise",
    "section",
    "fact",
    "bool",
    "verdict",
    "refer",
    "emergency",
    "treat",
    "modify",
    "invariant",
    "case",
    "answers",
    "expect",
    "saddle=yes",
    "age=-1",
    "worse=a+b",
    "vignette",
    "skip",
    "tags",
    "red_flag",
    "synonyms",
    "\n",
    ",",
    ".",
    ":",
    "|",
    "=",
    "//",
    "é",
    "\u{0}",
];

/// The valid knowledge every mutation starts from, read at test time.
fn mini_files() -> Vec<SourceFile> {
    walk_flow_files(Path::new(MINI))
        .expect("tests/fixtures/mini is readable")
        .iter()
        .map(|file| {
            SourceFile::new(
                file.relative.to_string_lossy(),
                fs::read_to_string(&file.path).expect("a UTF-8 fixture"),
            )
        })
        .collect()
}

/// How many files tests/fixtures/mini holds (checked by a test below).
const MINI_FILES: usize = 4;

fn mini_flow() -> Flow {
    compile(&KnowledgeSource {
        files: mini_files(),
    })
    .expect("the mini fixture compiles")
}

/// One thing a person can do in a session.
#[derive(Debug, Clone)]
enum Action {
    /// Type anything.
    Type(String),
    /// Give a valid answer to the current question, chosen by index.
    Pick(usize),
    Back,
    /// Change the n-th answer given so far to anything.
    Change(usize, String),
    /// Change the n-th answer given so far to one of its valid answers.
    ChangeToPick(usize, usize),
    /// Save the session as JSON and resume from it.
    SaveAndResume,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => ".{0,20}".prop_map(Action::Type),
        6 => any::<usize>().prop_map(Action::Pick),
        1 => Just(Action::Back),
        1 => (any::<usize>(), ".{0,20}").prop_map(|(n, text)| Action::Change(n, text)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(n, k)| Action::ChangeToPick(n, k)),
        1 => Just(Action::SaveAndResume),
    ]
}

/// Text that a question accepts, chosen by `k`: one of its answers, a number
/// in (or just outside) its range, or two answers of a `multiple` question.
fn valid_text(flow: &Flow, question: NodeId, k: usize) -> String {
    let Some(question) = flow.question(question) else {
        return String::new();
    };
    match &question.kind {
        QuestionKind::Number {
            range: (min, max), ..
        } => {
            let (min, max) = (*min, *max);
            [min, max, min.saturating_add(max) / 2, max.saturating_add(1)][k % 4].to_string()
        }
        QuestionKind::Multiple { .. } if k.is_multiple_of(3) && question.answers.len() > 1 => {
            let first = &question.answers[k % question.answers.len()].id;
            let second = &question.answers[(k / 3) % question.answers.len()].id;
            format!("{first}+{second}")
        }
        QuestionKind::YesNo | QuestionKind::Single | QuestionKind::Multiple { .. }
            if question.answers.is_empty() =>
        {
            YesNo::Yes.id().into()
        }
        QuestionKind::YesNo | QuestionKind::Single | QuestionKind::Multiple { .. } => {
            question.answers[k % question.answers.len()].id.to_string()
        }
    }
}

/// Walks a session through `actions`, checking after every step that it
/// still stands somewhere a person can be.
fn walk(flow: &Flow, actions: &[Action]) {
    let mut session = Session::new(flow);
    for action in actions {
        let here = session.current_index();
        let answered: Vec<NodeId> = session.answers().map(|(q, _)| q).collect();
        let nth = |n: usize| answered.get(n % answered.len().max(1)).copied();
        match action {
            Action::Type(text) => {
                let _ = session.answer_text(text);
            }
            Action::Pick(k) => {
                let _ = session.answer_text(&valid_text(flow, here, *k));
            }
            Action::Back => {
                session.back();
            }
            Action::Change(n, text) => {
                // An unanswered question, a decide node or an outcome is an
                // error value too. (Indices past the graph are a caller's bug,
                // like slice indexing; the REPL only passes indices it found.)
                let question = nth(*n).unwrap_or(NodeId::new(*n % flow.nodes.len()));
                let _ = session.change(question, text);
                let _ = session.what_if(question, text);
            }
            Action::ChangeToPick(n, k) => {
                if let Some(question) = nth(*n) {
                    let _ = session.change(question, &valid_text(flow, question, *k));
                }
            }
            Action::SaveAndResume => {
                let json = serde_json::to_string(&session.to_saved()).expect("serialisable");
                let saved: SavedSession = serde_json::from_str(&json).expect("round trip");
                let (resumed, left) = saved.resume(flow, false).expect("resumes unchanged");
                assert!(left.is_empty());
                assert_eq!(resumed.current_index(), session.current_index());
                session = resumed;
            }
        }
        match session.current() {
            Current::Question { .. } => assert!(!session.is_complete()),
            Current::Outcome { .. } => assert!(session.outcome().is_some()),
        }
        let _ = session.questions_left();
    }
}

/// Every stage over `files`: fmt of the file at `changed` (the others are the
/// fixture), parse, compile, render the errors; and when it compiles, the
/// checks, the cases and a walk. Whatever happens must be a value.
fn exercise(
    files: Vec<SourceFile>,
    changed: usize,
    actions: &[Action],
) -> Result<(), TestCaseError> {
    if let Ok(formatted) = format(&files[changed].text) {
        // The formatter promises to be idempotent on anything it accepts.
        prop_assert_eq!(format(&formatted).ok(), Some(formatted));
    }
    let source = KnowledgeSource { files };
    match compile(&source) {
        Err(diagnostics) => {
            prop_assert!(!diagnostics.is_empty(), "a failed compile says why");
            prop_assert!(
                diagnostics.iter().any(|d| d.is_error()),
                "a failed compile has an error: {diagnostics:?}"
            );
            let report = render_all(&diagnostics, &source.files, false);
            prop_assert!(!report.is_empty());
        }
        Ok(flow) => {
            let lints = check::lint(&flow);
            let _ = render_all(&lints, &flow.files, false);
            let _ = check::verify(&flow);
            let _ = check::run_cases(&flow);
            walk(&flow, actions);
        }
    }
    Ok(())
}

/// One edit to a file, applied by [`mutate`].
#[derive(Debug, Clone)]
enum Edit {
    DeleteRange(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DeleteLine(usize),
    InsertToken(usize, usize),
    /// Replace the n-th identifier-like word with a word of the vocabulary.
    ReplaceWord(usize, usize),
    /// Replace the n-th identifier-like word with any identifier.
    RenameWord(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => (any::<usize>(), 0usize..40).prop_map(|(at, len)| Edit::DeleteRange(at, len)),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        1 => any::<usize>().prop_map(Edit::DeleteLine),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(at, t)| Edit::InsertToken(at, t)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, t)| Edit::ReplaceWord(n, t)),
        1 => (any::<usize>(), "[a-z_][a-z0-9_]{0,8}").prop_map(|(n, w)| Edit::RenameWord(n, w)),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn words(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word_char = c.is_ascii_alphanumeric() || c == '_';
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                found.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    found
}

fn mutate(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let line = |n: usize, lines: &[&str]| n % lines.len().max(1);
    match edit {
        Edit::DeleteRange(at, len) => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len);
            let end = end.max(start);
            format!("{}{}", &text[..start], &text[end..])
        }
        Edit::DuplicateLine(n) if !lines.is_empty() => {
            let i = line(*n, &lines);
            lines.insert(i, lines[i]);
            lines.concat()
        }
        Edit::SwapLines(a, b) if !lines.is_empty() => {
            let (a, b) = (line(*a, &lines), line(*b, &lines));
            lines.swap(a, b);
            lines.concat()
        }
        Edit::DeleteLine(n) if !lines.is_empty() => {
            lines.remove(line(*n, &lines));
            lines.concat()
        }
        Edit::InsertToken(at, token) => {
            let at = boundary(text, *at);
            let token = VOCABULARY[token % VOCABULARY.len()];
            format!("{} {token} {}", &text[..at], &text[at..])
        }
        Edit::ReplaceWord(n, token) => replace_word(text, *n, VOCABULARY[token % VOCABULARY.len()]),
        Edit::RenameWord(n, word) => replace_word(text, *n, word),
        _ => text.to_string(),
    }
}

fn replace_word(text: &str, n: usize, with: &str) -> String {
    let words = words(text);
    if words.is_empty() {
        return text.to_string();
    }
    let (start, end) = words[n % words.len()];
    format!("{}{with}{}", &text[..start], &text[end..])
}

/// The mini files with `edits` applied to the file at `index`.
fn mutated(index: usize, edits: &[Edit]) -> Vec<SourceFile> {
    let mut files = mini_files();
    let text = edits
        .iter()
        .fold(files[index].text.to_string(), |text, edit| {
            mutate(&text, edit)
        });
    files[index] = SourceFile::new(files[index].path.clone(), text);
    files
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        exercise(vec![SourceFile::new("any.flow", lossy(&bytes))], 0, &[])?;
    }

    #[test]
    fn arbitrary_bytes_beside_valid_files_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000),
    ) {
        let mut files = mini_files();
        files.push(SourceFile::new("any.flow", lossy(&bytes)));
        exercise(files, MINI_FILES, &[])?;
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        exercise(vec![SourceFile::new("any.flow", text)], 0, &[])?;
    }

    /// Strings made of the language's own characters get further than
    /// arbitrary Unicode: into the grammar's rules rather than its first byte.
    #[test]
    fn strings_of_flow_characters_never_panic(
        text in "(flow|question|decide|outcome|when|not|and|or|in|yes|no|[a-z_.]{1,6}|[0-9]{1,20}|[{}()\\[\\]\"=<>!.,:|+-]| |\n){0,200}",
    ) {
        let mut files = mini_files();
        files.push(SourceFile::new("any.flow", text));
        exercise(files, MINI_FILES, &[])?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn mutated_valid_files_never_panic(
        which in 0..MINI_FILES,
        edits in proptest::collection::vec(edit(), 1..4),
        actions in proptest::collection::vec(action(), 0..16),
    ) {
        exercise(mutated(which, &edits), which, &actions)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_walk_through_valid_files_never_panics(
        actions in proptest::collection::vec(action(), 0..40),
    ) {
        walk(&mini_flow(), &actions);
    }

    #[test]
    fn saved_session_from_arbitrary_bytes_never_panics(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let flow = mini_flow();
        if let Ok(saved) = serde_json::from_slice::<SavedSession>(&bytes) {
            let _ = saved.resume(&flow, false);
            let _ = saved.resume(&flow, true);
        }
    }

    /// Well-formed JSON with anything in it: question ids that exist or not,
    /// answers of the wrong kind, another knowledge hash.
    #[test]
    fn saved_session_with_arbitrary_answers_never_panics(
        hash_matches in any::<bool>(),
        answers in proptest::collection::vec(
            (
                prop_oneof![Just("safety.saddle".to_string()), Just("safety.age".to_string()),
                            Just("pain.worse".to_string()), ".{0,12}"],
                prop_oneof![
                    any::<i64>().prop_map(serde_json::Value::from),
                    ".{0,12}".prop_map(serde_json::Value::from),
                    proptest::collection::vec(".{0,8}", 0..4).prop_map(serde_json::Value::from),
                    Just(serde_json::Value::Null),
                ],
            ),
            0..8,
        ),
    ) {
        let flow = mini_flow();
        let hash = if hash_matches { flow.meta.hash.clone() } else { "other".into() };
        let json = serde_json::json!({
            "format": "backcheck-session",
            "knowledge": { "name": flow.meta.name, "version": flow.meta.version, "hash": hash },
            "answers": answers
                .iter()
                .map(|(question, answer)| serde_json::json!({"question": question, "answer": answer}))
                .collect::<Vec<_>>(),
        });
        if let Ok(saved) = serde_json::from_value::<SavedSession>(json) {
            for force in [false, true] {
                if let Ok((session, _)) = saved.resume(&flow, force) {
                    let _ = session.current();
                }
            }
        }
    }

    #[test]
    fn interpreting_arbitrary_text_never_panics(text in any::<String>()) {
        let flow = mini_flow();
        for index in flow.node_ids() {
            if let Some(question) = flow.question(index) {
                let _ = understand(flow.node(index), question, &text);
            }
        }
    }
}

#[test]
fn interpreting_a_mebibyte_answer_never_panics() {
    let flow = mini_flow();
    let mib = 1 << 20;
    let nonsense = [
        "a".repeat(mib),
        "9".repeat(mib),
        "yes+".repeat(mib / 4),
        "é".repeat(mib / 2),
    ];
    let padded = format!("{} 34", " ".repeat(mib));
    let mut interpreted = 0;
    for index in flow.node_ids() {
        let Some(question) = flow.question(index) else {
            continue;
        };
        for text in &nonsense {
            assert!(
                understand(flow.node(index), question, text).is_err(),
                "{} accepted 1 MiB",
                question.ask
            );
            interpreted += 1;
        }
        let answer = understand(flow.node(index), question, &padded).map(|u| u.into_value());
        match question.kind {
            QuestionKind::Number { .. } => {
                assert_eq!(answer, Ok(backcheck::compile::AnswerValue::Number(34)));
            }
            QuestionKind::YesNo | QuestionKind::Single | QuestionKind::Multiple { .. } => {}
        }
    }
    assert!(interpreted > 0, "the mini flow has questions");
}

#[test]
fn a_syntax_error_next_to_a_replacement_character_renders() {
    // Found by `arbitrary_bytes_never_panic`: the error's span ended inside
    // the three bytes of U+FFFD, and ariadne sliced the line there.
    let files = vec![SourceFile::new("any.flow", lossy(&[9, 11, 128]))];
    let source = KnowledgeSource { files };
    let Err(diagnostics) = compile(&source) else {
        panic!("a tab, a vertical tab and a stray byte compiled");
    };
    let report = render_all(&diagnostics, &source.files, false);
    assert!(report.starts_with("any.flow:1:"), "{report}");
}

// ------------------------------------------------------------- deep nesting

/// A question whose decide arm holds `condition`, in a file next to the mini
/// knowledge.
fn with_condition(condition: &str) -> Vec<SourceFile> {
    let mut files = mini_files();
    files.push(SourceFile::new(
        "deep.flow",
        format!("decide route {{\n  when {condition} -> outcomes.fine\n  otherwise -> outcomes.fine\n}}\n"),
    ));
    files
}

/// Compiling must stop with an error on `deep.flow`, not overflow the stack.
fn assert_refused(files: Vec<SourceFile>) {
    let deep = files.len() - 1;
    let Err(diagnostics) = compile(&KnowledgeSource { files }) else {
        panic!("input nested 100,000 deep compiled");
    };
    assert!(
        diagnostics
            .iter()
            .any(|d| d.is_error() && d.span.file() == deep),
        "no error in the deep file: {diagnostics:?}"
    );
}

const DEEP: usize = 100_000;

#[test]
fn parentheses_nested_100_000_deep_in_a_condition_are_an_error() {
    let condition = format!("{}osteoporosis{}", "(".repeat(DEEP), ")".repeat(DEEP));
    assert_refused(with_condition(&condition));
}

#[test]
fn not_nested_100_000_deep_in_a_condition_is_an_error() {
    let condition = format!("{}osteoporosis", "not ".repeat(DEEP));
    assert_refused(with_condition(&condition));
}

#[test]
fn not_and_parentheses_alternating_100_000_deep_are_an_error() {
    let condition = format!("{}osteoporosis{}", "not (".repeat(DEEP), ")".repeat(DEEP));
    assert_refused(with_condition(&condition));
}

#[test]
fn brackets_nested_100_000_deep_in_a_list_are_an_error() {
    let condition = format!("radiation in {}none{}", "[".repeat(DEEP), "]".repeat(DEEP));
    assert_refused(with_condition(&condition));
}

#[test]
fn braces_nested_100_000_deep_are_an_error() {
    let mut files = mini_files();
    files.push(SourceFile::new(
        "deep.flow",
        format!("section s \"S\" {}{}", "{".repeat(DEEP), "}".repeat(DEEP)),
    ));
    assert_refused(files);
}

#[test]
fn unclosed_openers_100_000_deep_are_an_error() {
    for opener in ["(", "[", "{", "not "] {
        let mut files = mini_files();
        files.push(SourceFile::new("deep.flow", opener.repeat(DEEP)));
        assert_refused(files);
    }
}

#[test]
fn deep_nesting_in_fmt_is_an_error() {
    let text = format!(
        "decide d {{\n  when {}x{} -> y\n}}\n",
        "(".repeat(DEEP),
        ")".repeat(DEEP)
    );
    assert!(format(&text).is_err());
}

#[test]
fn the_fixture_the_mutations_start_from_is_valid() {
    // Mutations of a file that does not compile would only test the parser.
    assert!(Path::new(MINI).is_dir());
    assert_eq!(mini_files().len(), MINI_FILES);
    let flow = mini_flow();
    assert!(check::run_cases(&flow).iter().all(|case| case.passed()));
}
