//! Check back, don't guess: when a reading of typed text is not certain and
//! the answer matters, the person is asked one short question that yes or
//! no settles ("I understood “No”. Is that right?") before it is recorded.
//!
//! Asked before a whole sentence records "no" on a safety question (unless
//! it starts with a plain "no" and has nothing more to it), before
//! a reading that is not an option as shown ends the walk at an emergency,
//! and before a guessed reading of a sentence (a typo forgiven, a hedge)
//! that changes where the walk goes. A short answer ("nope") is said back
//! instead ("→ No"), as before: checking every one would wear people out.

use super::session::Session;
use super::understand::{Certainty, Understood, is_safety_question, plainly_no, says_no};
use crate::compile::{AnswerValue, NodeId, Urgency, Verdict};

/// A reading held back until the person says it is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckBack {
    /// The question it answers.
    pub question: NodeId,
    /// What the typed text was read as.
    pub value: AnswerValue,
    /// Why it is asked back.
    pub reason: CheckReason,
    /// What was typed.
    pub said: String,
}

/// What became of typed text given as an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// Recorded as the answer.
    Recorded(Understood),
    /// Held back: the person is asked whether it was read right.
    CheckBack(CheckBack),
    /// A mention offered as already said was not right: nothing recorded.
    Declined,
}

/// Why a reading is checked back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckReason {
    /// A sentence read as "no" (or "none of these") on a safety question.
    NoOnSafetyQuestion,
    /// The reading ends the walk at an emergency referral.
    Emergency,
    /// A guessed reading of a sentence that changes where the walk goes.
    Guess,
    /// A finding mentioned while answering another question (see
    /// [`crate::engine::Mention`]): offered as already said.
    Mentioned,
}

/// Whether `understood` (read from `said` at the current question) is asked
/// back before it is recorded, and why.
pub(super) fn check_needed(
    session: &Session,
    understood: &Understood,
    said: &str,
) -> Option<CheckReason> {
    let crate::engine::Current::Question { node, question, .. } = session.current() else {
        return None;
    };
    if understood.must_check() {
        return Some(CheckReason::NoOnSafetyQuestion);
    }
    if understood.is_exact() {
        return None;
    }
    let value = understood.value();
    if understood.from_sentence()
        && !plainly_no(said)
        && is_safety_question(node, question)
        && says_no(question, value)
    {
        return Some(CheckReason::NoOnSafetyQuestion);
    }
    if ends_in_emergency(session, value) {
        return Some(CheckReason::Emergency);
    }
    if understood.from_sentence()
        && understood.certainty() == Certainty::Loose
        && changes_the_way(session, value)
    {
        return Some(CheckReason::Guess);
    }
    None
}

fn ends_in_emergency(session: &Session, value: &AnswerValue) -> bool {
    let mut after = session.clone();
    after.answer(value.clone()).is_ok()
        && after.outcome().map(|o| o.verdict) == Some(Verdict::Refer(Urgency::Emergency))
}

/// Whether another answer to the current question would lead elsewhere.
fn changes_the_way(session: &Session, value: &AnswerValue) -> bool {
    let Some(question) = session.flow().question(session.current_index()) else {
        return false;
    };
    let next = |value: AnswerValue| -> Option<NodeId> {
        let mut after = session.clone();
        after.answer(value).ok()?;
        Some(after.current_index())
    };
    let this = next(value.clone());
    question
        .answers()
        .iter()
        .map(|answer| AnswerValue::Choice(answer.id.clone()))
        .filter(|other| other != value)
        .any(|other| next(other).is_some_and(|there| Some(there) != this))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::Flow;
    use crate::engine::tests::{STRAIN, shipped};
    use crate::engine::{AnswerError, Current};

    /// A session standing at the bladder question (a red flag whose "yes"
    /// is an emergency).
    fn at_bladder(flow: &Flow) -> Session<'_> {
        let mut session = Session::new(flow);
        for answer in ["self_pain", "yes", "40", "no", "no"] {
            session.answer_text(answer).unwrap();
        }
        assert_eq!(here(&session), "emergency.bladder_bowel");
        session
    }

    fn here(session: &Session) -> String {
        match session.current() {
            Current::Question { node, .. } | Current::Outcome { node, .. } => node.id.to_string(),
        }
    }

    fn checked(heard: Result<Heard, AnswerError>) -> CheckBack {
        match heard {
            Ok(Heard::CheckBack(check)) => check,
            other => panic!("not checked back: {other:?}"),
        }
    }

    #[test]
    fn a_sentence_read_as_no_on_a_red_flag_is_checked_back_first() {
        let flow = shipped();
        let mut session = at_bladder(&flow);
        let check = checked(session.answer_text("I can pee fine"));
        assert_eq!(check.reason, CheckReason::NoOnSafetyQuestion);
        assert_eq!(check.value, AnswerValue::Choice("no".into()));
        assert_eq!(session.answered(), 5, "nothing is recorded yet");
        assert_eq!(session.pending_check(), Some(&check));
        assert!(matches!(
            session.answer_text("yes, that's right"),
            Ok(Heard::Recorded(_))
        ));
        let bladder = flow.find("emergency.bladder_bowel").unwrap();
        assert_eq!(
            session.answer_to(bladder),
            Some(&AnswerValue::Choice("no".into()))
        );
        assert_eq!(session.pending_check(), None);
    }

    #[test]
    fn a_no_to_the_check_back_records_nothing_and_asks_again() {
        let flow = shipped();
        let mut session = at_bladder(&flow);
        checked(session.answer_text("I can pee fine"));
        assert_eq!(
            session.answer_text("no, that's wrong"),
            Err(AnswerError::NotConfirmed)
        );
        assert_eq!(session.answered(), 5);
        assert_eq!(session.pending_check(), None);
        assert_eq!(here(&session), "emergency.bladder_bowel");
    }

    #[test]
    fn help_keeps_the_check_back_and_other_words_are_read_afresh() {
        let flow = shipped();
        let mut session = at_bladder(&flow);
        checked(session.answer_text("I can pee fine"));
        assert_eq!(session.answer_text("?"), Err(AnswerError::HelpWanted));
        assert!(session.pending_check().is_some());
        // A plain "not sure" is an answer of its own: it drops the check.
        let heard = session.answer_text("not sure");
        assert!(matches!(
            heard,
            Ok(Heard::CheckBack(_)) | Ok(Heard::Recorded(_))
        ));
        assert_ne!(
            session.answer_to(flow.find("emergency.bladder_bowel").unwrap()),
            Some(&AnswerValue::Choice("no".into()))
        );
    }

    #[test]
    fn a_reading_that_ends_in_an_emergency_is_checked_back() {
        let flow = shipped();
        let mut session = at_bladder(&flow);
        let check = checked(session.answer_text("yeah, I wet myself last night"));
        assert_eq!(check.reason, CheckReason::Emergency);
        session.answer_text("yes").unwrap();
        assert_eq!(
            session.outcome().map(|o| o.verdict),
            Some(Verdict::Refer(Urgency::Emergency))
        );
    }

    #[test]
    fn short_answers_and_options_as_shown_are_recorded_at_once() {
        let flow = shipped();
        for typed in [
            "no",
            "nope",
            "2",
            "no, not at all",
            "no, I have no trouble at all with my bladder",
        ] {
            let mut session = at_bladder(&flow);
            assert!(
                matches!(session.answer_text(typed), Ok(Heard::Recorded(_))),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_hedged_sentence_that_changes_the_way_is_checked_back() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        for answer in &STRAIN[..15] {
            session.answer_text(answer).unwrap();
        }
        assert_eq!(here(&session), "pain.spread");
        let check = checked(session.answer_text("it goes down into my calf sometimes"));
        assert_eq!(check.reason, CheckReason::Guess);
        assert_eq!(check.value, AnswerValue::Choice("below_knee".into()));
        // The same words said plainly are recorded, and said back.
        let mut plain = session.clone();
        assert!(matches!(
            plain.answer_text("it goes down into my calf"),
            Ok(Heard::Recorded(_))
        ));
    }
}
