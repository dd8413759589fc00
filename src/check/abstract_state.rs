//! The verifier's abstract state: what a walk knows, cut down to the facts
//! and answers that some condition reads.
//!
//! A state is one small integer per tracked operand (a *slot*): 0 for
//! unknown, otherwise an index into that slot's table of values. States are
//! cheap to hash and compare, so the dynamic programme in
//! [`exploration`](super::exploration) can merge walks that know the same
//! things. Conditions are evaluated by the compiler's [`eval`], the one a
//! session uses too, through a [`Lookup`] over a state ([`View`]), so the
//! verifier and a real session cannot disagree about what a condition means.
//!
//! Not for: deciding what to track (the exploration does) or how answers are
//! grouped (see [`answer_classes`](super::answer_classes)).

use crate::compile::{AnswerValue, Cond, Flow, Node, NodeId, NodeKind, Operand, Value, Verdict};
use crate::compile::{Lookup, eval};
use std::collections::HashMap;

/// Which operands a state tracks, and where.
#[derive(Debug, Clone)]
pub(super) struct Slots {
    by_fact: Vec<Option<usize>>,
    by_question: Vec<Option<usize>>,
    count: usize,
}

impl Slots {
    /// Slots for `operands`; verdict, urgency and outcome need none (they
    /// come from the outcome reached).
    pub(super) fn new(flow: &Flow, operands: impl IntoIterator<Item = Operand>) -> Slots {
        let mut slots = Slots {
            by_fact: vec![None; flow.facts().len()],
            by_question: vec![None; flow.nodes().len()],
            count: 0,
        };
        for operand in operands {
            let place = match operand {
                Operand::Fact(f) => slots.by_fact.get_mut(f),
                Operand::Question(q) => slots.by_question.get_mut(q.index()),
                Operand::Verdict | Operand::Urgency | Operand::Outcome => None,
            };
            if let Some(place @ None) = place {
                *place = Some(slots.count);
                slots.count += 1;
            }
        }
        slots
    }

    pub(super) fn len(&self) -> usize {
        self.count
    }

    pub(super) fn of(&self, operand: Operand) -> Option<usize> {
        match operand {
            Operand::Fact(f) => self.fact(f),
            Operand::Question(q) => self.question(q.index()),
            Operand::Verdict | Operand::Urgency | Operand::Outcome => None,
        }
    }

    pub(super) fn fact(&self, fact: usize) -> Option<usize> {
        self.by_fact.get(fact).copied().flatten()
    }

    pub(super) fn question(&self, question: usize) -> Option<usize> {
        self.by_question.get(question).copied().flatten()
    }

    /// The slots a condition reads.
    pub(super) fn read_by(&self, cond: &Cond) -> Vec<usize> {
        let mut operands = Vec::new();
        cond.operands(&mut operands);
        operands.into_iter().filter_map(|o| self.of(o)).collect()
    }
}

/// A value held in a slot.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Known {
    Fact(Value),
    Answer(AnswerValue),
}

/// The distinct values each slot has held, so a state can name them by number.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    per_slot: Vec<Vec<Known>>,
    /// Per slot, each value's code: found by hashing, not by a search of
    /// every value (a screen of many choices holds thousands).
    codes: Vec<HashMap<Known, u32, foldhash::fast::RandomState>>,
}

impl Table {
    pub(super) fn new(slots: &Slots) -> Table {
        Table {
            per_slot: vec![Vec::new(); slots.len()],
            codes: vec![HashMap::default(); slots.len()],
        }
    }

    /// The values of `slots`, in that order: a walk's own table, where its
    /// slot `i` is slot `slots[i]` here.
    pub(super) fn subset(&self, slots: &[usize]) -> Table {
        Table {
            per_slot: (slots.iter())
                .map(|&slot| self.per_slot.get(slot).cloned().unwrap_or_default())
                .collect(),
            codes: (slots.iter())
                .map(|&slot| self.codes.get(slot).cloned().unwrap_or_default())
                .collect(),
        }
    }

    /// The code of `known` in `slot` (never 0, which means unknown).
    pub(super) fn intern(&mut self, slot: usize, known: Known) -> u32 {
        if let Some(&code) = self.codes[slot].get(&known) {
            return code;
        }
        let values = &mut self.per_slot[slot];
        values.push(known.clone());
        let code = u32::try_from(values.len()).unwrap_or(u32::MAX);
        self.codes[slot].insert(known, code);
        code
    }

    /// [`intern`](Self::intern) for a fact's value.
    pub(super) fn intern_fact(&mut self, slot: usize, value: &Value) -> u32 {
        self.intern(slot, Known::Fact(value.clone()))
    }

    /// How many codes `slot` can hold, counting 0 (unknown).
    pub(super) fn codes(&self, slot: usize) -> usize {
        self.per_slot.get(slot).map_or(1, |values| values.len() + 1)
    }

    fn get(&self, slot: usize, code: u32) -> Option<&Known> {
        let index = usize::try_from(code).ok()?.checked_sub(1)?;
        self.per_slot.get(slot)?.get(index)
    }
}

/// A state seen through the compiler's [`Lookup`], optionally standing at an
/// outcome (for invariants, which read the verdict).
pub(super) struct View<'a> {
    pub(super) slots: &'a Slots,
    pub(super) table: &'a Table,
    pub(super) state: &'a [u32],
    pub(super) outcome: Option<&'a Node>,
}

impl View<'_> {
    pub(super) fn holds(&self, cond: &Cond) -> bool {
        eval(cond, self)
    }

    fn known(&self, slot: Option<usize>) -> Option<&Known> {
        let slot = slot?;
        self.table.get(slot, *self.state.get(slot)?)
    }
}

impl Lookup for View<'_> {
    fn fact(&self, fact: usize) -> Option<&Value> {
        match self.known(self.slots.fact(fact))? {
            Known::Fact(value) => Some(value),
            Known::Answer(_) => None,
        }
    }

    fn answer_of(&self, question: NodeId) -> Option<&AnswerValue> {
        match self.known(self.slots.question(question.index()))? {
            Known::Answer(answer) => Some(answer),
            Known::Fact(_) => None,
        }
    }

    fn verdict(&self) -> Option<Verdict> {
        match &self.outcome?.kind {
            NodeKind::Outcome(outcome) => Some(outcome.verdict),
            _ => None,
        }
    }

    fn outcome_id(&self) -> Option<(&str, &str)> {
        let node = self.outcome?;
        Some((&node.id, node.local()))
    }
}

/// `or` over parts whose values may be unknown (`None`): true as soon as
/// one part is, false when every part is, unknown otherwise.
pub(super) fn any_of(parts: impl IntoIterator<Item = Option<bool>>) -> Option<bool> {
    let mut all_false = true;
    for part in parts {
        match part {
            Some(true) => return Some(true),
            Some(false) => {}
            None => all_false = false,
        }
    }
    all_false.then_some(false)
}

/// `and` over parts whose values may be unknown: [`any_of`] turned over.
pub(super) fn all_of(parts: impl IntoIterator<Item = Option<bool>>) -> Option<bool> {
    any_of(parts.into_iter().map(|part| part.map(|b| !b))).map(|b| !b)
}
