//! "What if this one answer had been different?": the walk replayed from the
//! start with one answer changed and every other answer as it was given. The
//! one way it is done, for all who ask: the answer a referral rests on, the
//! doubts a result rests on, `change` and `whatif`, and rehearsal scoring.

use std::collections::HashMap;

use super::Session;
use crate::compile::{AnswerValue, Flow, NodeId};

impl<'f> Session<'f> {
    /// The walk the `given` answers take with `question` answered `instead`.
    /// Like [`Session::replay`], answers the new walk does not reach are
    /// not kept.
    pub fn replay_with_answer(
        flow: &'f Flow,
        given: &HashMap<NodeId, AnswerValue>,
        question: NodeId,
        instead: AnswerValue,
    ) -> Session<'f> {
        let mut changed = given.clone();
        changed.insert(question, instead);
        Session::replay(flow, &changed)
    }

    /// This walk with `question` answered `instead`, the later answers kept
    /// where they still apply; this session is not touched.
    pub fn with_answer(&self, question: NodeId, instead: AnswerValue) -> Session<'f> {
        let given: HashMap<NodeId, AnswerValue> =
            self.answers().map(|(q, v)| (q, v.clone())).collect();
        Session::replay_with_answer(self.flow(), &given, question, instead)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::compile::{AnswerValue, compile, tests::mini};
    use crate::engine::Session;

    #[test]
    fn one_answer_changed_replays_the_walk_and_leaves_the_session_alone() {
        let flow = compile(&mini()).unwrap();
        let saddle = flow.find("saddle").unwrap();
        let mut session = Session::new(&flow);
        session.answer_text("no").unwrap();
        session.answer_text("34").unwrap();
        let referred = session.with_answer(saddle, AnswerValue::Choice("yes".into()));
        assert!(referred.outcome().is_some_and(|o| o.verdict.is_referral()));
        // The age is no longer asked on the new walk, so it is not kept.
        assert_eq!(referred.answered(), 1);
        assert_eq!(session.answered(), 2);
        assert!(session.outcome().is_none());
    }

    #[test]
    fn answers_given_off_the_path_take_part_in_the_replay() {
        let flow = compile(&mini()).unwrap();
        let saddle = flow.find("saddle").unwrap();
        let age = flow.find("age").unwrap();
        let given = HashMap::from([
            (saddle, AnswerValue::Choice("yes".into())),
            (age, AnswerValue::Number(34)),
        ]);
        let walked =
            Session::replay_with_answer(&flow, &given, saddle, AnswerValue::Choice("no".into()));
        assert_eq!(walked.answer_to(age), Some(&AnswerValue::Number(34)));
        // `given` itself is not changed.
        assert_eq!(given[&saddle], AnswerValue::Choice("yes".into()));
    }
}
