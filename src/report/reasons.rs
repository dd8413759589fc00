//! The right reason, in words: the answer a referral rests on, and every
//! other warning sign the person reported. The engine finds them
//! (`Session::deciding_answer`, `Session::other_warning_signs`); this says them.

use crate::compile::{AnswerValue, NodeId};
use crate::engine::Session;

use super::answer_words;

/// Shown above the answer a referral rests on (when it is not a "not sure").
pub const DECIDING_HEADING: &str = "This result comes from your answer:";

/// Shown above the other warning signs reported.
pub const OTHERS_HEADING: &str = "Other warning signs you told us about:";

/// Why the other warning signs are listed.
pub const OTHERS_REASON: &str =
    "Tell the doctor about each of these too: they may matter as much as the one above.";

/// The deciding answer as one line, unless it is a "not sure" (the doubts
/// block says those) or the walk did not end in a referral.
pub fn deciding_item(session: &Session) -> Option<String> {
    let question = session.deciding_answer()?;
    if session.deciding_doubts().contains(&question) {
        return None;
    }
    item(session, question, session.answer_to(question)?)
}

/// One line per other warning sign: asked ones with their number.
pub fn other_items(session: &Session) -> Vec<String> {
    session
        .other_warning_signs()
        .into_iter()
        .filter_map(|(question, value)| item(session, question, value))
        .collect()
}

fn item(session: &Session, question: NodeId, value: &AnswerValue) -> Option<String> {
    let asked = session.flow().question(question)?;
    let said = answer_words(asked, value);
    Some(match session.question_number(question) {
        Some(number) => format!("Question {number}: \"{}\" You said \"{said}\".", asked.ask),
        None => format!("\"{}\" You said \"{said}\".", asked.ask),
    })
}
