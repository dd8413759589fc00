//! Everything `backcheck diff` compares: the walks (by verdict), the
//! invariants and red-flag orders (proved in each flow) and the cases (run
//! in each flow); and which of those changes are safety-relevant.

use std::fmt::Write as _;

use super::walk_together::{Ending, PathChanges, walk_together};
use crate::check::{AnalysisRequest, analyse};
use crate::compile::Flow;

/// An invariant or case that was added, removed, or passes in one flow and
/// fails in the other. `None`: not in that flow.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckChange {
    pub name: String,
    pub old: Option<bool>,
    pub new: Option<bool>,
}

impl CheckChange {
    /// Fails in the new flow and did not fail in the old.
    pub fn newly_failing(&self) -> bool {
        self.new == Some(false) && self.old != Some(false)
    }

    fn words(&self) -> String {
        let state = |passed: Option<bool>| match passed {
            None => "absent",
            Some(true) => "passes",
            Some(false) => "FAILS",
        };
        format!("{} -> {}", state(self.old), state(self.new))
    }
}

/// What changed from one flow to the other.
#[derive(Debug, Clone)]
pub struct FlowDiff {
    pub paths: PathChanges,
    pub invariants: Vec<CheckChange>,
    pub cases: Vec<CheckChange>,
}

/// Compares `old` with `new`.
pub fn compare(old: &Flow, new: &Flow) -> FlowDiff {
    FlowDiff {
        paths: walk_together(old, new),
        invariants: changes(proved(old), proved(new)),
        cases: changes(cases(old), cases(new)),
    }
}

/// Every invariant and red-flag order by its text, with whether it holds;
/// none when the graph cannot be walked.
fn proved(flow: &Flow) -> Vec<(String, bool)> {
    match analyse(flow, &AnalysisRequest::VERIFY).proof {
        Some(Ok(verification)) => verification
            .invariants
            .iter()
            .chain(&verification.orders)
            .map(|i| (i.text.clone(), i.passed()))
            .collect(),
        _ => Vec::new(),
    }
}

fn cases(flow: &Flow) -> Vec<(String, bool)> {
    analyse(flow, &AnalysisRequest::TEST)
        .cases
        .iter()
        .map(|c| (c.name.clone(), c.passed()))
        .collect()
}

/// The names whose result differs, in the old order then the new.
fn changes(old: Vec<(String, bool)>, new: Vec<(String, bool)>) -> Vec<CheckChange> {
    let find = |list: &[(String, bool)], name: &str| {
        list.iter()
            .find(|(n, _)| n == name)
            .map(|(_, passed)| *passed)
    };
    let mut names: Vec<&String> = old.iter().map(|(n, _)| n).collect();
    names.extend(
        new.iter()
            .map(|(n, _)| n)
            .filter(|n| find(&old, n).is_none()),
    );
    names
        .into_iter()
        .map(|name| CheckChange {
            name: name.clone(),
            old: find(&old, name),
            new: find(&new, name),
        })
        .filter(|change| change.old != change.new)
        .collect()
}

impl FlowDiff {
    /// Some walk now ends with less care, an invariant or case newly fails,
    /// or the walk ran out of budget (so nothing can be promised).
    pub fn safety_relevant(&self) -> bool {
        self.paths.stopped
            || self.paths.groups.iter().any(|g| g.less_care())
            || self.invariants.iter().any(CheckChange::newly_failing)
            || self.cases.iter().any(CheckChange::newly_failing)
    }

    /// The diff for people.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let paths = &self.paths;
        let _ = writeln!(
            out,
            "walked both flows together: {} answer combinations, {} distinct states{}",
            paths.walks,
            paths.states,
            if paths.exhaustive {
                ""
            } else {
                " (some multiple-choice subsets sampled, not all tried)"
            }
        );
        if paths.stopped {
            let _ = writeln!(
                out,
                "INCOMPLETE: the state budget ran out; only part of the walks were compared"
            );
        }
        if paths.groups.is_empty() {
            out.push_str("no answers end in another verdict or urgency\n");
        }
        for group in &paths.groups {
            let mark = if group.less_care() {
                "LESS CARE"
            } else {
                "changed"
            };
            let _ = writeln!(
                out,
                "{mark}: {} -> {}: {} answer combination{}",
                ending(&group.old),
                ending(&group.new),
                group.count,
                if group.count == 1 { "" } else { "s" }
            );
            let _ = writeln!(out, "  shortest: {}", answers(&group.shortest));
        }
        for (title, list) in [("invariant", &self.invariants), ("case", &self.cases)] {
            if list.is_empty() {
                let _ = writeln!(out, "no {title} changed");
            }
            for change in list {
                let mark = if change.newly_failing() {
                    "NEWLY FAILING "
                } else {
                    ""
                };
                let _ = writeln!(out, "{mark}{title} \"{}\": {}", change.name, change.words());
            }
        }
        out.push_str(if self.safety_relevant() {
            "safety-relevant change: yes\n"
        } else {
            "safety-relevant change: no\n"
        });
        out
    }

    /// The diff for tools.
    pub fn json(&self) -> serde_json::Value {
        let groups: Vec<serde_json::Value> = self
            .paths
            .groups
            .iter()
            .map(|g| {
                serde_json::json!({
                    "old": ending_json(&g.old),
                    "new": ending_json(&g.new),
                    "less_care": g.less_care(),
                    "count": g.count.to_string(),
                    "shortest": answers(&g.shortest),
                })
            })
            .collect();
        serde_json::json!({
            "safety_relevant": self.safety_relevant(),
            "walks": self.paths.walks.to_string(),
            "states": self.paths.states,
            "exhaustive": self.paths.exhaustive,
            "complete": !self.paths.stopped,
            "verdict_changes": groups,
            "invariants": self.invariants,
            "cases": self.cases,
        })
    }
}

fn ending(end: &Ending) -> String {
    match end {
        Ending::Outcome { id, verdict, .. } => format!("{id} [{verdict}]"),
        Ending::NotOffered => "(an answer not offered)".into(),
    }
}

fn ending_json(end: &Ending) -> serde_json::Value {
    match end {
        Ending::Outcome { id, verdict, .. } => {
            serde_json::json!({"outcome": id, "verdict": verdict})
        }
        Ending::NotOffered => serde_json::Value::Null,
    }
}

/// `id=value,...`, the form `run --answers` takes.
fn answers(list: &[(String, crate::compile::AnswerValue)]) -> String {
    list.iter()
        .map(|(id, value)| format!("{id}={value}"))
        .collect::<Vec<_>>()
        .join(",")
}
