//! The lints of `backcheck check`: things that compile but are probably
//! mistakes. Each has a stable code and points at the source.
//!
//! | code | what |
//! | --- | --- |
//! | W001 | dead end: a node, a `when` arm or a question that no walk can reach, take or ask |
//! | W002 | a fact is declared but no condition reads it |
//! | W003 | a condition reads a fact that no path to it has set (and it has no starting value) |
//! | W004 | a question cannot change anything: same target for every answer, no effects, never read |
//! | W005 | a question has no `why` |
//! | W006 | a question has no `source` |
//! | W007 | an outcome has no `source` |
//! | W008 | two questions ask the same thing in the same words |
//! | W010 | a question asked after "not sure" takes the symptom for granted ("With the fever, ...") |
//! | W011 | a numbered list inside a question whose answers are numbered too |
//! | W013 | a finding of a nerve check (a question with a `neuro` tag) names no `root` |
//!
//! A red flag whose "not sure" does not count as "yes" is an error (E026,
//! once W009): see [`audit`](super::audit).
//!
//! Unreachable nodes and refer outcomes without an urgency are compile
//! errors already (E010, E012), as are answers with no way on (E004, E008).

use crate::compile::Flow;
use crate::diagnostic::Diagnostic;

use super::lint_dead_ends::dead_ends;
use super::lint_facts::{facts_never_set, unused_facts};
use super::lint_questions::{duplicate_wording, pointless_questions};
use super::lint_roots::findings_without_root;
use super::lint_sources::missing_rationale;
use super::lint_wording::{
    numbered_lists, one_plain_thing, presuming_follow_ups, yes_no_over_lists,
};

/// Every warning about `flow`, in source order.
pub fn lint(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = dead_ends(flow);
    warnings.extend(unused_facts(flow));
    warnings.extend(facts_never_set(flow));
    warnings.extend(pointless_questions(flow));
    warnings.extend(missing_rationale(flow));
    warnings.extend(duplicate_wording(flow));
    warnings.extend(presuming_follow_ups(flow));
    warnings.extend(numbered_lists(flow));
    warnings.extend(yes_no_over_lists(flow));
    warnings.extend(one_plain_thing(flow));
    warnings.extend(findings_without_root(flow));
    warnings.sort_by_key(|w| (w.span.file(), w.span.start(), w.code()));
    warnings
}
