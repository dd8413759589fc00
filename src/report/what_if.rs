//! "What if the answer had been different?": the result another answer to an
//! earlier question would give, without touching the session. The question
//! is named as the person saw it: its number, or words of its text.

use crate::engine::{Current, Session, shorten};

use super::Audience;
use super::explain::result_words;

/// Text for `whatif QUESTION=ANSWER` (also `QUESTION ANSWER`), in the
/// therapist's words (rehearsal).
pub fn what_if_text(session: &Session, request: &str) -> String {
    what_if_for(session, request, Audience::Therapist)
}

/// Text for `whatif QUESTION=ANSWER`, for `audience`.
pub fn what_if_for(session: &Session, request: &str, audience: Audience) -> String {
    let flow = session.flow();
    const USAGE: &str = "Write: whatif NUMBER=ANSWER, with the question's number from `summary`, e.g. `whatif 2=yes`.";
    if request.trim().is_empty() {
        return USAGE.into();
    }
    let (question, answer) = match session.find_answered_with_answer(request) {
        Ok((question, answer)) if !answer.is_empty() => (question, answer),
        Ok(_) => return USAGE.into(),
        Err(error) => return error.to_string(),
    };
    let now = session.outcome().map_or("no result yet".to_string(), |o| {
        format!("\"{}\" ({})", o.title, result_words(o, audience))
    });
    match session.what_if(question, &answer) {
        Err(error) => error.to_string(),
        Ok((other, dropped)) => {
            let then = match other.current() {
                Current::Outcome { outcome, .. } => format!(
                    "the result would be \"{}\" ({})",
                    outcome.title,
                    result_words(outcome, audience)
                ),
                Current::Question { question, .. } => {
                    format!("the assessment would go on to ask: \"{}\"", question.ask)
                }
            };
            let asked = flow.question(question).map_or("", |q| q.ask.as_str());
            let number = session.question_number(question).unwrap_or_default();
            let mut text = format!(
                "If your answer to question {number} (\"{asked}\") were \"{}\", {then}. Now: {now}.",
                shorten(&answer)
            );
            if !dropped.is_empty() {
                let names: Vec<String> = dropped
                    .iter()
                    .map(|&q| {
                        let number = session.question_number(q).unwrap_or_default();
                        format!("{number}")
                    })
                    .collect();
                text.push_str(&match &names[..] {
                    [one] => format!(" Your answer to question {one} would no longer apply."),
                    _ => format!(
                        " Your answers to questions {} would no longer apply.",
                        names.join(", ")
                    ),
                });
            }
            text
        }
    }
}
