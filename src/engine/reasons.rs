//! Every warning sign the person reported besides what decided the result
//! (`what_decided.rs`), on this walk or (for answers given up front) on
//! questions the walk never reached because it had already found a reason
//! to refer.

use super::Session;
use crate::compile::{AnswerValue, NodeId, YesNo};

/// The tag of a question whose "yes" (or "not sure") is a warning sign.
const RED_FLAG: &str = "red_flag";

impl<'f> Session<'f> {
    /// Every warning sign reported (a question tagged `red_flag` answered
    /// anything but "no"), other than those that decided the result (see
    /// [`Session::what_decided`]) or are its deciding doubts: first those
    /// on the path, in the order asked, then those given up front for
    /// questions the walk did not reach.
    pub fn other_warning_signs(&self) -> Vec<(NodeId, &AnswerValue)> {
        let flow = self.flow();
        let decided = self.what_decided();
        let doubts = self.deciding_doubts();
        let warning = |q: NodeId, value: &AnswerValue| {
            !decided.names(q)
                && !doubts.contains(&q)
                && !YesNo::No.is(value)
                && flow.node(q).tags.iter().any(|tag| tag == RED_FLAG)
        };
        self.answers()
            .filter(|(q, value)| warning(*q, value))
            .chain(
                self.also_told()
                    .iter()
                    .filter(|(q, value)| warning(*q, value))
                    .map(|(q, value)| (*q, value)),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::compile::{AnswerValue, compile, tests::mini};
    use crate::engine::Session;

    #[test]
    fn a_yes_that_refers_is_the_deciding_answer() {
        let flow = compile(&mini()).unwrap();
        let mut session = Session::new(&flow);
        session.answer_text("yes").unwrap();
        let decided = session.what_decided();
        assert_eq!(decided.questions(), vec![flow.find("saddle").unwrap()]);
        assert!(session.other_warning_signs().is_empty());
    }

    #[test]
    fn nothing_decides_a_walk_not_finished() {
        let flow = compile(&mini()).unwrap();
        let mut session = Session::new(&flow);
        session.answer_text("no").unwrap();
        assert_eq!(session.what_decided(), Default::default());
    }

    #[test]
    fn a_warning_sign_the_walk_never_reached_is_still_reported() {
        // The shipped knowledge: "not sure" about saddle numbness ends the
        // walk, yet the blood in the urine the story told is still reported.
        let flow = compile(&crate::compile::tests::shipped()).unwrap();
        let id = |name: &str| flow.find(name).unwrap();
        let mut given = HashMap::new();
        given.insert(id("opening"), AnswerValue::Choice("self_pain".into()));
        given.insert(id("back_pain"), AnswerValue::Choice("yes".into()));
        given.insert(id("how_old"), AnswerValue::Number(62));
        given.insert(id("saddle_numbness"), AnswerValue::Choice("unsure".into()));
        given.insert(id("urine_problem"), AnswerValue::Choice("yes".into()));
        given.insert(id("cancer"), AnswerValue::Choice("no".into()));
        let session = Session::from_answers(&flow, &given);
        assert_eq!(session.deciding_doubts(), vec![id("saddle_numbness")]);
        let others: Vec<_> = session
            .other_warning_signs()
            .iter()
            .map(|(q, _)| *q)
            .collect();
        assert_eq!(others, vec![id("urine_problem")]);
        // Replayed answers alone (back, change) keep nothing off the path.
        assert!(Session::replay(&flow, &given).also_told().is_empty());
    }

    #[test]
    fn the_answer_that_made_it_an_emergency_decides_it() {
        // A fever alone refers urgently; with a stiff neck it is an
        // emergency, and the stiff neck is what the emergency rests on.
        let flow = compile(&crate::compile::tests::shipped()).unwrap();
        let id = |name: &str| flow.find(name).unwrap();
        let no = || AnswerValue::Choice("no".into());
        let mut given = HashMap::new();
        given.insert(id("opening"), AnswerValue::Choice("self_pain".into()));
        given.insert(id("back_pain"), AnswerValue::Choice("yes".into()));
        given.insert(id("how_old"), AnswerValue::Number(62));
        for q in [
            "saddle_numbness",
            "bladder_bowel",
            "sexual_function",
            "leg_symptoms",
            "fainting",
            "sudden_belly_back",
            "confusion",
        ] {
            given.insert(id(q), no());
        }
        given.insert(id("fever"), AnswerValue::Choice("yes".into()));
        given.insert(id("fever_severe"), AnswerValue::Choice("yes".into()));
        let session = Session::replay(&flow, &given);
        let decided = session.what_decided();
        assert!(decided.names(id("fever_severe")), "{decided:?}");
        // The fever is needed too: without it the stiff neck is not asked.
        assert!(decided.names(id("fever")), "{decided:?}");
        assert!(session.other_warning_signs().is_empty());
    }
}
