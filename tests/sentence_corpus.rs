//! The sentence corpus (tests/fixtures/sentence_corpus.tsv): whole sentences
//! at the shipped questions (negation and its scope, the past, other people,
//! "no, but ...", non-answers, double negatives), each with the reading
//! meant. Reports the share read as meant, and fails on any red-flag misread
//! (a yes, not sure or non-answer recorded as "no" on a safety question), on
//! any false alarm (a plain "no" recorded as yes or not sure), or under the
//! share below.

use backcheck::compile::{Flow, compile};
use backcheck::engine::{AnswerError, is_safety_question, says_no, understand};
use backcheck::source::KnowledgeSource;

const CORPUS: &str = include_str!("fixtures/sentence_corpus.tsv");

/// The least share read as meant (the goal is 90 %; 86.5 % now).
const THRESHOLD: f64 = 86.0;

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

/// What went wrong with one reading, beyond not being the one meant.
#[derive(PartialEq)]
enum Harm {
    None,
    /// Something other than a plain no recorded as "no" on a safety question.
    Misread,
    /// A plain "no" recorded as something else than no (not asked again).
    FalseAlarm,
}

fn reading(flow: &Flow, line: &Line) -> (String, Harm) {
    let index = flow
        .find(line.question)
        .unwrap_or_else(|| panic!("line {}: no question `{}`", line.number, line.question));
    let question = flow.question(index).expect("a question");
    let node = flow.node(index);
    let meant_no = matches!(line.expected, "no" | "none");
    match understand(node, question, line.typed) {
        Ok(understood) => {
            let recorded_no = says_no(question, understood.value());
            let harm = if recorded_no && !meant_no && is_safety_question(node, question) {
                Harm::Misread
            } else if meant_no && !recorded_no {
                Harm::FalseAlarm
            } else {
                Harm::None
            };
            (understood.value().to_string(), harm)
        }
        Err(AnswerError::HelpWanted) => ("help".into(), Harm::None),
        Err(_) => ("ask".into(), Harm::None),
    }
}

#[test]
fn whole_sentences_are_read_as_meant() {
    let flow = shipped();
    let lines = lines();
    assert!(
        lines.len() >= 250,
        "the corpus has {} sentences",
        lines.len()
    );
    let mut right = 0;
    let (mut misreads, mut alarms, mut wrong) = (Vec::new(), Vec::new(), Vec::new());
    for line in &lines {
        let (got, harm) = reading(&flow, line);
        let said = format!(
            "  line {}: {} {:?}: want {}, got {got}",
            line.number, line.question, line.typed, line.expected
        );
        if got == line.expected {
            right += 1;
        } else {
            wrong.push(said.clone());
        }
        match harm {
            Harm::Misread => misreads.push(said),
            Harm::FalseAlarm => alarms.push(said),
            Harm::None => {}
        }
    }
    let share = right as f64 * 100.0 / lines.len() as f64;
    println!(
        "sentence corpus: {right}/{} read as meant ({share:.1} %), {} red-flag misreads, {} false alarms",
        lines.len(),
        misreads.len(),
        alarms.len()
    );
    println!("not as meant:\n{}", wrong.join("\n"));
    assert!(
        misreads.is_empty(),
        "red-flag misreads:\n{}",
        misreads.join("\n")
    );
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
    assert!(
        share >= THRESHOLD,
        "only {share:.1} % read as meant:\n{}",
        wrong.join("\n")
    );
}

fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap_or_else(|e| panic!("{e:#?}"))
}
