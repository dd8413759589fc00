//! Which "not sure" answers a referral or a changed massage rests on, so the
//! result can say so plainly instead of explaining a finding the person never
//! reported.

use super::Session;
use crate::compile::{NodeId, Verdict, YesNo};

impl<'f> Session<'f> {
    /// The questions answered "not sure" that decided the outcome reached:
    /// with "no" in place of that one answer, the walk would not have come
    /// to this outcome. Empty unless the walk ended in a referral or a
    /// modified massage (caution taken because of the doubt).
    pub fn deciding_doubts(&self) -> Vec<NodeId> {
        let flow = self.flow();
        if !self
            .outcome()
            .is_some_and(|outcome| outcome.verdict != Verdict::Treat)
        {
            return Vec::new();
        }
        self.answers()
            .filter(|(q, value)| {
                YesNo::Unsure.is(value)
                    && flow
                        .question(*q)
                        .is_some_and(|question| question.answer(YesNo::No.id()).is_some())
            })
            .map(|(q, _)| q)
            .filter(|&q| {
                self.with_answer(q, YesNo::No.value()).current_index() != self.current_index()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::{compile, tests::mini};
    use crate::engine::Session;

    #[test]
    fn a_not_sure_that_led_to_a_referral_is_named() {
        let flow = compile(&mini()).unwrap();
        let mut session = Session::new(&flow);
        session.answer_text("not sure").unwrap();
        assert_eq!(
            session.deciding_doubts(),
            vec![flow.find("saddle").unwrap()]
        );
    }

    #[test]
    fn no_doubt_when_the_result_does_not_rest_on_one() {
        let flow = compile(&mini()).unwrap();
        let mut session = Session::new(&flow);
        for answer in ["no", "34", "no", "below knee", "nothing"] {
            session.answer_text(answer).unwrap();
        }
        // A referral, but not from a "not sure".
        assert!(session.outcome().is_some());
        assert!(session.deciding_doubts().is_empty());
        let mut yes = Session::new(&flow);
        yes.answer_text("yes").unwrap();
        assert!(yes.deciding_doubts().is_empty());
    }
}
