//! The nerve-root drill, generated from the knowledge's root table (the
//! `sign`s of roots.flow, from 001): a single finding to name the root,
//! mixed findings (skin area, muscles, reflex) that point to one root,
//! findings of two roots (no single root, unless every one fits one root),
//! and a root to match with its finding. The answer of every item is read
//! from the signs' roots (`engine::read_roots`), the same reading the scoring
//! and the therapist's screen use. The options never carry a segment label,
//! their order is shuffled per seed, and the feedback contrasts the choice
//! with the answer.

use crate::compile::{RootTable, Sign, TestKind};
use crate::engine::{RootReading, read_roots};

use super::seeded_order::seeded_order;

/// The answer when findings point to different roots.
pub const NO_SINGLE_ROOT: &str = "none";
const NO_SINGLE_ROOT_LABEL: &str = "Cannot tell from these: no single root";

/// The most items one drill may have (`--drill N`): a practice session, not
/// a way to fill the memory.
pub const MAX_DRILL_ITEMS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// One finding: which root?
    Single,
    /// Findings that all fit one root: which root?
    Mixed,
    /// Findings that point to different roots: no single root.
    Conflicting,
    /// A root: which finding points to it?
    WhichFinding,
}

/// One drill question with its choices and the right answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillItem {
    /// Names the item in the history: the same item always has the same id.
    pub id: String,
    pub kind: ItemKind,
    pub prompt: String,
    /// (label shown, its key): a root or [`NO_SINGLE_ROOT`], or for
    /// [`ItemKind::WhichFinding`] the sign's id.
    pub choices: Vec<(String, String)>,
    /// The keys that are right: one, or two roots for a sign the source
    /// puts at two segments.
    pub accepted: Vec<String>,
    /// The findings shown (or, for [`ItemKind::WhichFinding`], offered).
    findings: Vec<Sign>,
    /// For [`ItemKind::WhichFinding`]: the root asked about.
    asked_root: Option<String>,
    /// Every sign of the table, for "L4 would show ...".
    table: Vec<Sign>,
}

impl DrillItem {
    /// Whether a root may be typed by name: not when the options are findings
    /// (typing the root asked about would always be right).
    pub fn takes_root_names(&self) -> bool {
        self.kind != ItemKind::WhichFinding
    }

    /// Whether `key` (a root, [`NO_SINGLE_ROOT`] or a sign's id) is right.
    pub fn is_right(&self, key: &str) -> bool {
        self.accepted.iter().any(|k| k == key)
    }

    /// The right keys as the history keeps them: `L5`, `L4 or L5`.
    pub fn expected(&self) -> String {
        self.accepted.join(" or ")
    }

    /// The findings shown (or, for [`ItemKind::WhichFinding`], offered).
    pub fn shown(&self) -> &[Sign] {
        &self.findings
    }

    /// For [`ItemKind::WhichFinding`]: the root asked about.
    pub fn asked_root(&self) -> Option<&str> {
        self.asked_root.as_deref()
    }

    /// The answer in words.
    pub fn answer_words(&self) -> String {
        match self.kind {
            ItemKind::WhichFinding => (self.findings.iter())
                .filter(|f| self.is_right(&f.id))
                .map(|f| f.words.clone())
                .collect::<Vec<_>>()
                .join(" or "),
            _ if self.is_right(NO_SINGLE_ROOT) => {
                "no single root: the findings disagree".to_string()
            }
            _ if self.accepted.len() > 1 => format!("{} (either is right)", self.expected()),
            _ => self.expected(),
        }
    }

    /// What to say after `chosen` (a key of the choices): why the choice is
    /// or is not the answer, which finding points where, and the notes of
    /// the table's rows.
    pub fn feedback(&self, chosen: &str) -> String {
        let mut text = match self.kind {
            ItemKind::WhichFinding => self.which_feedback(chosen),
            _ => self.pattern_feedback(chosen),
        };
        // The notes of the findings the feedback is about: all those shown,
        // or of the findings offered, the right one and the one chosen.
        let about = |f: &&Sign| match self.kind {
            ItemKind::WhichFinding => self.is_right(&f.id) || f.id == chosen,
            _ => true,
        };
        let mut notes: Vec<&str> = (self.findings.iter())
            .filter(about)
            .filter_map(|f| f.note.as_deref())
            .collect();
        notes.dedup();
        for note in notes {
            text.push(' ');
            text.push_str(note);
        }
        text
    }

    fn which_feedback(&self, chosen: &str) -> String {
        let root = self.asked_root.as_deref().unwrap_or_default();
        let right = self.findings.iter().find(|f| self.is_right(&f.id));
        let picked = self.findings.iter().find(|f| f.id == chosen);
        match (right, picked) {
            (Some(right), Some(picked)) if right.id != picked.id => format!(
                "Not {}: that points to {} ({}). For {root} it is {}.",
                picked.words,
                roots_words(picked),
                picked.test.words(),
                right.words
            ),
            (Some(right), _) => format!(
                "{} points to {} ({}).",
                capital(&right.words),
                roots_words(right),
                right.test.words()
            ),
            _ => String::new(),
        }
    }

    fn pattern_feedback(&self, chosen: &str) -> String {
        let pointing: Vec<String> = self
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} points to {} ({})",
                    f.words,
                    roots_words(f),
                    f.test.words()
                )
            })
            .collect();
        let pointing_lower = pointing.join("; ");
        let pointing = capital(&pointing_lower);
        let others = if self.findings.len() == 2 {
            "the other does not"
        } else {
            "the others do not"
        };
        let split = self.is_right(NO_SINGLE_ROOT);
        match (self.is_right(chosen), split, chosen == NO_SINGLE_ROOT) {
            (true, true, _) => format!(
                "{pointing}. They name different roots, so no single root can be named from these: examine formally and refer."
            ),
            (true, false, _) => format!("{pointing}."),
            (false, true, _) => {
                let supports = self.findings.iter().find(|f| f.fits(chosen));
                match supports {
                    Some(f) => format!(
                        "Not {chosen} alone: {} does point to {chosen}, but {others}. {pointing}. Findings that disagree cannot name one root: examine formally and refer.",
                        f.words
                    ),
                    None => format!(
                        "Not {chosen}: no finding here points to {chosen}. {pointing}. They disagree, so no single root can be named."
                    ),
                }
            }
            (false, false, true) => format!(
                "These findings do not conflict: {pointing_lower}, so they name {}.",
                self.expected()
            ),
            (false, false, false) => {
                // What the chosen root would have shown on the same tests.
                let mut kinds: Vec<TestKind> = self.findings.iter().map(|f| f.test).collect();
                kinds.sort();
                kinds.dedup();
                let would: Vec<&str> = kinds
                    .iter()
                    .filter_map(|&k| self.first_of(chosen, k).map(|f| f.words.as_str()))
                    .collect();
                format!(
                    "Not {chosen}: {chosen} would show {}. {pointing}, so it is {}.",
                    would.join(" and "),
                    self.expected()
                )
            }
        }
    }

    /// The first sign of `root` on `test` that no other root shares.
    fn first_of(&self, root: &str, test: TestKind) -> Option<&Sign> {
        first_sign(&self.table, root, test)
    }
}

/// `L4`, or `L4 or L5` for a sign at two segments.
fn roots_words(sign: &Sign) -> String {
    sign.roots.join(" or ")
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first sign of `root` on `test`, preferring one that points to that
/// root alone.
fn first_sign<'t>(signs: &'t [Sign], root: &str, test: TestKind) -> Option<&'t Sign> {
    let of_test = || signs.iter().filter(|s| s.test == test && s.fits(root));
    of_test()
        .find(|s| s.roots.len() == 1)
        .or_else(|| of_test().next())
}

/// The reading of `signs` together: what the scoring reads from findings.
fn reading(signs: &[&Sign]) -> RootReading {
    read_roots(signs.iter().map(|s| s.roots.as_slice()))
}

/// The roots of the table and "cannot tell".
fn root_choices(table: &RootTable) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = (table.roots().into_iter())
        .map(|r| (r.to_string(), r.to_string()))
        .collect();
    choices.push((NO_SINGLE_ROOT_LABEL.to_string(), NO_SINGLE_ROOT.to_string()));
    choices
}

fn listed(findings: &[&Sign]) -> String {
    let words: Vec<&str> = findings.iter().map(|f| f.words.as_str()).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// An item showing `findings`, keyed by what they read as together.
fn pattern(id: String, findings: &[&Sign], table: &RootTable) -> DrillItem {
    let question = if findings.len() == 1 {
        "Which root does this point to?"
    } else {
        "Which root do these findings point to?"
    };
    let read = reading(findings);
    let (kind, accepted) = match &read {
        RootReading::Agree(roots) if findings.len() == 1 => (ItemKind::Single, roots.clone()),
        RootReading::Agree(roots) => (ItemKind::Mixed, roots.clone()),
        // A leaning reading names its root; the drill's findings of two
        // roots split evenly, so this arm serves a table that changes.
        RootReading::Leaning { root, .. } => (ItemKind::Mixed, vec![root.clone()]),
        RootReading::Split | RootReading::Unmapped => {
            (ItemKind::Conflicting, vec![NO_SINGLE_ROOT.to_string()])
        }
    };
    DrillItem {
        id,
        kind,
        prompt: format!("A client has {}. {question}", listed(findings)),
        choices: root_choices(table),
        accepted,
        findings: findings.iter().map(|&f| f.clone()).collect(),
        asked_root: None,
        table: table.signs().to_vec(),
    }
}

/// Every distinct item of `table`, in a fixed order, options unshuffled.
pub fn all_items(table: &RootTable) -> Vec<DrillItem> {
    use TestKind::{Motor, Reflex, Sensory};
    let signs = table.signs();
    let roots = table.roots();
    let of = |root: &str, test: TestKind| -> Vec<(usize, &Sign)> {
        (signs.iter().enumerate())
            .filter(|(_, s)| s.test == test && s.fits(root))
            .collect()
    };
    let mut items = Vec::new();
    for sign in signs {
        items.push(pattern(format!("single-{}", sign.id), &[sign], table));
    }
    for &root in &roots {
        for (s, sensory) in of(root, Sensory) {
            for (m, motor) in of(root, Motor) {
                for (r, reflex) in of(root, Reflex) {
                    // Positions in the table: the signs' ids would make an
                    // id too long for the review's column.
                    items.push(pattern(
                        format!("mixed-{}-{s}-{m}-{r}", root.to_lowercase()),
                        &[sensory, motor, reflex],
                        table,
                    ));
                }
            }
        }
    }
    for (a, first) in roots.iter().enumerate() {
        for second in &roots[a + 1..] {
            for one in [Sensory, Motor, Reflex] {
                for other in [Sensory, Motor, Reflex] {
                    let (Some(x), Some(y)) = (
                        first_sign(signs, first, one),
                        first_sign(signs, second, other),
                    ) else {
                        continue;
                    };
                    items.push(pattern(
                        format!("conflict-{first}-{one:?}-{second}-{other:?}").to_lowercase(),
                        &[x, y],
                        table,
                    ));
                }
            }
        }
    }
    for sign in signs {
        for root in &sign.roots {
            // The sign, and for each other root a sign of the same test that
            // does not point to the root asked about.
            let mut offered = vec![sign.clone()];
            for other in roots.iter().filter(|r| *r != root) {
                let distractor = (signs.iter())
                    .filter(|s| s.test == sign.test && s.fits(other) && !s.fits(root))
                    .min_by_key(|s| s.roots.len());
                if let Some(distractor) = distractor
                    && !offered.iter().any(|o| o.id == distractor.id)
                {
                    offered.push(distractor.clone());
                }
            }
            offered.sort_by_key(|f| roots.iter().position(|r| f.fits(r)));
            let id = match sign.roots.len() {
                1 => format!("which-{}", sign.id),
                _ => format!("which-{}-{}", sign.id, root.to_lowercase()),
            };
            items.push(DrillItem {
                id,
                kind: ItemKind::WhichFinding,
                prompt: format!(
                    "Which finding points to the {root} root ({})?",
                    sign.test.words()
                ),
                choices: offered
                    .iter()
                    .map(|f| (f.words.clone(), f.id.clone()))
                    .collect(),
                accepted: vec![sign.id.clone()],
                findings: offered,
                asked_root: Some(root.clone()),
                table: signs.to_vec(),
            });
        }
    }
    items
}

/// `count` items of `table` (at most [`MAX_DRILL_ITEMS`]) in an order set by
/// `seed`, each with its options shuffled by `seed` too.
pub fn drill_items(table: &RootTable, count: usize, seed: u64) -> Vec<DrillItem> {
    let bank = all_items(table);
    if bank.is_empty() {
        return Vec::new();
    }
    let order = seeded_order(bank.len(), seed);
    (0..count.min(MAX_DRILL_ITEMS))
        .map(|n| {
            let mut item = bank[order[n % order.len()]].clone();
            let shuffle = seeded_order(
                item.choices.len(),
                seed ^ (n as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407),
            );
            item.choices = shuffle
                .into_iter()
                .map(|i| item.choices[i].clone())
                .collect();
            item
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Flow, compile};

    fn shipped() -> Flow {
        compile(&crate::compile::tests::shipped()).unwrap()
    }

    #[test]
    fn at_least_sixty_distinct_items() {
        let flow = shipped();
        let items = all_items(flow.root_table());
        let mut prompts: Vec<String> = items
            .iter()
            .map(|i| {
                let mut labels: Vec<&str> = i.choices.iter().map(|(l, _)| l.as_str()).collect();
                labels.sort_unstable();
                format!("{} {labels:?}", i.prompt)
            })
            .collect();
        prompts.sort();
        prompts.dedup();
        assert!(prompts.len() >= 60, "{}", prompts.len());
        let mut ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), items.len());
        for kind in [
            ItemKind::Single,
            ItemKind::Mixed,
            ItemKind::Conflicting,
            ItemKind::WhichFinding,
        ] {
            assert!(items.iter().any(|i| i.kind == kind), "{kind:?}");
        }
    }

    #[test]
    fn every_item_has_its_answer_among_the_choices_and_no_segment_labels() {
        let flow = shipped();
        let segments = ["L3", "L4", "L5", "S1", "S2"];
        for item in drill_items(flow.root_table(), MAX_DRILL_ITEMS, 3) {
            for key in &item.accepted {
                assert!(item.choices.iter().any(|(_, k)| k == key), "{}", item.id);
            }
            // The findings shown or offered never name their segment.
            let findings: Vec<&str> = match item.kind {
                ItemKind::WhichFinding => item.choices.iter().map(|(l, _)| l.as_str()).collect(),
                _ => vec![item.prompt.split(". Which").next().unwrap_or("")],
            };
            for text in findings {
                for segment in segments {
                    assert!(!text.contains(segment), "{text}");
                }
            }
        }
    }

    #[test]
    fn a_which_item_offers_one_finding_of_the_root_asked_about() {
        let flow = shipped();
        for item in all_items(flow.root_table())
            .iter()
            .filter(|i| i.kind == ItemKind::WhichFinding)
        {
            let root = item.asked_root.as_deref().unwrap();
            let fitting: Vec<&str> = (item.findings.iter())
                .filter(|f| f.fits(root))
                .map(|f| f.id.as_str())
                .collect();
            assert_eq!(fitting, item.accepted, "{}", item.id);
            assert!(item.choices.len() >= 2, "{}", item.id);
        }
    }

    #[test]
    fn options_are_shuffled_per_seed() {
        let flow = shipped();
        let table = flow.root_table();
        let orders = |seed| -> Vec<Vec<String>> {
            drill_items(table, 20, seed)
                .into_iter()
                .map(|i| i.choices.into_iter().map(|(l, _)| l).collect())
                .collect()
        };
        assert_eq!(orders(4), orders(4));
        let firsts: std::collections::HashSet<String> = (0..10)
            .flat_map(|seed| drill_items(table, 30, seed))
            .filter(|i| i.kind != ItemKind::WhichFinding)
            .map(|i| i.choices[0].0.clone())
            .collect();
        assert!(firsts.len() >= 3, "L4 is not always first: {firsts:?}");
    }

    #[test]
    fn feedback_contrasts_the_choice_with_the_answer() {
        let flow = shipped();
        let items = all_items(flow.root_table());
        let single = items
            .iter()
            .find(|i| i.id == "single-top_foot_numbness")
            .unwrap();
        assert_eq!(single.accepted, ["L5"]);
        let text = single.feedback("S1");
        assert!(
            text.starts_with("Not S1: S1 would show numbness along the outer edge"),
            "{text}"
        );
        assert!(
            text.contains("Numbness over the top of the foot points to L5"),
            "{text}"
        );
        let conflict = items
            .iter()
            .find(|i| i.kind == ItemKind::Conflicting)
            .unwrap();
        let text = conflict.feedback("L4");
        assert!(
            text.contains("does point to L4, but the other does not"),
            "{text}"
        );
        let mixed = items.iter().find(|i| i.kind == ItemKind::Mixed).unwrap();
        assert!(mixed.feedback(NO_SINGLE_ROOT).contains("do not conflict"));
        let which = items
            .iter()
            .find(|i| i.kind == ItemKind::WhichFinding && i.asked_root.as_deref() == Some("S1"))
            .unwrap();
        let l4 = which.findings.iter().find(|f| f.fits("L4")).unwrap();
        let text = which.feedback(&l4.id);
        assert!(
            text.contains("that points to L4") && text.contains("For S1 it is"),
            "{text}"
        );
    }

    #[test]
    fn the_big_toe_note_comes_with_the_big_toe() {
        let flow = shipped();
        for item in all_items(flow.root_table()) {
            let answer = item.accepted[0].clone();
            // Of the findings a which-item offers, the feedback is about the
            // right one (and the one chosen).
            let shows_toe = (item.findings.iter())
                .filter(|f| item.kind != ItemKind::WhichFinding || f.id == answer)
                .any(|f| f.test == TestKind::Sensory && f.words.contains("big toe"));
            let text = item.feedback(&answer);
            assert_eq!(
                text.contains("most dermatome charts"),
                shows_toe,
                "{}",
                item.prompt
            );
        }
    }

    #[test]
    fn a_huge_count_is_capped_not_allocated() {
        let flow = shipped();
        assert_eq!(
            drill_items(flow.root_table(), usize::MAX, 0).len(),
            MAX_DRILL_ITEMS
        );
        assert!(drill_items(&RootTable::default(), 5, 0).is_empty());
    }
}
