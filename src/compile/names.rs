//! The names a knowledge folder declares, and how a written name finds one.

use std::cell::RefCell;
use std::collections::HashMap;

use super::NodeId;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span, Suggestion, suggest_name};
use crate::syntax::ast::Name;

/// Node ids by qualified name, with each file's nodes in written order (for `next`).
#[derive(Debug, Default)]
pub struct NodeNames {
    pub by_id: HashMap<String, NodeId>,
    pub ids: Vec<String>,
    /// Where each node's id is written, for "already declared at".
    pub spans: Vec<Span>,
    /// For each node: the node written after it in the same file.
    pub next_in_file: Vec<Option<NodeId>>,
    /// Local id -> the node, or `None` when several files have that local id.
    pub by_local: HashMap<String, Option<NodeId>>,
    /// Where `lookup` writes a qualified id: every target is looked up, and
    /// a fresh string for each was a good part of lowering a large folder.
    scratch: RefCell<String>,
}

impl NodeNames {
    /// Resolves a target or operand written in `namespace`. `from` is the node
    /// the name is written in, for `next`.
    pub fn resolve(
        &self,
        name: &Name,
        namespace: &str,
        from: Option<NodeId>,
    ) -> Result<NodeId, Diagnostic> {
        if let Some(index) = self.lookup(name, namespace, from) {
            return Ok(index);
        }
        if name.text == "next" {
            return match from.and_then(|node| self.next_in_file[node.index()]) {
                Some(next) => Ok(next),
                None => Err(Diagnostic::new(
                    DiagnosticKind::NoWayOn,
                    name.span,
                    "`next` has nothing to go to: no node is written after this one in the file",
                )
                .with_label("nothing follows")
                .with_hint(Some("name the target instead of `next`".into()))),
            };
        }
        Err(self.unknown(name, namespace))
    }

    /// [`resolve`](Self::resolve) without the diagnostic, for callers with a
    /// fallback: building the "did you mean" hint compares against every id.
    pub fn lookup(&self, name: &Name, namespace: &str, from: Option<NodeId>) -> Option<NodeId> {
        if name.text == "next" {
            return from.and_then(|node| self.next_in_file[node.index()]);
        }
        lookup_node(
            &self.by_id,
            name.text,
            namespace,
            &mut self.scratch.borrow_mut(),
        )
    }

    /// Records a declared node's local id, for [`unique_local`](Self::unique_local).
    pub fn declare_local(&mut self, local: &str, index: NodeId) {
        self.by_local
            .entry(local.into())
            .and_modify(|found| *found = None)
            .or_insert(Some(index));
    }

    /// The node whose local id is `local`, when exactly one file has one.
    pub fn unique_local(&self, local: &str) -> Option<NodeId> {
        self.by_local.get(local).copied().flatten()
    }

    fn unknown(&self, name: &Name, namespace: &str) -> Diagnostic {
        let prefix = format!("{namespace}.");
        let local = self.ids.iter().filter_map(|id| id.strip_prefix(&prefix));
        // The same id in another file is what was meant far more often than
        // a close name here (`refer_recent_procedure` for the question
        // `recent_procedure`), so it comes first.
        let fix = self.elsewhere(name).or_else(|| {
            suggest_name(
                name.text,
                name.span,
                local.chain(self.ids.iter().map(String::as_str)),
            )
        });
        Diagnostic::new(
            DiagnosticKind::UnknownId,
            name.span,
            format!("unknown id `{}`", name.text),
        )
        .with_label("no node has this id")
        .with_suggestions(fix)
    }

    // A local name that exists in another file only needs its file name.
    fn elsewhere(&self, name: &Name) -> Option<Suggestion> {
        self.unique_local(name.text).map(|one| {
            let mut fix = Suggestion::did_you_mean(name.span, &self.ids[one.index()]);
            fix.message
                .push_str(" (ids from other files need the file name)");
            fix
        })
    }
}

/// The node `text` written in a file of `namespace` means: `file.id`, or
/// an id of the same file. `qualified` is room to write the id in.
pub(super) fn lookup_node(
    by_id: &HashMap<String, NodeId>,
    text: &str,
    namespace: &str,
    qualified: &mut String,
) -> Option<NodeId> {
    if text.contains('.') {
        return by_id.get(text).copied();
    }
    qualified.clear();
    qualified.push_str(namespace);
    qualified.push('.');
    qualified.push_str(text);
    by_id.get(qualified.as_str()).copied()
}

/// "first declared at" label text for duplicate errors.
pub fn duplicate(kind: DiagnosticKind, what: &str, name: &Name, first_at: String) -> Diagnostic {
    Diagnostic::new(kind, name.span, format!("duplicate {what} `{}`", name.text))
        .with_label(format!("already declared at {first_at}"))
        .with_hint(Some(format!("rename one of them, or remove this {what}")))
}
