//! The corpora of typed answers (tests/fixtures/*_corpus.tsv): one line a
//! question id, what was typed and the reading meant, read by the one reader
//! the chat uses and scored. Both the short-answer and the sentence corpus
//! are read and scored here, so the two cannot judge differently.

use backcheck::compile::Flow;
use backcheck::engine::{AnswerError, is_safety_question, says_no, understand};

pub struct Line<'a> {
    pub number: usize,
    pub question: &'a str,
    pub typed: &'a str,
    pub expected: &'a str,
}

/// The lines of a corpus: tab-separated, `#` starts a comment.
pub fn lines(corpus: &'static str) -> Vec<Line<'static>> {
    corpus
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
pub enum Harm {
    None,
    /// Something other than a plain no recorded as "no" on a safety question.
    Misread,
    /// A plain "no" recorded as something else than no (not asked again).
    FalseAlarm,
}

/// What the reader made of a line, in the corpus's words (`ask` for asked
/// again, `help` for a request for help), and the harm it would do.
pub fn reading(flow: &Flow, line: &Line) -> (String, Harm) {
    let index = flow
        .find(line.question)
        .unwrap_or_else(|| panic!("line {}: no question `{}`", line.number, line.question));
    let question = flow.question(index).expect("a question");
    let node = flow.node(index);
    let meant_no = matches!(line.expected, "no" | "none");
    match understand(node, question, line.typed) {
        Ok(understood) => {
            // A loose "no" on a safety question is only ever recorded once
            // the person confirms it (the session asks back first).
            let read_no = says_no(question, understood.value());
            let recorded_no = read_no && !understood.must_check();
            let harm = if recorded_no && !meant_no && is_safety_question(node, question) {
                Harm::Misread
            } else if meant_no && !read_no {
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

/// A corpus read whole: one line of text for each reading not as meant,
/// each red-flag misread and each false alarm.
pub struct Score {
    pub lines: usize,
    pub right: usize,
    pub wrong: Vec<String>,
    pub misreads: Vec<String>,
    pub alarms: Vec<String>,
}

impl Score {
    pub fn of(flow: &Flow, lines: &[Line]) -> Score {
        let mut score = Score {
            lines: lines.len(),
            right: 0,
            wrong: Vec::new(),
            misreads: Vec::new(),
            alarms: Vec::new(),
        };
        for line in lines {
            let (got, harm) = reading(flow, line);
            let said = format!(
                "  line {}: {} {:?}: want {}, got {got}",
                line.number, line.question, line.typed, line.expected
            );
            if got == line.expected {
                score.right += 1;
            } else {
                score.wrong.push(said.clone());
            }
            match harm {
                Harm::Misread => score.misreads.push(said),
                Harm::FalseAlarm => score.alarms.push(said),
                Harm::None => {}
            }
        }
        score
    }

    /// The share read as meant, in per cent.
    pub fn share(&self) -> f64 {
        self.right as f64 * 100.0 / self.lines as f64
    }
}
