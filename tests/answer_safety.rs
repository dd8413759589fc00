//! The safety rule, tested from outside: on every shipped safety question
//! (tagged `red_flag`, or sending "not sure" where "yes" goes), an answer
//! that is hedged or only a typo away from "no" is never recorded as "no".

use std::sync::OnceLock;

use backcheck::compile::{Flow, Node, NodeId, Question, QuestionKind, compile};
use backcheck::engine::{is_safety_question, says_no, understand};
use backcheck::source::KnowledgeSource;
use proptest::prelude::*;

fn shipped() -> &'static Flow {
    static FLOW: OnceLock<Flow> = OnceLock::new();
    FLOW.get_or_init(|| compile(&KnowledgeSource::embedded()).unwrap_or_else(|e| panic!("{e:#?}")))
}

fn safety_questions(flow: &'static Flow) -> Vec<(&'static Node, &'static Question)> {
    flow.nodes()
        .iter()
        .enumerate()
        .filter_map(|(i, node)| Some((node, flow.question(NodeId::new(i))?)))
        .filter(|(node, question)| is_safety_question(node, question))
        .collect()
}

/// Recorded as "no", or as "none of these" on a "which of these" red flag.
fn recorded_no(node: &Node, question: &Question, text: &str) -> bool {
    understand(node, question, text).is_ok_and(|u| !u.must_check() && says_no(question, u.value()))
}

const HEDGES: &[&str] = &[
    "a little",
    "a bit",
    "kind of",
    "sort of",
    "sometimes",
    "i think",
    "probably",
    "i guess",
    "slightly",
    "occasionally",
    "now and then",
    "more or less",
];

const NO_WORDS: &[&str] = &["no", "nope", "nah", "not", "no no", "never", "none"];

/// Words that are a plain "no" by themselves: a typo that lands on one is not a typo.
const PLAIN_NO: &[&str] = &[
    "no", "n", "nope", "nah", "naw", "nay", "never", "none", "nothing", "neither", "nowhere",
    "false", "nada", "fine", "nobody", "noone", "negative", "not", "don't", "didn't", "haven't",
    "isn't", "doesn't", "wasn't",
];

#[test]
fn there_are_safety_questions_to_test() {
    let flow = shipped();
    // 17 red flags, plus the screens and checks that send "not sure" to "yes".
    assert!(safety_questions(flow).len() >= 17);
}

#[test]
fn a_plain_no_is_still_a_no() {
    let flow = shipped();
    for (node, question) in safety_questions(flow) {
        // "2" is the second answer: "no" on a yes/no question, a finding
        // on a "which of these".
        let second = match question.kind {
            QuestionKind::Multiple { .. } => "none",
            _ => "2",
        };
        for text in ["no", "No", second, "nope", "no, nothing like that", "noo"] {
            assert!(recorded_no(node, question, text), "{}: {text:?}", node.id);
        }
    }
}

/// One edit of a word: a letter put in, taken out, changed, or two swapped.
fn one_edit(word: &str, at: usize, letter: char, kind: u8) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let at = at % (chars.len() + 1);
    match kind % 4 {
        0 => chars.insert(at, letter),
        1 if !chars.is_empty() => {
            chars.remove(at.min(chars.len() - 1));
        }
        2 if !chars.is_empty() => {
            let i = at.min(chars.len() - 1);
            chars[i] = letter;
        }
        _ if chars.len() >= 2 => {
            let i = at.min(chars.len() - 2);
            chars.swap(i, i + 1);
        }
        _ => chars.push(letter),
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_hedged_no_is_never_recorded_as_no(
        hedge in proptest::sample::select(HEDGES),
        no in proptest::sample::select(NO_WORDS),
        hedge_first in any::<bool>(),
        comma in any::<bool>(),
    ) {
        let flow = shipped();
        let joiner = if comma { ", " } else { " " };
        let text = if hedge_first {
            format!("{hedge}{joiner}{no}")
        } else {
            format!("{no}{joiner}{hedge}")
        };
        for (node, question) in safety_questions(flow) {
            prop_assert!(!recorded_no(node, question, &text), "{}: {text:?}", node.id);
        }
    }

    #[test]
    fn a_typo_near_no_is_never_recorded_as_no(
        word in proptest::sample::select(&["no", "nope", "nah"][..]),
        at in 0usize..6,
        letter in proptest::char::range('a', 'z'),
        kind in any::<u8>(),
    ) {
        let typed = one_edit(word, at, letter, kind);
        prop_assume!(!PLAIN_NO.contains(&typed.as_str()) && !typed.trim().is_empty());
        // Held-down letters are not typos: "noo" is a plain no.
        let squeezed: String = {
            let mut out: Vec<char> = Vec::new();
            for c in typed.chars() {
                if out.last() != Some(&c) {
                    out.push(c);
                }
            }
            out.into_iter().collect()
        };
        prop_assume!(!PLAIN_NO.contains(&squeezed.as_str()));
        let flow = shipped();
        for (node, question) in safety_questions(flow) {
            prop_assert!(!recorded_no(node, question, &typed), "{}: {typed:?}", node.id);
        }
    }

    #[test]
    fn any_text_recorded_as_no_is_unhedged(text in "[a-z ,?]{0,24}") {
        let flow = shipped();
        let lower = text.to_lowercase();
        let hedged = text.contains('?') || HEDGES.iter().any(|h| {
            format!(" {} ", lower.replace(',', " ")).contains(&format!(" {h} "))
        });
        for (node, question) in safety_questions(flow) {
            if hedged {
                prop_assert!(!recorded_no(node, question, &text), "{}: {text:?}", node.id);
            }
        }
    }
}
