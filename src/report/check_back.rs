//! The words of a check-back: the reading held back, said to the person
//! with why it is asked, settled by yes or no.

use super::explain::answer_words;
use crate::compile::Question;
use crate::engine::{CheckBack, CheckReason};

/// "Just to check: I understood “No”. Is that right?" (the front end says
/// how to answer).
pub fn check_back_text(question: &Question, check: &CheckBack) -> String {
    let words = answer_words(question, &check.value);
    let because = match check.reason {
        CheckReason::NoOnSafetyQuestion => ", as this question is about your safety",
        CheckReason::Emergency => ", as this answer means getting help straight away",
        CheckReason::Guess => "",
    };
    format!("Just to check{because}: I understood \u{201c}{words}\u{201d}. Is that right?")
}
