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
//! once the parts of its `when` that nothing ahead can change make it
//! false, or those of its `then` make it true, or when no outcome ahead can
//! make its `then` false. The states it keeps are exactly those a
//! counter-example can pass through, so the shortest one and the count of
//! breaking paths are unchanged.
//!
//! A path is a distinct sequence of answers, as `run --answers` would give
//! them; decide nodes and skips add none. Notes and findings are ignored:
//! they never change where a walk goes.
//!
//! `verify` runs it once per invariant, on one [`Prover`] prepared for the
//! flow; the dead-ends lint once, reading which ways out of each node some
//! walk takes.

use std::cell::OnceCell;
use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigUint;

use super::abstract_state::{View, all_of, any_of};
use super::path_count::PathCount;
use super::prover::{ASKED, Counting, Layout, Moves, Prover, forget};
use super::settled_parts::SettledParts;
use crate::compile::{AnswerValue, Cond, Flow, Invariant, NodeId, NodeKind, Operand};

/// Why the dynamic programme could not run to the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// The flow's graph has a cycle, so it has no topological order. The
    /// compiler refuses such flows; this guards a hand-built one.
    Cycle {
        /// A node on the cycle.
        node: String,
    },
    /// A walk made more distinct states, over all its nodes, than
    /// [`STATE_LIMIT`]: conditions read many facts that answers set
    /// independently, and the states would double with each. Stopped with a
    /// message rather than running out of memory.
    TooManyStates {
        /// The node the walk had reached when the budget ran out.
        node: String,
        /// The limit: [`STATE_LIMIT`] unless a test set another.
        limit: usize,
    },
}

/// The old name: cycles were the only way a proof could fail to run.
pub type CycleError = ProofError;

/// Distinct states one walk may make, over all its nodes, before it stops:
/// the one budget (each is kept, as its way back, until the walk ends, at
/// about a hundred bytes). Four million: the 100,000-node synthetic folder
/// needs 1.4 million; the shipped knowledge under two thousand.
pub const STATE_LIMIT: usize = 1 << 22;

impl std::fmt::Display for ProofError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProofError::Cycle { node } => write!(f, "the graph has a cycle through `{node}`"),
            ProofError::TooManyStates { node, limit } => write!(
                f,
                "the proof stopped at `{node}`: its walks made more than {limit} different combinations of the facts they must track, the budget of one proof, so nothing is proved; an invariant or condition reads too many facts that answers set independently: split it into invariants that each read a few"
            ),
        }
    }
}

impl std::error::Error for ProofError {}

/// Walks that reach a node in the same abstract state.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) state: Vec<u32>,
    /// How many paths arrive here in this state (0 when not counted).
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

/// The result of the dynamic programme: the states reached at every
/// outcome, the way back from each, and the ways out of every node that
/// some walk takes.
pub struct Exploration<'p> {
    flow: &'p Flow,
    layout: Layout,
    /// Per outcome, its entries whole; empty for other nodes.
    entries: Vec<Vec<Entry>>,
    /// Per node that is not an outcome, only how each of its entries was
    /// reached: all a counter-example needs of it once the node is done.
    backs: Vec<Vec<Option<Back>>>,
    /// Per node some walk reaches, which [`Way`](super::prover::Way)s out
    /// of it walks take; empty for a node no walk reaches.
    taken: Vec<Vec<bool>>,
}

/// The walks that arrive at one node, by distinct state (as a key), in the
/// order they first arrived (which makes the shortest path found
/// deterministic).
type Arrivals<K> = IndexMap<K, Arrival, foldhash::fast::RandomState>;

/// What the walks arriving in one state have in common.
struct Arrival {
    count: PathCount,
    answers: u32,
    from: Option<Back>,
}

/// What one walk of every path leaves: the entries at outcomes, the ways
/// back from other nodes, the ways out taken.
type Walked = (Vec<Vec<Entry>>, Vec<Vec<Option<Back>>>, Vec<Vec<bool>>);

impl<'p> Exploration<'p> {
    pub(super) fn explore<'f: 'p>(
        prover: &'p Prover<'f>,
        watched: &[&Cond],
        focus: Option<&Invariant>,
        counting: Counting,
    ) -> Result<Exploration<'p>, CycleError> {
        let layout = prover.layout(watched);
        // A focused walk keeps of the parts nothing ahead can change only
        // their truth: what it judges at the outcomes is what it watches.
        let settled = focus.map(|invariant| {
            let mut conditions = watched.to_vec();
            for side in [&invariant.when, &invariant.then] {
                if !conditions.iter().any(|c| std::ptr::eq(*c, side)) {
                    conditions.push(side);
                }
            }
            SettledParts::new(prover, &layout, &conditions)
        });
        let focus = focus.map(|invariant| Focus::new(prover, &layout, invariant));
        let packing = Packing::new(&layout);
        let walk = Walk {
            prover,
            layout: &layout,
            settled: settled.as_ref(),
            focus: focus.as_ref(),
            counting,
            packing: &packing,
        };
        let (entries, backs, taken) = if packing.fits {
            walk.run::<u128>()?
        } else {
            walk.run::<Box<[u32]>>()?
        };
        Ok(Exploration {
            flow: prover.flow,
            layout,
            entries,
            backs,
            taken,
        })
    }

    pub fn flow(&self) -> &'p Flow {
        self.flow
    }

    /// The number of distinct paths from the start to an outcome (when
    /// the exploration counted them).
    pub fn paths(&self) -> BigUint {
        self.entries.iter().flatten().map(|e| &e.count).sum()
    }

    /// Whether some walk reaches `node`.
    pub fn reached(&self, node: usize) -> bool {
        self.taken.get(node).is_some_and(|ways| !ways.is_empty())
    }

    /// Which ways out of `node` some walk takes (empty if none reaches it).
    pub(super) fn ways_taken(&self, node: usize) -> &[bool] {
        self.taken.get(node).map_or(&[], Vec::as_slice)
    }

    /// The entries at `node` if it is an outcome (other nodes keep only
    /// the way back).
    pub(super) fn entries(&self, node: usize) -> &[Entry] {
        self.entries.get(node).map_or(&[], Vec::as_slice)
    }

    /// Entry `entry` at `node`, seen through the compiler's `Lookup`; at an
    /// outcome it also reads the verdict.
    pub(super) fn view(&self, node: usize, entry: usize) -> View<'_> {
        let at_outcome = matches!(self.flow.nodes()[node].kind, NodeKind::Outcome(_));
        View {
            slots: &self.layout.slots,
            table: &self.layout.table,
            state: &self.entries[node][entry].state,
            outcome: at_outcome.then(|| &self.flow.nodes()[node]),
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

/// One walk of every path, with what it needs at hand.
#[derive(Clone, Copy)]
struct Walk<'a, 'f> {
    prover: &'a Prover<'f>,
    layout: &'a Layout,
    settled: Option<&'a SettledParts<'a>>,
    focus: Option<&'a Focus<'a>>,
    counting: Counting,
    packing: &'a Packing,
}

impl Walk<'_, '_> {
    /// The dynamic programme, keeping states as keys of type `K`.
    fn run<K: StateKey>(&self) -> Result<Walked, CycleError> {
        let Walk {
            prover,
            layout,
            settled,
            focus,
            counting,
            packing,
        } = *self;
        let flow = prover.flow;
        let live = &layout.live;
        let kept = &layout.kept;
        let keep = |node: usize, state: &[u32]| match focus {
            None => true,
            Some(focus) => focus.keeps(node, &layout.view(state)),
        };
        let mut waiting: Vec<Option<Arrivals<K>>> = Vec::new();
        waiting.resize_with(flow.nodes().len(), || None);
        let first = flow.start().index();
        let mut initial = layout.initial.clone();
        if first < flow.nodes().len() && {
            forget(&mut initial, live.row(first));
            prover.narrowing.apply(first, &mut initial, kept);
            if let Some(settled) = settled {
                settled.settle(first, prover, layout, &mut initial);
            }
            keep(first, &initial)
        } {
            let start = Arrival {
                count: PathCount::ONE,
                answers: 0,
                from: None,
            };
            let mut arrivals = Arrivals::default();
            arrivals.insert(K::pack(&initial, packing), start);
            waiting[first] = Some(arrivals);
        }
        let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); flow.nodes().len()];
        let mut backs: Vec<Vec<Option<Back>>> = vec![Vec::new(); flow.nodes().len()];
        let mut taken: Vec<Vec<bool>> = vec![Vec::new(); flow.nodes().len()];
        let mut state = Vec::with_capacity(layout.slots.len());
        let mut from = Vec::with_capacity(layout.slots.len());
        // Every state this walk makes, at every node: the one budget, since
        // each is kept (as its way back) until the walk ends.
        let mut states = 0usize;
        for &node in &prover.order {
            let Some(here) = waiting[node].take().filter(|here| !here.is_empty()) else {
                continue;
            };
            let moves = &prover.moves[node];
            taken[node] = vec![false; moves.ways()];
            for (at, (key, arrival)) in here.iter().enumerate() {
                key.unpack(packing, &mut from);
                let (way, steps) = moves.choice(&layout.view(&from));
                let steps = match moves {
                    Moves::Question { .. } if way == ASKED => layout.answers(node).unwrap_or(steps),
                    _ => steps,
                };
                taken[node][way] = true;
                for step in steps {
                    step.apply(&from, layout, live.row(step.target), &mut state);
                    prover.narrowing.apply(step.target, &mut state, kept);
                    if let Some(settled) = settled {
                        settled.settle(step.target, prover, layout, &mut state);
                    }
                    let arrivals = waiting[step.target].get_or_insert_with(Arrivals::default);
                    let key = K::pack(&state, packing);
                    let known = arrivals.get_index_of(&key);
                    if known.is_none() {
                        // Judged once per state: `keep` depends on nothing else.
                        if !keep(step.target, &state) {
                            continue;
                        }
                        if states >= prover.state_limit {
                            return Err(ProofError::TooManyStates {
                                node: flow.nodes()[step.target].id.clone(),
                                limit: prover.state_limit,
                            });
                        }
                    }
                    let answers = arrival.answers + u32::from(step.answer.is_some());
                    let count = match (&step.answer, counting) {
                        (_, Counting::Shortest | Counting::Not) => PathCount::ZERO,
                        (Some((_, count)), Counting::Paths) => arrival.count.times(count),
                        (None, Counting::Paths) => arrival.count.clone(),
                    };
                    let from = (counting != Counting::Not).then(|| Back {
                        node,
                        entry: at,
                        answer: step.answer.as_ref().map(|(answer, _)| answer.clone()),
                    });
                    match known.and_then(|index| arrivals.get_index_mut(index)) {
                        None => {
                            states += 1;
                            let arrival = Arrival {
                                count,
                                answers,
                                from,
                            };
                            arrivals.insert(key, arrival);
                        }
                        Some((_, arrival)) => {
                            if counting == Counting::Paths {
                                arrival.count.add(&count);
                            }
                            if answers < arrival.answers {
                                arrival.answers = answers;
                                arrival.from = from;
                            }
                        }
                    }
                }
            }
            if counting == Counting::Not {
                // Only the ways taken were wanted.
            } else if matches!(flow.nodes()[node].kind, NodeKind::Outcome(_)) {
                entries[node] = (here.into_iter())
                    .map(|(key, arrival)| Entry {
                        state: {
                            let mut state = Vec::new();
                            key.unpack(packing, &mut state);
                            state
                        },
                        count: arrival.count.big(),
                        answers: arrival.answers,
                        from: arrival.from,
                    })
                    .collect();
            } else {
                backs[node] = here.into_values().map(|arrival| arrival.from).collect();
            }
        }
        Ok((entries, backs, taken))
    }
}

/// How many bits each slot's codes take, so that a state can be kept as
/// one 128-bit key: no allocation per state, quick to hash and compare.
struct Packing {
    bits: Vec<u32>,
    /// Whether every state fits in 128 bits.
    fits: bool,
}

impl Packing {
    fn new(layout: &Layout) -> Packing {
        let bits: Vec<u32> = (0..layout.slots.len())
            .map(|slot| {
                let highest = layout.table.codes(slot).saturating_sub(1);
                usize::BITS - highest.leading_zeros()
            })
            .collect();
        let fits = bits.iter().sum::<u32>() <= u128::BITS;
        Packing { bits, fits }
    }
}

/// A state as a key of the arrivals at a node.
trait StateKey: std::hash::Hash + Eq {
    fn pack(state: &[u32], packing: &Packing) -> Self;
    fn unpack(&self, packing: &Packing, out: &mut Vec<u32>);
}

impl StateKey for u128 {
    fn pack(state: &[u32], packing: &Packing) -> u128 {
        let mut key = 0u128;
        let mut shift = 0;
        for (code, bits) in state.iter().zip(&packing.bits) {
            key |= u128::from(*code) << shift;
            shift += bits;
        }
        key
    }

    fn unpack(&self, packing: &Packing, out: &mut Vec<u32>) {
        out.clear();
        let mut key = *self;
        for &bits in &packing.bits {
            let mask = (1u128 << bits) - 1;
            out.push(u32::try_from(key & mask).unwrap_or(u32::MAX));
            key >>= bits;
        }
    }
}

impl StateKey for Box<[u32]> {
    fn pack(state: &[u32], _: &Packing) -> Box<[u32]> {
        state.into()
    }

    fn unpack(&self, _: &Packing, out: &mut Vec<u32>) {
        out.clear();
        out.extend_from_slice(self);
    }
}

/// What decides, node by node, whether a walk can still break an invariant:
/// not once its `when` is false, or its `then` true, however it goes on.
struct Focus<'i> {
    when: Partial<'i>,
    then: Partial<'i>,
    /// Per node, the slots (the prover's) it or a node after it may write.
    writable: &'i [Vec<bool>],
    /// Some outcome reachable from this node may make `then` false.
    then_may_fail: Vec<bool>,
    /// Per node, `when` and `then` with the parts nothing can know there
    /// taken out ([`Partial::pruned`]): made once, when first needed.
    pruned: Vec<OnceCell<[Option<Partial<'i>>; 2]>>,
}

impl<'i> Focus<'i> {
    fn new(prover: &'i Prover, layout: &Layout, invariant: &'i Invariant) -> Focus<'i> {
        let flow = prover.flow;
        let mut then_reads = Vec::new();
        invariant.then.operands(&mut then_reads);
        let then_reads_walk = then_reads
            .iter()
            .any(|o| matches!(o, Operand::Fact(_) | Operand::Question(_)));

        let mut then_may_fail = vec![true; flow.nodes().len()];
        if !then_reads_walk {
            let empty = vec![0u32; layout.slots.len()];
            for &node in prover.order.iter().rev() {
                then_may_fail[node] = match &flow.nodes()[node].kind {
                    NodeKind::Outcome(_) => !View {
                        slots: &layout.slots,
                        table: &layout.table,
                        state: &empty,
                        outcome: Some(&flow.nodes()[node]),
                    }
                    .holds(&invariant.then),
                    _ => flow
                        .successors(NodeId::new(node))
                        .any(|next| then_may_fail[next.index()]),
                };
            }
        }
        Focus {
            when: Partial::new(&invariant.when, layout),
            then: Partial::new(&invariant.then, layout),
            writable: &prover.writable,
            then_may_fail,
            pruned: (0..flow.nodes().len()).map(|_| OnceCell::new()).collect(),
        }
    }

    fn keeps(&self, node: usize, view: &View) -> bool {
        if !self.then_may_fail[node] {
            return false;
        }
        let writable = &self.writable[node];
        let [when, then] = self.pruned[node]
            .get_or_init(|| [self.when.pruned(writable), self.then.pruned(writable)]);
        let value = |part: &Option<Partial>| part.as_ref().and_then(|p| p.value(view, writable));
        value(when) != Some(false) && value(then) != Some(true)
    }
}

/// A condition whose parts are known once nothing ahead can change what
/// they read (the outcome's verdict and urgency are never known before it).
#[derive(Clone)]
enum Partial<'c> {
    Any(Vec<Partial<'c>>),
    All(Vec<Partial<'c>>),
    Not(Box<Partial<'c>>),
    /// A comparison, with the slots (the prover's) it reads; `None` when
    /// it reads the outcome.
    Atom(&'c Cond, Option<Vec<usize>>),
    /// A comparison of one slot (the walk's), with its value for every
    /// value code, and the prover's slot.
    Lookup(&'c Cond, usize, Vec<bool>, usize),
    /// Parts taken out where nothing can know them ([`Partial::pruned`]).
    Unknown,
}

impl<'c> Partial<'c> {
    fn new(cond: &'c Cond, layout: &Layout) -> Partial<'c> {
        match cond {
            Cond::Or(parts) => {
                Partial::Any(parts.iter().map(|p| Partial::new(p, layout)).collect())
            }
            Cond::And(parts) => {
                Partial::All(parts.iter().map(|p| Partial::new(p, layout)).collect())
            }
            Cond::Not(inner) => Partial::Not(Box::new(Partial::new(inner, layout))),
            atom => {
                let mut read = Vec::new();
                atom.operands(&mut read);
                let local: Option<Vec<usize>> = (read.iter())
                    .map(|o| match o {
                        Operand::Verdict | Operand::Urgency | Operand::Outcome => None,
                        walk => layout.slots.of(*walk),
                    })
                    .collect();
                if let Some([slot]) = local.as_deref() {
                    // Decided once per value, not compared again on every walk.
                    let mut state = vec![0u32; layout.slots.len()];
                    let truths = (0..layout.table.codes(*slot))
                        .map(|code| {
                            state[*slot] = u32::try_from(code).unwrap_or(u32::MAX);
                            layout.view(&state).holds(atom)
                        })
                        .collect();
                    return Partial::Lookup(atom, *slot, truths, layout.global(*slot));
                }
                let slots = local.map(|local| local.iter().map(|&s| layout.global(s)).collect());
                Partial::Atom(atom, slots)
            }
        }
    }

    /// Its value at every outcome a walk in `view`'s state can reach, if
    /// they all agree: the parts that read only slots nothing ahead
    /// (`writable`) can change are known now.
    fn value(&self, view: &View, writable: &[bool]) -> Option<bool> {
        match self {
            Partial::Any(parts) => any_of(parts.iter().map(|part| part.value(view, writable))),
            Partial::All(parts) => all_of(parts.iter().map(|part| part.value(view, writable))),
            Partial::Not(inner) => inner.value(view, writable).map(|b| !b),
            Partial::Atom(atom, Some(slots)) if slots.iter().all(|&slot| !writable[slot]) => {
                Some(view.holds(atom))
            }
            Partial::Atom(..) => None,
            Partial::Lookup(atom, slot, truths, global) if !writable[*global] => {
                let code = view.state.get(*slot).map(|&code| code as usize);
                Some(match code.and_then(|code| truths.get(code)) {
                    Some(truth) => *truth,
                    None => view.holds(atom),
                })
            }
            Partial::Lookup(..) | Partial::Unknown => None,
        }
    }

    /// The same condition where nothing ahead of a node may write the
    /// slots `writable` marks: parts whose value is unknown on every walk
    /// there are taken out (a `None`, or one [`Partial::Unknown`] in their
    /// place among known siblings), so [`value`](Self::value) gives the
    /// same answer by looking at fewer parts. `None` when no part can be
    /// known (an empty `or` or `and` is known: false, or true).
    fn pruned(&self, writable: &[bool]) -> Option<Partial<'c>> {
        let parts = |parts: &[Partial<'c>]| -> Option<Vec<Partial<'c>>> {
            let mut kept: Vec<Partial<'c>> = Vec::new();
            let mut unknown = false;
            for part in parts {
                match part.pruned(writable) {
                    Some(part) => kept.push(part),
                    None => unknown = true,
                }
            }
            if unknown {
                if kept.is_empty() {
                    return None;
                }
                kept.push(Partial::Unknown);
            }
            Some(kept)
        };
        match self {
            Partial::Any(all) => parts(all).map(Partial::Any),
            Partial::All(all) => parts(all).map(Partial::All),
            Partial::Not(inner) => inner.pruned(writable).map(|p| Partial::Not(Box::new(p))),
            Partial::Atom(_, Some(slots)) if slots.iter().all(|&slot| !writable[slot]) => {
                Some(self.clone())
            }
            Partial::Lookup(_, _, _, global) if !writable[*global] => Some(self.clone()),
            Partial::Atom(..) | Partial::Lookup(..) | Partial::Unknown => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Value, compile, tests::folder};

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
    fn past_the_state_limit_the_proof_stops_with_a_message() {
        // Eight facts set independently and read together: 1 + 2 + ... +
        // 2^7 states over the walk; the budget is the walk's, not a
        // node's, so the 101st, on the way to q7 (64 states there, 63
        // before), passes a limit of 100.
        let mut header = String::from("flow t \"T\" { version \"1\" start a.q1 }\n");
        let mut text = String::new();
        for i in 1..=8 {
            header.push_str(&format!("fact f{i}: bool\n"));
            text.push_str(&format!(
                "question q{i} {{ ask \"{i}?\" yes -> next set f{i} no -> next }}\n"
            ));
        }
        text.push_str("outcome end { verdict treat title \"End\" }\n");
        let all: Vec<String> = (1..=8).map(|i| format!("f{i}")).collect();
        text.push_str(&format!(
            "invariant \"all\" {{ {} => verdict == treat }}\n",
            all.join(" and ")
        ));
        let flow = compile(&folder(&[("h.flow", &header), ("a.flow", &text)]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let mut prover = Prover::new(&flow).unwrap();
        let invariant = &flow.invariants()[0];
        let watched = [&invariant.when, &invariant.then];
        assert!(prover.run(&watched, None).is_ok());
        prover.state_limit = 100;
        let Err(error) = prover.run(&watched, None) else {
            panic!("256 states passed a limit of 100");
        };
        assert_eq!(
            error,
            ProofError::TooManyStates {
                node: "a.q7".into(),
                limit: 100
            }
        );
        let message = error.to_string();
        assert!(
            message.contains("more than 100 different combinations")
                && message.contains("nothing is proved"),
            "{message}"
        );
        assert!(message.contains("split it into invariants"), "{message}");
    }

    #[test]
    fn states_kept_packed_or_whole_walk_the_same() {
        let header =
            "flow t \"T\" { version \"1\" start a.q1 }\nfact f: bool\nfact side: left | right\n";
        let flow = compile(&folder(&[("h.flow", header), ("a.flow", SETTLED)]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let prover = Prover::new(&flow).unwrap();
        let layout = prover.layout(&[]);
        let packing = Packing::new(&layout);
        assert!(packing.fits);
        let walk = Walk {
            prover: &prover,
            layout: &layout,
            settled: None,
            focus: None,
            counting: Counting::Paths,
            packing: &packing,
        };
        let (packed, _, packed_taken) = walk.run::<u128>().unwrap();
        let (whole, _, whole_taken) = walk.run::<Box<[u32]>>().unwrap();
        let seen = |entries: &[Vec<Entry>]| -> Vec<(Vec<u32>, String)> {
            (entries.iter().flatten())
                .map(|e| (e.state.clone(), e.count.to_string()))
                .collect()
        };
        assert_eq!(seen(&packed), seen(&whole));
        assert_eq!(packed_taken, whole_taken);
        let state = vec![3, 0, 1, 2];
        let packing = Packing {
            bits: vec![2, 0, 1, 5],
            fits: true,
        };
        let mut back = Vec::new();
        u128::pack(&state, &packing).unpack(&packing, &mut back);
        assert_eq!(back, state);
    }

    #[test]
    fn a_pruned_condition_has_the_value_of_the_whole_one_on_every_state() {
        let header =
            "flow t \"T\" { version \"1\" start a.q1 }\nfact f: bool\nfact side: left | right\n";
        let text = format!(
            "{SETTLED}invariant \"i\" {{ (f or side == right) and not (verdict == treat and f) => side == left or f }}\n"
        );
        let flow = compile(&folder(&[("h.flow", header), ("a.flow", &text)]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let prover = Prover::new(&flow).unwrap();
        let invariant = &flow.invariants()[0];
        let layout = prover.layout(&[&invariant.when, &invariant.then]);
        let empty = Cond::Or(Vec::new());
        let conditions = [&invariant.when, &invariant.then, &empty];
        let mut states = vec![Vec::new()];
        for slot in 0..layout.slots.len() {
            states = (states.iter())
                .flat_map(|state| {
                    (0..layout.table.codes(slot)).map(move |code| {
                        let mut next = state.clone();
                        next.push(code as u32);
                        next
                    })
                })
                .collect();
        }
        let mut known = 0;
        for cond in conditions {
            let whole = Partial::new(cond, &layout);
            for writable in &prover.writable {
                let pruned = whole.pruned(writable);
                for state in &states {
                    let view = layout.view(state);
                    let value = whole.value(&view, writable);
                    known += usize::from(value.is_some());
                    let part = pruned.as_ref().and_then(|p| p.value(&view, writable));
                    assert_eq!(part, value, "{cond:?} on {state:?}");
                }
            }
        }
        assert!(known > 0, "some part is known somewhere");
    }

    #[test]
    fn a_value_that_settles_an_arm_forgets_what_only_later_arms_read() {
        let header =
            "flow t \"T\" { version \"1\" start a.q1 }\nfact f: bool\nfact side: left | right\n";
        let flow = compile(&folder(&[("h.flow", header), ("a.flow", SETTLED)]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let prover = Prover::new(&flow).unwrap();
        let mut table = prover.table.clone();
        let route = flow.find("a.route").unwrap().index();
        let f = prover.slots.fact(0).unwrap();
        let side = prover.slots.fact(1).unwrap();
        let mut state = vec![0u32; prover.slots.len()];
        state[f] = table.intern_fact(f, &Value::Bool(true));
        state[side] = table.intern_fact(side, &Value::Word("right".into()));
        let mut unknown_f = state.clone();
        unknown_f[f] = 0;
        let nothing_watched = vec![false; prover.steering];

        prover.narrowing.apply(route, &mut state, &nothing_watched);
        assert_eq!(state[side], 0, "`when f` holds: `side` is never read");
        assert_ne!(state[f], 0, "`f` itself is still read");
        let before = unknown_f.clone();
        prover
            .narrowing
            .apply(route, &mut unknown_f, &nothing_watched);
        assert_eq!(unknown_f, before, "without `f`, `side` decides");
        let mut watched = state.clone();
        watched[side] = before[side];
        let mut side_watched = nothing_watched.clone();
        side_watched[side] = true;
        prover.narrowing.apply(route, &mut watched, &side_watched);
        assert_ne!(watched[side], 0, "a walk watching `side` keeps it");

        // q1: 2 x q2: 3 non-empty subsets, counted exactly after the merge.
        let explored = prover.run(&[], None).unwrap();
        assert_eq!(explored.paths(), BigUint::from(6u8));
        let a = flow.find("a.a").unwrap().index();
        assert_eq!(explored.entries(a).len(), 1);
    }
}
