//! Completion from what is written before the cursor on its line, so it
//! works while the file is half typed: node ids after `->`, facts after
//! `set`, a fact's values or a question's answers after `==` or `in [`,
//! tags after `tags` and `any`, and the keywords of the enclosing block at
//! the start of a line.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionList, CompletionResponse};

use super::code_chars::code_chars;
use super::hover::domain_text;
use super::names::Names;
use crate::compile::{Declaration, Detail, Domain, NodeDetail, NodeSort, Symbol, YesNo};
use crate::syntax::TOP_LEVEL_WORDS as TOP;

/// What may be written in each kind of block, in the grammar's words.
const FLOW: &[&str] = &["version", "start", "disclaimer"];
const SECTION: &[&str] = &["question", "decide", "outcome"];
const QUESTION: &[&str] = &[
    "ask", "clinical", "why", "source", "tags", "yes", "no", "unsure", "answer", "then", "number",
    "multiple", "skip", "applies",
];
const DECIDE: &[&str] = &["why", "source", "when", "otherwise"];
const OUTCOME: &[&str] = &[
    "verdict", "title", "clinical", "why", "plan", "avoid", "selfcare", "safety", "source", "tags",
];
const CASE: &[&str] = &["answers", "expect"];
const VIGNETTE: &[&str] = &["difficulty", "story", "answers", "expect"];
const SOURCE: &[&str] = &["title", "kind", "section"];

/// At most this many items are sent; the list says it is incomplete, so
/// the editor asks again as the word grows (a folder of 10,000 nodes would
/// otherwise send them all on every `->`).
const MOST: usize = 200;

/// The completions at `offset`: those that fit the word typed so far (its
/// letters in order), at most [`MOST`].
pub fn complete(index: &Names, file: usize, text: &str, offset: usize) -> CompletionResponse {
    let offset = floor(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let typed = text[line_start..offset]
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut items = candidates(index, file, text, offset);
    items.retain(|item| in_order(&typed, &item.label.to_ascii_lowercase()));
    let is_incomplete = items.len() > MOST;
    items.truncate(MOST);
    CompletionResponse::List(CompletionList {
        is_incomplete,
        items,
    })
}

/// Whether the characters of `typed` appear in `label` in order.
fn in_order(typed: &str, label: &str) -> bool {
    let mut rest = label.chars();
    typed.chars().all(|c| rest.any(|l| l == c))
}

fn candidates(index: &Names, file: usize, text: &str, offset: usize) -> Vec<CompletionItem> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let word_start = after_last(line, |c| {
        !(c.is_ascii_alphanumeric() || c == '_' || c == '.')
    });
    let before = line[..word_start].trim_end();
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '[' || c == ',' || c == '(')
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last().copied().unwrap_or("");
    let previous = words.len().checked_sub(2).map_or("", |i| words[i]);
    let first = words.first().copied().unwrap_or("");

    if before.is_empty() {
        return keywords(block_keywords(&text[..line_start]));
    }
    if before.ends_with("->") || last == "start" || (last == "outcome" && previous == "expect") {
        let mut items = nodes(index, file);
        if before.ends_with("->") {
            items.push(item(
                "next",
                CompletionItemKind::KEYWORD,
                Some("the node written after this one"),
            ));
        }
        return items;
    }
    if last == "set" {
        return facts(index, false);
    }
    if last == "into" {
        return facts(index, true);
    }
    if last == "=" && previous.is_empty() {
        return Vec::new();
    }
    if last == "=" && words.len() >= 3 && words[words.len() - 3] == "set" {
        return values(index, file, previous);
    }
    if last == "tags" || last == "any" || (first == "tags" && before.ends_with(',')) {
        return tags(index)
            .into_iter()
            .map(|t| item(&t, CompletionItemKind::CONSTANT, None))
            .collect();
    }
    if ["==", "!=", "<", ">", "<=", ">="].contains(&last) {
        return values(index, file, previous);
    }
    if let Some(operand) = list_operand(&words, before) {
        return values(index, file, operand);
    }
    if last == "verdict" {
        return keywords(&["treat", "modify", "refer"]);
    }
    if last == "refer" {
        return keywords(&["emergency", "urgent", "routine"]);
    }
    if last == "expect" {
        return keywords(&["treat", "modify", "refer", "outcome", "note"]);
    }
    if last == "difficulty" {
        return keywords(&["easy", "medium", "hard"]);
    }
    if ["when", "and", "or", "not", "=>", "{"].contains(&last) || before.ends_with('(') {
        let mut items = facts(index, false);
        items.extend(questions(index, file));
        return items;
    }
    if first == "answers" || line.contains('=') && !line.contains('"') {
        return case_answers(index, file, line, word_start);
    }
    Vec::new()
}

fn floor(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Where the text after the last character that `is` starts (0 if none):
/// past the whole character, however many bytes it takes.
fn after_last(text: &str, is: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| is(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// In `x in [a, b, `: `x`.
fn list_operand<'a>(words: &[&'a str], before: &str) -> Option<&'a str> {
    let open = before.rfind('[')?;
    if before[open..].contains(']') {
        return None;
    }
    let in_at = words.iter().rposition(|w| *w == "in")?;
    let operand = *words.get(in_at.checked_sub(1)?)?;
    // `any tag in [...]`: the values are yes/no/unsure.
    if in_at >= 2 && words[in_at - 2] == "any" {
        return Some("");
    }
    Some(operand)
}

/// In `answers q=`, the answers of `q`; otherwise the questions.
fn case_answers(index: &Names, file: usize, line: &str, word_start: usize) -> Vec<CompletionItem> {
    let token_start = after_last(&line[..word_start], char::is_whitespace);
    let token = &line[token_start..];
    match token.split_once('=') {
        Some((question, _)) => values(index, file, question),
        None => questions(index, file),
    }
}

fn item(label: &str, kind: CompletionItemKind, detail: Option<&str>) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: detail.map(str::to_string),
        ..CompletionItem::default()
    }
}

fn keywords(words: &[&str]) -> Vec<CompletionItem> {
    words
        .iter()
        .map(|w| item(w, CompletionItemKind::KEYWORD, None))
        .collect()
}

/// Every node declared, with its id and what it says.
fn all_nodes(index: &Names) -> impl Iterator<Item = (&Declaration, &str, &NodeDetail)> {
    (index.table.declarations().iter()).filter_map(|d| match (&d.symbol, &d.detail) {
        (Symbol::Node(id), Detail::Node(node)) => Some((d, id.as_str(), &**node)),
        _ => None,
    })
}

/// Nodes as this file would write them: its own by local id, others' by
/// `file.id`.
fn nodes(index: &Names, file: usize) -> Vec<CompletionItem> {
    let here = index.namespace(file);
    all_nodes(index)
        .map(|(declared, id, n)| {
            let own = index.namespace(declared.span.file()) == here;
            let label = if own { declared.symbol.word() } else { id };
            let detail = n
                .ask
                .clone()
                .or_else(|| n.title.clone())
                .unwrap_or_default();
            item(
                label,
                CompletionItemKind::REFERENCE,
                Some(&format!("{} · {detail}", n.sort.word())),
            )
        })
        .collect()
}

fn questions(index: &Names, file: usize) -> Vec<CompletionItem> {
    let mut items = nodes(index, file);
    items.retain(|i| {
        i.detail
            .as_deref()
            .is_some_and(|d| d.starts_with("question"))
    });
    items
}

fn facts(index: &Names, numbers_only: bool) -> Vec<CompletionItem> {
    (index.table.declarations().iter())
        .filter_map(|d| match (&d.symbol, &d.detail) {
            (Symbol::Fact(name), Detail::Fact(domain)) => Some((name, domain)),
            _ => None,
        })
        .filter(|(_, domain)| !numbers_only || matches!(domain, Domain::Number { .. }))
        .map(|(name, domain)| {
            let detail = domain_text(domain);
            item(name, CompletionItemKind::VARIABLE, Some(&detail))
        })
        .collect()
}

/// Every tag declared or written in a `tags` line, once each, sorted.
fn tags(index: &Names) -> Vec<String> {
    let declared = index.table.declarations().iter();
    let mut tags: Vec<String> = all_nodes(index)
        .flat_map(|(_, _, n)| n.tags.iter().cloned())
        .chain(declared.filter_map(|d| match &d.symbol {
            Symbol::Tag(tag) => Some(tag.clone()),
            _ => None,
        }))
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// The values `operand` can be compared with: a fact's words (or true and
/// false), a question's answers; yes/no/unsure for a tag's questions.
fn values(index: &Names, file: usize, operand: &str) -> Vec<CompletionItem> {
    if operand.is_empty() {
        return keywords(&YesNo::ALL.map(YesNo::id));
    }
    let table = &index.table;
    if let Some(fact) = table.find(&Symbol::Fact(operand.to_string())) {
        return match &table.declaration(fact).detail {
            Detail::Fact(Domain::Bool) => keywords(&["true", "false"]),
            Detail::Fact(Domain::Enum(values)) => values
                .iter()
                .map(|v| item(v, CompletionItemKind::ENUM_MEMBER, Some(operand)))
                .collect(),
            _ => Vec::new(),
        };
    }
    let node = table.node_named(index.namespace(file), operand);
    match node.map(|node| &table.declaration(node).detail) {
        Some(Detail::Node(node)) if node.sort == NodeSort::Question => node
            .answers
            .iter()
            .map(|(answer, label)| item(answer, CompletionItemKind::ENUM_MEMBER, Some(label)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The keywords of the block the text ends inside.
fn block_keywords(text: &str) -> &'static [&'static str] {
    const BLOCKS: &[&str] = &[
        "flow",
        "section",
        "question",
        "decide",
        "outcome",
        "invariant",
        "case",
        "vignette",
        "source",
    ];
    let mut stack: Vec<&str> = Vec::new();
    // The code (no strings, no comments) since the last brace.
    let mut segment = String::new();
    for (_, c) in code_chars(text) {
        match c {
            '"' => segment.push(' '),
            '{' => {
                let keyword = segment
                    .split_whitespace()
                    .rev()
                    .find_map(|w| BLOCKS.iter().find(|b| **b == w).copied())
                    .unwrap_or("");
                stack.push(keyword);
                segment.clear();
            }
            '}' => {
                stack.pop();
                segment.clear();
            }
            _ => segment.push(c),
        }
    }
    match stack.last().copied() {
        None => TOP,
        Some("flow") => FLOW,
        Some("section") => SECTION,
        Some("question") => QUESTION,
        Some("decide") => DECIDE,
        Some("outcome") => OUTCOME,
        Some("case") => CASE,
        Some("vignette") => VIGNETTE,
        Some("source") => SOURCE,
        // An invariant's body is a condition; an unknown block, anything.
        Some(_) => TOP,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_before_the_cursor_may_hold_any_character() {
        let index = Names::default();
        // A two-byte space and a three-byte dash just before the cursor.
        for text in ["answers q=\u{a0}", "why \"a \u{2014}", "\u{2014}x"] {
            let _ = complete(&index, 0, text, text.len());
        }
        assert_eq!(after_last("a\u{a0}b", char::is_whitespace), 3);
    }

    #[test]
    fn a_typed_word_keeps_labels_with_its_letters_in_order() {
        assert!(in_order("sdl", "saddle"));
        assert!(in_order("", "saddle"));
        assert!(!in_order("x", "saddle"));
        assert!(!in_order("ds", "saddle"));
    }

    #[test]
    fn keywords_follow_the_enclosing_block() {
        assert_eq!(block_keywords("question q {\n  "), QUESTION);
        assert_eq!(
            block_keywords("section s \"S {\" {\n question q { ask \"}\" }\n"),
            SECTION
        );
        assert_eq!(block_keywords("outcome o { title \"x\" }\n"), TOP);
        assert_eq!(block_keywords("fact a: bool\nquestion q {\n"), QUESTION);
        assert_eq!(block_keywords("source ng59 {\n  "), SOURCE);
        // A citation inside a question opens no block.
        assert_eq!(block_keywords("question q {\n  source ng59\n  "), QUESTION);
    }
}
