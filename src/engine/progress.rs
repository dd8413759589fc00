//! How many questions are still to come, honestly: at most the longest way
//! on from here, and likely the questions of the all-clear walk from here,
//! taken with the answers given so far (a decide node ahead goes the way
//! this person's facts send it, not the shortest way any facts could).
//! So an all-clear answer brings "likely" down by one, and it rises only
//! when an answer itself opens more questions.

use super::session::{Current, Session};
use super::understand::says_no;
use crate::compile::{AnswerValue, QuestionKind, QuestionsLeft};

impl Session<'_> {
    /// How many questions can still come, this one included.
    pub fn questions_left(&self) -> QuestionsLeft {
        let at_most = self.flow().questions_left(self.current_index());
        QuestionsLeft {
            likely: all_clear_left(self),
            ..at_most
        }
    }
}

/// The questions of the all-clear walk from where `session` stands: at
/// each question the answer whose way on is likely shortest and ends in no
/// referral. `None` when that walk ends in a referral all the same.
fn all_clear_left(session: &Session) -> Option<u32> {
    let flow = session.flow();
    let mut walk = session.clone();
    // `asked`: the questions of the walk before the one it stands at.
    for asked in 0..=u32::try_from(flow.nodes().len()).unwrap_or(u32::MAX) {
        let Current::Question {
            index, question, ..
        } = walk.current()
        else {
            let outcome = walk.outcome()?;
            return (!outcome.verdict.is_referral()).then_some(asked);
        };
        let candidates: Vec<AnswerValue> = match &question.kind {
            // A number sets facts the way on reads: from here the
            // knowledge's own estimate.
            QuestionKind::Number { .. } => {
                return flow.questions_left(index).likely.map(|l| asked + l);
            }
            QuestionKind::Multiple { answers, .. } => (answers.iter())
                .map(|a| AnswerValue::Many(vec![a.id.clone()]))
                .collect(),
            QuestionKind::YesNo { answers } | QuestionKind::Single { answers } => (answers.iter())
                .map(|a| AnswerValue::Choice(a.id.clone()))
                .collect(),
        };
        let next = (candidates.into_iter())
            .filter_map(|value| {
                let mut after = walk.clone();
                after.answer(value).ok()?;
                let likely = match after.current() {
                    Current::Outcome { outcome, .. } => {
                        (!outcome.verdict.is_referral()).then_some(0)
                    }
                    Current::Question { index, .. } => flow.questions_left(index).likely,
                }?;
                Some((likely, after))
            })
            // The "no" or "none of these" first: it is what all clear means,
            // even where "not sure" happens to be a question shorter.
            .min_by_key(|(likely, after)| {
                let said = after.answer_to(index).is_some_and(|v| says_no(question, v));
                (!said, *likely)
            });
        match next {
            Some((_, after)) => walk = after,
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::engine::Session;
    use crate::engine::tests::{STRAIN, shipped};

    #[test]
    fn an_all_clear_answer_brings_the_count_down_by_one_and_never_up() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        let strain = STRAIN;
        // The age decides which questions follow (pregnancy at 34): from
        // then on the all-clear walk is the strain's own.
        for answer in &strain[..3] {
            session.answer_text(answer).unwrap();
        }
        let mut before = session.questions_left().likely.expect("an all-clear way");
        assert_eq!(
            before as usize,
            strain.len() - 3,
            "the all-clear walk is the strain's"
        );
        for answer in &strain[3..strain.len() - 1] {
            session.answer_text(answer).unwrap();
            let now = session.questions_left().likely.expect("an all-clear way");
            assert_eq!(now + 1, before, "after {answer}");
            before = now;
        }
    }

    #[test]
    fn an_answer_that_opens_questions_raises_the_count() {
        let flow = shipped();
        let mut session = Session::new(&flow);
        for answer in &STRAIN[..11] {
            session.answer_text(answer).unwrap();
        }
        assert_eq!(
            flow.node(session.current_index()).id,
            "urgent.history_screen"
        );
        let before = session.questions_left().likely.unwrap();
        // Not sure at the screen: each item is asked on its own.
        session.answer_text("not sure").unwrap();
        let now = session.questions_left().likely.unwrap();
        assert!(now + 1 > before, "{before} -> {now}");
    }
}
