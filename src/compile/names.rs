//! The names a knowledge folder declares, and how a written name finds one.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::syntax::ast::Name;

/// Node ids by qualified name, with each file's nodes in written order (for `next`).
#[derive(Debug, Default)]
pub struct NodeNames {
    pub by_id: HashMap<String, usize>,
    pub ids: Vec<String>,
    pub namespaces: Vec<String>,
    /// For each node: the node written after it in the same file.
    pub next_in_file: Vec<Option<usize>>,
}

impl NodeNames {
    /// Resolves a target or operand written in `namespace`. `from` is the node
    /// the name is written in, for `next`.
    pub fn resolve(
        &self,
        name: &Name,
        namespace: &str,
        from: Option<usize>,
    ) -> Result<usize, Diagnostic> {
        if name.text == "next" {
            return match from.and_then(|node| self.next_in_file[node]) {
                Some(next) => Ok(next),
                None => Err(Diagnostic::error(
                    "E004",
                    name.span,
                    "`next` has nothing to go to: no node is written after this one in the file",
                )
                .with_label("nothing follows")
                .with_hint(Some("name the target instead of `next`".into()))),
            };
        }
        let qualified = if name.text.contains('.') {
            name.text.clone()
        } else {
            format!("{namespace}.{}", name.text)
        };
        self.by_id
            .get(&qualified)
            .copied()
            .ok_or_else(|| self.unknown(name, namespace))
    }

    /// The node whose local id is `local`, when exactly one file has one.
    pub fn unique_local(&self, local: &str) -> Option<usize> {
        let suffix = format!(".{local}");
        let mut found = self
            .ids
            .iter()
            .enumerate()
            .filter(|(_, id)| id.ends_with(&suffix));
        match (found.next(), found.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
    }

    fn unknown(&self, name: &Name, namespace: &str) -> Diagnostic {
        let prefix = format!("{namespace}.");
        let local = self.ids.iter().filter_map(|id| id.strip_prefix(&prefix));
        let hint = did_you_mean(&name.text, local.chain(self.ids.iter().map(String::as_str)))
            .or_else(|| self.elsewhere(&name.text));
        Diagnostic::error("E002", name.span, format!("unknown id `{}`", name.text))
            .with_label("no node has this id")
            .with_hint(hint)
    }

    // A local name that exists in another file only needs its file name.
    fn elsewhere(&self, local: &str) -> Option<String> {
        let suffix = format!(".{local}");
        let found: Vec<&String> = self.ids.iter().filter(|id| id.ends_with(&suffix)).collect();
        match found[..] {
            [one] => Some(format!(
                "did you mean `{one}`? (ids from other files need the file name)"
            )),
            _ => None,
        }
    }
}

/// "first declared at" label text for duplicate errors.
pub fn duplicate(code: &'static str, what: &str, name: &Name, first_at: String) -> Diagnostic {
    Diagnostic::error(code, name.span, format!("duplicate {what} `{}`", name.text))
        .with_label(format!("already declared at {first_at}"))
        .with_hint(Some(format!("rename one of them, or remove this {what}")))
}
