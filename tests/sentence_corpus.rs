//! The sentence corpus (tests/fixtures/sentence_corpus.tsv): whole sentences
//! at the shipped questions (negation and its scope, the past, other people,
//! "no, but ...", non-answers, double negatives), each with the reading
//! meant. Reports the share read as meant, and fails on any red-flag misread
//! (a yes, not sure or non-answer recorded as "no" on a safety question), on
//! any false alarm (a plain "no" recorded as yes or not sure), or under the
//! share below.

use backcheck::compile::{Flow, compile};
use backcheck::source::KnowledgeSource;

use crate::common::corpus::{Score, lines};

const CORPUS: &str = include_str!("fixtures/sentence_corpus.tsv");

/// The least share read as meant (the goal is 90 %).
const THRESHOLD: f64 = 92.0;

#[test]
fn whole_sentences_are_read_as_meant() {
    let flow = shipped();
    let lines = lines(CORPUS);
    assert!(
        lines.len() >= 250,
        "the corpus has {} sentences",
        lines.len()
    );
    let score = Score::of(&flow, &lines);
    let share = score.share();
    println!(
        "sentence corpus: {}/{} read as meant ({share:.1} %), {} red-flag misreads, {} false alarms",
        score.right,
        score.lines,
        score.misreads.len(),
        score.alarms.len()
    );
    println!("not as meant:\n{}", score.wrong.join("\n"));
    assert!(
        score.misreads.is_empty(),
        "red-flag misreads:\n{}",
        score.misreads.join("\n")
    );
    assert!(
        score.alarms.is_empty(),
        "false alarms:\n{}",
        score.alarms.join("\n")
    );
    assert!(
        share >= THRESHOLD,
        "only {share:.1} % read as meant:\n{}",
        score.wrong.join("\n")
    );
}

fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap_or_else(|e| panic!("{e:#?}"))
}
