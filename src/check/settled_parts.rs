//! Parts of a focused invariant that nothing ahead can change, kept as
//! their truth rather than as the values they read.
//!
//! `(f1 or f2) and (f3 or f4) and ...` over facts set one question each:
//! once `f1` and `f2` are settled (no node ahead writes them), a walk needs
//! to know only whether `f1 or f2` holds, not which of the three ways it
//! does. Keeping every way multiplies the states at each later node by
//! three per pair (3^12 at every node of a 400-question tail, issue 27);
//! keeping the truth multiplies them by nothing.
//!
//! At a node, a *settled part* is a largest part of a watched condition
//! whose slots are all settled there, none of them steering, none of them
//! read by any other part of the conditions the walk watches, and none of
//! them the outcome. Its slots are rewritten to the first values seen with
//! the same truth. Two states that then agree have the same future: the
//! moves never read these slots (they do not steer), and every condition
//! judged at an outcome reads them only through the part, whose truth is
//! unchanged. So counts, the ways taken and the shortest counter-example
//! are exact.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::prover::{Layout, Prover};
use crate::compile::{Cond, Operand};

/// The parts of the watched conditions that may settle, and what each
/// settles to.
pub(super) struct SettledParts<'c> {
    /// Candidate parts, each with the walk's slots it reads.
    parts: Vec<Part<'c>>,
    /// The roots of the condition trees, as indices into `parts`.
    roots: Vec<usize>,
    /// Per node, the parts settled there and no larger part is: made once.
    at_node: Vec<OnceCell<Vec<usize>>>,
    /// Per (part, truth), the values its slots are rewritten to.
    canonical: RefCell<HashMap<(usize, bool), Vec<u32>, RandomState>>,
}

struct Part<'c> {
    cond: &'c Cond,
    /// The walk's slots it reads; `None` when it reads the outcome or a
    /// slot it does not own alone (then it never settles, but its parts may).
    slots: Option<Vec<usize>>,
    children: Vec<usize>,
}

impl<'c> SettledParts<'c> {
    /// For a walk of `prover` laid out as `layout`, watching `watched`.
    pub(super) fn new(prover: &Prover, layout: &Layout, watched: &[&'c Cond]) -> SettledParts<'c> {
        // How many comparisons read each slot, over everything watched.
        let mut readers = vec![0usize; layout.slots.len()];
        for cond in watched {
            count_readers(cond, layout, &mut readers);
        }
        let mut parts = SettledParts {
            parts: Vec::new(),
            roots: Vec::new(),
            at_node: (0..prover.flow.nodes().len())
                .map(|_| OnceCell::new())
                .collect(),
            canonical: RefCell::new(HashMap::default()),
        };
        for cond in watched {
            let root = parts.add(cond, layout, prover.steering, &readers);
            parts.roots.push(root);
        }
        parts
    }

    fn add(
        &mut self,
        cond: &'c Cond,
        layout: &Layout,
        steering: usize,
        readers: &[usize],
    ) -> usize {
        let children: Vec<usize> = match cond {
            Cond::Or(inner) | Cond::And(inner) => (inner.iter())
                .map(|part| self.add(part, layout, steering, readers))
                .collect(),
            Cond::Not(inner) => vec![self.add(inner, layout, steering, readers)],
            _ => Vec::new(),
        };
        let mut mine = vec![0usize; layout.slots.len()];
        let owned = count_readers(cond, layout, &mut mine)
            && (mine.iter().enumerate())
                .all(|(slot, n)| *n == 0 || (slot >= steering && *n == readers[slot]));
        let slots = owned.then(|| (0..mine.len()).filter(|&slot| mine[slot] > 0).collect());
        self.parts.push(Part {
            cond,
            slots,
            children,
        });
        self.parts.len() - 1
    }

    /// Rewrites the settled parts' slots of `state`, a walk's state at `node`.
    pub(super) fn settle(&self, node: usize, prover: &Prover, layout: &Layout, state: &mut [u32]) {
        let settled = self.at_node[node].get_or_init(|| {
            let writable = &prover.writable[node];
            let mut found = Vec::new();
            let mut stack = self.roots.clone();
            while let Some(part) = stack.pop() {
                let here = &self.parts[part];
                let done = here.slots.as_ref().is_some_and(|slots| {
                    !slots.is_empty() && slots.iter().all(|&s| !writable[layout.global(s)])
                });
                if done {
                    found.push(part);
                } else {
                    stack.extend(&here.children);
                }
            }
            found
        });
        for &part in settled {
            let Part {
                cond,
                slots: Some(slots),
                ..
            } = &self.parts[part]
            else {
                continue;
            };
            let truth = layout.view(state).holds(cond);
            let mut canonical = self.canonical.borrow_mut();
            let values = canonical
                .entry((part, truth))
                .or_insert_with(|| slots.iter().map(|&s| state[s]).collect());
            for (&slot, &value) in slots.iter().zip(values.iter()) {
                state[slot] = value;
            }
        }
    }
}

/// Adds to `count` the comparisons of `cond` reading each of the walk's
/// slots; false when some comparison reads the outcome (or a slot the walk
/// does not keep), which no walk knows before it ends.
fn count_readers(cond: &Cond, layout: &Layout, count: &mut [usize]) -> bool {
    match cond {
        Cond::Or(parts) | Cond::And(parts) => {
            // Every part is counted, even after one that reads the outcome.
            let mut known = true;
            for part in parts {
                known &= count_readers(part, layout, count);
            }
            known
        }
        Cond::Not(inner) => count_readers(inner, layout, count),
        atom => {
            let mut read = Vec::new();
            atom.operands(&mut read);
            let mut known = true;
            for operand in read {
                match operand {
                    Operand::Verdict | Operand::Urgency | Operand::Outcome => known = false,
                    walk => match layout.slots.of(walk) {
                        Some(slot) => count[slot] += 1,
                        None => known = false,
                    },
                }
            }
            known
        }
    }
}
