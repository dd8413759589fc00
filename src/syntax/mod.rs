//! Text -> AST with spans, through the pest grammar in `grammar/flow.pest`.
//! Nothing downstream sees a pest `Pair`; nothing here resolves names.

pub mod ast;
mod format;
mod nesting;
mod parser;
mod syntax_error;

pub use format::format;
pub use parser::parse;
