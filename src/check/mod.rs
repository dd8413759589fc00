//! Static analysis of a compiled [`Flow`](crate::compile::Flow): the lints
//! of `backcheck check`, the proof of `backcheck verify`, and the runner for
//! the cases written in the language.

mod abstract_state;
mod analysis;
mod answer_classes;
mod audit;
mod case_runner;
mod exploration;
mod flow_conditions;
mod lint;
mod lint_dead_ends;
mod lint_facts;
mod lint_questions;
mod lint_roots;
mod lint_sources;
mod lint_wording;
mod mutate;
mod narrowing;
mod path_count;
mod prover;
mod red_flag_rules;
mod settled_parts;
mod tag_rules;
mod verify;

pub use analysis::{Analysis, AnalysisRequest, analyse};
pub use audit::{audit, proof_audit, proof_stopped, proves_nothing};
pub use case_runner::{CaseResult, run_case, run_cases};
pub use exploration::{CycleError, ProofError, STATE_LIMIT};
pub use lint::lint;
pub use mutate::{Harmless, Mutant, MutationReport, mutants, mutate};
pub use tag_rules::tag_errors;
pub use verify::{CounterExample, InvariantResult, Vacuity, Verification, verify};
