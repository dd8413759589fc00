//! W004, W008, E026: questions that cannot matter, questions asked twice in
//! the same words, and red flags that treat "not sure" more lightly than "yes"
//! (a clarifying red-flag question in between, whose own "yes" and "not sure"
//! route like the first "yes", is not lighter).

use std::collections::HashMap;

use super::flow_conditions::conditions;
use crate::compile::{Answer, Effect, Flow, NodeKind, Operand, Question, QuestionKind, YesNo};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// W004: every answer goes to the same place, none has an effect, and no
/// condition reads the answer: asking cannot change anything.
pub(super) fn pointless_questions(flow: &Flow) -> Vec<Diagnostic> {
    let mut read = vec![false; flow.nodes().len()];
    for (_, cond) in conditions(flow) {
        let mut operands = Vec::new();
        cond.operands(&mut operands);
        for operand in operands {
            if let Operand::Question(q) = operand
                && let Some(r) = read.get_mut(q.index())
            {
                *r = true;
            }
        }
    }
    let mut warnings = Vec::new();
    for (index, node) in flow.nodes().iter().enumerate() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        if read[index] || has_effect(question) || !same_target(question) {
            continue;
        }
        warnings.push(
            Diagnostic::new(
                DiagnosticKind::PointlessQuestion,
                node.span,
                format!("question `{}` cannot change anything", node.id),
            )
            .with_label("every answer leads to the same place, with no effect")
            .with_hint(Some(
                "route an answer elsewhere, give it an effect (`set`, `note`), read it in a condition, or remove the question".into(),
            )),
        );
    }
    warnings
}

fn has_effect(question: &Question) -> bool {
    question.into_fact().is_some() || question.answers().iter().any(|a| !a.effects.is_empty())
}

fn same_target(question: &Question) -> bool {
    match question.kind {
        QuestionKind::Multiple { .. } | QuestionKind::Number { .. } => return true,
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {}
    }
    let mut targets = question.answers().iter().map(|a| a.target);
    let first = targets.next();
    targets.all(|t| t == first.flatten())
}

/// W008: two questions with the same `ask` (ignoring case and spacing).
pub(super) fn duplicate_wording(flow: &Flow) -> Vec<Diagnostic> {
    let mut first_by_wording: HashMap<String, usize> = HashMap::new();
    let mut warnings = Vec::new();
    let mut wording = String::new();
    for (index, node) in flow.nodes().iter().enumerate() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        // Words joined by one space, lower case: built in one buffer, since
        // a large flow has a hundred thousand questions.
        wording.clear();
        for word in question.ask.split_whitespace() {
            if !wording.is_empty() {
                wording.push(' ');
            }
            if word.is_ascii() {
                wording.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                // Whole words: `to_lowercase` treats a final sigma specially.
                wording.push_str(&word.to_lowercase());
            }
        }
        match first_by_wording.get(&wording) {
            Some(&first) => {
                let other = &flow.nodes()[first];
                warnings.push(
                    Diagnostic::new(
                        DiagnosticKind::SameWording,
                        node.span,
                        format!(
                            "question `{}` asks the same as `{}`: \"{}\"",
                            node.id, other.id, question.ask
                        ),
                    )
                    .with_label(format!(
                        "same wording as `{}` at {}",
                        other.id,
                        flow.location(other.span)
                    ))
                    .with_hint(Some(
                        "ask once and read the answer (a fact or `skip when`), or reword one"
                            .into(),
                    )),
                );
            }
            None => {
                first_by_wording.insert(wording.clone(), index);
            }
        }
    }
    warnings
}

/// E026: a question tagged `red_flag` must treat "not sure" as "yes": same
/// target, same effects.
pub(super) fn red_flags_unsure(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in flow.nodes() {
        let NodeKind::Question(question) = &node.kind else {
            continue;
        };
        if !node.is_red_flag() {
            continue;
        }
        let Some(yes) = question.answer(YesNo::Yes.id()) else {
            continue;
        };
        let problem = match question.answer(YesNo::Unsure.id()) {
            None => "has no `unsure` answer",
            Some(unsure) if !routes_alike(yes, unsure) && !clarifies(flow, yes, unsure) => {
                "treats `unsure` differently from `yes`"
            }
            Some(_) => continue,
        };
        warnings.push(
            Diagnostic::new(
                DiagnosticKind::RedFlagUnsure,
                node.span,
                format!("red-flag question `{}` {problem}", node.id),
            )
            .with_label("\"not sure\" about a red flag must count as \"yes\"")
            .with_hint(Some(
                "write `unsure` with the same target and effects as `yes`".into(),
            )),
        );
    }
    warnings
}

/// Whether `unsure` leads to a clarifying red-flag question ("Can you take
/// your temperature now?") whose `yes` and `unsure` both go where `yes` does:
/// only a clear "no" there lets the walk on as if the flag were absent.
fn clarifies(flow: &Flow, yes: &Answer, unsure: &Answer) -> bool {
    let Some(target) = unsure.target else {
        return false;
    };
    if !effects_alike(yes, unsure) {
        return false;
    }
    let Some(step) = flow.nodes().get(target.index()) else {
        return false;
    };
    let (NodeKind::Question(clarifying), true) = (&step.kind, step.is_red_flag()) else {
        return false;
    };
    let alike = |id: YesNo| {
        clarifying
            .answer(id.id())
            .is_some_and(|a| routes_alike(yes, a))
    };
    alike(YesNo::Yes) && alike(YesNo::Unsure)
}

fn routes_alike(yes: &Answer, unsure: &Answer) -> bool {
    yes.target == unsure.target && effects_alike(yes, unsure)
}

fn effects_alike(yes: &Answer, unsure: &Answer) -> bool {
    yes.effects.len() == unsure.effects.len()
        && yes
            .effects
            .iter()
            .zip(&unsure.effects)
            .all(|pair| match pair {
                (Effect::Set { fact: a, value: x }, Effect::Set { fact: b, value: y }) => {
                    a == b && x == y
                }
                (Effect::Note(a), Effect::Note(b)) => a == b,
                (Effect::Finding(a), Effect::Finding(b)) => a == b,
                _ => false,
            })
}
