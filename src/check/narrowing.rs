//! Liveness that depends on a value: once a walk knows `x` has a value that
//! settles a decide arm (`pregnant` true makes `when pregnant` hold, so no
//! later arm of that decide is ever tested), the operands only those later
//! arms read are dead for that walk, though other walks still read them.
//!
//! For each slot `x` and each code `v` it can hold, a backward dataflow over
//! the acyclic graph finds, per node, the slots some walk from that node may
//! still read given that `x` is `v` and nothing ahead writes `x`. A state
//! holding `v` in `x` can forget every other slot; two states that then
//! agree have the same future (the same moves, the same values read at every
//! outcome), so merging them keeps path counts, the ways taken and the
//! shortest paths exact. Only rows smaller than the plain liveness are kept,
//! as the list of slots they make dead.

use super::abstract_state::{Slots, Table, View, all_of, any_of};
use crate::compile::{Cond, Flow, NodeId, NodeKind, Operand};

/// Per node, the rules "if slot `x` holds code `v`, forget these slots".
pub(super) struct Narrowing {
    /// Per node: (slot, code, index into `dead`).
    rules: Vec<Vec<(usize, u32, usize)>>,
    /// Per rule, the slots live at its node that it makes dead.
    dead: Vec<Vec<usize>>,
}

/// Above this much work (slots x codes x nodes x slots) the rules are not
/// worth building: they only ever merge states, so going without them is
/// exact, just slower on flows that need them.
const BUDGET: usize = 20_000_000;

impl Narrowing {
    /// The rules for `flow` over the steering `slots` (those decide and skip
    /// conditions read), given their plain liveness `live` (row per node)
    /// and the slots each node (or one after it) may write. A walk that
    /// also watches slots at the outcomes keeps them live everywhere, so it
    /// applies these rules without forgetting those ([`apply`](Self::apply)).
    pub(super) fn new<'l>(
        flow: &Flow,
        slots: &Slots,
        table: &Table,
        order: &[usize],
        live: &dyn Fn(usize) -> &'l [bool],
        writable: &[Vec<bool>],
    ) -> Narrowing {
        let width = slots.len();
        let mut narrowing = Narrowing {
            rules: vec![Vec::new(); flow.nodes().len()],
            dead: Vec::new(),
        };
        let codes: usize = (0..width).map(|slot| table.codes(slot)).sum();
        let has_decide = (flow.nodes().iter()).any(|n| matches!(n.kind, NodeKind::Decide(_)));
        if !has_decide
            || codes
                .saturating_mul(flow.nodes().len())
                .saturating_mul(width)
                > BUDGET
        {
            return narrowing;
        }
        let mut rows: Vec<Vec<bool>> = vec![Vec::new(); flow.nodes().len()];
        let mut state = vec![0u32; width];
        // Reused for every node: this runs slots x codes x nodes times.
        let mut next: Vec<usize> = Vec::new();
        let mut here = vec![false; width];
        for slot in 0..width {
            for code in 0..table.codes(slot) {
                let code = u32::try_from(code).unwrap_or(u32::MAX);
                state.fill(0);
                state[slot] = code;
                let view = View {
                    slots,
                    table,
                    state: &state,
                    outcome: None,
                };
                let settled = |cond: &Cond| settle(cond, slots, slot, &view);
                for &node in order.iter().rev() {
                    if writable[node][slot] {
                        rows[node].clear();
                        rows[node].extend_from_slice(live(node));
                        continue;
                    }
                    here.fill(false);
                    let mut read = |cond: &Cond| {
                        for s in slots.read_by(cond) {
                            here[s] = true;
                        }
                    };
                    next.clear();
                    match &flow.nodes()[node].kind {
                        NodeKind::Outcome(_) => {}
                        NodeKind::Question(question) => {
                            if let Some((cond, _)) = &question.skip {
                                read(cond);
                            }
                            next.extend(flow.successors(NodeId::new(node)).map(|n| n.index()));
                        }
                        NodeKind::Decide(decide) => {
                            let mut otherwise = true;
                            for arm in &decide.arms {
                                match settled(&arm.condition) {
                                    Some(false) => {}
                                    Some(true) => {
                                        next.push(arm.step.target.index());
                                        otherwise = false;
                                        break;
                                    }
                                    None => {
                                        read(&arm.condition);
                                        next.push(arm.step.target.index());
                                    }
                                }
                            }
                            if otherwise {
                                next.push(decide.otherwise.target.index());
                            }
                        }
                    }
                    for &target in &next {
                        for (mine, theirs) in here.iter_mut().zip(&rows[target]) {
                            *mine |= *theirs;
                        }
                    }
                    // The conditions settled above are still evaluated, on `slot`.
                    here[slot] |= live(node)[slot];
                    rows[node].clear();
                    rows[node].extend_from_slice(&here);
                }
                for &node in order {
                    if writable[node][slot] || rows[node] == live(node) {
                        continue;
                    }
                    narrowing.rules[node].push((slot, code, narrowing.dead.len()));
                    let dead = (rows[node].iter().zip(live(node)).enumerate())
                        .filter(|(_, (row, live))| **live && !**row)
                        .map(|(slot, _)| slot)
                        .collect();
                    narrowing.dead.push(dead);
                }
            }
        }
        narrowing
    }

    /// Forgets what `state`'s own values make dead at `node`, except the
    /// slots `kept` (a walk watches them at the outcomes).
    pub(super) fn apply(&self, node: usize, state: &mut [u32], kept: &[bool]) {
        for &(slot, code, rule) in &self.rules[node] {
            if state[slot] == code {
                for &dead in &self.dead[rule] {
                    if !kept[dead] {
                        state[dead] = 0;
                    }
                }
            }
        }
    }
}

/// The value of `cond` when only `slot` is known (as in `view`), if that
/// alone settles it: parts reading nothing but `slot` are evaluated, `and`,
/// `or` and `not` combine what is settled.
fn settle(cond: &Cond, slots: &Slots, slot: usize, view: &View) -> Option<bool> {
    match cond {
        Cond::Or(parts) => any_of(parts.iter().map(|part| settle(part, slots, slot, view))),
        Cond::And(parts) => all_of(parts.iter().map(|part| settle(part, slots, slot, view))),
        Cond::Not(inner) => settle(inner, slots, slot, view).map(|b| !b),
        atom => {
            let mut operands: Vec<Operand> = Vec::new();
            atom.operands(&mut operands);
            let only_slot = operands.iter().all(|o| match o {
                Operand::Fact(_) | Operand::Question(_) => slots.of(*o).is_none_or(|s| s == slot),
                // Decide nodes stand at no outcome: these read as unknown.
                Operand::Verdict | Operand::Urgency | Operand::Outcome => true,
            });
            only_slot.then(|| view.holds(atom))
        }
    }
}
