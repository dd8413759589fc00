//! What every walk of one flow's proof starts from, prepared once and
//! shared by all of them: the topological order, the slots and their
//! values, the moves out of every node, what stays live, and what each
//! state's own values make dead ([`narrowing`](super::narrowing)).
//!
//! `verify` walks the same flow a hundred times (every invariant, every red
//! flag's order and urgency), each walk watching different operands at the
//! outcomes. Only the operands that steer a walk (decide and `skip when`
//! conditions) shape the walk itself, so the preparation is done once for
//! them and for every operand an invariant of the flow reads; a walk then
//! keeps the steering slots plus the ones it watches ([`Layout`]).
//!
//! Why this is exact: an operand that is watched is read at every outcome,
//! so it is live at every node that leads to one, whatever the values of
//! the others. The liveness and narrowing rows of a walk that watches `W`
//! are therefore the steering-only rows with `W` added, which is what
//! [`Layout`] applies.

use std::cell::OnceCell;
use std::collections::HashMap;

use foldhash::fast::RandomState;
use std::rc::Rc;

use super::abstract_state::{Known, Slots, Table, View};
use super::answer_classes::{Constants, answer_classes};
use super::case_runner::{CaseWalk, case_walks};
use super::exploration::{CycleError, Exploration, ProofError, STATE_LIMIT};
use super::narrowing::Narrowing;
use super::path_count::PathCount;
use crate::compile::{
    AnswerValue, Cond, Effect, Flow, Invariant, NodeId, NodeKind, Operand, Step, Value,
};

/// A flow prepared for proofs; [`run`](Prover::run) and its siblings walk it.
pub struct Prover<'f> {
    pub(super) flow: &'f Flow,
    pub(super) order: Vec<usize>,
    /// The steering operands first, then every other operand some invariant reads.
    pub(super) slots: Slots,
    /// How many of `slots` steer walks: slots `0..steering`.
    pub(super) steering: usize,
    /// The operand in each slot, in slot order.
    operands: Vec<Operand>,
    pub(super) table: Table,
    pub(super) moves: Vec<Moves<'f>>,
    /// The comparisons decide and skip conditions are made of.
    steering_atoms: Vec<Atom<'f>>,
    /// Per steering slot, the code kept for each of its codes when no
    /// watched condition reads it ([`alike_steering`]).
    steering_alike: Vec<Vec<u32>>,
    /// Per node, the steering slots some condition from there on may read.
    pub(super) live: Live,
    /// Over the steering slots.
    pub(super) narrowing: Narrowing,
    /// Per node, the slots it or a node after it may write.
    pub(super) writable: Vec<Vec<bool>>,
    /// The state at the start, every slot.
    pub(super) initial: Vec<u32>,
    /// Distinct states one node may hold before a walk stops.
    pub(super) state_limit: usize,
    /// Per node, whether some walk reaches it: found once, when first asked.
    reached: OnceCell<Vec<bool>>,
    /// The flow's own cases and vignettes that end at an outcome, replayed
    /// once, when first asked.
    case_walks: OnceCell<Vec<CaseWalk<'f>>>,
}

impl<'f> Prover<'f> {
    /// Prepared to watch any operand the flow's invariants read.
    pub fn new(flow: &'f Flow) -> Result<Prover<'f>, CycleError> {
        let mut read = Vec::new();
        for invariant in flow.invariants() {
            invariant.when.operands(&mut read);
            invariant.then.operands(&mut read);
        }
        Prover::watching(flow, &read)
    }

    /// Prepared only to follow walks (no operand watched at outcomes): what
    /// the dead-ends lint needs.
    pub fn for_walks(flow: &'f Flow) -> Result<Prover<'f>, CycleError> {
        Prover::watching(flow, &[])
    }

    fn watching(flow: &'f Flow, watchable: &[Operand]) -> Result<Prover<'f>, CycleError> {
        let order: Vec<usize> = flow.order().iter().map(|id| id.index()).collect();
        if order.len() < flow.nodes().len() {
            // Kahn's algorithm leaves out exactly the nodes on or after a cycle.
            let mut ordered = vec![false; flow.nodes().len()];
            order.iter().for_each(|&node| ordered[node] = true);
            let node = ordered.iter().position(|done| !done).unwrap_or_default();
            return Err(ProofError::Cycle {
                node: flow
                    .nodes()
                    .get(node)
                    .map_or_else(String::new, |n| n.id.to_string()),
            });
        }
        let steering_operands = steering(flow);
        let steering_slots = Slots::new(flow, steering_operands.iter().copied());
        let slots = Slots::new(flow, steering_operands.iter().chain(watchable).copied());
        let mut operands = Vec::with_capacity(slots.len());
        for operand in steering_operands.iter().chain(watchable) {
            if slots.of(*operand) == Some(operands.len()) {
                operands.push(*operand);
            }
        }
        let mut table = Table::new(&slots);
        let moves = prepare(flow, &slots, &mut table);
        let live = liveness(flow, &steering_slots, &order);
        let writable = writable_from(flow, &slots, &order);
        let narrowing = Narrowing::new(
            flow,
            &steering_slots,
            &table,
            &order,
            &|node| live.row(node),
            &writable,
        );
        let steering_atoms = steering_atoms(&moves);
        let steering_alike = (0..steering_slots.len())
            .map(|slot| {
                let atoms = steering_atoms.iter();
                alike_steering(&slots, &table, slot, operands[slot], atoms)
            })
            .collect();
        let mut initial = vec![0u32; slots.len()];
        for (index, fact) in flow.facts().iter().enumerate() {
            if let (Some(slot), Some(value)) = (slots.fact(index), &fact.initial) {
                initial[slot] = table.intern_fact(slot, value);
            }
        }
        Ok(Prover {
            flow,
            order,
            slots,
            steering: steering_slots.len(),
            operands,
            table,
            moves,
            steering_atoms,
            steering_alike,
            live,
            narrowing,
            writable,
            initial,
            state_limit: STATE_LIMIT,
            reached: OnceCell::new(),
            case_walks: OnceCell::new(),
        })
    }

    pub fn flow(&self) -> &'f Flow {
        self.flow
    }

    /// Every walk, tracking what steers them plus what the conditions
    /// `watched` read (at outcomes), with the number of paths into every
    /// state; with a `focus`, only the walks that could still break it.
    pub fn run(
        &self,
        watched: &[&Cond],
        focus: Option<&Invariant>,
    ) -> Result<Exploration<'_>, CycleError> {
        Exploration::explore(self, watched, focus, Counting::Paths)
    }

    /// As [`run`](Self::run), keeping the shortest path into every state
    /// but not counting paths: what a proof that holds, or a search for a
    /// witness, needs.
    pub fn shortest(
        &self,
        watched: &[&Cond],
        focus: Option<&Invariant>,
    ) -> Result<Exploration<'_>, CycleError> {
        Exploration::explore(self, watched, focus, Counting::Shortest)
    }

    /// Only which nodes walks reach and which ways out of them they take.
    pub fn reach(&self) -> Result<Exploration<'_>, CycleError> {
        Exploration::explore(self, &[], None, Counting::Not)
    }

    /// Per node, whether some walk reaches it.
    pub(super) fn reached(&self) -> Result<&[bool], CycleError> {
        if let Some(reached) = self.reached.get() {
            return Ok(reached);
        }
        let explored = self.reach()?;
        let reached = (0..self.flow.nodes().len())
            .map(|node| explored.reached(node))
            .collect();
        Ok(self.reached.get_or_init(|| reached))
    }

    /// Remembers which nodes `explored` (a walk of every path, not focused) reaches.
    pub(super) fn remember_reached(&self, explored: &Exploration) {
        let reached = (0..self.flow.nodes().len()).map(|node| explored.reached(node));
        let _ = self.reached.set(reached.collect());
    }

    /// How many slots beyond the steering ones a walk watching `watched` keeps.
    pub(super) fn watched_slots(&self, watched: &[&Cond]) -> usize {
        let mut operands = Vec::new();
        watched.iter().for_each(|cond| cond.operands(&mut operands));
        let steering = &self.operands[..self.steering];
        let local = Slots::new(self.flow, steering.iter().chain(&operands).copied());
        local.len() - self.steering
    }

    /// The walks the flow's cases and vignettes take, those that end at an
    /// outcome: paths of the flow, found without a search.
    pub(super) fn case_walks(&self) -> &[CaseWalk<'f>] {
        self.case_walks.get_or_init(|| case_walks(self.flow))
    }

    /// Where a walk watching the conditions `watched` keeps each slot, and
    /// which values of a watched slot it tells apart.
    pub(super) fn layout(&self, watched: &[&Cond]) -> Layout {
        let conditions = watched;
        let mut operands = Vec::new();
        watched.iter().for_each(|cond| cond.operands(&mut operands));
        // Only what the prover was prepared for can be followed: no move
        // writes anything else (callers watch the flow's own invariants).
        let prepared = |o: &Operand| {
            matches!(o, Operand::Verdict | Operand::Urgency | Operand::Outcome)
                || self.slots.of(*o).is_some()
        };
        debug_assert!(
            operands.iter().all(prepared),
            "a watched operand the prover was not prepared for"
        );
        operands.retain(prepared);
        let watched = operands.as_slice();
        let local = Slots::new(
            self.flow,
            self.operands[..self.steering]
                .iter()
                .chain(watched)
                .copied(),
        );
        let mut extra = vec![None; self.slots.len() - self.steering];
        for (slot, operand) in self.operands.iter().enumerate().skip(self.steering) {
            extra[slot - self.steering] = local.of(*operand);
        }
        let mut global = Vec::with_capacity(local.len());
        global.extend(0..self.steering);
        for operand in watched {
            if let Some(slot) = local.of(*operand)
                && slot == global.len()
            {
                global.push(self.slots.of(*operand).unwrap_or_default());
            }
        }
        let mut kept = vec![false; self.steering];
        for slot in watched.iter().filter_map(|o| local.of(*o)) {
            if slot < self.steering {
                kept[slot] = true;
            }
        }
        let live = Live {
            width: self.steering,
            flags: (self.live.flags.chunks(self.steering.max(1)))
                .flat_map(|row| row.iter().zip(&kept).map(|(live, kept)| *live || *kept))
                .collect(),
        };
        let table = self.table.subset(&global);
        let mut layout = Layout {
            slots: local,
            table,
            global,
            extra,
            kept,
            live,
            initial: Vec::new(),
            alike: Vec::new(),
            answers: Vec::new(),
        };
        // A steering slot keeps what the decide and skip conditions tell
        // apart, and what the watched ones do: a multiple-choice screen read
        // by `in [...]` lists then holds a few values, not every subset.
        let mut watched_atoms: Vec<&Cond> = Vec::new();
        conditions
            .iter()
            .for_each(|cond| atoms(cond, &mut watched_atoms));
        let watched_atoms: Vec<Atom> = watched_atoms.into_iter().map(Atom::of).collect();
        layout.alike = (0..self.steering)
            .map(|slot| {
                let operand = self.operands[slot];
                if !watched_atoms.iter().any(|atom| atom.reads(operand)) {
                    return self.steering_alike[slot].clone();
                }
                let atoms = self.steering_atoms.iter().chain(&watched_atoms);
                alike_steering(&layout.slots, &layout.table, slot, operand, atoms)
            })
            .chain((self.steering..layout.slots.len()).map(|slot| {
                let operand = self.operands[layout.global[slot]];
                alike_values(&layout, slot, operand, &watched_atoms)
            }))
            .collect();
        layout.answers = self.grouped_answers(&layout);
        layout.initial = (0..layout.slots.len())
            .map(|slot| {
                let code = self.initial.get(layout.global[slot]).copied().unwrap_or(0);
                layout.alike(slot, code)
            })
            .collect();
        layout
    }
}

/// Whether an exploration counts the paths into each state.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Counting {
    /// Counts, and the shortest path into each state.
    Paths,
    /// Only the shortest path into each state.
    Shortest,
    /// Neither: only which nodes are reached and the ways out taken.
    Not,
}

/// For a watched `slot` past the steering ones, per value code, the first
/// code that every atom of the watched conditions reading it tells apart
/// from it no better: the walk keeps only that. Conditions that say
/// `conditions in [a, b, c]` of a question with many answers then see two
/// values, not every combination of answers.
fn alike_values(layout: &Layout, slot: usize, operand: Operand, watched: &[Atom]) -> Vec<u32> {
    let reading: Vec<&Cond> = (watched.iter())
        .filter(|atom| atom.reads(operand))
        .map(|atom| atom.cond)
        .collect();
    alike_codes(&layout.slots, &layout.table, slot, &reading)
}

/// Per value code of `slot`, the first code that the atoms `reading` tell
/// apart from it no better (each judged with only `slot` known).
fn alike_codes(slots: &Slots, table: &Table, slot: usize, reading: &[&Cond]) -> Vec<u32> {
    let codes = table.codes(slot);
    let mut alike = vec![0u32; codes];
    let mut seen: HashMap<Vec<bool>, u32, RandomState> = HashMap::default();
    let mut state = vec![0u32; slots.len()];
    for code in 1..codes {
        let code = u32::try_from(code).unwrap_or(u32::MAX);
        state[slot] = code;
        let view = View {
            slots,
            table,
            state: &state,
            outcome: None,
        };
        let truths: Vec<bool> = reading.iter().map(|atom| view.holds(atom)).collect();
        alike[code as usize] = *seen.entry(truths).or_insert(code);
    }
    alike
}

/// A comparison with the operands it reads, found once.
struct Atom<'c> {
    cond: &'c Cond,
    reads: Vec<Operand>,
}

impl<'c> Atom<'c> {
    fn of(cond: &'c Cond) -> Atom<'c> {
        let mut reads = Vec::new();
        cond.operands(&mut reads);
        Atom { cond, reads }
    }

    fn reads(&self, operand: Operand) -> bool {
        self.reads.contains(&operand)
    }
}

/// The comparisons the decide and skip conditions of `moves` are made of.
fn steering_atoms<'f>(moves: &[Moves<'f>]) -> Vec<Atom<'f>> {
    let mut conditions: Vec<&Cond> = Vec::new();
    for moves in moves {
        match moves {
            Moves::Decide { arms, .. } => conditions.extend(arms.iter().map(|(cond, _)| *cond)),
            Moves::Question {
                skip: Some((cond, _)),
                ..
            } => conditions.push(cond),
            Moves::Question { .. } | Moves::Outcome => {}
        }
    }
    let mut all = Vec::new();
    conditions
        .into_iter()
        .for_each(|cond| atoms(cond, &mut all));
    all.into_iter().map(Atom::of).collect()
}

/// For a steering `slot` holding `operand`, per value code, the first code
/// that every one of `atoms` reading it tells apart from it no better. A
/// slot that some atom reads together with another operand keeps every
/// value: judged alone, such an atom could hide a difference.
fn alike_steering<'a, 'c: 'a>(
    slots: &Slots,
    table: &Table,
    slot: usize,
    operand: Operand,
    atoms: impl Iterator<Item = &'a Atom<'c>>,
) -> Vec<u32> {
    let mut reading: Vec<&Cond> = Vec::new();
    for atom in atoms.filter(|atom| atom.reads(operand)) {
        let others = (atom.reads.iter())
            .any(|o| *o != operand && matches!(o, Operand::Fact(_) | Operand::Question(_)));
        if others {
            let codes = table.codes(slot);
            return (0..codes)
                .map(|c| u32::try_from(c).unwrap_or(u32::MAX))
                .collect();
        }
        reading.push(atom.cond);
    }
    alike_codes(slots, table, slot, &reading)
}

impl Prover<'_> {
    /// Per question, its answers merged where this walk cannot tell them
    /// apart: the same target and the same writes to the slots it keeps,
    /// once each code is the one it keeps ([`Layout::alike`]) and the
    /// slots dead at the target are dropped. A merged answer stands for
    /// the sum of their counts and shows the first of them, the one that
    /// arrived first before; so counts, shortest paths and the ways taken
    /// are unchanged, and a screen of many choices costs a walk only the
    /// combinations its conditions tell apart.
    fn grouped_answers(&self, layout: &Layout) -> Vec<Vec<Move>> {
        let mut grouped = Vec::with_capacity(self.moves.len());
        for moves in &self.moves {
            let Moves::Question { answers, .. } = moves else {
                grouped.push(Vec::new());
                continue;
            };
            let mut merged: Vec<Move> = Vec::new();
            // Found by hashing: a screen of many choices has thousands of moves.
            let mut index: HashMap<MoveKey, usize, RandomState> = HashMap::default();
            for answer in answers {
                let live = layout.live.row(answer.target);
                let writes: Vec<(usize, u32)> = (answer.writes.iter())
                    .filter_map(|&(slot, code)| {
                        let local = layout.local(slot)?;
                        let alive = live.get(local).is_none_or(|live| *live);
                        alive.then(|| (slot, layout.alike(local, code)))
                    })
                    .collect();
                let same = (index.get(&(answer.target, writes.clone()))).map(|&at| &mut merged[at]);
                match (same, &answer.answer) {
                    (Some(into), Some((_, count))) => {
                        if let Some((_, total)) = into.answer.as_mut() {
                            total.add(count);
                        }
                    }
                    _ => {
                        index.insert((answer.target, writes.clone()), merged.len());
                        merged.push(Move {
                            target: answer.target,
                            writes,
                            answer: answer.answer.clone(),
                        });
                    }
                }
            }
            grouped.push(merged);
        }
        grouped
    }
}

/// A move as a walk tells it apart: its target and what it writes.
type MoveKey = (usize, Vec<(usize, u32)>);

/// The comparisons a condition is made of (`and`, `or` and `not` taken apart).
fn atoms<'c>(cond: &'c Cond, out: &mut Vec<&'c Cond>) {
    match cond {
        Cond::Or(parts) | Cond::And(parts) => parts.iter().for_each(|part| atoms(part, out)),
        Cond::Not(inner) => atoms(inner, out),
        atom => out.push(atom),
    }
}

/// The operands decide and `skip when` conditions read: they steer walks.
fn steering(flow: &Flow) -> Vec<Operand> {
    let mut steering = Vec::new();
    for node in flow.nodes() {
        match &node.kind {
            NodeKind::Decide(decide) => decide
                .arms
                .iter()
                .for_each(|arm| arm.condition.operands(&mut steering)),
            NodeKind::Question(question) => {
                if let Some((cond, _)) = question.skip.as_ref() {
                    cond.operands(&mut steering)
                }
            }
            NodeKind::Outcome(_) => {}
        }
    }
    steering
}

/// One walk's slots: the steering slots, numbered as in the prover, then
/// the ones it watches.
pub(super) struct Layout {
    pub(super) slots: Slots,
    /// The values of each of this walk's slots (copied from the prover's).
    pub(super) table: Table,
    /// Per slot of this walk, the prover's slot.
    global: Vec<usize>,
    /// Per slot of the prover past the steering ones, this walk's slot if it watches it.
    extra: Vec<Option<usize>>,
    /// Per steering slot, whether this walk watches it (then it is never forgotten).
    pub(super) kept: Vec<bool>,
    /// Per slot, per value code, the code it keeps instead
    /// ([`alike_steering`], [`alike_values`]).
    alike: Vec<Vec<u32>>,
    /// Per question, its answers with those this walk cannot tell apart
    /// made one ([`Prover::grouped_answers`]); empty past the questions.
    answers: Vec<Vec<Move>>,
    /// The prover's liveness with the watched steering slots added.
    pub(super) live: Live,
    pub(super) initial: Vec<u32>,
}

impl Layout {
    /// The code this walk keeps in `slot` for `code`.
    fn alike(&self, slot: usize, code: u32) -> u32 {
        (self.alike.get(slot))
            .and_then(|codes| codes.get(code as usize))
            .copied()
            .unwrap_or(code)
    }

    /// The answers out of question `node` as this walk tells them apart,
    /// if grouped ([`Prover::grouped_answers`]).
    pub(super) fn answers(&self, node: usize) -> Option<&[Move]> {
        self.answers.get(node).map(Vec::as_slice)
    }

    /// This walk's slot for the prover's `slot`, if it keeps one.
    fn local(&self, slot: usize) -> Option<usize> {
        match slot.checked_sub(self.kept.len()) {
            None => Some(slot),
            Some(past) => self.extra[past],
        }
    }

    /// A state of this walk, seen through the compiler's `Lookup`.
    pub(super) fn view<'a>(&'a self, state: &'a [u32]) -> View<'a> {
        View {
            slots: &self.slots,
            table: &self.table,
            state,
            outcome: None,
        }
    }

    /// The prover's slot for this walk's `slot`.
    pub(super) fn global(&self, slot: usize) -> usize {
        self.global[slot]
    }
}

/// One way out of a node, prepared once.
pub(super) struct Move {
    pub(super) target: usize,
    /// The (prover's slot, value code) pairs it writes.
    writes: Vec<(usize, u32)>,
    /// The answer it stands for and how many distinct answers that is;
    /// `None` for moves that are not answers (decide arms, skips).
    pub(super) answer: Option<(Rc<AnswerValue>, PathCount)>,
}

impl Move {
    fn to(target: usize, writes: Vec<(usize, u32)>) -> Move {
        Move {
            target,
            writes,
            answer: None,
        }
    }

    /// The state after this move from `from`, forgetting the steering slots
    /// not `live` at the target.
    pub(super) fn apply(&self, from: &[u32], layout: &Layout, live: &[bool], to: &mut Vec<u32>) {
        to.clear();
        to.extend_from_slice(from);
        for &(slot, code) in &self.writes {
            if let Some(local) = layout.local(slot) {
                to[local] = layout.alike(local, code);
            }
        }
        forget(to, live);
    }
}

/// Forgets the steering slots no later condition reads, so walks that
/// differ only there merge.
pub(super) fn forget(state: &mut [u32], live: &[bool]) {
    for (code, live) in state.iter_mut().zip(live) {
        if !live {
            *code = 0;
        }
    }
}

pub(super) enum Moves<'f> {
    Question {
        skip: Option<(&'f Cond, Move)>,
        answers: Vec<Move>,
    },
    Decide {
        arms: Vec<(&'f Cond, Move)>,
        otherwise: Move,
    },
    Outcome,
}

impl Moves<'_> {
    /// Which way a walk in `view`'s state leaves the node, as a [`Way`],
    /// with the moves that way takes.
    pub(super) fn choice(&self, view: &View) -> (Way, &[Move]) {
        match self {
            Moves::Outcome => (0, &[]),
            Moves::Decide { arms, otherwise } => {
                match arms.iter().position(|(cond, _)| view.holds(cond)) {
                    Some(arm) => (arm, std::slice::from_ref(&arms[arm].1)),
                    None => (arms.len(), std::slice::from_ref(otherwise)),
                }
            }
            Moves::Question { skip, answers } => match skip {
                Some((cond, step)) if view.holds(cond) => (SKIPPED, std::slice::from_ref(step)),
                _ => (ASKED, answers),
            },
        }
    }

    /// How many different ways there are out of the node.
    pub(super) fn ways(&self) -> usize {
        match self {
            Moves::Outcome => 1,
            Moves::Decide { arms, .. } => arms.len() + 1,
            Moves::Question { .. } => 2,
        }
    }
}

/// A way out of a node: at a decide node, the index of the `when` arm taken
/// (the number of arms for `otherwise`); at a question, [`SKIPPED`] or [`ASKED`].
pub(super) type Way = usize;
pub(super) const SKIPPED: Way = 0;
pub(super) const ASKED: Way = 1;

/// The moves out of every node, with their writes interned.
fn prepare<'f>(flow: &'f Flow, slots: &Slots, table: &mut Table) -> Vec<Moves<'f>> {
    let constants = Constants::of(flow);
    let mut moves = Vec::with_capacity(flow.nodes().len());
    for (q, node) in flow.nodes().iter().enumerate() {
        moves.push(match &node.kind {
            NodeKind::Outcome(_) => Moves::Outcome,
            NodeKind::Decide(decide) => {
                let step = |step: &Step, table: &mut Table| {
                    Move::to(
                        step.target.index(),
                        effect_writes(slots, table, &step.effects),
                    )
                };
                Moves::Decide {
                    arms: (decide.arms.iter())
                        .map(|arm| (&arm.condition, step(&arm.step, table)))
                        .collect(),
                    otherwise: step(&decide.otherwise, table),
                }
            }
            NodeKind::Question(question) => {
                let tracked = |fact: usize| slots.fact(fact).is_some();
                let mut answers = Vec::new();
                for class in answer_classes(q, question, &constants, &tracked) {
                    let Some(target) = class.target else {
                        continue;
                    };
                    let mut writes = Vec::new();
                    let number = class
                        .number
                        .zip(question.into_fact().and_then(|f| slots.fact(f)));
                    if let Some((n, slot)) = number {
                        writes.push((slot, table.intern(slot, Known::Fact(Value::Number(n)))));
                    }
                    writes.extend(effect_writes(slots, table, class.effects.iter().copied()));
                    if let Some(slot) = slots.question(q) {
                        writes.push((slot, table.intern(slot, Known::Answer(class.seen))));
                    }
                    answers.push(Move {
                        target,
                        writes,
                        answer: Some((Rc::new(class.answer), PathCount::of(&class.count))),
                    });
                }
                let skip = (question.skip.as_ref())
                    .map(|(cond, target)| (cond, Move::to(target.index(), Vec::new())));
                Moves::Question { skip, answers }
            }
        });
    }
    moves
}

/// The writes of `set` effects to tracked facts.
fn effect_writes<'e>(
    slots: &Slots,
    table: &mut Table,
    effects: impl IntoIterator<Item = &'e Effect>,
) -> Vec<(usize, u32)> {
    let mut writes = Vec::new();
    for effect in effects {
        if let Effect::Set { fact, value } = effect
            && let Some(slot) = slots.fact(*fact)
        {
            writes.push((slot, table.intern_fact(slot, value)));
        }
    }
    writes
}

/// Per node, the slots some condition from there on may read: one row of
/// a flat table per node (a large flow has too many nodes for a list each).
pub(super) struct Live {
    width: usize,
    flags: Vec<bool>,
}

impl Live {
    pub(super) fn row(&self, node: usize) -> &[bool] {
        &self.flags[node * self.width..(node + 1) * self.width]
    }
}

/// What decide and skip conditions at or after each node may read.
fn liveness(flow: &Flow, slots: &Slots, order: &[usize]) -> Live {
    let width = slots.len();
    let mut live = Live {
        width,
        flags: vec![false; width * flow.nodes().len()],
    };
    let mut here = vec![false; width];
    for &node in order.iter().rev() {
        here.fill(false);
        let mut read = |slot: usize| here[slot] = true;
        match &flow.nodes()[node].kind {
            NodeKind::Decide(decide) => decide
                .arms
                .iter()
                .flat_map(|arm| slots.read_by(&arm.condition))
                .for_each(&mut read),
            NodeKind::Question(question) => question
                .skip
                .iter()
                .flat_map(|skip| slots.read_by(&skip.0))
                .for_each(&mut read),
            NodeKind::Outcome(_) => {}
        }
        for next in flow.successors(NodeId::new(node)) {
            for (mine, theirs) in here.iter_mut().zip(live.row(next.index())) {
                *mine |= *theirs;
            }
        }
        live.flags[node * width..(node + 1) * width].copy_from_slice(&here);
    }
    live
}

/// For each node, the slots that it or a node after it may write.
fn writable_from(flow: &Flow, slots: &Slots, order: &[usize]) -> Vec<Vec<bool>> {
    let mut writable = vec![vec![false; slots.len()]; flow.nodes().len()];
    for &node in order.iter().rev() {
        let mut here = vec![false; slots.len()];
        let mut mark = |effects: &[Effect]| {
            for effect in effects {
                if let Effect::Set { fact, .. } = effect
                    && let Some(slot) = slots.fact(*fact)
                {
                    here[slot] = true;
                }
            }
        };
        match &flow.nodes()[node].kind {
            NodeKind::Outcome(_) => {}
            NodeKind::Decide(decide) => {
                decide.arms.iter().for_each(|arm| mark(&arm.step.effects));
                mark(&decide.otherwise.effects);
            }
            NodeKind::Question(question) => {
                question.answers().iter().for_each(|a| mark(&a.effects));
                question.then().iter().for_each(|step| mark(&step.effects));
                let written = [
                    slots.question(node),
                    question.into_fact().and_then(|f| slots.fact(f)),
                ];
                for slot in written.into_iter().flatten() {
                    here[slot] = true;
                }
            }
        }
        for next in flow.successors(NodeId::new(node)) {
            for (mine, theirs) in here.iter_mut().zip(&writable[next.index()]) {
                *mine |= *theirs;
            }
        }
        writable[node] = here;
    }
    writable
}
