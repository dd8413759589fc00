//! Questions, decide nodes and outcomes, one file at a time, as soon as it
//! is parsed: forms and verdicts checked, texts copied. What a node names
//! elsewhere (targets, facts, the questions its conditions read) waits in
//! [`Pending`] until the whole folder's names are known
//! ([`resolve`](super::resolve)). A large folder's syntax trees then never
//! all exist at once: each file's are freed as soon as its nodes are built.

use super::compile_condition::expr_text;
use super::flow::*;
use super::{Cond, Value, YesNo};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, Suggestion};
use crate::source::KnowledgeSource;
use crate::syntax::ast::{self, NodeKindDecl};

/// Which way out of a node something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Way {
    /// The answer at this index of `Question::answers`.
    Answer(u32),
    Then,
    Skip,
    /// `applies when` (a condition, no way out).
    Applies,
    /// The `when` arm at this index of `Decide::arms`.
    Arm(u32),
    /// The condition at this index of an outcome's advice (`Outcome::when`).
    Advice(u32),
    Otherwise,
}

/// A node's way out and what it names there, waiting for the folder's names.
pub(super) struct Waiting<T> {
    /// The node's index in its file.
    pub(super) node: u32,
    pub(super) way: Way,
    pub(super) what: T,
}

/// A `set` effect, waiting for its fact to be known.
pub(super) struct PendingSet<'s> {
    /// Index into the way's effects, where a placeholder stands.
    pub(super) effect: u32,
    pub(super) fact: ast::Name<'s>,
    pub(super) value: Option<ast::Value<'s>>,
}

/// Everything a file's nodes name outside themselves. Placeholders stand in
/// the nodes (`NodeId::PENDING` targets, empty conditions) until it is resolved;
/// a folder with errors never gets that far.
#[derive(Default)]
pub(super) struct Pending<'s> {
    /// Where each target's name is written: its text is the source's there
    /// (a span is less than half the size of a name, and there are many).
    pub(super) targets: Vec<Waiting<Span>>,
    pub(super) sets: Vec<Waiting<PendingSet<'s>>>,
    /// Decide arms and `skip when`.
    pub(super) conditions: Vec<Waiting<ast::Expr<'s>>>,
    /// A number question's `into` fact (the way is `Then`).
    pub(super) into: Vec<Waiting<ast::Name<'s>>>,
    /// Every `change ID` a note or outcome writes, checked against the
    /// declared changes (`changes.rs`).
    pub(super) changes: Vec<ast::Name<'s>>,
}

/// One file's nodes, built.
pub(super) struct FileNodes<'s> {
    pub(super) file: usize,
    /// `section` still indexes the file's own sections.
    pub(super) nodes: Vec<Node>,
    pub(super) pending: Pending<'s>,
    pub(super) errors: Vec<Diagnostic>,
}

/// Builds one file's nodes, consuming their declarations.
pub(super) fn lower_file<'s>(
    source: &'s KnowledgeSource,
    file: usize,
    decls: Vec<ast::NodeDecl<'s>>,
) -> FileNodes<'s> {
    let mut lowering = FileLowering {
        source,
        file,
        namespace: &source.files[file].namespace,
        node: 0,
        pending: Pending::default(),
        errors: Vec::new(),
    };
    let mut nodes = Vec::with_capacity(decls.len());
    for decl in decls {
        lowering.node = u32::try_from(nodes.len()).unwrap_or(u32::MAX);
        nodes.push(lowering.node(decl));
    }
    FileNodes {
        file,
        nodes,
        pending: lowering.pending,
        errors: lowering.errors,
    }
}

struct FileLowering<'s> {
    source: &'s KnowledgeSource,
    file: usize,
    namespace: &'s str,
    /// The node being built, by its index in the file.
    node: u32,
    pending: Pending<'s>,
    errors: Vec<Diagnostic>,
}

impl<'s> FileLowering<'s> {
    fn node(&mut self, decl: ast::NodeDecl<'s>) -> Node {
        let ast::NodeDecl {
            name,
            section,
            common,
            kind,
            span: _,
        } = decl;
        let kind = match kind {
            NodeKindDecl::Question(question) => NodeKind::Question(self.question(&name, *question)),
            NodeKindDecl::Decide(decide) => NodeKind::Decide(self.decide(&name, decide)),
            NodeKindDecl::Outcome(outcome) => NodeKind::Outcome(self.outcome(&name, &outcome)),
        };
        let id = format!("{}.{}", self.namespace, name.text);
        Node {
            local_start: local_start(&id, name.text),
            id,
            section,
            clinical: common.clinical.as_ref().map(|t| t.text.as_ref().into()),
            why: common.why.as_ref().map(|t| t.text.as_ref().into()),
            sources: common
                .sources
                .iter()
                .map(|s| match s {
                    // Filled in from the declaration once every file is read.
                    ast::SourceRef::Declared(id) => SourceRef {
                        document: id.text.into(),
                        part: None,
                        id: Some(id.text.into()),
                        kind: None,
                        file: None,
                        cited_at: Some(id.span),
                    },
                    ast::SourceRef::InPlace { document, part } => SourceRef {
                        document: document.text.as_ref().into(),
                        part: part.as_ref().map(|p| p.text.as_ref().into()),
                        id: None,
                        kind: None,
                        file: None,
                        cited_at: None,
                    },
                })
                .collect(),
            tags: common.tags.iter().map(|t| t.text.into()).collect(),
            tag_spans: common.tags.iter().map(|t| t.span).collect(),
            marks: Marks::default(),
            span: name.span,
            kind,
        }
    }

    /// A placeholder target; the name waits for the folder's names.
    fn target(&mut self, name: ast::Name<'s>, way: Way) -> NodeId {
        debug_assert_eq!(
            self.source.files[self.file].text.get(name.span.range()),
            Some(name.text)
        );
        let node = self.node;
        self.pending.targets.push(Waiting {
            node,
            way,
            what: name.span,
        });
        NodeId::PENDING
    }

    fn step(&mut self, step: ast::Step<'s>, way: Way) -> Step {
        Step {
            target: self.target(step.target, way),
            effects: self.effects(step.effects, way),
        }
    }

    /// The effects in order, a placeholder standing for each `set` until
    /// its fact is known.
    fn effects(&mut self, effects: Vec<ast::Effect<'s>>, way: Way) -> Vec<Effect> {
        let mut compiled = Vec::with_capacity(effects.len());
        for effect in effects {
            compiled.push(match effect {
                ast::Effect::Note {
                    lay,
                    therapist,
                    changes,
                } => {
                    let ids = changes.iter().map(|c| c.text.to_string()).collect();
                    self.pending.changes.extend(changes);
                    Effect::Note(Note {
                        lay: lay.text.into_owned(),
                        therapist: therapist.map(|t| t.text.into_owned()),
                        changes: ids,
                    })
                }
                ast::Effect::Finding { text, roots } => {
                    Effect::Finding(super::Finding::lowered(text, roots))
                }
                ast::Effect::Set { fact, value } => {
                    let node = self.node;
                    let effect = u32::try_from(compiled.len()).unwrap_or(u32::MAX);
                    self.pending.sets.push(Waiting {
                        node,
                        way,
                        what: PendingSet {
                            effect,
                            fact,
                            value,
                        },
                    });
                    Effect::Set {
                        fact: usize::MAX,
                        value: Value::Bool(false),
                    }
                }
            });
        }
        compiled
    }

    fn question(&mut self, name: &ast::Name<'s>, question: ast::QuestionDecl<'s>) -> Question {
        let ask = match &question.ask {
            Some(ask) => ask.text.as_ref().into(),
            None => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::MissingPart,
                        name.span,
                        format!("question `{}` has no `ask`", name.text),
                    )
                    .with_label("nothing to ask")
                    .with_hint(Some(
                        "add `ask \"...\"` with the words a person reads".into(),
                    )),
                );
                String::new()
            }
        };
        let form = self.form(name, &question);
        let mut answers = Vec::with_capacity(question.arms.len());
        let mut spans = Vec::new();
        for arm in question.arms {
            let (id, default_label) = match &arm.key {
                ast::ArmKey::YesNo(word) => (String::from(word.text), yes_no_label(word.text)),
                ast::ArmKey::Answer(id) => (String::from(id.text), String::new()),
            };
            if answers.iter().any(|a: &Answer| a.id == id) {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::Duplicate,
                        arm.span,
                        format!("answer `{id}` is given twice"),
                    )
                    .with_label("second arm for the same answer")
                    .with_hint(Some("keep one arm per answer".into())),
                );
                continue;
            }
            let way = Way::Answer(u32::try_from(answers.len()).unwrap_or(u32::MAX));
            let target = match (arm.target, form) {
                (Some(target), Form::Multiple) => {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::QuestionShape,
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
                (Some(target), Form::YesNo | Form::Single | Form::Number) => {
                    Some(self.target(target, way))
                }
                (None, Form::Multiple) => None,
                (None, Form::YesNo | Form::Single | Form::Number) => {
                    self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::NoWayOn,
                            arm.span,
                            format!("answer `{id}` has no target"),
                        )
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
                within: arm.within.as_ref().and_then(|decl| {
                    match super::compile_within::within(decl, form) {
                        Ok(within) => {
                            spans.push((decl.span, within));
                            Some(within)
                        }
                        Err(error) => {
                            self.errors.push(error);
                            None
                        }
                    }
                }),
                target,
                effects: self.effects(arm.effects, way),
            });
        }
        self.errors
            .extend(super::compile_within::check_spans(&spans));
        let required: &[YesNo] = match form {
            Form::YesNo => &[YesNo::Yes, YesNo::No],
            Form::Single | Form::Multiple | Form::Number => &[],
        };
        for &required in required {
            if !answers.iter().any(|a| required.is_id(&a.id)) {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::MissingAnswer,
                        name.span,
                        format!("question `{}` has no `{required}` answer", name.text),
                    )
                    .with_label(format!("a person could answer {required} here"))
                    .with_hint(Some(format!("add `{required} -> ...`"))),
                );
            }
        }
        let then = match (question.then, form) {
            (Some(then), Form::Multiple | Form::Number) => Some(self.step(then, Way::Then)),
            (None, Form::Multiple | Form::Number) => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::NoWayOn,
                        name.span,
                        format!("question `{}` has no `then`", name.text),
                    )
                    .with_label("the conversation stops here")
                    .with_hint(Some("add `then -> next`".into())),
                );
                None
            }
            (Some(then), Form::YesNo | Form::Single) => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::QuestionShape,
                        then.target.span,
                        "`then` is for multiple-choice and number questions",
                    )
                    .with_label("each answer has its own target here")
                    .with_hint(Some("remove `then`".into())),
                );
                None
            }
            (None, Form::YesNo | Form::Single) => None,
        };
        let skip = question.skip.map(|(condition, target)| {
            self.condition(condition, Way::Skip);
            (Cond::Or(Vec::new()), self.target(target, Way::Skip))
        });
        let applies = question.applies.map(|condition| {
            self.condition(condition, Way::Applies);
            Cond::Or(Vec::new())
        });
        let number = question.number.as_ref();
        if let Some(fact) = number.and_then(|spec| spec.into.clone()) {
            let node = self.node;
            self.pending.into.push(Waiting {
                node,
                way: Way::Then,
                what: fact,
            });
        }
        // A missing `then` was reported: the compile fails, and until then
        // the question goes on to a placeholder.
        let then = then.unwrap_or(Step {
            target: NodeId::PENDING,
            effects: Vec::new(),
        });
        let kind = match (form, number) {
            (Form::YesNo, _) => QuestionKind::YesNo { answers },
            (Form::Single, _) => QuestionKind::Single { answers },
            (Form::Multiple, _) => QuestionKind::Multiple { answers, then },
            (Form::Number, number) => QuestionKind::Number {
                range: number.map_or((i64::MIN, i64::MAX), |spec| (spec.min, spec.max)),
                unit: number
                    .and_then(|spec| spec.unit.as_ref())
                    .map(|u| u.text.to_string()),
                into: None,
                then,
            },
        };
        Question {
            ask,
            skip,
            applies,
            kind,
        }
    }

    /// Conditions wait whole: what they read is anywhere in the folder.
    fn condition(&mut self, expr: ast::Expr<'s>, way: Way) {
        let node = self.node;
        self.pending.conditions.push(Waiting {
            node,
            way,
            what: expr,
        });
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
                Diagnostic::new(
                    DiagnosticKind::QuestionShape,
                    name.span,
                    format!("question `{}` {why}", name.text),
                )
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
            Diagnostic::new(
                DiagnosticKind::MissingAnswer,
                name.span,
                format!("question `{}` has no answers", name.text),
            )
            .with_label("a person cannot answer this")
            .with_hint(Some(
                "add `yes -> ...` and `no -> ...`, or `answer id \"label\" -> ...`".into(),
            )),
        );
    }

    fn decide(&mut self, name: &ast::Name<'s>, decide: ast::DecideDecl<'s>) -> Decide {
        let mut arms = Vec::with_capacity(decide.arms.len());
        for (condition, step) in decide.arms {
            let way = Way::Arm(u32::try_from(arms.len()).unwrap_or(u32::MAX));
            let text = expr_text(self.source, &condition);
            self.condition(condition, way);
            arms.push(DecideArm {
                condition: Cond::Or(Vec::new()),
                text,
                step: self.step(step, way),
            });
        }
        let otherwise = match decide.otherwise {
            Some(step) => self.step(step, Way::Otherwise),
            None => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::NoOtherwise,
                        name.span,
                        format!("decide `{}` has no `otherwise`", name.text),
                    )
                    .with_label("a path would end here without an outcome")
                    .with_hint(Some("add `otherwise -> ...` as the last arm".into())),
                );
                Step {
                    target: NodeId::PENDING,
                    effects: Vec::new(),
                }
            }
        };
        Decide { arms, otherwise }
    }

    fn outcome(&mut self, name: &ast::Name<'s>, outcome: &ast::OutcomeDecl<'s>) -> Outcome {
        let verdict = match &outcome.verdict {
            None => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::MissingPart,
                        name.span,
                        format!("outcome `{}` has no verdict", name.text),
                    )
                    .with_label("treat, modify or refer?")
                    .with_hint(Some(
                        "add `verdict treat`, `verdict modify` or `verdict refer urgent`".into(),
                    )),
                );
                Verdict::Refer(Urgency::Routine)
            }
            Some(v) => {
                match (v.kind, v.urgency) {
                    (ast::VerdictKind::Treat, None) => Verdict::Treat,
                    (ast::VerdictKind::Modify, None) => Verdict::Modify,
                    (ast::VerdictKind::Refer, Some(urgency)) => Verdict::Refer(urgency),
                    (ast::VerdictKind::Refer, None) => {
                        self.errors.push(
                        Diagnostic::new(
                            DiagnosticKind::ReferWithoutUrgency,
                            v.span,
                            format!("refer outcome `{}` has no urgency", name.text),
                        )
                        .with_label("how soon must the person see a doctor?")
                        .with_hint(Some(
                            "write `verdict refer emergency`, `refer urgent` or `refer routine`"
                                .into(),
                        ))
                        .with_suggestions(["emergency", "urgent", "routine"].map(|urgency| {
                            let verdict = format!("verdict refer {urgency}");
                            Suggestion::new(v.span, &verdict, format!("write `{verdict}`"))
                        })),
                    );
                        // The compile fails; until then, the safest reading.
                        Verdict::Refer(Urgency::Emergency)
                    }
                    (kind, Some(_)) => {
                        let verdict = if kind == ast::VerdictKind::Treat {
                            Verdict::Treat
                        } else {
                            Verdict::Modify
                        };
                        self.errors.push(
                            Diagnostic::new(
                                DiagnosticKind::UrgencyWithoutReferral,
                                v.span,
                                "only `refer` takes an urgency",
                            )
                            .with_label("urgency without referral")
                            .with_suggestions([Suggestion::new(
                                v.span,
                                format!("verdict {verdict}"),
                                format!("write `verdict {verdict}`"),
                            )]),
                        );
                        verdict
                    }
                }
            }
        };
        let title = match &outcome.title {
            Some(title) => title.text.to_string(),
            None => {
                self.errors.push(
                    Diagnostic::new(
                        DiagnosticKind::MissingPart,
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
        let mut when = Vec::new();
        for (field, line, condition) in &outcome.when {
            self.condition(condition.clone(), Way::Advice(when.len() as u32));
            when.push(AdviceCondition {
                field: *field,
                line: *line,
                condition: Cond::Or(Vec::new()),
            });
        }
        Outcome {
            verdict,
            title,
            plan: texts(&outcome.plan),
            therapist_plan: texts(&outcome.therapist_plan),
            avoid: texts(&outcome.avoid),
            selfcare: texts(&outcome.selfcare),
            safety: texts(&outcome.safety),
            when,
            changes: {
                self.pending.changes.extend(outcome.changes.iter().cloned());
                outcome.changes.iter().map(|c| c.text.to_string()).collect()
            },
            clinically: (outcome.clinically.iter())
                .map(|(field, line, text)| (*field, *line, text.text.to_string()))
                .collect(),
        }
    }
}

fn yes_no_label(word: &str) -> String {
    String::from(match word.parse() {
        Ok(YesNo::Yes) => "Yes",
        Ok(YesNo::No) => "No",
        Ok(YesNo::Unsure) | Err(_) => "Not sure",
    })
}

/// Where `local` starts in the qualified `id` (`namespace.local`).
fn local_start(id: &str, local: &str) -> u32 {
    u32::try_from(id.len() - local.len()).unwrap_or(0)
}
