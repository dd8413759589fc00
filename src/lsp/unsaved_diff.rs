//! `backcheck diff` for the unsaved edit (issue 27.8): once the lints and the
//! proof of the edited text are sent, the worker walks the saved folder and
//! the edited one together (`diff::walk_together_until`) and the server shows
//! which answer paths now end in another verdict, at the edited place.
//!
//! Budgeted: the walk stops after [`DIFF_TIME`] (or `diff`'s state budget),
//! and then says it is incomplete; it is given up as soon as newer text is
//! waiting (that text is checked at once, and compared in its turn), and
//! skipped when nothing is unsaved or the saved folder does not compile
//! (there is nothing to compare with). The shipped knowledge takes about
//! 2 s (optimised build).

use std::time::{Duration, Instant};

use crate::compile::{Flow, compile};
use crate::diff::{Ending, PathChanges, STATE_BUDGET, walk_together_while};
use crate::source::KnowledgeSource;

/// The longest the walk of both folders may take on the worker.
pub const DIFF_TIME: Duration = Duration::from_secs(10);

/// The most verdict changes listed; the rest are counted.
const LISTED: usize = 5;

/// What the unsaved edit changes for patients, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsavedDiff {
    pub message: String,
    /// Some walk ends with less care than in the saved folder.
    pub less_care: bool,
}

/// The saved folder (`saved`) compared with the edited one (`edited`), or
/// `None` when the saved folder does not compile or `newer` said, during
/// the walk, that newer text is waiting (a result for old text is of no use).
pub fn compare_unsaved(
    saved: &KnowledgeSource,
    edited: &Flow,
    newer: &dyn Fn() -> bool,
) -> Option<Option<UnsavedDiff>> {
    let old = compile(saved).ok()?;
    let deadline = Instant::now() + DIFF_TIME;
    let overtaken = std::cell::Cell::new(false);
    let go_on = || {
        overtaken.set(overtaken.get() || newer());
        !overtaken.get() && Instant::now() < deadline
    };
    let changes = walk_together_while(&old, edited, &go_on);
    if overtaken.get() {
        return None;
    }
    Some(describe(&changes))
}

/// The changes in words; `None` when no verdict changes and the walk was
/// complete.
pub fn describe(changes: &PathChanges) -> Option<UnsavedDiff> {
    if changes.groups.is_empty() && !changes.stopped {
        return None;
    }
    let total: u128 = changes.groups.iter().map(|g| g.count).sum();
    let mut message = format!(
        "this unsaved edit changes the verdict on {total} answer path{} (compared with the saved files{})",
        if total == 1 { "" } else { "s" },
        if changes.stopped {
            format!(
                "; incomplete: the comparison stopped after {} s or {STATE_BUDGET} states",
                DIFF_TIME.as_secs()
            )
        } else {
            String::new()
        }
    );
    for group in changes.groups.iter().take(LISTED) {
        let shortest = (group.shortest.iter())
            .map(|(id, value)| format!("{id}={value}"))
            .collect::<Vec<_>>()
            .join(",");
        message.push_str(&format!(
            "\n{}{} -> {}: {} path{}, shortest: {}",
            if group.less_care() { "LESS CARE: " } else { "" },
            ending(&group.old),
            ending(&group.new),
            group.count,
            if group.count == 1 { "" } else { "s" },
            if shortest.is_empty() {
                "(no answers)".into()
            } else {
                shortest
            },
        ));
    }
    if changes.groups.len() > LISTED {
        message.push_str(&format!(
            "\nand {} more ways (`backcheck diff` lists them all)",
            changes.groups.len() - LISTED
        ));
    }
    Some(UnsavedDiff {
        message,
        less_care: changes.groups.iter().any(|g| g.less_care()),
    })
}

fn ending(end: &Ending) -> String {
    match end {
        Ending::Outcome { id, verdict, .. } => format!("{id} ({verdict})"),
        Ending::NotOffered => "(an answer not offered)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The mini fixture with the outcome `neuro`'s verdict as given.
    fn mini(verdict: &str) -> KnowledgeSource {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
        let mut source = KnowledgeSource::from_dir(std::path::Path::new(dir)).expect("the fixture");
        for file in &mut source.files {
            let edited = file.text.replace(
                "outcome neuro {\n  verdict refer routine",
                &format!("outcome neuro {{\n  verdict {verdict}"),
            );
            *file = SourceFile::new(file.path.clone(), edited);
        }
        source
    }

    #[test]
    fn a_verdict_changed_by_the_edit_is_told_with_its_shortest_answers() {
        let saved = mini("refer routine");
        let edited = compile(&mini("treat")).expect("the edited text compiles");
        let found = compare_unsaved(&saved, &edited, &|| false)
            .expect("the saved text compiles")
            .expect("a verdict changed");
        assert!(found.less_care);
        let (head, groups) = found.message.split_once('\n').expect("a line a change");
        assert!(
            head.starts_with("this unsaved edit changes the verdict on ")
                && head.ends_with(" answer paths (compared with the saved files)"),
            "{head}"
        );
        assert!(
            groups.starts_with(
                "LESS CARE: outcomes.neuro (refer routine) -> outcomes.neuro (treat): "
            ),
            "{groups}"
        );
        // The way there: the answer that reaches the outcome.
        assert!(groups.contains("pain.radiation=below_knee"), "{groups}");
        let same = compile(&saved).expect("compiles");
        assert_eq!(compare_unsaved(&saved, &same, &|| false), Some(None));
        // Overtaken by newer text: nothing to say about this one.
        assert_eq!(compare_unsaved(&saved, &edited, &|| true), None);
        let broken = KnowledgeSource {
            files: vec![SourceFile::new("main.flow", "question {")],
        };
        assert_eq!(compare_unsaved(&broken, &same, &|| false), None);
    }
}
