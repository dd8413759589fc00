//! What hovering over a name shows: a question's lay and clinical wording,
//! why it is asked and its sources; a fact's domain; an outcome's verdict
//! and title; an answer's or a value's place.

use std::fmt::Write as _;

use super::names::Names;
use crate::compile::{
    Citation, DeclarationId, Detail, Domain, NodeDetail, Symbol, SymbolTable, TagMeaning,
};

/// Markdown about `declaration`, or `None` when there is nothing to say.
pub fn hover_text(names: &Names, declaration: DeclarationId) -> Option<String> {
    let table = &names.table;
    let declared = table.declaration(declaration);
    let mut out = String::new();
    match &declared.symbol {
        Symbol::Node(id) => {
            let node = node_detail(table, id)?;
            node_text(&mut out, id, node, table);
        }
        Symbol::Fact(name) => {
            let domain = fact_domain(table, name)?;
            let _ = write!(out, "**fact** `{name}`: {}", domain_text(domain));
        }
        Symbol::Value { fact, value } => {
            let domain = fact_domain(table, fact)?;
            let _ = write!(
                out,
                "`{value}`: a value of **fact** `{fact}` ({})",
                domain_text(domain)
            );
        }
        Symbol::Answer { question, answer } => {
            let node = node_detail(table, question)?;
            let (_, label) = node.answers.iter().find(|(id, _)| id == answer)?;
            let _ = write!(out, "**answer** `{answer}` of `{question}`: {label}");
            if let Some(ask) = &node.ask {
                let _ = write!(out, "\n\n{ask}");
            }
        }
        Symbol::Tag(tag) => {
            let tagged: Vec<&str> = (table.declarations().iter())
                .filter_map(|d| match (&d.symbol, &d.detail) {
                    (Symbol::Node(id), Detail::Node(node)) if node.tags.contains(tag) => {
                        Some(id.as_str())
                    }
                    _ => None,
                })
                .collect();
            let _ = write!(out, "**tag** `{tag}`");
            if let Detail::Tag {
                description,
                meaning,
            } = &declared.detail
            {
                let _ = write!(out, "\n\n{description}");
                if let Some(meaning) = meaning {
                    let _ = write!(out, "\n\n*Means:* {}", meaning_word(*meaning));
                }
            }
            let _ = write!(out, "\n\nOn {} node", tagged.len());
            if tagged.len() != 1 {
                out.push('s');
            }
            if !tagged.is_empty() {
                let shown: Vec<String> =
                    tagged.iter().take(12).map(|id| format!("`{id}`")).collect();
                let _ = write!(out, ": {}", shown.join(", "));
                if tagged.len() > shown.len() {
                    out.push_str(", ...");
                }
            }
        }
        Symbol::Section(id) => {
            let (_, local) = id.split_once('.')?;
            let Detail::Titled(title) = &declared.detail else {
                return None;
            };
            let _ = write!(out, "**section** `{local}`: {title}");
        }
        Symbol::Source(id) => {
            let _ = write!(out, "**source** `{id}`");
            if let Detail::Source {
                title,
                kind,
                section,
            } = &declared.detail
            {
                let about = [
                    title.clone(),
                    kind.as_ref().map(|k| format!("*Kind:* {k}")),
                    section.as_ref().map(|s| format!("*Section:* {s}")),
                ];
                for line in about.into_iter().flatten() {
                    let _ = write!(out, "\n\n{line}");
                }
            }
        }
        Symbol::Vignette(id) => {
            let _ = write!(out, "**vignette** `{id}`");
        }
        Symbol::Flow(_) | Symbol::Invariant(_) | Symbol::Case(_) => return None,
    }
    Some(out)
}

fn node_detail<'t>(table: &'t SymbolTable, id: &str) -> Option<&'t NodeDetail> {
    let found = table.find(&Symbol::Node(id.to_string()))?;
    match &table.declaration(found).detail {
        Detail::Node(node) => Some(node),
        _ => None,
    }
}

fn fact_domain<'t>(table: &'t SymbolTable, name: &str) -> Option<&'t Domain> {
    let found = table.find(&Symbol::Fact(name.to_string()))?;
    match &table.declaration(found).detail {
        Detail::Fact(domain) => Some(domain),
        _ => None,
    }
}

/// A fact's values as its declaration writes them: `bool`, `number 0..120`,
/// `none | thigh`.
pub fn domain_text(domain: &Domain) -> String {
    match domain {
        Domain::Bool => "bool".to_string(),
        Domain::Number { min, max } => format!("number {min}..{max}"),
        Domain::Enum(words) => words.join(" | "),
    }
}

fn meaning_word(meaning: TagMeaning) -> &'static str {
    match meaning {
        TagMeaning::RedFlag => "red_flag",
        TagMeaning::Urgency(urgency) => urgency.word(),
        TagMeaning::OutOfScope => "out_of_scope",
        TagMeaning::Neuro => "neuro",
    }
}

fn node_text(out: &mut String, id: &str, node: &NodeDetail, table: &SymbolTable) {
    let _ = write!(out, "**{}** `{id}`", node.sort.word());
    if let Some(verdict) = &node.verdict {
        let _ = write!(out, ": **{verdict}**");
    }
    let section = node.section.map(|s| &table.declaration(s).detail);
    if let Some(Detail::Titled(title)) = section {
        let _ = write!(out, " (section {title})");
    }
    if let Some(title) = &node.title {
        let _ = write!(out, "\n\n{title}");
    }
    if let Some(ask) = &node.ask {
        let _ = write!(out, "\n\n*Asks:* {ask}");
    }
    if let Some(clinical) = &node.clinical {
        let _ = write!(out, "\n\n*Clinical:* {clinical}");
    }
    if let Some(why) = &node.why {
        let _ = write!(out, "\n\n*Why:* {why}");
    }
    if !node.sources.is_empty() {
        let sources: Vec<String> = (node.sources.iter())
            .map(|source| match source {
                Citation::Declared(id) => format!("source `{id}`"),
                Citation::InPlace {
                    document,
                    part: Some(part),
                } => format!("{document}: {part}"),
                Citation::InPlace {
                    document,
                    part: None,
                } => document.clone(),
            })
            .collect();
        let _ = write!(out, "\n\n*Sources:* {}", sources.join("; "));
    }
    if !node.tags.is_empty() {
        let _ = write!(out, "\n\n*Tags:* {}", node.tags.join(", "));
    }
    let answers: Vec<&str> = node.answers.iter().map(|(id, _)| id.as_str()).collect();
    if !answers.is_empty() {
        let _ = write!(out, "\n\n*Answers:* {}", answers.join(", "));
    }
}
