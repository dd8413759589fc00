//! The outline of a file: its sections with their nodes inside, the nodes
//! outside any section, its facts, invariants, cases and vignettes.

use lsp_types::{DocumentSymbol, SymbolKind};

use super::file_names::FileNames;
use super::line_index::LineIndex;

pub fn outline(names: &FileNames, lines: &LineIndex) -> Vec<DocumentSymbol> {
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
    let mut sections: Vec<DocumentSymbol> = names
        .sections
        .iter()
        .map(|s| {
            let mut section = symbol(
                s.id.clone(),
                Some(s.title.clone()),
                SymbolKind::NAMESPACE,
                s.whole.clone(),
                s.name.clone(),
            );
            section.children = Some(Vec::new());
            section
        })
        .collect();
    let mut top = Vec::new();
    for node in &names.nodes {
        let kind = match node.kind {
            "question" => SymbolKind::FUNCTION,
            "decide" => SymbolKind::OPERATOR,
            _ => SymbolKind::ENUM_MEMBER,
        };
        let detail = node
            .ask
            .clone()
            .or_else(|| node.title.clone())
            .map(|text| format!("{} · {text}", node.kind))
            .or_else(|| Some(node.kind.to_string()));
        let item = symbol(
            node.local.clone(),
            detail,
            kind,
            node.whole.clone(),
            node.name.clone(),
        );
        match node.section.and_then(|s| sections.get_mut(s)) {
            Some(section) => section.children.get_or_insert_default().push(item),
            None => top.push(item),
        }
    }
    let mut out: Vec<DocumentSymbol> = names
        .facts
        .iter()
        .map(|f| {
            symbol(
                f.name.clone(),
                Some(f.domain.clone()),
                SymbolKind::VARIABLE,
                f.whole.clone(),
                f.range.clone(),
            )
        })
        .collect();
    out.append(&mut sections);
    out.append(&mut top);
    for other in &names.others {
        out.push(symbol(
            other.title.clone(),
            Some(other.kind.to_string()),
            match other.kind {
                "invariant" => SymbolKind::PROPERTY,
                "flow" => SymbolKind::MODULE,
                _ => SymbolKind::EVENT,
            },
            other.whole.clone(),
            other.selection.clone(),
        ));
    }
    out.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    out
}
