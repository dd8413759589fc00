//! Something more: a sentence that answers this question and mentions a
//! finding another question asks about ("no, but my pee's been red") is
//! kept. A red flag mentioned is asked about at once; anything else is
//! offered as already said when its question comes. Nothing is dropped: the
//! report lists what was mentioned.

use super::check_back::CheckReason;
use super::session::Session;
use super::understand::{said_besides, says_no, speaks_of, understand, words_shared};
use crate::compile::{AnswerValue, NodeId, YesNo};

/// A finding mentioned in passing, while answering another question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The question it speaks of.
    pub question: NodeId,
    /// What the words were read as, for that question; `None` when they
    /// speak of it but do not answer it ("my pee's been red" beside "blood
    /// in your pee"): then they are shown with the question, not offered as
    /// its answer.
    pub value: Option<AnswerValue>,
    /// The words said, as they may be shown (at most 120 characters,
    /// control characters as `\u{..}`).
    pub said: String,
    /// Whether the person has been asked about it yet.
    pub offered: bool,
}

/// The question still to come that `input` speaks of besides its answer to
/// the current question: of those whose answer the words give, a red flag
/// before any other, then the one they share the most words with (the
/// first of equals); else the first they speak of without denying it.
pub(super) fn find_mention(session: &Session, input: &str) -> Option<Mention> {
    let besides = said_besides(input)?;
    // Shown on screens and in reports: control characters made visible.
    let said = crate::printable::printable(&besides, 120);
    let flow = session.flow();
    let here = session.current_index();
    let order = flow.order();
    let from = order.iter().position(|&n| n == here)?;
    let mut best: Option<((bool, usize), Mention)> = None;
    let mut unread = None;
    for &index in &order[from + 1..] {
        let node = flow.node(index);
        let Some(question) = flow.question(index) else {
            continue;
        };
        if session.answer_to(index).is_some()
            || session.mentions().iter().any(|m| m.question == index)
            || !speaks_of(question, &besides)
        {
            continue;
        }
        let mention = |value| Mention {
            question: index,
            value,
            said: said.clone(),
            offered: false,
        };
        match understand(node, question, &besides).map(|u| u.into_value()) {
            Ok(value) if says_no(question, &value) => {}
            Ok(AnswerValue::Choice(c)) if YesNo::Unsure.is_id(&c) => {}
            Ok(value) => {
                // A red flag first: it is asked about at once, where a
                // screen that lists the same finding ("blood in your pee"
                // among others) would wait for its turn.
                let rank = (node.is_red_flag(), words_shared(question, &besides));
                if best.as_ref().is_none_or(|(most, _)| rank > *most) {
                    best = Some((rank, mention(Some(value))));
                }
            }
            Err(_) => {
                unread.get_or_insert_with(|| mention(None));
            }
        }
    }
    best.map(|(_, mention)| mention).or(unread)
}

/// The mention to offer as an answer now, if any: a red flag mentioned and
/// not yet asked about, or one whose question the walk has reached.
pub(super) fn to_offer(session: &Session) -> Option<usize> {
    let flow = session.flow();
    let here = session.current_index();
    let open =
        |m: &Mention| !m.offered && m.value.is_some() && session.answer_to(m.question).is_none();
    let mentions = session.mentions();
    (mentions.iter())
        .position(|m| open(m) && flow.node(m.question).is_red_flag())
        .or_else(|| mentions.iter().position(|m| open(m) && m.question == here))
}

/// Words said earlier that speak of the question the walk stands at: shown
/// with it, so every later question that covers "my pee's been red" (the
/// screen, then the question on blood in the pee) shows it ("Earlier you
/// said"). Not when this question's check-back already offers them.
pub(super) fn said_about_here<'s>(session: &'s Session) -> Option<&'s str> {
    let here = session.current_index();
    let question = session.flow().question(here)?;
    let offered_here = session
        .pending_check()
        .is_some_and(|check| check.question == here && check.reason == CheckReason::Mentioned);
    if offered_here {
        return None;
    }
    (session.mentions().iter())
        .find(|m| m.question == here || speaks_of(question, &m.said))
        .map(|m| m.said.as_str())
}

#[cfg(test)]
mod tests {
    use crate::compile::{AnswerValue, Urgency, Verdict};
    use crate::engine::tests::shipped;
    use crate::engine::{CheckReason, Heard, Session};

    fn here(session: &Session) -> String {
        session.flow().node(session.current_index()).id.to_string()
    }

    #[test]
    fn a_red_flag_mentioned_in_passing_is_asked_about_at_once_and_kept() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        let heard = session.answer_text("yes, my own back, and my bum has gone numb");
        assert!(matches!(heard, Ok(Heard::Recorded(_))), "{heard:?}");
        let check = session
            .pending_check()
            .expect("asked about at once")
            .clone();
        assert_eq!(check.reason, CheckReason::Mentioned);
        assert_eq!(flow.node(check.question).id, "emergency.saddle_numbness");
        assert_eq!(
            here(&session),
            "about.back_pain",
            "the walk stays where it was"
        );
        session.answer_text("yes").unwrap();
        assert_eq!(session.also_told().len(), 1);
        // When the walk reaches the question, the answer told is used.
        session.answer_text("yes").unwrap();
        session.answer_text("34").unwrap();
        session.answer_text("no").unwrap();
        assert_eq!(
            session.outcome().map(|o| o.verdict),
            Some(Verdict::Refer(Urgency::Emergency))
        );
        assert_eq!(
            session.answer_to(check.question),
            Some(&AnswerValue::Choice("yes".into()))
        );
    }

    #[test]
    fn a_reply_to_a_mention_asked_early_is_never_the_answer_to_the_question_shown() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        session
            .answer_text("yes, my own back, and my bum has gone numb")
            .unwrap();
        assert_eq!(here(&session), "about.back_pain");
        // Neither yes nor no: asked again, the age is not taken from it.
        assert!(session.answer_text("it's been numb for 34 days").is_err());
        assert!(session.pending_check().is_some());
        assert_eq!(session.answered(), 1);
        // A no with more to it declines the mention, and records nothing.
        assert_eq!(
            session.answer_text("no, it's only a bit tingly"),
            Ok(Heard::Declined)
        );
        assert_eq!(session.answered(), 1);
        assert_eq!(here(&session), "about.back_pain");
    }

    #[test]
    fn a_mention_the_person_says_is_wrong_records_nothing() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        session
            .answer_text("yes, my own back, and my bum has gone numb")
            .unwrap();
        assert_eq!(session.answer_text("no"), Ok(Heard::Declined));
        assert!(session.also_told().is_empty());
        assert!(session.pending_check().is_none());
        assert_eq!(here(&session), "about.back_pain");
        // Still listed: nothing said is dropped.
        assert_eq!(session.mentions().len(), 1);
    }

    #[test]
    fn no_but_records_the_no_and_keeps_the_rest_for_the_questions_it_speaks_of() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        for answer in ["self_pain", "yes", "34", "no"] {
            session.answer_text(answer).unwrap();
        }
        assert_eq!(here(&session), "emergency.saddle_numbness");
        assert!(matches!(
            session.answer_text("no, but my pee's been red"),
            Ok(Heard::CheckBack(_))
        ));
        session.answer_text("yes").unwrap();
        let saddle = flow.find("emergency.saddle_numbness").unwrap();
        assert_eq!(
            session.answer_to(saddle),
            Some(&AnswerValue::Choice("no".into()))
        );
        // Blood in the pee is a red flag: asked about at once.
        let check = session.pending_check().expect("asked at once").clone();
        assert_eq!(check.reason, CheckReason::Mentioned);
        assert_eq!(flow.node(check.question).id, "urgent.urine_problem");
        assert_eq!(session.answer_text("no"), Ok(Heard::Declined));
        // Still shown with the questions it speaks of.
        assert_eq!(here(&session), "emergency.bladder_bowel");
        assert_eq!(session.said_earlier(), Some("my pee's been red"));
        // A question that does not speak of it does not show it.
        session.answer_text("no").unwrap();
        assert_eq!(here(&session), "emergency.sexual_function");
        assert_eq!(session.said_earlier(), None);
    }

    #[test]
    fn an_answer_with_nothing_besides_mentions_nothing() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        for answer in [
            "yes, my own back",
            "yes",
            "34",
            "no, I'm a man",
            "no, nothing like that",
        ] {
            session.answer_text(answer).unwrap();
        }
        assert!(session.mentions().is_empty());
    }
}
