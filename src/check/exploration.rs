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
//! each node, and so are those a state's own values make dead there
//! ([`narrowing`](super::narrowing)), which keeps the states few.
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
//!
//! `verify` runs it once per invariant; the dead-ends lint once, reading
//! which ways out of each node some walk takes.

use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigUint;

use super::abstract_state::{Known, Slots, Table, View};
use super::answer_classes::{Constants, answer_classes};
use super::narrowing::Narrowing;
use crate::compile::{AnswerValue, Cond, Effect, Flow, Invariant, NodeKind, Operand, Step, Value};

/// Why the dynamic programme could not run to the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// The flow's graph has a cycle, so it has no topological order. The
    /// compiler refuses such flows; this guards a hand-built one.
    Cycle {
        /// A node on the cycle.
        node: String,
    },
    /// Walks reach one node in more distinct states than [`STATE_LIMIT`]:
    /// conditions read many facts that answers set independently, and the
    /// states would double with each. Stopped with a message rather than
    /// running out of memory.
    TooManyStates {
        /// The node where the limit was passed.
        node: String,
    },
}

/// The old name: cycles were the only way a proof could fail to run.
pub type CycleError = ProofError;

/// Distinct states one node may hold before the proof stops (a million:
/// about 20 facts read together and set independently).
pub const STATE_LIMIT: usize = 1 << 20;

impl std::fmt::Display for ProofError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProofError::Cycle { node } => write!(f, "the graph has a cycle through `{node}`"),
            ProofError::TooManyStates { node } => write!(
                f,
                "the proof stopped at `{node}`: walks reach it in more than {STATE_LIMIT} different combinations of the facts it must track; an invariant or condition reads too many facts that answers set independently: split it into invariants that each read a few"
            ),
        }
    }
}

impl std::error::Error for ProofError {}

/// Walks that reach a node in the same abstract state.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) state: Vec<u32>,
    /// How many paths arrive here in this state.
    pub(super) count: BigUint,
    /// Answers on the shortest of them.
    pub(super) answers: u32,
    from: Option<Back>,
}

/// The predecessor on the shortest path.
#[derive(Debug, Clone)]
struct Back {
    node: usize,
    entry: usize,
    /// Shared with the move it took.
    answer: Option<Rc<AnswerValue>>,
}

/// One way out of a node, prepared once.
struct Move {
    target: usize,
    /// The (slot, value code) pairs it writes.
    writes: Vec<(usize, u32)>,
    /// The answer it stands for and how many distinct answers that is;
    /// `None` for moves that are not answers (decide arms, skips).
    answer: Option<(Rc<AnswerValue>, BigUint)>,
}

impl Move {
    fn to(target: usize, writes: Vec<(usize, u32)>) -> Move {
        Move {
            target,
            writes,
            answer: None,
        }
    }
}

enum Moves<'f> {
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

/// The result of the dynamic programme: the states reached at every
/// outcome, the way back from each, and the ways out of every node that
/// some walk takes.
pub struct Exploration<'f> {
    flow: &'f Flow,
    slots: Slots,
    table: Table,
    /// Per outcome, its entries whole; empty for other nodes.
    entries: Vec<Vec<Entry>>,
    /// Per node that is not an outcome, only how each of its entries was
    /// reached: all a counter-example needs of it once the node is done.
    backs: Vec<Vec<Option<Back>>>,
    /// Per node some walk reaches, which [`Way`]s out of it walks take;
    /// empty for a node no walk reaches.
    taken: Vec<Vec<bool>>,
}

/// Whether an exploration counts the paths into each state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counting {
    Paths,
    Not,
}

/// The walks that arrive at one node, by distinct state, in the order
/// they first arrived (which makes the shortest path found deterministic).
type Arrivals = IndexMap<Vec<u32>, Arrival, foldhash::fast::RandomState>;

/// What the walks arriving in one state have in common.
struct Arrival {
    count: BigUint,
    answers: u32,
    from: Option<Back>,
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
        Exploration::explore(flow, watched, focus, Counting::Paths)
    }

    /// Only which nodes walks reach and which ways out of them they take
    /// (no path counts, entries or ways back): on a large flow, counting
    /// and keeping those would be most of the work and the memory.
    pub fn reach(flow: &'f Flow) -> Result<Exploration<'f>, CycleError> {
        Exploration::explore(flow, &[], None, Counting::Not)
    }

    fn explore(
        flow: &'f Flow,
        watched: &[Operand],
        focus: Option<&Invariant>,
        counting: Counting,
    ) -> Result<Exploration<'f>, CycleError> {
        let Setup {
            order,
            slots,
            table,
            moves,
            live,
            narrowing,
            mut initial,
        } = Setup::new(flow, watched)?;
        let focus = focus.map(|invariant| Focus::new(flow, &slots, &table, &order, invariant));
        let keep = |node: usize, state: &[u32]| match &focus {
            None => true,
            Some(focus) => focus.keeps(node, &slots, &table, state),
        };
        let mut waiting: Vec<Option<Arrivals>> = Vec::new();
        waiting.resize_with(flow.nodes.len(), || None);
        let first = flow.start.index();
        if first < flow.nodes.len() && {
            forget(&mut initial, live.row(first));
            narrowing.apply(first, &mut initial);
            keep(first, &initial)
        } {
            let start = Arrival {
                count: BigUint::from(1u8),
                answers: 0,
                from: None,
            };
            let mut arrivals = Arrivals::default();
            arrivals.insert(initial, start);
            waiting[first] = Some(arrivals);
        }
        let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); flow.nodes.len()];
        let mut backs: Vec<Vec<Option<Back>>> = vec![Vec::new(); flow.nodes.len()];
        let mut taken: Vec<Vec<bool>> = vec![Vec::new(); flow.nodes.len()];
        let mut state = Vec::with_capacity(slots.len());
        for &node in &order {
            let Some(here) = waiting[node].take() else {
                continue;
            };
            taken[node] = vec![false; moves[node].ways()];
            for (at, (from, arrival)) in here.iter().enumerate() {
                let view = View {
                    slots: &slots,
                    table: &table,
                    state: from,
                    outcome: None,
                };
                let (way, steps) = moves[node].choice(&view);
                taken[node][way] = true;
                for step in steps {
                    step.apply(from, live.row(step.target), &mut state);
                    narrowing.apply(step.target, &mut state);
                    if !keep(step.target, &state) {
                        continue;
                    }
                    let arrivals = waiting[step.target].get_or_insert_with(Arrivals::default);
                    if arrivals.len() >= STATE_LIMIT && !arrivals.contains_key(state.as_slice()) {
                        return Err(ProofError::TooManyStates {
                            node: flow.nodes[step.target].id.clone(),
                        });
                    }
                    if counting == Counting::Not {
                        if !arrivals.contains_key(state.as_slice()) {
                            let arrival = Arrival {
                                count: BigUint::ZERO,
                                answers: 0,
                                from: None,
                            };
                            arrivals.insert(state.clone(), arrival);
                        }
                        continue;
                    }
                    let (answer, count, answers) = match &step.answer {
                        Some((answer, count)) => (
                            Some(answer.clone()),
                            &arrival.count * count,
                            arrival.answers + 1,
                        ),
                        None => (None, arrival.count.clone(), arrival.answers),
                    };
                    let back = Back {
                        node,
                        entry: at,
                        answer,
                    };
                    arrive(arrivals, &state, count, answers, back);
                }
            }
            if counting == Counting::Not {
                // Only the ways taken were wanted.
            } else if matches!(flow.nodes[node].kind, NodeKind::Outcome(_)) {
                entries[node] = (here.into_iter())
                    .map(|(state, arrival)| Entry {
                        state,
                        count: arrival.count,
                        answers: arrival.answers,
                        from: arrival.from,
                    })
                    .collect();
            } else {
                backs[node] = here.into_values().map(|arrival| arrival.from).collect();
            }
        }
        Ok(Exploration {
            flow,
            slots,
            table,
            entries,
            backs,
            taken,
        })
    }

    pub fn flow(&self) -> &'f Flow {
        self.flow
    }

    /// The number of distinct paths from the start to an outcome.
    pub fn paths(&self) -> BigUint {
        self.entries.iter().flatten().map(|e| &e.count).sum()
    }

    /// Whether some walk reaches `node`.
    pub fn reached(&self, node: usize) -> bool {
        self.taken.get(node).is_some_and(|ways| !ways.is_empty())
    }

    /// Which [`Way`]s out of `node` some walk takes (empty if none reaches it).
    pub(super) fn ways_taken(&self, node: usize) -> &[bool] {
        self.taken.get(node).map_or(&[], Vec::as_slice)
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

/// `count` more paths arrive in `state`, the shortest of them `answers`
/// answers long, coming by `from`.
fn arrive(arrivals: &mut Arrivals, state: &[u32], count: BigUint, answers: u32, from: Back) {
    let Some(arrival) = arrivals.get_mut(state) else {
        let arrival = Arrival {
            count,
            answers,
            from: Some(from),
        };
        arrivals.insert(state.to_vec(), arrival);
        return;
    };
    arrival.count += count;
    if answers < arrival.answers {
        arrival.answers = answers;
        arrival.from = Some(from);
    }
}

/// What every walk of the dynamic programme starts from: the order, the
/// slots and their values, the moves out of every node, what stays live.
struct Setup<'f> {
    order: Vec<usize>,
    slots: Slots,
    table: Table,
    moves: Vec<Moves<'f>>,
    live: Live,
    /// What each state's own values make dead, node by node.
    narrowing: Narrowing,
    /// The state at the start, before forgetting what is not live there.
    initial: Vec<u32>,
}

impl<'f> Setup<'f> {
    fn new(flow: &'f Flow, watched: &[Operand]) -> Result<Setup<'f>, CycleError> {
        let order = flow.order.clone();
        if order.len() < flow.nodes.len() {
            // Kahn's algorithm leaves out exactly the nodes on or after a cycle.
            let mut ordered = vec![false; flow.nodes.len()];
            order.iter().for_each(|&node| ordered[node] = true);
            let node = ordered.iter().position(|done| !done).unwrap_or_default();
            return Err(ProofError::Cycle {
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
                    if let Some((cond, _)) = question.skip.as_ref() {
                        cond.operands(&mut steering)
                    }
                }
                NodeKind::Outcome(_) => {}
            }
        }
        let slots = Slots::new(flow, steering.iter().chain(watched).copied());
        let mut table = Table::new(&slots);
        let moves = prepare(flow, &slots, &mut table);
        let live = liveness(flow, &slots, &order, watched);
        let watched_slots: Vec<usize> = watched.iter().filter_map(|o| slots.of(*o)).collect();
        let narrowing = Narrowing::new(
            flow,
            &slots,
            &table,
            &order,
            &|node| live.row(node),
            &writable_from(flow, &slots, &order),
            &watched_slots,
        );
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
            live,
            narrowing,
            initial,
        })
    }
}

impl Moves<'_> {
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
    fn apply(&self, from: &[u32], live: &[bool], to: &mut Vec<u32>) {
        to.clear();
        to.extend_from_slice(from);
        for &(slot, code) in &self.writes {
            to[slot] = code;
        }
        forget(to, live);
    }
}

/// The moves out of every node, with their writes interned.
fn prepare<'f>(flow: &'f Flow, slots: &Slots, table: &mut Table) -> Vec<Moves<'f>> {
    let constants = Constants::of(flow);
    let mut moves = Vec::with_capacity(flow.nodes.len());
    for (q, node) in flow.nodes.iter().enumerate() {
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
                    let number = class.number.zip(question.into.and_then(|f| slots.fact(f)));
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
                        answer: Some((Rc::new(class.answer), class.count)),
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
    use super::*;
    use crate::compile::{compile, tests::folder};

    const SETTLED: &str = r#"
question q1 { ask "One?" yes -> q2 set f no -> q2 }
question q2 { ask "Side?" multiple
  answer left "Left" set side = left
  answer right "Right" set side = right
  then -> route }
decide route {
  when f -> a
  when side == right -> b
  otherwise -> c
}
outcome a { verdict treat title "A" }
outcome b { verdict treat title "B" }
outcome c { verdict treat title "C" }
"#;

    #[test]
    fn a_value_that_settles_an_arm_forgets_what_only_later_arms_read() {
        let header =
            "flow t \"T\" { version \"1\" start a.q1 }\nfact f: bool\nfact side: left | right\n";
        let flow = compile(&folder(&[("h.flow", header), ("a.flow", SETTLED)]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let Setup {
            slots,
            mut table,
            narrowing,
            ..
        } = Setup::new(&flow, &[]).unwrap();
        let route = flow.find("a.route").unwrap().index();
        let f = slots.fact(0).unwrap();
        let side = slots.fact(1).unwrap();
        let mut state = vec![0u32; slots.len()];
        state[f] = table.intern_fact(f, &Value::Bool(true));
        state[side] = table.intern_fact(side, &Value::Word("right".into()));
        let mut unknown_f = state.clone();
        unknown_f[f] = 0;

        narrowing.apply(route, &mut state);
        assert_eq!(state[side], 0, "`when f` holds: `side` is never read");
        assert_ne!(state[f], 0, "`f` itself is still read");
        let before = unknown_f.clone();
        narrowing.apply(route, &mut unknown_f);
        assert_eq!(unknown_f, before, "without `f`, `side` decides");

        // q1: 2 x q2: 3 non-empty subsets, counted exactly after the merge.
        let explored = Exploration::run(&flow, &[], None).unwrap();
        assert_eq!(explored.paths(), BigUint::from(6u8));
        let a = flow.find("a.a").unwrap().index();
        assert_eq!(explored.entries(a).len(), 1);
    }
}
