//! Runs the `case` blocks of a flow: replays each case's answers and compares
//! the outcome with what the case expects. Every invariant is checked too.

use std::collections::HashMap;

use crate::compile::{Case, Expectation, Flow};
use crate::engine::{Current, Session};

/// The result of one case: what went wrong, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    pub name: String,
    pub failures: Vec<String>,
    /// The answers the walk used, as `id=value`, for replaying with `run`.
    pub path: Vec<String>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Every case, then every vignette (whose expected verdict must be what the
/// engine decides from the client's answers).
pub fn run_cases(flow: &Flow) -> Vec<CaseResult> {
    let cases = flow.cases.iter().map(|case| run_case(flow, case));
    let vignettes = flow.vignettes.iter().map(|vignette| CaseResult {
        name: format!("vignette {}", vignette.id),
        ..run_case(flow, &vignette.case)
    });
    cases.chain(vignettes).collect()
}

pub fn run_case(flow: &Flow, case: &Case) -> CaseResult {
    let given: HashMap<_, _> = case.answers.iter().cloned().collect();
    let session = Session::replay(flow, &given);
    let path = session
        .answers()
        .map(|(q, v)| format!("{}={v}", flow.short_id(q)))
        .collect();
    let mut failures = Vec::new();
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
        for invariant in &flow.invariants {
            if !session.satisfies(invariant) {
                failures.push(format!("breaks invariant \"{}\"", invariant.text));
            }
        }
    }
    CaseResult {
        name: case.name.clone(),
        failures,
        path,
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
        flow.cases[0].expectations = vec![Expectation::Verdict(crate::compile::Verdict::Modify)];
        let result = run_case(&flow, &flow.cases[0]);
        assert_eq!(
            result.failures,
            vec!["expected modify, got treat (outcome `fine`)".to_string()]
        );
    }
}
