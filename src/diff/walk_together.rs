//! Two flows walked together over the same answers: at each step the
//! question one of them asks next is answered once, for both (a flow that
//! asks it later uses the same answer), so every combination of answer
//! classes ends in one outcome of each flow. Walks that reach the same
//! place with the same facts and the same answers still to matter are one
//! (a memo), so the work follows the distinct states, not the paths.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use super::answer_choices::{Reads, answer_choices};
use super::care::care_rank;
use super::live_reads::LiveReads;
use crate::compile::{AnswerValue, Flow, NodeId, Value, Verdict};
use crate::engine::{Current, Session};

/// The most distinct states walked before giving up (the result then says
/// it is incomplete). `diff --help` (cli/args.rs) names this number.
pub const STATE_BUDGET: usize = 200_000;

/// Where one flow's walk ends.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ending {
    /// An outcome: its verdict's care rank ([`care_rank`]), its id and its
    /// verdict in words (`refer urgent`).
    Outcome {
        care: u8,
        id: String,
        verdict: String,
    },
    /// An answer on the way is not one this flow offers.
    NotOffered,
}

impl Ending {
    fn of(session: &Option<Session>) -> Ending {
        match session.as_ref().map(Session::current) {
            Some(Current::Outcome { node, outcome, .. }) => Ending::Outcome {
                care: care_rank(outcome.verdict),
                id: node.id.to_string(),
                verdict: outcome.verdict.to_string(),
            },
            _ => Ending::NotOffered,
        }
    }
}

/// The walks that end in a different verdict (or urgency) in the new flow
/// than in the old, from one old outcome to one new outcome.
#[derive(Debug, Clone)]
pub struct VerdictGroup {
    pub old: Ending,
    pub new: Ending,
    /// How many answer combinations take this way.
    pub count: u128,
    /// The fewest answers that do, as (question id, answer), in the order asked.
    pub shortest: Vec<(String, AnswerValue)>,
}

impl VerdictGroup {
    /// The new flow gives less care than the old on these walks.
    pub fn less_care(&self) -> bool {
        match (&self.old, &self.new) {
            (Ending::Outcome { care: old, .. }, Ending::Outcome { care: new, .. }) => new < old,
            _ => false,
        }
    }
}

/// What walking two flows together found.
#[derive(Debug, Clone)]
pub struct PathChanges {
    /// Every answer combination walked (changed or not).
    pub walks: u128,
    /// The distinct states walked.
    pub states: usize,
    /// Each way from an old outcome to a new one with another verdict,
    /// the ones toward less care first.
    pub groups: Vec<VerdictGroup>,
    /// Every answer class was tried (false: a multiple-choice question had
    /// too many answers conditions read, and its subsets were sampled).
    pub exhaustive: bool,
    /// The state budget ran out: what was found is a part.
    pub stopped: bool,
}

/// (question id, answer) in the order asked.
type Answers = Vec<(String, AnswerValue)>;

#[derive(Default)]
struct Summary {
    walks: u128,
    groups: BTreeMap<(Ending, Ending), (u128, Answers)>,
}

type Key = (
    Option<NodeId>,
    Option<NodeId>,
    Vec<Option<Value>>,
    Vec<Option<Value>>,
    Vec<(String, AnswerValue)>,
);

struct Walker<'f> {
    old: &'f Flow,
    new: &'f Flow,
    reads: Reads,
    old_live: LiveReads,
    new_live: LiveReads,
    memo: HashMap<Key, Rc<Summary>>,
    /// Off only in tests, to compare with a walk of every path.
    remember: bool,
    /// Asked before each new state: no stops the walk, as the budget does.
    go_on: Option<&'f dyn Fn() -> bool>,
    exhaustive: bool,
    stopped: bool,
}

/// Walks `old` and `new` together over every answer class of every
/// question either asks.
pub fn walk_together(old: &Flow, new: &Flow) -> PathChanges {
    walk(old, new, true, None)
}

/// The same walk, stopped (as by the state budget) once `go_on` says no:
/// the language server compares an unsaved edit while the author types, and
/// gives up at its time budget or when newer text is waiting.
pub fn walk_together_while(old: &Flow, new: &Flow, go_on: &dyn Fn() -> bool) -> PathChanges {
    walk(old, new, true, Some(go_on))
}

/// The same walk with no memo: every path on its own (for tests).
#[cfg(test)]
pub(super) fn walk_every_path(old: &Flow, new: &Flow) -> PathChanges {
    walk(old, new, false, None)
}

fn walk<'f>(
    old: &'f Flow,
    new: &'f Flow,
    remember: bool,
    go_on: Option<&'f dyn Fn() -> bool>,
) -> PathChanges {
    let mut walker = Walker {
        old,
        new,
        reads: Reads::of(&[old, new]),
        old_live: LiveReads::of(old),
        new_live: LiveReads::of(new),
        memo: HashMap::new(),
        remember,
        go_on,
        exhaustive: true,
        stopped: false,
    };
    let summary = walker.walk(
        Some(Session::new(old)),
        Some(Session::new(new)),
        BTreeMap::new(),
    );
    let mut groups: Vec<VerdictGroup> = summary
        .groups
        .iter()
        .map(|((old, new), (count, shortest))| VerdictGroup {
            old: old.clone(),
            new: new.clone(),
            count: *count,
            shortest: shortest.clone(),
        })
        .collect();
    groups.sort_by_key(|g| (!g.less_care(), g.old.clone(), g.new.clone()));
    PathChanges {
        walks: summary.walks,
        states: walker.memo.len(),
        groups,
        exhaustive: walker.exhaustive,
        stopped: walker.stopped,
    }
}

impl<'f> Walker<'f> {
    fn walk(
        &mut self,
        mut old: Option<Session<'f>>,
        mut new: Option<Session<'f>>,
        given: BTreeMap<String, AnswerValue>,
    ) -> Rc<Summary> {
        advance(&mut old, &given);
        advance(&mut new, &given);
        if old.is_none() && new.is_none() {
            return Rc::new(Summary::default());
        }
        let asked = waiting(&old).or_else(|| waiting(&new));
        let Some(question) = asked else {
            return Rc::new(leaf(&old, &new));
        };
        let key = self.key(&old, &new, &given);
        if let Some(known) = self.memo.get(&key) {
            return known.clone();
        }
        if self.memo.len() >= STATE_BUDGET || self.go_on.is_some_and(|go_on| !go_on()) {
            self.stopped = true;
            return Rc::new(Summary::default());
        }
        let (choices, exhaustive) = answer_choices(
            &question,
            self.old.find(&question).and_then(|q| self.old.question(q)),
            self.new.find(&question).and_then(|q| self.new.question(q)),
            self.old,
            self.new,
            &self.reads,
        );
        self.exhaustive &= exhaustive;
        let mut summary = Summary::default();
        for choice in choices {
            let mut next = given.clone();
            next.insert(question.clone(), choice.clone());
            let below = self.walk(old.clone(), new.clone(), next);
            summary.walks = summary.walks.saturating_add(below.walks);
            for (ends, (count, shortest)) in &below.groups {
                let entry = summary
                    .groups
                    .entry(ends.clone())
                    .or_insert((0, Vec::new()));
                let fewer = entry.0 == 0 || shortest.len() + 1 < entry.1.len();
                entry.0 = entry.0.saturating_add(*count);
                if fewer {
                    let mut way = vec![(question.clone(), choice.clone())];
                    way.extend(shortest.iter().cloned());
                    entry.1 = way;
                }
            }
        }
        let summary = Rc::new(summary);
        if self.remember {
            self.memo.insert(key, summary.clone());
        }
        summary
    }

    /// What decides the rest of the walk: where each flow stands, its
    /// facts, and the answers a condition reads or a flow has still to use.
    fn key(
        &self,
        old: &Option<Session<'f>>,
        new: &Option<Session<'f>>,
        given: &BTreeMap<String, AnswerValue>,
    ) -> Key {
        let relevant = given
            .iter()
            .filter(|(id, _)| {
                live_question(&self.old_live, old, id)
                    || live_question(&self.new_live, new, id)
                    || still_to_use(old, id)
                    || still_to_use(new, id)
            })
            .map(|(id, v)| (id.clone(), v.clone()))
            .collect();
        (
            old.as_ref().map(Session::current_index),
            new.as_ref().map(Session::current_index),
            fact_values(&self.old_live, old),
            fact_values(&self.new_live, new),
            relevant,
        )
    }
}

/// Answers the questions the walk already has answers for.
fn advance(side: &mut Option<Session>, given: &BTreeMap<String, AnswerValue>) {
    while let Some(session) = side.as_mut() {
        let Current::Question { node, .. } = session.current() else {
            return;
        };
        let Some(value) = given.get(node.id.as_str()) else {
            return;
        };
        if session.answer(value.clone()).is_err() {
            *side = None;
        }
    }
}

/// The question a walk waits at.
fn waiting(side: &Option<Session>) -> Option<String> {
    match side.as_ref()?.current() {
        Current::Question { node, .. } => Some(node.id.to_string()),
        Current::Outcome { .. } => None,
    }
}

/// Whether the walk may still ask `id` (it has the question, is not over
/// and has not answered it).
fn still_to_use(side: &Option<Session>, id: &str) -> bool {
    let Some(session) = side else { return false };
    if session.is_complete() {
        return false;
    }
    session
        .flow()
        .find(id)
        .is_some_and(|q| session.answer_to(q).is_none())
}

/// Whether a condition the walk can still meet reads question `id`.
fn live_question(live: &LiveReads, side: &Option<Session>, id: &str) -> bool {
    side.as_ref()
        .is_some_and(|s| live.question(s.current_index(), id))
}

/// The facts a condition the walk can still meet reads (the rest as `None`).
fn fact_values(live: &LiveReads, side: &Option<Session>) -> Vec<Option<Value>> {
    side.as_ref().map_or_else(Vec::new, |s| {
        s.facts()
            .iter()
            .enumerate()
            .map(|(i, f)| {
                f.as_ref()
                    .filter(|_| live.fact(s.current_index(), i))
                    .map(|f| f.value.clone())
            })
            .collect()
    })
}

/// One finished walk: a group of its own when the verdicts differ.
fn leaf(old: &Option<Session>, new: &Option<Session>) -> Summary {
    let mut summary = Summary {
        walks: 1,
        ..Summary::default()
    };
    let verdicts = |s: &Option<Session>| s.as_ref().and_then(|s| s.outcome()).map(|o| o.verdict);
    if differ(verdicts(old), verdicts(new)) {
        summary
            .groups
            .insert((Ending::of(old), Ending::of(new)), (1, Vec::new()));
    }
    summary
}

fn differ(old: Option<Verdict>, new: Option<Verdict>) -> bool {
    old != new
}
