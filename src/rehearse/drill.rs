//! The nerve-root drill: from a pattern of findings name the root, or from a
//! root pick its pattern. Items come from the root table, in a seeded order.

use super::root_table::{ROOTS, Root};
use super::seeded_order::seeded_order;

/// One drill question with its choices and the right answer (a root name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillItem {
    /// Names the item in the history: the same item always has the same id.
    pub id: String,
    pub prompt: String,
    /// (label shown, root name it stands for)
    pub choices: Vec<(String, &'static str)>,
    pub answer: &'static str,
    pub explanation: String,
}

/// The most items one drill may have (`--drill N`): a practice session, not
/// a way to fill the memory.
pub const MAX_DRILL_ITEMS: usize = 1000;

/// `count` items (at most [`MAX_DRILL_ITEMS`]) alternating the two
/// directions, in an order set by `seed`.
pub fn drill_items(count: usize, seed: u64) -> Vec<DrillItem> {
    let order = seeded_order(ROOTS.len() * 2, seed);
    (0..count.min(MAX_DRILL_ITEMS))
        .map(|n| {
            let pick = order[n % order.len()];
            let root = &ROOTS[pick % ROOTS.len()];
            if pick < ROOTS.len() {
                pattern_to_root(root)
            } else {
                root_to_pattern(root, n)
            }
        })
        .collect()
}

fn explanation(root: &Root) -> String {
    format!(
        "{}: weakness: {}; numbness: {}; reflex: {}.",
        root.name, root.motor, root.sensory, root.reflex
    )
}

fn pattern_to_root(root: &Root) -> DrillItem {
    DrillItem {
        id: format!("pattern-{}", root.name),
        prompt: format!(
            "A client has {}, numbness over {}, and {}. Which root is most likely?",
            root.motor, root.sensory, root.reflex
        ),
        choices: ROOTS.iter().map(|r| (r.name.to_string(), r.name)).collect(),
        answer: root.name,
        explanation: explanation(root),
    }
}

fn root_to_pattern(root: &Root, n: usize) -> DrillItem {
    // Ask about a different finding each time: motor, sensory or reflex.
    let (what, finding): (&str, fn(&Root) -> &'static str) = match n % 3 {
        0 => ("weakness", |r| r.motor),
        1 => ("area of numbness", |r| r.sensory),
        _ => ("reflex change", |r| r.reflex),
    };
    DrillItem {
        id: format!("{what}-{}", root.name).replace(' ', "-"),
        prompt: format!("Which {what} points to the {} root?", root.name),
        choices: ROOTS
            .iter()
            .map(|r| (finding(r).to_string(), r.name))
            .collect(),
        answer: root.name,
        explanation: explanation(root),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_answer_among_the_choices() {
        for item in drill_items(12, 3) {
            assert!(item.choices.iter().any(|(_, root)| *root == item.answer));
            assert_eq!(item.choices.len(), 3);
        }
    }

    #[test]
    fn a_huge_count_is_capped_not_allocated() {
        assert_eq!(drill_items(usize::MAX, 0).len(), MAX_DRILL_ITEMS);
    }

    #[test]
    fn both_directions_and_all_roots_appear() {
        let items = drill_items(6, 1);
        assert!(items.iter().any(|i| i.prompt.starts_with("A client has")));
        assert!(items.iter().any(|i| i.prompt.starts_with("Which")));
        for root in ["L4", "L5", "S1"] {
            assert!(items.iter().any(|i| i.answer == root), "{root}");
        }
    }
}
