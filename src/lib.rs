//! backcheck: a rule-based assistant for deciding whether, and how, to massage a
//! lower back.
//!
//! Data flows one way through the stages:
//! text ([`source`]) -> AST ([`syntax`]) -> [`compile::Flow`] -> [`engine::Session`]
//! -> rendering ([`report`], [`repl`], [`rehearse`]). The engine never prints; the REPL
//! never decides. docs/architecture.md describes each stage.

pub mod check;
pub mod cli;
pub mod compile;
pub mod diagnostic;
pub mod diff;
pub mod embedded;
pub mod engine;
pub mod file_read;
pub mod file_write;
pub mod lsp;
pub mod printable;
pub mod rehearse;
pub mod repl;
pub mod report;
pub mod source;
pub mod syntax;
pub mod terminal;
pub mod web;

#[cfg(test)]
mod stage_boundaries;

/// The synthetic knowledge generator (examples/synth), for tests at scale.
#[cfg(test)]
#[path = "../examples/synth/generate.rs"]
mod synth;
