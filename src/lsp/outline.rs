//! The outline of a file: its sections with their nodes inside, the nodes
//! outside any section, its facts, invariants, cases and vignettes, from
//! the compiler's declarations.

use lsp_types::{DocumentSymbol, SymbolKind};

use super::hover::domain_text;
use super::line_index::LineIndex;
use super::names::Names;
use crate::compile::{DeclarationId, Detail, NodeSort, Symbol};

pub fn outline(names: &Names, file: usize, lines: &LineIndex) -> Vec<DocumentSymbol> {
    let symbol = |name: String, detail: Option<String>, kind, whole, selection| {
        #[allow(deprecated)] // `deprecated` is a field the protocol keeps for old clients.
        DocumentSymbol {
            name,
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: lines.range(whole),
            selection_range: lines.range(selection),
            children: None,
        }
    };
    let here: Vec<_> = (names.table.declared())
        .filter(|(_, d)| d.extent.file() == file)
        .collect();
    let mut sections: Vec<(DeclarationId, DocumentSymbol)> = Vec::new();
    let mut out = Vec::new();
    let mut top = Vec::new();
    let mut others = Vec::new();
    for (id, declared) in &here {
        let whole = declared.extent.range();
        let name = declared.span.range();
        match (&declared.symbol, &declared.detail) {
            (Symbol::Section(_), Detail::Titled(title)) => {
                let local = declared.symbol.word().to_string();
                let mut section = symbol(
                    local,
                    Some(title.clone()),
                    SymbolKind::NAMESPACE,
                    whole,
                    name,
                );
                section.children = Some(Vec::new());
                sections.push((*id, section));
            }
            (Symbol::Fact(fact), Detail::Fact(domain)) => out.push(symbol(
                fact.clone(),
                Some(domain_text(domain)),
                SymbolKind::VARIABLE,
                whole,
                name,
            )),
            (Symbol::Flow(_), Detail::Titled(title)) => {
                others.push(symbol(
                    title.clone(),
                    Some("flow".into()),
                    SymbolKind::MODULE,
                    whole,
                    name,
                ));
            }
            (Symbol::Invariant(_), Detail::Titled(title)) => others.push(symbol(
                title.clone(),
                Some("invariant".into()),
                SymbolKind::PROPERTY,
                whole,
                name,
            )),
            (Symbol::Case(_), Detail::Titled(title)) => {
                others.push(symbol(
                    title.clone(),
                    Some("case".into()),
                    SymbolKind::EVENT,
                    whole,
                    name,
                ));
            }
            (Symbol::Vignette(_), Detail::Titled(title)) => others.push(symbol(
                title.clone(),
                Some("vignette".into()),
                SymbolKind::EVENT,
                whole,
                name,
            )),
            _ => {}
        }
    }
    for (_, declared) in &here {
        let (Symbol::Node(_), Detail::Node(node)) = (&declared.symbol, &declared.detail) else {
            continue;
        };
        let kind = match node.sort {
            NodeSort::Question => SymbolKind::FUNCTION,
            NodeSort::Decide => SymbolKind::OPERATOR,
            NodeSort::Outcome => SymbolKind::ENUM_MEMBER,
        };
        let sort = node.sort.word();
        let detail = node
            .ask
            .clone()
            .or_else(|| node.title.clone())
            .map(|text| format!("{sort} · {text}"))
            .or_else(|| Some(sort.to_string()));
        let item = symbol(
            declared.symbol.word().to_string(),
            detail,
            kind,
            declared.extent.range(),
            declared.span.range(),
        );
        let section = node
            .section
            .and_then(|s| sections.iter_mut().find(|(id, _)| *id == s));
        match section {
            Some((_, section)) => section.children.get_or_insert_default().push(item),
            None => top.push(item),
        }
    }
    out.extend(sections.into_iter().map(|(_, section)| section));
    out.append(&mut top);
    out.append(&mut others);
    out.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    out
}
