//! The parse tree -> lines in the canonical layout:
//!
//! - two spaces per level of braces; one field, arm or fact per line;
//! - a blank line between top-level blocks and between the nodes of a section;
//!   other blank lines as written (one at most);
//! - the words that start the fields of a block padded to one column
//!   (`ask      "..."` under `clinical "..."`), likewise `yes`/`no`/`unsure`,
//!   answer ids, and the `->` of a decide node's arms;
//! - an arm that does not fit in [`WIDTH`] goes on over lines lined up under
//!   its label; a `note` or `finding` always starts its own such line, and a
//!   note's `therapist` wording sits under the note's text;
//! - a field with several strings (`plan`, `avoid`, ...) has one per line.

use pest::iterators::Pair;

use super::super::parser::Rule;
use super::WIDTH;
use super::render::{Blank, Line};
use super::tokens;

/// A decide arm whose `when ...` is longer than this keeps its own `->` line.
const LONG_CONDITION: usize = 60;

/// The lines of `text`, given its parse tree (the `file` pair).
pub fn lines<'t>(text: &'t str, tree: Pair<'t, Rule>) -> Vec<Line> {
    let mut out = Layout {
        text,
        lines: Vec::new(),
    };
    let mut previous: Option<Rule> = None;
    for item in tree.into_inner() {
        let rule = item.as_rule();
        if rule == Rule::EOI {
            continue;
        }
        let blank = match (previous, rule) {
            (None, _) => Blank::Keep,
            (Some(Rule::fact_decl), Rule::fact_decl) => Blank::Keep,
            (Some(Rule::invariant), Rule::invariant) => Blank::Keep,
            (Some(Rule::tag_decl), Rule::tag_decl) => Blank::Keep,
            _ => Blank::Force,
        };
        out.item(item, 0, blank);
        previous = Some(rule);
    }
    out.lines
}

struct Layout<'t> {
    text: &'t str,
    lines: Vec<Line>,
}

/// One part of an arm: kept on the line if it fits, unless `own_line`.
struct Piece {
    text: String,
    start: usize,
    end: usize,
    own_line: bool,
    /// Further in than the arm's other lines (a note's `therapist`).
    extra: usize,
}

/// Where `pair` starts and where its last token ends: pest lets a rule that
/// ends in `?` or `*` take the spaces and comments after it too.
fn span(pair: &Pair<Rule>) -> (usize, usize) {
    let start = pair.as_span().start();
    (start, start + tokens::code_end(pair.as_str()))
}

fn width(text: &str) -> usize {
    text.chars().count()
}

impl<'t> Layout<'t> {
    fn push(&mut self, indent: usize, text: String, start: usize, end: usize, blank: Blank) {
        self.lines.push(Line::new(indent, text, start, end, blank));
    }

    /// `}` closing the block `pair`.
    fn close(&mut self, pair: &Pair<Rule>, indent: usize) {
        // The last token of a block is its `}`.
        let end = pair.as_span().start() + tokens::code_end(pair.as_str());
        let mut line = Line::new(indent, "}".into(), end.saturating_sub(1), end, Blank::Never);
        line.comment_indent = indent + 2;
        self.lines.push(line);
    }

    fn item(&mut self, pair: Pair<Rule>, indent: usize, blank: Blank) {
        match pair.as_rule() {
            Rule::flow_header => self.header(pair, indent, blank),
            Rule::fact_decl => self.fact(pair, indent, blank),
            Rule::tag_decl => {
                let (start, end) = span(&pair);
                self.push(indent, words(&pair), start, end, blank);
            }
            Rule::section => self.section(pair, indent, blank),
            Rule::question => self.block(pair, indent, blank, "question"),
            Rule::decide => self.block(pair, indent, blank, "decide"),
            Rule::outcome => self.block(pair, indent, blank, "outcome"),
            Rule::invariant => self.invariant(pair, indent, blank),
            Rule::case => self.block(pair, indent, blank, "case"),
            Rule::baseline => self.block(pair, indent, blank, "baseline"),
            Rule::vignette => self.block(pair, indent, blank, "vignette"),
            Rule::source_decl => self.block(pair, indent, blank, "source"),
            Rule::change_decl => self.block(pair, indent, blank, "change"),
            _ => self.raw(pair, blank),
        }
    }

    /// An item this layout does not know: copied line by line as written.
    fn raw(&mut self, pair: Pair<Rule>, blank: Blank) {
        let (start, end) = span(&pair);
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let mut offset = line_start;
        for (n, source_line) in self.text[line_start..end].split('\n').enumerate() {
            let mut line = Line::new(
                0,
                source_line.trim_end().to_string(),
                offset.max(start),
                offset + source_line.len(),
                if n == 0 { blank } else { Blank::Never },
            );
            line.raw = true;
            self.lines.push(line);
            offset += source_line.len() + 1;
        }
    }

    fn header(&mut self, pair: Pair<Rule>, indent: usize, blank: Blank) {
        let (start, _) = span(&pair);
        let mut inner = pair.clone().into_inner();
        let name = inner.next().map(|p| p.as_str()).unwrap_or_default();
        let title = inner.next();
        let head_end = title.as_ref().map_or(start, |t| span(t).1);
        let title = title.map(|p| p.as_str()).unwrap_or_default();
        self.push(
            indent,
            format!("flow {name} {title} {{"),
            start,
            head_end,
            blank,
        );
        for field in inner {
            let (s, e) = span(&field);
            let text = words(&field);
            self.push(indent + 2, text, s, e, Blank::Keep);
        }
        self.close(&pair, indent);
    }

    fn fact(&mut self, pair: Pair<Rule>, indent: usize, blank: Blank) {
        let (start, end) = span(&pair);
        let mut inner = pair.into_inner();
        let name = inner.next().map(|p| p.as_str()).unwrap_or_default();
        let mut text = format!("fact {name}:");
        for part in inner {
            match part.as_rule() {
                Rule::fact_type => {
                    let kind = part.into_inner().next();
                    let kind_text = match &kind {
                        Some(k) if k.as_rule() == Rule::enum_type => k
                            .clone()
                            .into_inner()
                            .map(|p| p.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                        Some(k) => words(k),
                        None => String::new(),
                    };
                    text.push(' ');
                    text.push_str(&kind_text);
                }
                Rule::fact_meaning => {
                    let meaning = part.into_inner().map(|p| p.as_str()).collect::<Vec<_>>();
                    text.push_str(" means ");
                    text.push_str(&meaning.join(" "));
                }
                _ => {
                    text.push_str(" = ");
                    text.push_str(part.as_str());
                }
            }
        }
        self.push(indent, text, start, end, blank);
    }

    fn section(&mut self, pair: Pair<Rule>, indent: usize, blank: Blank) {
        let (start, _) = span(&pair);
        let mut inner = pair.clone().into_inner();
        let name = inner.next().map(|p| p.as_str()).unwrap_or_default();
        let title = inner.next();
        let head_end = title.as_ref().map_or(start, |t| span(t).1);
        let title = title.map(|p| p.as_str()).unwrap_or_default();
        self.push(
            indent,
            format!("section {name} {title} {{"),
            start,
            head_end,
            blank,
        );
        for (n, node) in inner.enumerate() {
            let blank = if n == 0 { Blank::Keep } else { Blank::Force };
            self.item(node, indent + 2, blank);
        }
        self.close(&pair, indent);
    }

    fn invariant(&mut self, pair: Pair<Rule>, indent: usize, blank: Blank) {
        let (start, _) = span(&pair);
        let mut inner = pair.clone().into_inner();
        let name = inner.next();
        let head_end = name.as_ref().map_or(start, |n| span(n).1);
        let name = name.map(|p| p.as_str()).unwrap_or_default();
        self.push(
            indent,
            format!("invariant {name} {{"),
            start,
            head_end,
            blank,
        );
        let conditions: Vec<Pair<Rule>> = inner.collect();
        if let (Some(first), Some(last)) = (conditions.first(), conditions.last()) {
            let text = format!("{} => {}", condition(first), condition(last));
            self.push(indent + 2, text, span(first).0, span(last).1, Blank::Keep);
        }
        self.close(&pair, indent);
    }

    /// A question, decide node, outcome, case or vignette: `keyword id "title" {`,
    /// its fields lined up, `}`.
    fn block(&mut self, pair: Pair<Rule>, indent: usize, blank: Blank, keyword: &str) {
        let (start, _) = span(&pair);
        let mut head = vec![keyword.to_string()];
        let mut head_end = start;
        let mut fields = Vec::new();
        for part in pair.clone().into_inner() {
            match part.as_rule() {
                Rule::ident | Rule::string if fields.is_empty() => {
                    head.push(part.as_str().to_string());
                    head_end = span(&part).1;
                }
                Rule::kw_change if fields.is_empty() => {}
                _ => fields.push(part),
            }
        }
        head.push("{".into());
        self.push(indent, head.join(" "), start, head_end, blank);
        let inner = indent + 2;

        let keyword_width = fields
            .iter()
            .filter(|f| {
                is_simple(f.as_rule())
                    || matches!(
                        f.as_rule(),
                        Rule::answers | Rule::expectation | Rule::synonyms | Rule::story_tells
                    )
            })
            .map(|f| width(field_keyword(f)))
            .max()
            .unwrap_or(0);
        let yesno_width = fields
            .iter()
            .filter(|f| f.as_rule() == Rule::yesno_arm)
            .filter_map(|f| f.clone().into_inner().next())
            .map(|w| width(w.as_str()))
            .max()
            .unwrap_or(0);
        let answer_width = fields
            .iter()
            .filter(|f| f.as_rule() == Rule::answer_arm)
            .filter_map(|f| f.clone().into_inner().next())
            .map(|w| width(w.as_str()))
            .max()
            .unwrap_or(0);
        let arrow_column = fields
            .iter()
            .filter_map(|f| match f.as_rule() {
                Rule::when_arm => f
                    .clone()
                    .into_inner()
                    .next()
                    .map(|c| width(&format!("when {}", condition(&c)))),
                Rule::otherwise_arm => Some(width("otherwise")),
                _ => None,
            })
            .filter(|&w| w <= LONG_CONDITION)
            .max()
            .unwrap_or(0)
            + 1;

        for field in fields {
            let rule = field.as_rule();
            if is_simple(rule) {
                self.simple(field, inner, keyword_width);
            } else {
                match rule {
                    Rule::yesno_arm => self.yesno(field, inner, yesno_width),
                    Rule::answer_arm => self.answer(field, inner, answer_width),
                    Rule::then_arm => self.then(field, inner),
                    Rule::when_arm => self.when(field, inner, arrow_column),
                    Rule::otherwise_arm => self.otherwise(field, inner, arrow_column),
                    Rule::skip_when => {
                        let (s, e) = span(&field);
                        let mut parts = field.into_inner();
                        let cond = parts.next().map(|c| condition(&c)).unwrap_or_default();
                        let arrow = parts.next().map(|a| words(&a)).unwrap_or_default();
                        self.push(
                            inner,
                            format!("skip when {cond} {arrow}"),
                            s,
                            e,
                            Blank::Keep,
                        );
                    }
                    Rule::applies_when => {
                        let (s, e) = span(&field);
                        let mut parts = field.into_inner();
                        let cond = parts.next().map(|c| condition(&c)).unwrap_or_default();
                        self.push(inner, format!("applies when {cond}"), s, e, Blank::Keep);
                    }
                    Rule::expectation => {
                        let (s, e) = span(&field);
                        let text = format!("{:<keyword_width$} {}", "expect", words(&field));
                        self.push(inner, text.trim_end().to_string(), s, e, Blank::Keep);
                    }
                    Rule::answers => self.answers(field, inner, keyword_width),
                    Rule::synonyms => self.comma_list(field, inner, keyword_width, "synonyms"),
                    Rule::story_tells => self.comma_list(field, inner, keyword_width, "tells"),
                    _ => {
                        let (s, e) = span(&field);
                        self.push(inner, words(&field), s, e, Blank::Keep);
                    }
                }
            }
        }
        self.close(&pair, indent);
    }

    /// `keyword value`, the keyword padded; further strings one per line below the first.
    fn simple(&mut self, field: Pair<Rule>, indent: usize, keyword_width: usize) {
        let keyword = field_keyword(&field);
        let values: Vec<Pair<Rule>> = field.clone().into_inner().collect();
        let (start, end) = span(&field);
        let padded = format!("{keyword:<keyword_width$}");
        let multi = matches!(
            field.as_rule(),
            Rule::plan
                | Rule::therapist_plan
                | Rule::avoid
                | Rule::selfcare
                | Rule::safety_net
                | Rule::story
        );
        if !multi || values.len() < 2 {
            let rest = match field.as_rule() {
                Rule::tags | Rule::source_kind | Rule::change_refs => values
                    .iter()
                    .filter(|v| v.as_rule() != Rule::kw_change)
                    .map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => values.iter().map(words).collect::<Vec<_>>().join(" "),
            };
            let text = if rest.is_empty() {
                keyword.to_string()
            } else {
                format!("{padded} {rest}")
            };
            self.push(indent, text, start, end, Blank::Keep);
            return;
        }
        for (n, value) in values.iter().enumerate() {
            let (s, e) = span(value);
            let line = words(value);
            let (text, blank, line_start) = if n == 0 {
                (format!("{padded} {line}"), Blank::Keep, start)
            } else {
                (line, Blank::Never, s)
            };
            let line_indent = if n == 0 {
                indent
            } else {
                indent + width(&padded) + 1
            };
            self.push(line_indent, text, line_start, e, blank);
        }
    }

    /// `answers a=b c=d ...`, filled up to the width, further lines under the first pair.
    fn answers(&mut self, field: Pair<Rule>, indent: usize, keyword_width: usize) {
        let (start, _) = span(&field);
        let head = format!("{:<keyword_width$}", "answers");
        let pieces = field
            .into_inner()
            .map(|pair| {
                let (s, e) = span(&pair);
                Piece {
                    text: pair.as_str().to_string(),
                    start: s,
                    end: e,
                    own_line: false,
                    extra: 0,
                }
            })
            .collect();
        let column = indent + width(&head) + 1;
        self.fill(indent, head, start, column, pieces, Blank::Keep, true);
    }

    /// A change's `synonyms "a", "b", ...` or a vignette's `tells a, b, ...`,
    /// filled up to the width, further lines under the first.
    fn comma_list(
        &mut self,
        field: Pair<Rule>,
        indent: usize,
        keyword_width: usize,
        keyword: &str,
    ) {
        let (start, _) = span(&field);
        let head = format!("{keyword:<keyword_width$}");
        let values: Vec<Pair<Rule>> = field.into_inner().collect();
        let last = values.len().saturating_sub(1);
        let pieces = (values.iter().enumerate())
            .map(|(n, pair)| {
                let (s, e) = span(pair);
                let comma = if n < last { "," } else { "" };
                Piece {
                    text: format!("{}{comma}", pair.as_str()),
                    start: s,
                    end: e,
                    own_line: false,
                    extra: 0,
                }
            })
            .collect();
        let column = indent + width(&head) + 1;
        self.fill(indent, head, start, column, pieces, Blank::Keep, true);
    }

    fn yesno(&mut self, arm: Pair<Rule>, indent: usize, word_width: usize) {
        let (start, _) = span(&arm);
        let mut inner = arm.into_inner().peekable();
        let word = inner
            .next()
            .map(|w| w.as_str().to_string())
            .unwrap_or_default();
        let mut head = format!("{word:<word_width$}");
        if let Some(label) = inner.next_if(|p| p.as_rule() == Rule::string) {
            head = format!("{} {}", head.trim_end(), label.as_str());
        }
        let column = indent + word_width.max(width(&word)) + 1;
        let pieces = arm_pieces(inner);
        self.fill(indent, head, start, column, pieces, Blank::Keep, false);
    }

    fn answer(&mut self, arm: Pair<Rule>, indent: usize, id_width: usize) {
        let (start, _) = span(&arm);
        let mut inner = arm.into_inner();
        let id = inner
            .next()
            .map(|w| w.as_str().to_string())
            .unwrap_or_default();
        let label = inner
            .next()
            .map(|w| w.as_str().to_string())
            .unwrap_or_default();
        let head = format!("answer {id:<id_width$} {label}");
        let column = indent + width("answer ") + id_width.max(width(&id)) + 1;
        let pieces = arm_pieces(inner);
        self.fill(indent, head, start, column, pieces, Blank::Keep, false);
    }

    fn then(&mut self, arm: Pair<Rule>, indent: usize) {
        let (start, _) = span(&arm);
        let pieces = arm_pieces(arm.into_inner());
        self.fill(
            indent,
            "then".into(),
            start,
            indent + 5,
            pieces,
            Blank::Keep,
            false,
        );
    }

    fn when(&mut self, arm: Pair<Rule>, indent: usize, arrow_column: usize) {
        let (start, _) = span(&arm);
        let mut inner = arm.into_inner();
        let Some(cond) = inner.next() else {
            return;
        };
        let head = format!("when {}", condition(&cond));
        let pieces = arm_pieces(inner);
        if width(&head) <= LONG_CONDITION {
            let head = format!("{head:<width$}", width = arrow_column - 1);
            self.fill(
                indent,
                head,
                start,
                indent + arrow_column,
                pieces,
                Blank::Keep,
                false,
            );
            return;
        }
        // A long condition: broken before its top-level `or` (or `and`), and
        // the arrow on a line of its own in the arrow column.
        let (joiner, parts) = top_level_parts(&cond);
        let mut line = String::from("when");
        let mut line_start = start;
        let mut first = true;
        for (n, part) in parts.iter().enumerate() {
            let word = if n == 0 {
                String::new()
            } else {
                format!("{joiner} ")
            };
            let candidate = format!("{line} {word}{}", part.0);
            let line_indent = if first { indent } else { indent + 2 };
            if n > 0 && line_indent + width(&candidate) > WIDTH {
                self.push(
                    line_indent,
                    line,
                    line_start,
                    part.1,
                    if first { Blank::Keep } else { Blank::Never },
                );
                first = false;
                line = format!("{joiner} {}", part.0);
                line_start = part.1;
            } else {
                line = candidate;
            }
        }
        let cond_end = span(&cond).1;
        let line_indent = if first { indent } else { indent + 2 };
        self.push(
            line_indent,
            line,
            line_start,
            cond_end,
            if first { Blank::Keep } else { Blank::Never },
        );
        if !pieces.is_empty() {
            let column = indent + arrow_column;
            self.fill(
                column,
                String::new(),
                cond_end,
                column,
                pieces,
                Blank::Never,
                false,
            );
        }
    }

    fn otherwise(&mut self, arm: Pair<Rule>, indent: usize, arrow_column: usize) {
        let (start, _) = span(&arm);
        let pieces = arm_pieces(arm.into_inner());
        let head = format!("{:<width$}", "otherwise", width = arrow_column - 1);
        self.fill(
            indent,
            head,
            start,
            indent + arrow_column,
            pieces,
            Blank::Keep,
            false,
        );
    }

    /// `head` then each piece: on the same line while it fits, else on a new
    /// line at `column`. Unless `greedy`, once one piece moved down, every
    /// later one does too (an arm's effects read best one per line); greedy
    /// filling packs each line (a case's answers read best as a paragraph).
    /// An empty `head` starts with the first piece on the line.
    #[allow(clippy::too_many_arguments)]
    fn fill(
        &mut self,
        indent: usize,
        head: String,
        start: usize,
        column: usize,
        pieces: Vec<Piece>,
        first_blank: Blank,
        greedy: bool,
    ) {
        let mut current = (indent, head, start, start);
        let mut first = true;
        let mut wrapped = false;
        for piece in pieces {
            let fits = indent_width(&current) + 1 + width(&piece.text) <= WIDTH;
            if current.1.is_empty() {
                current.1 = piece.text;
                current.2 = piece.start;
                current.3 = piece.end;
                continue;
            }
            if !piece.own_line && (greedy || !wrapped) && fits {
                current.1.push(' ');
                current.1.push_str(&piece.text);
                current.3 = piece.end;
                continue;
            }
            let blank = if first { first_blank } else { Blank::Never };
            let (i, t, s, e) = std::mem::replace(
                &mut current,
                (column + piece.extra, piece.text, piece.start, piece.end),
            );
            self.push(i, t, s, e, blank);
            first = false;
            wrapped = true;
        }
        let blank = if first { first_blank } else { Blank::Never };
        self.push(current.0, current.1, current.2, current.3, blank);
    }
}

fn indent_width(line: &(usize, String, usize, usize)) -> usize {
    line.0 + width(&line.1)
}

/// Fields written `keyword value...` whose keywords line up in one column.
fn is_simple(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ask
            | Rule::clinical
            | Rule::why
            | Rule::source
            | Rule::tags
            | Rule::verdict
            | Rule::title
            | Rule::plan
            | Rule::therapist_plan
            | Rule::avoid
            | Rule::selfcare
            | Rule::safety_net
            | Rule::difficulty_field
            | Rule::story
            | Rule::source_kind
            | Rule::source_section
            | Rule::source_file
            | Rule::change_label
            | Rule::change_refs
    )
}

/// The word a field starts with.
fn field_keyword(field: &Pair<Rule>) -> &'static str {
    match field.as_rule() {
        Rule::ask => "ask",
        Rule::clinical => "clinical",
        Rule::why => "why",
        Rule::source => "source",
        Rule::tags => "tags",
        Rule::verdict => "verdict",
        Rule::title => "title",
        Rule::plan => "plan",
        Rule::therapist_plan => "therapist",
        Rule::source_kind => "kind",
        Rule::source_section => "section",
        Rule::source_file => "file",
        Rule::avoid => "avoid",
        Rule::selfcare => "selfcare",
        Rule::safety_net => "safety",
        Rule::difficulty_field => "difficulty",
        Rule::story => "story",
        Rule::answers => "answers",
        Rule::expectation => "expect",
        Rule::change_label => "label",
        Rule::change_refs => "change",
        Rule::story_tells => "tells",
        Rule::synonyms => "synonyms",
        _ => "",
    }
}

/// Synonyms, `-> target` with the `set`s right after it, each other effect;
/// `note` and `finding` on lines of their own, a note's `therapist` under its text.
fn arm_pieces<'i>(parts: impl Iterator<Item = Pair<'i, Rule>>) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut after_arrow = false;
    for part in parts {
        let (start, end) = span(&part);
        match part.as_rule() {
            Rule::synonyms => {
                let list: Vec<&str> = part.clone().into_inner().map(|s| s.as_str()).collect();
                pieces.push(piece(
                    format!("synonyms {}", list.join(", ")),
                    start,
                    end,
                    false,
                ));
            }
            Rule::within => {
                // As written, spaces squeezed: the formatter keeps every token
                // as it is, and `0..6` and `0 .. 6` are different tokens to it.
                let text = part
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                pieces.push(piece(text, start, end, false));
            }
            Rule::arrow => {
                pieces.push(piece(words(&part), start, end, false));
                after_arrow = true;
                continue;
            }
            Rule::set_effect => {
                let mut inner = part.into_inner();
                let name = inner.next().map(|p| p.as_str()).unwrap_or_default();
                let text = match inner.next() {
                    Some(value) => format!("set {name} = {}", value.as_str()),
                    None => format!("set {name}"),
                };
                match pieces.last_mut() {
                    Some(last) if after_arrow => {
                        last.text.push(' ');
                        last.text.push_str(&text);
                        last.end = end;
                    }
                    _ => pieces.push(piece(text, start, end, false)),
                }
                continue;
            }
            Rule::note_effect => {
                let mut inner = part.into_inner();
                if let Some(lay) = inner.next() {
                    let mut e = span(&lay).1;
                    pieces.push(piece(format!("note {}", lay.as_str()), start, e, true));
                    for rest in inner {
                        let text = if rest.as_rule() == Rule::change_refs {
                            let ids: Vec<&str> = (rest.clone().into_inner())
                                .filter(|p| p.as_rule() != Rule::kw_change)
                                .map(|p| p.as_str())
                                .collect();
                            format!("change {}", ids.join(", "))
                        } else {
                            format!("therapist {}", rest.as_str())
                        };
                        let rest_end = span(&rest).1;
                        let mut rest_piece = piece(text, e, rest_end, true);
                        rest_piece.extra = width("note ");
                        pieces.push(rest_piece);
                        e = rest_end;
                    }
                }
            }
            Rule::finding_effect => pieces.push(piece(words(&part), start, end, true)),
            _ => pieces.push(piece(words(&part), start, end, false)),
        }
        after_arrow = false;
    }
    pieces
}

fn piece(text: String, start: usize, end: usize, own_line: bool) -> Piece {
    Piece {
        text,
        start,
        end,
        own_line,
        extra: 0,
    }
}

/// A field or small rule as words: keywords the grammar matches silently are
/// put back from the rule's name.
fn words(pair: &Pair<Rule>) -> String {
    if pair.as_rule() == Rule::advice_clinically {
        let words: Vec<&str> = (pair.clone().into_inner())
            .filter(|p| p.as_rule() == Rule::string)
            .map(|p| p.as_str())
            .collect();
        return format!("clinically {}", words.join(" "));
    }
    if pair.as_rule() == Rule::finding_root {
        let roots: Vec<&str> = (pair.clone().into_inner())
            .filter(|p| p.as_rule() == Rule::ident)
            .map(|p| p.as_str())
            .collect();
        return format!("root {}", roots.join(", "));
    }
    if pair.as_rule() == Rule::advice_when {
        let condition_text = (pair.clone().into_inner())
            .map(|p| condition(&p))
            .collect::<String>();
        return format!("when {condition_text}");
    }
    let inner: Vec<String> = pair.clone().into_inner().map(|p| words(&p)).collect();
    let keyword = match pair.as_rule() {
        Rule::version_field => "version",
        Rule::start_field => "start",
        Rule::disclaimer_field => "disclaimer",
        Rule::arrow => "->",
        Rule::finding_effect => "finding",
        Rule::expect_outcome => "outcome",
        Rule::expect_note => "note",
        Rule::unit => "unit",
        Rule::into => "into",
        Rule::number_spec => "number",
        Rule::number_type => "number",
        Rule::multiple => "multiple",
        Rule::difficulty_field => "difficulty",
        Rule::tag_meaning => "means",
        _ => "",
    };
    let atomic = matches!(
        pair.as_rule(),
        Rule::string
            | Rule::range
            | Rule::ident
            | Rule::ref_id
            | Rule::number
            | Rule::answer_pair
            | Rule::verdict_kind
            | Rule::urgency
            | Rule::difficulty
            | Rule::bool_type
            | Rule::value
            | Rule::time_unit
            | Rule::kw_tag
            | Rule::meaning
    );
    if atomic {
        return pair.as_str().to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    if !keyword.is_empty() {
        parts.push(keyword.to_string());
    }
    parts.extend(inner);
    parts.join(" ")
}

/// A condition with canonical spacing: `a and (b or not c)`, `x in [a, b]`.
pub fn condition(pair: &Pair<Rule>) -> String {
    let parts = || pair.clone().into_inner();
    match pair.as_rule() {
        Rule::condition => parts().map(|p| condition(&p)).collect(),
        Rule::or_expr | Rule::and_expr => {
            let joiner = if pair.as_rule() == Rule::or_expr {
                " or "
            } else {
                " and "
            };
            parts()
                .filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and))
                .map(|p| condition(&p))
                .collect::<Vec<_>>()
                .join(joiner)
        }
        Rule::not_expr => parts()
            .map(|p| match p.as_rule() {
                Rule::condition => format!("({})", condition(&p)),
                _ => condition(&p),
            })
            .collect(),
        Rule::negation => {
            let rest: String = parts()
                .filter(|p| p.as_rule() != Rule::kw_not)
                .map(|p| condition(&p))
                .collect();
            format!("not {rest}")
        }
        Rule::any_tagged => {
            let mut inner = parts().filter(|p| !matches!(p.as_rule(), Rule::kw_any | Rule::kw_in));
            let tag = inner
                .next()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default();
            let list = inner.next().map(|p| condition(&p)).unwrap_or_default();
            format!("any {tag} in {list}")
        }
        Rule::membership => {
            let mut inner = parts().filter(|p| p.as_rule() != Rule::kw_in);
            let name = inner
                .next()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default();
            let list = inner.next().map(|p| condition(&p)).unwrap_or_default();
            format!("{name} in {list}")
        }
        Rule::comparison => parts()
            .map(|p| p.as_str().to_string())
            .collect::<Vec<_>>()
            .join(" "),
        Rule::list => format!(
            "[{}]",
            parts()
                .map(|p| p.as_str().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => pair.as_str().to_string(),
    }
}

/// The parts a long condition may be broken into: its top-level `or` terms,
/// else its `and` terms. Each with the byte where it starts.
fn top_level_parts(cond: &Pair<Rule>) -> (&'static str, Vec<(String, usize)>) {
    let terms = |pair: Pair<Rule>, skip: Rule| -> Vec<(String, usize)> {
        pair.into_inner()
            .filter(|p| p.as_rule() != skip)
            .map(|p| (condition(&p), span(&p).0))
            .collect()
    };
    let Some(or_expr) = cond.clone().into_inner().next() else {
        return ("or", vec![(condition(cond), span(cond).0)]);
    };
    let ors = terms(or_expr.clone(), Rule::kw_or);
    if ors.len() > 1 {
        return ("or", ors);
    }
    match or_expr.into_inner().next() {
        Some(and_expr) => ("and", terms(and_expr, Rule::kw_and)),
        None => ("or", vec![(condition(cond), span(cond).0)]),
    }
}
