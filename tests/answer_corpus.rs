//! The answer corpus (tests/fixtures/answer_corpus.tsv): loose everyday
//! answers to every shipped question, each with the reading meant. Reports
//! the share read as meant and the red-flag misreads, and fails under 95 %
//! or on any misread (a yes, not sure or unclear answer recorded as "no" on
//! a safety question).

use std::collections::BTreeSet;

use backcheck::compile::{Flow, NodeId, NodeKind, compile};
use backcheck::engine::{AnswerError, is_safety_question, says_no, understand};
use backcheck::source::KnowledgeSource;

const CORPUS: &str = include_str!("fixtures/answer_corpus.tsv");

fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap_or_else(|e| panic!("{e:#?}"))
}

struct Line<'a> {
    number: usize,
    question: &'a str,
    typed: &'a str,
    expected: &'a str,
}

fn lines() -> Vec<Line<'static>> {
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            let [question, typed, expected] = fields[..] else {
                panic!("line {}: want three tab-separated fields: {l:?}", i + 1);
            };
            Line {
                number: i + 1,
                question,
                typed,
                expected,
            }
        })
        .collect()
}

/// What the interpreter made of a line, in the corpus's words.
fn reading(flow: &Flow, line: &Line) -> (String, bool) {
    let index = flow
        .find(line.question)
        .unwrap_or_else(|| panic!("line {}: no question `{}`", line.number, line.question));
    let question = flow.question(index).expect("a question");
    let node = flow.node(index);
    match understand(node, question, line.typed) {
        Ok(understood) => {
            let recorded_no = says_no(question, understood.value());
            let misread = recorded_no
                && is_safety_question(node, question)
                && line.expected != "no"
                && line.expected != "none";
            (understood.value().to_string(), misread)
        }
        Err(AnswerError::HelpWanted) => ("help".into(), false),
        Err(_) => ("ask".into(), false),
    }
}

#[test]
fn loose_answers_are_read_as_meant() {
    let flow = shipped();
    let lines = lines();
    assert!(lines.len() >= 400, "the corpus has {} answers", lines.len());
    let mut right = 0;
    let mut misreads = Vec::new();
    let mut wrong = Vec::new();
    for line in &lines {
        let (got, misread) = reading(&flow, line);
        if got == line.expected {
            right += 1;
        } else {
            wrong.push(format!(
                "  line {}: {} {:?}: want {}, got {got}",
                line.number, line.question, line.typed, line.expected
            ));
        }
        if misread {
            misreads.push(format!(
                "  line {}: {} {:?}",
                line.number, line.question, line.typed
            ));
        }
    }
    let share = right as f64 * 100.0 / lines.len() as f64;
    println!(
        "answer corpus: {right}/{} read as meant ({share:.1} %), {} red-flag misreads",
        lines.len(),
        misreads.len()
    );
    println!("not as meant:\n{}", wrong.join("\n"));
    assert!(
        misreads.is_empty(),
        "red-flag misreads:\n{}",
        misreads.join("\n")
    );
    assert!(
        share >= 95.0,
        "only {share:.1} % read as meant:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_corpus_covers_every_shipped_question_and_kind() {
    let flow = shipped();
    let asked: BTreeSet<&str> = lines().iter().map(|l| l.question).collect();
    for (index, node) in flow.nodes().iter().enumerate() {
        if let NodeKind::Question(_) = node.kind {
            assert!(
                asked.contains(node.local()),
                "no corpus answer for `{}`",
                flow.short_id(NodeId::new(index))
            );
        }
    }
}
