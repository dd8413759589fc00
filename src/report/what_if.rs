//! "What if the answer had been different?": the result another answer to an
//! earlier question would give, without touching the session.

use crate::engine::{Current, Session};

use super::explain::verdict_words;

/// Text for `whatif QUESTION=ANSWER` (also `QUESTION ANSWER`).
pub fn what_if_text(session: &Session, request: &str) -> String {
    let flow = session.flow();
    let (id, answer) = match request.split_once(['=', ' ']) {
        Some((id, answer)) if !answer.trim().is_empty() => (id.trim(), answer.trim()),
        _ => return "Write: whatif QUESTION=ANSWER, e.g. `whatif radiation=below_knee`.".into(),
    };
    let Some(question) = flow.find(id).filter(|&q| flow.question(q).is_some()) else {
        return format!("There is no question `{}`.", crate::engine::shorten(id));
    };
    let now = session.outcome().map_or("no result yet".to_string(), |o| {
        format!("\"{}\" ({})", o.title, verdict_words(o))
    });
    match session.what_if(question, answer) {
        Err(error) => error.to_string(),
        Ok((other, dropped)) => {
            let then = match other.current() {
                Current::Outcome { outcome, .. } => {
                    format!(
                        "the result would be \"{}\" ({})",
                        outcome.title,
                        verdict_words(outcome)
                    )
                }
                Current::Question { question, .. } => {
                    format!("the assessment would go on to ask: \"{}\"", question.ask)
                }
            };
            let mut text = format!(
                "If `{}` were \"{}\", {then}. Now: {now}.",
                flow.short_id(question),
                crate::engine::shorten(answer)
            );
            if !dropped.is_empty() {
                let names: Vec<&str> = dropped.iter().map(|&q| flow.short_id(q)).collect();
                text.push_str(&format!(
                    " These answers would no longer apply: {}.",
                    names.join(", ")
                ));
            }
            text
        }
    }
}
