//! The "not sure" answers a referral rests on, in plain words: the result is
//! about what could not be ruled out, not about something the person said
//! they have. The engine finds them (`Session::deciding_doubts`); this says them.

use crate::compile::Verdict;
use crate::engine::Session;

/// Shown above the answers a referral rests on.
pub const DOUBTS_HEADING: &str = "This result comes from an answer you were not sure about:";

/// Why "not sure" led to a referral.
const REFER_REASON: &str = "When a sign of something serious cannot be ruled out, we take \
\"not sure\" as \"yes\", to be safe. It does not mean you have it: it means a doctor should check.";

/// Why "not sure" led to a changed massage.
const MODIFY_REASON: &str = "When something that changes how to massage safely cannot be ruled \
out, we take \"not sure\" as \"yes\" and adjust the massage to be safe. That is caution, not \
something you told us.";

/// Why the doubts listed led to an outcome with this verdict.
pub fn doubts_reason(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Modify => MODIFY_REASON,
        Verdict::Treat | Verdict::Refer(_) => REFER_REASON,
    }
}

/// One line per deciding "not sure": `Question 7: "Do you have a fever...?" You said "Not sure".`
/// Empty when no "not sure" decided the result.
pub fn doubt_items(session: &Session) -> Vec<String> {
    let flow = session.flow();
    session
        .deciding_doubts()
        .into_iter()
        .filter_map(|question| {
            let asked = flow.question(question)?;
            let number = session.question_number(question)?;
            let said = super::said_words(session, asked, session.answer_to(question)?);
            Some(format!(
                "Question {number}: \"{}\" You said \"{said}\".",
                super::addressed(session, &asked.ask)
            ))
        })
        .collect()
}
