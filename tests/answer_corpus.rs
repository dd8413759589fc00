//! The answer corpus (tests/fixtures/answer_corpus.tsv): loose everyday
//! answers to every shipped question, each with the reading meant. Reports
//! the share read as meant and the red-flag misreads, and fails under 95 %
//! or on any misread (a yes, not sure or unclear answer recorded as "no" on
//! a safety question).

use std::collections::BTreeSet;

use backcheck::compile::{Flow, NodeId, NodeKind, compile};
use backcheck::source::KnowledgeSource;

use crate::common::corpus::{Score, lines};

const CORPUS: &str = include_str!("fixtures/answer_corpus.tsv");

fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn loose_answers_are_read_as_meant() {
    let flow = shipped();
    let lines = lines(CORPUS);
    assert!(lines.len() >= 400, "the corpus has {} answers", lines.len());
    let score = Score::of(&flow, &lines);
    let share = score.share();
    println!(
        "answer corpus: {}/{} read as meant ({share:.1} %), {} red-flag misreads",
        score.right,
        score.lines,
        score.misreads.len()
    );
    println!("not as meant:\n{}", score.wrong.join("\n"));
    assert!(
        score.misreads.is_empty(),
        "red-flag misreads:\n{}",
        score.misreads.join("\n")
    );
    assert!(
        share >= 95.0,
        "only {share:.1} % read as meant:\n{}",
        score.wrong.join("\n")
    );
}

#[test]
fn the_corpus_covers_every_shipped_question_and_kind() {
    let flow = shipped();
    let asked: BTreeSet<&str> = lines(CORPUS).iter().map(|l| l.question).collect();
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
