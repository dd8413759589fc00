//! The names of a whole folder: which declaration each written name means,
//! by the compiler's rules (a fact before a node; `file.id`, then the id in
//! the same file, then an id only one file has), and every place a symbol
//! is written, for definition, references, rename and hover.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::file_names::{FactInfo, FileNames, NodeInfo, Occurrence, Symbol, Written};

/// Words that are never an answer id of their own.
const YES_NO: [&str; 3] = ["yes", "no", "unsure"];

#[derive(Debug, Default)]
pub struct NameIndex {
    /// One per file of the folder, in the folder's order.
    pub files: Vec<Arc<FileNames>>,
    nodes: HashMap<String, (usize, usize)>,
    /// Local id -> qualified id, or `None` when several files have it.
    locals: HashMap<String, Option<String>>,
    facts: HashMap<String, (usize, usize)>,
}

impl NameIndex {
    pub fn new(files: Vec<Arc<FileNames>>) -> NameIndex {
        let mut index = NameIndex::default();
        for (f, file) in files.iter().enumerate() {
            for (n, node) in file.nodes.iter().enumerate() {
                index.nodes.entry(node.id.clone()).or_insert((f, n));
                index
                    .locals
                    .entry(node.local.clone())
                    .and_modify(|one| {
                        if one.as_deref() != Some(node.id.as_str()) {
                            *one = None;
                        }
                    })
                    .or_insert_with(|| Some(node.id.clone()));
            }
            for (n, fact) in file.facts.iter().enumerate() {
                index.facts.entry(fact.name.clone()).or_insert((f, n));
            }
        }
        index.files = files;
        index
    }

    pub fn node(&self, id: &str) -> Option<(usize, &NodeInfo)> {
        let &(file, n) = self.nodes.get(id)?;
        Some((file, &self.files[file].nodes[n]))
    }

    pub fn fact(&self, name: &str) -> Option<(usize, &FactInfo)> {
        let &(file, n) = self.facts.get(name)?;
        Some((file, &self.files[file].facts[n]))
    }

    pub fn facts(&self) -> impl Iterator<Item = &FactInfo> {
        self.files.iter().flat_map(|f| f.facts.iter())
    }

    pub fn all_nodes(&self) -> impl Iterator<Item = &NodeInfo> {
        self.files.iter().flat_map(|f| f.nodes.iter())
    }

    /// What a `tag` or `source` declaration says of `symbol`.
    pub fn declared(&self, symbol: &Symbol) -> Option<&[String]> {
        self.files
            .iter()
            .flat_map(|f| f.declared.iter())
            .find(|d| d.symbol == *symbol)
            .map(|d| d.about.as_slice())
    }

    /// Every tag declared or written in a `tags` line, once each, sorted.
    pub fn tags(&self) -> Vec<String> {
        let declared = self.files.iter().flat_map(|f| &f.declared);
        let mut tags: Vec<String> = self
            .all_nodes()
            .flat_map(|n| n.tags.iter().cloned())
            .chain(declared.filter_map(|d| match &d.symbol {
                Symbol::Tag(tag) => Some(tag.clone()),
                _ => None,
            }))
            .collect();
        tags.sort();
        tags.dedup();
        tags
    }

    /// The node a name written in file `file` means.
    pub fn node_named(&self, file: usize, text: &str) -> Option<&str> {
        if text.contains('.') {
            return self.nodes.get_key_value(text).map(|(id, _)| id.as_str());
        }
        let namespace = &self.files.get(file)?.namespace;
        let qualified = format!("{namespace}.{text}");
        if let Some((id, _)) = self.nodes.get_key_value(&qualified) {
            return Some(id.as_str());
        }
        self.locals.get(text)?.as_deref()
    }

    /// What an occurrence in file `file` stands for, if anything declared.
    pub fn resolve(&self, file: usize, occurrence: &Occurrence) -> Option<Symbol> {
        let text = occurrence.text.as_str();
        match &occurrence.written {
            Written::Declares(symbol) => Some(symbol.clone()),
            Written::Next(id) => Some(Symbol::Node(id.clone())),
            Written::Target | Written::CaseQuestion => self.node_symbol(file, text),
            Written::Operand { invariant } => {
                if *invariant && ["verdict", "urgency", "outcome"].contains(&text) {
                    return None;
                }
                if self.facts.contains_key(text) {
                    return Some(Symbol::Fact(text.to_string()));
                }
                self.node_symbol(file, text)
            }
            Written::Fact => self
                .facts
                .contains_key(text)
                .then(|| Symbol::Fact(text.to_string())),
            Written::Tag => Some(Symbol::Tag(text.to_string())),
            Written::Source => Some(Symbol::Source(text.to_string())),
            Written::FactValue { fact } => self.fact_value(fact, text),
            Written::OperandValue { operand, invariant } => {
                if *invariant && operand == "outcome" {
                    return self.node_symbol(file, text);
                }
                if self.facts.contains_key(operand.as_str()) {
                    return self.fact_value(operand, text);
                }
                let question = self.node_named(file, operand)?;
                self.answer(question, text)
            }
            Written::CaseAnswer { question } => {
                let question = self.node_named(file, question)?;
                self.answer(question, text)
            }
        }
    }

    fn node_symbol(&self, file: usize, text: &str) -> Option<Symbol> {
        self.node_named(file, text)
            .map(|id| Symbol::Node(id.to_string()))
    }

    fn fact_value(&self, fact: &str, value: &str) -> Option<Symbol> {
        let (_, info) = self.fact(fact)?;
        info.values
            .iter()
            .any(|v| v == value)
            .then(|| Symbol::Value {
                fact: fact.to_string(),
                value: value.to_string(),
            })
    }

    fn answer(&self, question: &str, answer: &str) -> Option<Symbol> {
        if YES_NO.contains(&answer) {
            return None;
        }
        let (_, info) = self.node(question)?;
        info.answers
            .iter()
            .any(|(id, _)| id == answer)
            .then(|| Symbol::Answer {
                question: question.to_string(),
                answer: answer.to_string(),
            })
    }

    /// The name under (or just before) byte `offset` of file `file`, and
    /// what it stands for. `text` is the file's text now: names kept from
    /// before the file stopped parsing count only where they still stand.
    pub fn at(&self, file: usize, offset: usize, text: &str) -> Option<(&Occurrence, Symbol)> {
        let names = self.files.get(file)?;
        let found = names.occurrences.iter().find(|o| {
            o.range.start <= offset
                && offset <= o.range.end
                && text.get(o.range.clone()) == Some(o.text.as_str())
        })?;
        Some((found, self.resolve(file, found)?))
    }

    /// Every place `symbol` is written: (file, occurrence).
    pub fn occurrences<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = (usize, &'a Occurrence)> + 'a {
        // Only a name spelled like the symbol (or a `next`) can mean it:
        // the cheap test first, resolving only those.
        let word = symbol.word();
        self.files.iter().enumerate().flat_map(move |(f, names)| {
            names
                .occurrences
                .iter()
                .filter(move |o| {
                    let spelled = o.text.rsplit('.').next() == Some(word);
                    (spelled || matches!(o.written, Written::Next(_)))
                        && self.resolve(f, o).as_ref() == Some(symbol)
                })
                .map(move |o| (f, o))
        })
    }

    /// Where `symbol` is declared: (file, byte range of its name).
    pub fn declarations(&self, symbol: &Symbol) -> Vec<(usize, Range<usize>)> {
        // Nodes and facts are looked up, not searched for.
        match symbol {
            Symbol::Node(id) => {
                return self
                    .node(id)
                    .map(|(file, node)| (file, node.name.clone()))
                    .into_iter()
                    .collect();
            }
            Symbol::Fact(name) => {
                return self
                    .fact(name)
                    .map(|(file, fact)| (file, fact.range.clone()))
                    .into_iter()
                    .collect();
            }
            _ => {}
        }
        self.occurrences(symbol)
            .filter(|(_, o)| matches!(o.written, Written::Declares(_)))
            .map(|(f, o)| (f, o.range.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::file_names::file_names;
    use crate::syntax::parse;

    fn index(files: &[(&str, &str)]) -> NameIndex {
        let names = files
            .iter()
            .enumerate()
            .map(|(i, (namespace, text))| {
                let document = parse(text, i).expect("the test text parses");
                Arc::new(file_names(&document, namespace, text))
            })
            .collect();
        NameIndex::new(names)
    }

    #[test]
    fn a_fact_comes_before_a_question_of_the_same_name() {
        let main = "fact pain: bool\nquestion pain { ask \"?\" yes -> next no -> next }\n\
                    decide d { when pain -> other.end otherwise -> other.end }";
        let other = "outcome end { verdict treat title \"t\" }";
        let index = index(&[("main", main), ("other", other)]);
        let at = main.find("when pain").expect("the condition") + 6;
        let (_, symbol) = index.at(0, at, main).expect("a name there");
        assert_eq!(symbol, Symbol::Fact("pain".into()));
        let at = main.find("other.end").expect("the target") + 7;
        let (_, symbol) = index.at(0, at, main).expect("a name there");
        assert_eq!(symbol, Symbol::Node("other.end".into()));
        assert_eq!(index.declarations(&symbol), vec![(1, 8..11)]);
        // `next` of the question's arms is the decide node.
        let at = main.find("-> next").expect("next") + 4;
        let (_, symbol) = index.at(0, at, main).expect("a name there");
        assert_eq!(symbol, Symbol::Node("main.d".into()));
    }
}
