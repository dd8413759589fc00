//! The walk together checked against brute force on tests/fixtures/mini with
//! one edit: every answer a person can give (every age from 0 to 120, every
//! subset of the multiple choice), each replayed in both flows, finds the
//! same changes of verdict as the walk over answer classes; and the memo
//! changes no count.

use std::collections::{BTreeSet, HashMap};

use super::care::care_rank;
use super::walk_together::{Ending, walk_every_path, walk_together};
use crate::compile::{AnswerValue, Flow, compile};
use crate::engine::Session;
use crate::source::KnowledgeSource;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// mini, with `from` replaced by `to` in `file` (which must hold it).
fn mini_with(file: &str, from: &str, to: &str) -> Flow {
    let source = KnowledgeSource::from_dir(std::path::Path::new(MINI)).expect("mini");
    let files = source.files.iter().map(|f| {
        let mut text = f.text.to_string();
        if f.path.ends_with(file) {
            assert!(text.contains(from), "{file} has no `{from}`");
            text = text.replacen(from, to, 1);
        }
        (f.path.to_string(), text)
    });
    compile(&files.collect()).unwrap_or_else(|e| panic!("compiles: {e:?}"))
}

/// mini as it is.
fn unedited() -> Flow {
    let source = KnowledgeSource::from_dir(std::path::Path::new(MINI)).expect("mini");
    compile(&source).unwrap_or_else(|e| panic!("compiles: {e:?}"))
}

/// Every full set of answers to mini's questions.
fn every_answer() -> Vec<HashMap<&'static str, AnswerValue>> {
    let choice = |s: &str| AnswerValue::Choice(s.to_string());
    let mut all = Vec::new();
    let worse = ["sitting", "face_down", "nothing"];
    for saddle in ["yes", "no", "unsure"] {
        for age in 0..=120 {
            for bones in ["yes", "no"] {
                for radiation in ["none", "thigh", "below_knee"] {
                    for mask in 1..8u32 {
                        let chosen = (0..3)
                            .filter(|i| mask & (1 << i) != 0)
                            .map(|i| worse[i].to_string())
                            .collect();
                        all.push(HashMap::from([
                            ("safety.saddle", choice(saddle)),
                            ("safety.age", AnswerValue::Number(age)),
                            ("pain.bones", choice(bones)),
                            ("pain.radiation", choice(radiation)),
                            ("pain.worse", AnswerValue::Many(chosen)),
                        ]));
                    }
                }
            }
        }
    }
    all
}

/// (old outcome, new outcome, less care) of every answer set whose verdict differs.
fn brute_force(old: &Flow, new: &Flow) -> BTreeSet<(String, String, bool)> {
    let end = |flow: &Flow, given: &HashMap<&str, AnswerValue>| {
        let by_node = given
            .iter()
            .map(|(id, v)| (flow.find(id).expect("question"), v.clone()))
            .collect();
        let session = Session::from_answers(flow, &by_node);
        let outcome = session.outcome().expect("every answer given ends the walk");
        (session.current_index(), outcome.verdict)
    };
    every_answer()
        .iter()
        .filter_map(|given| {
            let (a, va) = end(old, given);
            let (b, vb) = end(new, given);
            (va != vb).then(|| {
                (
                    old.node(a).id.to_string(),
                    new.node(b).id.to_string(),
                    care_rank(vb) < care_rank(va),
                )
            })
        })
        .collect()
}

fn walked(old: &Flow, new: &Flow) -> BTreeSet<(String, String, bool)> {
    let changes = walk_together(old, new);
    assert!(changes.exhaustive && !changes.stopped);
    let unmemoised = walk_every_path(old, new);
    assert_eq!(changes.walks, unmemoised.walks, "the memo changes no count");
    let counts = |c: &super::PathChanges| c.groups.iter().map(|g| g.count).collect::<Vec<_>>();
    assert_eq!(counts(&changes), counts(&unmemoised));
    changes
        .groups
        .iter()
        .map(|g| {
            let id = |e: &Ending| match e {
                Ending::Outcome { id, .. } => id.clone(),
                Ending::NotOffered => panic!("mini's edits offer every answer"),
            };
            (id(&g.old), id(&g.new), g.less_care())
        })
        .collect()
}

#[test]
fn the_walk_finds_what_brute_force_finds() {
    let old = unedited();
    let edits = [
        (
            "outcomes.flow",
            "verdict refer emergency",
            "verdict refer urgent",
        ),
        ("safety.flow", "when age < 16", "when age < 18"),
        ("safety.flow", "when age < 16", "when age <= 12"),
        (
            "pain.flow",
            "when radiation == below_knee -> outcomes.neuro
    when osteoporosis or worse in [sitting, face_down] -> outcomes.changes",
            "when osteoporosis or worse in [sitting, face_down] -> outcomes.changes
    when radiation == below_knee -> outcomes.neuro",
        ),
        (
            "pain.flow",
            "worse in [sitting, face_down]",
            "worse in [face_down]",
        ),
        (
            "safety.flow",
            "unsure -> outcomes.emergency",
            "unsure -> next",
        ),
    ];
    for (file, from, to) in edits {
        let new = mini_with(file, from, to);
        let found = walked(&old, &new);
        assert!(!found.is_empty(), "{to}: the edit changes some verdict");
        assert_eq!(found, brute_force(&old, &new), "{file}: {from} -> {to}");
    }
}

#[test]
fn nothing_changes_when_nothing_is_edited() {
    let old = unedited();
    assert!(walked(&old, &old).is_empty());
    assert!(brute_force(&old, &old).is_empty());
}
