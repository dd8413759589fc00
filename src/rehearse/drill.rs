//! The nerve-root drill, generated from 001's root table (`root_table`):
//! a single finding to name the root, mixed findings (skin area, muscles,
//! reflex) that point to one root, conflicting findings whose answer is that
//! no single root can be named, and a root to match with its finding. The
//! options never carry a segment label, their order is shuffled per seed, and
//! the feedback contrasts the choice with the answer.

use super::root_table::{FINDINGS, Finding, ROOTS, TestKind};
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
    /// Findings of different tests that agree: which root?
    Mixed,
    /// Findings that point to different roots: no single root.
    Conflicting,
    /// A root: which finding points to it?
    WhichFinding,
}

/// One drill question with its choices and the right answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillItem {
    /// Names the item in the history: the same item always has the same id.
    pub id: String,
    pub kind: ItemKind,
    pub prompt: String,
    /// (label shown, the root it stands for, or [`NO_SINGLE_ROOT`]).
    pub choices: Vec<(String, &'static str)>,
    pub answer: &'static str,
    /// The findings shown (or, for [`ItemKind::WhichFinding`], offered).
    findings: Vec<Finding>,
}

impl DrillItem {
    /// Whether a root may be typed by name: not when the options are findings
    /// (typing the root asked about would always be right).
    pub fn takes_root_names(&self) -> bool {
        self.kind != ItemKind::WhichFinding
    }

    /// The answer in words.
    pub fn answer_words(&self) -> String {
        match self.kind {
            ItemKind::WhichFinding => self
                .findings
                .iter()
                .find(|f| f.root == self.answer)
                .map_or(String::new(), |f| f.words.to_string()),
            _ if self.answer == NO_SINGLE_ROOT => {
                "no single root: the findings disagree".to_string()
            }
            _ => self.answer.to_string(),
        }
    }

    /// What to say after `chosen` (a root or [`NO_SINGLE_ROOT`]): why the
    /// choice is or is not the answer, which finding points where, and the
    /// notes on 001's table.
    pub fn feedback(&self, chosen: &str) -> String {
        let mut text = match self.kind {
            ItemKind::WhichFinding => self.which_feedback(chosen),
            _ => self.pattern_feedback(chosen),
        };
        let mut notes: Vec<&str> = self.findings.iter().filter_map(|f| f.note).collect();
        notes.dedup();
        for note in notes {
            text.push(' ');
            text.push_str(note);
        }
        text
    }

    fn which_feedback(&self, chosen: &str) -> String {
        let right = self.findings.iter().find(|f| f.root == self.answer);
        let picked = self.findings.iter().find(|f| f.root == chosen);
        match (right, picked) {
            (Some(right), Some(picked)) if right.root != picked.root => format!(
                "Not {}: that points to {} ({}). For {} it is {}.",
                picked.words,
                picked.root,
                picked.kind.words(),
                right.root,
                right.words
            ),
            (Some(right), _) => format!(
                "{} points to {} ({}).",
                capital(right.words),
                right.root,
                right.kind.words()
            ),
            _ => String::new(),
        }
    }

    fn pattern_feedback(&self, chosen: &str) -> String {
        let pointing: Vec<String> = self
            .findings
            .iter()
            .map(|f| format!("{} points to {} ({})", f.words, f.root, f.kind.words()))
            .collect();
        let pointing_lower = pointing.join("; ");
        let pointing = capital(&pointing_lower);
        let others = if self.findings.len() == 2 {
            "the other does not"
        } else {
            "the others do not"
        };
        let right = chosen == self.answer;
        match (
            right,
            self.answer == NO_SINGLE_ROOT,
            chosen == NO_SINGLE_ROOT,
        ) {
            (true, true, _) => format!(
                "{pointing}. They name different roots, so no single root can be named from these: examine formally and refer."
            ),
            (true, false, _) => format!("{pointing}."),
            (false, true, _) => {
                let supports = self.findings.iter().find(|f| f.root == chosen);
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
                self.answer
            ),
            (false, false, false) => {
                // What the chosen root would have shown on the same tests.
                let mut kinds: Vec<TestKind> = self.findings.iter().map(|f| f.kind).collect();
                kinds.sort();
                kinds.dedup();
                let would: Vec<&str> = kinds
                    .iter()
                    .filter_map(|&k| first_finding(chosen, k).map(|f| f.words))
                    .collect();
                format!(
                    "Not {chosen}: {chosen} would show {}. {pointing}, so it is {}.",
                    would.join(" and "),
                    self.answer
                )
            }
        }
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn first_finding(root: &str, kind: TestKind) -> Option<&'static Finding> {
    FINDINGS.iter().find(|f| f.root == root && f.kind == kind)
}

fn of(root: &str, kind: TestKind) -> Vec<(usize, &'static Finding)> {
    FINDINGS
        .iter()
        .enumerate()
        .filter(|(_, f)| f.root == root && f.kind == kind)
        .collect()
}

/// L4, L5, S1 and "cannot tell".
fn root_choices() -> Vec<(String, &'static str)> {
    let mut choices: Vec<(String, &'static str)> =
        ROOTS.iter().map(|r| (r.name.to_string(), r.name)).collect();
    choices.push((NO_SINGLE_ROOT_LABEL.to_string(), NO_SINGLE_ROOT));
    choices
}

fn listed(findings: &[&Finding]) -> String {
    let words: Vec<&str> = findings.iter().map(|f| f.words).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn pattern(id: String, kind: ItemKind, findings: &[&Finding], answer: &'static str) -> DrillItem {
    let question = if findings.len() == 1 {
        "Which root does this point to?"
    } else {
        "Which root do these findings point to?"
    };
    DrillItem {
        id,
        kind,
        prompt: format!("A client has {}. {question}", listed(findings)),
        choices: root_choices(),
        answer,
        findings: findings.iter().map(|&&f| f).collect(),
    }
}

/// Every distinct item, in a fixed order, options unshuffled.
pub fn all_items() -> Vec<DrillItem> {
    use TestKind::{Motor, Reflex, Sensory};
    let mut items = Vec::new();
    for (i, finding) in FINDINGS.iter().enumerate() {
        items.push(pattern(
            format!("single-{i}"),
            ItemKind::Single,
            &[finding],
            finding.root,
        ));
    }
    for root in ROOTS.iter().map(|r| r.name) {
        for (s, sensory) in of(root, Sensory) {
            for (m, motor) in of(root, Motor) {
                for (r, reflex) in of(root, Reflex) {
                    items.push(pattern(
                        format!("mixed-{s}-{m}-{r}"),
                        ItemKind::Mixed,
                        &[sensory, motor, reflex],
                        root,
                    ));
                }
            }
        }
    }
    for (a, first) in ROOTS.iter().enumerate() {
        for second in &ROOTS[a + 1..] {
            for one in [Sensory, Motor, Reflex] {
                for other in [Sensory, Motor, Reflex] {
                    let (Some(x), Some(y)) = (
                        first_finding(first.name, one),
                        first_finding(second.name, other),
                    ) else {
                        continue;
                    };
                    items.push(pattern(
                        format!(
                            "conflict-{}-{:?}-{}-{:?}",
                            first.name, one, second.name, other
                        )
                        .to_lowercase(),
                        ItemKind::Conflicting,
                        &[x, y],
                        NO_SINGLE_ROOT,
                    ));
                }
            }
        }
    }
    for (i, finding) in FINDINGS.iter().enumerate() {
        let mut offered = vec![*finding];
        offered.extend(
            ROOTS
                .iter()
                .filter(|r| r.name != finding.root)
                .filter_map(|r| first_finding(r.name, finding.kind).copied()),
        );
        offered.sort_by_key(|f| ROOTS.iter().position(|r| r.name == f.root));
        items.push(DrillItem {
            id: format!("which-{i}"),
            kind: ItemKind::WhichFinding,
            prompt: format!(
                "Which finding points to the {} root ({})?",
                finding.root,
                finding.kind.words()
            ),
            choices: offered
                .iter()
                .map(|f| (f.words.to_string(), f.root))
                .collect(),
            answer: finding.root,
            findings: offered,
        });
    }
    items
}

/// `count` items (at most [`MAX_DRILL_ITEMS`]) in an order set by `seed`,
/// each with its options shuffled by `seed` too.
pub fn drill_items(count: usize, seed: u64) -> Vec<DrillItem> {
    let bank = all_items();
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
    use crate::rehearse::root_table::root_of_findings;

    #[test]
    fn at_least_sixty_distinct_items() {
        let items = all_items();
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
        let segments = ["L3", "L4", "L5", "S1", "S2"];
        for item in drill_items(MAX_DRILL_ITEMS, 3) {
            assert!(item.choices.iter().any(|(_, key)| *key == item.answer));
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
    fn the_answers_agree_with_the_scorings_root_table() {
        // The findings as the knowledge words them for root_of_findings.
        let label = |f: &Finding| match f.kind {
            TestKind::Sensory => format!("{} dermatome", f.root),
            TestKind::Motor => format!("{} myotome", f.root),
            TestKind::Reflex => f.words.to_string(),
        };
        for item in all_items()
            .iter()
            .filter(|i| i.kind != ItemKind::WhichFinding)
        {
            let labels: Vec<String> = item.findings.iter().map(label).collect();
            let root = root_of_findings(labels.iter().map(String::as_str));
            let want = (item.answer != NO_SINGLE_ROOT).then_some(item.answer);
            assert_eq!(root, want, "{}", item.prompt);
        }
    }

    #[test]
    fn options_are_shuffled_per_seed() {
        let orders = |seed| -> Vec<Vec<String>> {
            drill_items(20, seed)
                .into_iter()
                .map(|i| i.choices.into_iter().map(|(l, _)| l).collect())
                .collect()
        };
        assert_eq!(orders(4), orders(4));
        let firsts: std::collections::HashSet<String> = (0..10)
            .flat_map(|seed| drill_items(30, seed))
            .filter(|i| i.kind != ItemKind::WhichFinding)
            .map(|i| i.choices[0].0.clone())
            .collect();
        assert!(firsts.len() >= 3, "L4 is not always first: {firsts:?}");
    }

    #[test]
    fn feedback_contrasts_the_choice_with_the_answer() {
        let items = all_items();
        let single = items.iter().find(|i| i.id == "single-2").unwrap();
        assert_eq!(single.answer, "L5");
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
            .find(|i| i.kind == ItemKind::WhichFinding && i.answer == "S1")
            .unwrap();
        let text = which.feedback("L4");
        assert!(
            text.contains("that points to L4") && text.contains("For S1 it is"),
            "{text}"
        );
    }

    #[test]
    fn the_big_toe_note_comes_with_the_big_toe() {
        for item in all_items() {
            let shows_toe = item
                .findings
                .iter()
                .any(|f| f.kind == TestKind::Sensory && f.words.contains("big toe"));
            let text = item.feedback(item.answer);
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
        assert_eq!(drill_items(usize::MAX, 0).len(), MAX_DRILL_ITEMS);
    }
}
