//! The nerve-root drill against seed 001's tables, written out here apart
//! from the knowledge: every sign of the shipped table (roots.flow) is one
//! row of 001 with the roots 001 gives it, and every drill item's key is
//! what those roots say (findings that all fit L4 are keyed L4, never "no
//! single root"). `cargo test root_keys -- --nocapture` prints the count.

use std::collections::BTreeSet;

use backcheck::compile::{Flow, TestKind, compile};
use backcheck::rehearse::{ItemKind, NO_SINGLE_ROOT, all_items};
use backcheck::source::KnowledgeSource;

/// 001's motor, sensory and reflex rows: words of the sign, and the
/// segments 001 gives it.
const SEED_001: [(TestKind, &str, &[&str]); 19] = [
    (TestKind::Sensory, "inner edge of the foot", &["L4"]),
    (TestKind::Sensory, "big toe", &["L4"]),
    (TestKind::Sensory, "top of the foot", &["L5"]),
    (TestKind::Sensory, "middle three toes", &["L5"]),
    (TestKind::Sensory, "outer edge of the foot", &["S1"]),
    (TestKind::Sensory, "little toe", &["S1"]),
    (TestKind::Motor, "heels", &["L4"]),
    (TestKind::Motor, "dorsiflexion", &["L4"]),
    (TestKind::Motor, "inversion", &["L4"]),
    (TestKind::Motor, "extensor hallucis longus", &["L5"]),
    (TestKind::Motor, "extensor digitorum longus", &["L5"]),
    (TestKind::Motor, "tiptoe", &["S1"]),
    (TestKind::Motor, "plantarflexion", &["S1"]),
    (TestKind::Motor, "eversion", &["S1"]),
    (TestKind::Motor, "inner edges of the feet", &["S1"]),
    (TestKind::Reflex, "patellar", &["L3", "L4"]),
    (TestKind::Reflex, "tibialis posterior", &["L4", "L5"]),
    (TestKind::Reflex, "semimembranosus", &["L5", "S1"]),
    (TestKind::Reflex, "achilles", &["S1", "S2"]),
];

/// The roots the drill teaches; 001's L3 and S2 fall outside it.
const TABLE_ROOTS: [&str; 3] = ["L4", "L5", "S1"];

fn flow() -> Flow {
    compile(&KnowledgeSource::embedded()).expect("the built-in knowledge compiles")
}

/// The roots 001 gives a sign worded `words`, within the table's roots.
fn seed_roots(test: TestKind, words: &str) -> BTreeSet<&'static str> {
    let lower = words.to_lowercase();
    let rows: Vec<_> = SEED_001
        .iter()
        .filter(|(kind, key, _)| *kind == test && lower.contains(key))
        .collect();
    assert_eq!(rows.len(), 1, "`{words}` is one row of 001: {rows:?}");
    (rows[0].2.iter())
        .copied()
        .filter(|s| TABLE_ROOTS.contains(s))
        .collect()
}

#[test]
fn every_sign_of_the_table_is_a_row_of_001_with_its_roots() {
    let flow = flow();
    let signs = flow.root_table().signs();
    assert_eq!(signs.len(), SEED_001.len(), "one sign per row of 001");
    for sign in signs {
        let roots: BTreeSet<&str> = sign.roots.iter().map(String::as_str).collect();
        assert_eq!(roots, seed_roots(sign.test, &sign.words), "{}", sign.id);
    }
    // The rows 001 gives at two segments carry a note saying so.
    for (key, segments) in [
        ("patellar", "L3-L4"),
        ("tibialis posterior", "L4-L5"),
        ("semimembranosus", "L5-S1"),
    ] {
        let sign = signs.iter().find(|s| s.words.contains(key)).unwrap();
        let note = sign.note.as_deref().unwrap_or_default();
        assert!(note.contains(segments), "{key}: {note}");
    }
}

#[test]
fn every_drill_key_is_what_001_gives_the_findings_shown() {
    let flow = flow();
    let items = all_items(flow.root_table());
    let mut checked = 0;
    for item in &items {
        if item.kind == ItemKind::WhichFinding {
            // The one offered finding of the root asked about is the key.
            let root = item.asked_root().unwrap();
            let fitting: Vec<&str> = (item.shown().iter())
                .filter(|s| seed_roots(s.test, &s.words).contains(root))
                .map(|s| s.id.as_str())
                .collect();
            assert_eq!(fitting, item.accepted, "{}", item.id);
        } else {
            // The roots every finding shown fits, per 001; none: no single root.
            let mut common: BTreeSet<&str> = TABLE_ROOTS.into_iter().collect();
            for sign in item.shown() {
                let roots = seed_roots(sign.test, &sign.words);
                common = common.intersection(&roots).copied().collect();
            }
            let want: Vec<&str> = match common.is_empty() {
                true => vec![NO_SINGLE_ROOT],
                false => common.into_iter().collect(),
            };
            assert_eq!(item.accepted, want, "{}: {}", item.id, item.prompt);
            assert_eq!(
                item.kind == ItemKind::Conflicting,
                item.accepted == [NO_SINGLE_ROOT],
                "{}",
                item.id
            );
        }
        checked += 1;
    }
    println!("drill keys checked against 001: {checked}");
    assert!(checked >= 60, "{checked}");
}

#[test]
fn the_reflexes_001_puts_at_two_segments_accept_either_root() {
    let flow = flow();
    let items = all_items(flow.root_table());
    let key = |id: &str| {
        let item = items.iter().find(|i| i.id == id).expect(id);
        item.accepted.clone()
    };
    assert_eq!(key("single-tib_post_reflex"), ["L4", "L5"]);
    assert_eq!(key("single-semimembranosus_reflex"), ["L5", "S1"]);
    assert_eq!(key("single-patellar_reflex"), ["L4"]);
    // A knee jerk with the tibialis posterior reflex: both fit L4.
    let both = items
        .iter()
        .find(|i| {
            let ids: Vec<&str> = i.shown().iter().map(|s| s.id.as_str()).collect();
            i.kind != ItemKind::WhichFinding
                && ids.contains(&"patellar_reflex")
                && ids.contains(&"tib_post_reflex")
        })
        .expect("an item with both reflexes");
    assert_eq!(both.accepted, ["L4"], "{}", both.prompt);
    assert!(both.is_right("L4") && !both.is_right(NO_SINGLE_ROOT));
}
