//! The right reason for a result: which answer decided a referral, and every
//! other warning sign the person reported, on this walk or (for answers given
//! up front) on questions the walk never reached because it had already found
//! a reason to refer.

use super::Session;
use super::understand::none_option;
use crate::compile::{AnswerValue, NodeId, QuestionKind, Verdict, YesNo};

/// The tag of a question whose "yes" (or "not sure") is a warning sign.
const RED_FLAG: &str = "red_flag";

/// The tag of a question whose answer can itself send the person to a doctor.
const REFERRAL: &str = "referral";

impl<'f> Session<'f> {
    /// The answer a referral rests on: the latest answer on the path that,
    /// given another way, would have led to no referral or a less urgent one
    /// (so a fever with a stiff neck rests on the stiff neck, which made it
    /// an emergency, and the fever is another warning sign) (a "yes"
    /// or "not sure" made "no"; a "no" made "yes" on a question tagged
    /// `referral`, such as "already checked by a doctor?"; a choose-all
    /// question's "none"; another single choice); failing that, the latest
    /// "yes" or "not sure" given, or else the last answer (an age).
    /// `None` unless the walk ended in a referral.
    pub fn deciding_answer(&self) -> Option<NodeId> {
        let flow = self.flow();
        if !self
            .outcome()
            .is_some_and(|outcome| outcome.verdict.is_referral())
        {
            return None;
        }
        let answered: Vec<(NodeId, &AnswerValue)> = self.answers().collect();
        let no = YesNo::No.value();
        let reached = self.outcome().and_then(|outcome| outcome.verdict.urgency());
        // The walk goes on, or ends without a referral, or with a less
        // urgent one.
        let avoids_referral = |q: NodeId, other: AnswerValue| match self
            .with_answer(q, other)
            .outcome()
            .map(|o| o.verdict)
        {
            Some(Verdict::Refer(urgency)) => Some(urgency) < reached,
            _ => true,
        };
        let decided = answered.iter().rev().find(|(q, value)| {
            let Some(question) = flow.question(*q) else {
                return false;
            };
            let others: Vec<AnswerValue> = match question.kind {
                QuestionKind::Number { .. } => Vec::new(),
                QuestionKind::Multiple { .. } => none_option(question)
                    .map(|i| AnswerValue::Choice(question.answers()[i].id.clone()))
                    .filter(|none| none != *value)
                    .into_iter()
                    .collect(),
                QuestionKind::YesNo { .. } if **value != no => vec![no.clone()],
                QuestionKind::YesNo { .. } if flow.node(*q).tags.iter().any(|t| t == REFERRAL) => {
                    vec![YesNo::Yes.value()]
                }
                QuestionKind::YesNo { .. } => Vec::new(),
                QuestionKind::Single { .. } => question
                    .answers()
                    .iter()
                    .map(|a| AnswerValue::Choice(a.id.clone()))
                    .filter(|other| other != *value)
                    .collect(),
            };
            others.into_iter().any(|other| avoids_referral(*q, other))
        });
        decided
            .or_else(|| {
                answered.iter().rev().find(|(q, value)| {
                    **value != no
                        && flow
                            .question(*q)
                            .is_some_and(|question| match question.kind {
                                QuestionKind::YesNo { .. } => true,
                                QuestionKind::Single { .. }
                                | QuestionKind::Multiple { .. }
                                | QuestionKind::Number { .. } => false,
                            })
                })
            })
            .or(answered.last())
            .map(|(q, _)| *q)
    }

    /// Every warning sign reported (a question tagged `red_flag` answered
    /// anything but "no"), other than the one that decided the result: first
    /// those on the path, in the order asked, then those given up front for
    /// questions the walk did not reach.
    pub fn other_warning_signs(&self) -> Vec<(NodeId, &AnswerValue)> {
        let flow = self.flow();
        let deciding = self.deciding_answer();
        let warning = |q: NodeId, value: &AnswerValue| {
            Some(q) != deciding
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
        assert_eq!(session.deciding_answer(), flow.find("saddle"));
        assert!(session.other_warning_signs().is_empty());
    }

    #[test]
    fn nothing_decides_a_result_that_is_not_a_referral() {
        let flow = compile(&mini()).unwrap();
        let mut session = Session::new(&flow);
        session.answer_text("no").unwrap();
        assert_eq!(session.deciding_answer(), None);
    }

    #[test]
    fn a_warning_sign_the_walk_never_reached_is_still_reported() {
        // The shipped knowledge: "not sure" about saddle numbness ends the
        // walk, yet the blood in the urine the story told is still reported.
        let flow = compile(&crate::compile::tests::shipped()).unwrap();
        let id = |name: &str| flow.find(name).unwrap();
        let mut given = HashMap::new();
        given.insert(id("opening"), AnswerValue::Choice("self_pain".into()));
        given.insert(id("how_old"), AnswerValue::Number(62));
        given.insert(id("saddle_numbness"), AnswerValue::Choice("unsure".into()));
        given.insert(id("urine_problem"), AnswerValue::Choice("yes".into()));
        given.insert(id("cancer"), AnswerValue::Choice("no".into()));
        let session = Session::from_answers(&flow, &given);
        assert_eq!(session.deciding_answer(), Some(id("saddle_numbness")));
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
        assert_eq!(session.deciding_answer(), Some(id("fever_severe")));
        let others: Vec<_> = session
            .other_warning_signs()
            .iter()
            .map(|(q, _)| *q)
            .collect();
        assert_eq!(others, vec![id("fever")]);
    }
}
