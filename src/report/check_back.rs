//! The words of a check-back: the reading held back, said to the person
//! with why it is asked, settled by yes or no.

use crate::engine::{CheckReason, Session};

/// The check-back the session holds, in words: "Just to check: I understood
/// “No”. Is that right?" (the front end says how to answer). A finding
/// mentioned earlier is offered as already said; one about a red flag not
/// yet asked comes with that question.
pub fn check_back_text(session: &Session) -> Option<String> {
    let check = session.pending_check()?;
    let question = session.flow().question(check.question)?;
    let words = super::said_words(session, question, &check.value);
    let said = &check.said;
    let because = match check.reason {
        CheckReason::NoOnSafetyQuestion => ", as this question is about your safety",
        CheckReason::Emergency => ", as this answer means getting help straight away",
        CheckReason::Guess => "",
        CheckReason::Mentioned if check.question == session.current_index() => {
            return Some(format!(
                "You mentioned \u{201c}{said}\u{201d}, which I read as \u{201c}{words}\u{201d} here. Is that right?"
            ));
        }
        CheckReason::Mentioned => {
            return Some(format!(
                "You mentioned \u{201c}{said}\u{201d}. That matters, so one question about it now:\n{}\nI read what you said as \u{201c}{words}\u{201d}. Is that right?",
                super::addressed(session, &question.ask)
            ));
        }
    };
    Some(format!(
        "Just to check{because}: I understood \u{201c}{words}\u{201d}. Is that right?"
    ))
}
