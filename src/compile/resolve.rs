//! The second half of building nodes: what a file's nodes name elsewhere
//! (targets, facts, the questions their conditions read), resolved once
//! every file's names are declared. See [`compile_node`](super::compile_node).

use super::compile_node::{Pending, PendingSet, Waiting, Way};
use super::compiler::{Compiler, Context, checked_fact_value};
use super::flow::*;
use super::symbol_table::Written;
use super::symbols::Meant;
use super::{Cond, Domain, Value};
use crate::diagnostic::{Diagnostic, DiagnosticKind, suggest_name};
use crate::syntax::ast;

impl<'s> Compiler<'s> {
    /// Fills in the targets, `set` effects and `into` facts file `file`'s
    /// `nodes` (numbered from `base`) left pending, or reports why it
    /// cannot, and frees those lists. Needs every node's name and every fact.
    pub(super) fn resolve_names(
        &mut self,
        file: usize,
        base: usize,
        nodes: &mut [Node],
        pending: &mut Pending<'s>,
    ) {
        let namespace = self.namespace(file);
        let text = &self.source.files[file].text;
        for Waiting { node, way, what } in std::mem::take(&mut pending.targets) {
            let name = ast::Name {
                text: text.get(what.range()).unwrap_or_default(),
                span: what,
            };
            let resolved =
                self.names
                    .resolve(&name, namespace, Some(NodeId::new(base + node as usize)));
            let written = if name.text == "next" {
                Written::Next
            } else {
                Written::Target
            };
            let meant = resolved
                .as_ref()
                .map_or(Meant::Nothing, |t| Meant::Node(*t));
            self.symbols.refer(what, written, meant);
            match resolved {
                Ok(target) => {
                    let from = NodeId::new(base + node as usize);
                    if target <= from {
                        self.backward.push((from, target, what));
                    }
                    if let Some(slot) = target_at(&mut nodes[node as usize], way) {
                        *slot = target;
                    }
                }
                Err(error) => self.errors.push(error),
            }
        }
        for Waiting { node, way, what } in std::mem::take(&mut pending.sets) {
            let Some(effect) = self.set(&what) else {
                continue;
            };
            let slot = effects_at(&mut nodes[node as usize], way)
                .and_then(|effects| effects.get_mut(what.effect as usize));
            if let Some(slot) = slot {
                *slot = effect;
            }
        }
        for Waiting { node, what, .. } in std::mem::take(&mut pending.into) {
            let fact = self.number_fact(&what);
            if let NodeKind::Question(question) = &mut nodes[node as usize].kind {
                match &mut question.kind {
                    QuestionKind::Number { into, .. } => *into = fact,
                    // Only a number question has an `into` to wait for.
                    QuestionKind::YesNo { .. }
                    | QuestionKind::Single { .. }
                    | QuestionKind::Multiple { .. } => {}
                }
            }
        }
    }

    /// Fills in the conditions file `file`'s nodes, from `base` on in
    /// `self.nodes`, left pending. Needs every node: a condition's values
    /// are checked against the answers of the question it reads.
    pub(super) fn resolve_conditions(
        &mut self,
        file: usize,
        base: usize,
        conditions: Vec<Waiting<ast::Expr<'s>>>,
    ) {
        let namespace = self.namespace(file);
        for Waiting { node, way, what } in conditions {
            let condition = self.condition(&what, namespace, Context::Walk);
            if let Some(slot) = condition_at(&mut self.nodes[base + node as usize], way) {
                *slot = condition;
            }
        }
    }

    /// A `set` effect with its fact found and its value checked.
    fn set(&mut self, set: &PendingSet) -> Option<Effect> {
        let PendingSet { fact, value, .. } = set;
        let index = self.fact(fact)?;
        // Borrowed, not cloned: an enum's words would be copied per effect.
        let domain = &self.facts[index].domain;
        let value = match value {
            Some(value) => match checked_fact_value(domain, fact.text, value) {
                Ok(checked) => {
                    self.refer_fact_value(index, value, Some(&checked));
                    checked
                }
                Err(error) => {
                    self.refer_fact_value(index, value, None);
                    self.errors.push(error);
                    return None;
                }
            },
            None if *domain == Domain::Bool => Value::Bool(true),
            None => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::WrongType,
                        fact.span,
                        format!("`set {}` needs a value", fact.text),
                    )
                    .with_label("not a true/false fact")
                    .with_hint(Some(format!(
                        "write `set {} = value`, where value is {}",
                        fact.text,
                        domain.describe()
                    ))),
                );
                return None;
            }
        };
        Some(Effect::Set { fact: index, value })
    }

    fn fact(&mut self, name: &ast::Name) -> Option<usize> {
        if let Some(&index) = self.fact_ids.get(name.text) {
            self.symbols
                .refer(name.span, Written::Fact, Meant::Fact(index));
            return Some(index);
        }
        self.symbols.refer(name.span, Written::Fact, Meant::Nothing);
        let fix = suggest_name(
            name.text,
            name.span,
            self.fact_ids.keys().map(String::as_str),
        );
        let hint = fix
            .is_none()
            .then(|| format!("declare it: `fact {}: bool`", name.text));
        self.errors.push(
            Diagnostic::new(
                DiagnosticKind::UndeclaredName,
                name.span,
                format!("fact `{}` is not declared", name.text),
            )
            .with_label("unknown fact")
            .with_hint(hint)
            .with_suggestions(fix),
        );
        None
    }

    fn number_fact(&mut self, name: &ast::Name) -> Option<usize> {
        let index = self.fact(name)?;
        if matches!(self.facts[index].domain, Domain::Number { .. }) {
            Some(index)
        } else {
            self.errors.push(
                Diagnostic::new(
                    DiagnosticKind::WrongType,
                    name.span,
                    format!("`{}` is not a number fact", name.text),
                )
                .with_label("a number cannot be stored here")
                .with_hint(Some(format!(
                    "declare it as `fact {}: number 0..120`",
                    name.text
                ))),
            );
            None
        }
    }
}

/// Where the target of `way` out of `node` is kept.
fn target_at(node: &mut Node, way: Way) -> Option<&mut NodeId> {
    match (&mut node.kind, way) {
        (NodeKind::Question(question), Way::Answer(index)) => question
            .answers_mut()
            .get_mut(index as usize)?
            .target
            .as_mut(),
        (NodeKind::Question(question), Way::Then) => Some(&mut question.then_mut()?.target),
        (NodeKind::Question(question), Way::Skip) => Some(&mut question.skip.as_mut()?.1),
        (NodeKind::Decide(decide), Way::Arm(index)) => {
            Some(&mut decide.arms.get_mut(index as usize)?.step.target)
        }
        (NodeKind::Decide(decide), Way::Otherwise) => Some(&mut decide.otherwise.target),
        _ => None,
    }
}

/// Where the effects of `way` out of `node` are kept.
fn effects_at(node: &mut Node, way: Way) -> Option<&mut [Effect]> {
    match (&mut node.kind, way) {
        (NodeKind::Question(question), Way::Answer(index)) => {
            Some(&mut question.answers_mut().get_mut(index as usize)?.effects)
        }
        (NodeKind::Question(question), Way::Then) => Some(&mut question.then_mut()?.effects),
        (NodeKind::Decide(decide), Way::Arm(index)) => {
            Some(&mut decide.arms.get_mut(index as usize)?.step.effects)
        }
        (NodeKind::Decide(decide), Way::Otherwise) => Some(&mut decide.otherwise.effects),
        _ => None,
    }
}

/// Where the condition guarding `way` out of `node` is kept.
fn condition_at(node: &mut Node, way: Way) -> Option<&mut Cond> {
    match (&mut node.kind, way) {
        (NodeKind::Question(question), Way::Skip) => Some(&mut question.skip.as_mut()?.0),
        (NodeKind::Question(question), Way::Applies) => question.applies.as_mut(),
        (NodeKind::Outcome(outcome), Way::Advice(index)) => {
            Some(&mut outcome.when.get_mut(index as usize)?.condition)
        }
        (NodeKind::Decide(decide), Way::Arm(index)) => {
            Some(&mut decide.arms.get_mut(index as usize)?.condition)
        }
        _ => None,
    }
}
