//! Runs the `case` blocks of a flow: replays each case's answers and compares
//! the outcome with what the case expects. Every invariant is checked too.

use std::collections::HashMap;

use crate::compile::{AnswerValue, Case, Expectation, Flow, Lookup, NodeId, Value, Verdict};
use crate::engine::{Current, Session};

/// The result of one case: what went wrong, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    pub name: String,
    pub failures: Vec<String>,
    /// The answers the walk used, as `id=value`, for replaying with `run`.
    pub path: Vec<String>,
    /// Where the case is written.
    pub span: crate::diagnostic::Span,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Every case, then every vignette (whose expected verdict must be what the
/// engine decides from the client's answers).
pub fn run_cases(flow: &Flow) -> Vec<CaseResult> {
    let cases = flow.cases().iter().map(|case| run_case(flow, case));
    // A vignette's answers are a client's story: it may tell more than the
    // walk asks, so only cases must use every answer.
    let vignettes = flow.vignettes().iter().map(|vignette| CaseResult {
        name: format!("vignette {}", vignette.id),
        ..replay_case(flow, &vignette.case, false)
    });
    cases.chain(vignettes).collect()
}

/// The walk a case or vignette takes, when it ends at an outcome: a path of
/// the flow found without a search, on which the prover reads conditions.
/// The one place check runs the engine besides the cases themselves.
pub(super) struct CaseWalk<'f>(Session<'f>);

/// The walks of every case and vignette of `flow` that end at an outcome.
pub(super) fn case_walks(flow: &Flow) -> Vec<CaseWalk<'_>> {
    let cases = (flow.cases().iter()).chain(flow.vignettes().iter().map(|v| &v.case));
    cases
        .map(|case| Session::replay(flow, &case.answers.iter().cloned().collect()))
        .filter(|session| matches!(session.current(), Current::Outcome { .. }))
        .map(CaseWalk)
        .collect()
}

impl Lookup for CaseWalk<'_> {
    fn fact(&self, fact: usize) -> Option<&Value> {
        Lookup::fact(&self.0, fact)
    }

    fn answer_of(&self, question: NodeId) -> Option<&AnswerValue> {
        Lookup::answer_of(&self.0, question)
    }

    fn verdict(&self) -> Option<Verdict> {
        Lookup::verdict(&self.0)
    }

    fn outcome_id(&self) -> Option<(&str, &str)> {
        Lookup::outcome_id(&self.0)
    }
}

/// One case: its expectations, every invariant on its walk, and every
/// answer it gives used (an answer to a question the walk never asks tests
/// nothing, and usually means the case is not the walk its author thinks).
pub fn run_case(flow: &Flow, case: &Case) -> CaseResult {
    replay_case(flow, case, true)
}

fn replay_case(flow: &Flow, case: &Case, every_answer_used: bool) -> CaseResult {
    let given: HashMap<_, _> = case.answers.iter().cloned().collect();
    let session = Session::replay(flow, &given);
    let path = session
        .answers()
        .map(|(q, v)| format!("{}={v}", flow.short_id(q)))
        .collect();
    let mut failures = Vec::new();
    let asked: Vec<_> = session.answers().map(|(q, _)| q).collect();
    let finished = matches!(session.current(), Current::Outcome { .. });
    if every_answer_used && finished {
        for (q, value) in &case.answers {
            if !asked.contains(q) && !case.from_baseline.contains(q) {
                failures.push(format!(
                    "`{}={value}` is never used: the walk does not ask `{}`",
                    flow.short_id(*q),
                    flow.short_id(*q)
                ));
            }
        }
    }
    let outcome = match session.current() {
        Current::Question {
            index, question, ..
        } => {
            failures.push(format!(
                "the answers stop at question `{}` ({}); valid answers: {}",
                flow.short_id(index),
                question.ask,
                question.valid_answers().join(", ")
            ));
            None
        }
        Current::Outcome { index, outcome, .. } => Some((index, outcome)),
    };
    if let Some((index, outcome)) = outcome {
        let actual = outcome.verdict;
        for expectation in &case.expectations {
            match expectation {
                Expectation::Verdict(expected) if *expected != actual => {
                    failures.push(format!(
                        "expected {expected}, got {actual} (outcome `{}`)",
                        flow.short_id(index)
                    ));
                }
                Expectation::Referral if !actual.is_referral() => {
                    failures.push(format!(
                        "expected refer, got {actual} (outcome `{}`)",
                        flow.short_id(index)
                    ));
                }
                Expectation::Outcome(expected) if *expected != index => failures.push(format!(
                    "expected outcome `{}`, got `{}`",
                    flow.short_id(*expected),
                    flow.short_id(index)
                )),
                Expectation::Verdict(_) | Expectation::Referral | Expectation::Outcome(_) => {}
                Expectation::Note(text) => {
                    let wanted = text.to_lowercase();
                    let found = session.notes().iter().any(|(_, note)| {
                        note.lay.to_lowercase().contains(&wanted)
                            || note
                                .therapist
                                .as_ref()
                                .is_some_and(|t| t.to_lowercase().contains(&wanted))
                    });
                    if !found {
                        failures.push(format!("expected a note containing \"{text}\"; none did"));
                    }
                }
            }
        }
        for invariant in flow.invariants() {
            if !session.satisfies(invariant) {
                failures.push(format!("breaks invariant \"{}\"", invariant.text));
            }
        }
    }
    CaseResult {
        name: case.name.clone(),
        failures,
        path,
        span: case.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, tests::mini};

    #[test]
    fn the_mini_cases_pass() {
        let flow = compile(&mini()).unwrap();
        let results = run_cases(&flow);
        assert_eq!(results.len(), 3);
        for result in results {
            assert!(result.passed(), "{result:?}");
        }
    }

    #[test]
    fn a_wrong_expectation_fails_with_the_actual_verdict() {
        let mut flow = compile(&mini()).unwrap();
        flow.cases_mut()[0].expectations =
            vec![Expectation::Verdict(crate::compile::Verdict::Modify)];
        let result = run_case(&flow, &flow.cases()[0]);
        assert_eq!(
            result.failures,
            vec!["expected modify, got treat (outcome `fine`)".to_string()]
        );
    }
}
