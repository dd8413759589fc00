//! Every walk through a flow at once, without enumerating them: a dynamic
//! programme over the acyclic graph, in topological order from the start.
//!
//! At each node it keeps the distinct abstract states walks arrive in (the
//! values of the operands that some later condition still reads: decide and
//! `skip when` conditions, which steer the walk, plus the operands the caller
//! watches at outcomes, e.g. an invariant's). Each state carries the exact
//! number of paths that arrive in it (a big integer: counts multiply along
//! the graph) and the predecessor on a shortest such path, shortest meaning
//! fewest answers. Since every edge goes forward, a node's entries are final
//! when the node is processed, so this is breadth-first search by number of
//! answers, merged with path counting.
//!
//! Work is proportional to the nodes times the distinct states per node
//! times the answer classes ([`answer_classes`](super::answer_classes)), not
//! to the number of paths. Operands nothing downstream reads are forgotten at
//! each node, which keeps the states few.
//!
//! Given a `focus` invariant, it drops walks that can no longer break it:
//! once nothing ahead can change what the invariant's `when` reads and it is
//! false, or when no outcome ahead can make its `then` false. The states it
//! keeps are exactly those a counter-example can pass through, so the
//! shortest one and the count of breaking paths are unchanged.
//!
//! A path is a distinct sequence of answers, as `run --answers` would give
//! them; decide nodes and skips add none. Notes and findings are ignored:
//! they never change where a walk goes.

use std::rc::Rc;

use num_bigint::BigUint;

use super::abstract_state::{Known, Slots, Table, View};
use super::answer_classes::{Constants, answer_classes};
use super::path_count::PathCount;
use super::state_set::StateSet;
use crate::compile::{AnswerValue, Cond, Effect, Flow, Invariant, NodeKind, Operand, Step, Value};

/// The flow's graph has a cycle, so it has no topological order. The
/// compiler refuses such flows; this guards a hand-built one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleError {
    /// A node on the cycle.
    pub node: String,
}

impl std::fmt::Display for CycleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the graph has a cycle through `{}`", self.node)
    }
}

impl std::error::Error for CycleError {}

/// Walks that reach a node in the same abstract state.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) state: Rc<[u32]>,
    /// How many paths arrive here in this state.
    pub(super) count: PathCount,
    /// Answers on the shortest of them.
    pub(super) answers: u32,
    from: Option<Back>,
}

/// The predecessor on the shortest path.
#[derive(Debug, Clone)]
struct Back {
    node: usize,
    entry: usize,
    /// Shared with the move: a large flow has millions of entries.
    answer: Option<Rc<AnswerValue>>,
}

/// One way out of a node, prepared once: the slot writes it makes.
/// Kept small: a large flow has hundreds of thousands.
struct Move {
    target: usize,
    /// Where its writes are in [`Writes`].
    writes: std::ops::Range<u32>,
    /// What `verify` counts; `None` for moves that are not answers, and for
    /// every move when only the states matter ([`Detail::States`]).
    paths: Option<Box<MovePaths>>,
}

/// The answer a move stands for, and how many answers it is.
struct MovePaths {
    /// Shared with the entries whose shortest path takes this move.
    answer: Rc<AnswerValue>,
    count: PathCount,
}

/// The count of a move that adds no answer.
static ONE: PathCount = PathCount::Small(1);

impl Move {
    fn to(target: usize, writes: std::ops::Range<u32>) -> Move {
        Move {
            target,
            writes,
            paths: None,
        }
    }

    fn answer(&self) -> Option<&Rc<AnswerValue>> {
        self.paths.as_ref().map(|paths| &paths.answer)
    }

    fn count(&self) -> &PathCount {
        self.paths.as_ref().map_or(&ONE, |paths| &paths.count)
    }
}

enum Moves<'f> {
    Question {
        skip: Option<(&'f Cond, Move)>,
        answers: Box<[Move]>,
    },
    Decide {
        arms: Box<[(&'f Cond, Move)]>,
        otherwise: Move,
    },
    Outcome,
}

/// The result of the dynamic programme: the states reached at every
/// outcome, and the way back from each.
pub struct Exploration<'f> {
    flow: &'f Flow,
    slots: Slots,
    table: Table,
    /// Per outcome, its entries whole; empty for other nodes.
    entries: Vec<Vec<Entry>>,
    /// Per node that is not an outcome, only how each of its entries was
    /// reached: all a counter-example needs of it once the node is done.
    /// Its states and counts are dropped then, which keeps a large flow's
    /// exploration several times smaller.
    backs: Vec<Vec<Option<Back>>>,
}

impl<'f> Exploration<'f> {
    /// Explores `flow`, tracking what the walk's conditions read plus
    /// `watched` (read at outcomes); with a `focus`, only the walks that could
    /// still break it (the invariant's operands must be among `watched`).
    pub fn run(
        flow: &'f Flow,
        watched: &[Operand],
        focus: Option<&Invariant>,
    ) -> Result<Exploration<'f>, CycleError> {
        let Setup {
            order,
            slots,
            table,
            moves,
            writes,
            live,
            mut initial,
        } = Setup::new(flow, watched, Detail::Paths)?;
        let focus = focus.map(|invariant| Focus::new(flow, &slots, &table, &order, invariant));
        let keep = |node: usize, state: &[u32]| match &focus {
            None => true,
            Some(focus) => focus.keeps(node, &slots, &table, state),
        };
        let width = slots.len();
        let mut waiting: Vec<Option<Box<Arrivals>>> = Vec::with_capacity(flow.nodes.len());
        waiting.resize_with(flow.nodes.len(), || None);
        let start = flow.start.index();
        if start < flow.nodes.len() && {
            forget(&mut initial, live.row(start));
            keep(start, &initial)
        } {
            let mut arrivals = Arrivals::new(width);
            arrivals.arrive(&initial, PathCount::one(), 0, None);
            waiting[start] = Some(Box::new(arrivals));
        }
        let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); flow.nodes.len()];
        let mut backs: Vec<Vec<Option<Back>>> = vec![Vec::new(); flow.nodes.len()];
        let mut state = Vec::with_capacity(width);
        for &node in &order {
            let Some(here) = waiting[node].take() else {
                continue;
            };
            for at in 0..here.states.len() {
                let from = here.states.get(at);
                let view = View {
                    slots: &slots,
                    table: &table,
                    state: from,
                    outcome: None,
                };
                for step in moves[node].chosen(&view) {
                    step.apply(&writes, from, live.row(step.target), &mut state);
                    if !keep(step.target, &state) {
                        continue;
                    }
                    let answers = here.answers[at] + u32::from(step.answer().is_some());
                    let count = if step.count().is_one() {
                        here.counts[at].clone()
                    } else {
                        here.counts[at].times(step.count())
                    };
                    let back = Back {
                        node,
                        entry: at,
                        answer: step.answer().cloned(),
                    };
                    waiting[step.target]
                        .get_or_insert_with(|| Box::new(Arrivals::new(width)))
                        .arrive(&state, count, answers, Some(back));
                }
            }
            if matches!(flow.nodes[node].kind, NodeKind::Outcome(_)) {
                entries[node] = here.into_entries();
            } else {
                backs[node] = here.from;
            }
        }
        Ok(Exploration {
            flow,
            slots,
            table,
            entries,
            backs,
        })
    }

    pub fn flow(&self) -> &'f Flow {
        self.flow
    }

    /// The number of distinct paths from the start to an outcome.
    pub fn paths(&self) -> BigUint {
        self.flow
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n.kind, NodeKind::Outcome(_)))
            .flat_map(|(i, _)| self.entries[i].iter())
            .map(|e| e.count.big())
            .sum()
    }

    /// Whether some walk reaches `node`.
    pub fn reached(&self, node: usize) -> bool {
        self.entries.get(node).is_some_and(|e| !e.is_empty())
            || self.backs.get(node).is_some_and(|b| !b.is_empty())
    }

    /// The entries at `node` if it is an outcome (other nodes keep only
    /// the way back).
    pub(super) fn entries(&self, node: usize) -> &[Entry] {
        self.entries.get(node).map_or(&[], Vec::as_slice)
    }

    /// Entry `entry` at `node`, seen through the engine's `Lookup`; at an
    /// outcome it also reads the verdict.
    pub(super) fn view(&self, node: usize, entry: usize) -> View<'_> {
        let at_outcome = matches!(self.flow.nodes[node].kind, NodeKind::Outcome(_));
        View {
            slots: &self.slots,
            table: &self.table,
            state: &self.entries[node][entry].state,
            outcome: at_outcome.then(|| &self.flow.nodes[node]),
        }
    }

    /// The answers on the shortest path to `entry` at `node`, in order.
    pub(super) fn answers_to(&self, node: usize, entry: usize) -> Vec<(usize, AnswerValue)> {
        let mut answers = Vec::new();
        let mut at = self.back(node, entry);
        while let Some(back) = at {
            if let Some(answer) = &back.answer {
                answers.push((back.node, AnswerValue::clone(answer)));
            }
            at = self.back(back.node, back.entry);
        }
        answers.reverse();
        answers
    }

    /// How entry `entry` at `node` was reached; `None` at the start.
    fn back(&self, node: usize, entry: usize) -> Option<&Back> {
        match self.entries[node].get(entry) {
            Some(whole) => whole.from.as_ref(),
            None => self.backs[node].get(entry)?.as_ref(),
        }
    }
}

/// What the moves carry besides where they go and what they write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// The answer and the number of paths each move stands for (`verify`).
    Paths,
    /// Nothing more: only the states matter. A large flow has hundreds of
    /// thousands of answer moves, and an answer each is tens of megabytes.
    States,
}

/// The walks that arrive at one node, by distinct state: the states end
/// to end in a [`StateSet`] (no allocation or general hash per state), and
/// beside them, by the same index, what an [`Entry`] holds.
struct Arrivals {
    states: StateSet,
    counts: Vec<PathCount>,
    answers: Vec<u32>,
    from: Vec<Option<Back>>,
}

impl Arrivals {
    fn new(width: usize) -> Arrivals {
        Arrivals {
            states: StateSet::new(width),
            counts: Vec::new(),
            answers: Vec::new(),
            from: Vec::new(),
        }
    }

    /// `count` more paths arrive in `state`, the shortest of them `answers`
    /// answers long, coming by `from`.
    fn arrive(&mut self, state: &[u32], count: PathCount, answers: u32, from: Option<Back>) {
        let (index, new) = self.states.find_or_insert(state);
        if new {
            self.counts.push(count);
            self.answers.push(answers);
            self.from.push(from);
            return;
        }
        self.counts[index] += &count;
        if answers < self.answers[index] {
            self.answers[index] = answers;
            self.from[index] = from;
        }
    }

    fn into_entries(self) -> Vec<Entry> {
        let states = (0..self.states.len()).map(|i| Rc::from(self.states.get(i)));
        (states.zip(self.counts).zip(self.answers).zip(self.from))
            .map(|(((state, count), answers), from)| Entry {
                state,
                count,
                answers,
                from,
            })
            .collect()
    }
}

/// What every walk of the dynamic programme starts from: the order, the
/// slots and their values, the moves out of every node, what stays live.
struct Setup<'f> {
    order: Vec<usize>,
    slots: Slots,
    table: Table,
    moves: Vec<Moves<'f>>,
    writes: Writes,
    live: Live,
    /// The state at the start, before forgetting what is not live there.
    initial: Vec<u32>,
}

impl<'f> Setup<'f> {
    fn new(flow: &'f Flow, watched: &[Operand], detail: Detail) -> Result<Setup<'f>, CycleError> {
        let order = flow.order.clone();
        if order.len() < flow.nodes.len() {
            // Kahn's algorithm leaves out exactly the nodes on or after a cycle.
            let mut ordered = vec![false; flow.nodes.len()];
            order.iter().for_each(|&node| ordered[node] = true);
            let node = ordered.iter().position(|done| !done).unwrap_or_default();
            return Err(CycleError {
                node: flow
                    .nodes
                    .get(node)
                    .map_or_else(String::new, |n| n.id.to_string()),
            });
        }
        let mut steering = Vec::new();
        for node in &flow.nodes {
            match &node.kind {
                NodeKind::Decide(decide) => decide
                    .arms
                    .iter()
                    .for_each(|arm| arm.condition.operands(&mut steering)),
                NodeKind::Question(question) => {
                    if let Some((cond, _)) = question.skip.as_deref() {
                        cond.operands(&mut steering)
                    }
                }
                NodeKind::Outcome(_) => {}
            }
        }
        let slots = Slots::new(flow, steering.iter().chain(watched).copied());
        let mut table = Table::new(&slots);
        let (moves, writes) = prepare(flow, &slots, &mut table, detail);
        let live = liveness(flow, &slots, &order, watched);
        let mut initial = vec![0u32; slots.len()];
        for (index, fact) in flow.facts.iter().enumerate() {
            if let (Some(slot), Some(value)) = (slots.fact(index), &fact.initial) {
                initial[slot] = table.intern_fact(slot, value);
            }
        }
        Ok(Setup {
            order,
            slots,
            table,
            moves,
            writes,
            live,
            initial,
        })
    }
}

impl Moves<'_> {
    /// The ways a walk in `view`'s state leaves the node.
    fn chosen(&self, view: &View) -> &[Move] {
        self.choice(view).1
    }

    /// Which way a walk in `view`'s state leaves the node, as a [`Way`],
    /// with the moves that way takes.
    fn choice(&self, view: &View) -> (Way, &[Move]) {
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
    fn ways(&self) -> usize {
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

impl Move {
    /// The state after this move from `from`, into `to`, forgetting what is
    /// not `live` at the target.
    fn apply(&self, writes: &Writes, from: &[u32], live: &[bool], to: &mut Vec<u32>) {
        to.clear();
        to.extend_from_slice(from);
        for &(slot, code) in writes.of(self) {
            to[slot as usize] = code;
        }
        forget(to, live);
    }
}

/// The same dynamic programme as [`Exploration::run`] without a focus or
/// watched operands, keeping only the distinct states: no path counts, no
/// way back. `visit` sees every node some walk reaches, once, in topological
/// order, with the [`Way`]s out of it some walk takes (indexed by way); its
/// states are dropped right after, so memory stays with the nodes still
/// waiting. For the dead-ends lint, which needs nothing more.
pub(super) fn each_reached(
    flow: &Flow,
    mut visit: impl FnMut(usize, &[bool]),
) -> Result<(), CycleError> {
    let Setup {
        order,
        slots,
        table,
        moves,
        writes,
        live,
        mut initial,
    } = Setup::new(flow, &[], Detail::States)?;
    let mut waiting = WaitingSets::new(flow.nodes.len(), slots.len());
    let start = flow.start.index();
    if start < flow.nodes.len() {
        forget(&mut initial, live.row(start));
        waiting.insert(start, &initial);
    }
    let mut state = Vec::with_capacity(slots.len());
    let mut taken = Vec::new();
    // The order is breadth first: any topological order finds the same
    // states, and this one keeps few nodes waiting at a time, so their sets
    // stay in the cache.
    for node in order {
        let Some(here) = waiting.take(node) else {
            continue;
        };
        taken.clear();
        taken.resize(moves[node].ways(), false);
        for from in here.states.iter() {
            let view = View {
                slots: &slots,
                table: &table,
                state: from,
                outcome: None,
            };
            let (way, steps) = moves[node].choice(&view);
            taken[way] = true;
            for step in steps {
                step.apply(&writes, from, live.row(step.target), &mut state);
                waiting.insert(step.target, &state);
            }
        }
        visit(node, &taken);
        waiting.give_back(here);
    }
    Ok(())
}

/// The states waiting at each node not yet visited. Few nodes wait at a
/// time, so they share a small pool of sets instead of one set per node;
/// a visited node's set, emptied, serves the next, so a large flow does not
/// allocate and free a set per node.
struct WaitingSets {
    width: usize,
    /// Per node: 1 + the index of its set in `pool`, or 0 for none.
    set_of: Vec<u32>,
    pool: Vec<StateSet>,
    /// Sets in `pool` that no node uses, emptied.
    free: Vec<u32>,
}

impl WaitingSets {
    fn new(nodes: usize, width: usize) -> WaitingSets {
        WaitingSets {
            width,
            set_of: vec![0; nodes],
            pool: Vec::new(),
            free: Vec::new(),
        }
    }

    fn insert(&mut self, node: usize, state: &[u32]) {
        let set = match self.set_of[node] {
            0 => {
                let set = self.free.pop().unwrap_or_else(|| {
                    self.pool.push(StateSet::new(self.width));
                    u32::try_from(self.pool.len() - 1).unwrap_or(u32::MAX)
                });
                self.set_of[node] = set + 1;
                set
            }
            at => at - 1,
        };
        self.pool[set as usize].insert(state);
    }

    /// The states waiting at `node`, if any, which no longer waits.
    fn take(&mut self, node: usize) -> Option<Taken> {
        let set = self.set_of[node].checked_sub(1)?;
        self.set_of[node] = 0;
        let states = std::mem::take(&mut self.pool[set as usize]);
        Some(Taken { set, states })
    }

    /// Returns a set from [`take`](Self::take) to the pool, emptied.
    fn give_back(&mut self, Taken { set, mut states }: Taken) {
        states.clear();
        self.pool[set as usize] = states;
        self.free.push(set);
    }
}

/// A node's waiting states, out of the pool while the node is visited.
struct Taken {
    set: u32,
    states: StateSet,
}

/// The moves out of every node, with their writes interned.
fn prepare<'f>(
    flow: &'f Flow,
    slots: &Slots,
    table: &mut Table,
    detail: Detail,
) -> (Vec<Moves<'f>>, Writes) {
    let constants = Constants::of(flow);
    let mut writes = Writes::default();
    let mut moves = Vec::with_capacity(flow.nodes.len());
    for (q, node) in flow.nodes.iter().enumerate() {
        moves.push(match &node.kind {
            NodeKind::Outcome(_) => Moves::Outcome,
            NodeKind::Decide(decide) => {
                let mut step = |step: &Step, table: &mut Table| {
                    let start = writes.len();
                    writes.effects(slots, table, &step.effects);
                    Move::to(step.target.index(), writes.since(start))
                };
                let arms: Vec<_> = (decide.arms.iter())
                    .map(|arm| (&arm.condition, step(&arm.step, table)))
                    .collect();
                Moves::Decide {
                    arms: arms.into_boxed_slice(),
                    otherwise: step(&decide.otherwise, table),
                }
            }
            NodeKind::Question(question) => {
                let tracked = |fact: usize| slots.fact(fact).is_some();
                let classes = answer_classes(q, question, &constants, &tracked);
                let mut answers = Vec::with_capacity(classes.len());
                for class in classes {
                    let start = writes.len();
                    let number = class.number.zip(question.into.and_then(|f| slots.fact(f)));
                    if let Some((n, slot)) = number {
                        writes.push(slot, table.intern(slot, Known::Fact(Value::Number(n))));
                    }
                    writes.effects(slots, table, class.effects.iter().copied());
                    if let Some(slot) = slots.question(q) {
                        writes.push(slot, table.intern(slot, Known::Answer(class.seen)));
                    }
                    let Some(target) = class.target else {
                        writes.truncate(start);
                        continue;
                    };
                    let mut step = Move::to(target, writes.since(start));
                    if detail == Detail::Paths {
                        step.paths = Some(Box::new(MovePaths {
                            answer: Rc::new(class.answer),
                            count: PathCount::from(class.count),
                        }));
                    }
                    answers.push(step);
                }
                let skip = question.skip.as_deref().map(|(cond, target)| {
                    let none = writes.since(writes.len());
                    (cond, Move::to(target.index(), none))
                });
                Moves::Question {
                    skip,
                    answers: answers.into_boxed_slice(),
                }
            }
        });
    }
    (moves, writes)
}

/// Every move's slot writes, end to end in one list: a large flow has
/// hundreds of thousands of moves, most writing one slot, and a list each
/// would be an allocation each.
#[derive(Default)]
struct Writes {
    /// (slot, value code) pairs.
    all: Vec<(u32, u32)>,
}

impl Writes {
    fn len(&self) -> u32 {
        u32::try_from(self.all.len()).unwrap_or(u32::MAX)
    }

    /// The writes pushed since `start`, for a move to keep.
    fn since(&self, start: u32) -> std::ops::Range<u32> {
        start..self.len()
    }

    fn truncate(&mut self, len: u32) {
        self.all.truncate(len as usize);
    }

    fn push(&mut self, slot: usize, code: u32) {
        self.all
            .push((u32::try_from(slot).unwrap_or(u32::MAX), code));
    }

    /// The writes of `set` effects to tracked facts.
    fn effects<'e>(
        &mut self,
        slots: &Slots,
        table: &mut Table,
        effects: impl IntoIterator<Item = &'e Effect>,
    ) {
        for effect in effects {
            if let Effect::Set { fact, value } = effect
                && let Some(slot) = slots.fact(*fact)
            {
                self.push(slot, table.intern_fact(slot, value));
            }
        }
    }

    fn of(&self, step: &Move) -> &[(u32, u32)] {
        &self.all[step.writes.start as usize..step.writes.end as usize]
    }
}

/// For each node, the slots some condition at or after it may still read.
/// Per node, the slots some condition from there on may read: one row of
/// a flat table per node (a large flow has too many nodes for a list each).
struct Live {
    width: usize,
    flags: Vec<bool>,
}

impl Live {
    fn row(&self, node: usize) -> &[bool] {
        &self.flags[node * self.width..(node + 1) * self.width]
    }
}

fn liveness(flow: &Flow, slots: &Slots, order: &[usize], watched: &[Operand]) -> Live {
    let width = slots.len();
    let mut live = Live {
        width,
        flags: vec![false; width * flow.nodes.len()],
    };
    let mut here = vec![false; width];
    for &node in order.iter().rev() {
        here.fill(false);
        let mut read = |slot: usize| here[slot] = true;
        match &flow.nodes[node].kind {
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
            NodeKind::Outcome(_) => watched
                .iter()
                .filter_map(|o| slots.of(*o))
                .for_each(&mut read),
        }
        for next in flow.graph.neighbors(petgraph::graph::NodeIndex::new(node)) {
            for (mine, theirs) in here.iter_mut().zip(live.row(flow.graph[next].index())) {
                *mine |= *theirs;
            }
        }
        live.flags[node * width..(node + 1) * width].copy_from_slice(&here);
    }
    live
}

/// Forgets what no later condition reads, so walks that differ only there merge.
fn forget(state: &mut [u32], live: &[bool]) {
    for (code, live) in state.iter_mut().zip(live) {
        if !live {
            *code = 0;
        }
    }
}

/// What decides, node by node, whether a walk can still break an invariant.
struct Focus<'i> {
    when: &'i Cond,
    /// Nothing from this node on can change what `when` reads.
    when_settled: Vec<bool>,
    /// Some outcome reachable from this node may make `then` false.
    then_may_fail: Vec<bool>,
}

impl<'i> Focus<'i> {
    fn new(
        flow: &Flow,
        slots: &Slots,
        table: &Table,
        order: &[usize],
        invariant: &'i Invariant,
    ) -> Focus<'i> {
        let mut when_reads = Vec::new();
        invariant.when.operands(&mut when_reads);
        let when_reads_outcome = when_reads
            .iter()
            .any(|o| matches!(o, Operand::Verdict | Operand::Urgency | Operand::Outcome));
        let when_slots: Vec<usize> = when_reads.iter().filter_map(|o| slots.of(*o)).collect();
        let mut then_reads = Vec::new();
        invariant.then.operands(&mut then_reads);
        let then_reads_walk = then_reads
            .iter()
            .any(|o| matches!(o, Operand::Fact(_) | Operand::Question(_)));

        let writable = writable_from(flow, slots, order);
        let mut then_may_fail = vec![true; flow.nodes.len()];
        if !then_reads_walk {
            let empty = vec![0u32; slots.len()];
            for &node in order.iter().rev() {
                then_may_fail[node] = match &flow.nodes[node].kind {
                    NodeKind::Outcome(_) => !View {
                        slots,
                        table,
                        state: &empty,
                        outcome: Some(&flow.nodes[node]),
                    }
                    .holds(&invariant.then),
                    _ => flow
                        .graph
                        .neighbors(petgraph::graph::NodeIndex::new(node))
                        .any(|next| then_may_fail[flow.graph[next].index()]),
                };
            }
        }
        Focus {
            when: &invariant.when,
            when_settled: writable
                .iter()
                .map(|w| !when_reads_outcome && when_slots.iter().all(|&s| !w[s]))
                .collect(),
            then_may_fail,
        }
    }

    fn keeps(&self, node: usize, slots: &Slots, table: &Table, state: &[u32]) -> bool {
        if !self.then_may_fail[node] {
            return false;
        }
        !self.when_settled[node]
            || View {
                slots,
                table,
                state,
                outcome: None,
            }
            .holds(self.when)
    }
}

/// For each node, the slots that it or a node after it may write.
fn writable_from(flow: &Flow, slots: &Slots, order: &[usize]) -> Vec<Vec<bool>> {
    let mut writable = vec![vec![false; slots.len()]; flow.nodes.len()];
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
        match &flow.nodes[node].kind {
            NodeKind::Outcome(_) => {}
            NodeKind::Decide(decide) => {
                decide.arms.iter().for_each(|arm| mark(&arm.step.effects));
                mark(&decide.otherwise.effects);
            }
            NodeKind::Question(question) => {
                question.answers.iter().for_each(|a| mark(&a.effects));
                question.then.iter().for_each(|step| mark(&step.effects));
                let written = [
                    slots.question(node),
                    question.into.and_then(|f| slots.fact(f)),
                ];
                for slot in written.into_iter().flatten() {
                    here[slot] = true;
                }
            }
        }
        for next in flow.graph.neighbors(petgraph::graph::NodeIndex::new(node)) {
            for (mine, theirs) in here.iter_mut().zip(&writable[flow.graph[next].index()]) {
                *mine |= *theirs;
            }
        }
        writable[node] = here;
    }
    writable
}

#[cfg(test)]
mod tests {
    use super::WaitingSets;

    #[test]
    fn waiting_sets_share_a_pool_and_empty_what_they_take() {
        let mut waiting = WaitingSets::new(4, 2);
        waiting.insert(1, &[1, 0]);
        waiting.insert(1, &[1, 0]);
        waiting.insert(1, &[0, 2]);
        waiting.insert(3, &[5, 5]);
        assert!(waiting.take(0).is_none());
        let taken = waiting.take(1).expect("states wait at node 1");
        let states: Vec<&[u32]> = taken.states.iter().collect();
        assert_eq!(states, [&[1, 0][..], &[0, 2]]);
        assert!(waiting.take(1).is_none(), "node 1 no longer waits");
        waiting.give_back(taken);
        // The set given back serves the next node, empty.
        waiting.insert(2, &[7, 7]);
        assert_eq!(waiting.pool.len(), 2);
        let states: Vec<Vec<u32>> = (waiting.take(2).expect("node 2").states.iter())
            .map(<[u32]>::to_vec)
            .collect();
        assert_eq!(states, [vec![7, 7]]);
        let at_3 = waiting.take(3).expect("node 3");
        assert_eq!(at_3.states.len(), 1);
    }
}
