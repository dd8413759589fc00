//! One person's walk through the graph.

use std::collections::HashMap;
use std::fmt;

use super::check_back::{CheckBack, CheckReason, Heard, check_needed};
use super::mentions::{Mention, find_mention, to_offer};
use super::understand::{
    AnswerError, Understood, as_the_person, confirms, options_as_shown, starts_with_no, understand,
};
use crate::compile::{
    AnswerValue, Effect, Finding, Flow, Invariant, Node, NodeId, NodeKind, Note, Outcome, Question,
    QuestionKind, Step, Value, Verdict,
};
use crate::compile::{Lookup, eval};

/// How the walk left a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// The person answered.
    Answered(AnswerValue),
    /// The answer was already known (`skip when`).
    Skipped,
    /// A decide node took arm `Some(i)`, or `otherwise` (`None`).
    Decided(Option<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    pub node: NodeId,
    pub taken: Taken,
}

/// A fact's value and the path step that set it (`None`: its starting value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactState {
    pub value: Value,
    pub set_by: Option<usize>,
}

/// Where the walk stands.
#[derive(Debug, Clone, Copy)]
pub enum Current<'f> {
    Question {
        index: NodeId,
        node: &'f Node,
        question: &'f Question,
    },
    Outcome {
        index: NodeId,
        node: &'f Node,
        outcome: &'f Outcome,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// The question was not answered on the current path.
    NotAnswered(String),
    Invalid(AnswerError),
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeError::NotAnswered(id) => write!(
                f,
                "`{id}` has not been answered yet, so there is nothing to change."
            ),
            ChangeError::Invalid(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ChangeError {}

/// The state of one assessment over an immutable [`Flow`].
#[derive(Debug, Clone)]
pub struct Session<'f> {
    flow: &'f Flow,
    path: Vec<PathStep>,
    facts: Vec<Option<FactState>>,
    notes: Vec<(usize, &'f Note)>,
    findings: Vec<(usize, &'f Finding)>,
    current: NodeId,
    /// Answers given up front (`run --answers`) to questions this walk did
    /// not reach: what the person told us, kept so that a warning sign they
    /// reported is still shown after an earlier answer ended the walk.
    also_told: Vec<(NodeId, AnswerValue)>,
    /// A reading of typed text held back until the person says it is right.
    check: Option<CheckBack>,
    /// Findings mentioned in passing while answering other questions.
    mentions: Vec<Mention>,
}

impl<'f> Session<'f> {
    /// A new assessment, standing at the first question.
    pub fn new(flow: &'f Flow) -> Session<'f> {
        let mut session = Session {
            flow,
            path: Vec::new(),
            facts: flow
                .facts()
                .iter()
                .map(|fact| {
                    fact.initial.clone().map(|value| FactState {
                        value,
                        set_by: None,
                    })
                })
                .collect(),
            notes: Vec::new(),
            findings: Vec::new(),
            current: flow.start(),
            also_told: Vec::new(),
            check: None,
            mentions: Vec::new(),
        };
        session.settle(&HashMap::new());
        session
    }

    /// Walks as far as the `given` answers reach, wherever they were given.
    pub fn replay(flow: &'f Flow, given: &HashMap<NodeId, AnswerValue>) -> Session<'f> {
        let mut session = Session::new(flow);
        session.settle(given);
        session
    }

    /// Like [`Session::replay`], and keeps the answers the walk did not
    /// reach (see [`Session::also_told`]): for answers given all at once.
    pub fn from_answers(flow: &'f Flow, given: &HashMap<NodeId, AnswerValue>) -> Session<'f> {
        let mut session = Session::replay(flow, given);
        let used: std::collections::HashSet<NodeId> = session.answers().map(|(q, _)| q).collect();
        let mut also: Vec<(NodeId, AnswerValue)> = given
            .iter()
            .filter(|(q, _)| !used.contains(q))
            .map(|(q, v)| (*q, v.clone()))
            .collect();
        also.sort_by_key(|(q, _)| *q);
        session.also_told = also;
        session
    }

    /// Answers given for questions this walk did not reach, in node order.
    pub fn also_told(&self) -> &[(NodeId, AnswerValue)] {
        &self.also_told
    }

    pub fn flow(&self) -> &'f Flow {
        self.flow
    }

    pub fn current(&self) -> Current<'f> {
        let node = self.flow.node(self.current);
        match &node.kind {
            NodeKind::Outcome(outcome) => Current::Outcome {
                index: self.current,
                node,
                outcome,
            },
            NodeKind::Question(question) => Current::Question {
                index: self.current,
                node,
                question,
            },
            // `settle` only stops on questions and outcomes, and the compiled
            // graph is acyclic, so the walk never rests on a decide node.
            NodeKind::Decide(_) => unreachable!("the walk rested on decide node {}", node.id),
        }
    }

    pub fn current_index(&self) -> NodeId {
        self.current
    }

    /// How many questions have been answered.
    pub fn answered(&self) -> usize {
        self.answers().count()
    }

    pub fn is_complete(&self) -> bool {
        matches!(self.current(), Current::Outcome { .. })
    }

    /// The outcome reached, if the walk is complete.
    pub fn outcome(&self) -> Option<&'f Outcome> {
        self.flow.outcome(self.current)
    }

    pub fn path(&self) -> &[PathStep] {
        &self.path
    }

    /// The answers given, in the order asked.
    pub fn answers(&self) -> impl Iterator<Item = (NodeId, &AnswerValue)> {
        self.path.iter().filter_map(|step| match &step.taken {
            Taken::Answered(value) => Some((step.node, value)),
            _ => None,
        })
    }

    pub fn answer_to(&self, question: NodeId) -> Option<&AnswerValue> {
        self.answers().find(|(q, _)| *q == question).map(|(_, v)| v)
    }

    pub fn facts(&self) -> &[Option<FactState>] {
        &self.facts
    }

    /// Notes collected so far, with the path step that added each.
    pub fn notes(&self) -> &[(usize, &'f Note)] {
        &self.notes
    }

    /// Therapist findings collected so far.
    pub fn findings(&self) -> &[(usize, &'f Finding)] {
        &self.findings
    }

    /// Reads typed text as an answer to the current question and records
    /// it, or holds it back and asks whether it was read right (see
    /// [`crate::engine::CheckBack`]). While a check-back is open, a plain yes
    /// records the reading held back and a plain no drops it; anything else
    /// is read afresh as the answer.
    pub fn answer_text(&mut self, input: &str) -> Result<Heard, AnswerError> {
        if let Some(check) = &self.check
            && let Some(right) = confirms(input)
        {
            let check = check.clone();
            self.check = None;
            return match (right, check.reason) {
                (false, CheckReason::Mentioned) => Ok(self.offer_mention(Heard::Declined)),
                (false, _) => Err(AnswerError::NotConfirmed),
                (true, _) => {
                    self.record(check.question, check.value.clone())?;
                    Ok(self.offer_mention(Heard::Recorded(Understood::settled(check.value))))
                }
            };
        }
        // A finding mentioned earlier, asked about before its question is
        // shown: a reply that is not a plain yes or no cannot be the
        // answer to the question the walk stands at, which was not asked.
        if let Some(check) = &self.check
            && check.question != self.current
        {
            if starts_with_no(input) {
                self.check = None;
                return Ok(self.offer_mention(Heard::Declined));
            }
            return Err(AnswerError::NoMatch {
                input: input.to_string(),
                options: vec!["1) Yes".into(), "2) No".into()],
            });
        }
        let understood = match self.understand(input) {
            // "?" at a check-back: it stays open while help is shown.
            Err(AnswerError::HelpWanted) => return Err(AnswerError::HelpWanted),
            read => {
                self.check = None;
                read?
            }
        };
        if let Some(mention) = find_mention(self, input) {
            self.mentions.push(mention);
        }
        if let Some(reason) = check_needed(self, &understood, input) {
            let check = CheckBack {
                question: self.current,
                value: understood.into_value(),
                reason,
                said: input.trim().to_string(),
            };
            self.check = Some(check.clone());
            return Ok(Heard::CheckBack(check));
        }
        self.answer(understood.value().clone())?;
        Ok(self.offer_mention(Heard::Recorded(understood)))
    }

    /// Records `value` for `question`: the current question's answer, or
    /// one told ahead (a finding mentioned earlier), used when the walk
    /// reaches its question and shown in the result if it never does.
    fn record(&mut self, question: NodeId, value: AnswerValue) -> Result<(), AnswerError> {
        if question == self.current {
            return self.answer(value);
        }
        self.also_told.retain(|(q, _)| *q != question);
        self.also_told.push((question, value));
        self.also_told.sort_by_key(|(q, _)| *q);
        Ok(())
    }

    /// Opens a check-back for a mention to ask about now, if any (see
    /// [`Mention`]); `heard` is what the answer just given became.
    fn offer_mention(&mut self, heard: Heard) -> Heard {
        if self.check.is_none()
            && !self.is_complete()
            && let Some(at) = to_offer(self)
        {
            let mention = &mut self.mentions[at];
            mention.offered = true;
            if let Some(value) = mention.value.clone() {
                self.check = Some(CheckBack {
                    question: mention.question,
                    value,
                    reason: CheckReason::Mentioned,
                    said: mention.said.clone(),
                });
            }
        }
        heard
    }

    /// Whether someone is answering for the person in pain: a fact that
    /// `means someone_else` holds.
    pub fn for_someone_else(&self) -> bool {
        (self.flow.facts().iter().zip(&self.facts)).any(|(fact, state)| {
            fact.someone_else && state.as_ref().is_some_and(|s| s.value == Value::Bool(true))
        })
    }

    /// Findings mentioned in passing, in the order said.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// Keeps words said earlier about `question` (a front end that holds no
    /// state between steps brings them back): shown with the questions they
    /// speak of and listed on the result, never offered as an answer again.
    pub fn keep_mention(&mut self, question: NodeId, said: &str) {
        if self.flow.question(question).is_none() || said.trim().is_empty() {
            return;
        }
        self.mentions.push(Mention {
            question,
            value: None,
            said: crate::printable::printable(said.trim(), 120),
            offered: true,
        });
    }

    /// Words said earlier about the current question that do not answer it
    /// ("my pee's been red"): a front end shows them with the question.
    pub fn said_earlier(&self) -> Option<&str> {
        super::mentions::said_about_here(self)
    }

    /// The reading waiting for the person to say it is right, if any.
    pub fn pending_check(&self) -> Option<&CheckBack> {
        self.check.as_ref()
    }

    /// Reads typed text as an answer to the current question, without
    /// recording it.
    pub fn understand(&self, input: &str) -> Result<Understood, AnswerError> {
        let Current::Question { node, question, .. } = self.current() else {
            return Err(AnswerError::Complete);
        };
        // Answering for someone: "my mum" in the answers is the person.
        if self.for_someone_else() {
            return understand(node, question, &as_the_person(input));
        }
        understand(node, question, input)
    }

    /// Answers the current question. The state is unchanged on error.
    pub fn answer(&mut self, value: AnswerValue) -> Result<(), AnswerError> {
        let Current::Question {
            index, question, ..
        } = self.current()
        else {
            return Err(AnswerError::Complete);
        };
        let value = normalize(question, value);
        validate(question, &value)?;
        self.check = None;
        self.apply_answer(index, question, value);
        let ahead: HashMap<NodeId, AnswerValue> = self.also_told.iter().cloned().collect();
        self.settle(&ahead);
        let on_path: Vec<NodeId> = self.answers().map(|(q, _)| q).collect();
        self.also_told.retain(|(q, _)| !on_path.contains(q));
        Ok(())
    }

    /// Undoes the last answer; returns the question it was for.
    pub fn back(&mut self) -> Option<NodeId> {
        let last = self
            .path
            .iter()
            .rposition(|step| matches!(step.taken, Taken::Answered(_)))?;
        let question = self.path[last].node;
        let given: HashMap<NodeId, AnswerValue> = self
            .answers()
            .filter(|(q, _)| *q != question)
            .map(|(q, v)| (q, v.clone()))
            .collect();
        let (ahead, mentions) = (self.also_told.clone(), self.mentions.clone());
        *self = Session::replay(self.flow, &given);
        self.also_told = ahead;
        self.mentions = mentions;
        Some(question)
    }

    /// Changes an earlier answer and replays the rest. Later answers that still
    /// apply are kept; the questions whose answers no longer apply are returned.
    pub fn change(&mut self, question: NodeId, input: &str) -> Result<Vec<NodeId>, ChangeError> {
        let id = || self.flow.short_id(question).to_string();
        if self.answer_to(question).is_none() {
            return Err(ChangeError::NotAnswered(id()));
        }
        let Some(q) = self.flow.question(question) else {
            return Err(ChangeError::NotAnswered(id()));
        };
        let value = understand(self.flow.node(question), q, input)
            .map_err(ChangeError::Invalid)?
            .into_value();
        let before: Vec<NodeId> = self.answers().map(|(q, _)| q).collect();
        *self = self.with_answer(question, value);
        let dropped = before
            .into_iter()
            .filter(|q| self.answer_to(*q).is_none())
            .collect();
        Ok(dropped)
    }

    /// What the session would become with another answer to an earlier
    /// question; this session is not touched.
    pub fn what_if(
        &self,
        question: NodeId,
        input: &str,
    ) -> Result<(Session<'f>, Vec<NodeId>), ChangeError> {
        let mut other = self.clone();
        let dropped = other.change(question, input)?;
        Ok((other, dropped))
    }

    pub fn restart(&mut self) {
        *self = Session::new(self.flow);
    }

    /// Whether an invariant holds for this (complete) session.
    pub fn satisfies(&self, invariant: &Invariant) -> bool {
        !eval(&invariant.when, self) || eval(&invariant.then, self)
    }

    fn apply_answer(&mut self, index: NodeId, question: &'f Question, value: AnswerValue) {
        let step = self.path.len();
        let mut next = question.then();
        match &value {
            AnswerValue::Number(n) => {
                if let Some(fact) = question.into_fact() {
                    self.facts[fact] = Some(FactState {
                        value: Value::Number(*n),
                        set_by: Some(step),
                    });
                }
            }
            AnswerValue::Choice(_) | AnswerValue::Many(_) => {
                for choice in value.choices() {
                    if let Some(answer) = question.answer(choice) {
                        self.apply(&answer.effects, step);
                        if let Some(target) = answer.target {
                            self.current = target;
                        }
                    }
                }
            }
        }
        self.path.push(PathStep {
            node: index,
            taken: Taken::Answered(value),
        });
        if let Some(then) = next.take() {
            self.follow(then, step);
        }
    }

    fn follow(&mut self, step: &'f Step, at: usize) {
        self.apply(&step.effects, at);
        self.current = step.target;
    }

    fn apply(&mut self, effects: &'f [Effect], step: usize) {
        for effect in effects {
            match effect {
                Effect::Set { fact, value } => {
                    self.facts[*fact] = Some(FactState {
                        value: value.clone(),
                        set_by: Some(step),
                    })
                }
                Effect::Note(note) => self.notes.push((step, note)),
                Effect::Finding(text) => self.findings.push((step, text)),
            }
        }
    }

    /// Moves past decide nodes, known answers and `given` answers, stopping
    /// at the next question to ask or at an outcome.
    fn settle(&mut self, given: &HashMap<NodeId, AnswerValue>) {
        let flow = self.flow;
        // The compiler refuses cycles; the bound keeps a bug from hanging a person.
        for _ in 0..=flow.nodes().len() {
            let here = self.current;
            match &flow.node(here).kind {
                NodeKind::Outcome(_) => return,
                NodeKind::Decide(decide) => {
                    let step = self.path.len();
                    let arm = decide
                        .arms
                        .iter()
                        .position(|arm| eval(&arm.condition, self));
                    self.path.push(PathStep {
                        node: here,
                        taken: Taken::Decided(arm),
                    });
                    let chosen = arm.map_or(&decide.otherwise, |i| &decide.arms[i].step);
                    self.follow(chosen, step);
                }
                NodeKind::Question(question) => {
                    if let Some((condition, target)) = question.skip.as_ref()
                        && eval(condition, self)
                    {
                        self.path.push(PathStep {
                            node: here,
                            taken: Taken::Skipped,
                        });
                        self.current = *target;
                        continue;
                    }
                    let value = given.get(&here).map(|v| normalize(question, v.clone()));
                    match value {
                        Some(value) if validate(question, &value).is_ok() => {
                            self.apply_answer(here, question, value)
                        }
                        _ => return,
                    }
                }
            }
        }
    }
}

/// One choice given to a multiple-choice question is a list of one.
fn normalize(question: &Question, value: AnswerValue) -> AnswerValue {
    match (&question.kind, value) {
        (QuestionKind::Multiple { .. }, AnswerValue::Choice(choice)) => {
            AnswerValue::Many(vec![choice])
        }
        (
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. }
            | QuestionKind::Number { .. },
            value,
        ) => value,
    }
}

/// Whether `value` is a possible answer to `question`.
fn validate(question: &Question, value: &AnswerValue) -> Result<(), AnswerError> {
    let no_match = |input: String| AnswerError::NoMatch {
        input,
        options: options_as_shown(question),
    };
    match (&question.kind, value) {
        (
            QuestionKind::Number {
                range: (min, max), ..
            },
            AnswerValue::Number(n),
        ) => {
            let (min, max) = (*min, *max);
            if *n < min || *n > max {
                return Err(AnswerError::OutOfRange {
                    value: *n,
                    min,
                    max,
                });
            }
            Ok(())
        }
        (QuestionKind::YesNo { .. } | QuestionKind::Single { .. }, AnswerValue::Choice(choice)) => {
            match question.answer(choice) {
                Some(_) => Ok(()),
                None => Err(no_match(choice.to_string())),
            }
        }
        (QuestionKind::Multiple { .. }, AnswerValue::Many(choices)) if !choices.is_empty() => {
            match choices.iter().find(|c| question.answer(c).is_none()) {
                Some(bad) => Err(no_match(bad.to_string())),
                None => Ok(()),
            }
        }
        (
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. }
            | QuestionKind::Number { .. },
            other,
        ) => Err(no_match(other.to_string())),
    }
}

impl Lookup for Session<'_> {
    fn fact(&self, fact: usize) -> Option<&Value> {
        self.facts.get(fact)?.as_ref().map(|state| &state.value)
    }

    fn answer_of(&self, question: NodeId) -> Option<&AnswerValue> {
        self.answer_to(question)
    }

    fn verdict(&self) -> Option<Verdict> {
        self.outcome().map(|o| o.verdict)
    }

    fn outcome_id(&self) -> Option<(&str, &str)> {
        self.flow.outcome(self.current)?;
        let node = self.flow.node(self.current);
        Some((&node.id, node.local()))
    }
}
