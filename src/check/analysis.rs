//! The one entry point to every analysis of a compiled flow: the errors read
//! off the graph (audit), the lints, the cases, the urgency tags and the
//! proof of every invariant. `check`, `verify`, `test`, `author`, `mutate`
//! and the language server each ask for the analyses they need and read the
//! findings from one [`Analysis`]; a new analysis is added here once.

use super::audit::{audit, proves_nothing};
use super::case_runner::{CaseResult, run_cases};
use super::exploration::CycleError;
use super::lint::lint;
use super::prover::Prover;
use super::tag_rules::tag_errors;
use super::verify::{Verification, prove, verify};
use crate::compile::Flow;
use crate::diagnostic::Diagnostic;

/// Which analyses to run. Those not asked for are left empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnalysisRequest {
    /// The lints: warnings (`check`).
    pub lints: bool,
    /// The errors read off the graph without walking it (E025, E026, E031).
    pub audit: bool,
    /// The proof of every invariant and of the red-flag order, with each
    /// invariant's vacuity (E024): `verify`.
    pub proof: bool,
    /// Where each red flag's `yes` leads, against its urgency tag (E029).
    pub tags: bool,
    /// The cases and vignettes written in the knowledge (`test`).
    pub cases: bool,
    /// Stop at the first analysis that fails, for a yes-or-no answer
    /// ([`Analysis::failed`]): the cheapest run first, and a broken
    /// invariant looked for alone before the whole proof.
    pub first_failure: bool,
}

impl AnalysisRequest {
    /// `check`: the errors read off the graph and the lints.
    pub const CHECK: AnalysisRequest = AnalysisRequest {
        lints: true,
        audit: true,
        proof: false,
        tags: false,
        cases: false,
        first_failure: false,
    };
    /// `verify`: the urgency tags and the proof.
    pub const VERIFY: AnalysisRequest = AnalysisRequest {
        tags: true,
        proof: true,
        ..AnalysisRequest::NONE
    };
    /// `test`: the cases.
    pub const TEST: AnalysisRequest = AnalysisRequest {
        cases: true,
        ..AnalysisRequest::NONE
    };
    /// Every error: what knowledge must pass before its mutants say anything.
    pub const ERRORS: AnalysisRequest = AnalysisRequest {
        audit: true,
        tags: true,
        proof: true,
        ..AnalysisRequest::NONE
    };
    /// Whether `check`, `verify` or `test` fails (a mutant is caught).
    pub const CAUGHT: AnalysisRequest = AnalysisRequest {
        audit: true,
        tags: true,
        proof: true,
        cases: true,
        first_failure: true,
        ..AnalysisRequest::NONE
    };
    /// Every analysis: the language server's look at a folder.
    pub const EDITOR: AnalysisRequest = AnalysisRequest {
        lints: true,
        audit: true,
        tags: true,
        proof: true,
        cases: true,
        ..AnalysisRequest::NONE
    };
    /// Nothing: the start of a request naming only some analyses.
    pub const NONE: AnalysisRequest = AnalysisRequest {
        lints: false,
        audit: false,
        proof: false,
        tags: false,
        cases: false,
        first_failure: false,
    };
}

/// What the analyses asked for found.
#[derive(Debug)]
pub struct Analysis {
    /// E025, E026 and E031, in source order.
    pub audit: Vec<Diagnostic>,
    /// The warnings.
    pub lints: Vec<Diagnostic>,
    /// Every case, then every vignette.
    pub cases: Vec<CaseResult>,
    /// E029, in the order of the red flags; an error when the graph cannot
    /// be walked.
    pub tags: Result<Vec<Diagnostic>, CycleError>,
    /// The proof, when asked for.
    pub proof: Option<Result<Verification, CycleError>>,
    /// An invariant broken alone, found before the whole proof was run
    /// ([`AnalysisRequest::first_failure`]).
    broken_early: bool,
}

/// Runs the analyses `request` asks for on `flow`.
pub fn analyse(flow: &Flow, request: &AnalysisRequest) -> Analysis {
    let mut analysis = Analysis {
        audit: Vec::new(),
        lints: Vec::new(),
        cases: Vec::new(),
        tags: Ok(Vec::new()),
        proof: None,
        broken_early: false,
    };
    let stop = |analysis: &Analysis| request.first_failure && analysis.failed();
    // Cheapest first: what is read off the graph, then one walk per case,
    // then the walks of every path.
    if request.audit {
        analysis.audit = audit(flow);
    }
    if request.lints {
        analysis.lints = lint(flow);
    }
    if request.cases && !stop(&analysis) {
        analysis.cases = run_cases(flow);
    }
    if request.proof && !stop(&analysis) {
        if request.first_failure && broken_alone(flow) {
            analysis.broken_early = true;
            return analysis;
        }
        analysis.proof = Some(verify(flow));
    }
    if request.tags && !stop(&analysis) {
        analysis.tags = tag_errors(flow);
    }
    analysis
}

/// Whether some invariant, proved on its own, is broken (or cannot be
/// proved): cheaper than the whole proof, which also judges vacuity and the
/// red-flag order.
fn broken_alone(flow: &Flow) -> bool {
    let Ok(prover) = Prover::new(flow) else {
        return true;
    };
    flow.invariants().iter().any(
        |invariant| !matches!(prove(&prover, invariant), Ok(result) if result.broken.is_none()),
    )
}

impl Analysis {
    /// Whether anything asked for fails: an error, a case, an invariant, a
    /// red flag out of order, or a graph that cannot be walked. Lints are
    /// warnings and never fail.
    pub fn failed(&self) -> bool {
        self.broken_early
            || !self.audit.is_empty()
            || self.cases.iter().any(|case| !case.passed())
            || !matches!(&self.tags, Ok(errors) if errors.is_empty())
            || matches!(&self.proof, Some(proof) if !matches!(proof, Ok(verification) if verification.holds()))
    }

    /// E024 for every invariant the proof found proving nothing, in the
    /// order written (none when the proof was not run or failed).
    pub fn vacuous(&self, flow: &Flow) -> Vec<Diagnostic> {
        let Some(Ok(verification)) = &self.proof else {
            return Vec::new();
        };
        flow.invariants()
            .iter()
            .zip(&verification.invariants)
            .filter_map(|(invariant, result)| Some(proves_nothing(invariant, result.vacuous?)))
            .collect()
    }

    /// The errors of the proof (E024 and E029), in source order; the first
    /// reason the graph could not be walked, if any.
    pub fn proof_errors(&self, flow: &Flow) -> Result<Vec<Diagnostic>, &CycleError> {
        if let Some(Err(error)) = &self.proof {
            return Err(error);
        }
        let mut errors = self.vacuous(flow);
        errors.extend(self.tags.as_ref()?.iter().cloned());
        errors.sort_by_key(|e| (e.span.file(), e.span.start(), e.code()));
        Ok(errors)
    }

    /// Every error asked for beside the compiler's: the audit's, then the
    /// proof's (E024, E029), in source order within each.
    pub fn errors(&self, flow: &Flow) -> Result<Vec<Diagnostic>, &CycleError> {
        let mut errors = self.audit.clone();
        errors.extend(self.proof_errors(flow)?);
        Ok(errors)
    }

    /// E035 when the proof or the urgency-tag walks could not run to the
    /// end: what an editor shows instead of an empty list.
    pub fn stopped(&self, flow: &Flow) -> Option<Diagnostic> {
        let proof = self.proof.as_ref().and_then(|proof| proof.as_ref().err());
        let error = proof.or(self.tags.as_ref().err())?;
        Some(super::audit::proof_stopped(flow, error))
    }

    /// The warnings: the lints.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.lints
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;
    use crate::compile::tests::{folder, mini, shipped as shipped_source};

    fn shipped() -> Flow {
        compile(&shipped_source()).expect("the shipped knowledge compiles")
    }

    #[test]
    fn only_what_is_asked_is_run() {
        let flow = shipped();
        let analysis = analyse(&flow, &AnalysisRequest::TEST);
        assert!(!analysis.cases.is_empty());
        assert!(analysis.proof.is_none());
        assert!(analysis.lints.is_empty() && analysis.audit.is_empty());
        let analysis = analyse(&flow, &AnalysisRequest::VERIFY);
        assert!(analysis.cases.is_empty());
        assert!(matches!(&analysis.proof, Some(Ok(v)) if !v.invariants.is_empty()));
    }

    #[test]
    fn the_shipped_knowledge_passes_everything() {
        let flow = shipped();
        let analysis = analyse(
            &flow,
            &AnalysisRequest {
                cases: true,
                ..AnalysisRequest::ERRORS
            },
        );
        assert!(!analysis.failed());
        assert_eq!(analysis.errors(&flow).map(|e| e.len()).ok(), Some(0));
    }

    /// The mini knowledge with `replace` changed to `with`.
    fn mini_with(replace: &str, with: &str) -> Flow {
        let files: Vec<(String, String)> = (mini().files.iter())
            .map(|file| (file.path.clone(), file.text.replace(replace, with)))
            .collect();
        assert!(files.iter().any(|(_, text)| text.contains(with)));
        let pairs: Vec<(&str, &str)> = (files.iter())
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        compile(&folder(&pairs)).expect("the changed knowledge compiles")
    }

    #[test]
    fn a_failing_case_fails_and_stops_a_first_failure_run() {
        let flow = mini_with("expect treat", "expect modify");
        let analysis = analyse(&flow, &AnalysisRequest::CAUGHT);
        assert!(analysis.failed());
        assert!(
            analysis.proof.is_none(),
            "the proof is not run once a case fails"
        );
        let all = analyse(
            &flow,
            &AnalysisRequest {
                first_failure: false,
                ..AnalysisRequest::CAUGHT
            },
        );
        assert!(all.proof.is_some(), "without first_failure everything runs");
        assert_eq!(all.cases.iter().filter(|c| !c.passed()).count(), 1);
    }

    #[test]
    fn a_proof_that_stopped_says_so_where_it_stopped() {
        let flow = shipped();
        let mut analysis = analyse(&flow, &AnalysisRequest::NONE);
        assert!(analysis.stopped(&flow).is_none());
        analysis.proof = Some(Err(CycleError::TooManyStates {
            node: "emergency.fever".into(),
            limit: 4,
        }));
        let stopped = analysis.stopped(&flow).expect("E035");
        assert_eq!(stopped.code(), "E035");
        let fever = flow.find("emergency.fever").expect("a question");
        assert_eq!(stopped.span, flow.node(fever).span);
        assert!(
            stopped.message.contains("nothing is proved"),
            "{}",
            stopped.message
        );
        assert!(analysis.failed());
    }

    #[test]
    fn the_proof_errors_are_the_proof_audit() {
        // Always true on the right: the invariant proves nothing (E024).
        let flow = mini_with(
            "=> verdict == refer and urgency == emergency",
            "=> verdict == refer or verdict != refer",
        );
        let analysis = analyse(&flow, &AnalysisRequest::ERRORS);
        let codes = |errors: &[Diagnostic]| errors.iter().map(|e| e.code()).collect::<Vec<_>>();
        let found = analysis.proof_errors(&flow).expect("the proof runs");
        assert_eq!(codes(&found), ["E024"]);
        let audited = crate::check::proof_audit(&flow).expect("the audit runs");
        assert_eq!(codes(&found), codes(&audited));
        assert_eq!(found[0].message, audited[0].message);
        assert!(analysis.failed());
    }
}
