//! pest pairs -> AST. One function per grammar rule that carries meaning.

use pest::Parser as _;
use std::borrow::Cow;

use pest::iterators::Pair;
use pest_derive::Parser;

use super::ast::*;
use super::nesting::check_nesting;
use super::syntax_error::syntax_error;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, Suggestion};

#[derive(Parser)]
#[grammar = "../grammar/flow.pest"]
pub(super) struct FlowParser;

/// Parses one file. `file` is its index in the knowledge folder, kept in every span.
pub fn parse(text: &str, file: usize) -> Result<Document<'_>, Diagnostic> {
    build(parse_tree(text, file)?, file)
}

/// The file's pest parse tree (its `file` pair), for the AST builder and
/// the formatter, which both read this one parse.
pub(super) fn parse_tree(text: &str, file: usize) -> Result<Pair<'_, Rule>, Diagnostic> {
    check_nesting(text, file)?;
    let mut pairs =
        FlowParser::parse(Rule::file, text).map_err(|error| syntax_error(&error, text, file))?;
    pairs.next().ok_or_else(|| {
        Diagnostic::new(
            DiagnosticKind::Internal,
            Span::new(file, 0..0),
            "the file could not be read",
        )
    })
}

/// The AST of a file's parse tree.
pub(super) fn build(tree: Pair<'_, Rule>, file: usize) -> Result<Document<'_>, Diagnostic> {
    let mut builder = Builder {
        file,
        document: Document::default(),
    };
    for item in tree.into_inner() {
        builder.item(item)?;
    }
    Ok(builder.document)
}

struct Builder<'i> {
    file: usize,
    document: Document<'i>,
}

type Built<T> = Result<T, Diagnostic>;

impl<'i> Builder<'i> {
    fn span(&self, pair: &Pair<'i, Rule>) -> Span {
        let span = pair.as_span();
        Span::new(self.file, span.start()..span.end())
    }

    fn name(&self, pair: Pair<'i, Rule>) -> Name<'i> {
        Name {
            text: pair.as_str(),
            span: self.span(&pair),
        }
    }

    fn text(&self, pair: Pair<'i, Rule>) -> Text<'i> {
        let span = self.span(&pair);
        let body = pair.into_inner().next().map_or("", |body| body.as_str());
        Text {
            text: unescape(body),
            span,
        }
    }

    fn number(&self, pair: Pair<'i, Rule>) -> Built<i64> {
        pair.as_str().parse().map_err(|_| {
            Diagnostic::new(
                DiagnosticKind::NumberTooLarge,
                self.span(&pair),
                "this number is too large",
            )
            .with_label("out of range")
        })
    }

    fn value(&self, pair: Pair<'i, Rule>) -> Built<Value<'i>> {
        let span = self.span(&pair);
        let inner = first(pair)?;
        let literal = match inner.as_rule() {
            Rule::number => Literal::Number(self.number(inner)?),
            _ => Literal::Word(inner.as_str()),
        };
        Ok(Value { literal, span })
    }

    fn range(&self, pair: Pair<'i, Rule>) -> Built<(i64, i64)> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let min = self.number(next(&mut inner, span)?)?;
        let max = self.number(next(&mut inner, span)?)?;
        if min > max {
            let swapped = format!("{max}..{min}");
            let words = format!("write the smaller number first: {swapped}");
            return Err(Diagnostic::new(
                DiagnosticKind::EmptyRange,
                span,
                format!("the range {min}..{max} is empty"),
            )
            .with_suggestions([Suggestion::new(span, swapped, words)]));
        }
        Ok((min, max))
    }

    fn item(&mut self, pair: Pair<'i, Rule>) -> Built<()> {
        match pair.as_rule() {
            Rule::flow_header => {
                let header = self.header(pair)?;
                self.document.headers.push(header);
            }
            Rule::fact_decl => {
                let fact = self.fact(pair)?;
                self.document.facts.push(fact);
            }
            Rule::section => self.section(pair)?,
            Rule::question | Rule::decide | Rule::outcome => {
                let node = self.node(pair, None)?;
                self.document.nodes.push(node);
            }
            Rule::invariant => {
                let invariant = self.invariant(pair)?;
                self.document.invariants.push(invariant);
            }
            Rule::tag_decl => {
                let tag = self.tag(pair)?;
                self.document.tags.push(tag);
            }
            Rule::source_decl => {
                let source = self.source_decl(pair)?;
                self.document.sources.push(source);
            }
            Rule::sign_decl => {
                let sign = self.sign_decl(pair)?;
                self.document.signs.push(sign);
            }
            Rule::case => {
                let case = self.case(pair)?;
                self.document.cases.push(case);
            }
            Rule::baseline => {
                let span = self.span(&pair);
                let mut answers = Vec::new();
                for part in pair.into_inner() {
                    if part.as_rule() == Rule::answers {
                        answers.extend(self.answer_pairs(part)?);
                    }
                }
                self.document.baselines.push(BaselineDecl { answers, span });
            }
            Rule::vignette => {
                let vignette = self.vignette(pair)?;
                self.document.vignettes.push(vignette);
            }
            Rule::change_decl => {
                let change = self.change_decl(pair)?;
                self.document.changes.push(change);
            }
            _ => {}
        }
        Ok(())
    }

    fn header(&self, pair: Pair<'i, Rule>) -> Built<Header<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.name(next(&mut inner, span)?);
        let title = self.text(next(&mut inner, span)?);
        let mut header = Header {
            name,
            title,
            version: None,
            start: None,
            disclaimer: None,
            span,
        };
        for field in inner {
            let span = self.span(&field);
            let value = next(&mut field.clone().into_inner(), span)?;
            match field.as_rule() {
                Rule::version_field => header.version = Some(self.text(value)),
                Rule::start_field => header.start = Some(self.name(value)),
                Rule::disclaimer_field => header.disclaimer = Some(self.text(value)),
                _ => {}
            }
        }
        Ok(header)
    }

    fn fact(&self, pair: Pair<'i, Rule>) -> Built<FactDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.name(next(&mut inner, span)?);
        let ty_pair = first(next(&mut inner, span)?)?;
        let ty = match ty_pair.as_rule() {
            Rule::bool_type => FactType::Bool,
            Rule::number_type => match ty_pair.into_inner().next() {
                Some(range) => {
                    let (min, max) = self.range(range)?;
                    FactType::Number { min, max }
                }
                None => FactType::Number {
                    min: i64::MIN,
                    max: i64::MAX,
                },
            },
            _ => FactType::Enum(ty_pair.into_inner().map(|p| self.name(p)).collect()),
        };
        let mut initial = None;
        let mut someone_else = false;
        for part in inner {
            match part.as_rule() {
                Rule::fact_meaning => someone_else = true,
                _ => initial = Some(self.value(part)?),
            }
        }
        Ok(FactDecl {
            name,
            ty,
            initial,
            someone_else,
            span,
        })
    }

    fn source_decl(&self, pair: Pair<'i, Rule>) -> Built<SourceDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.name(next(&mut inner, span)?);
        let mut source = SourceDecl {
            name,
            title: None,
            kind: None,
            section: None,
            file: None,
            span,
        };
        for field in inner {
            match field.as_rule() {
                Rule::title => source.title = Some(self.only_text(field)?),
                Rule::source_kind => {
                    let field_span = self.span(&field);
                    source.kind = Some(self.name(next(&mut field.into_inner(), field_span)?));
                }
                Rule::source_section => source.section = Some(self.only_text(field)?),
                Rule::source_file => source.file = Some(self.only_text(field)?),
                _ => {}
            }
        }
        Ok(source)
    }

    fn section(&mut self, pair: Pair<'i, Rule>) -> Built<()> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.name(next(&mut inner, span)?);
        let title = self.text(next(&mut inner, span)?);
        let index = self.document.sections.len();
        self.document
            .sections
            .push(SectionDecl { name, title, span });
        for node in inner {
            let node = self.node(node, Some(index))?;
            self.document.nodes.push(node);
        }
        Ok(())
    }

    fn node(&self, pair: Pair<'i, Rule>, section: Option<usize>) -> Built<NodeDecl<'i>> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let name = self.name(next(&mut inner, span)?);
        let mut common = Common::default();
        let mut question = QuestionDecl::default();
        let mut decide = DecideDecl {
            arms: Vec::new(),
            otherwise: None,
        };
        let mut outcome = OutcomeDecl::default();
        for field in inner {
            let field_span = self.span(&field);
            match field.as_rule() {
                Rule::clinical => common.clinical = Some(self.only_text(field)?),
                Rule::why => common.why = Some(self.only_text(field)?),
                Rule::source => common.sources.push(self.source_ref(field, field_span)?),
                Rule::tags => common.tags.extend(field.into_inner().map(|p| self.name(p))),
                Rule::ask => question.ask = Some(self.only_text(field)?),
                Rule::multiple => question.multiple = Some(field_span),
                Rule::number_spec => question.number = Some(self.number_spec(field)?),
                Rule::skip_when => {
                    let mut parts = field.into_inner();
                    let condition = self.condition(next(&mut parts, field_span)?)?;
                    let target = self.arrow(next(&mut parts, field_span)?)?;
                    question.skip = Some((condition, target));
                }
                Rule::applies_when => {
                    let mut parts = field.into_inner();
                    question.applies = Some(self.condition(next(&mut parts, field_span)?)?);
                }
                Rule::yesno_arm | Rule::answer_arm => question.arms.push(self.arm(field)?),
                Rule::then_arm => question.then = Some(self.step(field)?),
                Rule::when_arm => {
                    let mut parts = field.clone().into_inner();
                    let condition = self.condition(next(&mut parts, field_span)?)?;
                    let step = self.step_from(parts, field_span)?;
                    decide.arms.push((condition, step));
                }
                Rule::otherwise_arm => decide.otherwise = Some(self.step(field)?),
                Rule::verdict => outcome.verdict = Some(self.verdict(field)?),
                Rule::title => outcome.title = Some(self.only_text(field)?),
                Rule::plan => self.advice(field, AdviceField::Plan, &mut outcome)?,
                Rule::therapist_plan => outcome.therapist_plan.extend(self.texts(field)),
                Rule::avoid => self.advice(field, AdviceField::Avoid, &mut outcome)?,
                Rule::selfcare => self.advice(field, AdviceField::Selfcare, &mut outcome)?,
                Rule::safety_net => self.advice(field, AdviceField::Safety, &mut outcome)?,
                Rule::change_refs => outcome.changes.extend(self.change_refs(field)),
                _ => {}
            }
        }
        let kind = match rule {
            Rule::question => NodeKindDecl::Question(Box::new(question)),
            Rule::decide => NodeKindDecl::Decide(decide),
            _ => NodeKindDecl::Outcome(outcome),
        };
        Ok(NodeDecl {
            name,
            section,
            common,
            kind,
            span,
        })
    }

    fn only_text(&self, pair: Pair<'i, Rule>) -> Built<Text<'i>> {
        let span = self.span(&pair);
        Ok(self.text(next(&mut pair.into_inner(), span)?))
    }

    fn texts(&self, pair: Pair<'i, Rule>) -> Vec<Text<'i>> {
        pair.into_inner().map(|p| self.text(p)).collect()
    }

    /// The lines of a `plan`, `avoid`, `selfcare` or `safety` field, each
    /// with its `when` condition, if any.
    fn advice(
        &self,
        pair: Pair<'i, Rule>,
        field: AdviceField,
        outcome: &mut OutcomeDecl<'i>,
    ) -> Built<()> {
        for advice in pair.into_inner() {
            let span = self.span(&advice);
            let mut parts = advice.into_inner();
            let text = self.text(next(&mut parts, span)?);
            let lines = match field {
                AdviceField::Plan => &mut outcome.plan,
                AdviceField::Avoid => &mut outcome.avoid,
                AdviceField::Selfcare => &mut outcome.selfcare,
                AdviceField::Safety => &mut outcome.safety,
            };
            lines.push(text);
            let at = lines.len() - 1;
            let mut next_part = parts.next();
            if let Some(clinically) = next_part.take_if(|p| p.as_rule() == Rule::advice_clinically)
            {
                let clinically_span = self.span(&clinically);
                let words = (clinically.into_inner())
                    .find(|p| p.as_rule() == Rule::string)
                    .ok_or_else(|| missing(clinically_span))?;
                outcome.clinically.push((field, at, self.text(words)));
                next_part = parts.next();
            }
            if let Some(when) = next_part {
                let when_span = self.span(&when);
                let condition = self.condition(next(&mut when.into_inner(), when_span)?)?;
                outcome.when.push((field, at, condition));
            }
        }
        Ok(())
    }

    fn number_spec(&self, pair: Pair<'i, Rule>) -> Built<NumberSpec<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let (min, max) = self.range(next(&mut inner, span)?)?;
        let mut spec = NumberSpec {
            min,
            max,
            unit: None,
            into: None,
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::unit => spec.unit = Some(self.only_text(part)?),
                Rule::into => spec.into = Some(self.name(first(part)?)),
                _ => {}
            }
        }
        Ok(spec)
    }

    fn arm(&self, pair: Pair<'i, Rule>) -> Built<ArmDecl<'i>> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner().peekable();
        let key_pair = next(&mut inner, span)?;
        let key = match rule {
            Rule::yesno_arm => ArmKey::YesNo(self.name(key_pair)),
            _ => ArmKey::Answer(self.name(key_pair)),
        };
        let mut arm = ArmDecl {
            key,
            label: None,
            synonyms: Vec::new(),
            within: None,
            target: None,
            effects: Vec::new(),
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::string => arm.label = Some(self.text(part)),
                Rule::synonyms => arm.synonyms = self.texts(part),
                Rule::within => arm.within = Some(self.within(part)),
                Rule::arrow => arm.target = Some(self.arrow(part)?),
                _ => arm.effects.push(self.effect(part)?),
            }
        }
        Ok(arm)
    }

    fn within(&self, pair: Pair<'i, Rule>) -> WithinDecl<'i> {
        let mut within = WithinDecl {
            low: None,
            high: None,
            span: self.span(&pair),
        };
        let mut past_dots = false;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::within_dots => past_dots = true,
                Rule::within_bound => {
                    let mut inner = part.into_inner();
                    let bound = inner.next().map(|amount| WithinBound {
                        amount: self.name(amount),
                        unit: inner.next().map(|unit| self.name(unit)),
                    });
                    if past_dots {
                        within.high = bound;
                    } else {
                        within.low = bound;
                    }
                }
                _ => {}
            }
        }
        within
    }

    fn arrow(&self, pair: Pair<'i, Rule>) -> Built<Name<'i>> {
        Ok(self.name(first(pair)?))
    }

    fn step(&self, pair: Pair<'i, Rule>) -> Built<Step<'i>> {
        let span = self.span(&pair);
        self.step_from(pair.into_inner(), span)
    }

    fn step_from(
        &self,
        mut parts: pest::iterators::Pairs<'i, Rule>,
        span: Span,
    ) -> Built<Step<'i>> {
        let target = self.arrow(next(&mut parts, span)?)?;
        let effects = parts.map(|p| self.effect(p)).collect::<Built<_>>()?;
        Ok(Step { target, effects })
    }

    fn effect(&self, pair: Pair<'i, Rule>) -> Built<Effect<'i>> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        Ok(match rule {
            Rule::set_effect => Effect::Set {
                fact: self.name(next(&mut inner, span)?),
                value: inner.next().map(|p| self.value(p)).transpose()?,
            },
            Rule::note_effect => {
                let lay = self.text(next(&mut inner, span)?);
                let mut therapist = None;
                let mut changes = Vec::new();
                for part in inner {
                    match part.as_rule() {
                        Rule::change_refs => changes = self.change_refs(part),
                        _ => therapist = Some(self.text(part)),
                    }
                }
                Effect::Note {
                    lay,
                    therapist,
                    changes,
                }
            }
            _ => Effect::Finding {
                text: self.text(next(&mut inner, span)?),
                roots: inner.next().map(|p| self.roots(p)),
            },
        })
    }

    /// `root L4, L5`: the names after the keyword.
    fn roots(&self, pair: Pair<'i, Rule>) -> RootsDecl<'i> {
        let span = self.span(&pair);
        let names = (pair.into_inner())
            .filter(|p| p.as_rule() == Rule::ident)
            .map(|p| self.name(p))
            .collect();
        RootsDecl { names, span }
    }

    fn sign_decl(&self, pair: Pair<'i, Rule>) -> Built<SignDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::kw_sign);
        let name = self.name(next(&mut inner, span)?);
        let mut sign = SignDecl {
            name,
            test: None,
            roots: None,
            note: None,
            sources: Vec::new(),
            span,
        };
        for field in inner {
            let field_span = self.span(&field);
            match field.as_rule() {
                Rule::sign_test => {
                    let mut parts = field.into_inner();
                    let kind = match next(&mut parts, field_span)?.as_str() {
                        "sensory" => TestKind::Sensory,
                        "motor" => TestKind::Motor,
                        _ => TestKind::Reflex,
                    };
                    sign.test = Some((kind, self.text(next(&mut parts, field_span)?)));
                }
                Rule::finding_root => sign.roots = Some(self.roots(field)),
                Rule::sign_note => sign.note = Some(self.only_text(field)?),
                Rule::source => sign.sources.push(self.source_ref(field, field_span)?),
                _ => {}
            }
        }
        Ok(sign)
    }

    /// `source ng59_scope` (a declared source) or `source "DOC" "PART"` (one
    /// named in place), wherever a `source` field stands.
    fn source_ref(&self, field: Pair<'i, Rule>, span: Span) -> Built<SourceRef<'i>> {
        let mut texts = field.into_inner();
        let first = next(&mut texts, span)?;
        Ok(if first.as_rule() == Rule::ident {
            SourceRef::Declared(self.name(first))
        } else {
            let document = self.text(first);
            let part = texts.next().map(|p| self.text(p));
            SourceRef::InPlace { document, part }
        })
    }

    fn verdict(&self, pair: Pair<'i, Rule>) -> Built<VerdictDecl> {
        let mut span = self.span(&pair);
        let mut inner = pair.into_inner();
        let kind_pair = next(&mut inner, span)?;
        // pest's span would include the spaces before an urgency that is not there.
        span = span.with_end(kind_pair.as_span().end());
        let kind = verdict_kind(kind_pair.as_str());
        let urgency = inner.next().map(|p| {
            span = span.with_end(p.as_span().end());
            urgency(p.as_str())
        });
        Ok(VerdictDecl {
            kind,
            urgency,
            span,
        })
    }

    fn condition(&self, pair: Pair<'i, Rule>) -> Built<Expr<'i>> {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::condition | Rule::not_expr => self.condition(first(pair)?),
            Rule::or_expr | Rule::and_expr => {
                let is_or = pair.as_rule() == Rule::or_expr;
                let mut parts = pair
                    .into_inner()
                    .filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|p| self.condition(p))
                    .collect::<Built<Vec<_>>>()?;
                Ok(if parts.len() == 1 {
                    parts.remove(0)
                } else if is_or {
                    Expr::Or(parts)
                } else {
                    Expr::And(parts)
                })
            }
            Rule::negation => {
                let inner = pair
                    .into_inner()
                    .find(|p| p.as_rule() != Rule::kw_not)
                    .ok_or_else(|| missing(span))?;
                Ok(Expr::Not(Box::new(self.condition(inner)?)))
            }
            Rule::comparison => {
                let mut inner = pair.into_inner();
                let name = self.name(next(&mut inner, span)?);
                let op = compare_op(next(&mut inner, span)?.as_str());
                let value = self.value(next(&mut inner, span)?)?;
                Ok(Expr::Compare { name, op, value })
            }
            Rule::membership => {
                let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::kw_in);
                let name = self.name(next(&mut inner, span)?);
                let values = self.list(next(&mut inner, span)?)?;
                Ok(Expr::In { name, values })
            }
            Rule::any_tagged => {
                let mut inner = pair
                    .into_inner()
                    .filter(|p| !matches!(p.as_rule(), Rule::kw_any | Rule::kw_in));
                let tag = self.name(next(&mut inner, span)?);
                let values = self.list(next(&mut inner, span)?)?;
                Ok(Expr::AnyTagged { tag, values })
            }
            _ => Ok(Expr::Truth(self.name(first(pair)?))),
        }
    }

    fn list(&self, pair: Pair<'i, Rule>) -> Built<Vec<Value<'i>>> {
        pair.into_inner().map(|p| self.value(p)).collect()
    }

    /// `change light_over_atrophy, no_side_lying` on a note or an outcome.
    fn change_refs(&self, pair: Pair<'i, Rule>) -> Vec<Name<'i>> {
        pair.into_inner()
            .filter(|p| p.as_rule() != Rule::kw_change)
            .map(|p| self.name(p))
            .collect()
    }

    /// `change ID { label "..." synonyms "..." why "..." source ID }`.
    fn change_decl(&self, pair: Pair<'i, Rule>) -> Built<ChangeDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::kw_change);
        let name = self.name(next(&mut inner, span)?);
        let mut change = ChangeDecl {
            name,
            label: None,
            synonyms: Vec::new(),
            why: None,
            sources: Vec::new(),
            span,
        };
        for field in inner {
            let field_span = self.span(&field);
            match field.as_rule() {
                Rule::change_label => change.label = Some(self.only_text(field)?),
                Rule::synonyms => change.synonyms.extend(self.texts(field)),
                Rule::why => change.why = Some(self.only_text(field)?),
                Rule::source => change.sources.push(self.source_ref(field, field_span)?),
                _ => {}
            }
        }
        Ok(change)
    }

    fn tag(&self, pair: Pair<'i, Rule>) -> Built<TagDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::kw_tag);
        let name = self.name(next(&mut inner, span)?);
        let description = self.text(next(&mut inner, span)?);
        let meaning = inner
            .next()
            .and_then(|m| m.into_inner().next())
            .map(|word| match word.as_str() {
                "red_flag" => TagMeaning::RedFlag,
                "out_of_scope" => TagMeaning::OutOfScope,
                "neuro" => TagMeaning::Neuro,
                other => TagMeaning::Urgency(urgency(other)),
            });
        Ok(TagDecl {
            name,
            description,
            meaning,
        })
    }

    fn invariant(&self, pair: Pair<'i, Rule>) -> Built<InvariantDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let text = self.text(next(&mut inner, span)?);
        let when = self.condition(next(&mut inner, span)?)?;
        let then = self.condition(next(&mut inner, span)?)?;
        Ok(InvariantDecl {
            text,
            when,
            then,
            span,
        })
    }

    fn case(&self, pair: Pair<'i, Rule>) -> Built<CaseDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.text(next(&mut inner, span)?);
        let mut case = CaseDecl {
            name,
            answers: Vec::new(),
            expectations: Vec::new(),
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::answers => case.answers.extend(self.answer_pairs(part)?),
                Rule::expectation => case.expectations.push(self.expectation(part)?),
                _ => {}
            }
        }
        Ok(case)
    }

    fn answer_pairs(&self, pair: Pair<'i, Rule>) -> Built<Vec<(Name<'i>, Text<'i>)>> {
        let mut pairs = Vec::new();
        for answer in pair.into_inner() {
            let answer_span = self.span(&answer);
            let mut kv = answer.into_inner();
            let id = self.name(next(&mut kv, answer_span)?);
            let value = next(&mut kv, answer_span)?;
            let value = Text {
                text: Cow::Borrowed(value.as_str()),
                span: self.span(&value),
            };
            pairs.push((id, value));
        }
        Ok(pairs)
    }

    fn vignette(&self, pair: Pair<'i, Rule>) -> Built<VignetteDecl<'i>> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.name(next(&mut inner, span)?);
        let title = self.text(next(&mut inner, span)?);
        let mut vignette = VignetteDecl {
            case: CaseDecl {
                name: title.clone(),
                answers: Vec::new(),
                expectations: Vec::new(),
                span,
            },
            name,
            title,
            difficulty: None,
            story: Vec::new(),
            tells: Vec::new(),
        };
        for part in inner {
            match part.as_rule() {
                Rule::difficulty_field => {
                    vignette.difficulty = Some(match first(part)?.as_str() {
                        "easy" => Difficulty::Easy,
                        "medium" => Difficulty::Medium,
                        _ => Difficulty::Hard,
                    })
                }
                Rule::story => vignette.story.extend(self.texts(part)),
                Rule::story_tells => vignette
                    .tells
                    .extend(part.into_inner().map(|p| self.name(p))),
                Rule::answers => vignette.case.answers.extend(self.answer_pairs(part)?),
                Rule::expectation => vignette.case.expectations.push(self.expectation(part)?),
                _ => {}
            }
        }
        Ok(vignette)
    }

    fn expectation(&self, pair: Pair<'i, Rule>) -> Built<Expectation<'i>> {
        let span = self.span(&pair);
        let inner = first(pair)?;
        Ok(match inner.as_rule() {
            Rule::expect_outcome => Expectation::Outcome(self.name(first(inner)?)),
            Rule::expect_note => Expectation::Note(self.text(first(inner)?)),
            _ => {
                let mut parts = inner.into_inner();
                let kind = verdict_kind(next(&mut parts, span)?.as_str());
                let urgency = parts.next().map(|p| urgency(p.as_str()));
                Expectation::Verdict {
                    kind,
                    urgency,
                    span,
                }
            }
        })
    }
}

/// A string's body with its escapes (`\"`, `\\`, `\n`) resolved; borrowed when
/// it has none.
fn unescape(body: &str) -> Cow<'_, str> {
    if !body.contains('\\') {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn first<'i>(pair: Pair<'i, Rule>) -> Built<Pair<'i, Rule>> {
    let span = pair.as_span();
    pair.into_inner()
        .next()
        .ok_or_else(|| missing(Span::new(0, span.start()..span.end())))
}

fn next<'i>(pairs: &mut impl Iterator<Item = Pair<'i, Rule>>, span: Span) -> Built<Pair<'i, Rule>> {
    pairs.next().ok_or_else(|| missing(span))
}

// The grammar guarantees the parts exist; this keeps a grammar change from
// turning into a panic.
fn missing(span: Span) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::Internal,
        span,
        "this construct is incomplete",
    )
}

fn verdict_kind(word: &str) -> VerdictKind {
    match word {
        "treat" => VerdictKind::Treat,
        "modify" => VerdictKind::Modify,
        _ => VerdictKind::Refer,
    }
}

fn urgency(word: &str) -> Urgency {
    match word {
        "emergency" => Urgency::Emergency,
        "urgent" => Urgency::Urgent,
        _ => Urgency::Routine,
    }
}

fn compare_op(text: &str) -> CompareOp {
    match text {
        "==" => CompareOp::Eq,
        "!=" => CompareOp::Ne,
        "<" => CompareOp::Lt,
        "<=" => CompareOp::Le,
        ">" => CompareOp::Gt,
        _ => CompareOp::Ge,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_yes_no_question_with_effects() {
        let text = r#"
            question bones {
              ask "Thin bones?"
              why "Pressure can break them."
              source "000_028080d40bd6955f" "Contraindications"
              tags red_flag, contraindication
              yes -> next set osteoporosis note "Gentle pressure only." therapist "Grade I"
              no  -> next
              unsure -> next
            }"#;
        let document = parse(text, 0).unwrap();
        let node = &document.nodes[0];
        assert_eq!(node.name.text, "bones");
        assert_eq!(node.common.tags.len(), 2);
        let NodeKindDecl::Question(question) = &node.kind else {
            panic!("not a question")
        };
        assert_eq!(question.arms.len(), 3);
        assert_eq!(question.arms[0].effects.len(), 2);
    }

    #[test]
    fn parses_conditions_with_precedence() {
        let text = "decide d { when a or b and not c -> x otherwise -> y }";
        let document = parse(text, 0).unwrap();
        let NodeKindDecl::Decide(decide) = &document.nodes[0].kind else {
            panic!("not a decide")
        };
        let Expr::Or(parts) = &decide.arms[0].0 else {
            panic!("or binds loosest: {:?}", decide.arms[0].0)
        };
        assert!(matches!(parts[1], Expr::And(_)));
    }

    #[test]
    fn keywords_need_a_word_boundary() {
        let text = "decide d { when order and android -> x otherwise -> y }";
        let document = parse(text, 0).unwrap();
        let NodeKindDecl::Decide(decide) = &document.nodes[0].kind else {
            panic!("not a decide")
        };
        assert!(matches!(&decide.arms[0].0, Expr::And(parts) if parts.len() == 2));
    }

    #[test]
    fn syntax_error_names_what_was_expected() {
        let error = parse("question q { ask }", 0).unwrap_err();
        assert!(error.message.contains("a quoted text"), "{}", error.message);
        assert_eq!(error.span.start(), 17);
    }

    #[test]
    fn unclosed_brace_gets_a_hint() {
        let error = parse("question q { ask \"x\"", 0).unwrap_err();
        assert!(error.help().unwrap_or_default().contains('}'));
    }

    #[test]
    fn cases_keep_raw_answers() {
        let text =
            "case \"c\" { answers a=yes b=x+y age=34 expect refer urgent expect note \"cold\" }";
        let document = parse(text, 0).unwrap();
        let case = &document.cases[0];
        assert_eq!(case.answers[1].1.text, "x+y");
        assert_eq!(case.expectations.len(), 2);
    }

    #[test]
    fn strings_unescape() {
        assert_eq!(unescape(r#"a \"b\" \\ c\n"#), "a \"b\" \\ c\n");
    }
}
