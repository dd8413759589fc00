//! Questions, decide nodes and outcomes: targets resolved, forms and verdicts checked.

use compact_str::CompactString;

use super::compile_condition::expr_text;
use super::compiler::{Compiler, Context, checked_fact_value};
use super::flow::*;
use super::{Domain, Value};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::syntax::ast::{self, NodeKindDecl};

impl Compiler<'_> {
    // ------------------------------------------------------------ nodes

    pub(super) fn node(&mut self, index: usize, sections: &[((usize, usize), Section)]) -> Node {
        let (file, decl) = self.decls[index];
        let common = &decl.common;
        let section = decl
            .section
            .and_then(|local| sections.iter().position(|(key, _)| *key == (file, local)));
        let kind = match &decl.kind {
            NodeKindDecl::Question(question) => {
                NodeKind::Question(self.question(index, file, decl, question))
            }
            NodeKindDecl::Decide(decide) => {
                NodeKind::Decide(self.decide(index, file, decl, decide))
            }
            NodeKindDecl::Outcome(outcome) => NodeKind::Outcome(self.outcome(decl, outcome)),
        };
        Node {
            id: self.names.ids[index].as_str().into(),
            local_start: local_start(&self.names.ids[index], decl.name.text),
            section,
            clinical: common.clinical.as_ref().map(|t| t.text.as_ref().into()),
            why: common.why.as_ref().map(|t| t.text.as_ref().into()),
            sources: common
                .sources
                .iter()
                .map(|s| SourceRef {
                    document: s.document.text.as_ref().into(),
                    part: s.part.as_ref().map(|p| p.text.as_ref().into()),
                })
                .collect(),
            tags: common.tags.iter().map(|t| t.text.into()).collect(),
            span: decl.name.span,
            kind,
        }
    }

    fn target(&mut self, name: &ast::Name, file: usize, from: usize) -> usize {
        match self.names.resolve(name, self.namespace(file), Some(from)) {
            Ok(target) => target,
            Err(error) => {
                self.errors.push(error);
                usize::MAX
            }
        }
    }

    fn step(&mut self, step: &ast::Step, file: usize, from: usize) -> Step {
        Step {
            target: self.target(&step.target, file, from),
            effects: self.effects(&step.effects),
        }
    }

    fn effects(&mut self, effects: &[ast::Effect]) -> Vec<Effect> {
        // Sized up front: collecting a filter grows the list to four at its
        // first effect, and a large folder holds millions of these lists.
        let mut compiled = Vec::with_capacity(effects.len());
        compiled.extend(effects.iter().filter_map(|effect| self.effect(effect)));
        compiled
    }

    fn effect(&mut self, effect: &ast::Effect) -> Option<Effect> {
        match effect {
            ast::Effect::Note { lay, therapist } => Some(Effect::Note(Note {
                lay: lay.text.to_string(),
                therapist: therapist.as_ref().map(|t| t.text.to_string()),
            })),
            ast::Effect::Finding(text) => Some(Effect::Finding(text.text.to_string())),
            ast::Effect::Set { fact, value } => {
                let index = self.fact(fact)?;
                // Borrowed, not cloned: an enum's words would be copied per effect.
                let domain = &self.facts[index].domain;
                let value = match value {
                    Some(value) => match checked_fact_value(domain, fact.text, value) {
                        Ok(value) => value,
                        Err(error) => {
                            self.errors.push(error);
                            return None;
                        }
                    },
                    None if *domain == Domain::Bool => Value::Bool(true),
                    None => {
                        self.errors.push(
                            Diagnostic::error(
                                "E006",
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
        }
    }

    fn fact(&mut self, name: &ast::Name) -> Option<usize> {
        if let Some(&index) = self.fact_ids.get(name.text) {
            return Some(index);
        }
        let hint = did_you_mean(name.text, self.fact_ids.keys().map(String::as_str))
            .or_else(|| Some(format!("declare it: `fact {}: bool`", name.text)));
        self.errors.push(
            Diagnostic::error(
                "E005",
                name.span,
                format!("fact `{}` is not declared", name.text),
            )
            .with_label("unknown fact")
            .with_hint(hint),
        );
        None
    }

    fn question(
        &mut self,
        index: usize,
        file: usize,
        decl: &ast::NodeDecl,
        question: &ast::QuestionDecl,
    ) -> Question {
        let name = &decl.name;
        let ask = match &question.ask {
            Some(ask) => ask.text.as_ref().into(),
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E007",
                        name.span,
                        format!("question `{}` has no `ask`", name.text),
                    )
                    .with_label("nothing to ask")
                    .with_hint(Some(
                        "add `ask \"...\"` with the words a person reads".into(),
                    )),
                );
                CompactString::default()
            }
        };
        let form = self.form(name, question);
        let mut answers = Vec::with_capacity(question.arms.len());
        for arm in &question.arms {
            let (id, default_label) = match &arm.key {
                ast::ArmKey::YesNo(word) => {
                    (CompactString::from(word.text), yes_no_label(word.text))
                }
                ast::ArmKey::Answer(id) => (CompactString::from(id.text), CompactString::default()),
            };
            if answers.iter().any(|a: &Answer| a.id == id) {
                self.errors.push(
                    Diagnostic::error("E003", arm.span, format!("answer `{id}` is given twice"))
                        .with_label("second arm for the same answer")
                        .with_hint(Some("keep one arm per answer".into())),
                );
                continue;
            }
            let target = match (&arm.target, form) {
                (Some(target), Form::Multiple) => {
                    self.errors.push(
                        Diagnostic::error(
                            "E007",
                            target.span,
                            "answers of a `multiple` question have no target",
                        )
                        .with_label("several answers can be chosen at once")
                        .with_hint(Some(
                            "remove `-> ...` and give the question `then -> ...`".into(),
                        )),
                    );
                    None
                }
                (Some(target), _) => Some(self.target(target, file, index)),
                (None, Form::Multiple) => None,
                (None, _) => {
                    self.errors.push(
                        Diagnostic::error("E004", arm.span, format!("answer `{id}` has no target"))
                            .with_label("where does this answer lead?")
                            .with_hint(Some("add `-> next` or `-> some_node`".into())),
                    );
                    None
                }
            };
            answers.push(Answer {
                id,
                label: arm
                    .label
                    .as_ref()
                    .map_or(default_label, |l| l.text.as_ref().into()),
                synonyms: arm
                    .synonyms
                    .iter()
                    .map(|s| s.text.as_ref().into())
                    .collect(),
                target,
                effects: self.effects(&arm.effects),
            });
        }
        if form == Form::YesNo {
            for required in ["yes", "no"] {
                if !answers.iter().any(|a| a.id == required) {
                    self.errors.push(
                        Diagnostic::error(
                            "E004",
                            name.span,
                            format!("question `{}` has no `{required}` answer", name.text),
                        )
                        .with_label(format!("a person could answer {required} here"))
                        .with_hint(Some(format!("add `{required} -> ...`"))),
                    );
                }
            }
        }
        let then = match (&question.then, form) {
            (Some(then), Form::Multiple | Form::Number) => Some(self.step(then, file, index)),
            (None, Form::Multiple | Form::Number) => {
                self.errors.push(
                    Diagnostic::error(
                        "E004",
                        name.span,
                        format!("question `{}` has no `then`", name.text),
                    )
                    .with_label("the conversation stops here")
                    .with_hint(Some("add `then -> next`".into())),
                );
                None
            }
            (Some(then), _) => {
                self.errors.push(
                    Diagnostic::error(
                        "E007",
                        then.target.span,
                        "`then` is for multiple-choice and number questions",
                    )
                    .with_label("each answer has its own target here")
                    .with_hint(Some("remove `then`".into())),
                );
                None
            }
            (None, _) => None,
        };
        let skip = question.skip.as_ref().map(|(condition, target)| {
            let namespace = self.namespace(file);
            let condition = self.condition(condition, namespace, Context::Walk);
            Box::new((condition, self.target(target, file, index)))
        });
        let number = question.number.as_ref();
        let into = number
            .and_then(|spec| spec.into.as_ref())
            .and_then(|fact| self.number_fact(fact));
        Question {
            ask,
            form,
            answers,
            then,
            skip,
            range: number.map(|spec| (spec.min, spec.max)),
            unit: number
                .and_then(|spec| spec.unit.as_ref())
                .map(|u| u.text.to_string()),
            into,
        }
    }

    fn number_fact(&mut self, name: &ast::Name) -> Option<usize> {
        let index = self.fact(name)?;
        if matches!(self.facts[index].domain, Domain::Number { .. }) {
            Some(index)
        } else {
            self.errors.push(
                Diagnostic::error(
                    "E006",
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

    fn form(&mut self, name: &ast::Name, question: &ast::QuestionDecl) -> Form {
        let yes_no = question
            .arms
            .iter()
            .filter(|arm| matches!(arm.key, ast::ArmKey::YesNo(_)))
            .count();
        let choices = question.arms.len() - yes_no;
        let mixed = |this: &mut Self, why: &str| {
            this.errors.push(
                Diagnostic::error("E007", name.span, format!("question `{}` {why}", name.text))
                    .with_label("mixed answer kinds")
                    .with_hint(Some(
                        "a question is yes/no, single choice, multiple choice or a number".into(),
                    )),
            );
        };
        if question.number.is_some() {
            if !question.arms.is_empty() {
                mixed(self, "asks for a number but also lists answers");
            }
            return Form::Number;
        }
        if question.multiple.is_some() {
            if yes_no > 0 {
                mixed(self, "is `multiple` but has yes/no arms");
            }
            if choices == 0 {
                self.no_answers(name);
            }
            return Form::Multiple;
        }
        match (yes_no, choices) {
            (0, 0) => {
                self.no_answers(name);
                Form::Single
            }
            (_, 0) => Form::YesNo,
            (0, _) => Form::Single,
            _ => {
                mixed(self, "mixes yes/no arms with `answer` arms");
                Form::Single
            }
        }
    }

    fn no_answers(&mut self, name: &ast::Name) {
        self.errors.push(
            Diagnostic::error(
                "E004",
                name.span,
                format!("question `{}` has no answers", name.text),
            )
            .with_label("a person cannot answer this")
            .with_hint(Some(
                "add `yes -> ...` and `no -> ...`, or `answer id \"label\" -> ...`".into(),
            )),
        );
    }

    fn decide(
        &mut self,
        index: usize,
        file: usize,
        decl: &ast::NodeDecl,
        decide: &ast::DecideDecl,
    ) -> Decide {
        let namespace = self.namespace(file);
        let arms = decide
            .arms
            .iter()
            .map(|(condition, step)| DecideArm {
                condition: self.condition(condition, namespace, Context::Walk),
                text: expr_text(self.source, condition).into(),
                step: self.step(step, file, index),
            })
            .collect();
        let otherwise = match &decide.otherwise {
            Some(step) => self.step(step, file, index),
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E008",
                        decl.name.span,
                        format!("decide `{}` has no `otherwise`", decl.name.text),
                    )
                    .with_label("a path would end here without an outcome")
                    .with_hint(Some("add `otherwise -> ...` as the last arm".into())),
                );
                Step {
                    target: usize::MAX,
                    effects: Vec::new(),
                }
            }
        };
        Decide { arms, otherwise }
    }

    fn outcome(&mut self, decl: &ast::NodeDecl, outcome: &ast::OutcomeDecl) -> Outcome {
        let name = &decl.name;
        let (verdict, urgency) = match &outcome.verdict {
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E012",
                        name.span,
                        format!("outcome `{}` has no verdict", name.text),
                    )
                    .with_label("treat, modify or refer?")
                    .with_hint(Some(
                        "add `verdict treat`, `verdict modify` or `verdict refer urgent`".into(),
                    )),
                );
                (Verdict::Refer, Some(Urgency::Routine))
            }
            Some(v) => {
                let verdict = match v.kind {
                    ast::VerdictKind::Treat => Verdict::Treat,
                    ast::VerdictKind::Modify => Verdict::Modify,
                    ast::VerdictKind::Refer => Verdict::Refer,
                };
                match (verdict, v.urgency) {
                    (Verdict::Refer, None) => self.errors.push(
                        Diagnostic::error(
                            "E012",
                            v.span,
                            format!("refer outcome `{}` has no urgency", name.text),
                        )
                        .with_label("how soon must the person see a doctor?")
                        .with_hint(Some(
                            "write `verdict refer emergency`, `refer urgent` or `refer routine`"
                                .into(),
                        )),
                    ),
                    (Verdict::Treat | Verdict::Modify, Some(_)) => self.errors.push(
                        Diagnostic::error("E012", v.span, "only `refer` takes an urgency")
                            .with_label("urgency without referral")
                            .with_hint(Some(format!("write `verdict {}`", verdict.word()))),
                    ),
                    _ => {}
                }
                (verdict, v.urgency)
            }
        };
        let title = match &outcome.title {
            Some(title) => title.text.to_string(),
            None => {
                self.errors.push(
                    Diagnostic::error(
                        "E012",
                        name.span,
                        format!("outcome `{}` has no title", name.text),
                    )
                    .with_label("what does the person read first?")
                    .with_hint(Some("add `title \"...\"`".into())),
                );
                String::new()
            }
        };
        let texts = |texts: &[ast::Text]| texts.iter().map(|t| t.text.to_string()).collect();
        Outcome {
            verdict,
            urgency: if verdict == Verdict::Refer {
                urgency
            } else {
                None
            },
            title,
            plan: texts(&outcome.plan),
            avoid: texts(&outcome.avoid),
            selfcare: texts(&outcome.selfcare),
            safety: texts(&outcome.safety),
        }
    }
}

fn yes_no_label(word: &str) -> CompactString {
    CompactString::const_new(match word {
        "yes" => "Yes",
        "no" => "No",
        _ => "Not sure",
    })
}

/// Where `local` starts in the qualified `id` (`namespace.local`).
fn local_start(id: &str, local: &str) -> u32 {
    u32::try_from(id.len() - local.len()).unwrap_or(0)
}
