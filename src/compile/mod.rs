//! AST -> [`Flow`]: names resolved, the petgraph graph built, every error in
//! the knowledge reported at once with a pointer into the source.

mod answer_value;
mod cascade;
mod changes;
mod compile_case;
mod compile_condition;
mod compile_node;
mod compile_within;
mod compiler;
mod condition;
mod evaluate;
mod flow;
mod graph_build;
mod graph_checks;
mod names;
mod questions_left;
mod rebuild;
mod resolve;
mod root_table;
mod sources;
mod symbol_table;
mod symbols;
mod topo_order;
mod value;
mod yes_no;

pub use answer_value::AnswerValue;
pub use changes::Change;
pub use compiler::{compile, compile_with_symbols};
pub use condition::{CompareOp, Cond, Operand};
pub use evaluate::{Lookup, eval};
pub use flow::*;
pub use questions_left::QuestionsLeft;
pub use root_table::{Finding, FindingRoots, RootTable, Sign, TestKind, node_findings};
pub use symbol_table::{
    Citation, Declaration, DeclarationId, Detail, NodeDetail, NodeSort, Reference, Symbol,
    SymbolKind, SymbolTable, Written,
};
pub use symbols::symbols;
pub use value::{Domain, Value};
pub use yes_no::{NotYesNo, YesNo};

#[cfg(test)]
mod fix_message_tests;
#[cfg(test)]
pub(crate) mod tests;
