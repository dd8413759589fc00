//! `backcheck verify`: proves each invariant on every path through the
//! graph, or finds the shortest path that breaks it.
//!
//! The flow is prepared once ([`Prover`]); then one [`Exploration`] per
//! invariant, watching what the invariant reads and focused on the walks
//! that could break it (or, when watching them all costs little, one walk
//! for all of them). At every outcome each state reached is tested with the
//! compiler's `eval`, the one a session uses. The proof covers every path because every path ends
//! at an outcome in exactly one of those states. A state that breaks the
//! invariant gives the counter-example: the answers on the shortest path
//! into it, which `backcheck run --answers` replays to the same outcome.

use std::fmt::Write as _;

use num_bigint::BigUint;

use super::abstract_state::View;
use super::exploration::{CycleError, Exploration};
use super::prover::Prover;
use crate::compile::eval;
use crate::compile::{AnswerValue, Cond, Flow, Invariant, NodeId, NodeKind, Operand};
use crate::diagnostic::DiagnosticKind;

/// The verdict on every invariant of a flow.
#[derive(Debug, Clone)]
pub struct Verification {
    /// Distinct paths from the start to an outcome (every invariant covers them all).
    pub paths: BigUint,
    pub invariants: Vec<InvariantResult>,
    /// The red-flag order, one per red flag with an urgency tag: a walk
    /// that ends below its urgency has asked it.
    pub orders: Vec<InvariantResult>,
}

/// One invariant: proved, or broken with a counter-example, or proving
/// nothing.
#[derive(Debug, Clone)]
pub struct InvariantResult {
    pub text: String,
    pub broken: Option<CounterExample>,
    /// Why the invariant holds without saying anything: its left side
    /// holds on no path, or its right side on every path.
    pub vacuous: Option<Vacuity>,
    /// Where it is written, when it is written (not for the properties
    /// the tags imply).
    pub span: Option<crate::diagnostic::Span>,
}

impl InvariantResult {
    pub fn passed(&self) -> bool {
        self.broken.is_none() && self.vacuous.is_none()
    }
}

/// How an invariant can hold and prove nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vacuity {
    /// No path makes its left side true.
    NeverApplies,
    /// Every path makes its right side true.
    AlwaysTrue,
}

impl Vacuity {
    pub fn describe(self) -> &'static str {
        match self {
            Vacuity::NeverApplies => "its left side holds on no path",
            Vacuity::AlwaysTrue => "its right side holds on every path, whatever the answers",
        }
    }

    /// What to look at to fix it, as E024's help says it wherever it is shown.
    pub fn hint(self) -> &'static str {
        match self {
            Vacuity::NeverApplies => {
                "check the names and values on the left: a question no walk asks, or a fact nothing sets, never holds"
            }
            Vacuity::AlwaysTrue => {
                "check the right side: an outcome id, verdict or urgency no path can miss says nothing"
            }
        }
    }
}

/// The shortest path that breaks an invariant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterExample {
    /// (question, answer), in the order asked.
    pub answers: Vec<(NodeId, AnswerValue)>,
    /// The outcome reached.
    pub outcome: NodeId,
    /// How many paths break the invariant.
    pub breaking_paths: BigUint,
    /// `breaking_paths` is a lower bound: too many states to count them all
    /// (see `prove`).
    pub at_least: bool,
}

impl CounterExample {
    /// The answers as `run --answers` takes them: `id=value,...`.
    pub fn answers_arg(&self, flow: &Flow) -> String {
        self.answers
            .iter()
            .map(|(q, v)| format!("{}={v}", flow.short_id(*q)))
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl Verification {
    pub fn holds(&self) -> bool {
        self.invariants
            .iter()
            .chain(&self.orders)
            .all(InvariantResult::passed)
    }

    /// One line per invariant, `ok` or `FAIL` with its counter-example.
    pub fn text(&self, flow: &Flow) -> String {
        let mut out = String::new();
        for result in self.invariants.iter().chain(&self.orders) {
            let at = result
                .span
                .map(|span| format!("{}: ", flow.location(span)))
                .unwrap_or_default();
            if let Some(vacuity) = result.vacuous {
                // The code and help as `check` prints E024, so the two read alike.
                let _ = writeln!(
                    out,
                    "FAIL {at}\"{}\": proves nothing: {} [{}]\n     help: {}",
                    result.text,
                    vacuity.describe(),
                    DiagnosticKind::ProvesNothing.code(),
                    vacuity.hint()
                );
                continue;
            }
            let Some(broken) = &result.broken else {
                let _ = writeln!(out, "ok   \"{}\": {} paths", result.text, self.paths);
                continue;
            };
            let _ = writeln!(
                out,
                "FAIL {at}\"{}\": broken on {}{} of {} paths",
                result.text,
                if broken.at_least { "at least " } else { "" },
                broken.breaking_paths,
                self.paths
            );
            let count = broken.answers.len();
            let plural = if count == 1 { "" } else { "s" };
            let _ = writeln!(
                out,
                "     counter-example ({count} answer{plural}): {}",
                broken.answers_arg(flow)
            );
            let node = flow.node(broken.outcome);
            if let NodeKind::Outcome(outcome) = &node.kind {
                let _ = writeln!(
                    out,
                    "     reaches outcome `{}`: {} (\"{}\")",
                    flow.short_id(broken.outcome),
                    outcome.verdict,
                    outcome.title
                );
            }
        }
        out
    }
}

/// Proves every invariant of `flow`, and the red-flag order.
///
/// The flow is prepared once (`Prover`); one walk counts the paths, then
/// one per invariant watches what it reads, and one per red flag, focused
/// on the walks that could still break its order, which keeps each small.
pub fn verify(flow: &Flow) -> Result<Verification, CycleError> {
    let flags: Vec<_> = super::red_flag_rules::red_flags_in_order(flow)
        .filter_map(|(q, urgency)| Some((q, urgency?)))
        .collect();
    let sides: Vec<(Cond, Cond)> = flags
        .iter()
        .map(|&(q, urgency)| super::red_flag_rules::order_condition(flow, q, urgency))
        .collect();
    let probed = super::red_flag_rules::with_probes(flow, &sides);
    let prover = Prover::new(&probed)?;
    let conditions: Vec<&Cond> = (flow.invariants().iter())
        .flat_map(|invariant| [&invariant.when, &invariant.then])
        .collect();
    let together = flow.invariants().iter().all(|i| split(&i.when).is_none())
        && prover.watched_slots(&conditions) <= TOGETHER;
    // One walk of every path counts them, and shows which outcomes walks
    // reach; watching every invariant, if that is cheap, it judges them all.
    let counted = prover.run(if together { &conditions } else { &[] }, None)?;
    prover.remember_reached(&counted);
    let paths = counted.paths();
    let mut invariants = Vec::new();
    for invariant in flow.invariants() {
        let mut result = if together {
            let mut result = judge(&counted, invariant);
            result.vacuous = vacuity_in(&counted, invariant);
            result
        } else {
            let mut result = prove(&prover, invariant)?;
            result.vacuous = vacuity(&prover, invariant)?;
            result
        };
        result.span = Some(invariant.span);
        invariants.push(result);
    }
    let mut orders = Vec::new();
    for (&(q, urgency), (when, then)) in flags.iter().zip(sides) {
        let order = Invariant {
            text: format!(
                "red-flag order: `{}` ({urgency}) is asked before any exit below {urgency}",
                flow.short_id(q)
            ),
            when,
            then,
            span: flow.node(q).span,
        };
        let mut result = prove(&prover, &order)?;
        result.span = Some(order.span);
        orders.push(result);
    }
    Ok(Verification {
        paths,
        invariants,
        orders,
    })
}

/// One invariant on every path: held, or its shortest counter-example.
///
/// A left side that reads many operands is split into its disjuncts
/// (`(a or b) and c` is `a and c`, or `b and c`), each proved on its own:
/// the states each must track are those of its few operands, not every
/// combination of all of them, which doubles with each fact. The
/// invariant holds exactly when every part does, and its shortest
/// counter-example is the shortest of the parts'. Only the number of
/// breaking paths would need them all at once (the parts overlap): it is
/// given as the largest part's, a lower bound, and said to be one.
pub(super) fn prove(prover: &Prover, invariant: &Invariant) -> Result<InvariantResult, CycleError> {
    prove_counting(prover, invariant, Counted::Yes)
}

/// Whether a broken invariant's breaking paths are counted (a walk more).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counted {
    Yes,
    No,
}

fn prove_counting(
    prover: &Prover,
    invariant: &Invariant,
    counted: Counted,
) -> Result<InvariantResult, CycleError> {
    let Some(parts) = split(&invariant.when) else {
        return prove_whole(prover, invariant, counted);
    };
    let mut shortest: Option<CounterExample> = None;
    let mut most = BigUint::default();
    for part in parts {
        let piece = Invariant {
            text: invariant.text.clone(),
            when: part,
            then: invariant.then.clone(),
            span: invariant.span,
        };
        let Some(broken) = prove_whole(prover, &piece, counted)?.broken else {
            continue;
        };
        most = most.max(broken.breaking_paths.clone());
        if shortest
            .as_ref()
            .is_none_or(|s| broken.answers.len() < s.answers.len())
        {
            shortest = Some(broken);
        }
    }
    let Some(mut shortest) = shortest else {
        return Ok(InvariantResult {
            text: invariant.text.clone(),
            broken: None,
            vacuous: None,
            span: None,
        });
    };
    shortest.breaking_paths = most;
    shortest.at_least = true;
    Ok(InvariantResult {
        text: invariant.text.clone(),
        broken: Some(shortest),
        vacuous: None,
        span: None,
    })
}

/// Slots beyond the steering ones that one walk may watch to judge every
/// invariant at once: each multiplies the states by the values it tells
/// apart, so a few cost less than a walk per invariant.
const TOGETHER: usize = 4;

/// Operands a left side may read before it is proved in parts.
const SPLIT_ABOVE: usize = 8;
/// The most parts a left side is split into.
const MOST_PARTS: usize = 256;

/// The disjuncts of `when`, when it reads more than [`SPLIT_ABOVE`]
/// operands and has at most [`MOST_PARTS`] of them (and more than one).
fn split(when: &Cond) -> Option<Vec<Cond>> {
    let mut operands = Vec::new();
    when.operands(&mut operands);
    operands.sort_by_key(|o| format!("{o:?}"));
    operands.dedup();
    if operands.len() <= SPLIT_ABOVE {
        return None;
    }
    let parts = disjuncts(when)?;
    (parts.len() > 1).then(|| parts.into_iter().map(Cond::And).collect())
}

/// `cond` as an `or` of `and`s of the parts it is made of (a `not` is one
/// part), or `None` past [`MOST_PARTS`].
fn disjuncts(cond: &Cond) -> Option<Vec<Vec<Cond>>> {
    match cond {
        Cond::Or(parts) => {
            let mut all = Vec::new();
            for part in parts {
                all.extend(disjuncts(part)?);
                if all.len() > MOST_PARTS {
                    return None;
                }
            }
            Some(all)
        }
        Cond::And(parts) => {
            let mut all: Vec<Vec<Cond>> = vec![Vec::new()];
            for part in parts {
                let choices = disjuncts(part)?;
                if all.len() * choices.len() > MOST_PARTS {
                    return None;
                }
                all = all
                    .iter()
                    .flat_map(|done| {
                        choices.iter().map(move |choice| {
                            let mut next = done.clone();
                            next.extend(choice.iter().cloned());
                            next
                        })
                    })
                    .collect();
            }
            Some(all)
        }
        other => Some(vec![vec![other.clone()]]),
    }
}

fn prove_whole(
    prover: &Prover,
    invariant: &Invariant,
    counted: Counted,
) -> Result<InvariantResult, CycleError> {
    let watched = [&invariant.when, &invariant.then];
    let result = judge(&prover.shortest(&watched, Some(invariant))?, invariant);
    if result.broken.is_none() || counted == Counted::No {
        return Ok(result);
    }
    // Walked again counting paths, for how many break it.
    Ok(judge(&prover.run(&watched, Some(invariant))?, invariant))
}

/// The shortest path on which `when` holds and `then` does not, if any.
/// The prover must be prepared for what they read (they are an invariant
/// of its flow, or parts of one).
pub(super) fn witness(
    prover: &Prover,
    when: Cond,
    then: Cond,
) -> Result<Option<CounterExample>, CycleError> {
    let probe = Invariant {
        text: String::new(),
        when,
        then,
        span: Default::default(),
    };
    Ok(prove_counting(prover, &probe, Counted::No)?.broken)
}

/// Whether the invariant proves nothing: no path makes its left side
/// true, or none makes its right side false. `prover` is prepared for a
/// flow the invariant belongs to.
///
/// Each needs one path: the walk of one of the flow's own cases, or else
/// one found by a search focused on the walks that could be it.
pub(super) fn vacuity(
    prover: &Prover,
    invariant: &Invariant,
) -> Result<Option<Vacuity>, CycleError> {
    let on_a_case = (prover.case_walks().iter()).any(|walk| eval(&invariant.when, walk));
    if !on_a_case && witness(prover, invariant.when.clone(), Cond::Or(Vec::new()))?.is_none() {
        return Ok(Some(Vacuity::NeverApplies));
    }
    Ok((!can_fail(prover, &invariant.then)?).then_some(Vacuity::AlwaysTrue))
}

/// Whether some path ends where `then` is false.
fn can_fail(prover: &Prover, then: &Cond) -> Result<bool, CycleError> {
    let mut read = Vec::new();
    then.operands(&mut read);
    let outcome_only =
        (read.iter()).all(|o| matches!(o, Operand::Verdict | Operand::Urgency | Operand::Outcome));
    if !outcome_only {
        return Ok((prover.case_walks().iter()).any(|walk| !eval(then, walk))
            || witness(prover, Cond::And(Vec::new()), then.clone())?.is_some());
    }
    // What the outcome alone decides: some outcome a walk reaches makes it false.
    let reached = prover.reached()?;
    let flow = prover.flow();
    let nothing = vec![0u32; prover.slots.len()];
    Ok(flow.nodes().iter().enumerate().any(|(node, n)| {
        let view = View {
            slots: &prover.slots,
            table: &prover.table,
            state: &nothing,
            outcome: Some(n),
        };
        matches!(n.kind, NodeKind::Outcome(_)) && reached[node] && !view.holds(then)
    }))
}

/// Vacuity from a walk of every path that watched what `invariant` reads.
fn vacuity_in(explored: &Exploration, invariant: &Invariant) -> Option<Vacuity> {
    let flow = explored.flow();
    let (mut applies, mut can_fail) = (false, false);
    for (node, n) in flow.nodes().iter().enumerate() {
        if !matches!(n.kind, NodeKind::Outcome(_)) {
            continue;
        }
        for at in 0..explored.entries(node).len() {
            let view = explored.view(node, at);
            applies |= view.holds(&invariant.when);
            can_fail |= !view.holds(&invariant.then);
            if applies && can_fail {
                return None;
            }
        }
    }
    Some(if applies {
        Vacuity::AlwaysTrue
    } else {
        Vacuity::NeverApplies
    })
}

/// Tests one invariant on every state that reaches an outcome; the
/// number of breaking paths is 0 when the exploration did not count them.
pub(super) fn judge(explored: &Exploration, invariant: &Invariant) -> InvariantResult {
    let flow = explored.flow();
    let mut worst: Option<(u32, usize, usize)> = None;
    let mut breaking = BigUint::default();
    for (node, n) in flow.nodes().iter().enumerate() {
        if !matches!(n.kind, NodeKind::Outcome(_)) {
            continue;
        }
        for (at, entry) in explored.entries(node).iter().enumerate() {
            let view = explored.view(node, at);
            if !view.holds(&invariant.when) || view.holds(&invariant.then) {
                continue;
            }
            breaking += &entry.count;
            if worst.is_none_or(|(answers, _, _)| entry.answers < answers) {
                worst = Some((entry.answers, node, at));
            }
        }
    }
    InvariantResult {
        text: invariant.text.clone(),
        vacuous: None,
        span: None,
        broken: worst.map(|(_, node, at)| CounterExample {
            answers: explored
                .answers_to(node, at)
                .into_iter()
                .map(|(q, answer)| (NodeId::new(q), answer))
                .collect(),
            outcome: NodeId::new(node),
            breaking_paths: breaking,
            at_least: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::prover::Moves;
    use super::*;
    use crate::compile::{compile, tests::folder, tests::mini};
    use crate::engine::Session;

    fn flow(text: &str) -> Flow {
        let header = "flow t \"T\" { version \"1\" start a.q1 }\nfact age: number 0..120\nfact f: bool\nfact side: left | right\n";
        compile(&folder(&[("h.flow", header), ("a.flow", text)]))
            .unwrap_or_else(|e| panic!("{e:#?}"))
    }

    /// Every answer to a question, one by one: every subset of a multiple
    /// choice, one number per interval.
    fn every_answer(
        flow: &Flow,
        q: NodeId,
        question: &crate::compile::Question,
    ) -> Vec<AnswerValue> {
        use crate::compile::QuestionKind;
        let ids: Vec<String> = question.answers().iter().map(|a| a.id.clone()).collect();
        match question.kind {
            QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {
                ids.into_iter().map(AnswerValue::Choice).collect()
            }
            QuestionKind::Multiple { .. } => (1u32..(1 << ids.len()))
                .map(|mask| {
                    AnswerValue::Many(
                        (0..ids.len())
                            .filter(|i| mask & (1 << i) != 0)
                            .map(|i| ids[i].clone())
                            .collect(),
                    )
                })
                .collect(),
            QuestionKind::Number { .. } => super::super::answer_classes::Constants::of(flow)
                .number_intervals(q.index(), question)
                .into_iter()
                .map(|(low, _)| AnswerValue::Number(low))
                .collect(),
        }
    }

    /// Every path, enumerated the slow way, for comparing with the programme.
    fn brute_force(flow: &Flow) -> (usize, Vec<Vec<(NodeId, AnswerValue)>>) {
        fn walk(
            flow: &Flow,
            given: HashMap<NodeId, AnswerValue>,
            order: Vec<(NodeId, AnswerValue)>,
            done: &mut Vec<Vec<(NodeId, AnswerValue)>>,
        ) {
            let session = Session::replay(flow, &given);
            let crate::engine::Current::Question {
                index, question, ..
            } = session.current()
            else {
                done.push(order);
                return;
            };
            for answer in every_answer(flow, index, question) {
                let mut given = given.clone();
                given.insert(index, answer.clone());
                let mut order = order.clone();
                order.push((index, answer));
                walk(flow, given, order, done);
            }
        }
        let mut done = Vec::new();
        walk(flow, HashMap::new(), Vec::new(), &mut done);
        (done.len(), done)
    }

    const BRANCHY: &str = r#"
question q1 { ask "One?" yes -> q2 set f no -> q2 unsure -> q2 }
question q2 { ask "Age?" number 0..120 into age then -> q3 }
question q3 { ask "Side?" multiple
  answer left "Left" set side = left
  answer right "Right" set side = right
  answer both "Both" note "x"
  then -> q4 }
question q4 { ask "Four?" skip when f and age >= 60 -> route  yes -> route no -> route }
decide route {
  when age < 16 -> young
  when f and side == right -> urgent_end
  when q4 -> emergency_end
  otherwise -> fine
}
outcome young { verdict refer routine title "Young" }
outcome urgent_end { verdict refer urgent title "Urgent" }
outcome emergency_end { verdict refer emergency title "Emergency" }
outcome fine { verdict treat title "Fine" }
invariant "a yes to q4 refers now" { q4 == yes => urgency == emergency }
invariant "young people are referred" { age < 16 => verdict == refer }
"#;

    #[test]
    fn counts_match_enumeration_and_counter_examples_replay() {
        let flow = flow(BRANCHY);
        let (total, _) = brute_force(&flow);
        let verification = verify(&flow).unwrap();
        assert_eq!(verification.paths.to_string(), total.to_string());
        // q1: 3 x q2: 5 intervals (cut at 16 and 60) x q3: 7 subsets x q4: 2,
        // less the 2 x 7 paths where q1=yes, age >= 60 skips q4.
        assert_eq!(total, 3 * 5 * 7 * 2 - 2 * 7);
        let [first, second] = &verification.invariants[..] else {
            panic!("two invariants")
        };
        assert!(second.broken.is_none(), "{second:?}");
        let broken = first
            .broken
            .as_ref()
            .expect("q4=yes is not always an emergency");
        // Every breaking path has 4 answers; the first found is a child
        // (refer routine) who said yes to q4.
        assert_eq!(broken.answers_arg(&flow), "q1=yes,q2=0,q3=both,q4=yes");
        let given: HashMap<_, _> = broken.answers.iter().cloned().collect();
        let session = Session::replay(&flow, &given);
        assert_eq!(session.current_index(), broken.outcome);
        assert!(!session.satisfies(&flow.invariants()[0]));
        // Under 16 with q4=yes: 3 x 7 paths; and q1=yes, age 16 or 17..59,
        // side right (right, right+both, left+right, all three), q4=yes
        // (refer urgent): 2 x 4 paths.
        assert_eq!(broken.breaking_paths, BigUint::from(21u8 + 8));
        let breaking = brute_force_breaking(&flow, 0);
        assert_eq!(broken.breaking_paths.to_string(), breaking.to_string());
    }

    fn brute_force_breaking(flow: &Flow, invariant: usize) -> usize {
        let (_, paths) = brute_force(flow);
        paths
            .iter()
            .filter(|answers| {
                let given: HashMap<_, _> = answers.iter().cloned().collect();
                !Session::replay(flow, &given).satisfies(&flow.invariants()[invariant])
            })
            .count()
    }

    #[test]
    fn walks_are_dropped_once_their_right_side_is_settled_true_and_counts_stay_exact() {
        // The left side reads the verdict (known only at the end); the
        // right side is settled once q1 is answered.
        let text = BRANCHY.replace(
            "invariant \"young people are referred\"",
            "invariant \"only a clear no to q1 is not referred\" { verdict != refer => q1 in [no] }\ninvariant \"young people are referred\"",
        );
        let flow = flow(&text);
        let invariant = &flow.invariants()[1];
        assert_eq!(invariant.text, "only a clear no to q1 is not referred");
        let prover = Prover::new(&flow).unwrap();
        let result = prove(&prover, invariant).unwrap();
        let broken = result.broken.expect("q1=yes or unsure can end in treat");
        assert_eq!(
            broken.breaking_paths.to_string(),
            brute_force_breaking(&flow, 1).to_string()
        );
        let given: HashMap<_, _> = broken.answers.iter().cloned().collect();
        let session = Session::replay(&flow, &given);
        assert_eq!(session.current_index(), broken.outcome);
        assert!(!session.satisfies(invariant));
        // Focused, the walks that said no to q1 are gone after it.
        let watched = [&invariant.when, &invariant.then];
        let focused = prover.shortest(&watched, Some(invariant)).unwrap();
        let whole = prover.shortest(&watched, None).unwrap();
        let states = |e: &Exploration| -> usize {
            (0..flow.nodes().len()).map(|n| e.entries(n).len()).sum()
        };
        assert!(states(&focused) < states(&whole));
    }

    #[test]
    fn settled_parts_are_kept_as_their_truth_and_counts_stay_exact() {
        // Issue 27: `(f1 or f2) and (f3 or f4) and (f5 or f6)` over facts
        // set one question each, then a tail: each settled pair is kept as
        // its truth, not as the three ways it can hold.
        let mut header = String::from("flow t \"T\" { version \"1\" start a.q1 }\n");
        let mut text = String::new();
        for i in 1..=6 {
            header.push_str(&format!("fact f{i}: bool\n"));
            text.push_str(&format!(
                "question q{i} {{ ask \"{i}?\" yes -> next set f{i} no -> next unsure -> next set f{i} }}\n"
            ));
        }
        text.push_str(
            "question t1 { ask \"T1?\" yes -> next no -> next }
question t2 { ask \"T2?\" yes -> last no -> last }
question last { ask \"Last?\" yes -> referred no -> fine }
outcome referred { verdict refer urgent title \"Referred\" }
outcome fine { verdict treat title \"Fine\" }
invariant \"pairs refer\" { (f1 or f2) and (f3 or not f4) and (f5 or f6) => verdict == refer }
",
        );
        let flow = compile(&folder(&[("h.flow", &header), ("a.flow", &text)]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let invariant = &flow.invariants()[0];
        let prover = Prover::new(&flow).unwrap();
        let result = prove(&prover, invariant).unwrap();
        let broken = result.broken.expect("last=no breaks it");
        let breaking = brute_force_breaking(&flow, 0);
        assert_eq!(broken.breaking_paths.to_string(), breaking.to_string());
        // 8 of the 9 answers to a pair hold it; 7 to the second (`f3 or not
        // f4` is false for f3 no and f4 yes or unsure): (8 * 7 * 8) * 2 * 2
        // walks end at `fine`.
        assert_eq!(breaking, 8 * 7 * 8 * 2 * 2);
        let given: HashMap<_, _> = broken.answers.iter().cloned().collect();
        let session = Session::replay(&flow, &given);
        assert_eq!(session.current_index(), broken.outcome);
        assert!(!session.satisfies(invariant));
        assert_eq!(broken.answers.len(), 9);
        // At the end each pair is one truth: one state, where keeping the
        // facts holds each set or not: 2^6.
        let watched = [&invariant.when, &invariant.then];
        let focused = prover.run(&watched, Some(invariant)).unwrap();
        let fine = flow.find("a.fine").unwrap().index();
        assert_eq!(focused.entries(fine).len(), 1);
        let whole = prover.run(&watched, None).unwrap();
        assert_eq!(whole.entries(fine).len(), 64);
        assert_eq!(verify(&flow).unwrap().paths, whole.paths());
    }

    const NAMED: &str = r#"
question q1 { ask "Which?" multiple
  answer a "A"
  answer b "B"
  answer c "C" set f
  answer d "D"
  then -> q2 }
question q2 { ask "Two?" yes -> route no -> route }
decide route { when f -> referred otherwise -> fine }
outcome referred { verdict refer urgent title "Referred" }
outcome fine { verdict treat title "Fine" }
invariant "a, b or d is never treated" { q1 in [a, b, d] => verdict != treat }
"#;

    #[test]
    fn a_watched_answer_keeps_only_what_the_invariant_tells_apart() {
        let flow = flow(NAMED);
        let prover = Prover::new(&flow).unwrap();
        let invariant = &flow.invariants()[0];
        let explored = prover
            .run(&[&invariant.when, &invariant.then], None)
            .unwrap();
        // Every subset of a, b and d reaches `fine`: 7 answers, one state,
        // since the invariant only asks whether one of them was chosen.
        let fine = flow.find("a.fine").unwrap().index();
        assert_eq!(explored.entries(fine).len(), 1);
        assert_eq!(explored.entries(fine)[0].count, BigUint::from(7u8 * 2));
        // Counted exactly all the same.
        let verification = verify(&flow).unwrap();
        let broken = verification.invariants[0].broken.as_ref().unwrap();
        let breaking = brute_force_breaking(&flow, 0);
        assert_eq!(broken.breaking_paths.to_string(), breaking.to_string());
        assert_eq!(breaking, 7 * 2);
        assert_eq!(broken.answers_arg(&flow), "q1=a,q2=yes");
    }

    const SCREEN: &str = r#"
question q1 { ask "Which apply?" multiple
  answer a "A"
  answer b "B"
  answer c "C"
  answer d "D"
  answer e "E" set f
  answer none "None"
  then -> route }
decide route {
  when q1 in [a, b] -> referred
  when q1 in [c]    -> routine_end
  otherwise         -> q2
}
question q2 { ask "Two?" yes -> fine no -> fine }
outcome referred { verdict refer urgent title "Referred" }
outcome routine_end { verdict refer routine title "Routine" }
outcome fine { verdict treat title "Fine" }
invariant "c refers urgently" { q1 in [c] => urgency >= urgent }
invariant "d with e is referred" { q1 in [d] and f => verdict == refer }
"#;

    #[test]
    fn a_screen_steers_walks_by_what_its_conditions_tell_apart_and_counts_stay_exact() {
        let flow = flow(SCREEN);
        let prover = Prover::new(&flow).unwrap();
        let q1 = flow.find("a.q1").unwrap().index();
        // a, b, c, d are named and e sets f; a and b are in the same lists
        // (`in [a, b]`), so they are one group: 16 classes of answers, not
        // 32; a walk watching nothing tells apart only `in [a, b]` and `in [c]`.
        let Moves::Question { answers, .. } = &prover.moves[q1] else {
            panic!("q1 is a question")
        };
        assert_eq!(answers.len(), 16);
        let layout = prover.layout(&[]);
        assert_eq!(layout.answers(q1).map(<[_]>::len), Some(4));
        let (total, _) = brute_force(&flow);
        let verification = verify(&flow).unwrap();
        assert_eq!(verification.paths.to_string(), total.to_string());
        // With a or b: 48 subsets; c without them: 8; the 7 others go on to q2.
        assert_eq!(total, 48 + 8 + 7 * 2);
        for (index, result) in verification.invariants.iter().enumerate() {
            let broken = result.broken.as_ref().expect("both are broken");
            let breaking = brute_force_breaking(&flow, index);
            assert_eq!(broken.breaking_paths.to_string(), breaking.to_string());
            let given: HashMap<_, _> = broken.answers.iter().cloned().collect();
            let session = Session::replay(&flow, &given);
            assert_eq!(session.current_index(), broken.outcome);
            assert!(!session.satisfies(&flow.invariants()[index]));
        }
        // The first answer of each merged class, as before the merge.
        let first = verification.invariants[0].broken.as_ref().unwrap();
        assert_eq!(first.answers_arg(&flow), "q1=c");
        let second = verification.invariants[1].broken.as_ref().unwrap();
        assert_eq!(second.answers_arg(&flow), "q1=d+e,q2=yes");
    }

    #[test]
    fn the_mini_invariant_holds_on_every_path() {
        let flow = compile(&mini()).unwrap();
        let verification = verify(&flow).unwrap();
        assert!(verification.holds());
        // saddle: yes, unsure (2 paths) or no -> age: <16 (1) or 16 and over
        // (2 intervals) x bones 2 x radiation 3 x worse 7.
        assert_eq!(verification.paths, BigUint::from(2u32 + 1 + 2 * 2 * 3 * 7));
    }

    #[test]
    fn a_downgraded_emergency_is_caught_with_the_shortest_path() {
        let mut flow = compile(&mini()).unwrap();
        let emergency = flow.find("emergency").unwrap();
        if let NodeKind::Outcome(outcome) = &mut flow.node_mut(emergency).kind {
            outcome.verdict = crate::compile::Verdict::Refer(crate::compile::Urgency::Routine);
        }
        let verification = verify(&flow).unwrap();
        assert!(!verification.holds());
        let broken = verification.invariants[0].broken.as_ref().unwrap();
        assert_eq!(broken.answers_arg(&flow), "saddle=yes");
        assert_eq!(broken.breaking_paths, BigUint::from(2u8));
        assert!(
            verification
                .text(&flow)
                .contains("FAIL outcomes.flow:35:1: \"saddle numbness refers now\""),
            "{}",
            verification.text(&flow)
        );
    }
}
