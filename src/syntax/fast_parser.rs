//! A hand-written parser for the files that make up almost all of a
//! knowledge folder: nodes, sections, facts, invariants, cases and
//! vignettes (only the `flow` header is left to pest). pest spends most of
//! its time on backtracking bookkeeping; this reads each byte about once.
//!
//! `grammar/flow.pest` stays the definition of the language and pest the
//! only source of syntax errors: this parser accepts a subset of it and, at
//! anything it does not expect, gives up (`None`) so that `parse` runs pest
//! on the file. Where the grammar has an ordered choice, it looks at the
//! whole next word and commits to the alternative pest would take, giving up
//! when the word is not exactly one it knows (pest would also try literal
//! prefixes, e.g. `setx` as `set x`). What it builds must equal what the
//! pest path builds, spans included: a rule's span ends after the
//! whitespace before optional parts that are absent, as pest's does.
//! Tests compare the two on every file we have and on mutations of them;
//! fuzz/ (`parse_agrees`) compares them on whatever libFuzzer makes up.

use std::borrow::Cow;

use super::ast::*;
use super::nesting::MAX_DEPTH;
use crate::diagnostic::Span;

/// The document, or `None` when pest must decide (an error or a rare construct).
pub(super) fn parse(text: &str, file: usize) -> Option<Document<'_>> {
    let mut parser = Fast {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        file,
        depth: 0,
    };
    parser.document()
}

struct Fast<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    file: usize,
    /// Conditions open around `pos`: parentheses and `not`.
    depth: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'t> Fast<'t> {
    fn span(&self, start: usize) -> Span {
        Span::new(self.file, start..self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// pest's implicit whitespace: blanks and `//` comments.
    fn skip(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' | b'\n' => self.pos += 1,
                b'/' if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    self.pos += self.bytes[self.pos..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .unwrap_or(self.bytes.len() - self.pos);
                }
                _ => break,
            }
        }
    }

    /// The whole run of identifier characters here (maybe empty), not consumed.
    fn word(&self) -> &'t str {
        self.word_at(self.pos)
    }

    fn word_at(&self, at: usize) -> &'t str {
        let rest = self.bytes.get(at..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| !is_ident_byte(b))
            .unwrap_or(rest.len());
        &self.text[at..at + len]
    }

    /// Steps over `word`, just seen, and the blanks after it.
    fn step_over(&mut self, word: &str) {
        self.pos += word.len();
        self.skip();
    }

    /// Consumes `word` if the next word is exactly it.
    fn eat_word(&mut self, word: &str) -> bool {
        let here = self.word() == word;
        if here {
            self.pos += word.len();
        }
        here
    }

    fn expect(&mut self, literal: &[u8]) -> Option<()> {
        self.bytes[self.pos..].starts_with(literal).then(|| {
            self.pos += literal.len();
        })
    }

    fn ident(&mut self) -> Option<Name<'t>> {
        let start = self.pos;
        let word = self.word();
        if !word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            return None;
        }
        self.pos += word.len();
        Some(Name {
            text: word,
            span: self.span(start),
        })
    }

    /// `ident ("." ident)?`, one atomic token.
    fn ref_id(&mut self) -> Option<Name<'t>> {
        let start = self.pos;
        let starts_ident =
            |word: &str| word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        let first = self.word();
        if !starts_ident(first) {
            return None;
        }
        self.pos += first.len();
        if self.peek() == Some(b'.') {
            let second = self.word_at(self.pos + 1);
            if starts_ident(second) {
                self.pos += 1 + second.len();
            }
        }
        Some(Name {
            text: &self.text[start..self.pos],
            span: self.span(start),
        })
    }

    fn string(&mut self) -> Option<Text<'t>> {
        let start = self.pos;
        self.expect(b"\"")?;
        let body_start = self.pos;
        let mut escaped = false;
        loop {
            match *self.bytes.get(self.pos)? {
                b'"' => break,
                b'\\' => {
                    match self.bytes.get(self.pos + 1)? {
                        b'"' | b'\\' | b'n' => {}
                        _ => return None,
                    }
                    escaped = true;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
        let body = &self.text[body_start..self.pos];
        self.pos += 1;
        let text = if escaped {
            unescape(body)
        } else {
            Cow::Borrowed(body)
        };
        Some(Text {
            text,
            span: self.span(start),
        })
    }

    /// `"-"? ASCII_DIGIT+`, as a number that fits.
    fn number(&mut self) -> Option<i64> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = self.bytes[self.pos..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(self.bytes.len() - self.pos);
        if digits == 0 {
            return None;
        }
        self.pos += digits;
        self.text[start..self.pos].parse().ok()
    }

    fn value(&mut self) -> Option<Value<'t>> {
        let start = self.pos;
        let literal = match self.peek()? {
            b'-' | b'0'..=b'9' => Literal::Number(self.number()?),
            _ => Literal::Word(self.ident()?.text),
        };
        Some(Value {
            literal,
            span: self.span(start),
        })
    }

    fn range(&mut self) -> Option<(i64, i64)> {
        let min = self.number()?;
        self.expect(b"..")?;
        let max = self.number()?;
        // An empty range is an error, which pest's path reports.
        (min <= max).then_some((min, max))
    }

    /// `first ("," first)*` with `item` for each.
    fn comma_list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut items = vec![item(self)?];
        loop {
            let save = self.pos;
            self.skip();
            if self.peek() != Some(b',') {
                self.pos = save;
                return Some(items);
            }
            self.pos += 1;
            self.skip();
            items.push(item(self)?);
        }
    }

    /// `string+`
    fn strings(&mut self) -> Option<Vec<Text<'t>>> {
        let mut texts = vec![self.string()?];
        loop {
            let save = self.pos;
            self.skip();
            if self.peek() != Some(b'"') {
                self.pos = save;
                return Some(texts);
            }
            texts.push(self.string()?);
        }
    }

    // ------------------------------------------------------------- items

    fn document(&mut self) -> Option<Document<'t>> {
        let mut document = Document::default();
        self.skip();
        while self.pos < self.bytes.len() {
            match self.word() {
                "question" | "decide" | "outcome" => {
                    let node = self.node(None)?;
                    document.nodes.push(node);
                }
                "section" => self.section(&mut document)?,
                "fact" => {
                    let fact = self.fact()?;
                    document.facts.push(fact);
                }
                "invariant" => {
                    let invariant = self.invariant()?;
                    document.invariants.push(invariant);
                }
                "case" => {
                    let case = self.case()?;
                    document.cases.push(case);
                }
                "vignette" => {
                    let vignette = self.vignette()?;
                    document.vignettes.push(vignette);
                }
                _ => return None,
            }
            self.skip();
        }
        Some(document)
    }

    // ------------------------------------------------- facts and invariants

    /// `"fact" ident ":" (bool | number range? | ident ("|" ident)*) ("=" value)?`
    fn fact(&mut self) -> Option<FactDecl<'t>> {
        let start = self.pos;
        self.step_over("fact");
        let name = self.ident()?;
        self.skip();
        self.expect(b":")?;
        self.skip();
        let word = self.word();
        let ty = match word {
            "bool" => {
                self.pos += word.len();
                FactType::Bool
            }
            "number" => {
                self.pos += word.len();
                let save = self.pos;
                self.skip();
                if matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
                    let (min, max) = self.range()?;
                    FactType::Number { min, max }
                } else {
                    self.pos = save;
                    FactType::Number {
                        min: i64::MIN,
                        max: i64::MAX,
                    }
                }
            }
            // pest would read `number` and then the rest as something else.
            _ if word.starts_with("number") => return None,
            _ => {
                let mut words = vec![self.ident()?];
                loop {
                    let save = self.pos;
                    self.skip();
                    if self.peek() != Some(b'|') {
                        self.pos = save;
                        break;
                    }
                    self.pos += 1;
                    self.skip();
                    words.push(self.ident()?);
                }
                FactType::Enum(words)
            }
        };
        // Without a starting value, pest's span keeps the blanks it looked
        // past for one.
        self.skip();
        let initial = if self.peek() == Some(b'=') {
            self.pos += 1;
            self.skip();
            Some(self.value()?)
        } else {
            None
        };
        Some(FactDecl {
            name,
            ty,
            initial,
            span: self.span(start),
        })
    }

    /// `"invariant" string "{" condition "=>" condition "}"`
    fn invariant(&mut self) -> Option<InvariantDecl<'t>> {
        let start = self.pos;
        self.step_over("invariant");
        let text = self.string()?;
        self.skip();
        self.expect(b"{")?;
        self.skip();
        let when = self.condition()?;
        self.skip();
        self.expect(b"=>")?;
        self.skip();
        let then = self.condition()?;
        self.skip();
        self.expect(b"}")?;
        Some(InvariantDecl {
            text,
            when,
            then,
            span: self.span(start),
        })
    }

    // ------------------------------------------------- cases and vignettes

    /// `"case" string "{" answers expectation* "}"`
    fn case(&mut self) -> Option<CaseDecl<'t>> {
        let start = self.pos;
        self.step_over("case");
        let name = self.string()?;
        self.skip();
        self.expect(b"{")?;
        self.skip();
        if !self.eat_word("answers") {
            return None;
        }
        self.skip();
        let answers = self.answer_pairs()?;
        self.skip();
        let mut expectations = Vec::new();
        while self.word() == "expect" {
            expectations.push(self.expectation()?);
            self.skip();
        }
        self.expect(b"}")?;
        Some(CaseDecl {
            name,
            answers,
            expectations,
            span: self.span(start),
        })
    }

    /// `answer_pair*`, starting after the whitespace before the first: each
    /// `id=value` one token. What is not a pair ends the list, and the
    /// whitespace looked past is given back.
    fn answer_pairs(&mut self) -> Option<Vec<(Name<'t>, Text<'t>)>> {
        let mut pairs = Vec::new();
        loop {
            let save = self.pos;
            if !pairs.is_empty() {
                self.skip();
            }
            let id = match self.ref_id() {
                Some(id) if self.peek() == Some(b'=') => id,
                _ => {
                    self.pos = save;
                    return Some(pairs);
                }
            };
            self.pos += 1;
            let value_start = self.pos;
            let len = self.bytes[self.pos..]
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+')))
                .unwrap_or(self.bytes.len() - self.pos);
            if len == 0 {
                return None;
            }
            self.pos += len;
            let value = Text {
                text: Cow::Borrowed(&self.text[value_start..self.pos]),
                span: self.span(value_start),
            };
            pairs.push((id, value));
        }
    }

    /// `"expect" (("outcome" ref_id) | ("note" string) | (verdict_kind urgency?))`
    fn expectation(&mut self) -> Option<Expectation<'t>> {
        let start = self.pos;
        self.step_over("expect");
        let word = self.word();
        Some(match word {
            "outcome" => {
                self.step_over(word);
                Expectation::Outcome(self.ref_id()?)
            }
            "note" => {
                self.step_over(word);
                Expectation::Note(self.string()?)
            }
            _ => {
                let kind = match word {
                    "treat" => VerdictKind::Treat,
                    "modify" => VerdictKind::Modify,
                    "refer" => VerdictKind::Refer,
                    _ => return None,
                };
                self.pos += word.len();
                // Without an urgency, pest's span keeps the blanks it
                // looked past for one.
                self.skip();
                let urgency = match self.word() {
                    "emergency" => Some(Urgency::Emergency),
                    "urgent" => Some(Urgency::Urgent),
                    "routine" => Some(Urgency::Routine),
                    _ => None,
                };
                if urgency.is_some() {
                    self.pos += self.word().len();
                }
                let span = self.span(start);
                Expectation::Verdict {
                    kind,
                    urgency,
                    span,
                }
            }
        })
    }

    /// `"vignette" ident string "{" (difficulty | story | answers | expectation)* "}"`
    fn vignette(&mut self) -> Option<VignetteDecl<'t>> {
        let start = self.pos;
        self.step_over("vignette");
        let name = self.ident()?;
        self.skip();
        let title = self.string()?;
        self.skip();
        self.expect(b"{")?;
        self.skip();
        let (mut difficulty, mut story) = (None, Vec::new());
        let (mut answers, mut expectations) = (Vec::new(), Vec::new());
        loop {
            let word = self.word();
            match word {
                "difficulty" => {
                    self.step_over(word);
                    difficulty = Some(match self.word() {
                        "easy" => Difficulty::Easy,
                        "medium" => Difficulty::Medium,
                        "hard" => Difficulty::Hard,
                        _ => return None,
                    });
                    self.pos += self.word().len();
                }
                "story" => {
                    self.step_over(word);
                    story.extend(self.strings()?);
                }
                "answers" => {
                    self.step_over(word);
                    answers.extend(self.answer_pairs()?);
                }
                "expect" => expectations.push(self.expectation()?),
                _ => break,
            }
            self.skip();
        }
        self.expect(b"}")?;
        let span = self.span(start);
        Some(VignetteDecl {
            case: CaseDecl {
                name: title.clone(),
                answers,
                expectations,
                span,
            },
            name,
            title,
            difficulty,
            story,
        })
    }

    fn section(&mut self, document: &mut Document<'t>) -> Option<()> {
        self.step_over("section");
        let name = self.ident()?;
        self.skip();
        let title = self.string()?;
        self.skip();
        self.expect(b"{")?;
        let index = document.sections.len();
        document.sections.push(SectionDecl { name, title });
        loop {
            self.skip();
            match self.word() {
                "question" | "decide" | "outcome" => {
                    let node = self.node(Some(index))?;
                    document.nodes.push(node);
                }
                _ => return self.expect(b"}"),
            }
        }
    }

    fn node(&mut self, section: Option<usize>) -> Option<NodeDecl<'t>> {
        let start = self.pos;
        let keyword = self.word();
        self.step_over(keyword);
        let name = self.ident()?;
        self.skip();
        self.expect(b"{")?;
        self.skip();
        let mut common = Common::default();
        let kind = match keyword {
            "question" => NodeKindDecl::Question(Box::new(self.question(&mut common)?)),
            "decide" => NodeKindDecl::Decide(self.decide(&mut common)?),
            _ => NodeKindDecl::Outcome(self.outcome(&mut common)?),
        };
        self.expect(b"}")?;
        Some(NodeDecl {
            name,
            section,
            common,
            kind,
            span: self.span(start),
        })
    }

    /// A field every node kind may have (`why`, `source`, and on questions
    /// and outcomes `clinical`, `tags`); `None` when the word is another.
    fn common_field(&mut self, common: &mut Common<'t>, word: &str) -> Option<bool> {
        match word {
            "clinical" | "why" => {
                self.step_over(word);
                let text = Some(self.string()?);
                if word == "why" {
                    common.why = text;
                } else {
                    common.clinical = text;
                }
            }
            "source" => {
                self.step_over(word);
                let document = self.string()?;
                self.skip();
                let part = if self.peek() == Some(b'"') {
                    Some(self.string()?)
                } else {
                    None
                };
                common.sources.push(SourceRef { document, part });
            }
            "tags" => {
                self.step_over(word);
                common.tags.extend(self.comma_list(Self::ident)?);
            }
            _ => return Some(false),
        }
        Some(true)
    }

    /// The fields of a question, up to its closing brace.
    fn question(&mut self, common: &mut Common<'t>) -> Option<QuestionDecl<'t>> {
        let mut question = QuestionDecl::default();
        loop {
            let word = self.word();
            if !self.common_field(common, word)? {
                let start = self.pos;
                match word {
                    "ask" => {
                        self.step_over(word);
                        question.ask = Some(self.string()?);
                    }
                    "multiple" => {
                        self.pos += word.len();
                        question.multiple = Some(self.span(start));
                    }
                    "number" => question.number = Some(self.number_spec()?),
                    "skip" => {
                        self.step_over(word);
                        if !self.eat_word("when") {
                            return None;
                        }
                        self.skip();
                        let condition = self.condition()?;
                        self.skip();
                        let target = self.arrow()?;
                        question.skip = Some((condition, target));
                    }
                    "yes" | "no" | "unsure" => question.arms.push(self.arm(true)?),
                    "answer" => question.arms.push(self.arm(false)?),
                    "then" => {
                        self.step_over(word);
                        question.then = Some(self.step()?);
                    }
                    _ => return Some(question),
                }
            }
            self.skip();
        }
    }

    /// `number range unit? into?`
    fn number_spec(&mut self) -> Option<NumberSpec<'t>> {
        let start = self.pos;
        self.step_over("number");
        let (min, max) = self.range()?;
        self.skip();
        let unit = if self.eat_word("unit") {
            self.skip();
            Some(self.string()?)
        } else {
            None
        };
        self.skip();
        let into = if self.eat_word("into") {
            self.skip();
            Some(self.ident()?)
        } else {
            None
        };
        Some(NumberSpec {
            min,
            max,
            unit,
            into,
            span: self.span(start),
        })
    }

    /// `yesno_word string? synonyms? arrow? effect*` or
    /// `"answer" ident string synonyms? arrow? effect*`.
    fn arm(&mut self, yes_no: bool) -> Option<ArmDecl<'t>> {
        let start = self.pos;
        let key = if yes_no {
            ArmKey::YesNo(self.ident()?)
        } else {
            self.step_over("answer");
            ArmKey::Answer(self.ident()?)
        };
        self.skip();
        let label = if !yes_no || self.peek() == Some(b'"') {
            Some(self.string()?)
        } else {
            None
        };
        self.skip();
        let synonyms = if self.eat_word("synonyms") {
            self.skip();
            self.comma_list(Self::string)?
        } else {
            Vec::new()
        };
        self.skip();
        let target = if self.bytes[self.pos..].starts_with(b"->") {
            Some(self.arrow()?)
        } else {
            None
        };
        self.skip();
        let effects = self.effects()?;
        Some(ArmDecl {
            key,
            label,
            synonyms,
            target,
            effects,
            span: self.span(start),
        })
    }

    /// `"->" ref_id`
    fn arrow(&mut self) -> Option<Name<'t>> {
        self.expect(b"->")?;
        self.skip();
        self.ref_id()
    }

    /// `arrow effect*`
    fn step(&mut self) -> Option<Step<'t>> {
        let target = self.arrow()?;
        self.skip();
        let effects = self.effects()?;
        Some(Step { target, effects })
    }

    /// `effect*`, starting after the whitespace before it. When there is
    /// none, that whitespace stays consumed; after the last, the whitespace
    /// looked past is given back.
    fn effects(&mut self) -> Option<Vec<Effect<'t>>> {
        let mut effects = Vec::new();
        let Some(first) = self.effect()? else {
            return Some(effects);
        };
        effects.push(first);
        loop {
            let save = self.pos;
            self.skip();
            match self.effect()? {
                Some(effect) => effects.push(effect),
                None => {
                    self.pos = save;
                    return Some(effects);
                }
            }
        }
    }

    /// One effect; `Some(None)` when the next word starts none.
    fn effect(&mut self) -> Option<Option<Effect<'t>>> {
        let effect = match self.word() {
            "set" => {
                self.pos += 3;
                self.skip();
                let fact = self.ident()?;
                self.skip();
                let value = if self.peek() == Some(b'=') {
                    self.pos += 1;
                    self.skip();
                    Some(self.value()?)
                } else {
                    None
                };
                Effect::Set { fact, value }
            }
            "note" => {
                self.pos += 4;
                self.skip();
                let lay = self.string()?;
                self.skip();
                let therapist = if self.eat_word("therapist") {
                    self.skip();
                    Some(self.string()?)
                } else {
                    None
                };
                Effect::Note { lay, therapist }
            }
            "finding" => {
                self.pos += 7;
                self.skip();
                Effect::Finding(self.string()?)
            }
            _ => return Some(None),
        };
        Some(Some(effect))
    }

    /// `(why | source)* when_arm* otherwise_arm?`, up to the closing brace.
    fn decide(&mut self, common: &mut Common<'t>) -> Option<DecideDecl<'t>> {
        let mut decide = DecideDecl {
            arms: Vec::new(),
            otherwise: None,
        };
        while matches!(self.word(), "why" | "source") {
            self.common_field(common, self.word())?;
            self.skip();
        }
        while self.eat_word("when") {
            self.skip();
            let condition = self.condition()?;
            self.skip();
            let step = self.step()?;
            decide.arms.push((condition, step));
            self.skip();
        }
        if self.eat_word("otherwise") {
            self.skip();
            decide.otherwise = Some(self.step()?);
            self.skip();
        }
        Some(decide)
    }

    /// The fields of an outcome, up to its closing brace.
    fn outcome(&mut self, common: &mut Common<'t>) -> Option<OutcomeDecl<'t>> {
        let mut outcome = OutcomeDecl::default();
        loop {
            let word = self.word();
            if !self.common_field(common, word)? {
                let start = self.pos;
                match word {
                    "verdict" => {
                        self.step_over(word);
                        let kind = match self.word() {
                            "treat" => VerdictKind::Treat,
                            "modify" => VerdictKind::Modify,
                            "refer" => VerdictKind::Refer,
                            _ => return None,
                        };
                        self.pos += self.word().len();
                        let mut span = self.span(start);
                        self.skip();
                        let urgency = match self.word() {
                            "emergency" => Some(Urgency::Emergency),
                            "urgent" => Some(Urgency::Urgent),
                            "routine" => Some(Urgency::Routine),
                            _ => None,
                        };
                        if urgency.is_some() {
                            self.pos += self.word().len();
                            span = self.span(start);
                        }
                        outcome.verdict = Some(VerdictDecl {
                            kind,
                            urgency,
                            span,
                        });
                    }
                    "title" => {
                        self.step_over(word);
                        outcome.title = Some(self.string()?);
                    }
                    "plan" | "avoid" | "selfcare" | "safety" => {
                        self.step_over(word);
                        let texts = self.strings()?;
                        match word {
                            "plan" => outcome.plan.extend(texts),
                            "avoid" => outcome.avoid.extend(texts),
                            "selfcare" => outcome.selfcare.extend(texts),
                            _ => outcome.safety.extend(texts),
                        }
                    }
                    _ => return Some(outcome),
                }
            }
            self.skip();
        }
    }

    // --------------------------------------------------------- conditions

    /// `and_expr (kw_or and_expr)*`
    fn condition(&mut self) -> Option<Expr<'t>> {
        self.joined("or", Self::and_expr, Expr::Or)
    }

    /// `not_expr (kw_and not_expr)*`
    fn and_expr(&mut self) -> Option<Expr<'t>> {
        self.joined("and", Self::not_expr, Expr::And)
    }

    fn joined(
        &mut self,
        keyword: &str,
        part: fn(&mut Self) -> Option<Expr<'t>>,
        join: fn(Vec<Expr<'t>>) -> Expr<'t>,
    ) -> Option<Expr<'t>> {
        let mut parts = vec![part(self)?];
        loop {
            let save = self.pos;
            self.skip();
            if !self.eat_word(keyword) {
                self.pos = save;
                break;
            }
            self.skip();
            parts.push(part(self)?);
        }
        Some(if parts.len() == 1 {
            parts.pop()?
        } else {
            join(parts)
        })
    }

    /// A `not_expr`, one level deeper. `parse` skips the nesting guard when
    /// this parser succeeds, so it gives up before brackets, blocks and `not`
    /// could add up to what the guard refuses: the node's and a section's
    /// braces and a list's bracket, plus the parentheses and `not`s open here.
    fn not_expr(&mut self) -> Option<Expr<'t>> {
        self.depth += 1;
        if self.depth + 3 > MAX_DEPTH {
            return None;
        }
        let expr = self.not_expr_here();
        self.depth -= 1;
        expr
    }

    fn not_expr_here(&mut self) -> Option<Expr<'t>> {
        if self.eat_word("not") {
            self.skip();
            return Some(Expr::Not(Box::new(self.not_expr()?)));
        }
        if self.peek() == Some(b'(') {
            self.pos += 1;
            self.skip();
            let inner = self.condition()?;
            self.skip();
            self.expect(b")")?;
            return Some(inner);
        }
        if self.eat_word("any") {
            self.skip();
            let tag = self.ident()?;
            self.skip();
            if !self.eat_word("in") {
                return None;
            }
            self.skip();
            let values = self.list()?;
            return Some(Expr::AnyTagged { tag, values });
        }
        let name = self.ref_id()?;
        let save = self.pos;
        self.skip();
        if self.eat_word("in") {
            self.skip();
            let values = self.list()?;
            return Some(Expr::In { name, values });
        }
        let rest = &self.bytes[self.pos..];
        let (op, len) = match rest {
            [b'=', b'=', ..] => (CompareOp::Eq, 2),
            [b'!', b'=', ..] => (CompareOp::Ne, 2),
            [b'<', b'=', ..] => (CompareOp::Le, 2),
            [b'>', b'=', ..] => (CompareOp::Ge, 2),
            [b'<', ..] => (CompareOp::Lt, 1),
            [b'>', ..] => (CompareOp::Gt, 1),
            _ => {
                self.pos = save;
                return Some(Expr::Truth(name));
            }
        };
        self.pos += len;
        self.skip();
        let value = self.value()?;
        Some(Expr::Compare { name, op, value })
    }

    /// `"[" value ("," value)* "]"`
    fn list(&mut self) -> Option<Vec<Value<'t>>> {
        self.expect(b"[")?;
        self.skip();
        let values = self.comma_list(Self::value)?;
        self.skip();
        self.expect(b"]")?;
        Some(values)
    }
}

/// A string body with `\"`, `\\` and `\n` resolved (the only escapes the grammar allows).
/// The text a string literal's body stands for: borrowed from the source
/// unless it has escapes to resolve.
pub(super) fn unescape(body: &str) -> Cow<'_, str> {
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

#[cfg(test)]
mod tests {
    use super::super::nesting::check_nesting;
    use super::super::parser::parse_with_pest;
    use super::*;
    use proptest::prelude::*;

    /// Whenever the fast parser answers, the nesting guard and pest answer the same.
    fn agrees(text: &str) -> Result<bool, String> {
        let Some(fast) = parse(text, 3) else {
            return Ok(false);
        };
        match check_nesting(text, 3).and_then(|()| parse_with_pest(text, 3)) {
            Ok(pest) if pest == fast => Ok(true),
            other => Err(format!("on {text:?}\nfast: {fast:?}\npest: {other:?}")),
        }
    }

    /// Every .flow file under a folder of this repository.
    fn flow_files(folder: &str) -> Vec<String> {
        let mut texts = Vec::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("a readable folder") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "flow") {
                    texts.push(std::fs::read_to_string(path).expect("UTF-8"));
                }
            }
        }
        texts
    }

    fn corpus() -> Vec<String> {
        let mut texts = flow_files("knowledge");
        texts.extend(flow_files("tests/fixtures"));
        texts.extend(
            crate::synth::files(300, 7)
                .into_iter()
                .map(|(_, text)| text),
        );
        texts
    }

    #[test]
    fn agrees_with_pest_on_every_file_we_have() {
        for text in corpus() {
            agrees(&text).unwrap();
        }
    }

    #[test]
    fn takes_the_node_files_of_the_synthetic_graph() {
        for (name, text) in crate::synth::files(300, 7) {
            if name.starts_with('l') || name == "intake.flow" {
                assert!(agrees(&text).unwrap(), "{name} went to pest");
            }
        }
    }

    #[test]
    fn gives_up_where_pest_reads_a_keyword_prefix() {
        for text in [
            "question q { yes -> x setx }",
            "decide d { whenever -> x otherwise -> y }",
            "question q { skip whenx -> y }",
            "question q { number 1..2 intox }",
            "decide d { when not -> x otherwise -> y }",
            "decide d { when any == 3 -> x otherwise -> y }",
            "questionq { }",
            "question q { ask \"a\\q\" }",
            "decide d { when a.b.c -> x otherwise -> y }",
            "question q { number 5..1 }",
            "question q { number 0..99999999999999999999 }",
        ] {
            agrees(text).unwrap();
        }
    }

    #[test]
    fn gives_up_before_the_nesting_guard_would_refuse() {
        for depth in 0..40 {
            let condition = format!("{}x{}", "(not ".repeat(depth), ")".repeat(depth));
            let text = format!(
                "section s \"S\" {{ decide d {{ when {condition} -> a otherwise -> b }} }}"
            );
            agrees(&text).unwrap();
            let text = format!(
                "decide d {{ when {}x -> a otherwise -> b }}",
                "not ".repeat(depth)
            );
            agrees(&text).unwrap();
        }
    }

    #[test]
    fn spans_keep_the_blanks_before_absent_parts_like_pest() {
        for text in [
            "question q { yes -> x set a // c\n  no -> y set b = c no }",
            "question q { answer a \"A\" synonyms \"x\" , \"y\" -> z note \"n\" \n}",
            "question q { number 0..5 unit \"u\" \n multiple then -> x }",
            "outcome o { verdict refer  urgent plan \"a\" \"b\" verdict treat \n }",
            "section s \"S\" { decide d { why \"w\" when (a or b) and not c in [x, -1] -> y otherwise -> z } }",
            "decide d { when any red_flag in [yes] and x >= 3 or y != z -> y otherwise -> z }",
        ] {
            assert!(agrees(text).unwrap(), "{text}");
        }
    }

    /// Pieces to splice into valid files.
    const WORDS: &[&str] = &[
        " ",
        "\n",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ",",
        ".",
        "..",
        "->",
        "-",
        "=",
        "==",
        "<",
        ">=",
        "\"",
        "\\",
        "//",
        "and",
        "or",
        "not",
        "in",
        "any",
        "yes",
        "no",
        "unsure",
        "set",
        "note",
        "therapist",
        "finding",
        "then",
        "when",
        "otherwise",
        "skip",
        "multiple",
        "number",
        "unit",
        "into",
        "synonyms",
        "answer",
        "ask",
        "why",
        "source",
        "tags",
        "verdict",
        "refer",
        "urgent",
        "plan",
        "safety",
        "section",
        "question",
        "decide",
        "outcome",
        "x",
        "7",
        "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn agrees_with_pest_on_mutations(
            file in 0usize..1000,
            at in 0usize..100_000,
            cut in 0usize..12,
            word in proptest::sample::select(WORDS),
        ) {
            let texts = corpus();
            let text = &texts[file % texts.len()];
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let mutated = format!("{}{word}{}", &text[..at], &text[end..]);
            agrees(&mutated).map_err(TestCaseError::fail)?;
        }
    }
}
