//! `whatif` after a round's score: one or several answers given otherwise
//! (`whatif 3=yes,5=no`), the questions named by the numbers `list` and `ask`
//! use, the rest of the story kept. It says what the graph would reach then,
//! the root and changes that would follow, and how the same commit would
//! score; the story's own result is named as such, never as "now".

use crate::compile::{AnswerValue, NodeId, Verdict};
use crate::engine::{Current, Session, shorten, understand};
use crate::report::answer_words;

use super::round::Round;
use super::score::{Commitment, Score};

/// How `whatif` is written, said when a request cannot be read.
pub const WHAT_IF_USAGE: &str = "Write: whatif N=ANSWER, with the question's number from `list` (or its id); several at once with commas, e.g. `whatif 3=yes,5=no`.";

/// One answer given otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherAnswer {
    pub question: NodeId,
    pub value: AnswerValue,
}

/// The pairs of a request, as typed: `3=yes,5=no`, `3=yes 5=no`, `3 = yes`,
/// and a multiple choice's answers after one `=` (`7=a,b`): a part without
/// `=` belongs to the answer before it.
fn pairs(request: &str) -> Result<Vec<(String, String)>, String> {
    let mut tidy = request.trim().to_string();
    while tidy.contains(" =") || tidy.contains("= ") {
        tidy = tidy.replace(" =", "=").replace("= ", "=");
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (n, part) in tidy.split(',').enumerate() {
        for (m, token) in part.split_whitespace().enumerate() {
            match token.split_once('=') {
                Some((question, answer)) if !question.is_empty() => {
                    pairs.push((question.to_string(), answer.to_string()));
                }
                _ => match pairs.last_mut() {
                    Some((_, answer)) => {
                        let glue = if m == 0 && n > 0 { "," } else { " " };
                        if !answer.is_empty() {
                            answer.push_str(glue);
                        }
                        answer.push_str(token);
                    }
                    None => return Err(WHAT_IF_USAGE.to_string()),
                },
            }
        }
    }
    if pairs.is_empty() || pairs.iter().any(|(_, answer)| answer.is_empty()) {
        return Err(WHAT_IF_USAGE.to_string());
    }
    Ok(pairs)
}

/// Every answer of `request` read against its question, or what is wrong
/// with the first that cannot be read.
pub fn other_answers(round: &Round, request: &str) -> Result<Vec<OtherAnswer>, String> {
    let flow = round.flow();
    let mut read: Vec<OtherAnswer> = Vec::new();
    for (name, typed) in pairs(request)? {
        let Some(question) = round.find_question(&name) else {
            return Err(format!(
                "There is no question `{}`: `list` shows them with their numbers. {WHAT_IF_USAGE}",
                shorten(&name)
            ));
        };
        if read.iter().any(|other| other.question == question) {
            return Err(format!(
                "Question {} is given twice; give each question one answer.",
                number(round, question)
            ));
        }
        let Some(asked) = flow.question(question) else {
            return Err(WHAT_IF_USAGE.to_string());
        };
        let value = understand(flow.node(question), asked, &typed)
            .map_err(|error| format!("Question {}: {error}", number(round, question)))?
            .into_value();
        read.push(OtherAnswer { question, value });
    }
    Ok(read)
}

/// A question's number in `list`.
fn number(round: &Round, question: NodeId) -> usize {
    round
        .questions()
        .iter()
        .position(|&q| q == question)
        .map_or(0, |i| i + 1)
}

/// `N) id "answer"` for one answer given otherwise.
fn named(round: &Round, other: &OtherAnswer) -> String {
    let flow = round.flow();
    let words = flow
        .question(other.question)
        .map_or(String::new(), |q| answer_words(q, &other.value));
    format!(
        "{}) {} \"{words}\"",
        number(round, other.question),
        flow.short_id(other.question)
    )
}

/// Where a walk ends: an outcome in the therapist's words, or the question
/// it stops at because the story does not answer it.
fn result(round: &Round, session: &Session) -> String {
    match session.current() {
        Current::Outcome { outcome, .. } => format!("\"{}\" ({})", outcome.title, outcome.verdict),
        Current::Question {
            index, question, ..
        } => format!(
            "no result: it would ask {}) {} (\"{}\"), which this story does not answer",
            number(round, index),
            round.flow().short_id(index),
            question.ask
        ),
    }
}

/// The text for `whatif REQUEST` once `commitment` has scored `scored`.
pub fn what_if_round(
    round: &Round,
    commitment: &Commitment,
    scored: &Score,
    request: &str,
) -> String {
    if request.trim().is_empty() {
        return WHAT_IF_USAGE.to_string();
    }
    let others = match other_answers(round, request) {
        Ok(others) => others,
        Err(message) => return message,
    };
    let changes: Vec<(NodeId, AnswerValue)> = others
        .iter()
        .map(|other| (other.question, other.value.clone()))
        .collect();
    let session = round.graph_session_with(&changes);
    let names: Vec<String> = others.iter().map(|other| named(round, other)).collect();
    let mut text = match &names[..] {
        [one] => format!("What if {one}:\n"),
        _ => format!(
            "What if these {} answers were so:\n{}",
            names.len(),
            names
                .iter()
                .map(|name| format!("    {name}\n"))
                .collect::<String>()
        ),
    };
    text.push_str(&format!(
        "  The graph would reach {}.\n",
        result(round, &session)
    ));
    if !session.findings().is_empty() {
        let reading = session.likely_root();
        let root = match reading.accepted().as_slice() {
            [] => "no single root (test formally)".to_string(),
            _ => format!("the {} root", reading.words()),
        };
        text.push_str(&format!("  The findings would point to {root}.\n"));
    }
    // The changes the walk needs: what a modify commit must name, from the
    // knowledge's vocabulary; the notes themselves where it declares none.
    let needed = super::change_match::needed_changes(round.flow(), &session);
    if !needed.is_empty() {
        text.push_str("  The changes to name:\n");
        for change in needed {
            text.push_str(&format!("    - {} (`{}`)\n", change.label, change.id));
        }
    } else if session
        .outcome()
        .is_some_and(|outcome| outcome.verdict == Verdict::Modify)
    {
        let notes: Vec<&str> = session
            .notes()
            .iter()
            .map(|(_, note)| note.therapist.as_deref().unwrap_or(&note.lay))
            .collect();
        if !notes.is_empty() {
            text.push_str("  The massage would change:\n");
            for note in notes {
                text.push_str(&format!("    - {note}\n"));
            }
        }
    }
    let there = round.commit_with(&changes, commitment);
    let mut committed = commitment.verdict.to_string();
    if let Some(root) = &commitment.root {
        committed.push(' ');
        committed.push_str(root);
    }
    if !commitment.changes.is_empty() {
        committed.push(' ');
        committed.push_str(&commitment.changes.join(", "));
    }
    text.push_str(&format!(
        "  Your commit ({committed}) would score {}/10 there.\n",
        there.points
    ));
    text.push_str(&format!(
        "With the story's answers (unchanged): {}, your commit scored {}/10.",
        result(round, &round.graph_session()),
        scored.points
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::pairs;

    fn read(request: &str) -> Vec<(String, String)> {
        pairs(request).unwrap_or_else(|e| panic!("{request}: {e}"))
    }

    fn pair(question: &str, answer: &str) -> (String, String) {
        (question.to_string(), answer.to_string())
    }

    #[test]
    fn several_answers_are_several() {
        assert_eq!(read("3=yes,5=no"), [pair("3", "yes"), pair("5", "no")]);
        assert_eq!(read(" 3 = yes  5=no "), [pair("3", "yes"), pair("5", "no")]);
        assert_eq!(
            read("leg=down the thigh, fever=yes"),
            [pair("leg", "down the thigh"), pair("fever", "yes")]
        );
    }

    #[test]
    fn a_multiple_choice_keeps_its_commas() {
        assert_eq!(read("7=a,b,3=no"), [pair("7", "a,b"), pair("3", "no")]);
    }

    #[test]
    fn a_request_without_an_answer_is_refused() {
        for bad in ["", "3", "3=", "=yes", "3=yes,4="] {
            assert!(pairs(bad).is_err(), "{bad}");
        }
    }
}
