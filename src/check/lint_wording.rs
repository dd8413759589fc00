//! W010, W011: question texts a person would misread.
//!
//! W010: a question asked after a "not sure" must not take the symptom for
//! granted. Someone unsure about a fever, asked "With the fever, do you also
//! have...", is told they have one. A follow-up is the question an `unsure`
//! arm leads to (through decide nodes), or a question a decide arm reaches
//! because it reads a fact that the `unsure` arm sets. Its text presumes the
//! symptom when it opens with "With the", "Since your" and the like, or says
//! "the W" of a word W the first question only asked about.
//!
//! W011: a yes/no or single-choice question whose text holds a numbered list
//! ("1) ... 2) ...") shows that list just above answers numbered the same
//! way, so "1" is read two ways. Letters (a, b, c) keep them apart.

use std::collections::HashMap;

use super::flow_conditions::{Place, conditions};
use crate::compile::{Effect, Flow, NodeId, NodeKind, Operand, QuestionKind, YesNo};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// Openings that take the thing asked about for granted.
const PRESUMING: &[&str] = &[
    "with the ",
    "with your ",
    "since the ",
    "since your ",
    "given the ",
    "given your ",
    "as you have ",
    "because you have ",
    "now that you ",
    "apart from the ",
    "besides the ",
];

/// How many nodes are looked at for one question's follow-ups: a bound
/// keeps a very large flow linear (a fact read by thousands of decide arms
/// would otherwise make every question that sets it visit them all).
const MAX_STEPS: usize = 64;

/// W010: follow-ups of "not sure" whose text presumes the symptom.
pub(super) fn presuming_follow_ups(flow: &Flow) -> Vec<Diagnostic> {
    let mut readers: HashMap<usize, Vec<NodeId>> = HashMap::new();
    for (place, cond) in conditions(flow) {
        let Place::Decide { node, arm } = place else {
            continue;
        };
        let mut operands = Vec::new();
        cond.operands(&mut operands);
        for operand in operands {
            if let Operand::Fact(fact) = operand
                && let NodeKind::Decide(decide) = &flow.nodes()[node].kind
            {
                readers
                    .entry(fact)
                    .or_default()
                    .push(decide.arms[arm].step.target);
            }
        }
    }
    let mut warnings = Vec::new();
    for node in flow.nodes() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        let Some(unsure) = question.answer(YesNo::Unsure.id()) else {
            continue;
        };
        let mut starts: Vec<NodeId> = unsure.target.into_iter().collect();
        for effect in &unsure.effects {
            if let Effect::Set { fact, .. } = effect {
                let readers = readers.get(fact).into_iter().flatten();
                starts.extend(readers.take(MAX_STEPS).copied());
            }
        }
        for follow_up in questions_from(flow, starts) {
            let next = flow.node(follow_up);
            let Some(asked) = flow.question(follow_up) else {
                continue;
            };
            let Some(why) = presumption(&question.ask, &asked.ask) else {
                continue;
            };
            warnings.push(
                Diagnostic::new(
                    DiagnosticKind::PresumingFollowUp,
                    next.span,
                    format!(
                        "question `{}` is asked after \"not sure\" to `{}` but takes it for granted: {why}",
                        next.id, node.id
                    ),
                )
                .with_label("a person who is not sure reads this as being told they have it")
                .with_hint(Some(
                    "ask without presuming: \"Do you also have...\", \"If you have..., is it...\""
                        .into(),
                )),
            );
        }
    }
    warnings
}

/// The questions reached from `starts`, passing through decide nodes.
fn questions_from(flow: &Flow, starts: Vec<NodeId>) -> Vec<NodeId> {
    let mut found = Vec::new();
    let mut seen = Vec::new();
    let mut todo = starts;
    while let Some(index) = todo.pop() {
        if seen.len() >= MAX_STEPS {
            break;
        }
        if seen.contains(&index) {
            continue;
        }
        seen.push(index);
        match &flow.node(index).kind {
            NodeKind::Question(_) => found.push(index),
            NodeKind::Decide(decide) => {
                todo.extend(decide.arms.iter().map(|arm| arm.step.target));
                todo.push(decide.otherwise.target);
            }
            NodeKind::Outcome(_) => {}
        }
    }
    found.sort_unstable();
    found
}

/// Why `follow_up` presumes what `first` asked about, if it does.
fn presumption(first: &str, follow_up: &str) -> Option<String> {
    let lower = follow_up.to_lowercase();
    let sentences = std::iter::once(lower.as_str())
        .chain(lower.split(". ").skip(1))
        .chain(lower.split("? ").skip(1));
    for sentence in sentences {
        if let Some(opening) = PRESUMING.iter().find(|o| sentence.starts_with(*o)) {
            return Some(format!("it opens with \"{}\"", opening.trim_end()));
        }
    }
    let first = first.to_lowercase();
    let first_words: Vec<&str> = words(&first).collect();
    let follow_words: Vec<&str> = words(&lower).collect();
    for pair in follow_words.windows(2) {
        let [article, word] = pair else { continue };
        if *article == "the"
            && word.len() >= 4
            && first_words.contains(word)
            && !first_words
                .windows(2)
                .any(|p| p[0] == "the" && p[1] == *word)
        {
            return Some(format!("it says \"the {word}\""));
        }
    }
    None
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// W011: a numbered list inside the text of a question whose answers are
/// numbered too.
pub(super) fn numbered_lists(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in flow.nodes() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        match question.kind {
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. } => {}
            QuestionKind::Number { .. } => continue,
        }
        if !(question.ask.contains("1)") && question.ask.contains("2)")) {
            continue;
        }
        warnings.push(
            Diagnostic::new(
                DiagnosticKind::NumberedListInQuestion,
                node.span,
                format!(
                    "question `{}` numbers a list the way its answers are numbered",
                    node.id
                ),
            )
            .with_label("\"1\" would mean both the first item and the first answer")
            .with_hint(Some("letter the list instead: \"a) ... b) ...\"".into())),
        );
    }
    warnings
}

/// W014: a yes/no question whose text lists items ("a) ... b) ..."): a
/// "yes" or a "not sure" then says nothing of which item, and one item's
/// doubt decides for all. A `multiple` screen with "None of these" and
/// "Not sure" asks what applies, and its follow-ups only what was picked.
pub(super) fn yes_no_over_lists(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in flow.nodes() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        let QuestionKind::YesNo { .. } = question.kind else {
            continue;
        };
        if lettered_items(&question.ask) < 2 {
            continue;
        }
        warnings.push(
            Diagnostic::new(
                DiagnosticKind::YesNoOverList,
                node.span,
                format!("yes/no question `{}` asks over a list of items", node.id),
            )
            .with_label("a \"yes\" or \"not sure\" here does not say which item")
            .with_hint(Some(
                "make it a `multiple` question with an answer a item, `answer none \"None of these\"` and `answer unsure \"Not sure\"`, then a decide on what was picked".into(),
            )),
        );
    }
    warnings
}

/// W015 and W016: a question asked in the negative, so that its "no" is a
/// double negative; and two questions in one text, joined by "Or" or
/// "And", so that one answer cannot say which it answers (issue 25).
pub(super) fn one_plain_thing(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in flow.nodes() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        if let Some(asked) = negative_question(&question.ask) {
            warnings.push(
                Diagnostic::new(
                    DiagnosticKind::NegativeQuestion,
                    node.span,
                    format!("question `{}` is asked in the negative: \"{asked}\"", node.id),
                )
                .with_label("a \"no\" to it is a double negative")
                .with_hint(Some(
                    "ask it the positive way round (\"Does the pain stay bad in every position?\") and let `yes` lead where the negative's `yes` led".into(),
                )),
            );
        }
        if let Some(joined) = two_questions(&question.ask) {
            warnings.push(
                Diagnostic::new(
                    DiagnosticKind::TwoQuestionsInOne,
                    node.span,
                    format!("question `{}` asks two things: \"{joined}\"", node.id),
                )
                .with_label("one answer cannot say which of the two it answers")
                .with_hint(Some(
                    "split it into two questions, or make it a `multiple` question with an answer for each".into(),
                )),
            );
        }
    }
    warnings
}

/// Words that begin a yes/no question.
const AUXILIARIES: &[&str] = &[
    "is", "are", "do", "does", "did", "has", "have", "can", "could", "was", "were", "will", "would",
];

/// The interrogative sentences of a text: the parts that end in "?".
fn question_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '?', '!', ':'])
        .filter(|part| part.ends_with('?'))
        .map(str::trim)
}

/// The first sentence that asks in the negative: "Is there NO position",
/// "Does the pain not ease", "Isn't it ...": a negation within the first
/// few words after the verb that opens the question.
fn negative_question(ask: &str) -> Option<&str> {
    question_sentences(ask).find(|sentence| {
        let words: Vec<String> = words(sentence).map(str::to_lowercase).collect();
        let Some(first) = words.first() else {
            return false;
        };
        // "Isn't", "Doesn't", "Can't" (the apostrophe straight or curly).
        let opening = sentence
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase()
            .replace('\u{2019}', "'");
        let negative_auxiliary = opening.ends_with("n't")
            && AUXILIARIES
                .iter()
                .chain(&["ca", "wo"])
                .any(|a| opening.starts_with(a));
        let negated = AUXILIARIES.contains(&first.as_str())
            && words
                .iter()
                .skip(1)
                .take(4)
                .any(|w| matches!(w.as_str(), "no" | "not" | "never" | "none"));
        negative_auxiliary || negated
    })
}

/// Two questions in one text: a question sentence that begins "Or" or
/// "And" after another.
fn two_questions(ask: &str) -> Option<&str> {
    question_sentences(ask).skip(1).find(|sentence| {
        let first = words(sentence).next().unwrap_or("").to_lowercase();
        first == "or" || first == "and"
    })
}

/// How many items "a) ... b) ..." a text letters in order.
fn lettered_items(text: &str) -> usize {
    let mut count = 0;
    for letter in 'a'..='z' {
        let marker = format!("{letter})");
        let found = text.match_indices(&marker).any(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        });
        if !found {
            break;
        }
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::{lettered_items, negative_question, presumption, two_questions};

    #[test]
    fn questions_asked_in_the_negative_are_found() {
        let found = |ask| negative_question(ask).is_some();
        assert!(found(
            "Is there NO position at all in which the pain eases?"
        ));
        assert!(found("Does the pain not ease when you rest?"));
        assert!(found("Isn't there any position that helps?"));
        assert!(!found("Does the pain stay bad in every position you try?"));
        // A negation deep in the question is a detail, not the question.
        assert!(!found(
            "Are both of your legs weak (not just sore), so that they feel weak?"
        ));
        assert!(!found(
            "In the last 12 months, have you injected drugs that a doctor did not prescribe?"
        ));
        assert!(!found(
            "Could you be pregnant? If you cannot be, the answer is no."
        ));
    }

    #[test]
    fn two_questions_joined_are_found() {
        assert!(two_questions("Did it start after a fall? Or have you broken a bone?").is_some());
        assert!(two_questions("Is it your lower back? And who is it for?").is_some());
        assert!(
            two_questions("Has a doctor tested your reflexes? If so, what did they find?")
                .is_none()
        );
        assert!(two_questions("Is this the first time?").is_none());
    }

    #[test]
    fn lettered_lists_are_counted_in_order() {
        assert_eq!(lettered_items("Any of these? a) One. b) Two. c) Three."), 3);
        assert_eq!(lettered_items("Is it sore (a) lot)?"), 1);
        assert_eq!(lettered_items("Is there a dog) or a cat?"), 0);
        assert_eq!(lettered_items("b) only"), 0);
    }

    #[test]
    fn openings_that_presume_are_found() {
        let first = "Do you have a fever?";
        assert!(presumption(first, "With the fever, do you also have a headache?").is_some());
        assert!(presumption(first, "Is it bad. Since your fever began, ...").is_some());
        assert!(presumption(first, "Do you also have a very bad headache?").is_none());
    }

    #[test]
    fn the_symptom_with_a_definite_article_is_found() {
        let first = "Do you have numbness or weakness in a leg?";
        let found = presumption(first, "Is the numbness getting worse?");
        assert_eq!(found.as_deref(), Some("it says \"the numbness\""));
        assert!(presumption(first, "If you have numbness, is it getting worse?").is_none());
        // The first question said "the pain" itself: nothing new is presumed.
        assert!(presumption("Does the pain wake you?", "Is the pain worse at night?").is_none());
    }
}
