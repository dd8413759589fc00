//! Static analysis of a compiled [`Flow`](crate::compile::Flow) and the
//! runner for the cases written in the language.

mod case_runner;

pub use case_runner::{CaseResult, run_case, run_cases};
