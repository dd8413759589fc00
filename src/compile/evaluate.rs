//! What a condition means, given what is known: the one reading of a
//! [`Cond`], shared by a session walking the flow (engine) and the analyses
//! that reason about every walk (check), so the two cannot disagree.

use super::{AnswerValue, CompareOp, Cond, NodeId, Operand, Urgency, Value, Verdict, YesNo};

/// What a condition can read. Unknown things are `None`, and every test of
/// an unknown is false (so `not` of it is true).
pub trait Lookup {
    fn fact(&self, fact: usize) -> Option<&Value>;
    fn answer_of(&self, question: NodeId) -> Option<&AnswerValue>;
    /// The verdict of the outcome reached.
    fn verdict(&self) -> Option<Verdict> {
        None
    }
    /// The ids (qualified and local) of the outcome reached.
    fn outcome_id(&self) -> Option<(&str, &str)> {
        None
    }
}

pub fn eval(cond: &Cond, lookup: &impl Lookup) -> bool {
    match cond {
        Cond::Or(parts) => parts.iter().any(|p| eval(p, lookup)),
        Cond::And(parts) => parts.iter().all(|p| eval(p, lookup)),
        Cond::Not(inner) => !eval(inner, lookup),
        Cond::Truth(operand) => match operand {
            Operand::Fact(f) => lookup.fact(*f) == Some(&Value::Bool(true)),
            Operand::Question(q) => lookup
                .answer_of(*q)
                .is_some_and(|answer| YesNo::Yes.is(answer)),
            _ => false,
        },
        Cond::Compare { operand, op, value } => compare(*operand, *op, value, lookup),
        Cond::In { operand, values } => values.iter().any(|v| equals(*operand, v, lookup)),
        Cond::AnyTagged { questions, values } => questions.iter().any(|q| {
            values
                .iter()
                .any(|v| equals(Operand::Question(*q), v, lookup))
        }),
    }
}

fn equals(operand: Operand, value: &Value, lookup: &impl Lookup) -> bool {
    compare(operand, CompareOp::Eq, value, lookup)
}

fn compare(operand: Operand, op: CompareOp, value: &Value, lookup: &impl Lookup) -> bool {
    use std::cmp::Ordering;
    let ordering: Option<Ordering> = match operand {
        Operand::Fact(f) => lookup.fact(f).and_then(|known| match (known, value) {
            (Value::Number(a), Value::Number(b)) => Some(a.cmp(b)),
            (a, b) => equality(a == b),
        }),
        Operand::Question(q) => lookup
            .answer_of(q)
            .and_then(|answer| match (answer, value) {
                (AnswerValue::Number(a), Value::Number(b)) => Some(a.cmp(b)),
                (AnswerValue::Choice(c), Value::Word(w)) => equality(c == w),
                (AnswerValue::Many(chosen), Value::Word(w)) => equality(chosen.contains(w)),
                _ => None,
            }),
        Operand::Verdict => lookup
            .verdict()
            .and_then(|v| equality(matches!(value, Value::Word(w) if w == v.word()))),
        Operand::Urgency => match value {
            Value::Word(w) => Urgency::from_word(w).and_then(|wanted| {
                lookup
                    .verdict()
                    .and_then(Verdict::urgency)
                    .map(|known| known.cmp(&wanted))
            }),
            _ => None,
        },
        Operand::Outcome => lookup.outcome_id().and_then(|(id, local)| {
            equality(matches!(value, Value::Word(w) if w == id || w == local))
        }),
    };
    let Some(ordering) = ordering else {
        return false;
    };
    match op {
        CompareOp::Eq => ordering == Ordering::Equal,
        CompareOp::Ne => ordering != Ordering::Equal,
        CompareOp::Lt => ordering == Ordering::Less,
        CompareOp::Le => ordering != Ordering::Greater,
        CompareOp::Gt => ordering == Ordering::Greater,
        CompareOp::Ge => ordering != Ordering::Less,
    }
}

// Words have no order; equal or not is all a comparison of them can say.
fn equality(equal: bool) -> Option<std::cmp::Ordering> {
    Some(if equal {
        std::cmp::Ordering::Equal
    } else {
        std::cmp::Ordering::Less
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Known {
        facts: Vec<Option<Value>>,
        answers: Vec<Option<AnswerValue>>,
        verdict: Option<Verdict>,
    }

    impl Lookup for Known {
        fn fact(&self, fact: usize) -> Option<&Value> {
            self.facts.get(fact)?.as_ref()
        }
        fn answer_of(&self, question: NodeId) -> Option<&AnswerValue> {
            self.answers.get(question.index())?.as_ref()
        }
        fn verdict(&self) -> Option<Verdict> {
            self.verdict
        }
    }

    fn known() -> Known {
        Known {
            facts: vec![Some(Value::Number(34)), None, Some(Value::Bool(true))],
            answers: vec![
                Some(AnswerValue::Choice("yes".into())),
                Some(AnswerValue::Many(vec!["sitting".into(), "standing".into()])),
            ],
            verdict: Some(Verdict::Refer(Urgency::Urgent)),
        }
    }

    fn cmp(operand: Operand, op: CompareOp, value: Value) -> Cond {
        Cond::Compare { operand, op, value }
    }

    #[test]
    fn numbers_compare() {
        let k = known();
        assert!(eval(
            &cmp(Operand::Fact(0), CompareOp::Lt, Value::Number(50)),
            &k
        ));
        assert!(!eval(
            &cmp(Operand::Fact(0), CompareOp::Ge, Value::Number(50)),
            &k
        ));
    }

    #[test]
    fn unknown_facts_fail_every_test_but_not() {
        let k = known();
        let ne = cmp(Operand::Fact(1), CompareOp::Ne, Value::Word("x".into()));
        assert!(!eval(&ne, &k));
        assert!(eval(
            &Cond::Not(Box::new(Cond::Truth(Operand::Fact(1)))),
            &k
        ));
    }

    #[test]
    fn membership_of_several_choices() {
        let k = known();
        let any = Cond::In {
            operand: Operand::Question(NodeId::new(1)),
            values: vec![Value::Word("lying".into()), Value::Word("standing".into())],
        };
        assert!(eval(&any, &k));
    }

    #[test]
    fn urgency_is_ordered() {
        let k = known();
        let at_least = |w: &str| cmp(Operand::Urgency, CompareOp::Ge, Value::Word(w.into()));
        assert!(eval(&at_least("routine"), &k));
        assert!(eval(&at_least("urgent"), &k));
        assert!(!eval(&at_least("emergency"), &k));
    }

    #[test]
    fn yes_no_question_is_true_when_yes() {
        let k = known();
        assert!(eval(&Cond::Truth(Operand::Question(NodeId::new(0))), &k));
        assert!(eval(&Cond::Truth(Operand::Fact(2)), &k));
    }
}
