//! What hovering over a name shows: a question's lay and clinical wording,
//! why it is asked and its sources; a fact's domain; an outcome's verdict
//! and title; an answer's or a value's place.

use std::fmt::Write as _;

use super::file_names::{NodeInfo, Symbol};
use super::name_index::NameIndex;

/// Markdown about `symbol`, or `None` when nothing is declared for it.
pub fn hover_text(index: &NameIndex, symbol: &Symbol) -> Option<String> {
    let mut out = String::new();
    match symbol {
        Symbol::Node(id) => {
            let (file, node) = index.node(id)?;
            node_text(&mut out, node, index, file);
        }
        Symbol::Fact(name) => {
            let (_, fact) = index.fact(name)?;
            let _ = write!(out, "**fact** `{}`: {}", fact.name, fact.domain);
        }
        Symbol::Value { fact, value } => {
            let (_, info) = index.fact(fact)?;
            let _ = write!(
                out,
                "`{value}`: a value of **fact** `{fact}` ({})",
                info.domain
            );
        }
        Symbol::Answer { question, answer } => {
            let (_, node) = index.node(question)?;
            let (_, label) = node.answers.iter().find(|(id, _)| id == answer)?;
            let _ = write!(out, "**answer** `{answer}` of `{question}`: {label}");
            if let Some(ask) = &node.ask {
                let _ = write!(out, "\n\n{ask}");
            }
        }
        Symbol::Tag(tag) => {
            let tagged: Vec<&str> = index
                .all_nodes()
                .filter(|n| n.tags.iter().any(|t| t == tag))
                .map(|n| n.id.as_str())
                .collect();
            let _ = write!(out, "**tag** `{tag}`");
            for line in index.declared(symbol).unwrap_or_default() {
                let _ = write!(out, "\n\n{line}");
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
            let (namespace, local) = id.split_once('.')?;
            let file = index.files.iter().find(|f| f.namespace == namespace)?;
            let section = file.sections.iter().find(|s| s.id == local)?;
            let _ = write!(out, "**section** `{local}`: {}", section.title);
        }
        Symbol::Source(id) => {
            let about = index.declared(symbol)?;
            let _ = write!(out, "**source** `{id}`");
            for line in about {
                let _ = write!(out, "\n\n{line}");
            }
        }
        Symbol::Vignette(id) => {
            let _ = write!(out, "**vignette** `{id}`");
        }
    }
    Some(out)
}

fn node_text(out: &mut String, node: &NodeInfo, index: &NameIndex, file: usize) {
    let _ = write!(out, "**{}** `{}`", node.kind, node.id);
    if let Some(verdict) = &node.verdict {
        let _ = write!(out, ": **{verdict}**");
    }
    if let Some(section) = node.section.and_then(|s| index.files[file].sections.get(s)) {
        let _ = write!(out, " (section {})", section.title);
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
        let _ = write!(out, "\n\n*Sources:* {}", node.sources.join("; "));
    }
    if !node.tags.is_empty() {
        let _ = write!(out, "\n\n*Tags:* {}", node.tags.join(", "));
    }
    let answers: Vec<&str> = node.answers.iter().map(|(id, _)| id.as_str()).collect();
    if !answers.is_empty() {
        let _ = write!(out, "\n\n*Answers:* {}", answers.join(", "));
    }
}
