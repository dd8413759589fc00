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

/// The heading over what was mentioned in passing.
pub const MENTIONED_HEADING: &str = "You also mentioned:";

/// Why what was mentioned in passing is shown.
pub const MENTIONED_REASON: &str = "Tell whoever you see about these too, in your own words.";

/// What the person mentioned in passing while answering other questions
/// ("my pee's been red"), in the order said: nothing said is dropped.
pub fn mentioned_items(session: &Session) -> Vec<String> {
    (session.mentions().iter())
        .map(|m| format!("\u{201c}{}\u{201d}", m.said))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;
    use crate::source::KnowledgeSource;

    #[test]
    fn what_was_mentioned_in_passing_is_on_the_result_and_in_the_report() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let mut session = Session::new(&flow);
        for answer in ["self_pain", "34", "no"] {
            session.answer_text(answer).unwrap();
        }
        session.answer_text("no, but my pee's been red").unwrap();
        session.answer_text("yes").unwrap();
        // Asked about blood in the pee at once: not so, says the person.
        assert!(session.pending_check().is_some());
        session.answer_text("no").unwrap();
        // Then all clear to the end.
        for _ in 0..40 {
            let crate::engine::Current::Question { node, question, .. } = session.current() else {
                break;
            };
            let answer = match (node.local(), &question.kind) {
                ("how_long", _) => "acute",
                (_, crate::compile::QuestionKind::YesNo { .. }) => "no",
                _ => "none",
            };
            session.answer_text(answer).unwrap();
        }
        assert!(session.is_complete());
        assert_eq!(
            mentioned_items(&session),
            ["\u{201c}my pee's been red\u{201d}"]
        );
        let screen = super::super::outcome_text(&session, crate::report::Audience::Lay);
        assert!(screen.contains(MENTIONED_HEADING), "{screen}");
        assert!(screen.contains("my pee's been red"), "{screen}");
        let report = super::super::markdown_report(
            &session,
            crate::report::Audience::Lay,
            std::time::SystemTime::UNIX_EPOCH,
        );
        assert!(
            report.contains("- \u{201c}my pee's been red\u{201d}"),
            "{report}"
        );
    }
}
